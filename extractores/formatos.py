"""Registro de formatos de informe: encuentra solo los módulos de `extractores/` que exponen un
`FORMATO` (una instancia de `extractores.formato.Formato`).

Un documento que ningún formato reconoce queda como `no reconocido`; nunca se fuerza por el
formato más parecido.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from functools import cache
from pathlib import Path

import extractores
from extractores.formato import Formato
from modelos.registros import Linea


@cache
def registrados() -> tuple[Formato, ...]:
    """Todos los formatos del paquete `extractores`, en orden de nombre. Un módulo cuyo código
    ni menciona `FORMATO` no se importa para buscarlo (el OCR, que importa PIL: una corrida de
    informes de texto no lo necesita)."""
    encontrados = []
    for modulo in pkgutil.iter_modules(extractores.__path__):
        nombre = f"extractores.{modulo.name}"
        if nombre not in sys.modules and not _menciona_formato(modulo):
            continue
        cargado = importlib.import_module(nombre)
        formato = getattr(cargado, "FORMATO", None)
        if isinstance(formato, Formato):
            encontrados.append(formato)
    return tuple(sorted(encontrados, key=lambda f: f.nombre))


def _menciona_formato(modulo: pkgutil.ModuleInfo) -> bool:
    """¿Dice `FORMATO` el código del módulo? Si no se puede leer como texto, se supone que sí."""
    try:
        especificacion = modulo.module_finder.find_spec(modulo.name, None)
        origen = Path(especificacion.origin) if especificacion and especificacion.origin else None
        if origen is None or origen.suffix != ".py":
            return True
        return "FORMATO" in origen.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, ImportError, AttributeError, TypeError):
        return True


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
