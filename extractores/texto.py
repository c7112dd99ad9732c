"""Utilidades de texto comunes a los formatos: fechas en español, nombres propios, oraciones."""

from __future__ import annotations

import re
from datetime import date

MESES = {
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
}  # fmt: skip
# "18 de febrero de 2022", "9 de diciembre del 2020", "08 de febrero de 2022s" (errata del
# original), "18/01/2022", "8-2-2022"
FECHA = re.compile(
    r"(?:(?P<dia>\d{1,2})\s+de\s+(?P<mes>[A-Za-zé]+)\s+(?:de|del)\s+(?P<anio>\d{4})"
    r"|(?P<dia_n>\d{1,2})[/-](?P<mes_n>\d{1,2})[/-](?P<anio_n>\d{4}))",
    re.IGNORECASE,
)
# "DIP. JESÚS SUÁREZ MATA", "ING. JORGE ESPINO ASCANIO", "C.P. María ..."
TITULO = re.compile(
    r"^(?:(?:DIP|LIC|ING|C\.\s?P|MTRO|MTRA|DR|DRA|ARQ|PROF|PROFRA|PROFR|C|CC|L\.?C\.?P|MVZ)[.,]\s*)+",
    re.IGNORECASE,
)
PARTICULAS = {"de", "del", "la", "las", "los", "y", "e", "van", "von", "da"}
# Oraciones: "…con el debido soporte. La evidencia es suficiente…" (no corta en "Oficio No. ASE").
# (Primero el punto: en casi todas las posiciones no lo hay, y las demás condiciones ni se miran.)
FIN_ORACION = re.compile(
    r"(?<=[.;])(?<!\bNo\.)(?<!\bNúm\.)(?<!\bArt\.)(?<!\bfracc\.)(?<!\bP\.O\.)(?<!\bC\.)"
    r"(?<!\bCC\.)(?<!\bC\.P\.)(?<!\b[A-Z]\.)\s+(?=[A-ZÁÉÍÓÚÑ¿])"
)


# Un número romano de inciso o de referencia, del 1 al 39, en mayúsculas: "I", "IV", "VIII",
# "XII" (no "IIII" ni "VV").
ROMANO = r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})"
ROMANO_ENTERO = re.compile(rf"^{ROMANO}$")
VALORES_ROMANOS = {"I": 1, "V": 5, "X": 10}


def romano_a_entero(texto: str) -> int | None:
    """«VIII» -> 8, «IV» -> 4; None si no es un número romano bien escrito en mayúsculas."""
    if not ROMANO_ENTERO.match(texto):
        return None
    valores = [VALORES_ROMANOS[c] for c in texto]
    return sum(-v if v < w else v for v, w in zip(valores, [*valores[1:], 0], strict=True))


def fecha_iso(coincidencia: re.Match) -> str | None:
    grupos = coincidencia.groupdict()
    if grupos.get("dia_n"):
        dia, mes, anio = int(grupos["dia_n"]), int(grupos["mes_n"]), int(grupos["anio_n"])
    else:
        dia, mes, anio = int(grupos["dia"]), MESES.get(grupos["mes"].lower()), int(grupos["anio"])
    if mes is None:
        return None
    try:
        return date(anio, mes, dia).isoformat()
    except ValueError:
        return None


def primera_fecha(texto: str) -> str | None:
    for coincidencia in FECHA.finditer(texto):
        iso = fecha_iso(coincidencia)
        if iso:
            return iso
    return None


def nombre_propio(texto: str) -> str:
    """'DIP. JESÚS SUÁREZ MATA' -> 'Jesús Suárez Mata'."""
    sin_titulo = TITULO.sub("", texto.strip()).strip(" .,;")
    palabras = []
    for indice, palabra in enumerate(sin_titulo.split()):
        minuscula = palabra.lower()
        if indice > 0 and minuscula in PARTICULAS:
            palabras.append(minuscula)
        else:
            palabras.append(minuscula[:1].upper() + minuscula[1:])
    return " ".join(palabras)


def oraciones(texto: str) -> list[str]:
    return [o.strip() for o in FIN_ORACION.split(texto) if o.strip()]


def espacios(texto: str) -> str:
    """Un solo espacio entre palabras y ninguno en las orillas (como `re.sub(r"\\s+", " ",
    texto).strip()`: `\\s` son los mismos espacios que los de `str.split`), tres veces más
    rápido."""
    return " ".join(texto.split())
