"""Evaluación contra respuestas conocidas: precisión, exhaustividad y F1 de los incisos por tipo;
exactitud de estatus, motivo, referencias, metadatos y áreas; por documento y en total.

Cada `<nombre>.pdf` de la carpeta se compara con `<nombre>.esperado.json` (o, para variantes de
un mismo informe, `<informe>.<variante>.pdf` con `<informe>.esperado.json`). La variante es la
maqueta (el generador escribe `<informe>.<maqueta>.pdf`; una clave `"maqueta"` del esperado
manda sobre el nombre): además del total, la evaluación se reporta por maqueta, aparte para
PDF de texto y escaneos.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from extractores.documento import sha256_de
from flows.archivos import escritura_atomica
from flows.procesar import procesar
from modelos.esperado import CAMPOS_INFORME, forma_esperada

TIPOS = ("resultados", "recomendaciones", "justificaciones")
ALERTA_CIERRE = "cierre contradice justificación"
# «…pero la justificación 2 dice que la recomendación 3 no se considera atendida.»
CONTRADICCION = re.compile(r"justificaci[oó]n\s+(\d+)\s+dice\s+que\s+la\s+recomendaci[oó]n\s+(\d+)")
SIN_MAQUETA = "(sin maqueta)"
# Metas por maqueta (issue #9): F1 de incisos, exactitud de estatus, exhaustividad de alertas de
# cierre contradictorio; en escaneos, F1 de incisos.
METAS = {"incisos": 0.99, "estatus": 0.99, "alertas_cierre": 0.95, "incisos_escaneos": 0.97}
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

    def sumar(self, otra: Evaluacion) -> None:
        for tipo in TIPOS:
            self.incisos[tipo].sumar(otra.incisos[tipo])
        for nombre in ("estatus", "motivo", "referencias", "metadatos", "areas"):
            getattr(self, nombre).sumar(getattr(otra, nombre))
        self.alertas.sumar(otra.alertas)
        self.alertas_cierre.sumar(otra.alertas_cierre)

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
        }


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
    resumen = procesar(pdfs, salida=salida / "evaluacion", trabajadores=trabajadores)
    por_sha = {r.documento.sha256: r for r in resumen.resultados}
    total = Evaluacion(archivo="(total)")
    documentos = []
    for pdf in pdfs:
        resultado = por_sha[sha256_de(pdf)]
        esperado = json.loads(esperado_de(pdf).read_text(encoding="utf-8"))
        obtenido = forma_esperada(resultado.informe) if resultado.informe else None
        evaluacion = comparar(obtenido, esperado, resultado.documento.paginas_ocr > 0)
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
    """Por maqueta: cuántos documentos y los totales de texto, escaneos y ambos."""
    nombres = sorted({d.maqueta for d in documentos})
    salida = {}
    for nombre in nombres:
        propios = [d for d in documentos if d.maqueta == nombre]
        salida[nombre] = {
            "documentos": len(propios),
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
    renglones = [encabezado, "-" * len(encabezado)]
    filas = informe["documentos"] + [
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
    return "\n".join(renglones)


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
