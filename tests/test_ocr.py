"""OCR más barato con el mismo resultado: la mediana con numpy, la resolución propia del escaneo
y libtesseract dentro del proceso."""

from __future__ import annotations

import random

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageFilter

from extractores import ocr
from tests.conftest import EJEMPLOS, PRUEBAS

PAGINAS = PRUEBAS / "paginas"


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


def test_tabla_que_tesseract_no_segmenta_se_lee_aparte() -> None:
    """Una cédula escaneada (de reservada-formato): la tabla con bordes de la respuesta del ente
    y el pronunciamiento, bajo una franja oscura invertida, no sale en el TSV de tesseract (ni con
    confianza baja); su tinta sin leer se lee otra vez, celda por celda, y los títulos de las dos
    celdas quedan en su renglón (sin la raya que las separa)."""
    lineas = ocr.lineas_por_ocr(PAGINAS / "tabla-bajo-franja.pdf", 1)
    textos = [linea.texto for linea in lineas]
    assert (
        "Posicionamiento de la entidad fiscalizada Pronunciamiento de la Auditoría Superior"
        in textos
    )
    assert any(t.startswith("i) En atención al ASM-01, el ente público presenta") for t in textos)
    # Lo ya leído no se repite.
    assert sum("PROCEDIMIENTO 01" in t for t in textos) == 1


def test_zona_sin_leer_partida_en_celdas() -> None:
    """Una raya vertical que cruza la zona la parte en dos celdas, sin la raya; un fondo rayado
    (más rayas que una tabla) no la parte."""
    trazo = np.zeros((40, 300), dtype=bool)
    trazo[:, 150:152] = True
    assert ocr._celdas(trazo, (0, 0, 300, 40)) == [
        (0 + ocr.MARGEN_RAYA, 0, 150 - ocr.MARGEN_RAYA, 40),
        (152 + ocr.MARGEN_RAYA, 0, 300 - ocr.MARGEN_RAYA, 40),
    ]
    rayado = np.zeros((40, 300), dtype=bool)
    rayado[:, ::20] = True
    assert ocr._celdas(rayado, (0, 0, 300, 40)) == [(0, 0, 300, 40)]
