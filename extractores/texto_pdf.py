"""Texto de un PDF, página por página y línea por línea, con su geometría.

pdfplumber da las palabras con su fuente y tamaño (la negrita importa: el área de cada
procedimiento va en negritas). Una página sin capa de texto utilizable va a OCR.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from extractores import columnas, numeros_de_renglon, texto_pdfium
from modelos.registros import Linea, Pagina

if TYPE_CHECKING:  # pdfplumber (y pdfminer) se importan sólo si se usa ese lector: ~0.1 s
    import pdfplumber

# Si imágenes cubren buena parte de la página y hay poco texto, es un escaneo (el texto, si lo
# hay, es un sello o un folio): se hace OCR.
COBERTURA_IMAGEN_ESCANEO = 0.5
MAXIMO_ALFANUMERICOS_SELLO = 400
# Palabras cuyo fondo difiere menos que esto (puntos) forman una línea.
TOLERANCIA_LINEA = 3.0
# Un superíndice (llamada de nota «Social¹») es más chico que el resto de su línea.
PROPORCION_SUPERINDICE = 0.8
SUPERINDICES = "¹²³⁴⁵⁶⁷⁸⁹⁰*"
# Dos palabras separadas por menos que esta fracción del tamaño de letra van juntas.
PROPORCION_SIN_ESPACIO = 0.12


class PDFIlegible(Exception):
    """El archivo no se puede abrir como PDF; el mensaje es para una persona."""


def nfc(texto: str) -> str:
    return unicodedata.normalize("NFC", texto)


def es_negrita(fuente: str) -> bool:
    nombre = fuente.lower()
    return any(marca in nombre for marca in texto_pdfium.MARCAS_NEGRITA)


def alfanumericos(texto: str) -> int:
    return sum(map(str.isalnum, texto))


def _agrupar_en_lineas(palabras: list[dict]) -> list[list[dict]]:
    grupos: list[list[dict]] = []
    for palabra in sorted(palabras, key=lambda w: (round(w["bottom"]), w["x0"])):
        if grupos and abs(grupos[-1][0]["bottom"] - palabra["bottom"]) <= TOLERANCIA_LINEA:
            grupos[-1].append(palabra)
        else:
            grupos.append([palabra])
    return [sorted(g, key=lambda w: w["x0"]) for g in grupos]


def _es_llamada_de_nota(palabra: dict, palabras: list[dict]) -> bool:
    """Un número chico pegado a una palabra normal y más alto que ella: «Social¹». Algo más
    chico (`texto_pdfium.PROPORCION_SUPERINDICE_ELEVADO`) basta si su base está elevada."""
    texto = palabra["text"].strip()
    if not all(c.isdigit() or c in SUPERINDICES for c in texto):
        return False
    return any(
        _mas_chica_o_elevada(palabra, otra)
        and otra["top"] - 1 <= palabra["bottom"] <= otra["bottom"]
        and palabra["top"] < otra["top"] + 1
        and (abs(palabra["x0"] - otra["x1"]) < 3 or abs(otra["x0"] - palabra["x1"]) < 3)
        for otra in palabras
        if otra is not palabra
    )


def _mas_chica_o_elevada(palabra: dict, otra: dict) -> bool:
    if palabra["size"] < otra["size"] * PROPORCION_SUPERINDICE:
        return True
    elevacion = otra["bottom"] - palabra["bottom"]
    return (
        elevacion >= texto_pdfium.ELEVACION_SUPERINDICE * otra["size"]
        and palabra["size"] < otra["size"] * texto_pdfium.PROPORCION_SUPERINDICE_ELEVADO
    )


def _sin_superindices(palabras: list[dict]) -> list[dict]:
    chicas = [w for w in palabras if all(c.isdigit() or c in SUPERINDICES for c in w["text"])]
    if not chicas:
        return palabras
    llamadas = [w for w in chicas if _es_llamada_de_nota(w, palabras)]
    if not llamadas:
        return palabras
    quitar = {id(w) for w in llamadas}
    salida = [w for w in palabras if id(w) not in quitar]
    # La palabra a la que va pegada la llamada ocupa también su lugar: la coma que sigue a la
    # llamada va pegada («Auditoría², aprobado…»).
    for llamada in llamadas:
        for indice, w in enumerate(salida):
            pegada = abs(llamada["x0"] - w["x1"]) < 3
            if pegada and w["top"] - 1 <= llamada["bottom"] <= w["bottom"]:
                salida[indice] = {**w, "x1": max(w["x1"], llamada["x1"])}
                break
    return salida


def _unir_palabras(grupo: list[dict]) -> str:
    """Une las palabras de una línea; sin espacio donde se tocan (un cambio de fuente)."""
    partes = [grupo[0]["text"]]
    for anterior, palabra in zip(grupo, grupo[1:], strict=False):
        pegadas = palabra["x0"] - anterior["x1"] < palabra["size"] * PROPORCION_SIN_ESPACIO
        partes.append(palabra["text"] if pegadas else " " + palabra["text"])
    return "".join(partes)


def linea_desde_palabras(grupo: list[dict], pagina: int) -> Linea:
    return Linea(
        texto=nfc(_unir_palabras(grupo)),
        pagina=pagina,
        x0=min(w["x0"] for w in grupo),
        x1=max(w["x1"] for w in grupo),
        top=min(w["top"] for w in grupo),
        bottom=max(w["bottom"] for w in grupo),
        tamano=statistics.median(w["size"] for w in grupo),
        negritas=[
            nfc(c)
            for c in texto_pdfium.corridas_negritas(
                (w["text"], es_negrita(w.get("fontname", ""))) for w in grupo
            )
        ],
    )


def _cobertura_imagenes(pagina: pdfplumber.page.Page) -> float:
    area = float(pagina.width * pagina.height) or 1.0
    cubierta = sum(
        max(0.0, float(im["x1"] - im["x0"])) * max(0.0, float(im["bottom"] - im["top"]))
        for im in pagina.images
    )
    return min(1.0, cubierta / area)


def texto_utilizable(lineas: Iterable[Linea], cobertura_imagen: float) -> bool:
    """¿Basta la capa de texto? No si es basura («(cid:12)») o si la página es una imagen grande
    con poco texto (un escaneo, quizá con un sello o un folio encima). Una página con poco texto
    y sin imágenes (la de las firmas) no va a OCR."""
    texto = " ".join(linea.texto for linea in lineas)
    cids = texto.count("(cid:")
    if not cids and cobertura_imagen < COBERTURA_IMAGEN_ESCANEO:
        return True  # lo común: no hace falta contar las letras de la página
    cantidad = alfanumericos(texto.replace("(cid:", ""))
    if cids > max(cantidad, 1) / 10:
        return False
    return not (
        cobertura_imagen >= COBERTURA_IMAGEN_ESCANEO and cantidad < MAXIMO_ALFANUMERICOS_SELLO
    )


def _no_oblicua(objeto: dict) -> bool:
    """Una letra que no va girada en diagonal (como una marca de agua); ver `es_oblicuo`."""
    matriz = objeto.get("matrix")
    if objeto.get("object_type") != "char" or not matriz:
        return True
    return not texto_pdfium.es_oblicuo(math.atan2(matriz[1], matriz[0]))


def lineas_de_pagina(
    pagina: pdfplumber.page.Page,
    numero: int,
    canales: list | None = None,
    documento: numeros_de_renglon.Documento | None = None,
) -> list[Linea]:
    pagina = pagina.filter(_no_oblicua)
    palabras = pagina.dedupe_chars().extract_words(extra_attrs=["fontname", "size"])
    palabras = _sin_superindices([w for w in palabras if w["text"].strip()])
    grupos = _sin_numeros_de_renglon(_agrupar_en_lineas(palabras), documento)
    if palabras:
        letra = statistics.median(float(w["size"]) for w in palabras)
        grupos = columnas.en_orden_de_lectura(grupos, _caja, letra, lambda w: w["text"], canales)
    return [linea_desde_palabras(g, numero) for g in grupos]


def _caja(palabra: dict) -> columnas.Caja:
    return palabra["x0"], palabra["x1"], palabra["top"], palabra["bottom"]


def _sin_numeros_de_renglon(
    grupos: list[list[dict]], documento: numeros_de_renglon.Documento | None
) -> list[list[dict]]:
    """Los grupos de palabras sin los números de renglón del margen (`numeros_de_renglon`)."""
    envueltas = [
        [
            SimpleNamespace(
                texto=w["text"], x0=w["x0"], x1=w["x1"], top=w["top"], bottom=w["bottom"],
                tamano=w["size"], dato=w,
            )
            for w in grupo
        ]
        for grupo in grupos
    ]  # fmt: skip
    sin_numeros = numeros_de_renglon.quitar(envueltas, documento)
    return [[w.dato for w in grupo] for grupo in sin_numeros if grupo]


def abrir(ruta: Path) -> pdfplumber.PDF:
    import pdfplumber

    try:
        return pdfplumber.open(ruta)
    except Exception as error:  # pdfminer lanza muchas clases distintas
        raise PDFIlegible(describir_error_pdf(error)) from error


def _causa(error: BaseException) -> BaseException:
    """pdfplumber envuelve el error de pdfminer en PdfminerException(causa)."""
    if type(error).__name__ == "PdfminerException" and error.args:
        interno = error.args[0]
        if isinstance(interno, BaseException):
            return interno
    return error


def describir_error_pdf(error: BaseException) -> str:
    causa = _causa(error)
    nombre = type(causa).__name__
    texto = str(causa)
    if "Password" in nombre or "Encrypt" in nombre or "encrypt" in texto.lower():
        return "El PDF está cifrado con contraseña y no se puede leer."
    if nombre == "PSEOF" or "EOF" in texto:
        return (
            "El PDF está incompleto: el archivo termina antes de tiempo (¿descarga interrumpida?)."
        )
    if "PDFSyntax" in nombre or "No /Root" in texto or "PDFNoValidXRef" in nombre:
        return "El archivo no es un PDF válido o está dañado (no se encontró su estructura)."
    return f"No se pudo leer el PDF ({nombre}: {texto or 'sin detalle'})."


LECTORES = ("pdfium", "pdfplumber")
# Todo PDF completo termina con esta marca (a veces seguida de unos pocos bytes).
FIN_DE_PDF = b"%%EOF"
BYTES_FINALES = 2048


def termina_completo(ruta: Path) -> bool:
    with ruta.open("rb") as archivo:
        archivo.seek(max(0, ruta.stat().st_size - BYTES_FINALES))
        return FIN_DE_PDF in archivo.read()


def tiene_objetos(ruta: Path) -> bool:
    """¿Empezó como un PDF de verdad (objetos «N 0 obj» en su primer MiB)?"""
    with ruta.open("rb") as archivo:
        return re.search(rb"\d+\s+\d+\s+obj\b", archivo.read(1 << 20)) is not None


def describir_error_pdfium(mensaje: str, ruta: Path) -> str:
    if "password" in mensaje.lower():
        return "El PDF está cifrado con contraseña y no se puede leer."
    if tiene_objetos(ruta) and not termina_completo(ruta):
        return (
            "El PDF está incompleto: el archivo termina antes de tiempo (¿descarga interrumpida?)."
        )
    if "format" in mensaje.lower():
        return "El archivo no es un PDF válido o está dañado (no se encontró su estructura)."
    return f"No se pudo leer el PDF ({mensaje})."


def _paginas_pdfplumber(ruta: Path):
    with abrir(ruta) as pdf:
        try:
            crudas = list(pdf.pages)
        except Exception as error:
            raise PDFIlegible(describir_error_pdf(error)) from error
        canales: list = []  # los de las columnas de las páginas ya leídas
        medido = numeros_de_renglon.Documento()
        for numero, pagina in enumerate(crudas, start=1):
            yield (
                numero,
                float(pagina.width),
                float(pagina.height),
                lineas_de_pagina(pagina, numero, canales, medido),
                _cobertura_imagenes(pagina),
            )
            pagina.close()


# Quien quiera saber el avance (el proceso hijo de `flows.ejecucion`): (hechas, total).
al_leer_pagina: Callable[[int, int], None] | None = None


def _avisar(hechas: int, total: int) -> None:
    if al_leer_pagina is not None:
        al_leer_pagina(hechas, total)


def leer_paginas(ruta: Path, usar_ocr: bool = True, lector: str = "pdfium") -> list[Pagina]:
    """Todas las páginas con sus líneas; las que no tienen texto utilizable pasan por OCR (varias
    a la vez, una por núcleo).

    `lector`: pdfium (rápido; el predeterminado) o pdfplumber (más lento, mismo resultado)."""
    if lector not in LECTORES:
        raise ValueError(f"Lector desconocido: {lector} (hay {', '.join(LECTORES)})")
    fuente = texto_pdfium.paginas(ruta) if lector == "pdfium" else _paginas_pdfplumber(ruta)
    paginas: list[Pagina] = []
    por_ocr: list[int] = []
    try:
        for numero, ancho, alto, lineas, cobertura in fuente:
            paginas.append(Pagina(numero, ancho, alto, lineas))
            if usar_ocr and not texto_utilizable(lineas, cobertura):
                por_ocr.append(numero)
    except texto_pdfium.PDFIlegiblePdfium as error:
        raise PDFIlegible(describir_error_pdfium(str(error), ruta)) from error
    _avisar(len(paginas) - len(por_ocr), len(paginas))
    if por_ocr:
        _leer_por_ocr(ruta, paginas, por_ocr)
    return paginas


def _leer_por_ocr(ruta: Path, paginas: list[Pagina], numeros: list[int]) -> None:
    # Aquí y no al principio: importa PIL y el OCR, que una página con texto no necesita.
    from extractores import ocr

    hechas = len(paginas) - len(numeros)

    def terminada(_numero: int) -> None:
        nonlocal hechas
        hechas += 1
        _avisar(hechas, len(paginas))

    documento = texto_pdfium.abrir(ruta)
    try:
        for numero, lineas in ocr.leer_paginas_ocr(documento, numeros, al_terminar=terminada):
            paginas[numero - 1].lineas = lineas
            paginas[numero - 1].ocr = True
    except ocr.OCRNoDisponible as error:
        for numero in numeros:
            paginas[numero - 1].aviso = f"Página {numero}: {error}"
    finally:
        documento.close()
