"""Una página a dos columnas escaneada: la raya entre las columnas se borra antes del OCR y las
columnas se leen una tras otra (tesseract, con psm 4, junta los renglones de las dos)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageFilter
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from extractores import ocr
from modelos.registros import Palabra
from tests.test_columnas import (
    CANAL,
    DERECHA,
    DERECHA_CON_COLA,
    FUENTE,
    IZQUIERDA,
    IZQUIERDA_CON_COLA,
    PASO,
    TAMANO,
    _columna,
)

PPP = 200


def test_la_raya_vertical_se_borra_y_las_letras_no() -> None:
    """Un trazo delgado de media página, un poco inclinado (un escaneo girado), se borra; un
    trazo del alto de una letra, no; sin rayas, la misma imagen."""
    gris = np.full((900, 400), 250, dtype=np.uint8)
    for fila in range(100, 800):  # la raya: 1 píxel, corrida 1 columna cada 100 filas
        gris[fila, 200 + fila // 100] = 190
    gris[300:330, 50:53] = 30  # el asta de una letra
    limpia = np.asarray(ocr.sin_rayas_verticales(Image.fromarray(gris), PPP))
    assert (limpia[100:800, 200:210] >= 250).all()
    assert (limpia[300:330, 50:53] == 30).all()
    sin_rayas = Image.fromarray(limpia)
    assert ocr.sin_rayas_verticales(sin_rayas, PPP) is sin_rayas


def test_los_bordes_de_una_tabla_no_se_borran() -> None:
    """Escaneos 2041 de reservada-tabla: las rayas verticales que cruzan rayas horizontales
    largas son los bordes de una tabla («No. | Recomendación»), no la raya entre dos columnas:
    sin ellos el número de cada fila y su texto se leían revueltos. Se dejan."""
    gris = np.full((900, 600), 250, dtype=np.uint8)
    for x in (60, 120, 540):  # bordes verticales de la tabla
        gris[100:800, x] = 190
    for y in (100, 250, 400, 550, 799):  # bordes horizontales de las filas
        gris[y, 60:541] = 190
    imagen = Image.fromarray(gris)
    assert ocr.sin_rayas_verticales(imagen, PPP) is imagen


def _escaneo(tmp_path: Path) -> Image.Image:
    """La página a dos columnas de `test_columnas`, con su raya, escaneada a 200 ppp y girada
    medio grado."""
    ruta = tmp_path / "columnas.pdf"
    hoja = canvas.Canvas(str(ruta), pagesize=letter, invariant=1)
    hoja.setFont(FUENTE, TAMANO)
    _, fondo_izquierda = _columna(hoja, IZQUIERDA, 700, IZQUIERDA_CON_COLA)
    _columna(hoja, DERECHA, 700, DERECHA_CON_COLA)
    hoja.setStrokeGray(0.3)
    hoja.setLineWidth(0.4)
    hoja.line(DERECHA - CANAL / 2, 700 + PASO, DERECHA - CANAL / 2, fondo_izquierda)
    hoja.showPage()
    hoja.save()
    documento = pdfium.PdfDocument(str(ruta))
    imagen = documento[0].render(scale=PPP / 72, grayscale=True).to_pil().convert("L")
    documento.close()
    imagen = imagen.rotate(0.5, fillcolor=255, resample=Image.BICUBIC)
    memoria = io.BytesIO()
    imagen.filter(ImageFilter.GaussianBlur(0.3)).save(memoria, "PNG")
    return Image.open(memoria).convert("L")


@pytest.mark.escaneo
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="sin tesseract")
def test_dos_columnas_escaneadas_se_leen_una_tras_otra(tmp_path: Path) -> None:
    textos = [x.texto for x in ocr.leer_imagen(_escaneo(tmp_path), 1, PPP)]

    def donde(parte: str) -> int:
        return next(i for i, t in enumerate(textos) if parte in t)

    # Ningún renglón mezcla las dos columnas, y la de la izquierda va entera antes.
    izquierda = ["Procedimiento número 9", "Resultados de la revisión", "procedimientos para"]
    derecha = ["R-1. Documentar", "Valoración", "Toda vez que el ente"]
    assert not any(any(a in t for a in izquierda) and any(b in t for b in derecha) for t in textos)
    assert max(donde(a) for a in izquierda) < min(donde(b) for b in derecha)
    assert not any("|" in t for t in textos)  # la raya no se leyó


def test_region_se_extiende_por_los_renglones_a_los_dos_lados_del_canal() -> None:
    """La primera lectura puede perder el último renglón de la región (una palabra mal leída a
    través del canal, con poca confianza, que no cuenta): la región sigue por los renglones con
    texto a los dos lados del canal y sin palabras que lo crucen, y no por lo que va a todo lo
    ancho ni por un título corto de un solo lado."""

    def fila(top: float, *tramos: tuple[float, float]) -> list:
        return [(x0, x1, top, top + 9) for x0, x1 in tramos]

    filas = [
        fila(500, (50, 300), (312, 560)),
        fila(512, (50, 290), (312, 500)),  # el último de la región
        fila(524, (66, 200), (330, 420)),  # se perdió en la primera lectura: a los dos lados
        fila(544, (50, 111)),  # «VIII. Dictamen»: de un solo lado
        fila(560, (50, 560)),  # a todo lo ancho
    ]
    region = (500, 521, 301, 311)
    assert ocr._region_extendida(region, filas, 10) == (500, 533, 301, 311)


def test_encabezado_girado_arriba_de_las_columnas_se_une_con_la_inclinacion_de_la_pagina() -> None:
    """sintetico-2113-006 (reservada-columnas escaneada, girada): arriba de la región a columnas
    quedan sólo los dos renglones del encabezado corrido, cada uno partido en dos cajas que
    distan en altura más de medio renglón («Página 3» y, 330 puntos a la derecha, la sección en
    curso). Con tan pocas cajas no se mide la inclinación; con la de la página (la de la primera
    lectura) se unen, y la limpieza quita el renglón como encabezado corrido."""
    from modelos.registros import Linea

    def caja(texto: str, x0: float, x1: float, top: float, alto: float) -> Linea:
        return Linea(texto, 3, x0, top, top + alto, alto * 0.7, ocr=True, x1=x1)

    tramo = [
        caja("AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS + Informe Indivi", 46.4, 313.9, 28.8,
             11.2),
        caja("dual de Auditoría de Desempeño AED/075/2020", 314.6, 477.4, 34.6, 9.0),
        caja("Página 3", 46.4, 73.1, 40.3, 7.2),
        caja("VII. Observaciones, Recomendaciones y Acciones Promovidas", 378.4, 577.4, 45.7,
             8.6),
    ]  # fmt: skip
    assert len(ocr.unir_fragmentos(tramo)) == 4  # sin la inclinación: no se unen
    unidas = [x.texto for x in ocr.unir_fragmentos(tramo, 0.0195)]
    assert unidas == [
        "AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS + Informe Individual de Auditoría de "
        "Desempeño AED/075/2020",
        "Página 3 VII. Observaciones, Recomendaciones y Acciones Promovidas",
    ]


def test_region_no_se_extiende_por_un_titulo_con_el_tramo_del_canal_ilegible() -> None:
    """sintetico-2112-006 y 2112-004 (reservada-columnas escaneada): arriba de la región, el
    título a todo lo ancho «VI. Procedimientos… resultados y recomendaciones de aspectos
    susceptibles de mejora (ASM)» con el tramo del canal leído con poca confianza («Mmmm arre»,
    que no cuenta para el canal): una palabra dudosa que pasa por el medio del canal dice que va
    a todo lo ancho; no es un renglón de la región (su máscara lo partía y «…mejora (ASM)» iba a
    dar a un resultado). El renglón perdido de abajo, con sus palabras dudosas a la derecha del
    canal («prision dol us vonano de Byaluación!», sintetico-2111-004), sí."""

    def fila(top: float, *tramos: tuple[float, float]) -> list:
        return [(x0, x1, top, top + 9) for x0, x1 in tramos]

    filas = [
        fila(514, (46, 281), (476, 537)),  # el título, sin «Mmmm arre»
        fila(543, (46, 150), (310, 565)),
        fila(556, (46, 300), (326, 526)),
        fila(570, (46, 301), (310, 565)),
        fila(583, (45, 300), (413, 421)),  # sin «prision…» ni «Byaluación!»
    ]
    dudosas = [fila(514, (294, 363), (387, 473)), [], [], [], fila(583, (310, 409), (425, 471))]
    region = (543, 579, 302, 311)
    assert ocr._region_extendida(region, filas, 10, dudosas) == (543, 592, 302, 311)
    assert ocr._region_extendida(region, filas, 10) == (514, 592, 302, 311)


def test_renglon_de_tesseract_con_las_dos_columnas_se_parte() -> None:
    """sintetico-2111-004 (reservada-columnas escaneada, página 3): la región a columnas es tan
    corta que no se midió y tesseract leyó en un renglón «competente.» (al pie de la columna de
    la izquierda) y «Valoración» (arriba de la de la derecha). Un hueco de columna entre un fin
    de oración y una mayúscula parte el renglón, y las dos líneas no se vuelven a unir; el
    encabezado «Página 3 VII. Observaciones…» (sin fin de oración) sigue unido."""
    from modelos.registros import Linea

    palabras = [
        Palabra("competente.", 62.0, 109.0, 90.0, 99.5, 9.5),
        Palabra("Valoración", 310.0, 357.0, 90.0, 99.5, 9.5),
    ]
    assert [[p.texto for p in t] for t in ocr._por_columnas(palabras)] == [
        ["competente."],
        ["Valoración"],
    ]

    def linea(texto: str, x0: float, x1: float) -> Linea:
        return Linea(texto, 3, x0, 90.0, 99.5, 6.8, ocr=True, x1=x1)

    partes = [linea("competente.", 62, 109), linea("Valoración", 310, 357)]
    assert [x.texto for x in ocr.unir_fragmentos(partes)] == ["competente.", "Valoración"]
    encabezado = [linea("Página 3", 46, 73), linea("VII. Observaciones", 378, 577)]
    assert [x.texto for x in ocr.unir_fragmentos(encabezado)] == ["Página 3 VII. Observaciones"]


def test_residuo_tras_el_hueco_no_es_otra_columna() -> None:
    """El borde derecho de una tabla escaneada leído como «E» al final de la fila, lejos de su
    fin de oración (escaneo 2041-007 de `reservada-tabla`: «…metas calendarizadas. E»), no es el
    principio de otra columna: el renglón no se parte (la «E» suelta, ordenada por su altura,
    quedaba como una fila más y las filas siguientes se corrían). En fragmentos separados
    tampoco impide unirlos."""
    from modelos.registros import Linea

    palabras = [
        Palabra("calendarizadas.", 330.0, 397.0, 260.6, 270.0, 9.4),
        Palabra("E", 527.0, 540.0, 254.5, 268.0, 13.5),
    ]
    assert [[p.texto for p in t] for t in ocr._por_columnas(palabras)] == [["calendarizadas.", "E"]]

    def linea(texto: str, x0: float, x1: float) -> Linea:
        return Linea(texto, 7, x0, 260.0, 270.0, 9.4, ocr=True, x1=x1)

    partes = [linea("Diseñar un programa anual.", 68, 397), linea("E", 527, 540)]
    assert [x.texto for x in ocr.unir_fragmentos(partes)] == ["Diseñar un programa anual. E"]


def test_region_sigue_por_un_renglon_que_cruza_el_canal_entre_dos_que_no() -> None:
    """sintetico-2071-000 (reservada-columnas escaneada, página 2): tesseract juntó la última
    palabra de un renglón de la columna de la izquierda con la viñeta de la derecha
    («evidencia.» con poca confianza a través del canal). La región terminaba ahí, y ese renglón
    y el siguiente se leían a todo lo ancho, revolviendo dos justificaciones. Entre dos renglones
    con texto a los dos lados del canal, el que lo cruza también es de la región; uno que lo
    cruza sin otro de la región abajo (lo que va a todo lo ancho) no."""

    def fila(top: float, *tramos: tuple[float, float]) -> list:
        return [(x0, x1, top, top + 9) for x0, x1 in tramos]

    filas = [
        fila(590, (50, 290), (322, 560)),  # el último de la región
        fila(602, (50, 308), (316, 560)),  # «…la evidencia.+ De acuerdo…»: cruza
        fila(615, (58, 256), (322, 540)),  # a los dos lados otra vez
        fila(628, (42, 296)),  # la columna de la izquierda sigue sola
        fila(660, (45, 560)),  # a todo lo ancho
    ]
    region = (500, 599, 296, 305)
    assert ocr._region_extendida(region, filas, 10) == (500, 624, 296, 305)
    # Sin el renglón de abajo, el que cruza es lo que sigue a la región.
    assert ocr._region_extendida(region, filas[:2], 10) == region


def test_region_corta_toma_el_canal_de_su_vecina() -> None:
    """sintetico-2071-002 (reservada-columnas escaneada, página 2): arriba, tres renglones
    midieron como canal el hueco tras los números colgados de la columna de la derecha («2.», «4.»),
    y quedó una región aparte con otro canal que no se unía a la de abajo; al cortar por él, los
    números iban a dar a la columna de la izquierda («Recomendaciones al desempeño 28»). Sus
    renglones también están libres en el canal de la región de abajo, que es el de la sección:
    toma ese canal y las dos se unen."""

    def fila(top: float, *tramos: tuple[float, float]) -> list:
        return [(x0, x1, top, top + 9) for x0, x1 in tramos]

    filas = [
        fila(95, (42, 177), (306, 311), (322, 561)),
        fila(108, (42, 296), (321, 561)),
        fila(121, (58, 125), (306, 312), (318, 561)),
        *[fila(150 + 13 * k, (42, 294), (306, 560)) for k in range(20)],
    ]
    regiones = [(95, 148, 312, 318), (148, 420, 296, 304)]
    assert ocr._con_el_canal_de_la_vecina(regiones, filas) == [
        (95, 148, 296, 304),
        (148, 420, 296, 304),
    ]
    assert ocr._regiones_unidas(ocr._con_el_canal_de_la_vecina(regiones, filas), 0.0) == (
        [(95, 420, 296, 304)],
        0.0,
    )
    # Si un renglón de la corta cruza el canal de la alta, no es la misma sección.
    filas[1] = fila(108, (42, 300), (321, 561))
    assert ocr._con_el_canal_de_la_vecina(regiones, filas) == regiones
