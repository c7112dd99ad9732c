"""Reescribe en README.md el diccionario de datos (entre sus marcas) a partir del esquema.

Uso: make diccionario
"""

from __future__ import annotations

import re
from pathlib import Path

from flows.formatos_salida import diccionario_markdown

README = Path(__file__).resolve().parent.parent / "README.md"
INICIO, FIN = "<!-- diccionario -->", "<!-- /diccionario -->"


def seccion() -> str:
    cuerpo = diccionario_markdown().split("\n", 2)[2]  # sin el título ni la línea de origen
    return re.sub(r"^## ", "#### ", cuerpo, flags=re.M).strip()


def main() -> None:
    texto = README.read_text(encoding="utf-8")
    antes, resto = texto.split(INICIO, 1)
    _, despues = resto.split(FIN, 1)
    README.write_text(f"{antes}{INICIO}\n{seccion()}\n{FIN}{despues}", encoding="utf-8")


if __name__ == "__main__":
    main()
