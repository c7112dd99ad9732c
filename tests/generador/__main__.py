"""Genera un corpus sintético con su verdad: `python -m tests.generador --n 20 --salida DIR`.

Escribe `<nombre>.pdf` y `<nombre>.esperado.json` por informe (el mismo formato que
`tests/ejemplos/`), rotando las maquetas; `--escaneados K` agrega K versiones escaneadas.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from tests.generador.informe import esperado, generar
from tests.generador.pdf import MAQUETAS, escribir


def generar_corpus(salida: Path, n: int, semilla: int = 1, escaneados: int = 0) -> list[Path]:
    salida.mkdir(parents=True, exist_ok=True)
    pdfs = []
    for i in range(n):
        informe = generar(semilla * 1000 + i)
        maqueta = MAQUETAS[i % len(MAQUETAS)]
        escaneado = i < escaneados
        nombre = f"sintetico-{semilla}-{i:03d}{'-escaneado' if escaneado else ''}"
        pdfs.append(escribir(informe, maqueta, salida / f"{nombre}.pdf", escaneado, semilla + i))
        (salida / f"{nombre}.esperado.json").write_text(
            json.dumps(esperado(informe), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    return pdfs


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__)
    argumentos.add_argument("--n", type=int, default=20)
    argumentos.add_argument("--semilla", type=int, default=1)
    argumentos.add_argument("--escaneados", type=int, default=0)
    argumentos.add_argument("--salida", type=Path, required=True)
    datos = argumentos.parse_args()
    generar_corpus(datos.salida, datos.n, datos.semilla, datos.escaneados)


if __name__ == "__main__":
    main()
