"""OCR de las páginas sin capa de texto: se renderizan con pypdfium2 y se leen con tesseract (spa).

Devuelve las mismas `Linea` que la capa de texto (en puntos PDF), para que la limpieza y la
segmentación no distingan el origen. tesseract no informa negritas.

Las páginas de un documento se leen en paralelo: pdfium (que no admite hilos) renderiza una
página tras otra en el hilo principal y cada imagen va a su propio proceso de tesseract (con un
solo hilo de OpenMP: medido, dos hilos por proceso son más lentos que dos procesos). Una página
en blanco no llega a tesseract.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import statistics
import subprocess
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
from PIL import ImageFilter

from modelos.registros import Linea

# Resolución a la que se renderiza una página para tesseract. Medido en escaneos sintéticos de
# 150 ppp (`scripts/medir_ocr.py`): 250 ppp da el mismo F1 de incisos que 300 (1.0) y ~15 % menos
# tiempo por página; 200 y 150 pierden incisos (F1 0.997 y 0.990).
PPP_OCR = 250
IDIOMA_OCR = "spa"
# Dos cajas de OCR son un mismo renglón partido si, enderezada la página, sus alturas difieren
# en menos de esta fracción de su alto (y una está a la derecha de la otra).
SOLAPE_FRAGMENTO = 0.5
# Un hueco menor que esta fracción del tamaño de la letra entre dos fragmentos es la misma
# palabra partida («Com» + «isión»).
HUECO_PALABRA = 0.25
# Ventana (píxeles) del filtro de mediana que quita motas antes del OCR.
TAMANO_MEDIANA = 3
# psm 4: una sola columna de texto de tamaños variables, como un informe.
PSM = "4"
# Sin la prueba de texto invertido (blanco sobre negro), que los informes no tienen: medido,
# ~10 % menos por página con el mismo resultado.
VARIABLES_TESSERACT = ("tessedit_do_invert=0",)
# Nivel de las filas del TSV de tesseract que son líneas completas y palabras.
NIVEL_LINEA = 4
NIVEL_PALABRA = 5
# Una página con menos de esta fracción de píxeles oscuros está en blanco: no va a tesseract.
UMBRAL_OSCURO = 128
FRACCION_TINTA_MINIMA = 0.0002
# Segundos como máximo para una página (un escaneo gigantesco no debe colgar la corrida; el
# tiempo límite por archivo de `flows.ejecucion` sigue mandando).
TIEMPO_LIMITE_PAGINA = 300


# Un semáforo compartido entre los procesos de una corrida (lo pone `flows.ejecucion` antes de
# crearlos): nunca corren más tesseract a la vez que núcleos, aunque cada proceso lea varias
# páginas en paralelo; así un escaneo largo que quedó solo usa todos los núcleos.
_turnos = None


def compartir_turnos(semaforo) -> None:
    global _turnos
    _turnos = semaforo


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


def hilos_ocr() -> int:
    """Cuántas páginas a la vez: los núcleos disponibles (o INFORMES_HILOS_OCR)."""
    fijado = os.environ.get("INFORMES_HILOS_OCR", "")
    if fijado.isdigit() and int(fijado) > 0:
        return int(fijado)
    return max(1, len(os.sched_getaffinity(0)))


def renderizar_pagina(pagina: pdfium.PdfPage, ppp: int | None = None):
    return pagina.render(scale=(ppp or PPP_OCR) / 72, grayscale=True).to_pil().convert("L")


def renderizar(ruta: Path, numero: int, ppp: int | None = None):
    documento = pdfium.PdfDocument(str(ruta))
    try:
        pagina = documento[numero - 1]
        imagen = renderizar_pagina(pagina, ppp)
        pagina.close()
        return imagen
    finally:
        documento.close()


def en_blanco(imagen) -> bool:
    """¿Casi sin tinta? (el histograma de una imagen gris se calcula en C: milisegundos)."""
    histograma = imagen.histogram()
    oscuros = sum(histograma[:UMBRAL_OSCURO])
    return oscuros < FRACCION_TINTA_MINIMA * imagen.width * imagen.height


def tesseract_tsv(imagen, ppp: int | None = None) -> dict[str, list]:
    """Corre tesseract sobre la imagen (PGM por la entrada estándar) y devuelve su TSV por
    columnas, como `pytesseract.image_to_data(..., output_type=DICT)`."""
    ppp = ppp or PPP_OCR
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
            PSM,
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
    return _columnas(proceso.stdout.decode("utf-8", "replace"))


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


def _lineas_desde_datos(datos: dict, numero: int, ppp: int | None = None) -> list[Linea]:
    escala = 72 / (ppp or PPP_OCR)
    palabras: dict[tuple[int, int, int], list[int]] = {}
    cajas: dict[tuple[int, int, int], int] = {}
    for i, nivel in enumerate(datos.get("level", [])):
        clave = (datos["block_num"][i], datos["par_num"][i], datos["line_num"][i])
        if nivel == NIVEL_LINEA:
            cajas[clave] = i
        elif nivel == NIVEL_PALABRA and datos["text"][i].strip():
            palabras.setdefault(clave, []).append(i)
    lineas: list[Linea] = []
    for clave, indices in palabras.items():
        caja = cajas.get(clave, indices[0])
        alturas = [datos["height"][i] for i in indices]
        lineas.append(
            Linea(
                texto=unicodedata.normalize(
                    "NFC", " ".join(datos["text"][i].strip() for i in indices)
                ),
                pagina=numero,
                x0=datos["left"][caja] * escala,
                x1=(datos["left"][caja] + datos["width"][caja]) * escala,
                top=datos["top"][caja] * escala,
                bottom=(datos["top"][caja] + datos["height"][caja]) * escala,
                tamano=statistics.median(alturas) * escala,
                ocr=True,
            )
        )
    return unir_fragmentos(sorted(lineas, key=lambda linea: (linea.top, linea.x0)))


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


def unir_fragmentos(lineas: list[Linea]) -> list[Linea]:
    """En un escaneo girado, tesseract parte un renglón en varias cajas (cada una un poco más
    arriba o más abajo) y, al ordenarlas por altura, una mitad derecha puede quedar antes que la
    izquierda o pegarse al renglón vecino. Se mide la inclinación de la página con los propios
    fragmentos, se endereza la altura de cada caja y se unen las que caen en el mismo renglón,
    de izquierda a derecha (sin espacio si la palabra quedó partida pegada)."""
    if len(lineas) < 2:
        return lineas
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
            if cabe and libre:
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
    """Filtro de mediana: quita las motas de polvo y el ruido de un escaneo (que tesseract lee
    como puntuación o como letras de más) sin adelgazar el trazo de la letra de cuerpo."""
    return imagen.filter(ImageFilter.MedianFilter(TAMANO_MEDIANA))


def leer_imagen(imagen, numero: int, ppp: int | None = None) -> list[Linea]:
    if en_blanco(imagen):
        return []
    imagen = sin_motas(imagen)
    # Un proceso matado con su turno tomado no lo devuelve: se espera un tiempo y se sigue.
    turno = _turnos is not None and _turnos.acquire(timeout=TIEMPO_LIMITE_PAGINA)
    try:
        datos = tesseract_tsv(imagen, ppp)
    finally:
        if turno:
            _turnos.release()
    return _lineas_desde_datos(datos, numero, ppp)


def lineas_por_ocr(ruta: Path, numero: int) -> list[Linea]:
    """Una sola página (la API de antes; `leer_paginas_ocr` lee varias en paralelo)."""
    verificar_tesseract()
    return leer_imagen(renderizar(ruta, numero), numero)


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
            imagen = renderizar_pagina(pagina)
            pagina.close()
            pendientes.append((numero, grupo.submit(leer_imagen, imagen, numero)))
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
