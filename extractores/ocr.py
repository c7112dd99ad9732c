"""OCR de una página sin capa de texto: se renderiza con pypdfium2 y se lee con tesseract (spa).

Devuelve las mismas `Linea` que la capa de texto (en puntos PDF), para que la limpieza y la
segmentación no distingan el origen. tesseract no informa negritas.
"""

from __future__ import annotations

import os
import shutil
import statistics
import unicodedata
from pathlib import Path

import pypdfium2 as pdfium
import pytesseract

from modelos.registros import Linea

# 300 ppp: el tamaño con el que tesseract lee mejor el texto de cuerpo de 10-12 puntos.
PPP_OCR = 300
IDIOMA_OCR = "spa"
# psm 4: una sola columna de texto de tamaños variables, como un informe.
CONFIGURACION_TESSERACT = "--psm 4"
# Nivel de las filas de `image_to_data` que son líneas completas.
NIVEL_LINEA = 4
NIVEL_PALABRA = 5


class OCRNoDisponible(Exception):
    """tesseract (o su idioma español) no está instalado."""


def verificar_tesseract() -> None:
    if shutil.which("tesseract") is None:
        raise OCRNoDisponible(
            "La página no tiene texto y tesseract no está instalado "
            "(instale tesseract-ocr y tesseract-ocr-spa)."
        )
    if IDIOMA_OCR not in pytesseract.get_languages(config=""):
        raise OCRNoDisponible(
            "La página no tiene texto y falta el idioma español de tesseract "
            "(instale tesseract-ocr-spa)."
        )


def renderizar(ruta: Path, numero: int):
    documento = pdfium.PdfDocument(str(ruta))
    try:
        pagina = documento[numero - 1]
        imagen = pagina.render(scale=PPP_OCR / 72, grayscale=True).to_pil()
        pagina.close()
        return imagen
    finally:
        documento.close()


def _lineas_desde_datos(datos: dict, numero: int) -> list[Linea]:
    escala = 72 / PPP_OCR
    palabras: dict[tuple[int, int, int], list[int]] = {}
    cajas: dict[tuple[int, int, int], int] = {}
    for i, nivel in enumerate(datos["level"]):
        clave = (datos["block_num"][i], datos["par_num"][i], datos["line_num"][i])
        if nivel == NIVEL_LINEA:
            cajas[clave] = i
        elif nivel == NIVEL_PALABRA and datos["text"][i].strip():
            palabras.setdefault(clave, []).append(i)
    lineas: list[Linea] = []
    for clave, indices in palabras.items():
        caja = cajas.get(clave, indices[0])
        alturas = [datos["height"][i] for i in indices]
        lineas.append(
            Linea(
                texto=unicodedata.normalize(
                    "NFC", " ".join(datos["text"][i].strip() for i in indices)
                ),
                pagina=numero,
                x0=datos["left"][caja] * escala,
                x1=(datos["left"][caja] + datos["width"][caja]) * escala,
                top=datos["top"][caja] * escala,
                bottom=(datos["top"][caja] + datos["height"][caja]) * escala,
                tamano=statistics.median(alturas) * escala,
                ocr=True,
            )
        )
    return sorted(lineas, key=lambda linea: (linea.top, linea.x0))


def lineas_por_ocr(ruta: Path, numero: int) -> list[Linea]:
    verificar_tesseract()
    imagen = renderizar(ruta, numero)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    datos = pytesseract.image_to_data(
        imagen,
        lang=IDIOMA_OCR,
        config=CONFIGURACION_TESSERACT,
        output_type=pytesseract.Output.DICT,
    )
    return _lineas_desde_datos(datos, numero)
