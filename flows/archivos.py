"""Escritura atómica: un archivo de salida se escribe aparte y se renombra sólo si todo salió
bien, así nunca queda uno a medio escribir (ni con permisos distintos de los normales)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

PERMISOS = 0o644


@contextmanager
def ruta_temporal(destino: Path) -> Iterator[Path]:
    """Una ruta temporal junto a `destino` que lo reemplaza al salir sin error."""
    destino.parent.mkdir(parents=True, exist_ok=True)
    descriptor, nombre = tempfile.mkstemp(prefix=f".{destino.name}.", dir=destino.parent)
    os.close(descriptor)
    temporal = Path(nombre)
    temporal.unlink()
    try:
        yield temporal
        os.chmod(temporal, PERMISOS)
        os.replace(temporal, destino)
    finally:
        temporal.unlink(missing_ok=True)
        Path(f"{temporal}.wal").unlink(missing_ok=True)


@contextmanager
def escritura_atomica(destino: Path, modo: str = "w") -> Iterator[IO]:
    """Como `open(destino, modo)`, pero atómico."""
    with ruta_temporal(destino) as temporal:
        codificacion = None if "b" in modo else "utf-8"
        with temporal.open(modo, encoding=codificacion, newline=None if "b" in modo else "") as f:
            yield f
