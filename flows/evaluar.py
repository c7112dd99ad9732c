"""Evaluación contra respuestas conocidas: precisión, exhaustividad y F1 de los incisos por tipo;
exactitud de estatus, motivo, referencias, metadatos y áreas; por documento y en total.

Cada `<nombre>.pdf` de la carpeta se compara con `<nombre>.esperado.json` (o, para variantes de
un mismo informe, `<informe>.<variante>.pdf` con `<informe>.esperado.json`). La variante es la
maqueta (el generador escribe `<informe>.<maqueta>.pdf`; una clave `"maqueta"` del esperado
manda sobre el nombre): además del total, la evaluación se reporta por maqueta, aparte para
PDF de texto y escaneos.

Un esperado con `"resultados"` en su primer nivel es un informe de la ASF (forma por resultados,
`modelos/esperado.forma_por_resultados`): se mide aparte (clave `asf` de cada documento y total)
con F1 de resultados (número y texto), exactitud del estado de los resultados encontrados, F1 de
acciones (resultado, clave, tipo y texto), exactitud de sus montos, F1 de justificaciones,
precisión y exhaustividad de la alerta `resumen no coincide` (mismo detalle), metadatos y estado
del documento.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from extractores.version import sha256_de
from flows.archivos import escritura_atomica
from flows.procesar import leer_resultado, procesar
from modelos.esperado import CAMPOS_INFORME, CAMPOS_INFORME_RESULTADOS, forma_esperada

TIPOS = ("resultados", "recomendaciones", "justificaciones")
ALERTA_CIERRE = "cierre contradice justificación"
# «…pero la justificación 2 dice que la recomendación 3 no se considera atendida.»
CONTRADICCION = re.compile(r"justificaci[oó]n\s+(\d+)\s+dice\s+que\s+la\s+recomendaci[oó]n\s+(\d+)")
SIN_MAQUETA = "(sin maqueta)"
# Metas por maqueta (issue #9): F1 de incisos, exactitud de estatus, exhaustividad de alertas de
# cierre contradictorio; en escaneos, F1 de incisos.
METAS = {
    "incisos": 0.99,
    "estatus": 0.99,
    "alertas_cierre": 0.95,
    "incisos_escaneos": 0.97,
    "asf_resultados": 0.99,
    "asf_estado": 0.99,
    "asf_acciones": 0.99,
}
ALERTA_RESUMEN = "resumen no coincide"
# Diferencia máxima entre dos montos iguales (pesos).
TOLERANCIA_MONTO = 0.005
# Similitud mínima (0-100) para que un inciso cuente como acierto: texto o escaneo.
SIMILITUD_TEXTO = 97
SIMILITUD_OCR = 90


@dataclass
class Conteo:
    aciertos: int = 0
    total: int = 0

    def sumar(self, otro: Conteo) -> None:
        self.aciertos += otro.aciertos
        self.total += otro.total

    @property
    def exactitud(self) -> float:
        return self.aciertos / self.total if self.total else 1.0


@dataclass
class Incisos:
    vp: int = 0
    fp: int = 0
    fn: int = 0

    def sumar(self, otro: Incisos) -> None:
        self.vp += otro.vp
        self.fp += otro.fp
        self.fn += otro.fn

    @property
    def precision(self) -> float:
        return self.vp / (self.vp + self.fp) if self.vp + self.fp else 1.0

    @property
    def exhaustividad(self) -> float:
        return self.vp / (self.vp + self.fn) if self.vp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.exhaustividad
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Evaluacion:
    archivo: str = ""
    maqueta: str = ""
    ocr: bool = False
    estado: str = ""
    incisos: dict[str, Incisos] = field(default_factory=lambda: {t: Incisos() for t in TIPOS})
    estatus: Conteo = field(default_factory=Conteo)
    motivo: Conteo = field(default_factory=Conteo)
    referencias: Conteo = field(default_factory=Conteo)
    metadatos: Conteo = field(default_factory=Conteo)
    areas: Conteo = field(default_factory=Conteo)
    alertas: Incisos = field(default_factory=Incisos)
    alertas_cierre: Incisos = field(default_factory=Incisos)  # «cierre contradice justificación»
    fallos_metadatos: list[str] = field(default_factory=list)
    asf: EvaluacionAsf = field(default_factory=lambda: EvaluacionAsf())

    def sumar(self, otra: Evaluacion) -> None:
        for tipo in TIPOS:
            self.incisos[tipo].sumar(otra.incisos[tipo])
        for nombre in ("estatus", "motivo", "referencias", "metadatos", "areas"):
            getattr(self, nombre).sumar(getattr(otra, nombre))
        self.alertas.sumar(otra.alertas)
        self.alertas_cierre.sumar(otra.alertas_cierre)
        self.asf.sumar(otra.asf)

    def items(self) -> Incisos:
        total = Incisos()
        for tipo in TIPOS:
            total.sumar(self.incisos[tipo])
        return total

    def a_dict(self) -> dict:
        return {
            "archivo": self.archivo,
            "maqueta": self.maqueta,
            "ocr": self.ocr,
            "estado": self.estado,
            "incisos": {
                t: {
                    "precision": i.precision,
                    "exhaustividad": i.exhaustividad,
                    "f1": i.f1,
                    "vp": i.vp,
                    "fp": i.fp,
                    "fn": i.fn,
                }
                for t, i in {**self.incisos, "todos": self.items()}.items()
            },  # fmt: skip
            **{
                nombre: {"exactitud": c.exactitud, "aciertos": c.aciertos, "total": c.total}
                for nombre, c in (
                    ("estatus", self.estatus),
                    ("motivo", self.motivo),
                    ("referencias", self.referencias),
                    ("metadatos", self.metadatos),
                    ("areas", self.areas),
                )  # fmt: skip
            },
            "alertas": {
                "precision": self.alertas.precision,
                "exhaustividad": self.alertas.exhaustividad,
                "f1": self.alertas.f1,
            },  # fmt: skip
            "alertas_cierre": _cifras(self.alertas_cierre),
            "fallos_metadatos": self.fallos_metadatos,
            "asf": self.asf.a_dict(),
        }


CAMPOS_ASF = ("resultados", "estado", "titulos", "paginas", "acciones", "montos",
              "justificaciones", "alertas_resumen", "metadatos", "estado_documento")  # fmt: skip


@dataclass
class EvaluacionAsf:
    """Lo que se mide en un informe de la ASF (forma por resultados)."""

    documentos: int = 0
    resultados: Incisos = field(default_factory=Incisos)
    estado: Conteo = field(default_factory=Conteo)  # de los resultados encontrados
    titulos: Conteo = field(default_factory=Conteo)  # de los resultados encontrados
    paginas: Conteo = field(default_factory=Conteo)  # de resultados y acciones encontrados
    acciones: Incisos = field(default_factory=Incisos)
    montos: Conteo = field(default_factory=Conteo)  # de las acciones encontradas
    justificaciones: Incisos = field(default_factory=Incisos)
    alertas_resumen: Incisos = field(default_factory=Incisos)
    metadatos: Conteo = field(default_factory=Conteo)
    estado_documento: Conteo = field(default_factory=Conteo)
    fallos: list[str] = field(default_factory=list)

    def sumar(self, otra: EvaluacionAsf) -> None:
        self.documentos += otra.documentos
        for nombre in CAMPOS_ASF:
            getattr(self, nombre).sumar(getattr(otra, nombre))

    def a_dict(self) -> dict:
        return {
            "documentos": self.documentos,
            **{n: _cifras(getattr(self, n))
               for n in ("resultados", "acciones", "justificaciones", "alertas_resumen")},
            **{n: {"exactitud": c.exactitud, "aciertos": c.aciertos, "total": c.total}
               for n, c in (("estado", self.estado), ("titulos", self.titulos),
                            ("paginas", self.paginas), ("montos", self.montos),
                            ("metadatos", self.metadatos),
                            ("estado_documento", self.estado_documento))},
            "fallos": self.fallos,
        }  # fmt: skip


def _cifras(incisos: Incisos) -> dict:
    return {
        "precision": incisos.precision,
        "exhaustividad": incisos.exhaustividad,
        "f1": incisos.f1,
        "vp": incisos.vp,
        "fp": incisos.fp,
        "fn": incisos.fn,
    }


def esperado_de(pdf: Path) -> Path | None:
    for candidato in (pdf.with_name(pdf.stem + ".esperado.json"),
                      pdf.with_name(pdf.name.split(".")[0] + ".esperado.json")):  # fmt: skip
        if candidato.is_file():
            return candidato
    return None


def _espacios(texto: str) -> str:
    return re.sub(r"\s+", " ", texto or "").strip()


def _por_clave(procedimientos: list[dict], tipo: str) -> dict[tuple[int, int], dict]:
    return {(p["numero"], i["numero"]): i for p in procedimientos for i in p.get(tipo, [])}


def comparar(obtenido: dict | None, esperado: dict, ocr: bool) -> Evaluacion:
    evaluacion = Evaluacion(ocr=ocr)
    umbral = SIMILITUD_OCR if ocr else SIMILITUD_TEXTO
    procs_obt = obtenido["procedimientos"] if obtenido else []
    procs_esp = esperado["procedimientos"]
    for tipo in TIPOS:
        obt, esp = _por_clave(procs_obt, tipo), _por_clave(procs_esp, tipo)
        iguales = {
            k for k in esp.keys() & obt.keys()
            if fuzz.ratio(_espacios(obt[k]["texto"]), _espacios(esp[k]["texto"])) >= umbral
        }  # fmt: skip
        evaluacion.incisos[tipo] = Incisos(
            len(iguales), len(obt) - len(iguales), len(esp) - len(iguales)
        )
        for clave, item in esp.items():
            encontrado = obt.get(clave) if clave in iguales else None
            if tipo == "recomendaciones":
                evaluacion.estatus.total += 1
                evaluacion.motivo.total += 1
                if encontrado:
                    evaluacion.estatus.aciertos += encontrado["estatus"] == item["estatus"]
                    evaluacion.motivo.aciertos += encontrado["motivo"] == item["motivo"]
            if tipo == "justificaciones":
                evaluacion.referencias.total += 1
                if encontrado:
                    evaluacion.referencias.aciertos += (
                        encontrado["recomendaciones"] == item["recomendaciones"]
                    )
    areas_obt = {p["numero"]: p.get("area_normalizada") for p in procs_obt}
    for p in procs_esp:
        evaluacion.areas.total += 1
        evaluacion.areas.aciertos += areas_obt.get(p["numero"]) == p.get("area_normalizada")
    _metadatos(evaluacion, obtenido["informe"] if obtenido else {}, esperado["informe"], umbral)
    alertas_obt = {(a["procedimiento"], a["tipo"]) for a in (obtenido or {}).get("alertas", [])}
    alertas_esp = {(a["procedimiento"], a["tipo"]) for a in esperado.get("alertas", [])}
    comunes = len(alertas_obt & alertas_esp)
    evaluacion.alertas = Incisos(comunes, len(alertas_obt) - comunes, len(alertas_esp) - comunes)
    evaluacion.alertas_cierre = _alertas_cierre(obtenido, esperado)
    return evaluacion


def es_asf(esperado: dict) -> bool:
    """¿Forma por resultados (informe de la ASF)?"""
    return "resultados" in esperado


def _parecidos(a: str, b: str, umbral: float) -> bool:
    return fuzz.ratio(_espacios(a), _espacios(b)) >= umbral


def _emparejar(obt: list[dict], esp: list[dict], clave, umbral: float) -> tuple[Incisos, list]:
    """Empareja por `clave` y texto parecido: (VP/FP/FN, pares (esperado, obtenido))."""
    por_clave: dict = {}
    for item in obt:
        por_clave.setdefault(clave(item), item)
    pares = [(e, por_clave[clave(e)]) for e in esp
             if clave(e) in por_clave and _parecidos(por_clave[clave(e)].get("texto") or "",
                                                     e.get("texto") or "", umbral)]  # fmt: skip
    return Incisos(len(pares), len(obt) - len(pares), len(esp) - len(pares)), pares


def _monto_igual(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) < TOLERANCIA_MONTO


def comparar_asf(obtenido: dict | None, esperado: dict, ocr: bool) -> Evaluacion:
    """Compara un informe de la ASF (forma por resultados) con su esperado."""
    evaluacion = Evaluacion(ocr=ocr)
    asf = evaluacion.asf
    asf.documentos = 1
    umbral = SIMILITUD_OCR if ocr else SIMILITUD_TEXTO
    obtenido = obtenido or {}
    asf.resultados, pares = _emparejar(
        obtenido.get("resultados", []), esperado["resultados"], lambda x: x["numero"], umbral
    )
    for esp, obt in pares:
        asf.estado.total += 1
        asf.estado.aciertos += obt.get("estado") == esp["estado"]
        if obt.get("estado") != esp["estado"]:
            asf.fallos.append(
                f"resultado {esp['numero']}: estado {obt.get('estado')!r} ≠ {esp['estado']!r}"
            )
        asf.titulos.total += 1
        asf.titulos.aciertos += _parecidos(obt.get("titulo") or "", esp.get("titulo") or "", umbral)
        asf.paginas.total += 1
        asf.paginas.aciertos += obt.get("pagina") == esp.get("pagina")
    asf.acciones, pares = _emparejar(
        obtenido.get("acciones", []), esperado.get("acciones", []),
        lambda x: (x["resultado"], x["clave"], x["tipo"]), umbral,
    )  # fmt: skip
    for esp, obt in pares:
        asf.montos.total += 1
        asf.montos.aciertos += _monto_igual(obt.get("monto"), esp.get("monto"))
        asf.paginas.total += 1
        asf.paginas.aciertos += obt.get("pagina") == esp.get("pagina")
    asf.justificaciones, _ = _emparejar(
        obtenido.get("justificaciones", []), esperado.get("justificaciones", []),
        lambda x: x["numero"], umbral,
    )  # fmt: skip
    detalles = lambda datos: Counter(  # noqa: E731
        _espacios(a.get("detalle") or "") for a in datos.get("alertas", [])
        if a.get("tipo") == ALERTA_RESUMEN
    )  # fmt: skip
    obt_alertas, esp_alertas = detalles(obtenido), detalles(esperado)
    comunes = sum((obt_alertas & esp_alertas).values())
    asf.alertas_resumen = Incisos(
        comunes, sum(obt_alertas.values()) - comunes, sum(esp_alertas.values()) - comunes
    )
    _metadatos_asf(asf, obtenido, esperado, umbral)
    return evaluacion


def _metadatos_asf(asf: EvaluacionAsf, obtenido: dict, esperado: dict, umbral: float) -> None:
    informe_obt, informe_esp = obtenido.get("informe") or {}, esperado.get("informe") or {}
    campos = [
        (c, informe_obt.get(c), informe_esp[c])
        for c in (*CAMPOS_INFORME_RESULTADOS, "personas", "oficios")
        if c in informe_esp
    ]
    if "resumen" in esperado:
        campos.append(("resumen", obtenido.get("resumen"), esperado["resumen"]))  # fmt: skip
    for campo, valor, correcto in campos:
        if isinstance(correcto, str) and isinstance(valor, str):
            igual = _parecidos(valor, correcto, umbral)
        elif isinstance(correcto, float) or isinstance(valor, float):
            igual = _monto_igual(valor, correcto)
        elif campo == "personas":
            igual = valor is not None and len(valor) == len(correcto) and all(
                _parecidos(a["nombre"], b["nombre"], umbral) and a["cargo"] == b["cargo"]
                and a["rol"] == b["rol"] for a, b in zip(valor, correcto, strict=False)
            )  # fmt: skip
        elif campo == "oficios":
            pares = lambda lista: [(o["numero_oficio"], o["fecha"]) for o in lista or []]  # noqa: E731
            igual = pares(valor) == pares(correcto)
        else:
            igual = valor == correcto
        asf.metadatos.total += 1
        asf.metadatos.aciertos += bool(igual)
        if not igual:
            asf.fallos.append(f"{campo}: {valor!r} ≠ {correcto!r}")


def _contradicciones(alertas: list[dict]) -> Counter:
    """Las alertas de cierre contradictorio, por (procedimiento, justificación, recomendación)."""
    claves: Counter = Counter()
    for alerta in alertas:
        if alerta.get("tipo") != ALERTA_CIERRE:
            continue
        cita = CONTRADICCION.search(alerta.get("detalle") or "")
        claves[(alerta.get("procedimiento"), *(map(int, cita.groups()) if cita else ()))] += 1
    return claves


def _alertas_cierre(obtenido: dict | None, esperado: dict) -> Incisos:
    obt = _contradicciones((obtenido or {}).get("alertas", []))
    esp = _contradicciones(esperado.get("alertas", []))
    comunes = sum((obt & esp).values())
    return Incisos(comunes, sum(obt.values()) - comunes, sum(esp.values()) - comunes)


def maqueta_de(pdf: Path, esperado: dict) -> str:
    """`"maqueta"` del esperado, o la variante del nombre (`<informe>.<maqueta>.pdf`)."""
    if esperado.get("maqueta"):
        return str(esperado["maqueta"])
    partes = pdf.name.split(".")
    return ".".join(partes[1:-1]) or SIN_MAQUETA


def _metadatos(evaluacion: Evaluacion, obtenido: dict, esperado: dict, umbral: float) -> None:
    for campo in (*CAMPOS_INFORME, "oficios"):
        if campo not in esperado:
            continue
        valor, correcto = obtenido.get(campo), esperado[campo]
        if isinstance(correcto, str) and isinstance(valor, str):
            igual = fuzz.ratio(_espacios(valor), _espacios(correcto)) >= umbral
        elif campo == "auditores":
            igual = (
                valor is not None
                and len(valor) == len(correcto)
                and all(fuzz.ratio(a, b) >= umbral for a, b in zip(valor, correcto, strict=False))
            )
        elif campo == "oficios":
            pares = lambda lista: [(o["numero_oficio"], o["fecha"]) for o in lista or []]  # noqa: E731
            igual = pares(valor) == pares(correcto)
        else:
            igual = valor == correcto
        evaluacion.metadatos.total += 1
        evaluacion.metadatos.aciertos += bool(igual)
        if not igual:
            evaluacion.fallos_metadatos.append(f"{campo}: {valor!r} ≠ {correcto!r}")


def evaluar(carpeta: Path, salida: Path, trabajadores: int = 1) -> dict:
    pdfs = sorted(p for p in carpeta.glob("*.pdf") if esperado_de(p))
    if not pdfs:
        return {"documentos": [], "total": None, "texto": None, "escaneos": None}
    procesar(pdfs, salida=salida / "evaluacion", trabajadores=trabajadores)
    total = Evaluacion(archivo="(total)")
    documentos = []
    for pdf in pdfs:
        sha = sha256_de(pdf)
        resultado = leer_resultado(salida / "evaluacion", sha)
        assert resultado is not None, f"{pdf.name} no quedó en la caché"
        esperado = json.loads(esperado_de(pdf).read_text(encoding="utf-8"))
        obtenido = forma_esperada(resultado.informe) if resultado.informe else None
        ocr = resultado.documento.paginas_ocr > 0
        if es_asf(esperado):
            # Un escaneo es el documento entero leído por OCR; los anexos escaneados no cuentan.
            ocr = resultado.documento.paginas_ocr * 2 > max(1, resultado.documento.paginas)
            evaluacion = comparar_asf(obtenido, esperado, ocr)
            evaluacion.asf.estado_documento = Conteo(
                int(resultado.documento.estado == esperado.get("estado", "ok")), 1
            )
        else:
            evaluacion = comparar(obtenido, esperado, ocr)
        evaluacion.archivo, evaluacion.estado = pdf.name, resultado.documento.estado
        evaluacion.maqueta = maqueta_de(pdf, esperado)
        total.sumar(evaluacion)
        documentos.append(evaluacion)
    informe = {
        "documentos": [d.a_dict() for d in documentos],
        "total": total.a_dict(),
        "texto": _total_de([d for d in documentos if not d.ocr]),
        "escaneos": _total_de([d for d in documentos if d.ocr]),
        "por_maqueta": por_maqueta(documentos),
        "metas": METAS,
    }
    with escritura_atomica(salida / "evaluacion.json") as archivo:
        json.dump(informe, archivo, ensure_ascii=False, indent=1)
    return informe


def por_maqueta(documentos: list[Evaluacion]) -> dict[str, dict]:
    """Por maqueta: cuántos documentos y los totales de texto, escaneos y ambos. Los informes de
    la ASE y los de la ASF van aparte aunque sus maquetas se llamen igual («escaneado»): la de la
    ASF lleva entonces « (ASF)» en su nombre."""
    grupos: dict[tuple[str, bool], list[Evaluacion]] = {}
    for documento in documentos:
        grupos.setdefault((documento.maqueta, bool(documento.asf.documentos)), []).append(documento)
    salida = {}
    for (nombre, asf), propios in sorted(grupos.items()):
        if asf and (nombre, False) in grupos:
            nombre = f"{nombre} (ASF)"
        salida[nombre] = {
            "documentos": len(propios),
            "asf": sum(d.asf.documentos for d in propios),
            "documentos_texto": sum(not d.ocr for d in propios),
            "documentos_escaneos": sum(d.ocr for d in propios),
            "texto": _total_de([d for d in propios if not d.ocr]),
            "escaneos": _total_de([d for d in propios if d.ocr]),
            "total": _total_de(propios),
        }
    return salida


def _total_de(documentos: list[Evaluacion]) -> dict | None:
    if not documentos:
        return None
    total = Evaluacion(archivo="(total)")
    for documento in documentos:
        total.sumar(documento)
    return total.a_dict()


def tabla(informe: dict) -> str:
    """La evaluación como tabla de texto, un documento por renglón y los totales al final."""
    encabezado = (
        f"{'archivo':42} {'F1 incisos':>10} {'estatus':>8} {'motivo':>8} {'refs':>6} "
        f"{'metadatos':>9} {'áreas':>6}"
    )
    asf = [d for d in informe["documentos"] if d.get("asf", {}).get("documentos")]
    if asf and len(asf) == len(informe["documentos"]):
        return tabla_asf(informe)
    renglones = [encabezado, "-" * len(encabezado)]
    filas = [d for d in informe["documentos"] if d not in asf] + [
        {**informe[n], "archivo": f"(total {n})"} for n in ("texto", "escaneos") if informe[n]
    ] + [informe["total"]]  # fmt: skip
    for fila in filas:
        renglones.append(
            f"{fila['archivo'][:42]:42} {fila['incisos']['todos']['f1']:>10.4f} "
            f"{fila['estatus']['exactitud']:>8.4f} {fila['motivo']['exactitud']:>8.4f} "
            f"{fila['referencias']['exactitud']:>6.3f} {fila['metadatos']['exactitud']:>9.4f} "
            f"{fila['areas']['exactitud']:>6.3f}"
        )
    if informe.get("por_maqueta"):
        renglones += ["", tabla_por_maqueta(informe)]
    if asf:
        renglones += ["", tabla_asf(informe)]
    return "\n".join(renglones)


def tabla_asf(informe: dict) -> str:
    """Los informes de la ASF: un renglón por documento, los totales y una fila por maqueta y
    clase (texto, escaneos); ✗ bajo la meta."""
    encabezado = (
        f"{'archivo (ASF)':42} {'F1 res':>7} {'estado':>7} {'F1 acc':>7} {'montos':>7} "
        f"{'F1 just':>7} {'alertas resumen (exh.)':>22} {'prec.':>6} {'metadatos':>9} {'doc':>5}"
    )
    renglones = [encabezado, "-" * len(encabezado)]
    documentos = [d for d in informe["documentos"] if d.get("asf", {}).get("documentos")]
    for fila in documentos + _totales_asf(documentos):
        renglones.append(_fila_asf(fila["archivo"][:42], fila["asf"]))
    renglones += [
        "",
        f"{'maqueta (ASF)':24} {'clase':8} {'docs':>4} {'F1 res':>8} {'estado':>8} {'F1 acc':>8} "
        f"{'montos':>7} {'F1 just':>7} {'alertas resumen':>16} {'metadatos':>9}",
    ]
    renglones.append("-" * len(renglones[-1]))
    for nombre, datos in informe.get("por_maqueta", {}).items():
        if not datos.get("asf"):
            continue
        for clase in ("texto", "escaneos"):
            if datos[clase]:
                renglones.append(_fila_maqueta_asf(nombre, clase, datos[clase]["asf"]))
    renglones.append(
        f"Metas ASF: F1 de resultados ≥ {METAS['asf_resultados']}, estado ≥ {METAS['asf_estado']}, "
        f"F1 de acciones ≥ {METAS['asf_acciones']}."
    )
    return "\n".join(renglones)


def _totales_asf(documentos: list[dict]) -> list[dict]:
    filas = []
    for nombre, propios in (("texto", [d for d in documentos if not d["ocr"]]),
                            ("escaneos", [d for d in documentos if d["ocr"]])):  # fmt: skip
        if propios:
            filas.append({"archivo": f"(total {nombre})", "asf": _suma_asf(propios)})
    filas.append({"archivo": "(total)", "asf": _suma_asf(documentos)})
    return filas


def _suma_asf(documentos: list[dict]) -> dict:
    total = EvaluacionAsf()
    for d in documentos:
        datos = d["asf"]
        parcial = EvaluacionAsf(documentos=datos["documentos"])
        for n in ("resultados", "acciones", "justificaciones", "alertas_resumen"):
            setattr(parcial, n, Incisos(datos[n]["vp"], datos[n]["fp"], datos[n]["fn"]))
        for n in ("estado", "titulos", "paginas", "montos", "metadatos", "estado_documento"):
            setattr(parcial, n, Conteo(datos[n]["aciertos"], datos[n]["total"]))
        total.sumar(parcial)
    return total.a_dict()


def _alertas_resumen(datos: dict) -> str:
    alertas = datos["alertas_resumen"]
    esperadas = alertas["vp"] + alertas["fn"]
    return f"{alertas['exhaustividad']:.3f} ({alertas['vp']}/{esperadas})" if esperadas else "—"


def _fila_asf(archivo: str, datos: dict) -> str:
    return (
        f"{archivo:42} {datos['resultados']['f1']:>7.4f} {datos['estado']['exactitud']:>7.4f} "
        f"{datos['acciones']['f1']:>7.4f} {datos['montos']['exactitud']:>7.4f} "
        f"{datos['justificaciones']['f1']:>7.4f} {_alertas_resumen(datos):>22} "
        f"{datos['alertas_resumen']['precision']:>6.3f} {datos['metadatos']['exactitud']:>9.4f} "
        f"{datos['estado_documento']['exactitud']:>5.2f}"
    )


def _fila_maqueta_asf(nombre: str, clase: str, datos: dict) -> str:
    f1_res, estado = datos["resultados"]["f1"], datos["estado"]["exactitud"]
    f1_acc = datos["acciones"]["f1"]
    return (
        f"{nombre[:24]:24} {clase:8} {datos['documentos']:>4} "
        f"{f1_res:>7.4f}{_marca(f1_res, METAS['asf_resultados'])} "
        f"{estado:>7.4f}{_marca(estado, METAS['asf_estado'])} "
        f"{f1_acc:>7.4f}{_marca(f1_acc, METAS['asf_acciones'])} "
        f"{datos['montos']['exactitud']:>7.4f} {datos['justificaciones']['f1']:>7.4f} "
        f"{_alertas_resumen(datos):>16} {datos['metadatos']['exactitud']:>9.4f}"
    )


def _marca(valor: float, meta: float) -> str:
    return " " if valor >= meta else "✗"


def tabla_por_maqueta(informe: dict) -> str:
    """Una fila por maqueta y clase (texto, escaneo): F1 por tipo de inciso, exactitud de estatus
    y exhaustividad y precisión de las alertas de cierre contradictorio, exactitud de áreas;
    ✗ bajo la meta."""
    encabezado = (
        f"{'maqueta':24} {'clase':8} {'docs':>4} {'F1 res':>7} {'F1 rec':>7} {'F1 just':>7} "
        f"{'F1 incisos':>11} {'estatus':>8} {'alertas cierre (exh.)':>22} {'prec.':>6} {'áreas':>6}"
    )
    renglones = [encabezado, "-" * len(encabezado)]
    for nombre, datos in informe["por_maqueta"].items():
        if datos.get("asf") == datos["documentos"]:
            continue  # sólo informes de la ASF: van en su propia tabla
        for clase in ("texto", "escaneos"):
            if datos[clase]:
                renglones.append(
                    _fila_maqueta(nombre, clase, datos[f"documentos_{clase}"], datos[clase])
                )
    renglones.append(
        f"Metas: F1 de incisos ≥ {METAS['incisos']} (escaneos ≥ {METAS['incisos_escaneos']}), "
        f"estatus ≥ {METAS['estatus']}, alertas de cierre ≥ {METAS['alertas_cierre']}."
    )
    return "\n".join(renglones)


def _fila_maqueta(nombre: str, clase: str, documentos: int, fila: dict) -> str:
    incisos, cierre = fila["incisos"], fila["alertas_cierre"]
    f1, estatus = incisos["todos"]["f1"], fila["estatus"]["exactitud"]
    meta_incisos = METAS["incisos_escaneos" if clase == "escaneos" else "incisos"]
    esperadas = cierre["vp"] + cierre["fn"]
    if esperadas:
        alertas = f"{cierre['exhaustividad']:.3f} ({cierre['vp']}/{esperadas})"
        alertas += _marca(cierre["exhaustividad"], METAS["alertas_cierre"])
    else:
        alertas = "— "
    return (
        f"{nombre[:24]:24} {clase:8} {documentos:>4} {incisos['resultados']['f1']:>7.4f} "
        f"{incisos['recomendaciones']['f1']:>7.4f} {incisos['justificaciones']['f1']:>7.4f} "
        f"{f1:>10.4f}{_marca(f1, meta_incisos)} {estatus:>7.4f}{_marca(estatus, METAS['estatus'])} "
        f"{alertas:>22} {cierre['precision']:>6.3f} {fila['areas']['exactitud']:>6.3f}"
    )
