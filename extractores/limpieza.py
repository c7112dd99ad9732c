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
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz

from extractores import reglas
from extractores.disposicion import AJUSTES_POR_OMISION, AjustesDisposicion, medir_pasos
from extractores.reglas import normalizar
from extractores.segmentador import RECOMENDACION_CON_CLAVE, sin_palabras
from modelos.registros import Linea, Pagina

# Un renglón de OCR con tan pocas letras y cifras es un residuo (una mota), no texto partido.
LETRAS_DE_UN_RESIDUO = 4
# Similitud (rapidfuzz) con la que dos líneas de OCR se consideran el mismo encabezado.
SIMILITUD_ENCABEZADO = 85
# Un pedazo del encabezado corrido (ver `_quitar_en_la_franja_del_encabezado`) tiene al menos
# tantas letras: menos se encuentran en cualquier renglón.
LETRAS_MINIMAS_PARTE = 3
# Letras (sin espacios) de un pedazo de encabezado corrido que el OCR leyó aparte.
LARGO_MINIMO_PEDAZO = 12
# Un número de página suelto, en cualquiera de sus formas:
# "Página 4 de 10", "4", "- 4 -", "4/10", "Pág. 4", "Hoja 4 de 10", "Foja 4"
NUMERO_DE_PAGINA = re.compile(
    r"^\s*(?:(?:p[áa]g(?:ina)?\.?|hoja|foja)\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?\s*"
    r"(?:(?:de|/)\s*\d{1,4})?\s*$",
    re.IGNORECASE,
)
# El número de página con sus palabras: "Página 4 de 10", "Pág. 4 de 10", "Hoja 4 de 10"
PAGINA_X_DE_Y = re.compile(
    r"^\s*(?:p[áa]g(?:ina)?\.?|hoja|foja)\s*\d{1,4}\s+de\s+\d{1,4}\s*$", re.IGNORECASE
)
# El número de página con su palabra al principio o al final de un renglón del encabezado corrido
# que sigue con algo que cambia de página en página (la sección en curso, como el campo STYLEREF
# de Word): "Página 4 VII. Observaciones, Recomendaciones y Acciones Promovidas" (o solo,
# «Página 3», si el OCR dejó la sección en otra línea: cuenta como el de otra página)
PAGINA_AL_PRINCIPIO = re.compile(
    r"^\s*(?:p[áa]g(?:ina)?\.?|hoja|foja)\s*(?P<n>\d{1,4})(?:\s+de\s+\d{1,4})?(?=\s|$)",
    re.IGNORECASE,
)
# "Informe Individual de Auditoría AED/043/2022 Página 4 de 9"
PAGINA_AL_FINAL = re.compile(
    r"(?<=\s)(?:p[áa]g(?:ina)?\.?|hoja|foja)\s*(?P<n>\d{1,4})(?:\s+de\s+\d{1,4})?\s*$",
    re.IGNORECASE,
)
# Un número de página que el OCR leyó mal («ES», «ds», «>» por «2»): un renglón de a lo más
# tantos signos en el mismo lugar que el número de página bien leído de otra página.
SIGNOS_NUMERO_ILEGIBLE = 3
# Un encabezado corrido escaneado queda apartado del texto por tantos interlineados.
HUECO_BAJO_ENCABEZADO = 1.6
# Una entrada del índice: puntos guía (o «…», «·», «_») y el número de página al final:
# «Procedimiento 3. Cobertura y Focalización . . . . . . 7».
ENTRADA_DE_INDICE = re.compile(r"(?:[.…·_]\s*){4,}\d{1,3}\s*$")
# Cuántas entradas hacen de una página un índice (una sola puede ser un renglón cualquiera).
MINIMO_ENTRADAS_DE_INDICE = 3
# La entrada escaneada: el número de página al final, tras un espacio.
NUMERO_DE_PAGINA_EN_INDICE = re.compile(r"\s\d{1,3}\s*$")
# El título del índice, justo antes de su primera entrada.
TITULO_DE_INDICE = re.compile(r"^\s*(?:[íi]ndice|contenido)(?:\s+general)?\s*:?\s*$", re.I)
# Un renglón de ese grupo de arriba a menos de tantos interlineados bajo un renglón del
# encabezado corrido también es del encabezado.
RENGLONES_BAJO_EL_ENCABEZADO = 1.5
# La llamada con que empieza una nota al pie: "1 El Instituto…", "¹ El…", "* Cifras…"
LLAMADA_DE_NOTA = re.compile(r"^\s*(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹*])\s?[A-ZÁÉÍÓÚÑ(]")
# En un escaneo, el OCR lee la llamada chica como otro signo o una letra suelta: "% La
# documentación…", "Y La documentación…" (una «Y» no va seguida de mayúscula), "| El ILPES…".
LLAMADA_DE_NOTA_OCR = re.compile(r"^\s*(?:\d{1,2}|[^\w\s]|[A-Za-z](?=\s))\s?[A-ZÁÉÍÓÚÑ(]")
# Entre dos notas al pie hay menos que esta fracción del interlineado del cuerpo.
PASO_ENTRE_NOTAS = 0.85
# La columna de notas al margen de un escaneo ocupa a lo más esta fracción del ancho de la hoja.
ANCHO_MAXIMO_MARGEN = 0.25
# Los dos trozos de un renglón girado que el OCR dejó al revés distan en altura a lo más tantos
# altos de renglón.
RENGLONES_DE_UN_GIRO = 2.0
# En un escaneo, un bloque al pie sin llamada es de notas si toda su letra mide menos de esta
# fracción de la del cuerpo (la de las notas, dos tercios).
PROPORCION_NOTA_SIN_LLAMADA = 0.75

# El margen del cuerpo se mide con los renglones de al menos tantos caracteres.
LARGO_RENGLON_DEL_CUERPO = 40
# Una columna de notas al margen aparece en al menos tantas páginas (y la mitad de ellas).
PAGINAS_MINIMAS_MARGEN = 2
# Si al menos esta fracción de los renglones largos empieza a la izquierda del margen medido y
# lo cruza, la franja de la izquierda es del cuerpo (párrafos a todo lo ancho y una tabla cuyos
# incisos, más numerosos, dan el margen), no una columna de notas al margen.
FRACCION_CUERPO_A_LA_IZQUIERDA = 0.2

# En un escaneo, el OCR pega la nota al margen al renglón del cuerpo que tiene al lado («Área
# evaluada: Economía Procedimiento 2.- Análisis de la Economía…»): un renglón que empieza tantas
# letras del cuerpo a la izquierda del margen de su página empieza en la columna de notas.
LETRAS_HASTA_LA_NOTA_OCR = 6
# Dónde empieza el cuerpo en ese renglón lo estima el ancho de su parte en el cuerpo (las letras
# por punto de la página); las palabras deciden entre los cortes a tantas letras de la estimación
# (y al menos tantas): el que abre un encabezado, un cierre o un inciso.
HOLGURA_CORTE_NOTA = 0.2
HOLGURA_MINIMA_CORTE_NOTA = 8
# "Procedimiento 2.-", "1.1 De acuerdo…", "IV. No presenta…": donde empieza un inciso.
INCISO_AL_CORTE = re.compile(r"^(?:\(?\d{1,2}(?:\.\d{1,2})?|[IVX]{1,5})\s*(?:\.-|[.)-])?\s+\S")

# Motas del escaneo que el OCR lee como puntuación suelta al principio o al final de la línea:
# "'5) Elaborar…", ".2) En atención…", "- 2) El programa…", "…evidencia exhibida. — -",
# "Justificación |", "desempeño. :", "personal operativo. /" (una barra suelta, separada por un
# espacio: «y/» + «o» va pegada).
RUIDO_INICIAL_OCR = re.compile(r"^[\s.,:;'’`\"|\-—–_~*•]+(?=[\w(¿¡«“])")
RUIDO_FINAL_OCR = re.compile(r"(?:\s+[.,:;'’`\"|\-—–_~*•¡!¿<>«»\[\]{}()/\\]+)+(?:\s+\w)?\s*$")
# Lo que queda de un número de inciso ilegible: "- Integrar el árbol…" (por "7.- Integrar…").
GUION_DE_INCISO_OCR = re.compile(r"^\s*\.?[-—–]\s+(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ])")
# Una letra suelta tras el punto final: "Justificación. i", "de la entidad. í" (una oración
# nueva empezaría con mayúscula); un dígito suelto tras el punto de una palabra: "instrucción. 1"
# (no "Oficio No. 1").
LETRA_FINAL_OCR = re.compile(
    r"(?<=[.:;])\s+[A-Za-zñÑÁÉÍÓÚáéíóú]\s*$|(?<=[a-záéíóúñ]{4}[.;])\s+\d\s*$"
    r"|(?<=[A-ZÁÉÍÓÚÑ]{3})\s+[a-zñ]\s*$"
)
# Una viñeta que el OCR leyó como otro signo: "+ El ente público presenta…", "+» En atención…",
# "» El ente…", "* Atendiendo a…".
VINETA_OCR = re.compile(r"^\s*(?:\+»|[+*•»])\s+(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ])")
# Una llamada de nota pegada a la palabra que el OCR leyó como «*»: "Respuesta de la entidad
# fiscalizada*". (Leída como «?», «!» o «”» también: "Preliminares?, y se estableció…", "Social!
# (ILPES)", sin «¿», «¡» ni «“» que abran, ver `_sin_llamadas_ocr`.)
LLAMADA_PEGADA_OCR = re.compile(r"(?<=[a-záéíóúñ])\*(?=[\s,.;:)]|$)")
# La llamada tras el punto final del renglón, leída «*» (o «”», «?», «!» sin el signo que abre,
# ver `_sin_llamadas_ocr`): "…conforme a los Términos de Referencia.”" (el renglón no acababa
# su oración y el título de bloque que sigue no se reconocía).
LLAMADA_TRAS_EL_PUNTO_OCR = re.compile(r"(?<=[\w)]\.)\*\s*$")
# Una consonante suelta antes de un encabezado: "j Recomendaciones."
LETRA_SUELTA_OCR = re.compile(r"^[b-df-hj-np-tv-xzB-DF-HJ-NP-TV-XZ]\s+(?=[A-ZÁÉÍÓÚÑ])")


def quitar_ruido_ocr(texto: str) -> str:
    """Quita la puntuación suelta que dejan las motas de un escaneo en los bordes de la línea
    (no el guion que queda de un número de inciso ilegible: lo decide la segmentación) y las
    llamadas de nota que el OCR leyó como signos; una viñeta mal leída queda como viñeta."""
    texto = _sin_llamadas_ocr(texto)
    if vineta := VINETA_OCR.match(texto):
        resto = quitar_ruido_ocr(texto[vineta.end() :])
        return f"• {resto}" if resto else ""
    inicio = texto if GUION_DE_INCISO_OCR.match(texto) else RUIDO_INICIAL_OCR.sub("", texto)
    sin_bordes = RUIDO_FINAL_OCR.sub("", inicio)
    # Una comilla de apertura sin cierre al principio: "“Ciudad Victoria, Tamaulipas, a…"
    if sin_bordes.startswith(("“", '"')) and "”" not in sin_bordes and sin_bordes.count('"') < 2:
        sin_bordes = sin_bordes[1:].lstrip()
    sin_bordes = LETRA_FINAL_OCR.sub("", sin_bordes)
    # Números pegados a la «y» que los une: "recomendaciones 2y6".
    sin_bordes = re.sub(r"(?<=\d)([ye])(?=\d)", r" \1 ", sin_bordes)
    # Un apóstrofo que el OCR metió entre palabras: "5 de'septiembre de 2019".
    sin_bordes = re.sub(r"\s*['`´]\s*", " ", sin_bordes).strip()
    # Dos puntos que una mota metió dentro de una palabra: "no se considera ate:ndida",
    # "reportes trimestrale:s" (entre minúsculas; tras los dos puntos siempre va un espacio).
    sin_bordes = re.sub(r"(?<=[a-záéíóúñ]):(?=[a-záéíóúñ])", "", sin_bordes)
    return LETRA_SUELTA_OCR.sub("", sin_bordes)


def _sin_llamadas_ocr(texto: str) -> str:
    """Sin las llamadas de nota pegadas a una palabra que el OCR leyó como signo (ver
    `LLAMADA_PEGADA_OCR`)."""
    texto = LLAMADA_PEGADA_OCR.sub("", texto)
    texto = LLAMADA_TRAS_EL_PUNTO_OCR.sub("", texto)
    for abre, cierra in (("¿", "?"), ("¡", "!"), ("“", "”")):
        if abre not in texto:
            texto = re.sub(rf"(?<=[a-záéíóúñ]){re.escape(cierra)}(?=[\s,.;:)]|$)", "", texto)
            texto = re.sub(rf"(?<=[\w)]\.){re.escape(cierra)}\s*$", "", texto)
    return texto


# Lo que un bloque de letra chica al pie dice que lo hace cuerpo del informe, no nota: un
# veredicto, una cita de una recomendación, un cierre (las reglas de estatus y de cierres).
ETIQUETAS_DEL_CUERPO = frozenset({"ACEPTACION", "RECHAZO", "PARCIAL", "REFERENCIA", "CIERRE"})
# Un renglón sigue pegado a los de arriba si empieza antes de esta fracción de su alto bajo
# donde acaban (`_pegadas`).
PEGADA_AL_RACIMO = 0.5
DIGITOS = re.compile(r"\d+")


@lru_cache(maxsize=8192)
def _clave(texto: str) -> str:
    """El texto para comparar encabezados y pies (sin dígitos ni espacios). Se pide por cada par
    de líneas a la misma altura en dos páginas: se recuerda por texto."""
    return DIGITOS.sub("#", texto.lower()).replace(" ", "")


def _primeros_renglones(lineas: list[Linea], n: int) -> list[Linea]:
    """Las líneas de los primeros `n` renglones visuales: dos columnas a la misma altura
    (el logotipo y el título, el encabezado y el número de página) son un solo renglón. En OCR,
    la columna con letra más chica queda unos puntos más abajo (el encabezado corrido con el
    ente a la izquierda y «Cuenta Pública 2019» a la derecha): es del mismo renglón si empieza
    dentro de la altura de la primera línea del renglón."""
    salida: list[Linea] = []
    renglones = 0
    inicio: Linea | None = None
    for linea in lineas:
        mismo = inicio is not None and (
            abs(linea.top - salida[-1].top) <= salida[-1].alto / 2
            or (linea.ocr and 0 <= linea.top - inicio.top < inicio.alto)
        )
        if not mismo:
            renglones += 1
            if renglones > n:
                break
            inicio = linea
        salida.append(linea)
    return salida


def _candidatas(pagina: Pagina, ajustes: AjustesDisposicion) -> list[Linea]:
    n, franja = ajustes.lineas_candidatas, ajustes.franja
    primeras = _primeros_renglones(pagina.lineas, n)
    ultimas = _primeros_renglones(pagina.lineas[::-1], n)
    arriba = [linea for linea in primeras if linea.top < pagina.alto * franja]
    abajo = [linea for linea in ultimas if linea.bottom > pagina.alto * (1 - franja)]
    return arriba + [linea for linea in abajo if linea not in arriba]


def _racimos(pagina: Pagina, candidatas: list[Linea], ajustes: AjustesDisposicion) -> list[Linea]:
    """Los renglones que siguen pegados (sin hueco) a los primeros y a los últimos que se miran,
    dentro de la franja: un encabezado en un cuadro («Código: FO-AED-12», «AUDITORÍA SUPERIOR…»,
    «Revisión: 03», «TAMAULIPAS», «Informe Individual…», «Foja 3 de 10», a alturas distintas)
    tiene más renglones que `lineas_candidatas`. Sólo cuentan si se repiten."""
    vistas = {id(x) for x in candidatas}
    arriba = _pegadas(pagina.lineas, vistas, bajando=True)
    abajo = _pegadas(pagina.lineas[::-1], vistas, bajando=False)
    return [x for x in arriba if x.top < pagina.alto * ajustes.franja] + [
        x for x in abajo if x.bottom > pagina.alto * (1 - ajustes.franja) and x not in arriba
    ]


def _pegadas(lineas: list[Linea], vistas: set[int], bajando: bool) -> list[Linea]:
    """Desde el principio de `lineas` (de arriba abajo si `bajando`), las que no están en
    `vistas` y siguen pegadas a las anteriores: empiezan antes de media línea (la suya o la de
    la anterior, la mayor) de donde acaban ellas. Se detiene en el primer hueco."""
    salida: list[Linea] = []
    borde: float | None = None
    alto_anterior = 0.0
    for linea in lineas:
        alto = linea.bottom - linea.top
        medio = max(alto, alto_anterior) * PEGADA_AL_RACIMO
        alto_anterior = alto
        if borde is not None:
            pegada = linea.top <= borde + medio if bajando else linea.bottom >= borde - medio
            if not pegada:
                break
        if id(linea) not in vistas:
            salida.append(linea)
        if borde is None:
            borde = linea.bottom if bajando else linea.top
        else:
            borde = max(borde, linea.bottom) if bajando else min(borde, linea.top)
    return salida


def _tolerancia(linea: Linea, ajustes: AjustesDisposicion) -> float:
    """Misma altura: una fracción del alto de la línea (más holgada en OCR)."""
    proporcion = ajustes.tolerancia_posicion_ocr if linea.ocr else ajustes.tolerancia_posicion
    return max(linea.alto, linea.tamano, 1.0) * proporcion


def _misma_linea(
    linea: Linea, otra: Linea, clave: str, tolerancia: float, pedazos: bool = False
) -> bool:
    """Mismo texto (salvo dígitos; salvo letras sueltas en OCR) en la misma altura. Con
    `pedazos`, en OCR también un pedazo de ella (`_pedazo_de`)."""
    if abs(linea.top - otra.top) > tolerancia:
        return False
    otra_clave = _clave(otra.texto)
    return otra_clave == clave or (
        linea.ocr
        and (
            fuzz.ratio(otra_clave, clave) >= SIMILITUD_ENCABEZADO
            or (pedazos and _pedazo_de(clave, otra_clave))
        )
    )


def _pedazo_de(clave: str, otra_clave: str) -> bool:
    """¿Es `clave` un pedazo (de al menos `LARGO_MINIMO_PEDAZO` letras) de `otra_clave`? El OCR
    lee a veces en dos renglones un encabezado corrido que en las demás páginas leyó en uno
    («Programa Seguridad Pública» e «Informe Individual de Auditoría», a la izquierda y a la
    derecha, en una página apaisada)."""
    return (
        LARGO_MINIMO_PEDAZO <= len(clave) < len(otra_clave)
        and fuzz.partial_ratio(clave, otra_clave) >= SIMILITUD_ENCABEZADO
    )


def _se_repite(
    linea: Linea, otras: list[list[Linea]], tolerancia: float, minimo: int, pedazos: bool = False
) -> bool:
    """¿Está la línea (mismo texto salvo dígitos, misma altura) en al menos `minimo` de las otras
    páginas? Deja de contar al llegar: con cientos de páginas, contarlas todas sobra."""
    clave = _clave(linea.texto)
    veces = 0
    for candidatas in otras:
        if any(_misma_linea(linea, otra, clave, tolerancia, pedazos) for otra in candidatas):
            veces += 1
            if veces >= minimo:
                return True
    return minimo <= 0


def _minimo(paginas: int, ajustes: AjustesDisposicion) -> int:
    """Cuántas otras páginas deben repetir la línea: la fracción pedida, y al menos una."""
    return min(paginas, max(2, math.ceil(paginas * ajustes.fraccion_repeticion))) - 1


def _es_repetida(
    indice: int, linea: Linea, candidatas: list[list[Linea]], ajustes: AjustesDisposicion
) -> bool:
    """Se repite en la mayoría de las páginas, o en la mayoría de las de su paridad (los
    encabezados que alternan entre páginas pares e impares)."""
    tolerancia = _tolerancia(linea, ajustes)
    otras = candidatas[:indice] + candidatas[indice + 1 :]
    if _es_titulo_de_bloque(linea.texto) or RECOMENDACION_CON_CLAVE.match(linea.texto):
        # En un informe corto (o a dos columnas, donde cada columna empieza con un título), un
        # título de bloque cae a veces a la misma altura en dos páginas: sólo es encabezado si
        # está en todas. Igual el rótulo de una recomendación con su clave de expediente
        # («Recomendación 2020-AED-097-02-001», sin las cifras igual en cada página), que cae
        # a veces al principio de varias páginas.
        return len(candidatas) > 2 and _se_repite(linea, otras, tolerancia, len(otras))
    if _se_repite(linea, otras, tolerancia, _minimo(len(candidatas), ajustes), pedazos=True):
        return True
    pares = candidatas[indice % 2 :: 2]
    if len(pares) < ajustes.paginas_minimas_paridad:
        return False
    misma_paridad = [c for c in pares if c is not candidatas[indice]]
    minimo = max(ajustes.paginas_minimas_paridad - 1, _minimo(len(pares), ajustes))
    return _se_repite(linea, misma_paridad, tolerancia, minimo)


def _es_titulo_de_bloque(texto: str) -> bool:
    """¿Es el renglón entero un título de bloque de un procedimiento («Recomendaciones al
    desempeño», «Resultados de la revisión»)?"""
    buscador = reglas.encabezados()
    doc = buscador.doc(texto)
    return any(
        c.etiqueta == "BLOQUE"
        and c.inicio == 0
        and all(not any(ch.isalnum() for ch in t.text) for t in doc[c.fin :])
        for c in buscador.buscar(doc)
    )


def _es_numero_de_pagina_ilegible(
    indice: int, linea: Linea, candidatas: list[list[Linea]], ajustes: AjustesDisposicion
) -> bool:
    """Un renglón escaneado de pocos signos («ES», «>») en el lugar donde otra página tiene su
    número de página bien leído (a la misma altura y con el mismo centro), o donde la mayoría
    de las páginas tienen otro renglón así, es el número de página."""
    if not _pocos_signos(linea):
        return False
    tolerancia = _tolerancia(linea, ajustes)
    otras = candidatas[:indice] + candidatas[indice + 1 :]
    en_su_lugar = [
        [
            otra
            for otra in candidatas_otra
            if abs(otra.top - linea.top) <= tolerancia
            and abs(_centro(otra) - _centro(linea)) <= tolerancia
        ]
        for candidatas_otra in otras
    ]
    if any(NUMERO_DE_PAGINA.match(x.texto) for lugar in en_su_lugar for x in lugar):
        return True
    parecidas = sum(any(_pocos_signos(x) for x in lugar) for lugar in en_su_lugar)
    return parecidas >= max(1, _minimo(len(candidatas), ajustes))


def _pocos_signos(linea: Linea) -> bool:
    return linea.ocr and len("".join(linea.texto.split())) <= SIGNOS_NUMERO_ILEGIBLE


def _centro(linea: Linea) -> float:
    return (linea.x0 + (linea.x1 if linea.x1 is not None else linea.x0)) / 2


def _es_encabezado_conocido(texto: str, ajustes: AjustesDisposicion) -> bool:
    if not ajustes.encabezados_conocidos:
        return False
    normal = normalizar(texto).strip()
    return any(re.search(patron, normal) for patron in ajustes.encabezados_conocidos)


def _es_encabezado_chico(
    indice: int,
    linea: Linea,
    candidatas: list[list[Linea]],
    cuerpo: float,
    pagina: Pagina,
    ajustes: AjustesDisposicion,
) -> bool:
    """En un informe corto con encabezados que alternan entre pares e impares, cada uno se
    repite en pocas páginas: una línea arriba, en letra más chica que el cuerpo, que se repite
    a la misma altura en otra página es encabezado («Informe Individual de Auditoría… No.
    AED/146/2023» en las pares). Un encabezado de bloque arriba de dos páginas («Resultados:»)
    va en letra del cuerpo y no cuenta."""
    proporcion = ajustes.proporcion_nota_ocr if linea.ocr else ajustes.proporcion_nota
    arriba = linea.top < pagina.alto * ajustes.franja
    if not arriba or cuerpo <= 0 or linea.tamano >= cuerpo * proporcion:
        return False
    otras = candidatas[:indice] + candidatas[indice + 1 :]
    return _se_repite(linea, otras, _tolerancia(linea, ajustes), 1)


def _es_encabezado_apartado(
    indice: int,
    linea: Linea,
    candidatas: list[list[Linea]],
    pagina: Pagina,
    ajustes: AjustesDisposicion,
) -> bool:
    """En un escaneo el OCR no mide bien la letra chica, y un encabezado que se repite en pocas
    páginas (alternos entre pares e impares, o movido por el giro de la hoja) no se reconoce por
    su tamaño: una línea arriba, en un grupo de renglones apartado del texto que sigue por un
    hueco de varios interlineados, que se repite a la misma altura en otra página y que no es un
    encabezado del informe ni un inciso («Auditoría Especial de Desempeño»), es encabezado."""
    if not _arriba_de_un_hueco(linea, pagina, ajustes) or _fin_de_estructura(linea.texto):
        return False
    otras = candidatas[:indice] + candidatas[indice + 1 :]
    return _se_repite(linea, otras, _tolerancia(linea, ajustes), 1)


def _interlineado(pagina: Pagina, ajustes: AjustesDisposicion) -> float:
    lineas = pagina.lineas
    pasos = [b.top - a.top for a, b in zip(lineas, lineas[1:], strict=False) if b.top > a.top]
    return medir_pasos(pasos, ajustes).interlineado


def _arriba_de_un_hueco(linea: Linea, pagina: Pagina, ajustes: AjustesDisposicion) -> bool:
    """¿Está la línea de OCR arriba, en un grupo de renglones apartado del texto que sigue por
    un hueco de varios interlineados?"""
    if not linea.ocr or linea.top >= pagina.alto * ajustes.franja:
        return False
    lineas = pagina.lineas
    hueco = HUECO_BAJO_ENCABEZADO * _interlineado(pagina, ajustes)
    ultima = linea  # el último renglón del grupo de arriba
    for siguiente in lineas[lineas.index(linea) + 1 :]:
        if siguiente.top <= ultima.top + ultima.alto / 2:
            continue  # en el mismo renglón
        if siguiente.top - ultima.top >= hueco > 0:
            return True
        if siguiente.top >= pagina.alto * ajustes.franja:
            return False
        ultima = siguiente
    return False


def _bajo_el_encabezado(
    candidatas: list[Linea], quitar: set[int], pagina: Pagina, ajustes: AjustesDisposicion
) -> set[int]:
    """En un escaneo, el renglón del encabezado corrido que cambia de página en página no se
    repite ni lleva número si el OCR no leyó su «Página N» («VII. Observaciones,
    Recomendaciones y Acciones Promovidas», la sección en curso, sola a la derecha): un renglón
    arriba, a menos de `RENGLONES_BAJO_EL_ENCABEZADO` interlineados bajo un renglón del
    encabezado que se quitó, y en el grupo apartado del texto por un hueco, también se quita."""
    arriba = [x for x in candidatas if id(x) in quitar and x.top < pagina.alto * ajustes.franja]
    if not arriba:
        return set()
    cerca = RENGLONES_BAJO_EL_ENCABEZADO * _interlineado(pagina, ajustes)
    return {
        id(x)
        for x in candidatas
        if id(x) not in quitar
        and any(0 < x.top - q.top <= cerca for q in arriba)
        and _arriba_de_un_hueco(x, pagina, ajustes)
        and _seguida_de_un_hueco(x, pagina, ajustes)
    }


def _seguida_de_un_hueco(linea: Linea, pagina: Pagina, ajustes: AjustesDisposicion) -> bool:
    """¿Es la línea la última de su grupo: el renglón que la sigue empieza a un hueco de
    varios interlineados? (El primer renglón del cuerpo justo bajo el encabezado, como en el
    escaneo real de la ASE, sigue a renglón seguido: no es del encabezado.)"""
    hueco = HUECO_BAJO_ENCABEZADO * _interlineado(pagina, ajustes)
    siguientes = [x.top for x in pagina.lineas if x.top > linea.top + linea.alto / 2]
    return bool(siguientes) and min(siguientes) - linea.top >= hueco > 0


def quitar_encabezados_y_pies(
    paginas: list[Pagina], ajustes: AjustesDisposicion = AJUSTES_POR_OMISION
) -> None:
    candidatas = [_candidatas(p, ajustes) for p in paginas]
    # Para la repetición, también lo que sigue pegado a los primeros y últimos renglones (un
    # encabezado en un cuadro de varios renglones a distintas alturas).
    racimos = [_racimos(p, c, ajustes) for p, c in zip(paginas, candidatas, strict=True)]
    comparables = [c + r for c, r in zip(candidatas, racimos, strict=True)]
    cuerpo = tamano_de_cuerpo(paginas)
    for indice, pagina in enumerate(paginas):
        quitar = {
            id(linea)
            for linea in candidatas[indice]
            if NUMERO_DE_PAGINA.match(linea.texto)
            or _es_numero_de_pagina_ilegible(indice, linea, candidatas, ajustes)
            or _es_encabezado_conocido(linea.texto, ajustes)
            or _con_numero_de_pagina(indice, linea, paginas, candidatas, ajustes)
            or (
                len(paginas) > 1
                and not _es_encabezado_del_informe(linea.texto)
                and (
                    _es_repetida(indice, linea, comparables, ajustes)
                    or _es_encabezado_chico(indice, linea, candidatas, cuerpo, pagina, ajustes)
                )
            )
            or (
                len(paginas) > 1
                and _es_encabezado_apartado(indice, linea, candidatas, pagina, ajustes)
            )
        }
        if len(paginas) > 1:
            quitar |= {
                id(linea)
                for linea in racimos[indice]
                if not _es_encabezado_del_informe(linea.texto)
                and _es_repetida(indice, linea, comparables, ajustes)
            }
        quitar |= {id(x) for x in pagina.lineas if _pagina_x_de_y_en_franja(x, pagina, ajustes)}
        quitar |= _junto_al_numero_de_pagina(candidatas[indice], quitar, ajustes)
        quitar |= _bajo_el_encabezado(candidatas[indice], quitar, pagina, ajustes)
        pagina.quitadas = [linea for linea in pagina.lineas if id(linea) in quitar]
        pagina.lineas = [linea for linea in pagina.lineas if id(linea) not in quitar]
    _quitar_en_la_franja_del_encabezado(paginas, ajustes)


def _arriba(pagina: Pagina, ajustes: AjustesDisposicion) -> list[Linea]:
    """Los renglones del encabezado corrido que se quitaron de la página (los de arriba)."""
    return [x for x in pagina.quitadas if x.top < pagina.alto * ajustes.franja]


def _quitar_en_la_franja_del_encabezado(paginas: list[Pagina], ajustes: AjustesDisposicion) -> None:
    """En un escaneo el OCR lee a veces el encabezado corrido en más renglones de los que se
    miran (`lineas_candidatas`): partido a distintas alturas («AUDITORÍA SUPERIOR…» y, más
    abajo, «Informe Individual de Auditoría»; el número «AED/003/2019» solo en su renglón) y con
    la pleca debajo leída como letras sueltas («A a —_——»). La franja del encabezado se mide con
    la repetición: llega hasta donde acaban, en la mediana de las páginas, los renglones de
    arriba que se quitaron por repetirse. En ella, un renglón de OCR que quedó es del encabezado
    si sus palabras son parte de un renglón quitado en otras páginas (tantas como pide la
    repetición), o si no tiene ninguna palabra y está en el grupo de arriba, apartado del texto
    por un hueco, bajo un renglón del encabezado que se quitó de la misma página."""
    if len(paginas) < 2:
        return
    fondos = [max(x.bottom for x in quitadas) for p in paginas if (quitadas := _arriba(p, ajustes))]
    if len(fondos) < 2:
        return
    fondo = statistics.median(fondos)
    claves = [{_clave(x.texto) for x in _arriba(p, ajustes)} for p in paginas]
    for indice, pagina in enumerate(paginas):
        otras = claves[:indice] + claves[indice + 1 :]
        minimo = max(1, _minimo(len(paginas), ajustes))
        quitadas = _arriba(pagina, ajustes)
        quitar = [
            linea
            for linea in pagina.lineas
            if linea.ocr
            and linea.top < min(fondo, pagina.alto * ajustes.franja)
            and (
                _parte_del_encabezado(linea, otras, minimo)
                or (
                    sin_palabras(linea)
                    and any(x.top < linea.top for x in quitadas)
                    and _arriba_de_un_hueco(linea, pagina, ajustes)
                )
            )
        ]
        if quitar:
            pagina.quitadas.extend(quitar)
            pagina.lineas = [x for x in pagina.lineas if not any(x is q for q in quitar)]


def _parte_del_encabezado(linea: Linea, otras: list[set[str]], minimo: int) -> bool:
    """¿Son las palabras del renglón parte de un renglón del encabezado quitado en al menos
    `minimo` de las otras páginas?"""
    clave = _clave(linea.texto)
    if sum(c.isalpha() for c in clave) < LETRAS_MINIMAS_PARTE:
        return False
    veces = sum(
        any(fuzz.partial_ratio(clave, otra) >= SIMILITUD_ENCABEZADO for otra in claves)
        for claves in otras
    )
    return veces >= minimo


def _numero_al_borde(texto: str) -> tuple[str, int] | None:
    """(«principio» o «final», número) si el renglón empieza o termina con «Página N»."""
    for lado, patron in (("principio", PAGINA_AL_PRINCIPIO), ("final", PAGINA_AL_FINAL)):
        if coincidencia := patron.search(texto):
            return lado, int(coincidencia.group("n"))
    return None


def _con_numero_de_pagina(
    indice: int,
    linea: Linea,
    paginas: list[Pagina],
    candidatas: list[list[Linea]],
    ajustes: AjustesDisposicion,
) -> bool:
    """Un renglón del encabezado o del pie que empieza o termina con «Página N», donde el resto
    cambia (la sección en curso), es encabezado si en otras páginas hay, a la misma altura, un
    renglón con «Página N» del mismo lado y el número avanza con la página (en tantas páginas
    como pide la repetición)."""
    if len(paginas) < 2:
        return False
    numero = _numero_al_borde(linea.texto)
    if numero is None:
        return False
    lado, n = numero
    desfase = n - paginas[indice].numero
    tolerancia = _tolerancia(linea, ajustes)
    veces = sum(
        any(
            abs(otra.top - linea.top) <= tolerancia
            and _numero_al_borde(otra.texto) == (lado, desfase + pagina.numero)
            for otra in candidatas[otro]
        )
        for otro, pagina in enumerate(paginas)
        if otro != indice
    )
    return veces >= max(1, _minimo(len(paginas), ajustes))


def _junto_al_numero_de_pagina(
    candidatas: list[Linea], quitar: set[int], ajustes: AjustesDisposicion
) -> set[int]:
    """Lo que va en el mismo renglón del encabezado o del pie que un número de página que se
    quitó (el OCR parte «Página 4» y la sección en curso en dos líneas): también se quita."""
    numeros = [
        x
        for x in candidatas
        if id(x) in quitar
        and (
            NUMERO_DE_PAGINA.match(x.texto)
            or PAGINA_X_DE_Y.match(x.texto)
            or _numero_al_borde(x.texto)
        )
    ]
    return {
        id(x)
        for x in candidatas
        if id(x) not in quitar
        and any(abs(x.top - n.top) <= _tolerancia(n, ajustes) for n in numeros)
    }


def _pagina_x_de_y_en_franja(linea: Linea, pagina: Pagina, ajustes: AjustesDisposicion) -> bool:
    """«Página 2 de 6» en la franja de arriba o de abajo, aunque un logotipo al lado lo deje
    más abajo de los primeros renglones: nunca es texto del cuerpo."""
    arriba = linea.top < pagina.alto * ajustes.franja
    abajo = linea.bottom > pagina.alto * (1 - ajustes.franja)
    return (arriba or abajo) and PAGINA_X_DE_Y.match(linea.texto) is not None


def margen_del_cuerpo(paginas: list[Pagina]) -> float | None:
    """El borde izquierdo más frecuente de los renglones largos (redondeado a 2 puntos)."""
    conteo: Counter[float] = Counter(
        round(linea.x0 / 2) * 2
        for pagina in paginas
        for linea in pagina.lineas
        if len(linea.texto) >= LARGO_RENGLON_DEL_CUERPO
    )
    return conteo.most_common(1)[0][0] if conteo else None


def quitar_indice(paginas: list[Pagina]) -> None:
    """Quita el índice: en una página con varias entradas con puntos guía y número de página,
    todo lo que va de la primera a la última (con los títulos partidos en dos renglones, cuyo
    primer renglón no lleva puntos) y el título «Índice» de arriba. Si no, sus entradas abren
    secciones y procedimientos que el cuerpo repite después."""
    for pagina in paginas:
        titulo = next(
            (i for i, linea in enumerate(pagina.lineas) if TITULO_DE_INDICE.match(linea.texto)),
            None,
        )
        if titulo is not None and _entradas_escaneadas(pagina.lineas[titulo + 1 :]):
            # Bajo el título, el OCR lee los puntos guía como letras sueltas («ooocccrr»): las
            # entradas sólo conservan el número de página; el índice sigue hasta el pie.
            del pagina.lineas[titulo:]
            continue
        entradas = [
            i for i, linea in enumerate(pagina.lineas) if ENTRADA_DE_INDICE.search(linea.texto)
        ]
        if len(entradas) < MINIMO_ENTRADAS_DE_INDICE:
            continue
        inicio, fin = entradas[0], entradas[-1]
        if inicio > 0 and TITULO_DE_INDICE.match(pagina.lineas[inicio - 1].texto):
            inicio -= 1
        del pagina.lineas[inicio : fin + 1]


def _entradas_escaneadas(lineas: list[Linea]) -> bool:
    """¿Son entradas de índice escaneadas? Casi todas terminan en el número de página."""
    con_numero = sum(
        1 for linea in lineas if linea.ocr and NUMERO_DE_PAGINA_EN_INDICE.search(linea.texto)
    )
    return con_numero >= MINIMO_ENTRADAS_DE_INDICE and con_numero * 2 > len(lineas)


def quitar_notas_al_margen(paginas: list[Pagina]) -> None:
    """Quita la columna de notas al margen izquierdo («Área evaluada: …», «Fundamento: …»): se
    mide en cada documento como renglones que terminan antes del margen del cuerpo, separados de
    él por un hueco de al menos una letra del cuerpo, en al menos la mitad de las páginas (una
    nota suelta en una página no es una columna). Van a `quitadas`, como los encabezados."""
    margen = margen_del_cuerpo(paginas)
    cuerpo = tamano_de_cuerpo(paginas)
    if margen is None or cuerpo <= 0:
        return
    largas = [x for p in paginas for x in p.lineas if len(x.texto) >= LARGO_RENGLON_DEL_CUERPO]
    cruzan = [x for x in largas if x.x0 < margen - cuerpo and (x.x1 or 0) > margen + cuerpo]
    if len(cruzan) >= FRACCION_CUERPO_A_LA_IZQUIERDA * len(largas):
        return
    en_margen = [
        [x for x in pagina.lineas if x.x1 is not None and x.x1 < margen - cuerpo]
        for pagina in paginas
    ]
    con_notas = sum(bool(notas) for notas in en_margen)
    if con_notas < max(PAGINAS_MINIMAS_MARGEN, math.ceil(len(paginas) / 2)):
        return
    for pagina, notas in zip(paginas, en_margen, strict=True):
        quitar = {id(x) for x in notas}
        pagina.quitadas.extend(notas)
        pagina.lineas = [x for x in pagina.lineas if id(x) not in quitar]


def separar_notas_al_margen_ocr(paginas: list[Pagina]) -> None:
    """En las páginas escaneadas con una columna de notas al margen izquierdo (renglones que
    empiezan muy a la izquierda del margen del cuerpo, en al menos la mitad de las páginas), la
    nota que el OCR pegó al principio de un renglón del cuerpo se separa y va a `quitadas`, como
    las notas al margen de una capa de texto. La geometría estima dónde empieza el cuerpo; las
    palabras deciden el corte (`_corte_de_nota`)."""
    medidas = [_medidas_ocr(pagina) for pagina in paginas]
    # Si en otra página el cuerpo empieza donde irían las notas (párrafos a todo lo ancho en
    # unas páginas; en otras, una tabla cuyos incisos, más numerosos, dan el margen), esa franja
    # es del cuerpo: no hay columna de notas.
    margenes = [medida[0] for medida in medidas if medida]
    if margenes and max(margenes) - min(margenes) > ANCHO_MAXIMO_MARGEN * paginas[0].ancho / 2:
        return
    # La columna de notas al margen es angosta: lo que empieza mucho más a la izquierda del
    # margen del cuerpo es la columna de la izquierda de una página a dos columnas (donde la de
    # la derecha tiene más renglones largos y da el margen), no una nota.
    en_margen = [
        [
            x
            for x in pagina.lineas
            if medida
            and medida[0] - ANCHO_MAXIMO_MARGEN * pagina.ancho
            <= x.x0
            < medida[0] - _hasta_la_nota(x)
        ]
        for pagina, medida in zip(paginas, medidas, strict=True)
    ]
    con_notas = sum(bool(notas) for notas in en_margen)
    if con_notas < max(PAGINAS_MINIMAS_MARGEN, math.ceil(len(paginas) / 2)):
        return
    for pagina, medida, notas in zip(paginas, medidas, en_margen, strict=True):
        if not medida:
            continue
        margen, letras_por_punto = medida
        for linea in notas:
            corte = _corte_de_nota(linea, margen, letras_por_punto)
            nota = replace(linea, texto=linea.texto[:corte].rstrip(), x1=margen)
            pagina.quitadas.append(nota)
            linea.texto, linea.x0 = linea.texto[corte:], margen
        pagina.lineas = [x for x in pagina.lineas if x.texto.strip()]


def _hasta_la_nota(linea: Linea) -> float:
    return LETRAS_HASTA_LA_NOTA_OCR * linea.tamano


def _medidas_ocr(pagina: Pagina) -> tuple[float, float] | None:
    """El margen izquierdo del cuerpo de una página escaneada (la mediana del borde izquierdo de
    sus renglones largos) y cuántas letras caben en un punto de sus renglones."""
    largas = [
        x for x in pagina.lineas if x.ocr and x.x1 and len(x.texto) >= LARGO_RENGLON_DEL_CUERPO
    ]
    if not largas:
        return None
    margen = statistics.median(x.x0 for x in largas)
    cuerpo = [x for x in largas if abs(x.x0 - margen) < _hasta_la_nota(x) and x.x1 > x.x0]
    ancho = sum(x.x1 - x.x0 for x in cuerpo)
    return (margen, sum(len(x.texto) for x in cuerpo) / ancho) if ancho > 0 else None


def _corte_de_nota(linea: Linea, margen: float, letras_por_punto: float) -> int:
    """Dónde empieza el cuerpo en un renglón que empieza en la columna de notas: la estimación
    por el ancho de su parte en el cuerpo, llevada al principio de palabra más cercano; si otro
    principio de palabra cerca de ahí abre un encabezado, un cierre o un inciso («Área evaluada:
    Eficiencia | Procedimiento 4.- …», «Valoración de la ASE | En virtud de lo expuesto…»),
    ése. Un renglón que no llega al cuerpo es todo nota."""
    texto = linea.texto
    letras_en_cuerpo = ((linea.x1 or linea.x0) - margen) * letras_por_punto
    if letras_en_cuerpo < 1:
        return len(texto)
    estimado = len(texto) - letras_en_cuerpo
    inicios = [m.start() for m in re.finditer(r"(?<=\s)\S", texto)]
    if not inicios:
        return len(texto)
    holgura = max(HOLGURA_MINIMA_CORTE_NOTA, HOLGURA_CORTE_NOTA * letras_en_cuerpo)
    cercanos = [i for i in inicios if abs(i - estimado) <= holgura]
    fines = {i: fin for i in cercanos if (fin := _fin_de_estructura(texto[i:]))}
    if not fines:
        return min(inicios, key=lambda i: abs(i - estimado))
    corte = min(fines, key=lambda i: abs(i - estimado))
    # Una frase que empieza una palabra antes y llega más allá es la misma, más completa:
    # «Por lo anterior, las recomendaciones…», no «lo anterior, las recomendaciones…».
    while antes := [i for i in fines if i < corte and i + fines[i] > corte]:
        corte = min(antes)
    return corte


def _es_encabezado_del_informe(texto: str) -> bool:
    """¿Es el renglón, entero, un encabezado del informe («Recomendaciones.», «Procedimiento 6.»,
    «VIII. Dictamen»)? En un informe corto, el encabezado de un bloque arriba de dos páginas se
    repite a la misma altura (y el OCR hace parecidos «Recomendación.» y «Recomendaciones.»):
    sus palabras dicen que es del cuerpo, no un encabezado corrido."""
    buscador = reglas.encabezados()
    doc = buscador.doc(texto)
    return any(
        c.inicio == 0 and all(not t.text.strip(".:;-–—") for t in doc[c.fin :])
        for c in buscador.buscar(doc)
    )


def _fin_de_estructura(texto: str) -> int:
    """Dónde termina el encabezado, la frase de cierre o el número de inciso con que empieza el
    texto (0 si no empieza con ninguno)."""
    inciso = INCISO_AL_CORTE.match(texto)
    fines = [inciso.end()] if inciso else []
    for buscador in (reglas.encabezados(), reglas.cierres()):
        doc = buscador.doc(texto)
        fines.extend(
            doc[c.fin - 1].idx + len(doc[c.fin - 1].text)
            for c in buscador.buscar(doc)
            if c.inicio == 0
        )
    return max(fines, default=0)


def tamano_de_cuerpo(paginas: list[Pagina]) -> float:
    """El tamaño de letra más frecuente (redondeado a medio punto), pesado por la cantidad de
    texto."""
    conteo: Counter[float] = Counter()
    for pagina in paginas:
        for linea in pagina.lineas:
            conteo[round(linea.tamano * 2) / 2] += len(linea.texto)
    return conteo.most_common(1)[0][0] if conteo else 0.0


def quitar_notas_al_pie(
    paginas: list[Pagina], ajustes: AjustesDisposicion = AJUSTES_POR_OMISION
) -> list[Linea]:
    """Quita el bloque de letra chica al pie de cada página; lo devuelve aparte.

    En una página de OCR el tamaño de letra es aproximado (sale del alto de las palabras): ahí
    el bloque además debe empezar con su llamada ("1 El Instituto…")."""
    cuerpo = tamano_de_cuerpo(paginas)
    notas: list[Linea] = []
    chicas = [[x.texto for x in p.lineas if _es_nota(x, cuerpo, p, ajustes)] for p in paginas]
    for indice, pagina in enumerate(paginas):
        lineas = pagina.lineas
        corte = len(lineas)
        while corte > 0 and _es_nota(lineas[corte - 1], cuerpo, pagina, ajustes):
            corte -= 1
        otras = chicas[:indice] + chicas[indice + 1 :]
        if pagina.ocr and not _pie_legal_repetido(lineas[corte:], otras):
            inicio = corte
            while corte < len(lineas) and not LLAMADA_DE_NOTA_OCR.match(lineas[corte].texto):
                corte += 1
            corte = _inicio_del_bloque_de_notas(lineas, inicio, corte, pagina, ajustes)
            if corte == len(lineas) and _muy_chicas(lineas[inicio:], cuerpo):
                corte = inicio  # el OCR perdió la llamada, pero la letra es la de las notas
        if 0 < corte < len(lineas) and not _habla_del_informe(lineas[corte:]):
            notas.extend(lineas[corte:])
            pagina.lineas = lineas[:corte]
    return notas


def _habla_del_informe(bloque: list[Linea]) -> bool:
    """¿Dice el bloque de letra chica al pie lo que dice el cuerpo del informe (un veredicto,
    una cita de recomendación, un cierre)? Entonces no es una nota: el cierre de una
    justificación en letra un punto más chica, al pie de una página apaisada («Con los elementos
    aportados, la Auditoría Superior del Estado determina que no es factible el cierre…»), se
    perdía sin aviso. Las palabras deciden sobre la letra."""
    texto = " ".join(x.texto for x in bloque)
    for buscador in (reglas.estatus(), reglas.cierres()):
        if any(c.etiqueta in ETIQUETAS_DEL_CUERPO for c in buscador.buscar(buscador.doc(texto))):
            return True
    return False


def _muy_chicas(lineas: list[Linea], cuerpo: float) -> bool:
    """En un escaneo, el bloque al pie cuya llamada el OCR no leyó («La documentación que
    soporta la respuesta…», sin el «4» volado) es de notas si todas sus líneas van en letra
    claramente más chica que la del cuerpo (la de las notas mide dos tercios; un título en
    versalitas o una línea corta del cuerpo, que el OCR mide algo más chica, no tanto)."""
    return bool(lineas) and all(x.tamano < cuerpo * PROPORCION_NOTA_SIN_LLAMADA for x in lineas)


def _inicio_del_bloque_de_notas(
    lineas: list[Linea], inicio: int, corte: int, pagina: Pagina, ajustes: AjustesDisposicion
) -> int:
    """En un escaneo, la primera nota puede haber perdido su llamada («El ILPES es…» y luego
    «2 El Programa Anual…»): las líneas de letra chica justo arriba de la primera llamada van
    con ella si las separa el interlineado apretado de las notas (menos que el del cuerpo de la
    página), no el de un párrafo del cuerpo."""
    if corte >= len(lineas):
        return corte
    pasos = [b.top - a.top for a, b in zip(lineas, lineas[1:], strict=False) if b.top > a.top]
    interlineado = medir_pasos(pasos, ajustes).interlineado
    while (
        corte > inicio
        and 0 < lineas[corte].top - lineas[corte - 1].top < PASO_ENTRE_NOTAS * interlineado
    ):
        corte -= 1
    return corte


def _pie_legal_repetido(bloque: list[Linea], otras: list[list[str]]) -> bool:
    """En un escaneo, el bloque de letra chica al pie que empieza igual que el de otra página
    («La información contenida en este Informe Individual se emite con fundamento…») es un pie
    legal, aunque no empiece con llamada de nota."""
    if not bloque:
        return False
    clave = _clave(bloque[0].texto)
    return any(
        fuzz.ratio(_clave(texto), clave) >= SIMILITUD_ENCABEZADO
        for textos in otras
        for texto in textos
    )


def _es_nota(linea: Linea, cuerpo: float, pagina: Pagina, ajustes: AjustesDisposicion) -> bool:
    proporcion = ajustes.proporcion_nota_ocr if pagina.ocr else ajustes.proporcion_nota
    return cuerpo > 0 and linea.tamano < cuerpo * proporcion and linea.top > pagina.alto * 0.5


def marcar_parrafos(
    paginas: list[Pagina], ajustes: AjustesDisposicion = AJUSTES_POR_OMISION
) -> None:
    """Marca las líneas que empiezan párrafo por el espacio vertical que las precede, con el
    corte entre interlineado y párrafo medido en cada página."""
    for pagina in paginas:
        lineas = pagina.lineas
        pasos = [b.top - a.top for a, b in zip(lineas, lineas[1:], strict=False) if b.top > a.top]
        medida = medir_pasos(pasos, ajustes)
        for indice, linea in enumerate(lineas):
            linea.parrafo = (
                indice == 0 or linea.top - lineas[indice - 1].top > medida.umbral_parrafo
            )


def renglones_al_reves(lineas: list[Linea]) -> list[str]:
    """En un escaneo girado, el OCR puede partir un renglón y dejar su final antes que su
    principio («lineamientos de operación…, sin embargo,» y luego «7 .- Presenta 11»): el texto
    de ahí queda revuelto sin que las palabras de los incisos lo noten. Lo delata una línea que
    sigue una oración (empieza con minúscula) y empieza a la derecha de la mitad de la línea
    siguiente, que empieza más a la izquierda. Devuelve una oración por cada caso (el documento
    queda `parcial`). Si el principio del renglón ya vino antes, en el mismo renglón y a su
    izquierda («3 .- No se aprecia las fic» y luego «chas técnicas…»), el orden está bien; y si
    la línea siguiente empieza más abajo de lo que un giro separa los dos trozos de un renglón
    (el último renglón de la columna de la derecha y el título a todo lo ancho que sigue a las
    columnas, «VII. Observaciones…»), también."""
    avisos = []
    for previa, a, b in zip([None, *lineas], lineas, lineas[1:], strict=False):
        if not (a.ocr and b.ocr and a.pagina == b.pagina and a.texto[:1].islower()):
            continue
        if previa is not None and _principio_del_mismo_renglon(previa, a):
            continue
        if sum(c.isalnum() for c in a.texto) <= LETRAS_DE_UN_RESIDUO:
            continue  # una mota leída como letra («ó»), no el final de un renglón
        if b.top - a.top > RENGLONES_DE_UN_GIRO * max(a.alto, b.alto):
            continue  # más abajo que lo que sube un renglón girado: lo que sigue a una columna
        if b.x0 < a.x0 and a.x0 > _centro(b):
            avisos.append(
                f"En la página {a.pagina} el OCR partió un renglón y dejó su final "
                f"(«{a.texto[:40]}…») antes de su principio («{b.texto[:40]}…»): el texto de "
                "ahí puede estar revuelto."
            )
    return avisos


def _principio_del_mismo_renglon(previa: Linea, linea: Linea) -> bool:
    """¿Es `previa` el principio del renglón de `linea`: en la misma página, a la misma altura
    (menos de medio renglón) y terminando antes de donde `linea` empieza (con la holgura de una
    letra)?"""
    fin = previa.x1 if previa.x1 is not None else previa.x0
    return (
        previa.pagina == linea.pagina
        and abs(previa.top - linea.top) < max(linea.alto, linea.tamano) / 2
        and fin <= linea.x0 + linea.tamano
    )


def limpiar(
    paginas: list[Pagina], ajustes: AjustesDisposicion = AJUSTES_POR_OMISION
) -> list[Linea]:
    """Aplica toda la limpieza y devuelve las líneas del cuerpo, en orden."""
    for pagina in paginas:
        for linea in pagina.lineas:
            if linea.ocr:
                linea.texto = quitar_ruido_ocr(linea.texto)
        pagina.lineas = [linea for linea in pagina.lineas if linea.texto.strip()]
    quitar_encabezados_y_pies(paginas, ajustes)
    quitar_indice(paginas)
    if any(pagina.ocr for pagina in paginas):
        separar_notas_al_margen_ocr(paginas)
    quitar_notas_al_margen(paginas)
    quitar_notas_al_pie(paginas, ajustes)
    marcar_parrafos(paginas, ajustes)
    return [linea for pagina in paginas for linea in pagina.lineas]
