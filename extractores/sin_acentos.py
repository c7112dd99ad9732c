"""Texto en minúsculas y sin acentos (la ñ se conserva), con la misma longitud que la entrada:
la forma en que se comparan reglas y catálogos. Sin spaCy, para que normalizar nombres al
publicar no cargue el extractor."""

from __future__ import annotations

import unicodedata


def _tabla_normalizacion() -> dict[int, str]:
    tabla = {}
    for codigo in range(0x250):
        caracter = chr(codigo)
        if caracter in "ñÑ":
            tabla[codigo] = "ñ"
            continue
        base = unicodedata.normalize("NFD", caracter)[0].lower()
        if len(base) == 1 and base != caracter:
            tabla[codigo] = base
    return tabla


TABLA_NORMALIZACION = _tabla_normalizacion()


def normalizar(texto: str) -> str:
    """Minúsculas sin acentos, con la misma longitud que el texto (NFC) de entrada."""
    return unicodedata.normalize("NFC", texto).translate(TABLA_NORMALIZACION)
