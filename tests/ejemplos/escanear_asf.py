"""Versión escaneada (sólo imagen) del informe de la Cámara de Diputados compuesto por
`componer_asf.py`: 200 dpi, escala de grises, un giro distinto por página (0.2–0.5°), ruido
ligero y motas, JPEG dentro de un PDF sin capa de texto.

    .venv/bin/python -m tests.ejemplos.escanear_asf
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

AQUI = Path(__file__).resolve().parent
ORIGEN = AQUI / "asf-2024-0031.texto.pdf"
DESTINO = AQUI / "asf-2024-0031.escaneado.pdf"
DPI = 200


def main() -> None:
    azar = random.Random(31)
    ruido = np.random.default_rng(31)
    documento = pdfium.PdfDocument(str(ORIGEN))
    paginas = []
    for indice in range(len(documento)):
        imagen = documento[indice].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
        angulo = azar.uniform(0.2, 0.5) * azar.choice([-1, 1])
        imagen = imagen.rotate(angulo, resample=Image.BICUBIC, expand=False, fillcolor=255)
        datos = np.asarray(imagen).astype(np.int16) + ruido.normal(0, 3, imagen.size[::-1])
        motas = ruido.random(datos.shape) < 0.0005
        datos[motas] = ruido.integers(60, 160, int(motas.sum()))
        imagen = Image.fromarray(np.clip(datos, 0, 255).astype(np.uint8), "L")
        paginas.append(imagen.filter(ImageFilter.GaussianBlur(0.4)))
    paginas[0].save(DESTINO, save_all=True, append_images=paginas[1:], resolution=DPI, quality=45)


if __name__ == "__main__":
    main()
