"""Títulos en letra clara sobre franjas oscuras (versalitas blancas sobre azul, como los
encabezados de sección de un Word institucional): el OCR los lee invirtiendo la franja."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractores import ocr


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="sin tesseract")
@pytest.mark.parametrize(
    "titulo", ["III. OBJETIVO", "VII. OBSERVACIONES, RECOMENDACIONES Y ACCIONES PROMOVIDAS"]
)
def test_titulo_en_blanco_sobre_franja_oscura_se_lee(titulo: str) -> None:
    """Un título en versalitas blancas sobre una franja azul oscuro (un poco inclinada, como en
    un escaneo), corto o que llena casi toda la franja: se invierte la franja y el OCR lo lee;
    el texto de al lado no cambia."""
    imagen = Image.new("L", (1700, 400), 245)
    dibujo = ImageDraw.Draw(imagen)
    letra = _letra(36)
    dibujo.text((240, 40), "Verificar el cumplimiento de metas del programa.", fill=20, font=letra)
    dibujo.polygon([(220, 120), (1680, 131), (1680, 191), (220, 180)], fill=60)
    dibujo.text((240, 132), titulo, fill=250, font=letra)
    dibujo.text((240, 230), "Realizar la revisión del Programa de Apoyo.", fill=20, font=letra)
    invertida = ocr.bandas_invertidas(imagen)
    textos = [x.texto for x in ocr.leer_imagen(imagen, 1, 200)]
    assert any(titulo.split()[-1] in t for t in textos), textos
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


def test_franja_con_letra_en_cada_columna_se_invierte_entera() -> None:
    """Un título largo en negritas cruza con trazo claro casi todas las columnas de su parte de
    la franja (en un escaneo, «VII. OBSERVACIONES, RECOMENDACIONES Y ACCIONES PROMOVIDAS»): la
    franja sigue siendo el tramo entero, no sólo su parte sin letra."""
    oscuros = np.zeros((200, 1000), dtype=bool)
    oscuros[80:121, 100:900] = True
    oscuros[95:106, 100:500] = False  # el trazo claro de las letras, columna tras columna
    desde, hasta, columnas = ocr._bordes_de_franja(oscuros, 80, 121, (100, 900))
    assert columnas == (100, 900)
    assert abs(int(desde.min()) - 80) <= 1 and abs(int(hasta.max()) - 121) <= 1
