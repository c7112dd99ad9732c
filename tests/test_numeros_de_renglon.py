"""Números de renglón en el margen (como los pone Word, de 1 en cada página): se quitan antes de
armar las líneas, en la capa de texto (pdfium y pdfplumber) y en el OCR, sin tocar los números
de inciso del cuerpo. También el número de página «Hoja X de Y»."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from extractores import limpieza, numeros_de_renglon, texto_pdf

CUERPO = [
    "Procedimiento 1.",
    "Análisis de la Operación del Programa de Apoyo Alimentario, conforme a la MML.",
    "Resultados.",
    "1. El programa no cuenta con manuales de procedimientos ni con un diagrama de",
    "flujo del proceso general.",
    "2. No presenta un programa anual de trabajo con metas calendarizadas.",
    "Recomendaciones.",
    "1. Elaborar los manuales de procedimientos del programa.",
    "2. Integrar un programa anual de trabajo con metas calendarizadas y sus",
    "responsables.",
]


def _pdf(ruta: Path, numeros: bool, alineados: str = "derecha", firma: bool = False) -> Path:
    """Dos páginas; con `numeros`, cada renglón lleva su número en el margen, en la letra del
    cuerpo y en su misma línea base (como Word), de 1 en cada página; el cuerpo, a otra altura en
    cada página (no es un encabezado que se repite); con `firma`, una tercera página con la firma
    en dos renglones apartados, también numerados."""
    hoja = canvas.Canvas(str(ruta), pagesize=letter, invariant=1)
    for pagina in (1, 2):
        hoja.setFont("Helvetica", 10)
        for fila, linea in enumerate(CUERPO, start=1):
            y = 700 - 13 * fila - 60 * pagina  # el cuerpo cambia de altura de página a página
            texto = linea.replace("Procedimiento 1", f"Procedimiento {pagina}")
            hoja.drawString(90, y, texto)
            if numeros and alineados == "derecha":
                hoja.drawRightString(72, y, str(fila))
            elif numeros:
                hoja.drawString(56, y, str(fila))
        hoja.showPage()
    if firma:
        hoja.setFont("Helvetica", 10)
        for fila, linea in enumerate(FIRMA, start=1):
            y = 600 - 40 * fila
            hoja.drawString(90, y, linea)
            hoja.drawRightString(72, y, str(fila))
        hoja.showPage()
    hoja.save()
    return ruta


FIRMA = ["EL AUDITOR SUPERIOR DEL ESTADO", "ING. RICARDO MORALES LÓPEZ"]


@pytest.mark.parametrize("lector", texto_pdf.LECTORES)
def test_pagina_de_la_firma_usa_la_columna_de_las_anteriores(tmp_path: Path, lector: str) -> None:
    """La página de la firma tiene dos renglones numerados: no dan evidencia por sí solos, pero
    caen en la columna medida en las páginas anteriores y crecen de arriba abajo."""
    ruta = _pdf(tmp_path / "a.pdf", numeros=True, firma=True)
    lineas = limpieza.limpiar(texto_pdf.leer_paginas(ruta, lector=lector))
    assert [x.texto for x in lineas][-2:] == FIRMA


@pytest.mark.parametrize("lector", texto_pdf.LECTORES)
@pytest.mark.parametrize("alineados", ["derecha", "izquierda"])
def test_numeros_de_renglon_se_quitan(tmp_path: Path, lector: str, alineados: str) -> None:
    pdf = _pdf(tmp_path / "a.pdf", numeros=True, alineados=alineados)
    lineas = limpieza.limpiar(texto_pdf.leer_paginas(pdf, lector=lector))
    esperadas = [x.replace("Procedimiento 1", f"Procedimiento {p}") for p in (1, 2) for x in CUERPO]
    assert [x.texto for x in lineas] == esperadas
    # El renglón queda donde empieza su texto (las sangrías se miden con él), como sin números.
    sin_numeros = _pdf(tmp_path / "b.pdf", numeros=False)
    lineas_sin = limpieza.limpiar(texto_pdf.leer_paginas(sin_numeros, lector=lector))
    assert [round(x.x0, 1) for x in lineas] == [round(x.x0, 1) for x in lineas_sin]


def test_sin_numeros_de_renglon_nada_cambia(tmp_path: Path) -> None:
    """Los incisos numerados del cuerpo (una lista de renglones seguidos «1.», «2.») quedan."""
    pdf = _pdf(tmp_path / "a.pdf", numeros=False)
    lineas = limpieza.limpiar(texto_pdf.leer_paginas(pdf))
    assert [x.texto for x in lineas][:3] == CUERPO[:3]
    assert sum(x.texto.startswith("1. ") for x in lineas) == 4


@dataclass
class P:
    texto: str
    x0: float
    x1: float
    top: float
    bottom: float
    tamano: float = 6.0


def _renglon(palabras: list[tuple[str, float]], top: float) -> list[P]:
    """Un renglón con sus palabras (texto, x0), con el ancho de 3 puntos por letra."""
    return [P(t, x, x + 3 * len(t), top, top + 6) for t, x in palabras]


def test_lista_de_un_renglon_por_inciso_no_es_numeracion_de_renglones() -> None:
    """«1 Diseñar…», «2 Elaborar…» seguidos en el margen del cuerpo, a un espacio del texto:
    son incisos (sin punto), no números de renglón."""
    partes = [
        _renglon([(str(n), 82.0), ("Diseñar", 88.0), ("el", 112.0)], 100 + 8 * n)
        for n in range(1, 9)
    ]
    assert numeros_de_renglon.quitar(partes) == partes


def test_escaneo_torcido_con_numeros_mal_leidos() -> None:
    """OCR de una página torcida (la columna baja de 64 a 57 puntos): los números se quitan
    aunque el OCR lea «€» o «s2», o pierda uno; el inciso «1*» al margen del cuerpo queda."""
    partes = []
    leidos = {5: "€", 9: "s2", 12: None}  # mal leídos y uno perdido
    for fila in range(1, 21):
        deriva = -7 * fila / 20
        top = 70 + 8 * fila
        numero = leidos.get(fila, str(fila))
        primera = "sigue" if fila % 3 == 0 else "Texto"  # un renglón que sigue una oración
        palabras = [(primera, 82 + deriva), ("del", 100 + deriva), ("renglón.", 115 + deriva)]
        if fila == 15:
            palabras = [("1*", 82 + deriva), ("El", 90 + deriva), ("ente", 99 + deriva)]
        if numero is not None:
            palabras.insert(0, (numero, 64 + deriva - 3 * len(numero)))
        partes.append(_renglon(palabras, top))
    sin_numeros = numeros_de_renglon.quitar(partes)
    primeras = [parte[0].texto for parte in sin_numeros]
    assert primeras == [
        "1*" if fila == 15 else "sigue" if fila % 3 == 0 else "Texto" for fila in range(1, 21)
    ]


def test_numero_suelto_al_margen_en_un_escaneo() -> None:
    """sintetico-2113-001 (reservada-renglones escaneada): el OCR no leyó la columna de números
    salvo el «48» de un renglón (una página torcida): sin columna medida, el número que queda a
    la izquierda del margen del texto, lejos de él, se quita con `sueltos`; el número de un
    inciso con sangría colgante, al margen del cuerpo, no; sin `sueltos` (capa de texto), nada
    cambia."""
    partes = []
    for fila in range(1, 21):
        deriva = 7 * fila / 20  # el margen baja de 82 a 89 puntos
        top = 70 + 8 * fila
        palabras = [("Texto", 82 + deriva), ("del", 100 + deriva), ("renglón.", 115 + deriva)]
        if fila == 12:
            palabras = [("48", 62 + deriva), ("RESULTADOS", 84 + deriva), ("DEL", 120 + deriva)]
        if fila == 16:  # inciso «3» al margen y su texto con sangría colgante
            palabras = [("3", 82 + deriva), ("Diseñar", 96 + deriva), ("el", 120 + deriva)]
        partes.append(_renglon(palabras, top))
    sin_numeros = numeros_de_renglon.quitar(partes, sueltos=True)
    assert sin_numeros[11][0].texto == "RESULTADOS"
    assert sin_numeros[15][0].texto == "3"
    assert sum(len(a) != len(b) for a, b in zip(partes, sin_numeros, strict=True)) == 1
    assert numeros_de_renglon.quitar(partes) == partes


def test_hoja_x_de_y_es_numero_de_pagina(tmp_path: Path) -> None:
    """«Hoja 1 de 1» abajo a la derecha, aun en un documento de una página (sin repetición
    entre páginas que lo delate)."""
    ruta = tmp_path / "hoja.pdf"
    hoja = canvas.Canvas(str(ruta), pagesize=letter, invariant=1)
    hoja.setFont("Helvetica", 10)
    for fila, linea in enumerate(CUERPO, start=1):
        hoja.drawString(90, 700 - 13 * fila, linea)
    hoja.drawRightString(540, 40, "Hoja 1 de 1")
    hoja.showPage()
    hoja.save()
    lineas = limpieza.limpiar(texto_pdf.leer_paginas(ruta))
    assert [x.texto for x in lineas] == CUERPO


def test_columna_no_de_una_tabla_escaneada_queda() -> None:
    """Escaneo 2041-002 de reservada-tabla: la columna «No.» de la tabla de recomendaciones,
    leída sin sus bordes, parece una columna de números de renglón (enteros seguidos al margen,
    lejos del texto, y un renglón de la celda que sigue con minúscula). Con el título «No.»
    arriba es de la tabla: los números se quedan."""
    partes = [_renglon([("No.", 60.0), ("Recomendación", 100.0)], 100)]
    for fila in range(1, 9):
        primera = "o" if fila == 4 else "Documentar"
        partes.append(
            _renglon([(str(fila), 64.0), (primera, 100.0), ("un", 140.0)], 100 + 8 * fila)
        )
    assert numeros_de_renglon.quitar(partes, sueltos=True) == partes
