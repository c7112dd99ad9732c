"""Reporte de hallazgos («auditar a los auditores»): un HTML autocontenido con gráficas y tablas.

Se abre sin conexión (gráficas SVG incrustadas, sin CDN). Cada cifra enlaza a las filas que la
forman (informe, procedimiento, número y página), y lleva `data-cifra` para que una prueba la
compare con la misma cifra calculada con SQL sobre las tablas.
"""

from __future__ import annotations

import html
import io
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from rapidfuzz import fuzz  # noqa: E402

from extractores.normalizacion import clave  # noqa: E402
from flows.archivos import escritura_atomica  # noqa: E402

ESTATUS = ("atendida", "no atendida", "sin determinar")
COLORES = {"atendida": "#2e7d32", "no atendida": "#c62828", "sin determinar": "#9e9e9e"}
# Recomendaciones casi idénticas (rapidfuzz token_sort_ratio) forman un grupo «de machote».
SIMILITUD_MACHOTE = 90
# Un «cumplió» con más de esta fracción de recomendaciones no atendidas es un hallazgo.
FRACCION_HALLAZGO = 0.5
MAX_BARRAS = 25

RECOMENDACIONES = """
SELECT r.informe_id, r.procedimiento, r.numero, r.pagina, r.texto, r.estatus, r.motivo,
       i.ente_id, i.ente_normalizado AS ente, i.ejercicio, i.auditor, i.dictamen,
       COALESCE(p.area_normalizada, '') AS area
FROM recomendaciones r
JOIN informes i ON i.informe_id = r.informe_id
LEFT JOIN procedimientos p ON p.informe_id = r.informe_id AND p.procedimiento = r.procedimiento
ORDER BY r.informe_id, r.procedimiento, r.numero
"""


def ancla(*partes: object) -> str:
    return "f-" + "-".join(re.sub(r"[^a-z0-9]+", "-", clave(str(p))).strip("-") for p in partes)


@dataclass
class Reporte:
    secciones: list[str] = field(default_factory=list)
    filas: list[str] = field(default_factory=list)  # apéndice con las filas detrás de cada cifra
    anclas: set[str] = field(default_factory=set)

    def enlace(self, cifra: object, destino: str, etiqueta_cifra: str) -> str:
        return (
            f'<a href="#{destino}" data-cifra="{html.escape(etiqueta_cifra)}">'
            f"{html.escape(str(cifra))}</a>"
        )

    def anexar_filas(self, destino: str, titulo: str, marco: pd.DataFrame) -> None:
        if destino in self.anclas:
            return
        self.anclas.add(destino)
        self.filas.append(f'<h4 id="{destino}">{html.escape(titulo)}</h4>' + tabla_filas(marco))


def tabla_filas(marco: pd.DataFrame) -> str:
    columnas = [
        c for c in ("informe_id", "procedimiento", "numero", "pagina", "texto") if c in marco
    ]
    cuerpo = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(f[c]))}</td>" for c in columnas) + "</tr>"
        for _, f in marco.iterrows()
    )
    encabezado = "".join(f"<th>{c}</th>" for c in columnas)
    return f'<table class="filas"><tr>{encabezado}</tr>{cuerpo}</table>'


def svg(figura) -> str:
    memoria = io.StringIO()
    figura.savefig(memoria, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figura)
    contenido = memoria.getvalue()
    return contenido[contenido.index("<svg") :]


def grafica_atencion(conteos: pd.DataFrame, titulo: str) -> str:
    datos = conteos.head(MAX_BARRAS).iloc[::-1]
    figura, eje = plt.subplots(figsize=(8, 0.35 * len(datos) + 1.2))
    izquierda = [0] * len(datos)
    for estatus in ESTATUS:
        valores = datos[estatus].tolist()
        eje.barh(
            [str(x) for x in datos["grupo"]],
            valores,
            left=izquierda,
            color=COLORES[estatus],
            label=estatus,
        )
        izquierda = [a + b for a, b in zip(izquierda, valores, strict=True)]
    eje.set_title(titulo)
    eje.set_xlabel("recomendaciones")
    eje.legend(loc="lower right", fontsize=8)
    return svg(figura)


def seccion_atencion(
    reporte: Reporte, recs: pd.DataFrame, columna: str, nombre: str, titulo: str
) -> None:
    if recs.empty:
        reporte.secciones.append(f"<h2>{titulo}</h2><p>Sin recomendaciones.</p>")
        return
    tabla = recs.pivot_table(
        index=columna, columns="estatus", values="numero", aggfunc="count", fill_value=0
    )
    for estatus in ESTATUS:
        if estatus not in tabla:
            tabla[estatus] = 0
    tabla["total"] = tabla[list(ESTATUS)].sum(axis=1)
    tabla = tabla.sort_values(["total", "no atendida"], ascending=False).reset_index()
    tabla = tabla.rename(columns={columna: "grupo"})
    renglones = []
    for _, fila in tabla.iterrows():
        grupo = fila["grupo"]
        celdas = [f"<td>{html.escape(str(grupo))}</td>"]
        for estatus in (*ESTATUS, "total"):
            destino = ancla(nombre, grupo, estatus)
            seleccion = recs[recs[columna] == grupo]
            if estatus != "total":
                seleccion = seleccion[seleccion["estatus"] == estatus]
            reporte.anexar_filas(destino, f"{titulo}: {grupo}, {estatus}", seleccion)
            celdas.append(
                f"<td>{reporte.enlace(int(fila[estatus]), destino, f'{nombre}|{grupo}|{estatus}')}</td>"
            )
        porcentaje = 100 * fila["no atendida"] / fila["total"] if fila["total"] else 0
        celdas.append(f"<td>{porcentaje:.0f} %</td>")
        renglones.append("<tr>" + "".join(celdas) + "</tr>")
    encabezado = "".join(f"<th>{c}</th>" for c in (nombre, *ESTATUS, "total", "% no atendidas"))
    reporte.secciones.append(
        f'<h2 id="{nombre}">{titulo}</h2><figure>{grafica_atencion(tabla, titulo)}</figure>'
        f"<table><tr>{encabezado}</tr>{''.join(renglones)}</table>"
    )


def seccion_dictamen(reporte: Reporte, informes: pd.DataFrame, recs: pd.DataFrame) -> None:
    renglones, puntos = [], []
    for _, informe in informes.iterrows():
        propias = recs[recs["informe_id"] == informe["informe_id"]]
        total = len(propias)
        no_atendidas = int((propias["estatus"] == "no atendida").sum())
        fraccion = no_atendidas / total if total else 0.0
        hallazgo = informe["dictamen"] == "cumplió" and fraccion > FRACCION_HALLAZGO
        destino = ancla("dictamen", informe["informe_id"], "no atendida")
        reporte.anexar_filas(destino, f"{informe['informe_id']}: no atendidas",
                             propias[propias["estatus"] == "no atendida"])  # fmt: skip
        puntos.append((fraccion, informe["dictamen"] or "sin dictamen"))
        clase = ' class="hallazgo"' if hallazgo else ""
        identificador = informe["informe_id"]
        enlace = reporte.enlace(no_atendidas, destino, f"dictamen|{identificador}|no atendida")
        celdas = [
            html.escape(identificador),
            html.escape(str(informe["ente_normalizado"])),
            html.escape(informe["dictamen"] or "—"),
            str(total),
            enlace,
            f"{100 * fraccion:.0f} %",
            "sí" if hallazgo else "",
        ]
        renglones.append(f"<tr{clase}>" + "".join(f"<td>{c}</td>" for c in celdas) + "</tr>")
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
    reporte.secciones.append(
        '<h2 id="dictamen">Dictamen contra recomendaciones no atendidas</h2>'
        f"<p>Un «cumplió» con más del {100 * FRACCION_HALLAZGO:.0f} % de recomendaciones no atendidas"
        " se marca como hallazgo.</p>"
        f"<figure>{svg(figura)}</figure><table><tr><th>informe</th><th>ente</th><th>dictamen</th>"
        "<th>recomendaciones</th><th>no atendidas</th><th>%</th><th>hallazgo</th></tr>"
        + "".join(renglones) + "</table>"
    )  # fmt: skip


def grupos_machote(recs: pd.DataFrame) -> list[pd.DataFrame]:
    """Recomendaciones casi idénticas en informes distintos (texto «de machote»)."""
    representantes: list[str] = []
    grupos: list[list[int]] = []
    for indice, texto in zip(recs.index, recs["texto"], strict=True):
        normal = clave(texto)
        for posicion, representante in enumerate(representantes):
            if fuzz.token_sort_ratio(normal, representante) >= SIMILITUD_MACHOTE:
                grupos[posicion].append(indice)
                break
        else:
            representantes.append(normal)
            grupos.append([indice])
    salida = [recs.loc[g] for g in grupos if recs.loc[g, "informe_id"].nunique() >= 2]
    return sorted(salida, key=lambda g: (-len(g), g["texto"].iloc[0]))


def seccion_machote(reporte: Reporte, recs: pd.DataFrame) -> None:
    renglones = []
    for numero, grupo in enumerate(grupos_machote(recs), start=1):
        destino = ancla("machote", numero)
        reporte.anexar_filas(destino, f"Grupo {numero}: {grupo['texto'].iloc[0][:80]}", grupo)
        entes = ", ".join(sorted(set(grupo["ente"].astype(str))))
        renglones.append(
            f"<tr><td>{html.escape(grupo['texto'].iloc[0])}</td>"
            f"<td>{reporte.enlace(len(grupo), destino, f'machote|{numero}|recomendaciones')}</td>"
            f"<td>{grupo['informe_id'].nunique()}</td><td>{html.escape(entes)}</td></tr>"
        )
    cuerpo = (
        "<table><tr><th>recomendación (ejemplo)</th><th>veces</th><th>informes</th><th>entes</th></tr>"
        + "".join(renglones) + "</table>"
        if renglones else "<p>No hay recomendaciones repetidas entre informes.</p>"
    )  # fmt: skip
    reporte.secciones.append(
        '<h2 id="machote">Recomendaciones de machote</h2>'
        f"<p>Grupos de recomendaciones casi idénticas (similitud ≥ {SIMILITUD_MACHOTE}) emitidas en"
        " dos o más informes.</p>" + cuerpo
    )


def seccion_oportunidad(reporte: Reporte, informes: pd.DataFrame, recs: pd.DataFrame) -> None:
    renglones = []
    for _, i in informes.iterrows():
        if pd.isna(i["dias_habiles_respuesta"]):
            continue
        atendidas = recs[(recs["informe_id"] == i["informe_id"]) & (recs["estatus"] == "atendida")]
        tarde = (
            bool(i["respuesta_extemporanea"]) if not pd.isna(i["respuesta_extemporanea"]) else False
        )
        aceptada_tarde = tarde and len(atendidas) > 0
        destino = ancla("oportunidad", i["informe_id"], "atendida")
        reporte.anexar_filas(destino, f"{i['informe_id']}: atendidas", atendidas)
        identificador = i["informe_id"]
        clase = ' class="hallazgo"' if aceptada_tarde else ""
        dias = int(i["dias_habiles_respuesta"])
        plazo = "" if pd.isna(i["plazo_dias_habiles"]) else str(int(i["plazo_dias_habiles"]))
        enlace = reporte.enlace(len(atendidas), destino, f"oportunidad|{identificador}|atendidas")
        marca_dias = html.escape(f"oportunidad|{identificador}|dias")
        celdas = [
            f"<td>{html.escape(identificador)}</td>",
            f"<td>{html.escape(str(i['oficio_notificacion']))}</td>",
            f"<td>{i['fecha_notificacion']}</td>",
            f"<td>{html.escape(str(i['oficio_respuesta']))}</td>",
            f"<td>{i['fecha_respuesta']}</td>",
            f'<td data-cifra="{marca_dias}">{dias}</td>',
            f"<td>{plazo}</td>",
            f"<td>{'sí' if tarde else 'no'}</td>",
            f"<td>{enlace}</td>",
            f"<td>{'sí' if aceptada_tarde else ''}</td>",
        ]
        renglones.append(f"<tr{clase}>" + "".join(celdas) + "</tr>")
    reporte.secciones.append(
        '<h2 id="oportunidad">Oportunidad de las respuestas</h2>'
        "<p>Días hábiles (lunes a viernes; sin contar días festivos) entre el oficio que notificó los"
        " resultados preliminares y la respuesta del ente, contra el plazo que da el informe.</p>"
        "<table><tr><th>informe</th><th>oficio de notificación</th><th>fecha</th><th>oficio de respuesta"
        "</th><th>recibida</th><th>días hábiles</th><th>plazo</th><th>fuera de plazo</th>"
        "<th>recomendaciones atendidas</th><th>aceptada fuera de plazo</th></tr>"
        + "".join(renglones) + "</table>"
    )  # fmt: skip


def seccion_alertas(reporte: Reporte, alertas: pd.DataFrame, procedimientos: pd.DataFrame) -> None:
    paginas = {
        (p["informe_id"], p["procedimiento"]): p["pagina"] for _, p in procedimientos.iterrows()
    }
    renglones = []
    for _, a in alertas.iterrows():
        sin_procedimiento = pd.isna(a["procedimiento"])
        procedimiento = "" if sin_procedimiento else int(a["procedimiento"])
        pagina = "" if sin_procedimiento else paginas.get((a["informe_id"], a["procedimiento"]), "")
        celdas = [html.escape(a["informe_id"]), procedimiento, pagina, html.escape(a["tipo"]),
                  html.escape(a["detalle"])]  # fmt: skip
        renglones.append("<tr>" + "".join(f"<td>{c}</td>" for c in celdas) + "</tr>")
    renglones = "".join(renglones)
    reporte.secciones.append(
        f'<h2 id="alertas">Alertas (<span data-cifra="alertas|total|filas">{len(alertas)}</span>)</h2>'
        "<table><tr><th>informe</th><th>procedimiento</th><th>página</th><th>tipo</th><th>detalle</th></tr>"
        + renglones + "</table>"
    )  # fmt: skip


def leer(base: Path, consulta: str) -> pd.DataFrame:
    conexion = sqlite3.connect(base)
    try:
        return pd.read_sql_query(consulta, conexion)
    finally:
        conexion.close()


ESTILO = """
body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:.9em}td,th{border:1px solid #ccc;padding:.3em .5em}
th{background:#f3f3f3}tr.hallazgo{background:#fdecea}figure{margin:1em 0}a{color:#1565c0}
table.filas td:last-child{max-width:600px}nav a{margin-right:1em}.resumen{font-size:1.1em}
"""


def generar(salida: Path) -> Path:
    base = salida / "informes.sqlite"
    recs = leer(base, RECOMENDACIONES)
    informes = leer(base, "SELECT * FROM informes ORDER BY informe_id")
    alertas = leer(base, "SELECT * FROM alertas ORDER BY informe_id, procedimiento, tipo")
    procedimientos = leer(base, "SELECT * FROM procedimientos")
    personas = leer(base, "SELECT informe_id, nombre FROM personas WHERE rol = 'auditor'")
    reporte = Reporte()
    atendidas = int((recs["estatus"] == "atendida").sum())
    reporte.secciones.append(
        f'<p class="resumen">Informes: <span data-cifra="resumen|informes|total">{len(informes)}</span>'
        f' · recomendaciones: <span data-cifra="resumen|recomendaciones|total">{len(recs)}</span>'
        f' · atendidas: <span data-cifra="resumen|recomendaciones|atendida">{atendidas}</span></p>'
    )
    seccion_atencion(reporte, recs, "ente", "ente", "Atención de recomendaciones por ente")
    seccion_atencion(reporte, recs, "area", "area", "Atención por área del procedimiento")
    seccion_atencion(reporte, recs, "ejercicio", "ejercicio", "Atención por ejercicio fiscal")
    seccion_atencion(reporte, recs, "auditor", "auditor", "Atención por órgano auditor")
    por_persona = recs.merge(personas, on="informe_id").rename(columns={"nombre": "persona"})
    seccion_atencion(reporte, por_persona, "persona", "persona", "Atención por auditor (persona)")
    seccion_dictamen(reporte, informes, recs)
    seccion_machote(reporte, recs)
    seccion_oportunidad(reporte, informes, recs)
    seccion_alertas(reporte, alertas, procedimientos)
    destino = salida / "reporte" / "index.html"
    with escritura_atomica(destino) as archivo:
        archivo.write(documento(reporte))
    return destino


def documento(reporte: Reporte) -> str:
    indice = " ".join(
        f'<a href="#{i}">{t}</a>'
        for i, t in (("ente", "Entes"), ("area", "Áreas"), ("ejercicio", "Ejercicios"),
                     ("auditor", "Auditor"), ("persona", "Auditores"), ("dictamen", "Dictamen"),
                     ("machote", "Machote"), ("oportunidad", "Oportunidad"), ("alertas", "Alertas"))
    )  # fmt: skip
    return (
        '<!DOCTYPE html><html lang="es"><head><meta charset="utf-8">'
        "<title>Auditar a los auditores: hallazgos de los informes individuales</title>"
        f"<style>{ESTILO}</style></head><body>"
        "<h1>Auditar a los auditores: hallazgos de los informes individuales</h1>"
        f"<p>Generado el {date.today().isoformat()} a partir de las tablas de <code>informes</code>."
        " Cada cifra enlaza a las filas que la forman (informe, procedimiento, número y página).</p>"
        f"<nav>{indice}</nav>" + "".join(reporte.secciones)
        + '<h2 id="filas">Filas detrás de cada cifra</h2>' + "".join(reporte.filas)
        + "</body></html>\n"
    )  # fmt: skip


def cifras(html_texto: str) -> dict[str, int]:
    """Las cifras marcadas en el reporte (`data-cifra`), para compararlas con SQL."""
    patron = re.compile(r'data-cifra="([^"]+)">(-?\d+)<')
    return {html.unescape(k): int(v) for k, v in patron.findall(html_texto)}


__all__: Iterable[str] = ("generar", "cifras")
