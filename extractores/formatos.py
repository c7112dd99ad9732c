"""Registro de formatos de informe: encuentra solo los módulos de `extractores/` que exponen un
`FORMATO` (una instancia de `extractores.formato.Formato`).

Un documento que ningún formato reconoce queda como `no reconocido`; nunca se fuerza por el
formato más parecido.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

import extractores
from extractores.formato import Formato
from modelos.registros import Linea


@cache
def registrados() -> tuple[Formato, ...]:
    """Todos los formatos del paquete `extractores`, en orden de nombre."""
    encontrados = []
    for modulo in pkgutil.iter_modules(extractores.__path__):
        cargado = importlib.import_module(f"extractores.{modulo.name}")
        formato = getattr(cargado, "FORMATO", None)
        if isinstance(formato, Formato):
            encontrados.append(formato)
    return tuple(sorted(encontrados, key=lambda f: f.nombre))


def por_nombre(nombre: str) -> Formato:
    return next(f for f in registrados() if f.nombre == nombre)


def reconocer(lineas: list[Linea]) -> tuple[Formato | None, float]:
    """El formato con mayor puntaje si alcanza su umbral, y ese puntaje."""
    puntajes = sorted(
        ((formato.puntaje(lineas), formato.nombre, formato) for formato in registrados()),
        key=lambda t: (t[0], t[1]),
        reverse=True,
    )
    mejor, _, formato = puntajes[0]
    return (formato if mejor >= formato.umbral else None), mejor
