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


# Columnas con incisos de sangría colgante y títulos: (texto, es título). La de la derecha
# empieza con el final de un inciso de la de la izquierda; la de la izquierda termina, más abajo
# que la de la derecha, con un título y un inciso de dos renglones.
IZQUIERDA_CON_COLA = [
    ("Procedimiento número 9", True),
    ("Análisis y evaluación de la Planeación y Orientación a Resultados del Programa Protección "
     "Civil, conforme a los Términos de Referencia del CONEVAL.", False),
    ("3. Presenta el diagnóstico del programa con la problemática específica que se pretende "
     "atender, sin embargo, está", False),
    ("Resultados de la revisión", True),
    ("1. El programa no cuenta con un manual de procedimientos para la entrega de los apoyos "
     "del programa.", False),
]  # fmt: skip
DERECHA_CON_COLA = [
    ("incompleto.", False),
    ("R-1. Documentar la matriz de indicadores para resultados del programa.", False),
    ("Valoración", True),
    ("Toda vez que el ente acreditó las acciones, se solventa la recomendación.", False),
]  # fmt: skip
SANGRIA = 16


def _columna(hoja: canvas.Canvas, x: float, y: float, parrafos: list) -> tuple[list[str], float]:
    """Dibuja los párrafos de una columna (los incisos con sangría colgante; un párrafo que
    empieza con minúscula es la continuación de un inciso: todo con sangría)."""
    renglones: list[str] = []
    for indice, (texto, titulo) in enumerate(parrafos):
        if titulo and indice:
            y -= PASO / 2
        inciso = texto[0].isdigit() or texto.startswith("R-")
        continuacion = texto[0].islower()
        primero, *resto = simpleSplit(texto, FUENTE, TAMANO, ANCHO_COLUMNA - SANGRIA)
        if not inciso and not continuacion:
            primero, *resto = simpleSplit(texto, FUENTE, TAMANO, ANCHO_COLUMNA)
        hoja.drawString(x + (SANGRIA if continuacion else 0), y, primero)
        y -= PASO
        y = _dibujar(hoja, x + (SANGRIA if inciso or continuacion else 0), y, resto)
        renglones += [primero, *resto]
        if titulo:
            y -= PASO / 2
    return renglones, y


@pytest.mark.parametrize("lector", texto_pdf.LECTORES)
def test_columna_derecha_que_sigue_un_inciso_y_columna_izquierda_mas_larga(
    tmp_path: Path, lector: str
) -> None:
    """La columna de la derecha empieza con el final sangrado de un inciso («incompleto.»), y
    la de la izquierda, balanceada, termina más abajo con un título y su inciso: todo eso es de
    sus columnas; el título corto que sigue, a todo lo ancho, ya no."""
    ruta = tmp_path / "cola.pdf"
    hoja = canvas.Canvas(str(ruta), pagesize=letter, invariant=1)
    hoja.setFont(FUENTE, TAMANO)
    izquierda, fondo_izquierda = _columna(hoja, IZQUIERDA, 700, IZQUIERDA_CON_COLA)
    derecha, fondo_derecha = _columna(hoja, DERECHA, 700, DERECHA_CON_COLA)
    assert fondo_izquierda < fondo_derecha - 2 * PASO
    despues = ["VIII. Dictamen", *_renglones([DESPUES], 2 * ANCHO_COLUMNA + CANAL)]
    _dibujar(hoja, IZQUIERDA, fondo_izquierda - PASO, despues)
    hoja.showPage()
    hoja.save()
    [pagina] = texto_pdf.leer_paginas(ruta, usar_ocr=False, lector=lector)
    assert [x.texto for x in pagina.lineas] == izquierda + derecha + despues


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


@pytest.mark.parametrize("lector", texto_pdf.LECTORES)
def test_firmas_lado_a_lado_no_son_columnas(tmp_path: Path, lector: str) -> None:
    """Dos firmas lado a lado (cargo y nombre) dejan un canal y sus renglones llegan al borde,
    pero no siguen a media oración: no son texto corrido."""
    ruta = tmp_path / "firmas.pdf"
    hoja = canvas.Canvas(str(ruta), pagesize=letter, invariant=1)
    hoja.setFont(FUENTE, 11)
    firmas = [
        ("Subdirector", "Director de Área"),
        ("C.P. José Manuel Aguilar Nieto", "Mtra. Josefina Salinas Ibarra"),
        ("Jefe de Departamento", "Subdirectora"),
        ("C.P. María Fernanda Durán Aguilar", "Mtro. Ernesto Salinas López"),
    ]
    y = 600.0
    for izquierda, derecha in firmas:
        hoja.drawString(70, y, izquierda)
        hoja.drawString(305, y, derecha)
        y -= 16
    hoja.drawString(70, y - 4, "Comentarios de la Entidad Fiscalizada")
    hoja.showPage()
    hoja.save()
    [pagina] = texto_pdf.leer_paginas(ruta, usar_ocr=False, lector=lector)
    assert [x.texto for x in pagina.lineas] == [
        *(f"{a} {b}" for a, b in firmas),
        "Comentarios de la Entidad Fiscalizada",
    ]


@pytest.mark.parametrize("lector", texto_pdf.LECTORES)
def test_region_chica_con_el_canal_de_otra_pagina(tmp_path: Path, lector: str) -> None:
    """Donde terminan las columnas quedan pocos renglones a cada lado, sin un párrafo que siga a
    media oración («…de la Percepción de la Población» / «Atendida del Programa…»): el canal de
    las columnas de la página anterior basta."""
    ruta = tmp_path / "chica.pdf"
    hoja = canvas.Canvas(str(ruta), pagesize=letter, invariant=1)
    hoja.setFont(FUENTE, TAMANO)
    _columna(hoja, IZQUIERDA, 700, IZQUIERDA_CON_COLA)
    _columna(hoja, DERECHA, 700, DERECHA_CON_COLA)
    hoja.showPage()
    hoja.setFont(FUENTE, TAMANO)
    izquierda = [
        "Respuesta de la entidad fiscalizada",
        "El ente público presenta el diagrama de flujo con su",
        "evidencia documental, debidamente autorizado.",
    ]
    derecha = [
        "Procedimiento número 5",
        "Identificación de la medición de la Percepción de la Población",
        "Atendida del Programa Protección Civil.",
    ]
    _dibujar(hoja, IZQUIERDA, 700, izquierda)
    _dibujar(hoja, DERECHA, 700, derecha)
    despues = ["VII. Observaciones", *_renglones([DESPUES], 2 * ANCHO_COLUMNA + CANAL)]
    _dibujar(hoja, IZQUIERDA, 700 - 5 * PASO, despues)
    hoja.showPage()
    hoja.save()
    paginas = texto_pdf.leer_paginas(ruta, usar_ocr=False, lector=lector)
    assert [x.texto for x in paginas[1].lineas] == izquierda + derecha + despues


def test_celda_de_la_izquierda_mas_larga_que_la_de_la_derecha(tmp_path: Path) -> None:
    """Una tabla de dos celdas (la respuesta del ente con sus incisos «i)», «ii)»… y, al lado, el
    pronunciamiento, más corto): los incisos que siguen tras el último renglón de la derecha,
    en el margen de los de arriba y un poco más apartados, son de la columna de la izquierda y
    se leen antes que la derecha (antes «iii)» y «iv)» quedaban después del pronunciamiento)."""
    izquierda = [
        "i) El ente público presenta los lineamientos de operación con",
        "    su evidencia documental.",
        "ii) En atención a la recomendación 2, el ente público presenta",
        "    evidencia documental de las acciones realizadas.",
        "iii) El ente público presenta los reportes trimestrales.",
        "iv) El ente público presenta documentación en atención a la",
        "    recomendación 3, sin embargo, no se considera atendida.",
    ]
    derecha = [
        "Las acciones descritas por el ente son",
        "suficientes y pertinentes para resolver las",
        "recomendaciones señaladas en su respuesta;",
        "en consecuencia, se archivan como resueltas.",
    ]
    # Como en el informe: 12 puntos entre renglones y 15.3 entre incisos (la derecha, a su paso).
    tops = [100, 112, 127.3, 139.3, 154.6, 169.9, 181.9]
    tops_derecha = [100, 112, 126.2, 138.2]
    ruta = tmp_path / "celdas.pdf"
    hoja = canvas.Canvas(str(ruta), pagesize=letter, invariant=1)
    hoja.setFont(FUENTE, TAMANO)
    hoja.drawString(IZQUIERDA, 792 - 80, "Posicionamiento de la entidad")
    hoja.drawString(DERECHA, 792 - 80, "Pronunciamiento de la Auditoría")
    for top, renglon in zip(tops, izquierda, strict=True):
        sangria = 14 if renglon.startswith("    ") else 0
        hoja.drawString(IZQUIERDA + sangria, 792 - top, renglon.strip())
    for top, renglon in zip(tops_derecha, derecha, strict=True):
        hoja.drawString(DERECHA, 792 - top, renglon)
    hoja.drawString(IZQUIERDA, 792 - 260, DESPUES)
    hoja.showPage()
    hoja.save()
    textos = [x.texto for x in texto_pdf.leer_paginas(ruta, usar_ocr=False)[0].lineas]
    assert textos == [
        "Posicionamiento de la entidad",
        *(r.strip() for r in izquierda),
        "Pronunciamiento de la Auditoría",
        *derecha,
        DESPUES,
    ]
