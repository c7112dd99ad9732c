"""Procesar un archivo de principio a fin: siempre devuelve un `Resultado` con su documento.

Ningún error de un archivo (vacío, dañado, cifrado, no PDF, no informe) sale de aquí como
excepción: queda en `documento.estado` y en una oración que una persona entiende.
"""

from __future__ import annotations

import operator
import time
from dataclasses import fields
from pathlib import Path

from extractores import formatos, limpieza, posproceso, texto_pdf
from extractores.formato import Lectura
from extractores.version import sha256_de, version_extractor
from modelos.registros import Documento, Linea, Pagina, Resultado

__all__ = ["procesar_archivo", "sha256_de", "version_extractor"]
# Los primeros bytes de todo PDF; se busca en el primer KiB, como hacen los lectores.
MARCA_PDF = b"%PDF-"
BYTES_CABECERA = 1024


def problema_de_archivo(ruta: Path) -> str | None:
    """Una oración si el archivo no puede ser un PDF; None si vale la pena abrirlo."""
    tamano = ruta.stat().st_size
    if tamano == 0:
        return "El archivo está vacío (0 bytes)."
    with ruta.open("rb") as archivo:
        cabecera = archivo.read(BYTES_CABECERA)
    if MARCA_PDF not in cabecera:
        parece = "una página HTML" if b"<html" in cabecera.lower() else "otro tipo de archivo"
        return f"El archivo no es un PDF (no tiene la marca %PDF; parece {parece})."
    return None


def copiar_paginas(paginas: list[Pagina]) -> list[Pagina]:
    """Copias de las páginas y de sus líneas para limpiarlas otra vez con otros ajustes.

    La limpieza cambia las listas de líneas de cada página y campos de cada línea (el texto de
    OCR, el párrafo), nunca los objetos dentro de una línea (sus negritas): basta copiar una
    capa (como `copy.copy`), lo que cuesta mucho menos que `copy.deepcopy`."""
    copias = []
    for pagina in paginas:
        copia = Pagina(*_CAMPOS_PAGINA(pagina))
        copia.lineas = [Linea(*_CAMPOS_LINEA(linea)) for linea in pagina.lineas]
        copia.quitadas = [Linea(*_CAMPOS_LINEA(linea)) for linea in pagina.quitadas]
        copias.append(copia)
    return copias


# Los campos de una línea y de una página, en orden: copiarlas con su constructor cuesta la
# cuarta parte que `copy.copy` (se copian todas las líneas de cada documento).
_CAMPOS_LINEA = operator.attrgetter(*(f.name for f in fields(Linea)))
_CAMPOS_PAGINA = operator.attrgetter(*(f.name for f in fields(Pagina)))


def procesar_archivo(ruta: Path, sha256: str | None = None) -> Resultado:
    inicio = time.perf_counter()
    documento = Documento(
        sha256=sha256 or sha256_de(ruta),
        archivo=ruta.name,
        estado="error",
        version_extractor=version_extractor(),
    )
    resultado = Resultado(documento)
    try:
        _procesar(ruta, resultado)
    except Exception as error:  # un error inesperado no debe detener la corrida
        documento.estado = "error"
        documento.error = (
            f"Error inesperado al procesar el archivo ({type(error).__name__}: {error})."
        )
        resultado.informe = None
    documento.segundos = round(time.perf_counter() - inicio, 3)
    return resultado


def _procesar(ruta: Path, resultado: Resultado) -> None:
    documento = resultado.documento
    problema = problema_de_archivo(ruta)
    if problema:
        documento.error = problema
        return
    try:
        paginas = texto_pdf.leer_paginas(ruta)
    except texto_pdf.PDFIlegible as error:
        documento.error = str(error)
        return
    documento.paginas = len(paginas)
    documento.paginas_ocr = sum(p.ocr for p in paginas)
    if not paginas:
        documento.error = "El PDF no tiene páginas."
        return
    avisos = [p.aviso for p in paginas if p.aviso]
    originales = copiar_paginas(paginas)
    lineas = limpieza.limpiar(paginas)
    formato, puntaje = formatos.reconocer(lineas)
    if formato is None:
        nombres = ", ".join(f.nombre for f in formatos.registrados())
        documento.estado = "no reconocido"
        documento.error = (
            f"No parece un informe de un formato conocido (parecido {puntaje:.2f}; formatos: "
            f"{nombres})."
        )
        if avisos:
            documento.error += " " + " ".join(avisos)
        return
    documento.formato = formato.nombre
    if formato.ajustes != limpieza.AJUSTES_POR_OMISION:
        paginas = originales  # se limpian otra vez con los ajustes del formato
        lineas = limpieza.limpiar(paginas, formato.ajustes)
    avisos.extend(limpieza.renglones_al_reves(lineas))
    encabezados = [linea for pagina in paginas for linea in pagina.quitadas]
    informe = formato.extraer(Lectura(lineas, documento.sha256, encabezados))
    posproceso.completar(informe, lineas)
    resultado.informe = informe
    documento.informe_id = informe.informe_id
    faltas = formato.revisar(informe) + avisos
    documento.estado = "parcial" if faltas else "ok"
    documento.error = " ".join(faltas)
