"""Ajustes de la lectura de la página (como `TableSettings` de pdfplumber) y las medidas que se
toman de cada documento.

Las tolerancias no son puntos fijos: el interlineado, el corte entre línea y párrafo, el margen
izquierdo y la sangría se miden en cada página; los ajustes sólo dicen en qué proporción de esas
medidas decidir. Un formato puede cambiar los ajustes (`Formato.ajustes`).
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AjustesDisposicion:
    # Encabezados y pies: las primeras y últimas líneas de cada página...
    lineas_candidatas: int = 3
    # ...en la franja superior o inferior (fracción del alto de la página; la franja real la da
    # la repetición, ésta sólo la acota)...
    franja: float = 0.2
    # ...que se repiten en esta fracción de las páginas (o de las páginas de la misma paridad,
    # para encabezados que alternan entre pares e impares: en al menos tantas páginas)...
    fraccion_repeticion: float = 0.6
    paginas_minimas_paridad: int = 3
    # ...a la misma altura (fracción del alto de la línea; el OCR se mueve más).
    tolerancia_posicion: float = 0.3
    tolerancia_posicion_ocr: float = 1.2
    # Notas al pie: letra más chica que el cuerpo (proporción del tamaño del cuerpo).
    proporcion_nota: float = 0.9
    proporcion_nota_ocr: float = 0.85
    # Párrafos: un paso entre líneas que supera el interlineado de la página en al menos esta
    # proporción puede ser un espacio entre párrafos...
    salto_minimo_parrafo: float = 1.12
    # ...si en la distribución de pasos de la página hay un corte de al menos esta razón entre
    # dos pasos consecutivos (si no, la página no dice dónde empiezan los párrafos)...
    corte_minimo: float = 1.08
    # ...y, sin corte claro, la proporción de siempre.
    proporcion_parrafo: float = 1.3
    # Sangría: diferencia de margen que cuenta, en proporción del tamaño de la letra.
    sangria_relativa: float = 0.23
    # Encabezados corridos que un formato conoce por sus palabras (expresiones sobre el texto
    # normalizado): se quitan en la franja aunque se repitan en pocas páginas (un informe corto
    # con encabezados que alternan entre pares e impares).
    encabezados_conocidos: tuple[str, ...] = ()


AJUSTES_POR_OMISION = AjustesDisposicion()


@dataclass(frozen=True, slots=True)
class MedidaPagina:
    """Lo medido en una página: su interlineado y el paso a partir del cual hay párrafo nuevo."""

    interlineado: float
    umbral_parrafo: float
    con_corte: bool  # la distribución de pasos mostró dos grupos (líneas y párrafos)


def medir_pasos(pasos: list[float], ajustes: AjustesDisposicion) -> MedidaPagina:
    """Interlineado (el paso más común entre los cortos) y el corte entre línea y párrafo.

    El corte es el mayor salto relativo entre pasos consecutivos de la distribución ordenada
    que quede por encima del interlineado; con párrafos a 1.3× o a 3× el interlineado, el
    corte cae entre los dos grupos."""
    if not pasos:
        return MedidaPagina(0.0, 0.0, False)
    ordenados = sorted(pasos)
    interlineado = statistics.median(ordenados[: max(1, math.ceil(len(ordenados) / 2))])
    piso = interlineado * ajustes.salto_minimo_parrafo
    mejor_razon, corte = 1.0, 0.0
    for menor, mayor in zip(ordenados, ordenados[1:], strict=False):
        if mayor < piso or menor <= 0:
            continue
        razon = mayor / max(menor, interlineado)
        if razon > mejor_razon:
            mejor_razon, corte = razon, math.sqrt(max(menor, interlineado) * mayor)
    if mejor_razon >= ajustes.corte_minimo:
        return MedidaPagina(interlineado, max(corte, piso), True)
    return MedidaPagina(interlineado, interlineado * ajustes.proporcion_parrafo, False)


def tolerancia_sangria(tamano: float, ajustes: AjustesDisposicion) -> float:
    return tamano * ajustes.sangria_relativa
