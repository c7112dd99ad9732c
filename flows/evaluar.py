"""Evaluación contra respuestas conocidas: precisión, exhaustividad y F1 de los incisos por tipo;
exactitud de estatus, motivo, referencias, metadatos y áreas; por documento y en total.

Cada `<nombre>.pdf` de la carpeta se compara con `<nombre>.esperado.json` (o, para variantes de
un mismo informe, `<informe>.<variante>.pdf` con `<informe>.esperado.json`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from extractores.documento import sha256_de
from flows.archivos import escritura_atomica
from flows.procesar import procesar
from modelos.esperado import CAMPOS_INFORME, forma_esperada

TIPOS = ("resultados", "recomendaciones", "justificaciones")
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
    ocr: bool = False
    estado: str = ""
    incisos: dict[str, Incisos] = field(default_factory=lambda: {t: Incisos() for t in TIPOS})
    estatus: Conteo = field(default_factory=Conteo)
    motivo: Conteo = field(default_factory=Conteo)
    referencias: Conteo = field(default_factory=Conteo)
    metadatos: Conteo = field(default_factory=Conteo)
    areas: Conteo = field(default_factory=Conteo)
    alertas: Incisos = field(default_factory=Incisos)
    fallos_metadatos: list[str] = field(default_factory=list)

    def sumar(self, otra: Evaluacion) -> None:
        for tipo in TIPOS:
            self.incisos[tipo].sumar(otra.incisos[tipo])
        for nombre in ("estatus", "motivo", "referencias", "metadatos", "areas"):
            getattr(self, nombre).sumar(getattr(otra, nombre))
        self.alertas.sumar(otra.alertas)

    def items(self) -> Incisos:
        total = Incisos()
        for tipo in TIPOS:
            total.sumar(self.incisos[tipo])
        return total

    def a_dict(self) -> dict:
        return {
            "archivo": self.archivo,
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
            "fallos_metadatos": self.fallos_metadatos,
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
    return evaluacion


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
        total.sumar(evaluacion)
        documentos.append(evaluacion)
    informe = {
        "documentos": [d.a_dict() for d in documentos],
        "total": total.a_dict(),
        "texto": _total_de([d for d in documentos if not d.ocr]),
        "escaneos": _total_de([d for d in documentos if d.ocr]),
    }
    with escritura_atomica(salida / "evaluacion.json") as archivo:
        json.dump(informe, archivo, ensure_ascii=False, indent=1)
    return informe


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
    return "\n".join(renglones)
