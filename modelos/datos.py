"""Los archivos de datos del paquete (reglas, catálogos, fuentes, calendarios, vistas), leídos con
`importlib.resources`: se encuentran igual desde el repositorio que desde una instalación
(`pip install .`), sin depender de dónde quedó el código fuente."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def ruta(*partes: str) -> Traversable:
    """Un archivo o carpeta dentro de `modelos/` (p. ej. `ruta("reglas", "estatus.jsonl")`)."""
    return files("modelos").joinpath(*partes)


def archivos(carpeta: str, sufijo: str = "") -> list[Traversable]:
    """Los archivos de una carpeta de `modelos/` que terminan en `sufijo`, por nombre."""
    lugar = ruta(carpeta)
    if not lugar.is_dir():
        return []
    return sorted(
        (a for a in lugar.iterdir() if a.is_file() and a.name.endswith(sufijo)),
        key=lambda a: a.name,
    )


def leer_texto(*partes: str) -> str:
    return ruta(*partes).read_text(encoding="utf-8")
