"""Orden de lectura de las regiones de una página a varias columnas.

Un informe que sale de Word con una sección continua a dos columnas (los procedimientos a dos
columnas desde media página, lo de antes y lo de después a una) da renglones que, ordenados de
arriba abajo, mezclan las dos columnas: «Procedimiento número 1 | 3. Presenta el árbol…». Aquí
se busca en cada página, con la geometría de sus palabras y sin puntos fijos, un canal vertical
sin texto que separe dos columnas en una serie de renglones seguidos; en esa región se lee la
columna de la izquierda entera y luego la de la derecha (y, si la de la derecha o la de la
izquierda vuelven a partirse, sus columnas, una tras otra). Una página a una columna queda como
estaba.

Lo que distingue el canal de dos columnas de otros huecos que se alinean de renglón en renglón:

- está libre en todos los renglones de la región (los huecos de un renglón justificado caen en
  lugares distintos en cada renglón) y es más ancho que los espacios entre palabras;
- las dos columnas son anchas (ni el número de un inciso con sangría colgante, ni la columna de
  notas al margen, ni la etiqueta de una ficha);
- las dos columnas son texto corrido: buena parte de sus renglones llega cerca de su borde
  derecho y alguno sigue en el renglón de abajo a media oración (las etiquetas de una ficha,
  las firmas lado a lado, no); en una región chica, donde terminan las columnas, basta la forma
  si el canal es el de las columnas de una página anterior;
- los renglones de la columna de la derecha empiezan en unos pocos márgenes comunes, cerca de
  su borde (un encabezado corrido con «Página 4» a la izquierda y la sección a la derecha tiene
  texto a los dos lados, pero lejos del canal).

Entre varios canales posibles, el más ancho (tras el número de los incisos justificados de la
columna de la derecha también corre un hueco). La región va de su primer renglón con texto a la
derecha del canal, en su borde, al último; los renglones que siguen sólo a la izquierda son de
la columna de la izquierda (una sección balanceada puede dejarla más larga) mientras sigan su
párrafo a un interlineado, formen un párrafo que se parte al ancho de la columna o sigan a un
título que quedó al pie de ella; un título corto seguido de texto a todo lo ancho ya es lo que
sigue a las columnas («VIII. Dictamen»).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")
# La caja de una palabra: (x0, x1, top, bottom), en puntos, con el origen arriba.
Caja = tuple[float, float, float, float]

# El canal entre dos columnas mide al menos tantas veces la letra de la página (Word deja media
# pulgada; una columna balanceada de reportlab, 18 puntos; el renglón justificado más abierto,
# hasta dos letras por hueco, pero cada renglón en otro lugar).
CANAL_MINIMO = 0.6
# Cada columna ocupa al menos esta fracción del ancho del texto de la región (la columna de
# notas al margen de un informe ocupa una quinta parte).
FRACCION_MINIMA_COLUMNA = 0.25
# Renglones con texto a los dos lados del canal (y a su borde) para que haya columnas.
RENGLONES_MINIMOS = 3
# Un espacio vertical sin texto de más de tantas letras corta la región (el que hay bajo el
# encabezado corrido o sobre las notas al pie).
SALTO_MAXIMO = 3.0
# Una columna llena: al menos esta fracción de sus renglones llega a menos de tanto (fracción
# de su ancho) de su borde derecho.
FRACCION_LLENA = 0.25
HOLGURA_LLENA = 0.25
# El paso de un renglón al siguiente de su párrafo no pasa de tantas letras (interlineado de
# 1.5 en Word; las filas de una ficha van más espaciadas).
PASO_DE_PARRAFO = 1.75
# Un renglón de la columna de la derecha empieza a menos de tantas letras de su borde (una
# sangría colgante cabe).
HOLGURA_BORDE = 3.0
# Los renglones que cuentan para reconocer la columna de la derecha empiezan en un margen común
# (a menos de tantas letras del de otro renglón)...
ALINEACION = 0.3
# ...y el hueco del canal en ellos es al menos tantas veces la mediana de los espacios entre
# palabras de la región.
CANAL_CONTRA_ESPACIOS = 1.8
# Un renglón sólo a la izquierda tras la región sigue su columna si su paso desde el renglón
# anterior de la columna no pasa de tantas veces el interlineado de la columna.
PASO_DE_RENGLON = 1.25
# Un párrafo (con su título) sigue al renglón anterior a no más de tantos interlineados.
PASO_TRAS_TITULO = 2.0
# La marca de un inciso al principio de un renglón: «iii)», «2.», «b)», «(4)», «10.-», «1.ª».
MARCA_DE_INCISO = re.compile(r"^\(?(?:\d{1,2}|[ivx]{1,5}|[a-hA-H])(?:\)|\.-?|\.?[ªº°])$")


@dataclass(slots=True)
class _Renglon:
    palabras: list
    cajas: list[Caja]
    # El texto de una palabra (None si no se sabe).
    texto: Callable | None
    top: float
    bottom: float
    x0: float
    x1: float

    def minusculas(self, indice: int) -> tuple[bool, bool]:
        """`_minusculas` de la palabra `indice` ((True, True) si no se sabe el texto)."""
        return _minusculas(self.texto(self.palabras[indice])) if self.texto else (True, True)

    def izquierda(self, corte: float) -> list[int]:
        return [i for i, c in enumerate(self.cajas) if c[1] <= corte]

    def derecha(self, corte: float) -> list[int]:
        return [i for i, c in enumerate(self.cajas) if c[0] >= corte]


@dataclass(slots=True)
class _Region:
    inicio: int  # primer renglón de la región (índice en la lista de renglones)
    fin: int  # uno después del último
    canal: tuple[float, float]
    nucleo: int  # renglones con texto a los dos lados, al borde del canal


def _libres(renglon: _Renglon, izquierda: float, derecha: float, minimo: float) -> list:
    """Los huecos del renglón (entre sus palabras y hasta los bordes del texto de la página) de
    al menos `minimo` de ancho."""
    huecos = []
    borde = izquierda
    for x0, x1, _, _ in renglon.cajas:
        if x0 - borde >= minimo:
            huecos.append((borde, x0))
        if x1 > borde:  # como max(), sin su costo
            borde = x1
    if derecha - borde >= minimo:
        huecos.append((borde, derecha))
    return huecos


def _cruzar(a: list, b: list, minimo: float) -> list:
    """Los tramos comunes a dos listas de tramos, de al menos `minimo` de ancho."""
    comunes = []
    for a0, a1 in a:
        for b0, b1 in b:
            inicio, fin = max(a0, b0), min(a1, b1)
            if fin - inicio >= minimo:
                comunes.append((inicio, fin))
    return comunes


def _interlineado(tops: list[float]) -> float:
    pasos = [b - a for a, b in zip(tops, tops[1:], strict=False) if b > a]
    return statistics.median(sorted(pasos)[: max(1, (len(pasos) + 1) // 2)]) if pasos else 0.0


def _llena(
    partes: list[tuple[float, float, float, bool, bool]], letra: float, por_forma: bool = False
) -> bool:
    """¿Es texto corrido la columna de estos renglones (x0, x1, top, ¿empieza con minúscula?,
    ¿termina con minúscula?)? Al menos `FRACCION_LLENA` de ellos llegan cerca de su borde
    derecho, y alguno de ésos sigue en el renglón de abajo, a un interlineado, a media oración
    (el de arriba termina o el de abajo empieza con minúscula): un párrafo que continúa. Las
    celdas de una ficha (etiqueta | valor), a un renglón cada una y más espaciadas, y las firmas
    lado a lado (cargo, nombre: todo con mayúscula), no."""
    if not partes:
        return False
    inicio = min(p[0] for p in partes)
    borde = max(p[1] for p in partes)
    llegan = [p[1] >= borde - HOLGURA_LLENA * (borde - inicio) for p in partes]
    sigue = any(
        llega and 0 < b[2] - a[2] <= PASO_DE_PARRAFO * letra and (por_forma or a[4] or b[3])
        for llega, a, b in zip(llegan, partes, partes[1:], strict=False)
    )
    return sigue and sum(llegan) >= FRACCION_LLENA * len(partes)


def _espacio_tipico(renglones: list[_Renglon], canal: tuple[float, float]) -> float:
    """La mediana de los espacios entre palabras de estos renglones, sin los del canal."""
    espacios = [
        b[0] - a[1]
        for r in renglones
        for a, b in zip(r.cajas, r.cajas[1:], strict=False)
        if b[0] > a[1] and not (a[1] <= canal[0] and b[0] >= canal[1])
    ]
    return statistics.median(espacios) if espacios else 0.0


def _evaluar(
    renglones: list[_Renglon],
    canal: tuple[float, float],
    letra: float,
    despues: bool = False,
    conocido: bool = False,
):
    """La región de columnas que forma el canal en estos renglones (índices relativos), o None.
    `despues`: a estos renglones les sigue de cerca uno que cruza el canal; `conocido`: el
    canal es el de las columnas de otra página del documento (basta la forma del texto
    corrido, sin las palabras: una región chica tiene pocos renglones que lo muestren)."""
    a, b = canal
    izquierda = min(r.x0 for r in renglones)
    derecha = max(r.x1 for r in renglones)
    ancho = derecha - izquierda
    if min(a - izquierda, derecha - b) < FRACCION_MINIMA_COLUMNA * ancho:
        return None
    # Antes de mirar palabra por palabra: hacen falta renglones con texto a la derecha del canal
    # (el canal está libre: un renglón que termina después tiene texto a la derecha).
    if sum(r.x1 > b for r in renglones) < RENGLONES_MINIMOS:
        return None
    lados = [(r.izquierda(a), r.derecha(b)) for r in renglones]
    con_derecha = [i for i, (_, der) in enumerate(lados) if der]
    if not any(lados[i][0] for i in con_derecha):
        return None
    # El borde izquierdo de la columna de la derecha.
    borde = min(renglones[i].cajas[lados[i][1][0]][0] for i in con_derecha)

    def al_borde(indice: int, holgura: float = HOLGURA_BORDE) -> bool:
        derecha = lados[indice][1]
        return bool(derecha) and renglones[indice].cajas[derecha[0]][0] <= borde + holgura * letra

    # En un renglón con texto a los dos lados, el hueco del canal es más ancho que los espacios
    # entre palabras (uno que por casualidad se alinea con los de los renglones vecinos, no).
    espacio = CANAL_CONTRA_ESPACIOS * _espacio_tipico(renglones, canal)

    def ancho(indice: int) -> float:
        izq, der = lados[indice]
        cajas = renglones[indice].cajas
        return cajas[der[0]][0] - cajas[izq[-1]][1] if izq else espacio

    # Los renglones de la columna de la derecha empiezan en unos pocos márgenes comunes (el
    # borde de la columna; la sangría colgante de los incisos): cada uno, a menos de
    # `ALINEACION` letras del de otro renglón y cerca del borde.
    inicios = [renglones[i].cajas[lados[i][1][0]][0] for i in con_derecha]

    def alineado(indice: int) -> bool:
        x0 = renglones[indice].cajas[lados[indice][1][0]][0]
        return (
            al_borde(indice) and sum(abs(x0 - otro) <= ALINEACION * letra for otro in inicios) > 1
        )

    nucleo = [i for i in con_derecha if alineado(i) and ancho(i) >= espacio]
    if len(nucleo) < RENGLONES_MINIMOS:
        return None
    # Si en la mitad de los renglones con texto a los dos lados lo último antes del canal es la
    # marca de un inciso («a.», «1.ª»), el canal es el hueco tras la marca de los incisos de una
    # celda justificada (el primer renglón, más abierto), no el de dos columnas: la marca va con
    # su texto.
    a_los_dos_lados = [i for i in con_derecha if lados[i][0]]
    marcas = sum(_marca_al_canal(renglones[i], lados[i][0]) for i in a_los_dos_lados)
    if a_los_dos_lados and 2 * marcas >= len(a_los_dos_lados):
        return None
    # Desde los renglones de arriba que ya tienen texto a la derecha del canal cerca del borde de
    # la columna (la columna de la derecha puede empezar con el final de un inciso, con sangría
    # colgante: «Referencia. | incompleto.»; un renglón muy justificado deja un canal apenas más
    # ancho que sus espacios), hasta el último renglón de la columna
    # de la derecha (los dos lados no siempre caen en el mismo renglón).
    primero = nucleo[0]
    while primero > 0 and al_borde(primero - 1):
        primero -= 1
    ultimo = max(i for i in range(len(renglones)) if al_borde(i))
    en_region = range(primero, ultimo + 1)

    def extension(indice: int, lado: int) -> tuple[float, float, float, bool, bool] | None:
        partes = lados[indice][lado]
        if not partes:
            return None
        cajas = [renglones[indice].cajas[k] for k in partes]
        return (
            min(c[0] for c in cajas),
            max(c[1] for c in cajas),
            min(c[2] for c in cajas),
            renglones[indice].minusculas(partes[0])[0],
            renglones[indice].minusculas(partes[-1])[1],
        )

    izquierdas = [e for i in en_region if (e := extension(i, 0))]
    derechas = [e for i in en_region if (e := extension(i, 1))]
    # La columna de la izquierda puede seguir tras el último renglón de la de la derecha.
    con_cola = izquierdas + [e for i in range(ultimo + 1, len(renglones)) if (e := extension(i, 0))]
    if not (_llena(con_cola, letra, conocido) and _llena(derechas, letra, conocido)):
        return None
    # Lo que sigue sólo a la izquierda tras el último renglón de la columna de la derecha (la
    # columna de la izquierda de una sección balanceada puede ser más larga): de la columna si
    # sigue su párrafo a un interlineado, o si es un párrafo que se parte al ancho de la
    # columna; si no («VIII. Dictamen» solo, o seguido del texto a todo lo ancho), ya es lo que
    # sigue a las columnas.
    tops_izquierda = [e[2] for e in izquierdas]
    paso = _interlineado(tops_izquierda)
    inicio_columna = min(e[0] for e in izquierdas)
    borde_columna = max(e[1] for e in izquierdas)
    llega = borde_columna - HOLGURA_LLENA * (borde_columna - inicio_columna)
    # ¿Es el último renglón de la columna un título (corto y apartado del anterior)? Un título
    # no se queda solo al pie de una columna: lo que sigue es su texto.
    titulo_al_pie = (
        len(tops_izquierda) > 1
        and izquierdas[-1][1] < llega
        and tops_izquierda[-1] - tops_izquierda[-2] > PASO_DE_RENGLON * paso
    )

    def sigue(anterior: float, indice: int, pasos: float = PASO_DE_RENGLON) -> bool:
        return bool(paso) and renglones[indice].top - anterior <= pasos * paso

    # Los incisos de la columna de la izquierda («i)», «ii)»…): el que sigue tras el último
    # renglón de la derecha, en el mismo margen, es de la columna (una celda de tabla más larga
    # que la de al lado).
    incisos = [renglones[i].x0 for i in en_region if lados[i][0] and _abre_inciso(renglones[i])]

    def otro_inciso(indice: int) -> bool:
        return _abre_inciso(renglones[indice]) and any(
            abs(renglones[indice].x0 - x0) <= ALINEACION * letra for x0 in incisos
        )

    fin = ultimo + 1
    while fin < len(renglones) and not lados[fin][1]:
        if sigue(tops_izquierda[-1], fin) or (
            sigue(tops_izquierda[-1], fin, PASO_TRAS_TITULO) and otro_inciso(fin)
        ):
            tops_izquierda.append(renglones[fin].top)
            fin += 1
            titulo_al_pie = False
            continue
        # El párrafo que empieza aquí, sólo a la izquierda (o el título, que no llega al borde
        # de la columna, y el párrafo que le sigue, un poco más apartado).
        titulo = renglones[fin].x1 < llega
        parrafo = fin + 1
        while (
            parrafo < len(renglones)
            and not lados[parrafo][1]
            and sigue(
                renglones[parrafo - 1].top,
                parrafo,
                PASO_TRAS_TITULO if titulo and parrafo == fin + 1 else PASO_DE_RENGLON,
            )
        ):
            parrafo += 1
        envuelto = any(renglones[i].x1 >= llega for i in range(fin, parrafo - 1))
        del_titulo = titulo_al_pie and sigue(tops_izquierda[-1], fin, PASO_TRAS_TITULO)
        # Sin partirse al ancho de la columna ni seguir a un título: si enseguida viene texto a
        # todo lo ancho, es el título de lo que sigue a las columnas; si no (el fin de la
        # página, las notas al pie), es el final de la columna.
        if not (envuelto or del_titulo) and (parrafo < len(renglones) or despues):
            break
        tops_izquierda.extend(renglones[i].top for i in range(fin, parrafo))
        fin = parrafo
        titulo_al_pie = False
    return primero, fin, len(nucleo)


def _es_marca(renglon: _Renglon, indice: int) -> bool:
    """¿Es la palabra `indice` del renglón la marca de un inciso («iii)», «2.», «b)», «1.ª»)?
    (Sin el texto de sus palabras, no se sabe: no.)"""
    return renglon.texto is not None and (
        MARCA_DE_INCISO.match(renglon.texto(renglon.palabras[indice])) is not None
    )


def _marca_al_canal(renglon: _Renglon, izquierda: list[int]) -> bool:
    """¿Es la última palabra a la izquierda del canal la marca de un inciso?"""
    return bool(izquierda) and _es_marca(renglon, izquierda[-1])


def _abre_inciso(renglon: _Renglon) -> bool:
    """¿Empieza el renglón con la marca de un inciso?"""
    return _es_marca(renglon, 0)


def _region(
    renglones: list[_Renglon],
    desde: int,
    letra: float,
    canales: list[tuple[float, float]],
    libres: list[list[tuple[float, float]]],
) -> _Region | None:
    """La región de columnas que empieza en el renglón `desde` o después: cada hueco del
    renglón `desde` que queda libre en los renglones que siguen es un canal posible, hasta el
    primer renglón que lo cruza; None si ninguno forma columnas. `libres`: los huecos de cada
    renglón (`_libres`)."""
    minimo = CANAL_MINIMO * letra
    vivos = libres[desde]
    series: list[tuple[tuple[float, float], int]] = []  # (canal, fin de su serie)
    fin = desde + 1
    abajo = renglones[desde].bottom
    while fin < len(renglones) and vivos:
        siguiente = renglones[fin]
        if siguiente.top - abajo > SALTO_MAXIMO * letra:
            break
        quedan = []
        for canal in vivos:
            comunes = _cruzar([canal], libres[fin], minimo)
            quedan.extend(comunes)
            if not comunes:
                series.append((canal, fin))
        vivos = quedan
        abajo = max(abajo, siguiente.bottom)
        fin += 1
    series.extend((canal, fin) for canal in vivos)
    # Entre los canales que forman columnas, el más ancho: el hueco que queda tras el número de
    # los incisos de la columna de la derecha («5.  Cuenta con…», justificado) también corre de
    # renglón en renglón, pero es más angosto que el canal.
    mejor = None
    for canal, hasta in sorted(series, key=lambda s: s[0][1] - s[0][0], reverse=True):
        if hasta - desde < RENGLONES_MINIMOS:
            continue
        despues = hasta < len(renglones) and (
            renglones[hasta].top - renglones[hasta - 1].bottom <= SALTO_MAXIMO * letra
        )
        conocido = any(max(canal[0], a) < min(canal[1], b) for a, b in canales)
        hallada = _evaluar(renglones[desde:hasta], canal, letra, despues, conocido)
        if hallada:
            mejor = _Region(desde + hallada[0], desde + hallada[1], canal, hallada[2])
            break
    return mejor


def _minusculas(texto: str) -> tuple[bool, bool]:
    """(¿empieza con minúscula?, ¿es una palabra en minúsculas que no cierra oración?):
    «de», «la,» -> (True, True); «desempeño.» -> (True, False); «Nieto» -> (False, False)."""
    inicial = texto[:1].islower()
    return inicial, inicial and texto[-1:] not in ".:;"


def _renglones(
    renglones: list[list[T]], caja: Callable[[T], Caja], texto: Callable[[T], str] | None
) -> list[_Renglon]:
    """Cada renglón con sus palabras de izquierda a derecha (las que empiezan en el mismo lugar,
    en el orden dado) y sus cajas. Casi siempre ya vienen en orden: entonces no se reordenan."""
    salida = []
    for palabras in renglones:
        cajas = list(map(caja, palabras))
        x0s, x1s, tops, bottoms = zip(*cajas, strict=True)
        if list(x0s) != sorted(x0s):
            pares = sorted(zip(cajas, palabras, strict=True), key=_x0_del_par)
            cajas = [c for c, _ in pares]
            palabras = [p for _, p in pares]
        salida.append(
            _Renglon(palabras, cajas, texto, min(tops), max(bottoms), cajas[0][0], max(x1s))
        )
    return salida


def _x0_del_par(par: tuple[Caja, object]) -> float:
    return par[0][0]


def en_orden_de_lectura(
    renglones: list[list[T]],
    caja: Callable[[T], Caja],
    letra: float,
    texto: Callable[[T], str] | None = None,
    canales: list[tuple[float, float]] | None = None,
) -> list[list[T]]:
    """Los renglones de una página (cada uno, sus palabras; de arriba abajo) en orden de
    lectura: en cada región a columnas, los de la columna de la izquierda y luego los de la
    derecha, cada renglón partido en el canal. `letra`: el tamaño de letra de la página;
    `texto`, el de una palabra (si se da, un párrafo que sigue en el renglón de abajo empieza
    con minúscula); `canales`, los canales de las columnas de las páginas anteriores del
    documento, a los que se agregan los de ésta. Sin columnas, los mismos renglones en el
    mismo orden."""
    partes = partes_en_orden(renglones, caja, letra, texto, canales)
    return [renglon for parte in partes for renglon in parte]


def partes_en_orden(
    renglones: list[list[T]],
    caja: Callable[[T], Caja],
    letra: float,
    texto: Callable[[T], str] | None = None,
    canales: list[tuple[float, float]] | None = None,
    regiones: list[tuple[float, float, float, float]] | None = None,
) -> list[list[list[T]]]:
    """Como `en_orden_de_lectura`, pero por partes a una sola columna, en orden de lectura: lo
    que va a todo lo ancho, la columna de la izquierda de una región, la de la derecha… (dentro
    de una parte, los renglones van de arriba abajo). Sin columnas, una sola parte. En
    `regiones` se agrega (arriba, abajo, inicio del canal, fin del canal) de cada región."""
    renglones = [r for r in renglones if r]
    if len(renglones) < RENGLONES_MINIMOS or letra <= 0:
        return [renglones] if renglones else []
    medidos = _renglones(renglones, caja, texto)
    izquierda = min(r.x0 for r in medidos)
    derecha = max(r.x1 for r in medidos)
    # Los huecos de cada renglón donde puede ir un canal: al menos una columna angosta del texto
    # de la página a cada lado.
    margen = FRACCION_MINIMA_COLUMNA * (derecha - izquierda)
    libres = [
        [
            h
            for h in _libres(r, izquierda, derecha, CANAL_MINIMO * letra)
            if h[1] > izquierda + margen and h[0] < derecha - margen
        ]
        for r in medidos
    ]
    partes: list[list[list[T]]] = []
    actual: list[list[T]] = []  # la parte a todo lo ancho en curso
    indice = 0
    while indice < len(medidos):
        region = _region(medidos, indice, letra, canales if canales is not None else [], libres)
        if region is None:
            actual.append(renglones[indice])
            indice += 1
            continue
        actual.extend(renglones[indice : region.inicio])
        if actual:
            partes.append(actual)
            actual = []
        a, b = region.canal
        columna_izquierda, columna_derecha = [], []
        for renglon in medidos[region.inicio : region.fin]:
            if palabras := [renglon.palabras[k] for k in renglon.izquierda(a)]:
                columna_izquierda.append(palabras)
            if palabras := [renglon.palabras[k] for k in renglon.derecha(b)]:
                columna_derecha.append(palabras)
        if canales is not None:
            canales.append(region.canal)
        if regiones is not None:
            filas = medidos[region.inicio : region.fin]
            regiones.append((min(r.top for r in filas), max(r.bottom for r in filas), a, b))
        for columna in (columna_izquierda, columna_derecha):
            partes.extend(partes_en_orden(columna, caja, letra, texto, canales, regiones))
        indice = region.fin
    if actual:
        partes.append(actual)
    return partes
