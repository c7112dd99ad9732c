"""Orden de lectura de una página que pasa de una columna a dos y vuelve a una (una sección
continua de Word), y páginas a una columna que deben quedar como están."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas

from extractores import texto_pdf

FUENTE, TAMANO, PASO = "Times-Roman", 10, 12
IZQUIERDA, ANCHO_COLUMNA, CANAL = 50.0, 245.0, 22.0
DERECHA = IZQUIERDA + ANCHO_COLUMNA + CANAL

COLUMNA_IZQUIERDA = [
    "Procedimiento número 1",
    "Análisis de la Economía en el ejercicio del gasto del Programa Unidades Básicas de "
    "Rehabilitación, conforme a la Metodología de Marco Lógico.",
    "Resultados de la revisión",
    "1. Presenta un padrón de beneficiarios con sus características socioeconómicas, sin "
    "embargo, está incompleto.",
    "2. No se aprecia lineamientos de operación publicados en el periódico oficial que permita "
    "valorar su desempeño.",
]
COLUMNA_DERECHA = [
    "3. Presenta el árbol de problemas y de objetivos conforme a la metodología del marco "
    "lógico, sin embargo, está incompleto.",
    "Recomendaciones al desempeño",
    "R-1. Documentar la matriz de indicadores para resultados con indicadores estratégicos y "
    "de gestión del programa.",
    "R-2. Diseñar mecanismos de transparencia y rendición de cuentas del programa.",
]
ANTES = (
    "Para la realización de la auditoría se designó formalmente a los auditores CC. Jorge Díaz "
    "López, Angélica Guzmán Díaz y Natalia Pérez López, con el personal de apoyo necesario."
)
DESPUES = (
    "La Auditoría de Desempeño No. AED/043/2022 fue planeada y desarrollada conforme al objetivo "
    "y alcance establecidos, y se aplicaron los procedimientos que se estimaron necesarios."
)


def _renglones(parrafos: list[str], ancho: float) -> list[str]:
    return [r for p in parrafos for r in simpleSplit(p, FUENTE, TAMANO, ancho)]


def _dibujar(hoja: canvas.Canvas, x: float, y: float, renglones: list[str]) -> float:
    for renglon in renglones:
        hoja.drawString(x, y, renglon)
        y -= PASO
    return y


def _pagina_con_columnas(ruta: Path) -> tuple[list[str], list[str], list[str], list[str]]:
    """Una página a una columna arriba, a dos en medio (con una raya en el canal) y a una abajo
    tras un título corto; devuelve los renglones de cada parte, en el orden en que se leen."""
    hoja = canvas.Canvas(str(ruta), pagesize=letter, invariant=1)
    hoja.setFont(FUENTE, TAMANO)
    ancho_pagina = 2 * ANCHO_COLUMNA + CANAL
    antes = _renglones(
        ["V. Servidores públicos que intervinieron en la Auditoría", ANTES], ancho_pagina
    )
    izquierda = _renglones(COLUMNA_IZQUIERDA, ANCHO_COLUMNA)
    derecha = _renglones(COLUMNA_DERECHA, ANCHO_COLUMNA)
    despues = ["VIII. Dictamen", *_renglones([DESPUES], ancho_pagina)]
    y = _dibujar(hoja, IZQUIERDA, 700, antes) - PASO
    fondo_izquierda = _dibujar(hoja, IZQUIERDA, y, izquierda)
    fondo_derecha = _dibujar(hoja, DERECHA, y, derecha)
    hoja.line(
        DERECHA - CANAL / 2, y + PASO, DERECHA - CANAL / 2, min(fondo_izquierda, fondo_derecha)
    )
    # «VIII. Dictamen» cabe del lado izquierdo: sólo el espacio antes lo aparta de la columna.
    _dibujar(hoja, IZQUIERDA, min(fondo_izquierda, fondo_derecha) - PASO, despues)
    hoja.showPage()
    hoja.save()
    return antes, izquierda, derecha, despues


@pytest.mark.parametrize("lector", texto_pdf.LECTORES)
def test_dos_columnas_se_leen_una_tras_otra(tmp_path: Path, lector: str) -> None:
    """La columna de la izquierda entera, luego la de la derecha; lo de antes y lo de después
    (el título corto que sigue a las columnas también) en su lugar."""
    antes, izquierda, derecha, despues = _pagina_con_columnas(tmp_path / "columnas.pdf")
    assert len(izquierda) > len(derecha) >= 4
    [pagina] = texto_pdf.leer_paginas(tmp_path / "columnas.pdf", usar_ocr=False, lector=lector)
    assert [x.texto for x in pagina.lineas] == antes + izquierda + derecha + despues


@pytest.mark.parametrize("lector", texto_pdf.LECTORES)
def test_ficha_y_sangria_colgante_no_son_columnas(tmp_path: Path, lector: str) -> None:
    """Las etiquetas de una ficha y los números de una lista con sangría colgante dejan un hueco
    que se alinea de renglón en renglón, pero no son columnas de texto corrido."""
    ruta = tmp_path / "ficha.pdf"
    hoja = canvas.Canvas(str(ruta), pagesize=letter, invariant=1)
    hoja.setFont(FUENTE, TAMANO)
    ficha = [
        ("Número de auditoría", "AED/067/2024"),
        ("Tipo de auditoría", "Desempeño"),
        ("Entidad fiscalizada", "Sistema para el Desarrollo Integral de la Familia de Jaumave"),
        ("Programa", "Atención al Adulto Mayor"),
        ("Ejercicio fiscal", "2023"),
    ]
    y = 700.0
    for etiqueta, valor in ficha:
        hoja.drawString(72, y, etiqueta)
        hoja.drawString(200, y, valor)
        y -= 20
    esperado = [f"{e} {v}" for e, v in ficha]
    for numero, texto in enumerate(COLUMNA_DERECHA[2:] + COLUMNA_IZQUIERDA[3:], start=1):
        renglones = simpleSplit(texto.split(" ", 1)[1], FUENTE, TAMANO, 300)
        hoja.drawString(72, y, f"{numero}.")
        y = _dibujar(hoja, 90, y, renglones) - 4
        esperado += [f"{numero}. {renglones[0]}", *renglones[1:]]
    hoja.showPage()
    hoja.save()
    [pagina] = texto_pdf.leer_paginas(ruta, usar_ocr=False, lector=lector)
    assert [x.texto for x in pagina.lineas] == esperado
