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
# La misma tabla como lista indexada por código, hasta el final de la puntuación general (comillas,
# rayas): `str.translate` la consulta más del doble de rápido que un dict. Un código más allá
# levanta IndexError, que `translate` toma como «sin cambio», igual que una llave que no está.
FIN_TABLA_RAPIDA = 0x2070
_TABLA_RAPIDA = [TABLA_NORMALIZACION.get(codigo, chr(codigo)) for codigo in range(FIN_TABLA_RAPIDA)]


def normalizar(texto: str) -> str:
    """Minúsculas sin acentos, con la misma longitud que el texto (NFC) de entrada."""
    if texto.isascii():
        return texto.lower()  # en ASCII la tabla sólo pasa las mayúsculas a minúsculas
    return unicodedata.normalize("NFC", texto).translate(_TABLA_RAPIDA)
