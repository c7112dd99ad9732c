"""Reporte de hallazgos («auditar a los auditores»): un HTML autocontenido con gráficas y tablas.

Las cifras salen de las vistas de `modelos/vistas.sql` (las mismas que `informes consultar`)
sobre `informes.sqlite`, y el HTML de una plantilla de Jinja2 (`flows/plantillas/`), que escapa
todo texto. Se abre sin conexión (gráficas SVG incrustadas, sin CDN). Cada cifra enlaza a las
filas que la forman (informe, procedimiento, número y página), cada página abre el PDF en esa
página (`../pdf/<sha256>.pdf#page=N` o la URL de origen), y cada cifra lleva `data-cifra` para
que una prueba la compare con la misma cifra calculada con SQL sobre las tablas.
"""

from __future__ import annotations

import html
import io
import re
import sqlite3
from datetime import date
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from jinja2 import Environment, PackageLoader, select_autoescape  # noqa: E402
from markupsafe import Markup  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

from extractores.normalizacion import clave  # noqa: E402
from flows.archivos import escritura_atomica  # noqa: E402

TITULO = "Auditar a los auditores: hallazgos de los informes individuales"
ESTATUS = ("atendida", "no atendida", "sin determinar")
COLUMNAS_ESTATUS = {"atendida": "atendidas", "no atendida": "no_atendidas",
                    "sin determinar": "sin_determinar"}  # fmt: skip
COLORES = {"atendida": "#2e7d32", "no atendida": "#c62828", "sin determinar": "#9e9e9e"}
# Recomendaciones casi idénticas (rapidfuzz token_sort_ratio) forman un grupo «de machote».
SIMILITUD_MACHOTE = 90
# Un «cumplió» con más de esta fracción de recomendaciones no atendidas es un hallazgo.
FRACCION_HALLAZGO = 0.5
MAX_BARRAS = 25

# Secciones de atención: (nombre, vista, columna del grupo en la vista y en el detalle, título).
ATENCION = (
    ("ente", "atencion_por_ente", "ente_id", "ente", "Atención de recomendaciones por ente"),
    ("area", "atencion_por_area", "area", "area", "Atención por área del procedimiento"),
    ("ejercicio", "atencion_por_ejercicio", "ejercicio", "ejercicio",
     "Atención por ejercicio fiscal"),
    ("auditor", "atencion_por_auditor", "auditor", "auditor", "Atención por órgano auditor"),
    ("persona", "atencion_por_persona", "persona", "persona", "Atención por auditor (persona)"),
)  # fmt: skip
INDICE = (("ente", "Entes"), ("area", "Áreas"), ("ejercicio", "Ejercicios"),
          ("auditor", "Auditor"), ("persona", "Auditores"), ("dictamen", "Dictamen"),
          ("machote", "Machote"), ("oportunidad", "Oportunidad"), ("acciones", "Acciones ASF"),
          ("alertas", "Alertas"))  # fmt: skip
# Las acciones de la ASF, cada una con su informe, ente y dónde ver su PDF.
DETALLE_ACCIONES = """
SELECT a.informe_id, NULL AS procedimiento, a.resultado AS numero, a.pagina,
       a.clave || ' ' || a.tipo || ': ' || a.texto AS texto, a.tipo, a.monto,
       i.ente_normalizado AS ente, d.pdf, i.url_fuente
FROM acciones a
JOIN informes i ON i.informe_id = a.informe_id
LEFT JOIN documentos d ON d.sha256 = a.sha256
ORDER BY a.informe_id, a.resultado, a.clave
"""
DETALLE_CON_PERSONA = """
SELECT d.*, pe.nombre AS persona FROM recomendaciones_detalle d
JOIN personas pe ON pe.informe_id = d.informe_id AND pe.rol = 'auditor'
ORDER BY d.informe_id, d.procedimiento, d.numero, pe.nombre
"""


def plantillas() -> Environment:
    return Environment(
        loader=PackageLoader("flows", "plantillas"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def ancla(*partes: object) -> str:
    return "f-" + "-".join(re.sub(r"[^a-z0-9]+", "-", clave(str(p))).strip("-") for p in partes)


def texto(valor: object) -> str:
    """Un valor de una tabla como se muestra: 2020.0 -> '2020', NULL -> 'None'."""
    if valor is None or (isinstance(valor, float) and pd.isna(valor)):
        return "None"
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    return str(valor)


def enlace_pdf(fila: dict) -> str | None:
    """La página de una fila en su PDF: la copia publicada (relativa al reporte) o su URL."""
    pagina = fila.get("pagina")
    if pagina is None or pd.isna(pagina):
        return None
    if fila.get("pdf"):
        return f"../{fila['pdf']}#page={int(pagina)}"
    if fila.get("url_fuente"):
        return f"{fila['url_fuente']}#page={int(pagina)}"
    return None


class Apendice:
    """Las filas detrás de cada cifra, una vez por destino."""

    def __init__(self) -> None:
        self.bloques: list[dict] = []
        self._vistos: set[str] = set()

    def cifra(self, cifra: int, destino: str, etiqueta: str, titulo: str, filas: pd.DataFrame):
        if destino not in self._vistos:
            self._vistos.add(destino)
            self.bloques.append({"destino": destino, "titulo": titulo, "filas": _filas(filas)})
        return {"cifra": int(cifra), "destino": destino, "etiqueta": etiqueta}


def _filas(marco: pd.DataFrame) -> list[dict]:
    salida = []
    for fila in marco.to_dict("records"):
        salida.append({
            "informe_id": fila["informe_id"], "procedimiento": texto(fila["procedimiento"]),
            "numero": texto(fila["numero"]), "pagina": texto(fila["pagina"]),
            "texto": fila["texto"], "href": enlace_pdf(fila),
        })  # fmt: skip
    return salida


def svg(figura) -> Markup:
    memoria = io.StringIO()
    figura.savefig(memoria, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figura)
    contenido = memoria.getvalue()
    return Markup(contenido[contenido.index("<svg") :])  # SVG de matplotlib, no texto de datos


def grafica_atencion(vista: pd.DataFrame, titulo: str) -> Markup:
    datos = vista.head(MAX_BARRAS).iloc[::-1]
    figura, eje = plt.subplots(figsize=(8, 0.35 * len(datos) + 1.2))
    izquierda = [0] * len(datos)
    for estatus in ESTATUS:
        valores = datos[COLUMNAS_ESTATUS[estatus]].astype(int).tolist()
        eje.barh([texto(x) for x in datos["grupo"]], valores, left=izquierda,
                 color=COLORES[estatus], label=estatus)  # fmt: skip
        izquierda = [a + b for a, b in zip(izquierda, valores, strict=True)]
    eje.set_title(titulo)
    eje.set_xlabel("recomendaciones")
    eje.legend(loc="lower right", fontsize=8)
    return svg(figura)


def seccion_atencion(conexion, apendice: Apendice, detalle: pd.DataFrame, spec) -> dict:
    nombre, vista, llave, columna_detalle, titulo = spec
    grupo = "ente" if nombre == "ente" else llave
    datos = leer(conexion, f"SELECT {llave} AS llave, {grupo} AS grupo, * FROM {vista} "
                           "ORDER BY recomendaciones DESC, no_atendidas DESC, grupo")  # fmt: skip
    filas = []
    for fila in datos.to_dict("records"):
        columna = "ente_id" if nombre == "ente" else columna_detalle
        if fila["llave"] is None or pd.isna(fila["llave"]):
            propias = detalle[detalle[columna].isna()]
        else:
            propias = detalle[detalle[columna] == fila["llave"]]
        etiqueta_grupo = texto(fila["grupo"])
        celdas = []
        for estatus in (*ESTATUS, "total"):
            seleccion = propias if estatus == "total" else propias[propias["estatus"] == estatus]
            cifra = fila["recomendaciones" if estatus == "total" else COLUMNAS_ESTATUS[estatus]]
            celdas.append(apendice.cifra(
                cifra, ancla(nombre, etiqueta_grupo, estatus),
                f"{nombre}|{etiqueta_grupo}|{estatus}",
                f"{titulo}: {etiqueta_grupo}, {estatus}", seleccion,
            ))  # fmt: skip
        total = int(fila["recomendaciones"])
        porcentaje = 100 * int(fila["no_atendidas"]) / total if total else 0
        filas.append({"grupo": etiqueta_grupo, "celdas": celdas, "porcentaje": f"{porcentaje:.0f}"})
    grafica = grafica_atencion(datos, titulo) if len(datos) else Markup("")
    return {"nombre": nombre, "titulo": titulo, "filas": filas, "grafica": grafica}


def seccion_dictamen(conexion, apendice: Apendice, detalle: pd.DataFrame) -> dict:
    filas, puntos = [], []
    for f in leer(conexion, "SELECT * FROM dictamen_por_informe").to_dict("records"):
        fraccion = float(f["fraccion_no_atendidas"] or 0)
        dictamen = f["dictamen"] or ""
        hallazgo = dictamen == "cumplió" and fraccion > FRACCION_HALLAZGO
        propias = detalle[(detalle["informe_id"] == f["informe_id"])
                          & (detalle["estatus"] == "no atendida")]  # fmt: skip
        puntos.append((fraccion, dictamen or "sin dictamen"))
        filas.append({
            "informe_id": f["informe_id"], "ente": texto(f["ente"]), "dictamen": dictamen,
            "recomendaciones": int(f["recomendaciones"]), "hallazgo": hallazgo,
            "porcentaje": f"{100 * fraccion:.0f}",
            "no_atendidas": apendice.cifra(
                f["no_atendidas"] or 0, ancla("dictamen", f["informe_id"], "no atendida"),
                f"dictamen|{f['informe_id']}|no atendida", f"{f['informe_id']}: no atendidas",
                propias,
            ),
        })  # fmt: skip
    figura, eje = plt.subplots(figsize=(7, 3))
    categorias = ["cumplió", "no cumplió", "se abstiene de opinar", "sin dictamen"]
    for indice, categoria in enumerate(categorias):
        xs = [100 * f for f, c in puntos if c == categoria]
        eje.scatter(xs, [indice] * len(xs), alpha=0.7)
    eje.axvline(100 * FRACCION_HALLAZGO, color="#c62828", linestyle="--", linewidth=1)
    eje.set_yticks(range(len(categorias)), categorias)
    eje.set_xlabel("% de recomendaciones no atendidas")
    eje.set_xlim(-5, 105)
    eje.set_title("Dictamen contra recomendaciones no atendidas")
    return {"filas": filas, "grafica": svg(figura)}


def grupos_machote(recs: pd.DataFrame) -> list[pd.DataFrame]:
    """Recomendaciones casi idénticas en informes distintos (texto «de machote»)."""
    representantes: list[str] = []
    grupos: list[list[int]] = []
    for indice, valor in zip(recs.index, recs["texto"], strict=True):
        normal = clave(valor)
        for posicion, representante in enumerate(representantes):
            if fuzz.token_sort_ratio(normal, representante) >= SIMILITUD_MACHOTE:
                grupos[posicion].append(indice)
                break
        else:
            representantes.append(normal)
            grupos.append([indice])
    salida = [recs.loc[g] for g in grupos if recs.loc[g, "informe_id"].nunique() >= 2]
    return sorted(salida, key=lambda g: (-len(g), g["texto"].iloc[0]))


def seccion_machote(apendice: Apendice, detalle: pd.DataFrame) -> list[dict]:
    salida = []
    for numero, grupo in enumerate(grupos_machote(detalle), start=1):
        ejemplo = grupo["texto"].iloc[0]
        salida.append({
            "texto": ejemplo, "informes": grupo["informe_id"].nunique(),
            "entes": ", ".join(sorted(set(grupo["ente"].astype(str)))),
            "veces": apendice.cifra(len(grupo), ancla("machote", numero),
                                    f"machote|{numero}|recomendaciones",
                                    f"Grupo {numero}: {ejemplo[:80]}", grupo),
        })  # fmt: skip
    return salida


def seccion_oportunidad(conexion, apendice: Apendice, detalle: pd.DataFrame) -> list[dict]:
    salida = []
    for f in leer(conexion, "SELECT * FROM oportunidad_por_informe").to_dict("records"):
        identificador = f["informe_id"]
        extemporanea = f["respuesta_extemporanea"]
        tarde = False if extemporanea is None or pd.isna(extemporanea) else bool(extemporanea)
        atendidas = detalle[(detalle["informe_id"] == identificador)
                            & (detalle["estatus"] == "atendida")]  # fmt: skip
        plazo = f["plazo_dias_habiles"]
        salida.append({
            **{k: texto(f[k]) for k in ("informe_id", "oficio_notificacion", "fecha_notificacion",
                                        "oficio_respuesta", "fecha_respuesta")},
            "dias": int(f["dias_habiles_respuesta"]),
            "etiqueta_dias": f"oportunidad|{identificador}|dias",
            "plazo": "" if plazo is None or pd.isna(plazo) else str(int(plazo)),
            "tarde": tarde, "aceptada_tarde": tarde and int(f["atendidas"]) > 0,
            "atendidas": apendice.cifra(
                f["atendidas"], ancla("oportunidad", identificador, "atendida"),
                f"oportunidad|{identificador}|atendidas", f"{identificador}: atendidas",
                atendidas,
            ),
        })  # fmt: skip
    return salida


def seccion_acciones(conexion, apendice: Apendice) -> dict:
    """Acciones de la ASF por ente y tipo (vista `acciones_por_tipo_y_ente`), cada cifra
    enlazada a sus acciones, y los montos por ente y ejercicio (`montos_por_ente_y_ejercicio`)."""
    detalle = leer(conexion, DETALLE_ACCIONES)
    filas = []
    for f in leer(conexion, "SELECT * FROM acciones_por_tipo_y_ente").to_dict("records"):
        propias = detalle[(detalle["ente"] == f["ente"]) & (detalle["tipo"] == f["tipo"])]
        filas.append({
            "ente": texto(f["ente"]), "tipo": f["tipo"], "informes": int(f["informes"]),
            "monto": f"{float(f['monto']):,.2f}",
            "acciones": apendice.cifra(
                f["acciones"], ancla("acciones", f["ente"], f["tipo"]),
                f"acciones|{f['ente']}|{f['tipo']}", f"{f['ente']}: {f['tipo']}", propias,
            ),
        })  # fmt: skip
    montos = [
        {"ente": texto(f["ente"]), "ejercicio": texto(f["ejercicio"]), "informes": int(f["informes"]),
         **{k: f"{float(f[k]):,.2f}" for k in ("monto_por_aclarar", "monto_recuperado",
                                               "monto_en_acciones")}}
        for f in leer(conexion, "SELECT * FROM montos_por_ente_y_ejercicio").to_dict("records")
    ]  # fmt: skip
    return {"filas": filas, "montos": montos}


def seccion_alertas(conexion) -> list[dict]:
    salida = []
    for f in leer(conexion, "SELECT * FROM alertas_detalle").to_dict("records"):
        sin_procedimiento = f["procedimiento"] is None or pd.isna(f["procedimiento"])
        salida.append({
            "informe_id": f["informe_id"], "tipo": f["tipo"], "detalle": f["detalle"],
            "procedimiento": "" if sin_procedimiento else texto(f["procedimiento"]),
            "pagina": "" if sin_procedimiento else texto(f["pagina"]),
            "href": None if sin_procedimiento else enlace_pdf(f),
        })  # fmt: skip
    return salida


def leer(conexion: sqlite3.Connection, consulta: str) -> pd.DataFrame:
    marco = pd.read_sql_query(consulta, conexion)
    return marco.astype(object).where(marco.notna(), None)


def contexto(base: Path, entorno: Environment) -> dict:
    conexion = sqlite3.connect(base)
    try:
        detalle = leer(conexion, "SELECT * FROM recomendaciones_detalle")
        con_persona = leer(conexion, DETALLE_CON_PERSONA)
        apendice = Apendice()
        atencion = [
            seccion_atencion(conexion, apendice, con_persona if s[0] == "persona" else detalle, s)
            for s in ATENCION
        ]
        [(informes, recomendaciones, atendidas)] = conexion.execute(
            "SELECT (SELECT count(*) FROM informes), count(*), "
            "coalesce(sum(estatus = 'atendida'), 0) FROM recomendaciones"
        ).fetchall()
        return {
            "titulo": TITULO,
            "fecha": date.today().isoformat(),
            "estilo": Markup(entorno.loader.get_source(entorno, "estilo.css")[0]),
            "indice": INDICE,
            "estatus": ESTATUS,
            "resumen": {
                "informes": informes,
                "recomendaciones": recomendaciones,
                "atendidas": atendidas,
            },  # fmt: skip
            "atencion": atencion,
            "dictamen": seccion_dictamen(conexion, apendice, detalle),
            "hallazgo_pct": f"{100 * FRACCION_HALLAZGO:.0f}",
            "machote": seccion_machote(apendice, detalle),
            "similitud_machote": SIMILITUD_MACHOTE,
            "oportunidad": seccion_oportunidad(conexion, apendice, detalle),
            "acciones": seccion_acciones(conexion, apendice),
            "alertas": seccion_alertas(conexion),
            "apendice": apendice.bloques,
        }
    finally:
        conexion.close()


def documento(base: Path) -> str:
    entorno = plantillas()
    return entorno.get_template("reporte.html").render(**contexto(base, entorno))


def generar(salida: Path) -> Path:
    destino = salida / "reporte" / "index.html"
    contenido = documento(salida / "informes.sqlite")
    with escritura_atomica(destino) as archivo:
        archivo.write(contenido)
    return destino


def cifras(html_texto: str) -> dict[str, int]:
    """Las cifras marcadas en el reporte (`data-cifra`), para compararlas con SQL."""
    patron = re.compile(r'data-cifra="([^"]+)">(-?\d+)<')
    return {html.unescape(k): int(v) for k, v in patron.findall(html_texto)}
