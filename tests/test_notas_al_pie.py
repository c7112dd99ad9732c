"""Notas al pie numeradas como las pone Word o reportlab: la llamada en superíndice (algo más
chica que la letra y con la base elevada) dentro del cuerpo, y el texto de la nota al pie de
la página, bajo una raya corta, en letra más chica. Ni la llamada ni la nota son del cuerpo."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from extractores import limpieza, texto_pdf
from modelos.registros import Linea, Pagina

FUENTE, TAMANO = "Times-Roman", 10
# Como `<super>` de reportlab: dos puntos menos y la base elevada media letra.
TAMANO_LLAMADA, ELEVACION = 8, 5

# (texto, llamada, texto que sigue a la llamada)
RENGLONES = [
    (
        "Otros marcos: el Instituto Latinoamericano y del Caribe de Planificación Social",
        "1",
        " (ILPES).",
    ),
    (
        "Esta Auditoría se realizó conforme a los criterios del Programa Anual de Auditoría",
        "2",
        ", aprobado",
    ),
    ("Respuesta de la entidad fiscalizada", "3", ""),
    ("En atención a la recomendación R-2, el ente público presenta evidencia documental.", "", ""),
]
NOTAS = [
    "El ILPES es un organismo permanente de la CEPAL, Naciones Unidas.",
    "El Programa Anual de Auditorías se publica en el Periódico Oficial del Estado.",
    "La documentación que soporta la respuesta obra en el expediente de la auditoría.",
]


def _pdf(ruta: Path) -> Path:
    hoja = canvas.Canvas(str(ruta), pagesize=letter, invariant=1)
    for pagina in range(2):
        y = 700.0 - 40 * pagina  # el cuerpo no se repite a la misma altura: no es encabezado
        for texto, llamada, despues in RENGLONES:
            hoja.setFont(FUENTE, TAMANO)
            hoja.drawString(72, y, texto)
            x = 72 + hoja.stringWidth(texto, FUENTE, TAMANO)
            if llamada:
                hoja.setFont(FUENTE, TAMANO_LLAMADA)
                hoja.drawString(x, y + ELEVACION, llamada)
                x += hoja.stringWidth(llamada, FUENTE, TAMANO_LLAMADA)
            hoja.setFont(FUENTE, TAMANO)
            hoja.drawString(x, y, despues)
            y -= 16
        if pagina == 0:  # las notas de la primera página, bajo su raya corta
            hoja.line(72, 112, 216, 112)
            y = 100.0
            for numero, nota in enumerate(NOTAS, start=1):
                hoja.setFont(FUENTE, 5.6)
                hoja.drawString(72, y + 3, str(numero))
                hoja.setFont(FUENTE, 7)
                hoja.drawString(78, y, nota)
                y -= 8.4
        hoja.showPage()
    hoja.save()
    return ruta


@pytest.mark.parametrize("lector", texto_pdf.LECTORES)
def test_llamadas_y_notas_al_pie_fuera_del_cuerpo(tmp_path: Path, lector: str) -> None:
    ruta = _pdf(tmp_path / "notas.pdf")
    paginas = texto_pdf.leer_paginas(ruta, usar_ocr=False, lector=lector)
    textos = [x.texto for x in limpieza.limpiar(paginas)]
    esperado = [texto + despues for texto, _, despues in RENGLONES]
    assert textos == esperado + esperado


def test_cierre_en_letra_chica_al_pie_no_es_nota() -> None:
    """El cierre de una justificación en letra un punto más chica que el cuerpo, al pie de una
    página apaisada (reservada-narrativa): por su tamaño parecía una nota al pie y se perdía
    sin aviso. Sus palabras (un veredicto, un cierre) dicen que es del cuerpo; una nota de
    verdad, también en letra chica, sí se quita."""

    def pagina(numero: int, pie: list[str]) -> Pagina:
        cuerpo = [
            Linea(f"D) En atención a la recomendación {numero}, el ente presenta evidencia.",
                  numero, 60, 400, 409.5, 9.5),
            Linea("1. El programa no cuenta con lineamientos de operación publicados.",
                  numero, 60, 300, 309.5, 9.5),
        ]  # fmt: skip
        chicas = [
            Linea(texto, numero, 87, 450 + 12 * i, 458.5 + 12 * i, 8.5)
            for i, texto in enumerate(pie)
        ]
        return Pagina(numero, 792, 612, [cuerpo[1], cuerpo[0], *chicas])

    cierre = [
        "Con los elementos aportados, la Auditoría Superior del Estado determina que no es",
        "factible el cierre de las recomendaciones, que siguen vigentes.",
    ]
    nota = ["Instituto Latinoamericano y del Caribe de Planificación Económica y Social."]
    paginas = [pagina(1, cierre), pagina(2, nota)]
    quitadas = [x.texto for x in limpieza.quitar_notas_al_pie(paginas)]
    assert quitadas == nota
    assert [x.texto for x in paginas[0].lineas][-2:] == cierre
