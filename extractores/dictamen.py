"""El dictamen de un informe (común a todos los formatos): `cumplió`, `cumplió con salvedades`,
`no cumplió`, `se abstiene de opinar` o vacío, y las palabras de donde salió."""

from __future__ import annotations

import re

from extractores.texto import espacios

# "éste SÍ CUMPLIÓ con los objetivos", "NO CUMPLIÓ", "se abstiene de emitir opinión"
# "se abstiene de emitir una opinión", "abstención de opinión"
DICTAMEN_ABSTENCION = re.compile(
    r"se\s+abstiene\s+de\s+(?:emitir\s+(?:una\s+|su\s+)?)?(?:opinar|opini[oó]n)"
    r"|abstenci[oó]n\s+de\s+opini[oó]n",
    re.IGNORECASE,
)
DICTAMEN_NO = re.compile(r"\bNO\s+CUMPLI[OÓ]\b|\bNO\s+CUMPLE\b", re.IGNORECASE)
DICTAMEN_SI = re.compile(r"\b(?:S[IÍ]\s+)?CUMPLI[OÓ]\b|\bS[IÍ]\s+CUMPLE\b", re.IGNORECASE)
# La ASF: «realizó, en general, una gestión razonable … excepto por …» (con salvedades).
DICTAMEN_SALVEDADES = re.compile(
    r"\ben\s+general\b.{0,400}?\bexcepto\s+por\b", re.IGNORECASE | re.DOTALL
)


def dictamen(texto: str) -> tuple[str, str]:
    for patron, valor in (
        (DICTAMEN_ABSTENCION, "se abstiene de opinar"),
        (DICTAMEN_SALVEDADES, "cumplió con salvedades"),
        (DICTAMEN_NO, "no cumplió"),
        (DICTAMEN_SI, "cumplió"),
    ):
        coincidencia = patron.search(texto)
        if coincidencia:
            return valor, espacios(coincidencia.group())
    return "", ""
