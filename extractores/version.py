"""La versión del extractor y el sha256 de un archivo, sin cargar spaCy ni pypdfium2: una
corrida en la que nada cambió decide qué volver a leer sin importar el extractor."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.resources import files
from pathlib import Path

from modelos import datos

VERSION_PAQUETE = "0.1.0"


@cache
def huella_reglas() -> str:
    """sha256 de las reglas, los catálogos y el código del extractor: si cambia cualquiera, los
    resultados guardados en caché dejan de valer."""
    digesto = hashlib.sha256()
    archivos = [
        *datos.archivos("reglas"),
        *datos.archivos("catalogos"),
        *datos.archivos("calendarios"),
        *(a for a in files("modelos").iterdir() if a.name.endswith(".py")),
        *(a for a in files("extractores").iterdir() if a.name.endswith(".py")),
    ]
    for archivo in sorted(archivos, key=lambda a: a.name):
        digesto.update(archivo.name.encode())
        digesto.update(archivo.read_bytes())
    return digesto.hexdigest()[:16]


def version_extractor() -> str:
    """Cambia cuando cambia el código o una regla: invalida la caché."""
    return f"{VERSION_PAQUETE}+{huella_reglas()}"


def sha256_de(ruta: Path) -> str:
    digesto = hashlib.sha256()
    with ruta.open("rb") as archivo:
        for bloque in iter(lambda: archivo.read(1 << 20), b""):
            digesto.update(bloque)
    return digesto.hexdigest()
