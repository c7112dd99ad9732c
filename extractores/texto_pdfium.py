"""Lector rápido de la capa de texto con pypdfium2, con la geometría que la limpieza necesita.

pdfium ya ordena el texto en líneas (las separa con "\\r\\n") y elimina las letras duplicadas de
la negrita falsa; aquí se consulta la posición, el tamaño y la fuente sólo de la primera y la
última letra de cada palabra (lo justo para las sangrías, las notas al pie, los superíndices y
las negritas), lo que lo hace mucho más rápido que recorrer los objetos de pdfplumber.
"""

from __future__ import annotations

import ctypes
import math
import operator
import re
import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extractores import columnas, numeros_de_renglon
from modelos.registros import Linea, Palabra

# Un superíndice («Social¹») es más chico que el resto de su palabra o línea: mucho más chico,
# o algo más chico (Word lo deja en dos tercios; reportlab, dos puntos menos: 8 de 10) y con su
# base elevada al menos tanto como esta fracción de la letra (la base de un dígito normal está
# en el renglón).
PROPORCION_SUPERINDICE = 0.8
PROPORCION_SUPERINDICE_ELEVADO = 0.9
ELEVACION_SUPERINDICE = 0.2
# Dos trozos de texto son la misma línea visual si sus alturas se solapan en más de esta fracción.
PROPORCION_SOLAPE = 0.6
# Un hueco entre dos palabras de más de tantas veces el tamaño de la letra (la más chica de las
# dos), con la columna de la izquierda en letra más chica que la de la derecha (en esta
# proporción), separa una nota al margen del cuerpo en la misma altura («Área evaluada:
# Medición» | «Procedimiento 1.- Identificación…»): van en líneas aparte. El hueco más ancho de
# un renglón justificado no pasa de dos veces la letra; el de un número de inciso tabulado
# («1.»  «Formalizar…») sí, pero va en la letra del texto.
HUECO_ENTRE_COLUMNAS = 2.5
PROPORCION_LETRA_AL_MARGEN = 0.9
# pdfium marca con U+0002 el guion de una palabra partida; y hay ligaduras tipográficas.
REEMPLAZOS = str.maketrans({"\x02": "-", "\ufb01": "fi", "\ufb02": "fl", "\ufb00": "ff"})
# pdfium une una palabra partida al final del renglón con U+FFFE («socioeconó\ufffemica»): ahí
# también termina un renglón.
GUION_PARTIDO = "\ufffe"
FIN_DE_RENGLON = re.compile("\n|\ufffe")
# Una marca de agua en diagonal («VERSIÓN PÚBLICA» a 45°) queda en la capa de texto y su caja
# cruza toda la página: una palabra girada más de tantos radianes (unos 5°) respecto de la
# horizontal o la vertical no es del cuerpo.
TOLERANCIA_GIRO = 0.09
# Una franja con texto girado 90° al borde de la página («AUDITORÍA SUPERIOR DEL ESTADO…» en
# vertical, como la pone un Word con márgenes en espejo): su caja va a lo alto de la página y
# juntaba en un solo renglón todo lo que cruza. Si las palabras verticales son pocas (a lo más
# esta fracción de la página), no son del cuerpo; si son muchas, la página entera va girada.
FRACCION_VERTICALES = 0.2
MARCAS_NEGRITA = ("bold", "black", "heavy", "negrita", "semibold", "demi")


class PDFIlegiblePdfium(Exception):
    """pdfium no pudo abrir el archivo."""


def abrir(ruta: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(ruta))
    except pdfium.PdfiumError as error:
        raise PDFIlegiblePdfium(str(error)) from error


# Una palabra: lo que no es espacio (`\s` es lo mismo que `str.isspace`).
PALABRA = re.compile(r"\S+")
# Bytes del nombre de la fuente que pdfium copia (un nombre más largo no se copia).
BYTES_NOMBRE_FUENTE = 256
# Nombre de fuente (como lo da pdfium) -> ¿es negrita? Los nombres se repiten en todo el corpus.
_NEGRITA_POR_NOMBRE: dict[bytes, bool] = {}


def _es_negrita(fuente: str) -> bool:
    return any(marca in fuente for marca in MARCAS_NEGRITA)


def _sin_conversion(funcion):
    """La misma función de pdfium, pero ctypes no convierte cada argumento según los tipos
    declarados (eso es dos tercios del costo de una pregunta por letra): quien la llama pasa
    objetos de ctypes del tipo justo (el puntero a la página, enteros, `byref`)."""
    llamada = type(funcion)(ctypes.cast(funcion, ctypes.c_void_p).value)
    llamada.restype = funcion.restype
    return llamada


_TAMANO_LETRA = _sin_conversion(pdfium_c.FPDFText_GetFontSize)
_CAJA_LETRA = _sin_conversion(pdfium_c.FPDFText_GetCharBox)
_FUENTE_LETRA = _sin_conversion(pdfium_c.FPDFText_GetFontInfo)
_GIRO_LETRA = _sin_conversion(pdfium_c.FPDFText_GetCharAngle)


class _Letras:
    """Preguntas a pdfium por una letra de una página (tamaño, caja, fuente), con los objetos de
    ctypes creados una vez por página y no en cada pregunta."""

    __slots__ = ("_pagina", "_izq", "_der", "_abajo", "_arriba", "_refs", "_memoria", "_fuente")

    def __init__(self, pagina_texto: pdfium.PdfTextPage) -> None:
        self._pagina = ctypes.c_void_p(ctypes.cast(pagina_texto.raw, ctypes.c_void_p).value)
        self._izq, self._der = ctypes.c_double(), ctypes.c_double()
        self._abajo, self._arriba = ctypes.c_double(), ctypes.c_double()
        self._refs = tuple(
            ctypes.byref(v) for v in (self._izq, self._der, self._abajo, self._arriba)
        )
        self._memoria = ctypes.create_string_buffer(BYTES_NOMBRE_FUENTE)
        # Lo que va después del índice en FPDFText_GetFontInfo: memoria, su largo, banderas.
        self._fuente = (
            self._memoria,
            ctypes.c_ulong(BYTES_NOMBRE_FUENTE),
            ctypes.byref(ctypes.c_int()),
        )

    def giros(self, texto: str) -> dict[int, float]:
        """El giro de la primera letra de cada palabra de la página (por su posición en
        `texto`): se pregunta a pdfium una vez, para `sin_verticales` y para `palabras`."""
        pagina = self._pagina
        return {m.start(): _GIRO_LETRA(pagina, m.start()) for m in PALABRA.finditer(texto)}

    @staticmethod
    def sin_verticales(giros: dict[int, float]) -> bool:
        """¿Van fuera las palabras giradas 90° de la página? Sí si son pocas (una franja al
        borde), no si son la mayoría (la página entera va girada)."""
        verticales = sum(1 for giro in giros.values() if giro > 0 and es_vertical(giro))
        return 0 < verticales <= len(giros) * FRACCION_VERTICALES

    def palabras(
        self,
        texto: str,
        inicio: int,
        fin: int,
        alto: float,
        sin_verticales: bool = False,
        giros: dict[int, float] | None = None,
    ) -> list[Palabra]:
        """Las palabras de texto[inicio:fin], sin las giradas en diagonal (una marca de agua) y,
        con `sin_verticales`, sin las giradas 90°: la caja de cada una va de su primera a su
        última letra. `giros`: los ya preguntados (`giros`; la palabra que sigue a un guion de
        partición no está, y se pregunta). (Se pregunta a pdfium por cada palabra de la página:
        todo va aquí, sin funciones intermedias.)"""
        pagina = self._pagina
        giros = giros or {}
        refs = self._refs
        izq, der, abj, arr = self._izq, self._der, self._abajo, self._arriba
        memoria, fuente = self._memoria, self._fuente
        salida = []
        for m in PALABRA.finditer(texto, inicio, fin):
            i, j = m.span()
            giro = giros.get(i)
            if giro is None:
                giro = _GIRO_LETRA(pagina, i)  # pdfium da -1 si no sabe; 0 es horizontal
            if giro > 0 and (es_oblicuo(giro) or (sin_verticales and es_vertical(giro))):
                continue
            tamano = _TAMANO_LETRA(pagina, i)
            ultimo = j - 1
            # Una llamada de nota pegada al final («Social1» con el 1 chico): fuera (su caja
            # sigue en la de la palabra: la coma que la sigue va pegada).
            while (
                ultimo > i
                and texto[ultimo].isdigit()
                and _TAMANO_LETRA(pagina, ultimo) < tamano * PROPORCION_SUPERINDICE_ELEVADO
                and self._llamada(i, ultimo, tamano)
            ):
                ultimo -= 1
            if not _CAJA_LETRA(pagina, i, *refs):
                raise pdfium.PdfiumError("Failed to get charbox.")  # como `get_charbox`
            izquierda, derecha = izq.value, der.value
            abajo, arriba = abj.value, arr.value
            if j - 1 != i:
                if not _CAJA_LETRA(pagina, j - 1, *refs):
                    raise pdfium.PdfiumError("Failed to get charbox.")
                derecha = der.value
                if ultimo != i:
                    if ultimo != j - 1 and not _CAJA_LETRA(pagina, ultimo, *refs):
                        raise pdfium.PdfiumError("Failed to get charbox.")
                    abajo_fin, arriba_fin = abj.value, arr.value
                    # Como max() y min(), sin su costo.
                    arriba = arriba_fin if arriba_fin > arriba else arriba
                    abajo = abajo_fin if abajo_fin < abajo else abajo
            # Negrita, por el nombre de la fuente. Si el nombre no cabe, pdfium no lo copia y
            # queda el de la pregunta anterior (la memoria es la misma en toda la página).
            _FUENTE_LETRA(pagina, i, *fuente)
            nombre = memoria.value
            negrita = _NEGRITA_POR_NOMBRE.get(nombre)
            if negrita is None:
                negrita = _NEGRITA_POR_NOMBRE[nombre] = _es_negrita(
                    nombre.decode("latin-1", "replace").lower()
                )
            salida.append(
                Palabra(
                    texto[i : ultimo + 1],
                    izquierda,
                    derecha,
                    alto - arriba,
                    alto - abajo,
                    tamano,
                    negrita,
                )
            )
        return salida

    def _llamada(self, primera: int, indice: int, tamano: float) -> bool:
        """¿Es la letra `indice` (un dígito más chico que la primera de su palabra) una llamada
        de nota? Mucho más chica, sí; algo más chica, si además su base está elevada respecto
        de la de la primera letra."""
        pagina = self._pagina
        if _TAMANO_LETRA(pagina, indice) < tamano * PROPORCION_SUPERINDICE:
            return True
        if not _CAJA_LETRA(pagina, primera, *self._refs):
            raise pdfium.PdfiumError("Failed to get charbox.")
        base = self._abajo.value
        if not _CAJA_LETRA(pagina, indice, *self._refs):
            raise pdfium.PdfiumError("Failed to get charbox.")
        return self._abajo.value - base >= ELEVACION_SUPERINDICE * tamano


def es_oblicuo(giro: float) -> bool:
    """¿Un giro (en radianes, como lo da pdfium: 0 a 2π) está lejos de la horizontal y de la
    vertical? Así va una marca de agua en diagonal."""
    resto = math.remainder(giro, math.pi / 2)
    return abs(resto) > TOLERANCIA_GIRO


def es_vertical(giro: float) -> bool:
    """¿Un giro (en radianes, 0 a 2π) está cerca de los 90° o los 270°?"""
    return abs(math.remainder(giro - math.pi / 2, math.pi)) <= TOLERANCIA_GIRO


def _sin_llamadas_sueltas(palabras: list[Palabra]) -> list[Palabra]:
    """Un número chico suelto en una línea de letra normal es una llamada de nota: fuera. (Uno
    algo más chico, si su base está elevada sobre la de la línea.)"""
    if len(palabras) < 2 or not any(p.texto.isdigit() for p in palabras):
        return palabras
    mayor = max(p.tamano for p in palabras)
    base = statistics.median(p.bottom for p in palabras)
    return [p for p in palabras if not (p.texto.isdigit() and _es_llamada(p, mayor, base))]


def _es_llamada(palabra: Palabra, mayor: float, base: float) -> bool:
    if palabra.tamano < mayor * PROPORCION_SUPERINDICE:
        return True
    return (
        palabra.tamano < mayor * PROPORCION_SUPERINDICE_ELEVADO
        and base - palabra.bottom >= ELEVACION_SUPERINDICE * mayor
    )


def corridas_negritas(palabras: Iterable[tuple[str, bool]]) -> list[str]:
    """Los tramos seguidos de palabras en negritas de una línea: [("Control", True), …]."""
    corridas: list[str] = []
    actual: list[str] = []
    for texto, negrita in palabras:
        if negrita:
            actual.append(texto)
        elif actual:
            corridas.append(" ".join(actual))
            actual = []
    if actual:
        corridas.append(" ".join(actual))
    return corridas


@dataclass(slots=True)
class _Trozo:
    """Palabras que pdfium dio como una línea, con sus límites (medidos una vez)."""

    palabras: list[Palabra]
    arriba: float
    abajo: float
    izquierda: float

    @classmethod
    def de(cls, palabras: list[Palabra]) -> _Trozo:
        return cls(
            palabras,
            min(p.top for p in palabras),
            max(p.bottom for p in palabras),
            min(p.x0 for p in palabras),
        )


# Un signo que cierra («,», «.», «)») pegado a la palabra anterior (a menos de esta fracción de
# la letra) va sin espacio, aunque pdfium lo haya dado en otra línea: «Auditoría², aprobado…»
# (la llamada cambió la base del renglón y pdfium cortó ahí).
PROPORCION_SIN_ESPACIO = 0.12
SIGNOS_DE_CIERRE = ",.;:)]»”"


def _texto(palabras: list[Palabra]) -> str:
    partes = [palabras[0].texto]
    for anterior, palabra in zip(palabras, palabras[1:], strict=False):
        pegada = (
            palabra.texto[0] in SIGNOS_DE_CIERRE
            and palabra.x0 - anterior.x1 < PROPORCION_SIN_ESPACIO * palabra.tamano
        )
        partes.append(palabra.texto if pegada else " " + palabra.texto)
    return "".join(partes)


def _linea(trozo: _Trozo, numero: int) -> Linea:
    palabras = trozo.palabras
    return Linea(
        texto=_texto(palabras),
        pagina=numero,
        x0=trozo.izquierda,
        x1=max(p.x1 for p in palabras),
        top=trozo.arriba,
        bottom=trozo.abajo,
        tamano=statistics.median(p.tamano for p in palabras),
        negritas=corridas_negritas((p.texto, p.negrita) for p in palabras),
    )


def _se_solapan(a: _Trozo, b: _Trozo) -> bool:
    """Dos trozos están en la misma línea visual si sus alturas se solapan en su mayor parte."""
    solape = min(a.abajo, b.abajo) - max(a.arriba, b.arriba)
    return solape > PROPORCION_SOLAPE * min(a.abajo - a.arriba, b.abajo - b.arriba)


def _fusionar(trozos: list[_Trozo]) -> list[_Trozo]:
    """Ordena de arriba abajo y une los trozos que pdfium separó en una misma línea visual."""
    unidos: list[_Trozo] = []
    for trozo in sorted(trozos, key=lambda t: (t.arriba, t.izquierda)):
        if unidos and _se_solapan(unidos[-1], trozo):
            ultimo = unidos[-1]
            unidos[-1] = _Trozo(
                sorted(ultimo.palabras + trozo.palabras, key=lambda p: p.x0),
                min(ultimo.arriba, trozo.arriba),
                max(ultimo.abajo, trozo.abajo),
                min(ultimo.izquierda, trozo.izquierda),
            )
        else:
            unidos.append(trozo)
    return unidos


def _columnas(trozo: _Trozo) -> list[_Trozo]:
    """El trozo partido donde un hueco ancho separa dos columnas (ver `HUECO_ENTRE_COLUMNAS`)."""
    palabras = trozo.palabras
    cortes = [
        indice
        for indice in range(1, len(palabras))
        if palabras[indice].x0 - palabras[indice - 1].x1
        > HUECO_ENTRE_COLUMNAS * min(palabras[indice].tamano, palabras[indice - 1].tamano)
        and palabras[indice - 1].tamano < palabras[indice].tamano * PROPORCION_LETRA_AL_MARGEN
    ]
    if not cortes:
        return [trozo]
    limites = zip([0, *cortes], [*cortes, len(palabras)], strict=True)
    return [_Trozo.de(palabras[inicio:fin]) for inicio, fin in limites]


# La caja de una palabra para `columnas`: (x0, x1, top, bottom), sin llamar una función de Python.
_caja = operator.attrgetter("x0", "x1", "top", "bottom")


def _en_orden_de_lectura(trozos: list[_Trozo], canales: list | None = None) -> list[_Trozo]:
    """Los renglones en orden de lectura: en una región a dos columnas, la de la izquierda y
    luego la de la derecha (`columnas.en_orden_de_lectura`, con los canales de las páginas
    anteriores); a una columna, los mismos."""
    if len(trozos) < columnas.RENGLONES_MINIMOS:
        return trozos
    letra = statistics.median(p.tamano for t in trozos for p in t.palabras)
    ordenados = columnas.en_orden_de_lectura(
        [t.palabras for t in trozos], _caja, letra, lambda p: p.texto, canales
    )
    if len(ordenados) == len(trozos) and all(
        a is t.palabras for a, t in zip(ordenados, trozos, strict=True)
    ):
        return trozos
    return [_Trozo.de(palabras) for palabras in ordenados]


def lineas_de_pagina(
    pagina: pdfium.PdfPage,
    numero: int,
    canales: list | None = None,
    documento: numeros_de_renglon.Documento | None = None,
) -> list[Linea]:
    """Las líneas de la página en orden de lectura. `canales`: los de las columnas de las
    páginas anteriores (se agregan los de ésta); `documento`: lo medido en las páginas
    anteriores (la columna de números de renglón)."""
    alto = pagina.get_height()
    pagina_texto = pagina.get_textpage()
    try:
        texto = pagina_texto.get_text_range().translate(REEMPLAZOS)
        letras = _Letras(pagina_texto)
        giros = letras.giros(texto)
        sin_verticales = letras.sin_verticales(giros)
        trozos: list[_Trozo] = []
        inicio = 0
        for corte in FIN_DE_RENGLON.finditer(texto + "\n"):
            fin = corte.start()
            palabras = _sin_llamadas_sueltas(
                letras.palabras(texto, inicio, fin, alto, sin_verticales, giros)
            )
            if palabras and corte.group() == GUION_PARTIDO:
                palabras[-1].texto += "-"  # «socioeconó-» + «mica»: la limpieza las une
            if palabras:
                trozos.append(_Trozo.de(palabras))
            inicio = corte.end()
        # Sin los números de renglón del margen («1», «2»… como los pone Word).
        fusionados = _fusionar(trozos)
        renglones = numeros_de_renglon.quitar([t.palabras for t in fusionados], documento)
        # Un trozo al que no se le quitó nada queda como estaba (sus límites ya están medidos).
        sin_numeros = [
            trozo if len(palabras) == len(trozo.palabras) else _Trozo.de(palabras)
            for trozo, palabras in zip(fusionados, renglones, strict=True)
            if palabras
        ]
        return [
            _linea(parte, numero)
            for trozo in _en_orden_de_lectura(sin_numeros, canales)
            for parte in _columnas(trozo)
        ]
    finally:
        pagina_texto.close()


# Hasta qué nivel se buscan imágenes dentro de los Form XObjects (como `get_objects(max_depth=2)`).
PROFUNDIDAD_IMAGENES = 2


def _imagenes(padre, nivel: int = 0) -> Iterator:
    """Los objetos imagen de la página (nivel 0) o de un Form XObject, con los de sus Form
    XObjects hasta `PROFUNDIDAD_IMAGENES`; como `PdfPage.get_objects`, sin crear un objeto de
    pypdfium2 por cada objeto de la página."""
    if nivel == 0:
        contar, obtener = pdfium_c.FPDFPage_CountObjects, pdfium_c.FPDFPage_GetObject
    else:
        contar, obtener = pdfium_c.FPDFFormObj_CountObjects, pdfium_c.FPDFFormObj_GetObject
    cuantos = contar(padre)
    if cuantos < 0:
        raise pdfium.PdfiumError("Failed to get number of pageobjects.")
    for indice in range(cuantos):
        objeto = obtener(padre, indice)
        if not objeto:
            raise pdfium.PdfiumError("Failed to get pageobject.")
        tipo = pdfium_c.FPDFPageObj_GetType(objeto)
        if tipo == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            yield objeto
        if tipo == pdfium_c.FPDF_PAGEOBJ_FORM and nivel < PROFUNDIDAD_IMAGENES - 1:
            yield from _imagenes(objeto, nivel + 1)


def cobertura_imagenes(pagina: pdfium.PdfPage) -> float:
    """Fracción de la página cubierta por imágenes (una página escaneada: casi toda)."""
    area = (pagina.get_width() * pagina.get_height()) or 1.0
    cubierta = 0.0
    bordes = [ctypes.c_float() for _ in range(4)]
    referencias = [ctypes.byref(borde) for borde in bordes]
    for objeto in _imagenes(pagina.raw):
        if not pdfium_c.FPDFPageObj_GetBounds(objeto, *referencias):
            raise pdfium.PdfiumError("Failed to locate pageobject.")
        izquierda, abajo, derecha, arriba = (borde.value for borde in bordes)
        cubierta += max(0.0, derecha - izquierda) * max(0.0, arriba - abajo)
    return min(1.0, cubierta / area)


def paginas(ruta: Path) -> Iterator[tuple[int, float, float, list[Linea], float]]:
    """(número, ancho, alto, líneas, cobertura de imágenes) de cada página."""
    documento = abrir(ruta)
    canales: list = []  # los de las columnas de las páginas ya leídas
    medido = numeros_de_renglon.Documento()
    try:
        for indice in range(len(documento)):
            pagina = documento[indice]
            try:
                yield (
                    indice + 1,
                    pagina.get_width(),
                    pagina.get_height(),
                    lineas_de_pagina(pagina, indice + 1, canales, medido),
                    cobertura_imagenes(pagina),
                )
            finally:
                pagina.close()
    finally:
        documento.close()
