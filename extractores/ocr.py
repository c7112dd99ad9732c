"""OCR de las páginas sin capa de texto: se renderizan con pypdfium2 y se leen con tesseract (spa).

Devuelve las mismas `Linea` que la capa de texto (en puntos PDF), para que la limpieza y la
segmentación no distingan el origen. tesseract no informa negritas.

Las páginas de un documento se leen en paralelo: pdfium (que no admite hilos) renderiza una
página tras otra en el hilo principal y cada imagen va a su propio lector de tesseract (con un
solo hilo de OpenMP: medido, dos hilos por lector son más lentos que dos lectores). Un escaneo
se lee a su propia resolución (sin volver a muestrearlo) y tesseract corre dentro del proceso,
con libtesseract, sin arrancar un programa ni cargar el modelo por página; sin la biblioteca se
usa el programa `tesseract`. Una página en blanco no llega a tesseract.
"""

from __future__ import annotations

import csv
import ctypes
import ctypes.util
import io
import math
import os
import shutil
import statistics
import subprocess
import threading
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from functools import cache
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image

from extractores import columnas, numeros_de_renglon, turnos_ocr
from modelos.registros import Linea, Palabra

# Resolución a la que se renderiza una página para tesseract. Medido en escaneos sintéticos de
# 150 ppp (`scripts/medir_ocr.py`): 250 ppp da el mismo F1 de incisos que 300 (1.0) y ~15 % menos
# tiempo por página; 200 y 150 pierden incisos (F1 0.997 y 0.990).
PPP_OCR = 250
# Un escaneo de entre PPP_NATIVA_MINIMA y PPP_OCR ppp se lee a su propia resolución: medido en
# escaneos sintéticos de 200 ppp, ampliarlos a 250 difumina la letra (F1 de incisos 0.982 y 0.964
# a 250, 0.992 y 0.987 a 200, semillas 41 y 42) y cuesta ~0.2 s más por página. Uno de menos
# resolución se amplía a PPP_OCR (escaneos sintéticos de 150 ppp, semilla 41: ampliados sólo a
# 200, la exactitud de estatus baja de 0.929 a 0.918) y uno de más se reduce a PPP_OCR.
# Medido otra vez (issue 12) con el escaneo real de 150 ppp y 16 sintéticos de 150 ppp con motas
# (semilla 62): ampliado a 200 el real sigue en 1.000 y cuesta 1.08 s de CPU por página de OCR
# contra 1.22 a 250, pero en los sintéticos el F1 de incisos de la maqueta word baja de 0.922 a
# 0.822 y el estatus total de 0.974 a 0.955; a su resolución (150) cuesta 0.95 y el F1 total baja
# de 0.980 a 0.897. Casi todo el costo es la red LSTM, que lee cada renglón escalado a la misma
# altura sea cual sea la resolución: recortar los márgenes en blanco (un tercio de los píxeles),
# la mediana a 150 antes de ampliar y las variables textord_* no ahorran nada medible.
PPP_NATIVA_MINIMA = 200
# Medido contra leer todo a 250 ppp, con los mismos escaneos sintéticos: ASE (semilla 61, 32
# escaneos) F1 de incisos 0.994 contra 0.970; ASF semilla 63, 1 de 7 y 4 de 10 resultados contra
# 7 de 7 y 10 de 10, pero semilla 64, 7 de 7 contra 4 de 7 (el ruido de un escaneo pesa más que
# la resolución). En conjunto, a su resolución es igual o mejor y ~0.2 s más barato por página.
# False: toda página a PPP_OCR (para comparar con `scripts/medir_ocr.py`).
RESOLUCION_NATIVA = True
# Una imagen que cubre al menos esta fracción de la página es el escaneo de la página.
COBERTURA_ESCANEO = 0.9
IDIOMA_OCR = "spa"
# Dos cajas de OCR son un mismo renglón partido si, enderezada la página, sus alturas difieren
# en menos de esta fracción de su alto (y una está a la derecha de la otra).
SOLAPE_FRAGMENTO = 0.5
# Un hueco menor que esta fracción del tamaño de la letra entre dos fragmentos es la misma
# palabra partida («Com» + «isión»).
HUECO_PALABRA = 0.25
# Dos trozos a la misma altura separados por más de tantas letras, el de la izquierda cerrando
# su oración y el de la derecha empezando con mayúscula, son de columnas distintas.
HUECO_ENTRE_COLUMNAS = 6.0
# ...si el de la derecha tiene más letras y cifras que un residuo (el borde de una tabla leído
# como «E» al final del renglón, una mota): como `limpieza.LETRAS_DE_UN_RESIDUO`.
LETRAS_DE_UN_RESIDUO = 4
# psm 4: una sola columna de texto de tamaños variables, como un informe. psm 6 (un solo bloque)
# ahorra ~5 % de CPU pero pierde incisos en la maqueta colgante (F1 1.0 → 0.969 y 0.980,
# semillas 41 y 42).
PSM = "4"
# Una página con una región a dos columnas se vuelve a leer por columnas (`_leer_por_columnas`):
# con psm 4, tesseract junta en un renglón lo que está a la misma altura en las dos columnas y,
# como sus renglones no coinciden, lee además tiras de letras como renglones de basura («E e»,
# «ñ E Ñ») entre los de verdad. Medido en una página a dos columnas: 19 renglones de basura con
# psm 4; ninguno leyendo cada columna aparte con psm 4. (psm 3, que busca las columnas, junta
# palabras sueltas del final de un renglón de una columna con el de la otra.) Al cortar se deja
# este margen (puntos) arriba y abajo de la región.
MARGEN_REGION = 2.0
# Dos regiones con el mismo canal separadas por a lo más tantos puntos (unos seis renglones) son
# una sola: lo que las separó en la primera lectura fue basura del OCR a través del canal.
SEPARACION_REGIONES = 80.0
# Para buscar las columnas en la primera lectura no cuenta la basura que tesseract lee entre
# renglones: palabras con menos confianza que ésta (de 0 a 100; «e», «JN», «Ñ»: de 0 a 34; una
# palabra de verdad mal puesta sobre el canal, 26), o más bajas que esta fracción de la mediana
# (tiras de un punto de alto). (Una palabra de verdad con poca confianza que queda fuera, la
# recupera `_region_extendida`.)
CONFIANZA_MINIMA = 40
ALTO_MINIMO_PALABRA = 0.4
# Un renglón de abajo de la región que la sigue a no más de tantos interlineados de su columna
# de la izquierda, sin pasar del canal, es de esa columna.
PASO_COLUMNA = 1.3
# La tinta que tesseract no leyó al segmentar la página (`zonas_sin_leer`): un renglón de
# texto tiene, fuera de las cajas del TSV (con `MARGEN_PALABRA` letras de margen) y sin rayas de
# más de `LARGO_RAYA_EN_LETRAS` letras, filas con al menos `TINTA_MINIMA_RENGLON` letras de
# tinta, un alto de `ALTO_ZONA` letras, `ANCHO_MINIMO_ZONA` letras de ancho y
# `LETRAS_MINIMAS_ZONA` trazos separados; la página, al menos `PALABRAS_MINIMAS_ZONA` palabras
# leídas para medir la letra. Cada zona se lee como un bloque (psm 6: sin segmentar) y entran
# las palabras de confianza `CONFIANZA_ZONA`, en renglones con `PALABRAS_MINIMAS_RENGLON_ZONA`
# (o una sola de `CONFIANZA_PALABRA_SOLA`).
# (Escaneo de una cédula con la respuesta del ente en una tabla bajo una franja oscura:
# tesseract no devolvía la fila de títulos ni el primer renglón de la celda.)
MARGEN_PALABRA = 0.3
LARGO_RAYA_EN_LETRAS = 4
TINTA_MINIMA_RENGLON = 0.5
ALTO_ZONA = (0.8, 12)
ANCHO_MINIMO_ZONA = 6
LETRAS_MINIMAS_ZONA = 8
PALABRAS_MINIMAS_ZONA = 20
PSM_ZONA = "6"
# Una columna de la zona con tinta en esta fracción de su alto es una raya entre celdas.
FRACCION_RAYA_DE_CELDA = 0.7
# Una celda más angosta (en píxeles) es el espacio entre la raya y el borde de la zona.
ANCHO_MINIMO_CELDA = 24
# Más rayas que éstas en una zona no son una tabla (el fondo gris de una franja, rayado).
MAXIMO_RAYAS_DE_CELDA = 6
# Píxeles que se dejan entre la raya y lo que se lee de la celda.
MARGEN_RAYA = 4
CONFIANZA_ZONA = 70
PALABRAS_MINIMAS_RENGLON_ZONA = 2
# Una palabra sola entra si es muy segura: el número de una fila de tabla («6», en su celda).
CONFIANZA_PALABRA_SOLA = 90
# Sin la prueba de texto invertido (blanco sobre negro), que los informes no tienen: medido,
# ~10 % menos por página con el mismo resultado.
VARIABLES_TESSERACT = ("tessedit_do_invert=0",)
# libtesseract escribe sus avisos («Detected 136 diacritics») en la salida de errores del proceso.
VARIABLES_BIBLIOTECA = (f"debug_file={os.devnull}",)
# Las columnas del TSV de tesseract (la biblioteca lo entrega sin este encabezado).
ENCABEZADO_TSV = (
    "\t".join(
        ("level", "page_num", "block_num", "par_num", "line_num", "word_num")
        + ("left", "top", "width", "height", "conf", "text")
    )
    + "\n"
)
# Nivel de las filas del TSV de tesseract que son líneas completas y palabras.
NIVEL_LINEA = 4
NIVEL_PALABRA = 5
# Una página con menos de esta fracción de píxeles oscuros está en blanco: no va a tesseract.
UMBRAL_OSCURO = 128
FRACCION_TINTA_MINIMA = 0.0002
# Una franja oscura con letra clara (ver `bandas_invertidas`): renglones de píxeles con más de
# tal fracción oscura y un tramo oscuro seguido de al menos tal fracción del ancho de la página.
FRACCION_FRANJA = 0.3
ANCHO_FRANJA = 0.25
# Una raya vertical (la que Word pone entre dos columnas, el borde de una tabla) es un trazo
# delgado, más claro que este gris, mucho más alto que cualquier letra: al menos tantas pulgadas
# seguidas (redondeado a una potencia de 2 en píxeles; con el trazo engordado un píxel a cada lado,
# un escaneo girado 1° la deja seguida más de media pulgada) y no más ancho que tantos píxeles
# (una potencia de 2). tesseract la lee como «|», «l» o «[» pegados al texto y tapa el canal entre
# las columnas: se borra antes de leer.
GRIS_RAYA = 215
ALTO_RAYA = 0.3
ANCHO_RAYA = 8
# Segundos como máximo para una página (un escaneo gigantesco no debe colgar la corrida; el
# tiempo límite por archivo de `flows.ejecucion` sigue mandando).
TIEMPO_LIMITE_PAGINA = 300


# Un semáforo compartido entre los procesos de una corrida: `extractores/turnos_ocr.py`.
compartir_turnos = turnos_ocr.compartir
hilos_ocr = turnos_ocr.hilos_ocr


class OCRNoDisponible(Exception):
    """tesseract (o su idioma español) no está instalado."""


@cache
def _idiomas() -> frozenset[str]:
    salida = subprocess.run(
        ["tesseract", "--list-langs"], capture_output=True, text=True, check=False
    ).stdout
    return frozenset(renglon.strip() for renglon in salida.splitlines()[1:])


def verificar_tesseract() -> None:
    if shutil.which("tesseract") is None:
        raise OCRNoDisponible(
            "La página no tiene texto y tesseract no está instalado "
            "(instale tesseract-ocr y tesseract-ocr-spa)."
        )
    if IDIOMA_OCR not in _idiomas():
        raise OCRNoDisponible(
            "La página no tiene texto y falta el idioma español de tesseract "
            "(instale tesseract-ocr-spa)."
        )


def ppp_de_pagina(pagina: pdfium.PdfPage) -> int:
    """La resolución a la que se lee la página: la del escaneo, si la página es una imagen de
    entre PPP_NATIVA_MINIMA y PPP_OCR ppp; si no, PPP_OCR."""
    if not RESOLUCION_NATIVA:
        return PPP_OCR
    ancho, alto = pagina.get_size()
    for imagen in pagina.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=1):
        izquierda, abajo, derecha, arriba = imagen.get_bounds()
        area = (derecha - izquierda) * (arriba - abajo)
        if area < COBERTURA_ESCANEO * ancho * alto:
            continue
        try:
            pixeles_ancho, pixeles_alto = imagen.get_px_size()
        except pdfium.PdfiumError:
            continue
        ppp = round(72 * math.sqrt(pixeles_ancho * pixeles_alto / area))  # aunque esté girada
        if PPP_NATIVA_MINIMA <= ppp <= PPP_OCR:
            return ppp
    return PPP_OCR


def renderizar_pagina(pagina: pdfium.PdfPage, ppp: int | None = None):
    return pagina.render(scale=(ppp or PPP_OCR) / 72, grayscale=True).to_pil().convert("L")


def renderizar(ruta: Path, numero: int, ppp: int | None = None):
    documento = pdfium.PdfDocument(str(ruta))
    try:
        pagina = documento[numero - 1]
        imagen = renderizar_pagina(pagina, ppp or ppp_de_pagina(pagina))
        pagina.close()
        return imagen
    finally:
        documento.close()


def en_blanco(imagen) -> bool:
    """¿Casi sin tinta? (el histograma de una imagen gris se calcula en C: milisegundos)."""
    histograma = imagen.histogram()
    oscuros = sum(histograma[:UMBRAL_OSCURO])
    return oscuros < FRACCION_TINTA_MINIMA * imagen.width * imagen.height


def tesseract_tsv(imagen, ppp: int | None = None, psm: str = PSM) -> dict[str, list]:
    """Corre tesseract sobre la imagen gris y devuelve su TSV por columnas, como
    `pytesseract.image_to_data(..., output_type=DICT)`: con libtesseract si está, si no con el
    programa. `psm`: el modo de segmentación de la página."""
    ppp = ppp or PPP_OCR
    biblioteca = _libtesseract()
    if biblioteca is None:
        return _columnas(_tsv_programa(imagen, ppp, psm))
    with _lector(biblioteca) as lector:
        return _columnas(ENCABEZADO_TSV + lector.tsv(imagen, ppp, psm))


def _tsv_programa(imagen, ppp: int, psm: str = PSM) -> str:
    """El programa `tesseract`, con la imagen (PGM) por la entrada estándar."""
    memoria = io.BytesIO()
    imagen.save(memoria, "PPM")
    variables = [arg for v in VARIABLES_TESSERACT for arg in ("-c", v)]
    proceso = subprocess.run(
        [
            "tesseract",
            "stdin",
            "stdout",
            "-l",
            IDIOMA_OCR,
            "--psm",
            psm,
            "--dpi",
            str(ppp),
            *variables,
            "tsv",
        ],  # fmt: skip
        input=memoria.getvalue(),
        capture_output=True,
        env={**os.environ, "OMP_THREAD_LIMIT": "1"},
        timeout=TIEMPO_LIMITE_PAGINA,
        check=False,
    )
    if proceso.returncode != 0:
        raise RuntimeError(
            f"tesseract falló (código {proceso.returncode}): "
            f"{proceso.stderr.decode('utf-8', 'replace').strip()[:200]}"
        )
    return proceso.stdout.decode("utf-8", "replace")


@cache
def _libtesseract() -> ctypes.CDLL | None:
    """libtesseract por su API de C, o None si no está (entonces se usa el programa)."""
    nombre = ctypes.util.find_library("tesseract")
    if nombre is None:
        return None
    # OpenMP lee su límite de hilos al cargarse: un hilo por lector, como el programa.
    anterior = os.environ.get("OMP_THREAD_LIMIT")
    os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        biblioteca = ctypes.CDLL(nombre)
        _declarar(biblioteca)
    except (OSError, AttributeError):
        return None
    finally:
        if anterior is None:
            del os.environ["OMP_THREAD_LIMIT"]
        else:
            os.environ["OMP_THREAD_LIMIT"] = anterior
    return biblioteca


def _declarar(b: ctypes.CDLL) -> None:
    """Tipos de las funciones de la API de C que se usan (sin ellos ctypes trunca punteros)."""
    p, entero, texto = ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p
    firmas = {
        "TessBaseAPICreate": ([], p),
        "TessBaseAPIInit3": ([p, texto, texto], entero),
        "TessBaseAPISetVariable": ([p, texto, texto], entero),
        "TessBaseAPISetPageSegMode": ([p, entero], None),
        "TessBaseAPISetImage": ([p, texto, entero, entero, entero, entero], None),
        "TessBaseAPISetSourceResolution": ([p, entero], None),
        "TessBaseAPIRecognize": ([p, p], entero),
        "TessBaseAPIGetTsvText": ([p, entero], p),
        "TessBaseAPIClear": ([p], None),
        "TessBaseAPIDelete": ([p], None),
        "TessDeleteText": ([p], None),
        "TessMonitorCreate": ([], p),
        "TessMonitorSetDeadlineMSecs": ([p, entero], None),
        "TessMonitorDelete": ([p], None),
    }
    for funcion, (argumentos, resultado) in firmas.items():
        getattr(b, funcion).argtypes = argumentos
        getattr(b, funcion).restype = resultado


class _Lector:
    """Un TessBaseAPI con el modelo ya cargado; lee una imagen a la vez."""

    def __init__(self, b: ctypes.CDLL) -> None:
        self.b = b
        self.api = b.TessBaseAPICreate()
        if b.TessBaseAPIInit3(self.api, None, IDIOMA_OCR.encode()) != 0:
            b.TessBaseAPIDelete(self.api)
            raise OCRNoDisponible(f"libtesseract no pudo cargar el idioma {IDIOMA_OCR}.")
        for variable in (*VARIABLES_TESSERACT, *VARIABLES_BIBLIOTECA):
            nombre, valor = variable.split("=", 1)
            b.TessBaseAPISetVariable(self.api, nombre.encode(), valor.encode())

    def tsv(self, imagen, ppp: int, psm: str = PSM) -> str:
        b, api = self.b, self.api
        b.TessBaseAPISetPageSegMode(api, int(psm))
        b.TessBaseAPISetImage(api, imagen.tobytes(), imagen.width, imagen.height, 1, imagen.width)
        b.TessBaseAPISetSourceResolution(api, ppp)
        monitor = b.TessMonitorCreate()
        b.TessMonitorSetDeadlineMSecs(monitor, TIEMPO_LIMITE_PAGINA * 1000)
        try:
            if b.TessBaseAPIRecognize(api, monitor) != 0:
                raise RuntimeError(
                    f"tesseract no terminó la página (más de {TIEMPO_LIMITE_PAGINA} s o falló)."
                )
            texto = b.TessBaseAPIGetTsvText(api, 0)
            if not texto:
                return ""
            try:
                return ctypes.string_at(texto).decode("utf-8", "replace")
            finally:
                b.TessDeleteText(texto)
        finally:
            b.TessMonitorDelete(monitor)
            b.TessBaseAPIClear(api)


# Los lectores libres del proceso: se reutilizan entre páginas y documentos (cargar el modelo
# cuesta ~0.05 s); nunca hay más que páginas leídas a la vez.
_lectores: list[_Lector] = []
_candado_lectores = threading.Lock()


def _nuevo_candado() -> None:
    global _candado_lectores
    _candado_lectores = threading.Lock()


os.register_at_fork(after_in_child=_nuevo_candado)


@contextmanager
def _lector(b: ctypes.CDLL) -> Iterator[_Lector]:
    with _candado_lectores:
        lector = _lectores.pop() if _lectores else None
    lector = lector or _Lector(b)
    try:
        yield lector
    finally:
        with _candado_lectores:
            _lectores.append(lector)


def _columnas(tsv: str) -> dict[str, list]:
    filas = csv.reader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    encabezado = next(filas, [])
    datos: dict[str, list] = {nombre: [] for nombre in encabezado}
    for fila in filas:
        if len(fila) != len(encabezado):
            continue
        for nombre, valor in zip(encabezado, fila, strict=True):
            datos[nombre].append(valor if nombre == "text" else int(float(valor)))
    return datos


def _grupos(datos: dict) -> tuple[dict[tuple[int, int, int], list[int]], dict]:
    """Las palabras de cada renglón de tesseract ((bloque, párrafo, renglón) -> índices de sus
    palabras en el TSV) y la fila del TSV con la caja de cada renglón."""
    palabras: dict[tuple[int, int, int], list[int]] = {}
    cajas: dict[tuple[int, int, int], int] = {}
    for i, nivel in enumerate(datos.get("level", [])):
        clave = (datos["block_num"][i], datos["par_num"][i], datos["line_num"][i])
        if nivel == NIVEL_LINEA:
            cajas[clave] = i
        elif nivel == NIVEL_PALABRA and datos["text"][i].strip():
            palabras.setdefault(clave, []).append(i)
    return palabras, cajas


def _lineas_crudas(datos: dict, numero: int, ppp: int | None = None) -> list[Linea]:
    """Una línea por renglón de tesseract, con su caja, sin los números de renglón del
    margen."""
    escala = 72 / (ppp or PPP_OCR)
    palabras, cajas = _grupos(datos)
    claves = list(palabras)
    partes = [[_palabra_ocr(datos, i, escala) for i in palabras[clave]] for clave in claves]
    # Sin los números de renglón del margen («1», «2»… como los pone Word).
    sin_numeros = numeros_de_renglon.quitar(partes, sueltos=True)
    lineas: list[Linea] = []
    for clave, parte, todas in zip(claves, partes, sin_numeros, strict=True):
        caja = cajas.get(clave, palabras[clave][0])
        for quedan in _por_columnas(todas):
            completa = len(quedan) == len(parte)
            lineas.append(_linea_cruda(datos, numero, escala, caja, completa, quedan))
    return lineas


def _por_columnas(palabras: list[Palabra]) -> list[list[Palabra]]:
    """Las palabras de un renglón de tesseract partidas donde un hueco de columna separa el fin
    de una oración de una palabra con mayúscula («competente.» al pie de la columna de la
    izquierda y «Valoración» arriba de la de la derecha, que tesseract leyó en un renglón en una
    página donde la región a columnas es tan corta que no se midió)."""
    tramos: list[list[Palabra]] = []
    for palabra in palabras:
        if tramos and not _otra_columna(tramos[-1][-1], palabra):
            tramos[-1].append(palabra)
        else:
            tramos.append([palabra])
    # Lo que queda tras el hueco debe tener palabras: un residuo («E», «|») es el borde derecho
    # de una tabla o una mota al final del renglón, no el principio de otra columna.
    for indice in range(len(tramos) - 1, 0, -1):
        if _es_residuo_de_columna(tramos[indice]):
            tramos[indice - 1].extend(tramos.pop(indice))
    return tramos


def _es_residuo_de_columna(tramo: list) -> bool:
    return sum(c.isalnum() for p in tramo for c in p.texto) <= LETRAS_DE_UN_RESIDUO


def _columna_aparte(izquierda: Linea, derecha: Linea) -> bool:
    """¿Son los dos fragmentos de un renglón de columnas distintas (ver `_por_columnas`)?"""
    return _otra_columna(izquierda, derecha) and not _es_residuo_de_columna([derecha])


def _otra_columna(izquierda, derecha) -> bool:
    """¿Separa a las dos palabras (o líneas) un hueco de columna, con la de la izquierda
    cerrando su oración y la de la derecha empezando con mayúscula?"""
    hueco = derecha.x0 - (izquierda.x1 or izquierda.x0)
    return (
        hueco > HUECO_ENTRE_COLUMNAS * max(izquierda.tamano, derecha.tamano)
        and izquierda.texto.rstrip()[-1:] in ".:;"
        and derecha.texto[:1].isupper()
    )


def _linea_cruda(
    datos: dict,
    numero: int,
    escala: float,
    caja: int,
    completa: bool,
    quedan: list[Palabra],
) -> Linea:
    """La línea de las palabras que quedan de un renglón de tesseract: con la caja del renglón
    (`caja`, su fila en el TSV) si quedan todas (`completa`), si no con la de ellas."""
    if completa:
        x0, top = datos["left"][caja] * escala, datos["top"][caja] * escala
        x1 = (datos["left"][caja] + datos["width"][caja]) * escala
        bottom = (datos["top"][caja] + datos["height"][caja]) * escala
    else:  # sin el número o partido en columnas: la caja de las palabras que quedan
        x0, x1 = min(p.x0 for p in quedan), max(p.x1 for p in quedan)
        top, bottom = min(p.top for p in quedan), max(p.bottom for p in quedan)
    return Linea(
        texto=unicodedata.normalize("NFC", " ".join(p.texto for p in quedan)),
        pagina=numero,
        x0=x0,
        x1=x1,
        top=top,
        bottom=bottom,
        tamano=statistics.median(p.tamano for p in quedan),
        ocr=True,
    )


def _lineas_desde_datos(datos: dict, numero: int, ppp: int | None = None) -> list[Linea]:
    lineas = _lineas_crudas(datos, numero, ppp)
    return unir_fragmentos(sorted(lineas, key=lambda linea: (linea.top, linea.x0)))


def _palabra_ocr(datos: dict, i: int, escala: float) -> Palabra:
    izquierda, arriba = datos["left"][i] * escala, datos["top"][i] * escala
    alto = datos["height"][i] * escala
    return Palabra(
        datos["text"][i].strip(),
        izquierda,
        izquierda + datos["width"][i] * escala,
        arriba,
        arriba + alto,
        alto,
    )


# Las regiones a columnas de una página leída por OCR: ((arriba, abajo, inicio y fin del canal) de
# cada región, con las cajas enderezadas, en puntos; la pendiente de los renglones).
EnColumnas = tuple[list[tuple[float, float, float, float]], float]


def _en_columnas(datos: dict, ppp: int | None = None) -> EnColumnas | None:
    """Las regiones a columnas de la página leída (`columnas.partes_en_orden`), o None si no
    tiene. tesseract (psm 4) da en un solo renglón lo que está a la misma altura en las dos
    columnas: se mira palabra por palabra, con las cajas enderezadas según la inclinación de la
    página (en un escaneo girado el canal entre las columnas también va inclinado)."""
    escala = 72 / (ppp or PPP_OCR)
    palabras, cajas = _grupos(datos)
    # Sin la basura que lee tesseract entre los renglones de las dos columnas, que taparía el
    # canal: palabras con poca confianza o tiras más bajas que una letra.
    alturas = [datos["height"][i] for g in palabras.values() for i in g]
    if not alturas:
        return None
    alto_minimo = ALTO_MINIMO_PALABRA * statistics.median(alturas)

    def basura(i: int) -> bool:
        return float(datos["conf"][i]) < CONFIANZA_MINIMA or datos["height"][i] < alto_minimo

    # Con las palabras dudosas (poca confianza, pero del alto de una letra) de cada renglón: no
    # tapan el canal, pero una que pasa por su medio dice que el renglón va a todo lo ancho.
    pares = [
        (limpias, [i for i in g if basura(i) and datos["height"][i] >= alto_minimo])
        for g in palabras.values()
        if (limpias := [i for i in g if not basura(i)])
    ]
    grupos = [limpias for limpias, _ in pares]
    dudosas = {id(limpias): otras for limpias, otras in pares}
    if len(grupos) < columnas.RENGLONES_MINIMOS:
        return None
    pendiente = _inclinacion_por_palabras(datos, grupos)

    def caja(i: int) -> columnas.Caja:
        x0, top = datos["left"][i] * escala, datos["top"][i] * escala
        x1, bottom = x0 + datos["width"][i] * escala, top + datos["height"][i] * escala
        return (
            x0 + pendiente * top,
            x1 + pendiente * top,
            top - pendiente * x0,
            bottom - pendiente * x0,
        )

    orden = sorted(grupos, key=lambda g: (caja(g[0])[2], caja(g[0])[0]))
    # La letra: el alto de los renglones de tesseract (con sus ascendentes y descendentes).
    letra = (
        statistics.median(
            datos["height"][cajas[clave]] * escala for clave in palabras if clave in cajas
        )
        if cajas
        else statistics.median(datos["height"][i] * escala for g in grupos for i in g)
    )
    regiones: list[tuple[float, float, float, float]] = []
    partes = columnas.partes_en_orden(
        orden, caja, letra, lambda i: datos["text"][i], regiones=regiones
    )
    if len(partes) < 2 or not regiones:
        return None
    filas = [[caja(i) for i in g] for g in orden]
    cruces = [[caja(i) for i in dudosas.get(id(g), [])] for g in orden]
    extendidas = [_region_extendida(region, filas, letra, cruces) for region in regiones]
    return _con_el_canal_de_la_vecina(extendidas, filas), pendiente


def _con_el_canal_de_la_vecina(
    regiones: list[tuple[float, float, float, float]], filas: list[list[columnas.Caja]]
) -> list[tuple[float, float, float, float]]:
    """Dos regiones vecinas con canales distintos son una sola sección a dos columnas (Word no
    cambia el canal a media sección) si los renglones de la más corta también están libres en
    el canal de la más alta: la corta, de pocos renglones, midió como canal otro hueco que corre
    de renglón en renglón (tras los números colgados de los incisos de la columna de la derecha,
    sintetico-2071-002 de reservada-columnas: esos números iban a la columna de la izquierda).
    La corta toma el canal de la alta, y `_regiones_unidas` las junta."""
    salida = sorted(regiones)
    for indice in range(len(salida) - 1):
        arriba, abajo = salida[indice], salida[indice + 1]
        if max(arriba[2], abajo[2]) < min(arriba[3], abajo[3]):
            continue  # el mismo canal
        if abajo[0] - arriba[1] > SEPARACION_REGIONES:
            continue
        alta, corta = sorted((arriba, abajo), key=lambda r: r[0] - r[1])
        inicio, fin = alta[2], alta[3]
        renglones = [f for f in filas if f and corta[0] <= _medio_de_fila(f) <= corta[1]]
        if renglones and all(
            not any(x0 < fin and x1 > inicio for x0, x1, _, _ in f) for f in renglones
        ):
            nueva = (corta[0], corta[1], inicio, fin)
            salida[indice if corta is arriba else indice + 1] = nueva
    return salida


def _medio_de_fila(fila: list[columnas.Caja]) -> float:
    return (min(c[2] for c in fila) + max(c[3] for c in fila)) / 2


def _region_extendida(
    region: tuple[float, float, float, float],
    filas: list[list[columnas.Caja]],
    letra: float,
    dudosas: list[list[columnas.Caja]] | None = None,
) -> tuple[float, float, float, float]:
    """La región, extendida arriba y abajo por los renglones seguidos que tienen texto a los
    dos lados del canal y ninguna palabra (confiable) que lo cruce: la primera lectura pierde a
    veces un renglón de la región por una palabra mal leída (con poca confianza) a través del
    canal, y ese renglón sin su máscara juntaría las dos columnas. `dudosas`: las palabras con
    poca confianza de cada renglón; una que pasa por el medio del canal es de un renglón a todo
    lo ancho (el título «VI. Procedimientos… resultados y Mmmm arre mejora (ASM)», con el tramo
    del canal ilegible), no de la región."""
    arriba, abajo, inicio, fin = region
    medio = (inicio + fin) / 2
    dudosas = dudosas or [[] for _ in filas]

    def a_los_dos_lados(k: int) -> bool:
        fila = filas[k]
        izquierda = any(x1 <= inicio for x0, x1, _, _ in fila)
        derecha = any(x0 >= fin for x0, x1, _, _ in fila)
        cruza = any(x0 < fin and x1 > inicio for x0, x1, _, _ in fila)
        por_el_medio = any(x0 < medio < x1 for x0, x1, _, _ in dudosas[k])
        return izquierda and derecha and not cruza and not por_el_medio

    def arriba_de(k: int) -> float:
        return min(c[2] for c in filas[k])

    def abajo_de(k: int) -> float:
        return max(c[3] for c in filas[k])

    salto = columnas.SALTO_MAXIMO * letra
    # Un renglón que cruza el canal entre dos que no (tesseract juntó la palabra del final de la
    # columna de la izquierda con la viñeta de la derecha: «evidencia.» con poca confianza a
    # través del canal, sintetico-2071-000) también es de la región: una sección a dos columnas
    # no tiene un renglón a todo lo ancho entre dos de sus renglones.
    siguientes = sorted((k for k in range(len(filas)) if arriba_de(k) > abajo), key=arriba_de)
    for posicion, k in enumerate(siguientes):
        if arriba_de(k) - abajo > salto:
            break
        if not a_los_dos_lados(k):
            otro = siguientes[posicion + 1] if posicion + 1 < len(siguientes) else None
            if otro is None or arriba_de(otro) - abajo_de(k) > salto or not a_los_dos_lados(otro):
                break
        abajo = abajo_de(k)
    anteriores = sorted(
        (k for k in range(len(filas)) if abajo_de(k) < arriba), key=lambda k: -abajo_de(k)
    )
    for posicion, k in enumerate(anteriores):
        if arriba - abajo_de(k) > salto:
            break
        if not a_los_dos_lados(k):
            otro = anteriores[posicion + 1] if posicion + 1 < len(anteriores) else None
            if otro is None or arriba_de(k) - abajo_de(otro) > salto or not a_los_dos_lados(otro):
                break
        arriba = arriba_de(k)
    return arriba, abajo, inicio, fin


def _regiones_unidas(
    regiones: list[tuple[float, float, float, float]], pendiente: float
) -> EnColumnas:
    """Las regiones con el mismo canal que quedaron separadas por unos pocos renglones (el OCR
    de la primera lectura juntó basura a través del canal) van juntas: una sola región."""
    unidas: list[tuple[float, float, float, float]] = []
    for arriba, abajo, inicio, fin in sorted(regiones):
        if unidas:
            arriba_u, abajo_u, inicio_u, fin_u = unidas[-1]
            mismo_canal = max(inicio, inicio_u) < min(fin, fin_u)
            if mismo_canal and arriba - abajo_u <= SEPARACION_REGIONES:
                unidas[-1] = (arriba_u, max(abajo, abajo_u), max(inicio, inicio_u), min(fin, fin_u))
                continue
        unidas.append((arriba, abajo, inicio, fin))
    return unidas, pendiente


def _leer_por_columnas(
    imagen, numero: int, ppp: int | None, en_columnas: EnColumnas
) -> list[Linea]:
    """Vuelve a leer una página a columnas en dos pasadas con psm 4: una con lo que está a la
    derecha del canal de cada región en blanco (lo que va a todo lo ancho y las columnas de la
    izquierda) y otra con todo en blanco salvo eso (las columnas de la derecha). Así tesseract no
    junta renglones de las dos columnas ni lee basura entre ellos. Las líneas van en orden de
    lectura: lo de arriba, la columna de la izquierda, la de la derecha, lo que sigue…"""
    regiones, pendiente = _regiones_unidas(*en_columnas)
    gris = np.asarray(imagen)
    pixeles = (ppp or PPP_OCR) / 72
    alto, ancho = gris.shape
    derecha = np.zeros((alto, ancho), dtype=bool)
    columnas_x = np.arange(ancho)
    for arriba, abajo, inicio, fin in regiones:
        corte = (inicio + fin) / 2  # enderezado; en la imagen, x = corte - pendiente · y
        desde = max(0, math.floor((arriba + pendiente * corte - MARGEN_REGION) * pixeles))
        hasta = min(alto, math.ceil((abajo + pendiente * corte + MARGEN_REGION) * pixeles))
        filas = np.arange(desde, hasta)
        cortes = (corte - pendiente * filas / pixeles) * pixeles
        derecha[desde:hasta] |= columnas_x[None, :] >= cortes[:, None]
    izquierda = gris.copy()
    izquierda[derecha] = 255
    solo_derecha = gris.copy()
    solo_derecha[~derecha] = 255
    de_la_izquierda = _lineas_crudas(tesseract_tsv(Image.fromarray(izquierda), ppp), numero, ppp)
    de_la_derecha = _lineas_crudas(tesseract_tsv(Image.fromarray(solo_derecha), ppp), numero, ppp)

    def altura(linea: Linea) -> float:  # la del centro de la línea, enderezada
        centro_x = (linea.x0 + (linea.x1 or linea.x0)) / 2
        return (linea.top + linea.bottom) / 2 - pendiente * centro_x

    def region(linea: Linea) -> int | None:
        y = altura(linea)
        return next(
            (
                k
                for k, (arriba, abajo, _, _) in enumerate(regiones)
                if arriba - MARGEN_REGION <= y <= abajo + MARGEN_REGION
            ),
            None,
        )

    orden = sorted(range(len(regiones)), key=lambda k: regiones[k][0])
    tramos: list[list[Linea]] = [[] for _ in range(len(regiones) + 1)]  # a todo lo ancho
    columnas_por_region: dict[int, tuple[list[Linea], list[Linea]]] = {k: ([], []) for k in orden}
    for linea in de_la_izquierda:
        k = region(linea)
        if k is not None:
            columnas_por_region[k][0].append(linea)
        else:  # el tramo entre las regiones de arriba y las de abajo
            tramos[sum(regiones[j][0] < altura(linea) for j in orden)].append(linea)
    for linea in de_la_derecha:
        k = region(linea)
        if k is None:  # fuera de toda región sólo puede quedar ruido: a la más cercana
            k = min(orden, key=lambda j: abs(altura(linea) - (regiones[j][0] + regiones[j][1]) / 2))
        columnas_por_region[k][1].append(linea)
    for posicion, k in enumerate(orden, start=1):
        _seguir_la_columna(columnas_por_region[k][0], tramos[posicion], regiones[k], pendiente)
    partes = [tramos[0]]
    for posicion, k in enumerate(orden, start=1):
        partes.extend(columnas_por_region[k])
        partes.append(tramos[posicion])
    # Cada tramo con la inclinación de la página: en uno de pocos renglones (el encabezado
    # corrido, «Página 3» a la izquierda y la sección a la derecha) los fragmentos de un mismo
    # renglón girado distan en altura más de medio renglón y no la medirían.
    return [linea for parte in partes if parte for linea in unir_fragmentos(parte, pendiente)]


def _seguir_la_columna(
    columna: list[Linea],
    siguientes: list[Linea],
    region: tuple[float, float, float, float],
    pendiente: float,
) -> None:
    """Los renglones de abajo de la región que siguen a su columna de la izquierda a un
    interlineado y no pasan del canal (el final de la columna, que la primera lectura dejó
    fuera de la región) pasan de `siguientes` a `columna`."""
    if not columna:
        return
    corte = (region[2] + region[3]) / 2

    def enderezada(linea: Linea) -> tuple[float, float]:  # (arriba, derecha), enderezadas
        return linea.top - pendiente * linea.x0, (linea.x1 or linea.x0) + pendiente * linea.top

    ordenadas = sorted(columna, key=lambda x: enderezada(x)[0])
    tops = [enderezada(x)[0] for x in ordenadas]
    pasos = sorted(b - a for a, b in zip(tops, tops[1:], strict=False) if b > a)
    if not pasos:
        return
    interlineado = pasos[len(pasos) // 2]
    ultimo = tops[-1]
    for linea in sorted(siguientes, key=lambda x: enderezada(x)[0]):
        arriba, derecha = enderezada(linea)
        if arriba - ultimo > PASO_COLUMNA * interlineado or derecha > corte:
            break
        columna.append(linea)
        siguientes.remove(linea)
        ultimo = arriba


def _inclinacion_por_palabras(datos: dict, grupos: list[list[int]]) -> float:
    """La pendiente de los renglones (alto por ancho) medida con la primera y la última palabra
    de cada renglón largo de tesseract (la base de las palabras; mediana). Sin renglones
    largos, 0."""
    pendientes = []
    for indices in grupos:
        primera, ultima = indices[0], indices[-1]
        ancho = datos["left"][ultima] - datos["left"][primera]
        if len(indices) > 2 and ancho > 0:
            base_primera = datos["top"][primera] + datos["height"][primera]
            base_ultima = datos["top"][ultima] + datos["height"][ultima]
            pendientes.append((base_ultima - base_primera) / ancho)
    return statistics.median(pendientes) if pendientes else 0.0


def _inclinacion(lineas: list[Linea]) -> float:
    """Pendiente del renglón en la página (puntos de altura por punto de ancho), medida con los
    pares de cajas que parecen un mismo renglón partido: una a la derecha de la otra y casi a la
    misma altura. Sin pares, 0."""
    pendientes = []
    for a in lineas:
        for b in lineas:
            derecha = b.x0 - (a.x1 or a.x0)
            if derecha > 0 and abs(b.top - a.top) < SOLAPE_FRAGMENTO * max(a.alto, b.alto):
                pendientes.append((b.top - a.top) / (b.x0 - a.x0))
    return statistics.median(pendientes) if pendientes else 0.0


def unir_fragmentos(lineas: list[Linea], pendiente: float | None = None) -> list[Linea]:
    """En un escaneo girado, tesseract parte un renglón en varias cajas (cada una un poco más
    arriba o más abajo) y, al ordenarlas por altura, una mitad derecha puede quedar antes que la
    izquierda o pegarse al renglón vecino. Se mide la inclinación de la página con los propios
    fragmentos (o se usa `pendiente`, la ya medida en la página), se endereza la altura de cada
    caja y se unen las que caen en el mismo renglón, de izquierda a derecha (sin espacio si la
    palabra quedó partida pegada)."""
    if len(lineas) < 2:
        return lineas
    if pendiente is None:
        pendiente = _inclinacion(lineas)
    enderezada = sorted(lineas, key=lambda x: (x.top - pendiente * x.x0, x.x0))
    renglones: list[list[Linea]] = []
    for linea in enderezada:
        altura = linea.top - pendiente * linea.x0
        ultimo = renglones[-1] if renglones else None
        if ultimo is not None:
            base = ultimo[0].top - pendiente * ultimo[0].x0
            cabe = abs(altura - base) < SOLAPE_FRAGMENTO * max(linea.alto, ultimo[0].alto)
            libre = all(
                linea.x0 >= (x.x1 or x.x0) - 1 or (linea.x1 or linea.x0) <= x.x0 + 1 for x in ultimo
            )
            apartada = any(_columna_aparte(x, linea) or _columna_aparte(linea, x) for x in ultimo)
            if cabe and libre and not apartada:
                ultimo.append(linea)
                continue
        renglones.append([linea])
    return [_unir(sorted(partes, key=lambda x: x.x0)) for partes in renglones]


def _unir(partes: list[Linea]) -> Linea:
    if len(partes) == 1:
        return partes[0]
    texto = partes[0].texto
    for anterior, parte in zip(partes, partes[1:], strict=False):
        hueco = parte.x0 - (anterior.x1 or anterior.x0)
        pegada = hueco < HUECO_PALABRA * parte.tamano and parte.texto[:1].islower()
        texto += ("" if pegada else " ") + parte.texto
    return Linea(
        texto=texto,
        pagina=partes[0].pagina,
        x0=partes[0].x0,
        x1=max((x.x1 or x.x0) for x in partes),
        top=min(x.top for x in partes),
        bottom=max(x.bottom for x in partes),
        tamano=statistics.median(x.tamano for x in partes),
        ocr=True,
    )


def sin_motas(imagen):
    """Filtro de mediana de 3×3: quita las motas de polvo y el ruido de un escaneo (que
    tesseract lee como puntuación o como letras de más) sin adelgazar el trazo de la letra de
    cuerpo. Da lo mismo que `ImageFilter.MedianFilter(3)` en ~10 veces menos tiempo: se ordenan
    las columnas de tres píxeles y la mediana de los nueve es la mediana del mayor de los bajos,
    la mediana de los medios y el menor de los altos de tres columnas vecinas."""
    p = np.pad(np.asarray(imagen), 1, mode="edge")
    bajo, medio, alto = _ordenar3(p[:-2], p[1:-1], p[2:])
    mayor_de_bajos = np.maximum(np.maximum(bajo[:, :-2], bajo[:, 1:-1]), bajo[:, 2:])
    menor_de_altos = np.minimum(np.minimum(alto[:, :-2], alto[:, 1:-1]), alto[:, 2:])
    mediana_de_medios = _mediana3(medio[:, :-2], medio[:, 1:-1], medio[:, 2:])
    return Image.fromarray(_mediana3(mayor_de_bajos, mediana_de_medios, menor_de_altos))


def _ordenar3(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, ...]:
    menor, mayor = np.minimum(a, b), np.maximum(a, b)
    bajo, resto = np.minimum(menor, c), np.maximum(menor, c)
    return bajo, np.minimum(mayor, resto), np.maximum(mayor, resto)


def _mediana3(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray:
    return np.maximum(np.minimum(a, b), np.minimum(np.maximum(a, b), c))


def bandas_invertidas(imagen):
    """Un título en letra clara sobre una franja oscura (blanco sobre azul, como los encabezados
    de sección de un Word institucional) queda oscuro sobre claro: tesseract no lee letra clara
    sobre fondo oscuro. Una franja son renglones de píxeles con buena parte oscura
    (`FRACCION_FRANJA`) y, en su mediana, un tramo oscuro seguido de al menos `ANCHO_FRANJA` de
    la página (ningún renglón de texto lo tiene: hay espacio entre letras y palabras). Sus bordes
    de arriba y de abajo se miden como rectas con las columnas sin letra (el giro del escaneo la
    inclina) y se invierte lo que queda entre ellos, sin tocar el texto de al lado."""
    pixeles = np.asarray(imagen)
    oscuros = pixeles < UMBRAL_OSCURO
    filas = np.flatnonzero(oscuros.mean(axis=1) > FRACCION_FRANJA)
    if not len(filas):
        return imagen
    salida = None
    for grupo in _grupos_seguidos(filas):
        arriba, abajo = int(grupo[0]), int(grupo[-1]) + 1
        # Las letras claras cortan la franja en la mediana: se saltan huecos más angostos que
        # el alto de la franja.
        mediana = np.median(pixeles[arriba:abajo], axis=0) < UMBRAL_OSCURO
        tramo = _tramo_oscuro(mediana, hueco=abajo - arriba)
        if tramo is None or tramo[1] - tramo[0] < ANCHO_FRANJA * pixeles.shape[1]:
            continue
        bordes = _bordes_de_franja(oscuros, arriba, abajo, tramo)
        if bordes is None:
            continue
        if salida is None:
            salida = pixeles.copy()
        desde, hasta, (izquierda, derecha) = bordes
        renglon = np.arange(salida.shape[0])[:, None]
        dentro = (renglon >= desde) & (renglon < hasta)
        zona = salida[:, izquierda:derecha]
        zona[dentro] = 255 - zona[dentro]
    return imagen if salida is None else Image.fromarray(salida)


def _bordes_de_franja(
    oscuros: np.ndarray, arriba: int, abajo: int, tramo: tuple[int, int]
) -> tuple[np.ndarray, np.ndarray, tuple[int, int]] | None:
    """Los bordes de arriba y de abajo de la franja en cada columna (rectas ajustadas con las
    columnas donde la franja no tiene letra ni toca el texto de al lado: las de tinta seguida
    del alto de la franja) y sus columnas (el tramo y las vecinas con tinta seguida de al menos
    medio alto, que el giro deja fuera de la mediana)."""
    alto = abajo - arriba
    desde_fila, hasta_fila = max(0, arriba - alto), min(oscuros.shape[0], abajo + alto)
    izquierda, derecha = max(0, tramo[0] - alto), min(oscuros.shape[1], tramo[1] + alto)
    zona = oscuros[desde_fila:hasta_fila, izquierda:derecha]
    # La tinta seguida más larga de cada columna: su inicio y su fin.
    inicios = np.zeros(zona.shape[1], dtype=int)
    fines = np.zeros(zona.shape[1], dtype=int)
    for columna in range(zona.shape[1]):
        inicios[columna], fines[columna] = _tramo_oscuro(zona[:, columna]) or (0, 0)
    largos = fines - inicios
    # El alto de la franja: el de sus columnas más largas (en muchas, las letras la cortan).
    completo = np.percentile(largos[tramo[0] - izquierda : tramo[1] - izquierda], 90)
    limpias = np.flatnonzero((largos >= 0.9 * completo) & (largos <= 1.1 * completo))
    if completo <= 0 or len(limpias) < 2:
        return None
    x = limpias.astype(float)
    recta_arriba = np.polyfit(x, inicios[limpias].astype(float), 1)
    recta_abajo = np.polyfit(x, fines[limpias].astype(float), 1)
    # El tramo de la mediana, alargado por las columnas vecinas con la franja de al menos medio
    # alto (las puntas que el giro dejó fuera de los renglones de la mediana).
    inicio, fin = tramo[0] - izquierda, tramo[1] - izquierda
    while inicio > 0 and largos[inicio - 1] >= 0.5 * completo:
        inicio -= 1
    while fin < len(largos) and largos[fin] >= 0.5 * completo:
        fin += 1
    x = np.arange(inicio, fin, dtype=float)
    desde = np.floor(np.polyval(recta_arriba, x)).astype(int) + desde_fila
    hasta = np.ceil(np.polyval(recta_abajo, x)).astype(int) + desde_fila
    return desde, hasta, (izquierda + inicio, izquierda + fin)


def _tramo_oscuro(valores: np.ndarray, hueco: int = 0) -> tuple[int, int] | None:
    """El tramo seguido más largo de valores verdaderos, saltando huecos de hasta `hueco`
    valores: (inicio, fin), o None."""
    if not valores.any():
        return None
    bordes = np.flatnonzero(np.diff(np.concatenate(([0], valores.astype(np.int8), [0]))))
    inicios, fines = list(bordes[::2]), list(bordes[1::2])
    tramos: list[list[int]] = []
    for inicio, fin in zip(inicios, fines, strict=True):
        if tramos and inicio - tramos[-1][1] <= hueco:
            tramos[-1][1] = fin
        else:
            tramos.append([inicio, fin])
    inicio, fin = max(tramos, key=lambda t: t[1] - t[0])
    return int(inicio), int(fin)


def _desplazada(mascara: np.ndarray, paso: int, eje: int, adelante: bool) -> np.ndarray:
    """La máscara corrida `paso` píxeles por `eje` (hacia el principio o hacia el final)."""
    salida = np.zeros_like(mascara)
    origen = [slice(None), slice(None)]
    destino = [slice(None), slice(None)]
    origen[eje], destino[eje] = (
        (slice(paso, None), slice(None, -paso))
        if adelante
        else (slice(None, -paso), slice(paso, None))
    )
    salida[tuple(destino)] = mascara[tuple(origen)]
    return salida


def en_corridas(mascara: np.ndarray, largo: int, eje: int) -> np.ndarray:
    """Los píxeles de `mascara` que están en una corrida de al menos `largo` (una potencia de 2)
    a lo largo de `eje`: se buscan los inicios de corridas del doble de largo en cada paso y
    luego se extienden hasta cubrir cada corrida (unas pocas operaciones sobre toda la imagen)."""
    inicios = mascara
    paso = 1
    while paso < largo:
        inicios = inicios & _desplazada(inicios, paso, eje, adelante=True)
        paso *= 2
    cubiertos = inicios
    paso = 1
    while paso < largo:
        cubiertos = cubiertos | _desplazada(cubiertos, paso, eje, adelante=False)
        paso *= 2
    return cubiertos


def sin_rayas_verticales(imagen, ppp: int | None = None):
    """La imagen sin sus rayas verticales delgadas (ver `GRIS_RAYA`); la misma imagen si no
    tiene ninguna."""
    gris = np.asarray(imagen)
    oscuro = gris < GRIS_RAYA
    engordado = oscuro.copy()
    engordado[:, 1:] |= oscuro[:, :-1]
    engordado[:, :-1] |= oscuro[:, 1:]
    largo = 1 << math.ceil(math.log2(ALTO_RAYA * (ppp or PPP_OCR)))
    raya = en_corridas(engordado, largo, 0)
    if not raya.any():
        return imagen
    borrar = raya & ~en_corridas(raya, ANCHO_RAYA, 1) & oscuro
    if not borrar.any() or _es_cuadricula(borrar, oscuro, largo):
        return imagen
    limpia = gris.copy()
    limpia[borrar] = 255
    return Image.fromarray(limpia)


def _es_cuadricula(verticales: np.ndarray, oscuro: np.ndarray, largo: int) -> bool:
    """¿Cruza alguna raya horizontal larga (tan larga como una vertical) a las rayas verticales?
    Entonces son los bordes de una tabla, no la raya entre dos columnas: se dejan, porque sin
    ellos el número de cada fila («3 |») y su texto se leen revueltos (escaneos de
    reservada-tabla, semilla 2041: F1 0.994 -> 0.935 al borrarlos)."""
    engordado = oscuro.copy()
    engordado[1:] |= oscuro[:-1]
    engordado[:-1] |= oscuro[1:]
    horizontales = en_corridas(engordado, largo, 1)
    return bool((horizontales & verticales).any())


def leer_imagen(imagen, numero: int, ppp: int | None = None) -> list[Linea]:
    if en_blanco(imagen):
        return []
    imagen = bandas_invertidas(sin_rayas_verticales(sin_motas(imagen), ppp))
    # Un proceso matado con su turno tomado no lo devuelve: se espera un tiempo y se sigue.
    turnos = turnos_ocr.turnos
    turno = turnos is not None and turnos.acquire(timeout=TIEMPO_LIMITE_PAGINA)
    try:
        datos = tesseract_tsv(imagen, ppp)
        en_columnas = _en_columnas(datos, ppp)
        if en_columnas is not None:
            return _leer_por_columnas(imagen, numero, ppp, en_columnas)
        _leer_tinta_sin_leer(imagen, datos, ppp)
    finally:
        if turno:
            turnos.release()
    return _lineas_desde_datos(datos, numero, ppp)


def _leer_tinta_sin_leer(imagen, datos: dict, ppp: int | None) -> None:
    """Lo que tesseract deja sin leer al segmentar la página (una tabla con bordes bajo una
    franja oscura: sus renglones no aparecen en el TSV, ni con confianza baja) se lee otra vez,
    cada zona como un bloque (`PSM_ZONA`), y sus palabras se agregan a `datos` como renglones
    nuevos. Sólo palabras seguras (`CONFIANZA_ZONA`): la tinta de una firma o un sello da
    letras sueltas de poca confianza, que no entran."""
    zonas = zonas_sin_leer(imagen, datos, ppp)
    if not zonas:
        return
    gris = np.asarray(imagen)
    leido = _cubierto_por_el_tsv(datos, gris.shape, 0)
    for zona in zonas:
        for celda in _celdas(gris < GRIS_RAYA, zona):
            extra = tesseract_tsv(imagen.crop(celda), ppp, PSM_ZONA)
            _agregar_zona(datos, extra, celda, leido)


def zonas_sin_leer(imagen, datos: dict, ppp: int | None) -> list[tuple[int, int, int, int]]:
    """Las zonas (izquierda, arriba, derecha, abajo, en píxeles) con renglones de tinta que
    parecen texto y que ninguna palabra ni renglón del TSV cubre: sin las rayas largas de las
    tablas, con el alto de un renglón (medido con las palabras leídas) y varias letras."""
    altos = [
        datos["height"][i]
        for i, nivel in enumerate(datos.get("level", []))
        if nivel == NIVEL_PALABRA and datos["text"][i].strip()
        and datos["conf"][i] >= CONFIANZA_MINIMA
    ]  # fmt: skip
    if len(altos) < PALABRAS_MINIMAS_ZONA:
        return []
    alto = float(np.median(altos))
    oscuro = np.asarray(imagen) < UMBRAL_OSCURO
    resto = oscuro & ~_cubierto_por_el_tsv(datos, oscuro.shape, int(alto * MARGEN_PALABRA))
    largo = 1 << math.ceil(math.log2(max(2.0, alto * LARGO_RAYA_EN_LETRAS)))
    resto &= ~en_corridas(oscuro, largo, 0) & ~en_corridas(oscuro, largo, 1)
    filas = resto.sum(axis=1) >= max(2.0, alto * TINTA_MINIMA_RENGLON)
    zonas = [_zona(resto, arriba, abajo, alto) for arriba, abajo in _franjas(filas, alto)]
    return _zonas_unidas([z for z in zonas if z is not None], alto)


def _zona(
    resto: np.ndarray, arriba: int, abajo: int, alto: float
) -> tuple[int, int, int, int] | None:
    """La zona de una franja de filas con tinta sin leer, si parece texto: su alto, su ancho y
    sus trazos separados; con una letra de margen a los lados y media arriba y abajo."""
    if not ALTO_ZONA[0] * alto <= abajo - arriba <= ALTO_ZONA[1] * alto:
        return None
    columnas = np.flatnonzero(resto[arriba:abajo].any(axis=0))
    if not len(columnas) or columnas[-1] - columnas[0] < ANCHO_MINIMO_ZONA * alto:
        return None
    if int(np.count_nonzero(np.diff(columnas) > 1)) + 1 < LETRAS_MINIMAS_ZONA:
        return None
    margen = int(alto)
    return (
        max(0, int(columnas[0]) - margen),
        max(0, arriba - margen // 2),
        min(resto.shape[1], int(columnas[-1]) + margen),
        min(resto.shape[0], abajo + margen // 2),
    )


def _cubierto_por_el_tsv(datos: dict, forma: tuple[int, int], margen: int) -> np.ndarray:
    """Las cajas de las palabras y renglones del TSV (con cualquier confianza), con margen."""
    cubierto = np.zeros(forma, dtype=bool)
    for i, nivel in enumerate(datos.get("level", [])):
        if nivel == NIVEL_LINEA or (nivel == NIVEL_PALABRA and datos["text"][i].strip()):
            izquierda, arriba = datos["left"][i], datos["top"][i]
            derecha, abajo = izquierda + datos["width"][i], arriba + datos["height"][i]
            cubierto[
                max(0, arriba - margen) : abajo + margen,
                max(0, izquierda - margen) : derecha + margen,
            ] = True
    return cubierto


def _franjas(filas: np.ndarray, alto: float) -> list[tuple[int, int]]:
    """Los tramos de filas con tinta, saltando huecos de menos de media letra."""
    indices = np.flatnonzero(filas)
    if not len(indices):
        return []
    cortes = np.flatnonzero(np.diff(indices) > max(1, int(alto / 2))) + 1
    return [(int(g[0]), int(g[-1]) + 1) for g in np.split(indices, cortes)]


def _zonas_unidas(
    zonas: list[tuple[int, int, int, int]], alto: float
) -> list[tuple[int, int, int, int]]:
    """Las zonas de renglones seguidos (que se tocan o casi, y se solapan a lo ancho) como una:
    tesseract lee el bloque de una vez."""
    unidas: list[list[int]] = []
    for zona in zonas:
        ultima = unidas[-1] if unidas else None
        if (
            ultima is not None
            and zona[1] - ultima[3] <= alto
            and min(zona[2], ultima[2]) > max(zona[0], ultima[0])
        ):
            ultima[:] = [min(ultima[0], zona[0]), ultima[1], max(ultima[2], zona[2]), zona[3]]
        else:
            unidas.append(list(zona))
    return [(a, b, c, d) for a, b, c, d in unidas]


def _celdas(trazo: np.ndarray, zona: tuple[int, int, int, int]) -> list[tuple[int, int, int, int]]:
    """La zona partida en sus celdas por las rayas verticales que la cruzan casi de arriba
    abajo (una tabla: cada celda se lee aparte y sus renglones no se revuelven). `trazo`: los
    píxeles de tinta o de raya (una raya gris también cuenta, `GRIS_RAYA`)."""
    izquierda, arriba, derecha, abajo = zona
    recorte = trazo[arriba:abajo, izquierda:derecha]
    rayas = np.flatnonzero(recorte.mean(axis=0) >= FRACCION_RAYA_DE_CELDA)
    if not len(rayas):
        return [zona]
    grupos = _grupos_seguidos(rayas)
    if len(grupos) > MAXIMO_RAYAS_DE_CELDA:
        return [zona]  # una franja de fondo gris, no una tabla
    # De raya a raya, sin la raya: tesseract confunde su borde con una letra.
    bordes = [(izquierda, izquierda)]
    bordes += [(izquierda + int(g[0]), izquierda + int(g[-1]) + 1) for g in grupos]
    bordes.append((derecha, derecha))
    celdas = [
        (fin + MARGEN_RAYA, arriba, inicio - MARGEN_RAYA, abajo)
        for (_, fin), (inicio, _) in zip(bordes, bordes[1:], strict=False)
    ]
    return [c for c in celdas if c[2] - c[0] > ANCHO_MINIMO_CELDA]


def _grupos_seguidos(indices: np.ndarray) -> list[np.ndarray]:
    """Los índices en tramos seguidos: [3, 4, 5, 9, 10] -> [[3, 4, 5], [9, 10]]."""
    return np.split(indices, np.flatnonzero(np.diff(indices) > 1) + 1)


def _agregar_zona(
    datos: dict, extra: dict, zona: tuple[int, int, int, int], leido: np.ndarray
) -> None:
    """Agrega a `datos` los renglones de la zona releída, en su lugar de la página (bloques
    nuevos), con sólo sus palabras seguras y que no estaban ya leídas (su centro fuera de las
    cajas del TSV, `leido`); un renglón sin ninguna no entra."""
    bloque_base = max(datos.get("block_num", [0]) or [0]) + 1

    def nueva(i: int) -> bool:
        centro_y = zona[1] + extra["top"][i] + extra["height"][i] // 2
        centro_x = zona[0] + extra["left"][i] + extra["width"][i] // 2
        return not leido[min(centro_y, leido.shape[0] - 1), min(centro_x, leido.shape[1] - 1)]

    palabras, cajas = _grupos(extra)
    for clave, indices in palabras.items():
        seguras = [
            i
            for i in indices
            if extra["conf"][i] >= CONFIANZA_ZONA
            and any(c.isalnum() for c in extra["text"][i])
            and nueva(i)
        ]
        if not seguras or (
            len(seguras) < PALABRAS_MINIMAS_RENGLON_ZONA
            and min(extra["conf"][i] for i in seguras) < CONFIANZA_PALABRA_SOLA
        ):
            continue
        caja = cajas.get(clave, seguras[0])
        for i, nivel in [(caja, NIVEL_LINEA), *((i, NIVEL_PALABRA) for i in seguras)]:
            for nombre in datos:
                if nombre == "left":
                    valor = extra["left"][i] + zona[0]
                elif nombre == "top":
                    valor = extra["top"][i] + zona[1]
                elif nombre == "block_num":
                    valor = bloque_base + extra["block_num"][i]
                elif nombre == "level":
                    valor = nivel
                else:
                    valor = extra[nombre][i]
                datos[nombre].append(valor)


def lineas_por_ocr(ruta: Path, numero: int) -> list[Linea]:
    """Una sola página (la API de antes; `leer_paginas_ocr` lee varias en paralelo)."""
    verificar_tesseract()
    documento = pdfium.PdfDocument(str(ruta))
    try:
        pagina = documento[numero - 1]
        ppp = ppp_de_pagina(pagina)
        imagen = renderizar_pagina(pagina, ppp)
        pagina.close()
    finally:
        documento.close()
    return leer_imagen(imagen, numero, ppp)


def leer_paginas_ocr(
    documento: pdfium.PdfDocument,
    numeros: Iterable[int],
    hilos: int | None = None,
    al_terminar: Callable[[int], None] | None = None,
) -> Iterator[tuple[int, list[Linea]]]:
    """(número, líneas) de cada página pedida, en orden, leyendo `hilos` páginas a la vez.

    Se renderiza en el hilo que llama (pdfium no admite hilos) y nunca hay más de dos
    imágenes por hilo en memoria, así un escaneo de mil páginas no la agota."""
    verificar_tesseract()
    hilos = hilos or hilos_ocr()
    pendientes: list[tuple[int, Future]] = []
    with ThreadPoolExecutor(max_workers=hilos, thread_name_prefix="ocr") as grupo:
        for numero in numeros:
            pagina = documento[numero - 1]
            ppp = ppp_de_pagina(pagina)
            imagen = renderizar_pagina(pagina, ppp)
            pagina.close()
            pendientes.append((numero, grupo.submit(leer_imagen, imagen, numero, ppp)))
            while len(pendientes) >= 2 * hilos:
                yield _esperar(pendientes.pop(0), al_terminar)
        while pendientes:
            yield _esperar(pendientes.pop(0), al_terminar)


def _esperar(
    pendiente: tuple[int, Future], al_terminar: Callable[[int], None] | None
) -> tuple[int, list[Linea]]:
    numero, futuro = pendiente
    lineas = futuro.result()
    if al_terminar:
        al_terminar(numero)
    return numero, lineas
