"""Títulos en letra clara sobre franjas oscuras (versalitas blancas sobre azul, como los
encabezados de sección de un Word institucional): el OCR los lee invirtiendo la franja."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from extractores import ocr


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="sin tesseract")
def test_titulo_en_blanco_sobre_franja_oscura_se_lee() -> None:
    """Un título en versalitas blancas sobre una franja azul oscuro (un poco inclinada, como en
    un escaneo): se invierte la franja y el OCR lo lee; el texto de al lado no cambia."""
    imagen = Image.new("L", (1700, 400), 245)
    dibujo = ImageDraw.Draw(imagen)
    letra = _letra(36)
    dibujo.text((240, 40), "Verificar el cumplimiento de metas del programa.", fill=20, font=letra)
    dibujo.polygon([(220, 120), (1500, 130), (1500, 190), (220, 180)], fill=60)
    dibujo.text((240, 130), "III. OBJETIVO", fill=250, font=letra)
    dibujo.text((240, 230), "Realizar la revisión del Programa de Apoyo.", fill=20, font=letra)
    invertida = ocr.bandas_invertidas(imagen)
    textos = [x.texto for x in ocr.leer_imagen(imagen, 1, 200)]
    assert any("OBJETIVO" in t for t in textos), textos
    # Fuera de la franja, los píxeles quedan iguales.
    assert invertida.crop((0, 0, 1700, 110)).tobytes() == imagen.crop((0, 0, 1700, 110)).tobytes()
    assert (
        invertida.crop((0, 200, 1700, 400)).tobytes() == imagen.crop((0, 200, 1700, 400)).tobytes()
    )


def _letra(tamano: int):
    for ruta in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ):
        if Path(ruta).exists():
            return ImageFont.truetype(ruta, tamano)
    return ImageFont.load_default(size=tamano)
