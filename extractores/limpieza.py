"""Limpieza del texto de las páginas: encabezados y pies repetidos, números de página, notas al pie.

Los encabezados y pies se reconocen por repetición y posición entre páginas (no por el texto de
una plantilla): una línea en la franja superior o inferior cuyo texto, con los dígitos
enmascarados, se repite en buena parte de las páginas.
"""

from __future__ import annotations

import math
import re
import statistics
from collections import Counter

from rapidfuzz import fuzz

from modelos.registros import Linea, Pagina

# Líneas candidatas a encabezado o pie: las primeras y últimas de cada página.
LINEAS_CANDIDATAS = 3
# ...siempre que estén en la franja superior o inferior de la página (fracción del alto).
FRANJA = 0.16
# Se repite en al menos esta fracción de las páginas (y en dos páginas como mínimo).
FRACCION_REPETICION = 0.6
# Un encabezado o pie está a la misma altura en cada página (puntos; el OCR se mueve más).
TOLERANCIA_POSICION = 3.0
TOLERANCIA_POSICION_OCR = 12.0
# Similitud (rapidfuzz) con la que dos líneas de OCR se consideran el mismo encabezado.
SIMILITUD_ENCABEZADO = 85
# Un número de página suelto, en cualquiera de sus formas:
# "Página 4 de 10", "4", "- 4 -", "4/10", "Pág. 4"
NUMERO_DE_PAGINA = re.compile(
    r"^\s*(?:p[áa]g(?:ina)?\.?\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?\s*(?:(?:de|/)\s*\d{1,4})?\s*$",
    re.IGNORECASE,
)
# Las notas al pie van en letra más chica que el cuerpo.
PROPORCION_NOTA = 0.9
PROPORCION_NOTA_OCR = 0.85
# La llamada con que empieza una nota al pie: "1 El Instituto…", "¹ El…", "* Cifras…"
LLAMADA_DE_NOTA = re.compile(r"^\s*(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹*])\s?[A-ZÁÉÍÓÚÑ(]")
# Una distancia entre líneas mayor que esta proporción del interlineado típico separa párrafos.
PROPORCION_PARRAFO = 1.3


def _clave(texto: str) -> str:
    return re.sub(r"\d+", "#", texto.lower()).replace(" ", "")


def _candidatas(pagina: Pagina) -> list[Linea]:
    arriba = [
        linea for linea in pagina.lineas[:LINEAS_CANDIDATAS] if linea.top < pagina.alto * FRANJA
    ]
    abajo = [
        linea
        for linea in pagina.lineas[-LINEAS_CANDIDATAS:]
        if linea.bottom > pagina.alto * (1 - FRANJA)
    ]
    return arriba + [linea for linea in abajo if linea not in arriba]


def _misma_linea(linea: Linea, otra: Linea, clave: str) -> bool:
    """Mismo texto (salvo dígitos; salvo letras sueltas en OCR) en la misma altura."""
    tolerancia = TOLERANCIA_POSICION_OCR if linea.ocr else TOLERANCIA_POSICION
    if abs(linea.top - otra.top) > tolerancia:
        return False
    otra_clave = _clave(otra.texto)
    return otra_clave == clave or (
        linea.ocr and fuzz.ratio(otra_clave, clave) >= SIMILITUD_ENCABEZADO
    )


def _se_repite(linea: Linea, otras: list[list[Linea]], minimo: int) -> bool:
    clave = _clave(linea.texto)
    veces = 0
    for candidatas in otras:
        if any(_misma_linea(linea, otra, clave) for otra in candidatas):
            veces += 1
            if veces >= minimo:
                return True
    return False


def quitar_encabezados_y_pies(paginas: list[Pagina]) -> None:
    candidatas = [_candidatas(p) for p in paginas]
    # Cuántas otras páginas deben repetir la línea: al menos el 60 % del total, y al menos una.
    minimo = min(len(paginas), max(2, math.ceil(len(paginas) * FRACCION_REPETICION))) - 1
    for indice, pagina in enumerate(paginas):
        otras = candidatas[:indice] + candidatas[indice + 1 :]
        quitar = {
            id(linea)
            for linea in candidatas[indice]
            if NUMERO_DE_PAGINA.match(linea.texto)
            or (len(paginas) > 1 and _se_repite(linea, otras, minimo))
        }
        pagina.lineas = [linea for linea in pagina.lineas if id(linea) not in quitar]


def tamano_de_cuerpo(paginas: list[Pagina]) -> float:
    """El tamaño de letra más frecuente (redondeado a medio punto), pesado por la cantidad de
    texto."""
    conteo: Counter[float] = Counter()
    for pagina in paginas:
        for linea in pagina.lineas:
            conteo[round(linea.tamano * 2) / 2] += len(linea.texto)
    return conteo.most_common(1)[0][0] if conteo else 0.0


def quitar_notas_al_pie(paginas: list[Pagina]) -> list[Linea]:
    """Quita el bloque de letra chica al pie de cada página; lo devuelve aparte.

    En una página de OCR el tamaño de letra es aproximado (sale del alto de las palabras): ahí
    el bloque además debe empezar con su llamada ("1 El Instituto…")."""
    cuerpo = tamano_de_cuerpo(paginas)
    notas: list[Linea] = []
    for pagina in paginas:
        lineas = pagina.lineas
        corte = len(lineas)
        while corte > 0 and _es_nota(lineas[corte - 1], cuerpo, pagina):
            corte -= 1
        if pagina.ocr:
            while corte < len(lineas) and not LLAMADA_DE_NOTA.match(lineas[corte].texto):
                corte += 1
        if 0 < corte < len(lineas):
            notas.extend(lineas[corte:])
            pagina.lineas = lineas[:corte]
    return notas


def _es_nota(linea: Linea, cuerpo: float, pagina: Pagina) -> bool:
    proporcion = PROPORCION_NOTA_OCR if pagina.ocr else PROPORCION_NOTA
    return cuerpo > 0 and linea.tamano < cuerpo * proporcion and linea.top > pagina.alto * 0.5


def marcar_parrafos(paginas: list[Pagina]) -> None:
    """Marca las líneas que empiezan párrafo por el espacio vertical que las precede."""
    for pagina in paginas:
        lineas = pagina.lineas
        pasos = [b.top - a.top for a, b in zip(lineas, lineas[1:], strict=False) if b.top > a.top]
        interlineado = statistics.median(pasos) if pasos else 0.0
        for indice, linea in enumerate(lineas):
            linea.parrafo = (
                indice == 0
                or linea.top - lineas[indice - 1].top > interlineado * PROPORCION_PARRAFO
            )


def limpiar(paginas: list[Pagina]) -> list[Linea]:
    """Aplica toda la limpieza y devuelve las líneas del cuerpo, en orden."""
    quitar_encabezados_y_pies(paginas)
    quitar_notas_al_pie(paginas)
    marcar_parrafos(paginas)
    return [linea for pagina in paginas for linea in pagina.lineas]
