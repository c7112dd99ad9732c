"""Nombres de personas en un informe (común a todos los formatos)."""

from __future__ import annotations

import re

from extractores.texto import TITULO

# "Jorge Ubaldo Guzmán Acuña, Erika Venus Ruiz Beltrán y Natalia Mota Cepeda"
SEPARADOR_NOMBRES = re.compile(r"\s*,\s*|\s+y\s+|\s+e\s+(?=[A-ZÁÉÍÓÚÑ])")
# Líneas del sello o de las iniciales, que no son el nombre del firmante.
NO_ES_NOMBRE = re.compile(r"AUDITOR|ESTADO|/|SUPERIOR|^\(|FIRMA", re.IGNORECASE)


def parece_nombre(texto: str) -> bool:
    letras = [c for c in texto if c.isalpha()]
    sin_titulo = TITULO.sub("", texto).strip()
    palabras = sin_titulo.split()
    return (
        bool(letras)
        and 2 <= len(palabras) <= 6
        and (TITULO.match(texto) is not None or all(c.isupper() for c in letras))
        and not NO_ES_NOMBRE.search(sin_titulo)
    )
