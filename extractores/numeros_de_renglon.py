"""Números de renglón en el margen izquierdo (como los pone Word: «1», «2»… en cada renglón, de 1
en cada página o seguidos en todo el documento) que no son texto del informe.

Se reconocen en cada página por la evidencia, con las palabras de cada renglón (antes de armar
las líneas, en la capa de texto y en el OCR): la mayoría de los renglones empiezan con un número
entero, casi a la misma altura horizontal, que crece de uno en uno de arriba abajo (el número
menos la posición del renglón en la página es el mismo), y lo separa del texto un hueco mayor
que el de una palabra a otra. Un número de inciso («1. Diseñar…», «1 Diseñar…» en su celda) no
cuenta: lleva su puntuación o va junto al texto, y no numera cada renglón.

En un escaneo el OCR lee mal algunos números de la columna («€», «)», «s2» por «52», «1» por
«10»): una vez medida la columna en la página, lo que empieza el renglón en ella con pocos signos
y sin formar una palabra, separado del texto por el mismo hueco, también es número de renglón.
"""

from __future__ import annotations

import operator
import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

# El número de renglón: «12» (en «12 Referencia del Consejo Nacional de Evaluación…»).
NUMERO = re.compile(r"^\d{1,4}$")
# Lo que el OCR deja de un número de renglón en su columna: «€» (por «6»), «)» (por «9»), «s2»
# (por «52»), «6S» (por «65»), «es» (por «68»): hasta tres signos. Sólo cuenta en la columna
# medida y separado del texto por su hueco (una palabra del texto va a un espacio de la otra).
NUMERO_ILEGIBLE = re.compile(r"^\S{1,3}$")
# El título de la columna de números de una tabla («No. | Recomendación»): una columna de
# números con él arriba es de las filas de una tabla, no de los renglones de la página.
TITULO_DE_COLUMNA = re.compile(r"^(?:No\.?|N[úu]m\.?|N[°º]\.?|#)$", re.IGNORECASE)
# Una página tiene columna de números si al menos tantos renglones (y tal fracción de los suyos:
# el OCR pierde o lee mal varios) empiezan con un número que sigue la cuenta.
RENGLONES_MINIMOS = 4
FRACCION_MINIMA = 0.25
# Un número sigue la cuenta si otro a lo más a tantas filas de él la sigue con él.
VECINOS = 3
# El hueco entre el número y el texto es mayor que el que separa dos palabras: al menos tantas
# veces el tamaño de la letra (un espacio es ~0.25–0.35).
HUECO_MINIMO = 0.6
# La columna admite tanta diferencia de posición (en tamaños de letra) además de la medida en la
# página: un dígito más en un número alineado a la derecha («9» y «10»).
HOLGURA_COLUMNA = 0.7
# Un número suelto al margen (sin columna medida) se separa de su texto por al menos tantos
# tamaños de letra (los de Word van a un cuarto de pulgada).
HUECO_SUELTO = 1.5


class Palabra(Protocol):
    texto: str
    x0: float
    x1: float
    top: float
    bottom: float
    tamano: float


P = TypeVar("P", bound=Palabra)


def _renglones(partes: Sequence[Sequence[P]]) -> list[list[int]]:
    """Agrupa las partes (listas de palabras de una línea) en renglones visuales: una parte va en
    el renglón de otra que tiene a su izquierda si la palabra de esa otra más cercana a ella se
    solapa en altura con su primera palabra en más de la mitad (el número suelto y el texto de su
    renglón; el trozo de un renglón que el OCR separó). Con la palabra más cercana y no con toda
    la parte: en un escaneo torcido, una línea larga baja o sube de un renglón a otro."""
    por_x = sorted(
        (i for i, parte in enumerate(partes) if parte), key=lambda i: _primera(partes[i]).x0
    )
    renglon_de: dict[int, int] = {}
    renglones: list[list[int]] = []
    for posicion, i in enumerate(por_x):
        primera = _primera(partes[i])
        dueno = next(
            (j for j in reversed(por_x[:posicion]) if _a_su_izquierda(partes[j], primera)), None
        )
        if dueno is None:
            renglon_de[i] = len(renglones)
            renglones.append([i])
        else:
            renglon_de[i] = renglon_de[dueno]
            renglones[renglon_de[i]].append(i)
    return sorted(renglones, key=lambda r: _centro(_primera(partes[r[0]])))


def _a_su_izquierda(parte: Sequence[P], palabra: P) -> bool:
    """¿Termina la parte antes de la palabra, a su altura (su palabra más cercana a ella)?"""
    antes = [p for p in parte if p.x1 <= palabra.x0 + 1]
    if not antes:
        return False
    vecina = max(antes, key=lambda p: p.x1)
    solape = min(vecina.bottom, palabra.bottom) - max(vecina.top, palabra.top)
    return solape > 0.5 * min(vecina.bottom - vecina.top, palabra.bottom - palabra.top)


# La x0 de una palabra (una llave sin función de Python: se pide por cada palabra de la página).
_X0 = operator.attrgetter("x0")


def _primera(parte: Sequence[P]) -> P:
    return min(parte, key=_X0)


def _centro(palabra: P) -> float:
    return (palabra.top + palabra.bottom) / 2


def _inicio(partes: Sequence[Sequence[P]], renglon: list[int]) -> tuple[int, P, P | None]:
    """La parte con la palabra de más a la izquierda del renglón, esa palabra y la que le sigue
    (en su parte o en otra del mismo renglón)."""
    palabras = sorted(((i, p) for i in renglon for p in partes[i]), key=lambda par: par[1].x0)
    indice, primera = palabras[0]
    segunda = palabras[1][1] if len(palabras) > 1 else None
    return indice, primera, segunda


@dataclass(slots=True)
class Documento:
    """Lo medido en las páginas ya leídas de un documento (capa de texto, en orden): la columna
    de números de la última página que la tuvo. Una página con pocos renglones (la de la firma)
    no da evidencia propia: ahí se quitan los números enteros que caen en esa columna, si crecen
    de arriba abajo."""

    columna: _Columna | None = None


def quitar(
    partes: Sequence[Sequence[P]], documento: Documento | None = None, sueltos: bool = False
) -> list[list[P]]:
    """Las partes de una página (cada una, las palabras de una línea, de izquierda a derecha)
    sin los números de renglón del margen, si la página los tiene; si no, iguales. Con
    `sueltos` (en un escaneo), también los pocos números que el OCR leyó en una página sin
    columna medida, si caen en el margen (`_sueltos_al_margen`)."""
    salida = [list(parte) for parte in partes]
    # Lo común: casi ninguna parte empieza con un número (no hace falta armar los renglones).
    con_numero = sum(
        bool(parte) and NUMERO.match(_primera(parte).texto) is not None for parte in partes
    )
    conocida = documento.columna if documento is not None else None
    if con_numero < (1 if conocida or sueltos else RENGLONES_MINIMOS):
        return salida
    renglones = _renglones(partes)
    inicios = [_inicio(partes, r) for r in renglones]
    columna = _columna_de_la_pagina(inicios)
    if columna is not None:
        if documento is not None:
            documento.columna = columna
        quitados = [x for x in inicios if columna.contiene(x[1], x[2])]
    elif conocida is not None:
        quitados = [
            x for x in inicios if NUMERO.match(x[1].texto) and conocida.contiene(x[1], x[2])
        ]
        numeros = [int(primera.texto) for _, primera, _ in quitados]
        if numeros != sorted(set(numeros)):
            return salida
    elif sueltos:
        quitados = _sueltos_al_margen(inicios)
    else:
        return salida
    if any(TITULO_DE_COLUMNA.match(primera.texto) for _, primera, _ in quitados):
        return salida  # la columna «No.» de una tabla (escaneo 2041-002 de reservada-tabla)
    for indice, primera, _ in quitados:
        salida[indice] = [p for p in salida[indice] if p is not primera]
    return salida


def _sueltos_al_margen(inicios: list[tuple[int, P, P | None]]) -> list[tuple[int, P, P | None]]:
    """En un escaneo el OCR puede no leer la columna de números (en gris, chicos) salvo uno o
    dos («48 RESULTADOS DEL PROCEDIMIENTO», el de la franja): sin columna medida, un número
    entero solo que queda entero a la izquierda del margen del texto de la página (medido con
    los demás renglones, enderezado si el escaneo está torcido), separado de su texto por un
    hueco grande, y cuyo texto empieza en ese margen, también es número de renglón. El número
    de un inciso con sangría colgante empieza en el margen: no cuenta."""
    texto = [
        (primera.top, primera.x0) for _, primera, _ in inicios if not NUMERO.match(primera.texto)
    ]
    if len(texto) < RENGLONES_MINIMOS:
        return []
    pendiente = _pendiente([y for y, _ in texto], [x for _, x in texto])
    residuos = sorted(x - pendiente * y for y, x in texto)
    margen = residuos[len(residuos) // 4]
    sueltos = []
    for inicio in inicios:
        _, primera, segunda = inicio
        if segunda is None or not NUMERO.match(primera.texto):
            continue
        holgura = HOLGURA_COLUMNA * primera.tamano
        fin = primera.x1 - pendiente * primera.top
        comienzo = segunda.x0 - pendiente * segunda.top
        if (
            segunda.x0 - primera.x1 >= HUECO_SUELTO * primera.tamano
            and fin < margen - holgura
            and comienzo >= margen - holgura
        ):
            sueltos.append(inicio)
    return sueltos


def _columna_de_la_pagina(inicios: list[tuple[int, P, P | None]]) -> _Columna | None:
    """La columna de números de la página, si hay evidencia en ella (ver el módulo)."""
    numerados = [
        (fila, int(primera.texto))
        for fila, (_, primera, _) in enumerate(inicios)
        if NUMERO.match(primera.texto)
    ]
    en_cuenta = _en_cuenta(numerados)
    if len(en_cuenta) < max(RENGLONES_MINIMOS, FRACCION_MINIMA * len(inicios)):
        return None
    # Se numera cada renglón, también el que sigue una oración («9 objetivos, su consistencia…»);
    # los números de las filas de una tabla o de una lista van sólo donde empieza un inciso.
    if not any(_sigue_oracion(inicios[fila][2]) for fila in en_cuenta):
        return None
    return _columna([inicios[f] for f in en_cuenta])


def _sigue_oracion(palabra: Palabra | None) -> bool:
    return palabra is not None and palabra.texto[:1].islower()


def _en_cuenta(numerados: list[tuple[int, int]]) -> list[int]:
    """Las filas cuyo número sigue la cuenta de los renglones con algún vecino: otro número
    cercano (a lo más `VECINOS` filas) que dista de él lo mismo que sus filas. Así un renglón que
    el OCR perdió o partió más arriba no descuenta a los de abajo."""
    filas = []
    for posicion, (fila, numero) in enumerate(numerados):
        vecinos = numerados[max(0, posicion - VECINOS) : posicion + VECINOS + 1]
        if any(f != fila and n - numero == f - fila for f, n in vecinos):
            filas.append(fila)
    return filas


@dataclass(frozen=True, slots=True)
class _Recta:
    """Un borde de los números de la columna (el izquierdo o el derecho) como recta en la
    altura (un escaneo torcido la inclina), con la holgura medida en la página."""

    borde: str
    base: float
    pendiente: float
    holgura: float

    def cerca(self, palabra: Palabra) -> bool:
        lugar = palabra.x0 if self.borde == "x0" else palabra.x1
        return abs(lugar - (self.base + self.pendiente * palabra.top)) <= self.holgura


@dataclass(frozen=True, slots=True)
class _Columna:
    """La columna de números de una página: sus dos bordes (los números van alineados a la
    derecha o a la izquierda; uno mal leído con una cifra de menos sólo conserva uno) y el
    hueco mínimo hasta el texto."""

    bordes: tuple[_Recta, _Recta]
    hueco: float

    def contiene(self, primera: Palabra, segunda: Palabra | None) -> bool:
        """¿Es la primera palabra del renglón un número de renglón (también mal leído o fuera
        de la cuenta)? En la columna, con pocos signos y separada del texto por su hueco."""
        if not any(recta.cerca(primera) for recta in self.bordes):
            return False
        if not (NUMERO.match(primera.texto) or NUMERO_ILEGIBLE.match(primera.texto)):
            return False
        return segunda is None or segunda.x0 - primera.x1 >= self.hueco


def _columna(inicios: list[tuple[int, P, P | None]]) -> _Columna | None:
    """La columna medida con los números que siguen la cuenta; None si el hueco hasta el texto
    es el de una palabra (un número de inciso, no de renglón)."""
    tamano = statistics.median(primera.tamano for _, primera, _ in inicios)
    huecos = [segunda.x0 - primera.x1 for _, primera, segunda in inicios if segunda is not None]
    if huecos and statistics.median(huecos) < HUECO_MINIMO * tamano:
        return None
    alturas = [primera.top for _, primera, _ in inicios]
    rectas = []
    for borde in ("x0", "x1"):
        lugares = [getattr(primera, borde) for _, primera, _ in inicios]
        pendiente = _pendiente(alturas, lugares)
        base = statistics.median(x - pendiente * y for x, y in zip(lugares, alturas, strict=True))
        residuos = [x - base - pendiente * y for x, y in zip(lugares, alturas, strict=True)]
        holgura = _dispersion(residuos) + HOLGURA_COLUMNA * tamano
        rectas.append(_Recta(borde, base, pendiente, holgura))
    hueco = min(huecos) / 2 if huecos else HUECO_MINIMO * tamano
    return _Columna((rectas[0], rectas[1]), hueco)


def _pendiente(alturas: list[float], lugares: list[float]) -> float:
    """La mediana de las pendientes entre pares (Theil-Sen): unos pocos números mal puestos no la
    mueven."""
    pendientes = [
        (lugares[j] - lugares[i]) / (alturas[j] - alturas[i])
        for i in range(len(alturas))
        for j in range(i + 1, len(alturas))
        if alturas[j] != alturas[i]
    ]
    return statistics.median(pendientes) if pendientes else 0.0


def _dispersion(valores: list[float]) -> float:
    """La desviación absoluta mediana: no la mueven unos pocos números mal leídos."""
    centro = statistics.median(valores)
    return statistics.median(abs(v - centro) for v in valores)
