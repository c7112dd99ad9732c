"""La caja de la primera línea de cada inciso (página, x0, top, x1, bottom), para que un visor
pueda resaltarla. Sirve a cualquier formato: busca, en la página del inciso y en orden de
lectura, la línea con que empieza su texto (sin su número: «1.-», «2)», «a.»)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz

from extractores.reglas import normalizar
from modelos.registros import Informe, Item, Linea

NUMERACION = re.compile(r"^\s*(?:\(?\d{1,3}\s*[.)\-–]+-?|\(?[a-z]\s*[.)]-?)\s*", re.IGNORECASE)
# Cuántas letras del principio se comparan, y la similitud mínima (OCR) si no son idénticas.
PREFIJO = 24
MINIMO = 6
SIMILITUD_OCR = 85


NO_ALFANUMERICO = re.compile(r"[^a-z0-9ñ]+")


def _clave(texto: str) -> str:
    return NO_ALFANUMERICO.sub("", normalizar(NUMERACION.sub("", texto, count=1)))


def _empieza_igual(linea: str, item: str, ocr: bool) -> bool:
    largo = min(PREFIJO, len(linea), len(item))
    if largo < MINIMO:
        return False
    if linea[:largo] == item[:largo]:
        return True
    return ocr and fuzz.ratio(linea[:largo], item[:largo]) >= SIMILITUD_OCR


def _incisos(informe: Informe) -> Iterator[Item]:
    yield from informe.resultados  # formatos cuya unidad es el resultado (la ASF)
    for procedimiento in informe.procedimientos:
        yield from procedimiento.resultados
        yield from procedimiento.recomendaciones
        yield from procedimiento.justificaciones


def asignar(informe: Informe, lineas: list[Linea]) -> int:
    """Llena x0, top, x1 y bottom de cada inciso; devuelve cuántos se encontraron."""
    lineas_por_pagina: dict[int, list[Linea]] = {}
    for linea in lineas:
        lineas_por_pagina.setdefault(linea.pagina, []).append(linea)
    # La clave de cada línea, sólo en las páginas con algún inciso (la primera vez que se pide).
    por_pagina: dict[int, list[tuple[str, Linea]]] = {}
    usadas: set[int] = set()
    encontrados = 0
    for item in _incisos(informe):
        clave = _clave(item.texto)
        candidatas = por_pagina.get(item.pagina)
        if candidatas is None:
            candidatas = por_pagina[item.pagina] = [
                (_clave(linea.texto), linea) for linea in lineas_por_pagina.get(item.pagina, [])
            ]
        # Sin OCR, las primeras `MINIMO` letras son iguales o no empiezan igual (sin llamar
        # a `_empieza_igual` con cada línea de la página).
        inicio = clave[:MINIMO]
        elegida = next(
            (
                linea
                for texto, linea in candidatas
                if (linea.ocr or texto[:MINIMO] == inicio)
                and id(linea) not in usadas
                and _empieza_igual(texto, clave, linea.ocr)
            ),
            None,
        )
        if elegida is None:
            continue
        usadas.add(id(elegida))
        item.x0, item.top, item.x1, item.bottom = (
            elegida.x0,
            elegida.top,
            elegida.x1,
            elegida.bottom,
        )
        encontrados += 1
    return encontrados
