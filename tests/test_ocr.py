"""OCR más barato con el mismo resultado: la mediana con numpy, la resolución propia del escaneo
y libtesseract dentro del proceso."""

from __future__ import annotations

import random

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageFilter

from extractores import ocr
from tests.conftest import EJEMPLOS


def test_sin_motas_da_lo_mismo_que_el_filtro_de_mediana_de_pil() -> None:
    r = random.Random(7)
    for ancho, alto in ((1, 1), (2, 5), (37, 23), (200, 131)):
        imagen = Image.frombytes("L", (ancho, alto), r.randbytes(ancho * alto))
        esperada = imagen.filter(ImageFilter.MedianFilter(3))
        assert ocr.sin_motas(imagen).tobytes() == esperada.tobytes()


@pytest.mark.parametrize(
    ("archivo", "ppp"),
    [
        ("asf-2024-0031.escaneado.pdf", 200),  # escaneo de 200 ppp: a su resolución
        ("ase-tamaulipas-AED-017-2021.escaneado.pdf", ocr.PPP_OCR),  # de 150: se amplía
        ("asf-2024-0031.texto.pdf", ocr.PPP_OCR),  # sin imagen de página
    ],
)
def test_resolucion_de_lectura(archivo: str, ppp: int, monkeypatch) -> None:
    documento = pdfium.PdfDocument(str(EJEMPLOS / archivo))
    try:
        assert ocr.ppp_de_pagina(documento[0]) == ppp
        monkeypatch.setattr(ocr, "RESOLUCION_NATIVA", False)  # para comparar: todo a PPP_OCR
        assert ocr.ppp_de_pagina(documento[0]) == ocr.PPP_OCR
    finally:
        documento.close()


@pytest.mark.skipif(ocr._libtesseract() is None, reason="sin libtesseract")
def test_libtesseract_da_el_mismo_tsv_que_el_programa() -> None:
    ocr.verificar_tesseract()
    imagen = ocr.renderizar(EJEMPLOS / "asf-2024-0031.escaneado.pdf", 1, 200)
    imagen = ocr.sin_motas(imagen.crop((0, 0, imagen.width, imagen.height // 3)))
    biblioteca = ocr.tesseract_tsv(imagen, 200)
    assert len([t for t in biblioteca["text"] if t.strip()]) > 20
    assert biblioteca == ocr._columnas(ocr._tsv_programa(imagen, 200))
