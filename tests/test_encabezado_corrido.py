"""Encabezado corrido de Word con «Página N» a la izquierda y, a la derecha, la sección en curso
(el campo STYLEREF): el renglón cambia de sección en sección, así que no se repite igual en la
mayoría de las páginas, pero el número avanza con la página."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from extractores import limpieza, texto_pdf
from tests.conftest import PRUEBAS

SECCIONES = [
    "I. Resumen Ejecutivo",
    "VI. Procedimientos de auditoría aplicados, resultados y recomendaciones",
    "VI. Procedimientos de auditoría aplicados, resultados y recomendaciones",
    "VII. Observaciones, Recomendaciones y Acciones Promovidas",
]

CUERPO = "Análisis de la Eficacia en el cumplimiento de metas del Programa."


def _pdf(ruta: Path, separado: bool) -> Path:
    """`separado`: la sección va lejos del número de página, que va más chico: quedan en dos
    líneas (como las da el OCR)."""
    hoja = canvas.Canvas(str(ruta), pagesize=letter, invariant=1)
    for numero, seccion in enumerate(SECCIONES, start=1):
        hoja.setFont("Times-Bold", 8)
        hoja.drawString(40, 757, "AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS · Informe Individual")
        hoja.setFont("Times-Roman", 7 if separado else 8)
        hoja.drawString(40, 747, f"Página {numero}")
        hoja.setFont("Times-Italic", 8)
        if separado:
            hoja.drawRightString(572, 747, seccion)
        else:
            hoja.drawString(90, 747, seccion)
        hoja.setFont("Times-Roman", 10)
        y = 700 - 20 * numero  # el cuerpo cambia de página a página
        hoja.drawString(46, y, f"Procedimiento número {numero}")
        hoja.drawString(46, y - 14, CUERPO)
        hoja.showPage()
    hoja.save()
    return ruta


@pytest.mark.parametrize("separado", [False, True])
def test_encabezado_con_la_seccion_en_curso_se_quita(tmp_path: Path, separado: bool) -> None:
    ruta = _pdf(tmp_path / "seccion.pdf", separado)
    textos = [x.texto for x in limpieza.limpiar(texto_pdf.leer_paginas(ruta, usar_ocr=False))]
    assert textos == [
        texto
        for numero in range(1, len(SECCIONES) + 1)
        for texto in (
            f"Procedimiento número {numero}",
            CUERPO,
        )
    ]


def test_titulo_de_bloque_arriba_de_dos_paginas_no_es_encabezado(tmp_path: Path) -> None:
    """En un informe corto (o a dos columnas, donde cada columna empieza con un título), un
    título de bloque puede caer a la misma altura arriba de dos de tres páginas: sigue siendo
    del cuerpo."""
    ruta = tmp_path / "titulos.pdf"
    hoja = canvas.Canvas(str(ruta), pagesize=letter, invariant=1)
    cuerpos = [
        ["Procedimiento número 1", CUERPO],
        ["Recomendaciones al desempeño", "R-1. Documentar la matriz de indicadores."],
        ["Recomendaciones al desempeño", "R-2. Diseñar mecanismos de transparencia."],
    ]
    for cuerpo in cuerpos:
        hoja.setFont("Times-Bold", 8)
        hoja.drawString(40, 757, "AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS · Informe Individual")
        hoja.setFont("Times-Roman", 10)
        hoja.drawString(46, 700, cuerpo[0])
        hoja.drawString(46, 683, cuerpo[1])
        hoja.showPage()
    hoja.save()
    textos = [x.texto for x in limpieza.limpiar(texto_pdf.leer_paginas(ruta, usar_ocr=False))]
    assert textos == [texto for cuerpo in cuerpos for texto in cuerpo]


def test_encabezado_en_un_cuadro_de_varios_renglones() -> None:
    """Tres páginas de reservada-formato: el encabezado va en un cuadro de tres celdas (el
    emblema con «ASE» y «TAMAULIPAS» chico, el título en dos renglones, y «Código», «Revisión» y
    «Foja X de Y»): seis renglones a alturas distintas, más de los que se miran. Los que siguen
    pegados al cuadro y se repiten también se quitan; antes «TAMAULIPAS» e «Informe Individual
    de Auditoría de Desempeño» quedaban al final de la justificación de cada página."""
    ruta = PRUEBAS / "paginas" / "encabezado-en-cuadro.pdf"
    paginas = texto_pdf.leer_paginas(ruta, usar_ocr=False)
    textos = [x.texto for x in limpieza.limpiar(paginas)]
    assert not [t for t in textos if "TAMAULIPAS" in t or t.startswith("Informe Individual")]
    assert not [t for t in textos if t.startswith(("Código:", "Revisión:", "Foja "))]
    # El cuerpo empieza con el procedimiento de cada página, como antes.
    assert sum(t.startswith("PROCEDIMIENTO 0") for t in textos) == 3


def test_rotulo_con_clave_arriba_de_dos_paginas_no_es_encabezado(tmp_path: Path) -> None:
    """El rótulo de una recomendación con su clave de expediente («Recomendación
    2020-AED-097-02-001»: sin las cifras, igual en todas) cae a veces al principio de dos de
    tres páginas: sigue siendo del cuerpo (reservada-expediente, semilla 2197)."""
    ruta = tmp_path / "rotulos.pdf"
    hoja = canvas.Canvas(str(ruta), pagesize=letter, invariant=1)
    cuerpos = [
        ["Procedimiento número 1", CUERPO],
        ["Recomendación 2020-AED-097-02-001", "Documentar la matriz de indicadores."],
        ["Recomendación 2020-AED-097-04-003", "Diseñar mecanismos de transparencia."],
    ]
    for cuerpo in cuerpos:
        hoja.setFont("Times-Bold", 8)
        hoja.drawString(40, 757, "AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS · Informe Individual")
        hoja.setFont("Times-Roman", 10)
        hoja.drawString(46, 700, cuerpo[0])
        hoja.drawString(66, 683, cuerpo[1])
        hoja.showPage()
    hoja.save()
    textos = [x.texto for x in limpieza.limpiar(texto_pdf.leer_paginas(ruta, usar_ocr=False))]
    assert textos == [texto for cuerpo in cuerpos for texto in cuerpo]
