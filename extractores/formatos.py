"""Registro de formatos de informe: cada módulo dice qué tanto reconoce un documento.

Un formato es un módulo con `NOMBRE`, `UMBRAL_RECONOCIMIENTO`, `puntaje(lineas) -> float` y
`extraer(lineas, sha256) -> Informe`. Un documento que ningún formato reconoce queda como
`no reconocido`; nunca se fuerza por el formato más parecido.
"""

from __future__ import annotations

from types import ModuleType

from extractores import ase_tamaulipas_desempeno
from modelos.registros import Linea

FORMATOS: tuple[ModuleType, ...] = (ase_tamaulipas_desempeno,)


def reconocer(lineas: list[Linea]) -> tuple[ModuleType | None, float]:
    """El formato con mayor puntaje si alcanza su umbral, y ese puntaje."""
    puntajes = sorted(
        ((formato.puntaje(lineas), formato.NOMBRE, formato) for formato in FORMATOS),
        key=lambda t: (t[0], t[1]),
        reverse=True,
    )
    mejor, _, formato = puntajes[0]
    return (formato if mejor >= formato.UMBRAL_RECONOCIMIENTO else None), mejor
