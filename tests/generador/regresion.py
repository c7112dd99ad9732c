"""PDF pequeños de regresión: un informe corto (2 procedimientos) por maqueta y semilla.

`pdf_pequeno(maqueta, semilla, carpeta)` escribe `<nombre>.<maqueta>.pdf` y
`<nombre>.esperado.json`; `CASOS` son las clases de falla del issue #9, cada una con la maqueta
que la provoca y la condición que debe cumplir el informe (se toma la primera semilla que la
cumple). `python -m tests.generador.regresion --salida tests/regresiones` rehace la carpeta.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.generador.informe import InformeSintetico, esperado, generar
from tests.generador.pdf import ESCANEO, Maqueta, escribir, maqueta

PROCEDIMIENTOS = 2
Condicion = Callable[[InformeSintetico], bool]


def informe_pequeno(
    m: Maqueta, semilla: int, procedimientos: int = PROCEDIMIENTOS
) -> InformeSintetico:
    return generar(semilla, procedimientos=procedimientos, variado=m.variado, cierres=m.cierres,
                   referencia=m.referencia)  # fmt: skip


def pdf_pequeno(m: Maqueta, semilla: int, carpeta: Path, nombre: str | None = None,
                escaneado: bool = False, procedimientos: int = PROCEDIMIENTOS) -> Path:  # fmt: skip
    """Un informe corto en la maqueta `m` (PDF de texto o escaneo a 200 ppp) con su verdad."""
    carpeta.mkdir(parents=True, exist_ok=True)
    nombre = nombre or f"pequeno-{semilla}"
    informe = informe_pequeno(m, semilla, procedimientos)
    (carpeta / f"{nombre}.esperado.json").write_text(
        json.dumps(esperado(informe), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    destino = carpeta / f"{nombre}.{m.nombre}.pdf"
    return escribir(
        informe, m, destino, escaneado, semilla, ESCANEO.ppp, ESCANEO.giro, ESCANEO.motas
    )


def primera_semilla(m: Maqueta, condicion: Condicion, desde: int = 1, hasta: int = 5000) -> int:
    for semilla in range(desde, hasta):
        if condicion(informe_pequeno(m, semilla)):
            return semilla
    raise ValueError(f"Ninguna semilla entre {desde} y {hasta} cumple la condición en {m.nombre}")


# Condiciones sobre el informe.
def _con_cierre(informe: InformeSintetico, minimo: int = 1) -> bool:
    return any(p.cierre and len(p.justificaciones or []) >= minimo for p in informe.procedimientos)


def _cierre_del_analisis(informe: InformeSintetico) -> bool:
    """Varias justificaciones y el cierre largo del issue («…del Análisis … se considera…»)."""
    return any(
        len(p.justificaciones or []) >= 2 and p.cierre and "del Análisis de" in p.cierre[0]
        for p in informe.procedimientos
    )


def _incisos_largos(informe: InformeSintetico) -> bool:
    """Justificaciones de más de un renglón y un cierre: la sangría colgante importa."""
    return any(
        p.cierre and any(len(j.texto) > 120 for j in p.justificaciones or [])
        for p in informe.procedimientos
    )


def _por_contenido(informe: InformeSintetico) -> bool:
    return any(
        j.modo == "contenido-libre" for p in informe.procedimientos for j in p.justificaciones or []
    )


def _muchos_incisos(informe: InformeSintetico) -> bool:
    return any(len(p.recomendaciones) >= 3 and p.justificaciones for p in informe.procedimientos)


@dataclass(frozen=True)
class Caso:
    nombre: str
    maqueta: Maqueta
    condicion: Condicion
    descripcion: str
    escaneado: bool = False


def casos() -> list[Caso]:
    """Las clases de falla del issue #9 (y un escaneo de la justificación por contenido)."""
    clasica = maqueta("a", variado=True)
    return [
        Caso("a-cierre-pegado", maqueta("densa"), _cierre_del_analisis,
             "cierre pegado a la última justificación: letra de 9 pt, incisos al margen, párrafos a 1.6 renglones"),
        Caso("b-sangria-colgante", maqueta("colgante"), _incisos_largos,
             "incisos con sangría colgante (número al margen, renglones siguientes adentro)"),
        Caso("c-renglones-apretados", maqueta("apretada"), lambda i: _con_cierre(i, 1),
             "interlineado 1.0 y espacio entre párrafos de 1.3 renglones"),
        Caso("d-area-dos-renglones", maqueta("word", cierre_pagina=0.0, numeracion="{n}."),
             lambda i: True, "área del procedimiento en negritas partida en dos renglones"),
        Caso("e-justificacion-por-contenido", clasica, _por_contenido,
             "justificación que nombra la recomendación sólo por su contenido («presenta el diagrama de flujo»)"),
        Caso("e-justificacion-por-contenido-escaneado", clasica, _por_contenido,
             "la misma clase en un escaneo de 200 ppp (lento: OCR)", escaneado=True),
        Caso("f-numeracion-parentesis", maqueta("a", numeracion="({n})"), _muchos_incisos,
             "incisos numerados como Word: (1), (2), ..."),
        Caso("f-numeracion-letras", maqueta("a", numeracion="{l})"), _muchos_incisos,
             "incisos con letras: a), b), ..."),
        Caso("g-cierre-pagina-siguiente", maqueta("a", cierre_pagina=1.0, solo_primera=False), lambda i: _con_cierre(i, 2),
             "el cierre empieza arriba de la página siguiente, bajo el encabezado"),
    ]  # fmt: skip


def escribir_casos(carpeta: Path) -> list[Path]:
    """Un PDF pequeño por caso; los escaneos van en `carpeta/escaneos/`."""
    pdfs = []
    for caso in casos():
        semilla = primera_semilla(caso.maqueta, caso.condicion)
        destino = carpeta / "escaneos" if caso.escaneado else carpeta
        pdfs.append(pdf_pequeno(caso.maqueta, semilla, destino, caso.nombre, caso.escaneado))
    return pdfs


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__)
    argumentos.add_argument("--salida", type=Path, required=True)
    for pdf in escribir_casos(argumentos.parse_args().salida):
        print(pdf)


if __name__ == "__main__":
    main()
