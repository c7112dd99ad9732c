"""Segmentación de un informe de desempeño: secciones I–VIII, procedimientos y sus bloques.

Los encabezados se reconocen con las reglas de spaCy de `modelos/reglas/encabezados.jsonl`; los
incisos numerados con `NUMERACION`. Nunca lanza excepciones con texto arbitrario: lo que no
reconoce queda fuera de los procedimientos.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from extractores import estatus, reglas
from extractores.catalogos import areas, ordinales
from extractores.disposicion import AJUSTES_POR_OMISION, AjustesDisposicion, tolerancia_sangria
from extractores.texto import ROMANO, espacios, oraciones, romano_a_entero
from modelos.registros import Item, Linea


def _sin_acentos_opcionales(palabra: str) -> str:
    """«unica» -> «[uú]n[ií]c[aá]»: la palabra normalizada del catálogo, con o sin acentos."""
    vocales = {"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uú]"}
    return "".join(vocales.get(c, c) for c in palabra)


# Los ordinales que numeran incisos (`modelos/catalogos/ordinales.csv`, sin los apocopados
# «primer», «tercer»), en mayúsculas o minúsculas y con acentos opcionales: «ÚNICA», «Primera».
ORDINAL_DE_INCISO = "(?i:{})".format(
    "|".join(_sin_acentos_opcionales(p) for p in ordinales().palabras() if not p.endswith("r"))
)

# "1. De acuerdo al resultado", "1.- Formalizar", "2) Reforzar", "3.-Atender", "4 .- Identificar",
# "a) Diseñar el diagnóstico", "b.- Implementar un manual" (como sale de LibreOffice), "(3)
# Presentar", "IV. No presenta el árbol de problemas",
# "3.2 Elaborar el diagnóstico" (subnumerado por procedimiento: es el 2) (no "54.28 puntos" ni
# "1.5 millones": tras el punto no puede seguir un dígito salvo el del subnúmero, que va seguido
# de mayúscula; tras el romano, un espacio).
# Y como las numeran otros procesadores de texto y otros auditores: "1.– Diseñar" (raya),
# "1° Diseñar", "2º.- Elaborar", "A) Diseñar", "b. Implementar", "ii) Documentar", y con su
# nombre: "R1. Diseñar", "R-2 Elaborar", "Recomendación 3: Integrar", "Resultado 2.- No
# presenta", "Hallazgo 1. No cuenta", "Recomendación No. 4: Elaborar", "OBSERVACIÓN NÚM. 2.-
# Carece", "ASM-01 Elaborar" (aspecto susceptible de mejora; tras la palabra, el número va
# seguido de mayúscula). Con dos cifras y sin signo, como en un formato controlado: "01 Cuenta
# con un diagrama…", "12 No presenta…" (seguido de una palabra con mayúscula inicial). Y con su
# ordinal en palabras, como los puntos de una resolución: "PRIMERA.- Elaborar", "Segunda.
# Diseñar", "TERCERA: Integrar", "ÚNICA.- Establecer", "PRIMERO.- No presenta"
# (`ORDINAL_DE_INCISO`). El número como ordinal abreviado: "1.ª Establecer un análisis FODA…",
# "2º Presenta…".
NUMERACION = re.compile(
    rf"^\s*(?:(?=[A-ZÁÉÍÓÚ])(?P<ordinal>{ORDINAL_DE_INCISO})(?:\.?\.-|\.|:|\s?[–—])(?=\s+[A-ZÁÉÍÓÚÑ])"
    r"|\(?(?P<numero>\d{1,2})\s*(?:[°ºª]\s*)?(?:\.[ªº°]|\.-|\.\)|\.?\s?[–—]|\.|\)|-|(?<=[°ºª])(?=\s))"
    r"|\(?(?P<letra>[a-h])(?:\)|\.-|\.(?=\s+[A-ZÁÉÍÓÚÑ]))|(?P<letra_mayuscula>[A-H])\)"
    rf"|(?P<romano>{ROMANO})(?:\.-|\.|\))(?=\s)"
    r"|\(?(?P<romano_minusculo>(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))\)(?=\s)"
    r"|(?:R|Rec\.|Recomendaci[oó]n|RECOMENDACI[OÓ]N|Resultado|RESULTADO|Justificaci[oó]n"
    r"|Hallazgo|HALLAZGO|Observaci[oó]n|OBSERVACI[OÓ]N|ASM)"
    r"(?:\s(?:No|NO|N[uú]m|N[UÚ]M|N[uú]mero|N[UÚ]MERO|N[°º])\.?)?\s?[-.]?\s?"
    r"(?:\d{4}-[A-Z]{2,5}-\d{2,3}-\d{2}-0{0,2})?(?P<nombrado>\d{1,2})"
    r"(?:\.-|:|\.|\)|-|\s?[–—])?(?=\s+[A-ZÁÉÍÓÚÑ])"
    r"|(?P<padre>\d{1,2})\.(?P<sub>\d{1,2})(?:\.-|\.|\)|-)?(?=\s+[A-ZÁÉÍÓÚÑ])"
    r"|(?P<cifras>0[1-9]|[1-9]\d)(?=\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñ]))\s*(?=[^\d\s])"
)
# El número de un inciso mal leído por OCR: "S.- Elaborar" (5), "l. Diseñar" (1), "B) Presenta" (8);
# el «°» de «1°» leído como otro signo: "1* El ente público presenta…", "3” El ente…", "1? El…";
# también tras la clave de la recomendación: "R-S. Documentar el diagnóstico…" (R-5), y tras la
# etiqueta con la mayúscula que sigue leída como minúscula: "Recomendación 6. implementar…".
NUMERACION_OCR = re.compile(
    r"^\s*(?:R\s?-\s?|Recomendaci[oó]n\s)?(?P<ocr>[0-9SsIl|OoBZzGg]{1,2})\s*(?:\.-|\.\)|\.|\)|-|,|:|[*”“\"’'?](?=\s))"
    r"\s*(?=[^\d\s])"
)
# El número de un inciso «4°» cuyo «°» el OCR no leyó: «4 En atención a la recomendación…»
# (sólo cuenta si es el que sigue).
NUMERO_SOLO_OCR = re.compile(r"^\s*(?P<ocr>\d{1,2})\s+(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ])")
# Un subnúmero de inciso con la coma por punto en un escaneo: «4,4 Integrar el árbol…».
SUBNUMERO_OCR = re.compile(
    r"^\s*(?P<padre>\d{1,2})\s?[,.]\s?(?P<sub>\d{1,2})[.,)-]?\s+(?=[A-ZÁÉÍÓÚÑ])"
)
# Una viñeta en lugar del número, en una lista sin números: "• Diseñar el diagnóstico del Pp",
# "▪ Elaborar las fichas técnicas", "– Integrar el árbol de problemas". Cada una abre un inciso,
# numerado por su orden.
VINETA = re.compile(r"^\s*[•●▪■◦○◆➢➤✓\uf0b7\uf0a7*–—-]\s+(?=[A-ZÁÉÍÓÚÑ])")
# La raya de una viñeta escaneada que el OCR leyó como signo igual: "= El programa no cuenta…",
# "=- Cuenta con un diagrama de flujo…" (sólo en líneas de OCR).
VINETA_OCR = re.compile(r"^\s*(?:=-?|-=)\s+(?=[A-ZÁÉÍÓÚÑ])")
# Un renglón en mayúsculas con al menos tantas letras es un título.
LETRAS_MINIMAS_TITULO = 4
# Lo que queda de un número de inciso ilegible antes de una palabra con mayúscula: "Ze ", "Z. ",
# sólo su guion: "- Integrar el árbol…" (por "7.- Integrar…"), o en una tabla sólo el borde de
# su celda o una mota: "[ Cuenta con un diagrama…", "+ Presenta la matriz…" (por "2 Cuenta…").
NUMERO_ILEGIBLE_OCR = re.compile(
    r"^\s*(?:[^\sA-Za-zÁÉÍÓÚÑáéíóúñ]?(?P<token>[A-Za-z0-9|!$]{1,2})(?P<signo>[.,:)-])?|\.?[-—–]"
    r"|[^\w\s¿¡«“\"(])\s+"
    r"(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ])"
)
# Un número o letra de inciso tras un residuo de OCR (una mota, una letra suelta): «¡ 8. No se
# aprecia…», «y d) Documentar…». Cuenta sólo si es el que sigue y abre oración.
NUMERACION_TRAS_RESIDUO = re.compile(
    r"^\s*(?:[^\w\s(]{1,2}|[a-zñ])\s+(?:\(?(?P<numero>\d{1,2})\s*(?:\.-|\.\)|\.|\)|-)|"
    r"\(?(?P<letra>[a-h])\))\s*(?=[^\d\s])"
)
# Un número de inciso sin su punto en un escaneo, antes de una palabra con mayúscula: «3 No se
# aprecia la matriz…». Cuenta sólo si es el que sigue y abre oración.
NUMERO_SIN_PUNTO_OCR = re.compile(r"^\s*(?P<numero>\d{1,2})\s+(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ])")
# Un número romano de inciso mal leído por OCR, hecho de trazos: «IL.», «Il», «ll», «11» o «H»
# por «II»; «HI.» o «TIL» por «III»; «VIL» por «VII»; «VIIL» por «VIII»; «L.» o «[.» por «I».
# Cuenta sólo si es el que sigue, en un bloque numerado con romanos (ver `_romano_ocr`).
ROMANO_OCR = re.compile(
    r"^\s*(?P<trazos>[IVXlLH|!\[\]T1]{1,5})\s*(?P<signo>\.-|\.|\)|,|:)?\s+(?=[A-ZÁÉÍÓÚÑ])"
)
TRAZOS_OCR = str.maketrans(
    {"l": "I", "L": "I", "|": "I", "!": "I", "[": "I", "]": "I", "T": "I", "1": "I", "H": "II"}
)
# Una letra de inciso mal leída por OCR: «€) No se aprecia…», «z) Integrar…»; con punto y
# guion, en mayúscula o como dígito: «C.- Integrar…» (c.-), «9.- Presenta…» (g.-).
LETRA_OCR = re.compile(
    r"^\s*\(?[^\s\d(]{0,2}\)\s*(?=[^\d\s])|^\s*\(?\d\)\s*(?=[^\d\s])"
    r"|^\s*[^\s(]{1,2}\.-\s*(?=[^\d\s])"
)
# Un renglón de OCR con tan pocas letras es un residuo (de un encabezado, de una mota).
RESIDUO_OCR = 4
# Cuántos números de inciso seguidos puede perder el OCR antes de no intentar recuperarlos.
MAXIMO_PERDIDOS_OCR = 3
# Un encabezado de bloque ilegible («COM paliasd» por «RECOMENDACIONES») no pasa de tantas palabras.
PALABRAS_ENCABEZADO_ILEGIBLE = 3
# Cómo se explica un número de inciso que no es el que sigue (ver `_salto`).
PERDIDOS, MAL_LEIDO, DUDOSO = "perdidos", "mal leído", "dudoso"
# Palabras cortas que empiezan una oración de verdad (no son un número ilegible).
PALABRAS_CORTAS = {"el", "la", "lo", "al", "de", "en", "se", "su", "un", "y", "a", "o", "e", "no"}
DIGITOS_OCR = str.maketrans("SsIl|OoBZzGg", "551110082269")
# Un bloque que dice que no hay incisos: "No se emitieron recomendaciones.", "Sin resultados.",
# "La entidad fiscalizada no presentó justificación ni documentación respecto de lo señalado…",
# "Sin respuesta de la entidad fiscalizada para este procedimiento."
SIN_INCISOS = re.compile(
    r"^\s*(?:no\s+se\s+(?:emiten|emitieron|emite|emitió|determinaron|formularon|identificaron|"
    r"presentan?|presentó|recibió|recibieron)\b|sin\s+(?:recomendaciones|resultados|"
    r"justificaci[oó]n|respuesta)|ningun[oa]\b|no\s+aplica\b|n/a\b"
    r"|(?:el|la|los|las)\s+(?:entidad|ente|entes|dependencia|municipio|organismo|sujeto)\s+"
    r"(?:\w+\s+)?no\s+(?:present|remiti|proporcion|entreg|envi)[óo]\s+"
    r"(?:justificaci[oó]n|respuesta|aclaraci[oó]n|documentaci[oó]n)\b)",
    re.IGNORECASE,
)
# Palabras con que acaba un renglón cuya oración sigue en el siguiente.
CONECTORES_FINALES = frozenset(
    {"de", "del", "la", "las", "el", "los", "y", "e", "o", "u", "en", "por", "para", "con", "a",
     "al", "que", "se", "su", "sus", "un", "una", "como", "según", "sin", "sobre", "entre"}
)  # fmt: skip
# Una línea que termina oración: "...con sustento en la evidencia exhibida."
FIN_DE_ORACION = re.compile(r"[.:;]\s*$")
# Basura de OCR donde iba el número del primer inciso: "hs Formalizar un Programa..."
BASURA_INICIAL = re.compile(r"^\W{0,2}[a-zñ!|]{1,2}\W?\s+(?=[A-ZÁÉÍÓÚÑ])")
# Palabra partida con guion al final de la línea: "instrumen-" + "tos".
GUION_FINAL = re.compile(r"(?<=[a-záéíóúñ])-$")
# Un rango o una ruta partidos al final de la línea: "(2016-" + "2022)", "y/" + "o".
UNION_SIN_ESPACIO = re.compile(r"(?<=\d)-$|(?<=\S)/$")
# El numeral de una sección ("VI.", "VIII.-"; el OCR lee «I» como «1», «l», «!», «|» o «T», e
# «II» como «M», «N» o «H»: "VIM. Dictamen", "VIT. Observaciones, Recomendaciones y…").
NUMERAL_ROMANO = re.compile(r"^[ivxlmnhtu1!|]{1,5}[.)-]{0,2}$")
# El numeral arábigo de una sección ("7. Observaciones, Recomendaciones y Acciones Promovidas"):
# cuenta sólo si es el de la sección que nombran las palabras (un «3. Objetivo» no es el 7).
NUMERAL_ARABIGO = re.compile(r"^(?P<numero>[1-8])[.)-]{0,2}$")
# La letra de una sección, como en un formato controlado: "F. Procedimientos de Auditoría
# Aplicados, …", "C. Objetivo" (la A es la I): cuenta sólo si es la de la sección que nombran
# las palabras, como el arábigo. (La «H.» también es un romano mal leído: la decide él.)
NUMERAL_LETRA = re.compile(r"^(?P<letra>[a-h])[.)-]{1,2}$")
# Un número de procedimiento que el OCR no dejó leer («Procedimiento $.»): es el que sigue.
NUMERO_ILEGIBLE = "?"
# Una mota leída como letra antes de la frase de cierre escaneada: «í En virtud de lo expuesto…»
RESIDUO_ANTES_DE_CIERRE = re.compile(r"^\s*[^\sA-ZÁÉÍÓÚÑ]{1,2}\s+(?=[A-ZÁÉÍÓÚÑ])")
# Reglas del cierre que no dejan duda aunque la oración empiece a media línea: «La recomendación
# mencionada en el apartado de justificación…», «Las recomendaciones señaladas se consideran…».
CIERRES_INCONFUNDIBLES = frozenset(
    {
        "mencionada-en-el-apartado",
        "en-el-apartado-de-justificacion",
        "mencionada-se-considera",
        "conector-recomendacion-se-considera",
        "recomendaciones-se-consideran",
        # «Por lo anterior, esta Auditoría Superior determina que la recomendación…», «Analizada
        # la documentación presentada, la recomendación aludida…», «Con la evidencia remitida por
        # la entidad fiscalizada, se da por atendida…», «La evidencia remitida por la entidad
        # fiscalizada resulta insuficiente, por lo que…».
        "auditoria-determina-que",
        # «En virtud de lo expuesto, se determina que la recomendación…», «…la ASE concluye que
        # las recomendaciones…».
        "se-determina-que",
        "ase-determina-que",
        "analizada-la-documentacion",
        "con-la-evidencia-se-da-por",
        "evidencia-resulta-insuficiente",
    }
)
# Un párrafo que habla de las recomendaciones en general: "…determina que las recomendaciones
# referidas en la justificación han sido atendidas", "se tienen por solventadas las recomendaciones"
# (o de la única: "no se tiene por solventada la recomendación objeto de la justificación", o con
# una oración de relativo: "lo señalado en la recomendación que aborda su justificación", "el
# cierre de la recomendación a la que se contrae la respuesta de la entidad").
HABLA_DE_LAS_RECOMENDACIONES = re.compile(
    r"\b(?:(?:las|estas|dichas|tales)\s+recomendaciones|la\s+recomendaci[oó]n\s+(?:referida|"
    r"mencionada|señalada|citada|objeto|emitida|que|a\s+la\s+que|a\s+que))\b",
    re.IGNORECASE,
)
# Un párrafo en letra más chica que el inciso (por tanto) es otro párrafo: el cierre de un Word
# con su propio estilo, en letra un punto más chica y sangrado.
LETRA_MAS_CHICA = 0.5
# Un inciso que mide más de tantas veces la mediana de sus hermanos (y al menos tantos
# caracteres) probablemente se tragó a otro: la estructura es dudosa.
VECES_MAS_LARGO = 10
LARGO_MINIMO_SOSPECHOSO = 300
# Una regla de encabezado sin numeral romano debe cubrir la línea salvo esta puntuación.
PUNTUACION_FINAL = set(".:;-)·•,")
# Puntuación de dos signos pegada al final de un encabezado: "JUSTIFICACIÓN DE LA ENTIDAD
# FISCALIZADA.-", "RESULTADOS OBTENIDOS:-"
PUNTUACION_PEGADA = re.compile(r"(\w)([.:;,]-)\s*$")
# Residuo de OCR tras un encabezado de bloque (motas leídas como letras): «Resultados. Í»,
# «RECOMENDACIONES. Ñ Ú», «JUSTIFICACIÓN. Ae 5», «Recomendaciones. 0», «Justificación j».
# Las palabras con que acaban los títulos de bloque, que el OCR puede leer a medias («Resultados
# de la rev ón»): lo que sigue al título se parece a una de ellas al menos tanto (0-100).
FINALES_DE_BLOQUE = ("revisión", "procedimiento", "auditoría", "análisis", "entidad",
                     "fiscalizada", "justificación", "desempeño")  # fmt: skip
SIMILITUD_PALABRA_MUTILADA = 70
RESIDUO_TRAS_ENCABEZADO = re.compile(r"^[.:;,-]*\s*(?P<residuo>(?:\S{1,3}\s*){1,3})$")
# Cantidad máxima de tokens de un encabezado de sección que no cubre toda la línea.
TOKENS_MINIMOS_ENCABEZADO_PARCIAL = 3

# Un título de bloque pegado dentro de un inciso cuenta desde tantas palabras («Posicionamiento
# de la entidad fiscalizada», «Respuesta del ente auditado»; no «Resultados»).
PALABRAS_DE_TITULO_DENTRO = 3
# Una palabra de verdad, no basura del OCR: cuatro letras seguidas o más («pleca», no «A a —_——»).
PALABRA_DE_VERDAD = re.compile(r"[^\W\d_]{4,}")
# Un renglón de encabezado partido en dos no pasa de tantos caracteres.
LARGO_MAXIMO_RENGLON_DE_ENCABEZADO = 60
# Un título de sección que acaba en preposición o conjunción sigue en el renglón de abajo:
# «F. Procedimientos de Auditoría Aplicados, Resultados y Recomendaciones de» (+ «Aspectos…»).
TITULO_INCONCLUSO = re.compile(r"\b(?:de|del|y|e|a|al|la|las|los|el|en|para|con|por)\s*$", re.I)
# El renglón que sigue a un título a medias lleva su misma letra (fracción del tamaño).
TOLERANCIA_TAMANO_TITULO = 0.1
# La regla del encabezado de procedimiento en una fila de tabla, con el área en la misma fila:
# «Procedimiento 3 Área evaluada Diseño» (lo que sigue al número es el área).
# El rótulo de una sección con su ordinal en palabras, en un renglón propio sobre el título:
# «APARTADO SEXTO» (+ «Procedimientos de auditoría aplicados, resultados y…»), «Capítulo
# tercero». El ordinal se lee con el catálogo (`modelos/catalogos/ordinales.csv`).
RUBRO_CON_ORDINAL = re.compile(
    r"^\s*(?:apartado|cap[ií]tulo|secci[oó]n|t[ií]tulo)\s+(?P<ordinal>[^\W\d_]+(?:\s+[^\W\d_]+)?)"
    r"\s*[.:]?\s*$",
    re.IGNORECASE,
)
# Un rótulo de bloque pegado a su inciso tiene a lo más tantas palabras («Respuesta de la
# entidad fiscalizada»).
PALABRAS_MAXIMAS_ROTULO = 5
# ...y el renglón que le sigue empieza al menos tantas letras a su derecha (en la columna de los
# incisos de la tabla).
SANGRIA_COLUMNA_DE_INCISOS = 6
PROCEDIMIENTO_EN_TABLA = "procedimiento-area-evaluada"
# «PROCEDIMIENTO 3 DE 9 Cobertura y Focalización»: el número, el total y el área en la franja.
PROCEDIMIENTO_DE_TOTAL = "procedimiento-de-total"
# «PROCEDIMIENTO III»: el número en romanos.
PROCEDIMIENTO_ROMANO = "procedimiento-romano"
# «PROCEDIMIENTO Ill — OPERACIÓN»: el romano escaneado, con trazos leídos como «l», «|», «1».
PROCEDIMIENTO_ROMANO_OCR = "procedimiento-romano-ocr"
TRAZOS_ROMANO_OCR = str.maketrans({"l": "i", "|": "i", "!": "i", "1": "i"})
# «Tercer procedimiento: Cobertura y Focalización», «Procedimiento décimo primero»: el número
# en palabras (`modelos/catalogos/ordinales.csv`).
PROCEDIMIENTO_ORDINAL = frozenset({"ordinal-y-procedimiento", "procedimiento-y-ordinal"})
# La etiqueta de una recomendación en su renglón, sin encabezado de bloque antes:
# «Recomendación 1. Elaborar evidencia documental del presupuesto aprobado y ejercido.»
# (también «Recomendación 1.- Diseñar…», «Recomendación No. 1: Integrar…», «Rec. 1 – Elaborar…»).
# Con la clave de expediente (ejercicio, siglas, auditoría, procedimiento y orden), ya unida al
# renglón de su texto (`_etiquetas_con_clave`): «Recomendación 2021-AED-091-03-002 Elaborar…»
# (la 2: el orden es la última cifra).
ETIQUETA_DE_RECOMENDACION = re.compile(
    r"^\s*(?:[Rr]ecomendaci[oó]n|RECOMENDACI[OÓ]N|Rec\.)\s?(?:No\.?\s?|N[°º]\s?)?"
    r"(?P<clave>\d{4}-[A-Z]{2,5}-\d{2,3}-\d{2}-0{0,2})?(?P<numero>\d{1,2})"
    r"(?(clave)\s+|\s?(?:\.-|[.:)-]|[–—])\s*)(?=[A-ZÁÉÍÓÚÑ])"
)
# El rótulo de una recomendación con su clave de expediente, solo en su renglón (en negritas,
# el texto debajo, sangrado): «Recomendación 2021-AED-091-03-002».
RECOMENDACION_CON_CLAVE = re.compile(
    r"^\s*(?:Recomendaci[oó]n|RECOMENDACI[OÓ]N)\s+\d{4}-[A-Z]{2,5}-\d{2,3}-\d{2}-\d{3}\s*$"
)
# En un escaneo, la mayúscula tras la etiqueta leída como minúscula: «Recomendación 1. integrar…».
ETIQUETA_DE_RECOMENDACION_OCR = re.compile(
    ETIQUETA_DE_RECOMENDACION.pattern.replace("(?=[A-ZÁÉÍÓÚÑ])", "(?=[A-ZÁÉÍÓÚÑa-záéíóúñ])")
)
# El área tras la raya del encabezado del procedimiento: «PROCEDIMIENTO III – DISEÑO» (también
# con raya larga o guion: «Procedimiento 4 — Eficiencia», «PROCEDIMIENTO II - ECONOMÍA», o tras
# dos puntos: «Tercer procedimiento: Cobertura y Focalización»; sólo si es un área del catálogo
# o un título en mayúsculas, `_es_nombre_de_area`).
# «6.3 Cobertura y Focalización»: dentro de la sección 6 (VI), una subsección numerada con el área
# y sin la palabra «Procedimiento» es el procedimiento 3 (un Word con secciones en arábigos).
SUBSECCION = re.compile(
    r"^(?P<seccion>\d{1,2})\.(?P<numero>\d{1,2})\.?\s+(?P<area>[A-ZÁÉÍÓÚÑ][^.:;]*?)\s*$"
)
# Un título de subsección, si el área no es del catálogo: pocas palabras, sin punto final.
PALABRAS_MAXIMAS_SUBSECCION = 8
AREA_TRAS_RAYA = re.compile(r"^[–—:-]\s*(?P<area>[^\W\d_][^.:;]*?)\s*\.?$")
# «Valoración de la justificación:», «Conclusión:»: lo que sigue es el cierre del procedimiento.
BLOQUE_VALORACION = "valoracion"
# "Área evaluada Planeación y Orientación a Resultados" (el resto de esa fila)
AREA_EVALUADA = re.compile(
    r"^[ÁA]rea\s+(?:evaluada|revisada|auditada)\s*[:|]?\s+(?P<area>\S.*?)\s*$", re.IGNORECASE
)
# La fila de títulos de una tabla de incisos, que se repite al partirse la tabla entre páginas:
# "No. Resultado", "No. Recomendación", "Núm. Recomendaciones"; escaneada, con el borde de la
# celda y una mota: "No. | Recomendación 1]"
FILA_DE_TITULOS = re.compile(
    r"^\s*(?:no|n[úu]m|n[°º])[.,]?\s*\|?\s+(?:resultados?|recomendaci[oó]n(?:es)?|"
    r"justificaci[oó]n(?:es)?)(?:\s+[^\w\s]?\w?[^\w\s]?)?\s*$",
    re.IGNORECASE,
)
# La misma fila escaneada con más basura del OCR alrededor (una mota o un borde antes, hasta dos
# pedazos de borde o de sombra después) o sin el «No.», que el OCR no leyó: «Í No. Recomendación»,
# «No. | Recomendación MN», «No. Resultado 17]», «E Recomendación _ 7]». Sólo cuenta al empezar
# el bloque o la página (donde va la fila de títulos de la tabla).
FILA_DE_TITULOS_OCR = re.compile(
    r"^\s*(?:[^\w\s]{1,2}\s*|[^\W\d_]\s+)?(?:(?:no|n[úu]m|n[°º])[.,]?\s*\|?\s+)?"
    r"(?:resultados?|recomendaci[oó]n(?:es)?|justificaci[oó]n(?:es)?)"
    r"(?:\s+[^\s]{1,3}){0,2}\s*$",
    re.IGNORECASE,
)
# El número de inciso en su propia celda, sin punto, antes del texto de la fila: «2 Diseñar el
# Árbol de Problemas…» (sólo en un bloque con fila de títulos, y si es el que sigue); escaneado,
# con el borde de la celda: «[ 6 Implementar…», «5] Presenta…», «3 | Presenta…».
NUMERO_EN_CELDA = re.compile(r"^\s*[\[|(]?\s*(?P<numero>\d{1,2})\s?[\]|)]?\s+(?=[^\W\d_])")
# El encabezado corrido del cierre, en la misma línea: "Conclusión: La evidencia remitida por la
# entidad fiscalizada resulta insuficiente, por lo que la recomendación…"
CONCLUSION_EN_LINEA = re.compile(r"^\s*Conclusi[oó]n(?:es)?\s*[:.-]+\s*(?=\S)", re.IGNORECASE)
# Un párrafo que cita su recomendación en la frase inicial: "En relación con la recomendación 2,
# el ente público presenta…" (la frase inicial llega hasta la primera coma).
LARGO_MAXIMO_FRASE_DE_CITA = 80
# Un párrafo de justificación que dice lo que presentó el ente, sin citar número: "El ente público
# presenta el árbol de problemas…", "La entidad fiscalizada remitió el diagrama de flujo…"
ABRE_JUSTIFICACION = re.compile(
    r"^\s*(?:El|La)\s+(?:ente|entidad|dependencia|municipio|organismo)\b[^.;]{0,40}?\b"
    r"(?:presenta|present[óo]|remite|remiti[óo]|exhibe|exhibi[óo]|entrega|entreg[óo])\b"
)
# Un paso entre renglones mayor que tantas veces el tamaño de la letra separa párrafos (un
# renglón dentro del párrafo queda a 1.2–1.45 veces; entre párrafos, a 1.8–2).
PASO_DE_PARRAFO = 1.65
# Los bloques que van antes de la justificación en cada procedimiento.
BLOQUES_ANTES_DE_LA_JUSTIFICACION = ("resultados", "recomendaciones")
# Así empieza la descripción de un procedimiento: «Análisis de la Economía en el ejercicio del
# gasto…», «Evaluación de la Eficacia…», «Identificación y análisis de la Cobertura…».
DESCRIPCION_DE_PROCEDIMIENTO = re.compile(
    r"^\s*(?:An[aá]lisis|Evaluaci[oó]n|Identificaci[oó]n|Revisi[oó]n|Medici[oó]n)\s+"
    r"(?:y\s+\w+\s+)?(?:de|del)\b"
)
# El título de un anexo, solo en su renglón: «ANEXO ÚNICO», «Anexo 1», «ANEXO I», «ANEXO A». Tras
# las secciones VII y VIII, sin procedimientos leídos, vuelve a abrir la de procedimientos (el
# cuerpo sólo dice que están en el anexo).
ANEXO = re.compile(
    r"^\s*ANEXO(?:\s+(?:[ÚU]NICO|\d{1,2}|[IVX]{1,4}|[A-H]))?\s*\.?\s*$", re.IGNORECASE
)
# El número de una sección en un cuadro de color leído por el OCR como una o dos letras o signos
# sueltos antes del título en mayúsculas: «E OBJETIVO DE LA AUDITORÍA», «El CRITERIOS DE
# SELECCIÓN», «o SERVIDORES PÚBLICOS QUE INTERVINIERON EN LA AUDITORÍA».
NUMERAL_ILEGIBLE_DE_SECCION = re.compile(r"^\s*(?:[^\w\s]{1,2}|[^\W\d_]{1,2})\s+(?=[A-ZÁÉÍÓÚÑ]{3})")
# Renglones en que debe llegar la respuesta del ente tras una valoración que va antes de ella.
RENGLONES_MAXIMOS_VALORACION = 12
# Renglones hacia atrás en que puede empezar la frase que presenta un bloque.
RENGLONES_MAXIMOS_FRASE = 3
# Por omisión, las del formato de la ASE Tamaulipas (cada formato da las suyas).
SECCION_PROCEDIMIENTOS = 6
SECCION_OBSERVACIONES = 7


@dataclass(slots=True)
class Encabezado:
    etiqueta: str  # SECCION, PROCEDIMIENTO, BLOQUE
    valor: str  # número de sección, número de procedimiento o nombre del bloque
    resto: str  # texto de la línea después del encabezado (puede ser contenido)
    area: str = ""  # el área tras una raya en el encabezado del procedimiento (`AREA_TRAS_RAYA`)


@dataclass(slots=True)
class Bloque:
    tipo: str
    lineas: list[Linea] = field(default_factory=list)


@dataclass(slots=True)
class ProcedimientoCrudo:
    numero: int
    pagina: int
    descripcion: list[Linea] = field(default_factory=list)
    bloques: list[Bloque] = field(default_factory=list)
    # Para el invariante: cada línea limpia que cayó en el procedimiento (con sus encabezados)
    # y el texto de los encabezados que no pasó a ningún bloque.
    fuente: list[Linea] = field(default_factory=list)
    consumido: list[str] = field(default_factory=list)
    # Lo que se vio raro al segmentar, en oraciones (el documento queda `parcial`).
    dudas: list[str] = field(default_factory=list)
    # El área escrita en el encabezado tras una raya («PROCEDIMIENTO III – DISEÑO»), si la hay.
    area: str = ""


@dataclass(slots=True)
class Segmentos:
    secciones: dict[int, list[Linea]] = field(default_factory=dict)
    procedimientos: list[ProcedimientoCrudo] = field(default_factory=list)
    # Los procedimientos van en un anexo tras las demás secciones (`ANEXO`).
    en_anexo: bool = False


@dataclass(slots=True)
class Incisos:
    items: list[Item]
    cierre: list[str]
    # Texto que no es de ningún inciso: la numeración, la basura de OCR en su lugar, «No se
    # emitieron recomendaciones.» (para el invariante: nada se pierde ni se cuenta dos veces).
    descartado: list[str] = field(default_factory=list)
    # Lo que se vio raro, en oraciones para una persona (el documento queda `parcial`).
    dudas: list[str] = field(default_factory=list)
    # En un escaneo, la lista que vuelve a empezar en 1 cuando faltaba el encabezado del bloque
    # siguiente (sus líneas, que el formato asigna a ese bloque).
    reinicio: list[Linea] = field(default_factory=list)


def unir_lineas(lineas: list[str]) -> str:
    """Une líneas en un párrafo: palabras partidas con guion se juntan; espacios normalizados."""
    partes: list[str] = []
    for linea in lineas:
        linea = linea.strip()
        if not linea:
            continue
        cola = partes[-1][-2:] if partes else ""
        if GUION_FINAL.search(cola) and linea[:1].islower():
            partes[-1] = partes[-1][:-1] + linea
        elif UNION_SIN_ESPACIO.search(cola) and linea[:1].isalnum():
            partes[-1] += linea
        else:
            partes.append(linea)
    return espacios(" ".join(partes))


def _puede_ser_encabezado(
    linea: Linea, anterior: Linea | None, anterior_es_encabezado: bool
) -> bool:
    texto = linea.texto
    if linea.ocr and (ilegible := NUMERAL_ILEGIBLE_DE_SECCION.match(texto)):
        texto = texto[ilegible.end() :]  # el número ilegible de la sección no cuenta
    primera = next((c for c in texto if c.isalnum()), "")
    if not primera or not (primera.isupper() or primera.isdigit()):
        return False
    return (
        anterior is None
        or anterior_es_encabezado
        or linea.parrafo
        or linea.pagina != anterior.pagina
        or bool(FIN_DE_ORACION.search(anterior.texto))
        or _en_mayusculas(anterior.texto)
        or sin_palabras(anterior)
    )


def sin_palabras(linea: Linea) -> bool:
    """¿Es el renglón de OCR sólo basura, sin ninguna palabra de cuatro letras o más? («a A A A
    AAA», lo que el OCR lee del borde de una tabla; «A a —_——», la pleca bajo el encabezado):
    no es una oración que siga."""
    return linea.ocr and not PALABRA_DE_VERDAD.search(linea.texto)


def _en_mayusculas(texto: str) -> bool:
    """Un renglón todo en mayúsculas es un título (el segundo renglón de un encabezado de
    sección, «ASPECTOS SUSCEPTIBLES DE MEJORA (ASM)»), no una oración que sigue."""
    letras = [c for c in texto if c.isalpha()]
    return len(letras) >= LETRAS_MINIMAS_TITULO and all(c.isupper() for c in letras)


def _inconfundible(linea: Linea, encabezado: Encabezado) -> bool:
    """«Procedimiento 3.» solo en su línea, o «VI. Procedimientos…» con su numeral, no necesitan
    un párrafo nuevo para ser encabezados (un «Resultados.» suelto sí: puede ser fin de frase)."""
    if encabezado.etiqueta == "PROCEDIMIENTO":
        return not encabezado.resto or AREA_EVALUADA.match(encabezado.resto) is not None
    if encabezado.etiqueta == "SECCION":
        return NUMERAL_ROMANO.match(linea.texto.split()[0].lower()) is not None
    # «RESULTADOS:», «Justificación:» solos en su línea: los dos puntos o las mayúsculas dicen
    # que es un encabezado y no el final de una oración («…orientación a» + «Resultados.»).
    texto = linea.texto.strip()
    return not encabezado.resto and (texto.endswith(":") or _en_mayusculas(texto))


def _resto(doc, fin: int, texto: str) -> str:
    if fin >= len(doc):
        return ""
    return texto[doc[fin].idx :].strip()


def _cubre_linea(doc, fin: int) -> bool:
    """¿Queda sólo puntuación final después de la regla? También «.-» o «:-» en un token
    («JUSTIFICACIÓN DE LA ENTIDAD FISCALIZADA.-»). (Sobre el texto que queda, sin recorrer los
    tokens: es lo mismo y mucho más barato.)"""
    if fin >= len(doc):
        return True
    texto = doc.user_data.get(reglas.LLAVE_TEXTO) or doc.text
    return set("".join(texto[doc[fin].idx :].split())) <= PUNTUACION_FINAL


def clasificar(linea: Linea) -> Encabezado | None:
    """¿Es la línea un encabezado? Devuelve cuál, o None."""
    encabezado = _clasificar(linea)
    if encabezado is None and linea.ocr:
        # «E OBJETIVO DE LA AUDITORÍA», «o SERVIDORES PÚBLICOS…»: el número de la sección, en
        # blanco dentro de un cuadro de color, que el OCR leyó como una o dos letras sueltas;
        # el título entero en mayúsculas dice que es una sección (y el número, ilegible, no
        # se compara).
        ilegible = NUMERAL_ILEGIBLE_DE_SECCION.match(linea.texto)
        resto = linea.texto[ilegible.end() :] if ilegible else ""
        if ilegible and _en_mayusculas(resto):
            otro = _clasificar(con_texto(linea, resto), numeral_ilegible=True)
            if otro is not None and otro.etiqueta == "SECCION":
                return otro
    return encabezado


def _clasificar(linea: Linea, numeral_ilegible: bool = False) -> Encabezado | None:
    buscador = reglas.encabezados()
    # «FISCALIZADA.-», «OBTENIDOS:-»: la puntuación final pegada va aparte, como token propio.
    texto = PUNTUACION_PEGADA.sub(r"\1 \2", linea.texto)
    doc = buscador.doc(texto)
    coincidencias = buscador.buscar(doc)
    if not coincidencias:  # casi todas las líneas: sin recorrer sus tokens
        return None
    # Una comilla o mota antes del encabezado («“Procedimiento 7.») no lo esconde.
    primero = next((t.i for t in doc if not t.is_punct), 0)
    for coincidencia in coincidencias:
        if coincidencia.inicio != primero:
            continue
        resto = _resto(doc, coincidencia.fin, texto)
        cubre = _cubre_linea(doc, coincidencia.fin)
        if coincidencia.etiqueta == "SECCION":
            con_numeral = NUMERAL_ROMANO.match(doc[0].text) is not None
            arabigo = NUMERAL_ARABIGO.match(doc[0].text)
            if arabigo and not con_numeral and arabigo.group("numero") != coincidencia.id:
                continue
            letra = NUMERAL_LETRA.match(doc[0].text)
            if letra and not con_numeral and _indice_de_letra(letra) != coincidencia.id:
                continue
            con_numeral = con_numeral or arabigo is not None or letra is not None
            con_numeral = con_numeral or numeral_ilegible
            largo = coincidencia.fin - coincidencia.inicio
            if cubre or con_numeral or largo >= TOKENS_MINIMOS_ENCABEZADO_PARCIAL:
                return Encabezado("SECCION", coincidencia.id, resto)
        elif coincidencia.id == PROCEDIMIENTO_EN_TABLA:
            # «Procedimiento | 3 | Área evaluada | Diseño»: el área sigue en la misma fila.
            numero = re.search(r"\d{1,3}(?=\D*$)", coincidencia.texto)  # «l2»: el 2
            valor = numero.group() if numero else NUMERO_ILEGIBLE
            return Encabezado("PROCEDIMIENTO", valor, _resto(doc, coincidencia.fin - 2, texto))
        elif coincidencia.id == PROCEDIMIENTO_DE_TOTAL:
            numero, total = (int(x) for x in re.findall(r"\d{1,3}", coincidencia.texto))
            if not 0 < numero <= total:
                continue
            if not resto or _es_nombre_de_area(resto):
                return Encabezado("PROCEDIMIENTO", str(numero), "", resto)
            return Encabezado("PROCEDIMIENTO", str(numero), resto)
        elif coincidencia.etiqueta == "PROCEDIMIENTO":
            ultimo = coincidencia.texto.split()[-1]
            con_puntuacion = ultimo[-1] in ".:)-" or resto[:1] in {".", ":", "-", "–", "—"}
            # «PROCEDIMIENTO 3 | Cobertura y Focalización»: en una ficha, el área del catálogo
            # en la celda de al lado (la raya de la celda no es texto).
            sin_signos = resto.lstrip(".:-–—) ").strip()
            con_area = areas().conoce(sin_signos)
            if cubre or con_puntuacion or len(resto) < 3 or con_area:
                valor = _numero_de_procedimiento(coincidencia)
                area = AREA_TRAS_RAYA.match(resto)
                if con_area:
                    return Encabezado("PROCEDIMIENTO", valor, "", sin_signos)
                if area and _es_nombre_de_area(area.group("area")):
                    return Encabezado("PROCEDIMIENTO", valor, "", area.group("area"))
                return Encabezado("PROCEDIMIENTO", valor, resto.lstrip(".:-–—) ").strip())
        elif coincidencia.etiqueta == "BLOQUE" and (cubre or resto.startswith(":")):
            return Encabezado("BLOQUE", coincidencia.id, resto.lstrip(":.- ").strip())
        elif coincidencia.etiqueta == "BLOQUE" and _residuo_ocr(linea, resto):
            return Encabezado("BLOQUE", coincidencia.id, "")
    return None


def _indice_de_letra(letra: re.Match) -> str:
    """«c.» -> "3": el número de sección de su letra."""
    return str(ord(letra.group("letra")) - ord("a") + 1)


def _es_nombre_de_area(texto: str) -> bool:
    """Lo que sigue a la raya es el área si es un título (en mayúsculas o versalitas) o un área
    del catálogo; si no («– Análisis de la Eficiencia del Programa…»), es la descripción."""
    return _en_mayusculas(texto) or areas().conoce(texto)


def _numero_de_procedimiento(coincidencia: reglas.Coincidencia) -> str:
    """El número del encabezado: «procedimiento 3.», «3. procedimiento», «procedimiento iii»
    (romano; el texto va en minúsculas) o, si el OCR no dejó leerlo, `NUMERO_ILEGIBLE`."""
    if coincidencia.id == PROCEDIMIENTO_ROMANO:
        romano = re.sub(r"[^ivx]", "", coincidencia.texto.split()[-1])
        return str(romano_a_entero(romano.upper()) or NUMERO_ILEGIBLE)
    if coincidencia.id in PROCEDIMIENTO_ORDINAL:
        palabras = [p for p in coincidencia.texto.split() if p != "procedimiento"]
        numero = ordinales().numero(" ".join(_ordinal_ocr(p) for p in palabras))
        return str(numero or NUMERO_ILEGIBLE)
    if coincidencia.id == PROCEDIMIENTO_ROMANO_OCR:
        # «ill», «il», «vil»: los trazos del OCR («l», «|», «!», «1») son «i».
        trazos = coincidencia.texto.split()[-1].translate(TRAZOS_ROMANO_OCR)
        return str(romano_a_entero(re.sub(r"[^ivx]", "", trazos).upper()) or NUMERO_ILEGIBLE)
    numero = re.search(r"\d{1,3}", coincidencia.texto)
    return numero.group() if numero else NUMERO_ILEGIBLE


def _ordinal_ocr(palabra: str) -> str:
    """La palabra del catálogo de ordinales más cercana a `palabra` (normalizada) a una letra
    de distancia, la del OCR («tcrcer» -> «tercer»); la palabra tal cual si no hay una sola."""
    if ordinales().numero(palabra):
        return palabra
    cercanas = [p for p in ordinales().numeros if Levenshtein.distance(p, palabra) <= 1]
    return cercanas[0] if len(cercanas) == 1 else palabra


def _residuo_ocr(linea: Linea, resto: str) -> bool:
    """¿Es lo que sigue al encabezado sólo un residuo de OCR («. Ñ Ú»), o la última palabra del
    título que el OCR mutiló («Resultados de la rev ón»)? Se descarta con él."""
    if linea.ocr and _palabra_mutilada(resto):
        return True
    coincidencia = RESIDUO_TRAS_ENCABEZADO.match(resto) if linea.ocr else None
    if coincidencia is None or not _pocas_letras(resto):
        return False
    # Una palabra corta de verdad («Resultados de la…», «Justificación y…») no es residuo.
    return all(
        sum(c.isalnum() for c in token) <= 2 and token.lower() not in PALABRAS_CORTAS
        for token in coincidencia.group("residuo").split()
    )


def _palabra_mutilada(resto: str) -> bool:
    """¿Es el resto (una o dos piezas) una palabra con que acaba un título de bloque que el OCR
    leyó a medias («rev ón» por «revisión»)?"""
    piezas = resto.strip(" .:").split()
    if not 1 <= len(piezas) <= 2:
        return False
    junto = "".join(piezas).lower()
    return len(junto) >= 3 and any(
        fuzz.ratio(junto, palabra) >= SIMILITUD_PALABRA_MUTILADA for palabra in FINALES_DE_BLOQUE
    )


def segmentar(
    lineas: list[Linea],
    seccion_procedimientos: int = SECCION_PROCEDIMIENTOS,
    seccion_observaciones: int = SECCION_OBSERVACIONES,
) -> Segmentos:
    """Reparte las líneas del cuerpo en secciones, procedimientos y bloques."""
    segmentos = Segmentos()
    seccion = 0
    actual: ProcedimientoCrudo | None = None
    bloque: Bloque | None = None
    anterior: Linea | None = None
    anterior_es_encabezado = False
    renglones = _encabezados_lado_a_lado(
        _encabezados_en_dos_renglones(
            _sin_rubros_de_seccion(
                _rotulos_pegados(_rotulos_en_columna(_etiquetas_con_clave(lineas)))
            )
        )
    )
    for indice, linea in enumerate(renglones):
        encabezado = clasificar(linea)
        dudoso = encabezado is not None and not _inconfundible(linea, encabezado)
        if (
            dudoso
            and not _puede_ser_encabezado(linea, anterior, anterior_es_encabezado)
            and not _abre_lista(linea, encabezado, renglones[indice + 1 : indice + 2])
        ):
            encabezado = None
        if encabezado is None and seccion == seccion_procedimientos:
            encabezado = _subseccion_de_procedimiento(linea, seccion, segmentos.procedimientos)
        if (
            encabezado is None
            and seccion > seccion_procedimientos
            and not segmentos.procedimientos
            and ANEXO.match(linea.texto)
        ):
            # «ANEXO ÚNICO» tras el dictamen: ahí están los procedimientos.
            seccion, actual, bloque = seccion_procedimientos, None, None
            segmentos.en_anexo = True
            anterior, anterior_es_encabezado = linea, True
            continue
        if (
            segmentos.en_anexo
            and encabezado is not None
            and encabezado.etiqueta == "SECCION"
            and int(encabezado.valor) == seccion == seccion_procedimientos
            and actual is None
        ):
            # El título de la sección de procedimientos repetido al empezar el anexo.
            anterior, anterior_es_encabezado = linea, True
            continue
        propuesto = encabezado
        encabezado = _aceptable(
            encabezado, seccion, actual, seccion_observaciones, seccion_procedimientos
        )
        if propuesto is not None and encabezado is None:
            encabezado = _valoracion_antes_de_la_respuesta(
                propuesto, linea, actual, renglones[indice + 1 :]
            )
        # Sin encabezado, o con un «recomendaciones:» en minúsculas que acaba la oración de
        # arriba: ¿es la frase que presenta un bloque?
        continua = encabezado is not None and linea.texto.lstrip()[:1].islower()
        if (encabezado is None or continua) and (
            actual is not None or seccion == seccion_procedimientos
        ):
            destino = bloque.lineas if bloque else actual.descripcion if actual else None
            frase = _aceptable(
                _frase_de_bloque(linea, actual, bloque, destino),
                seccion,
                actual,
                seccion_observaciones,
                seccion_procedimientos,
            )
            encabezado = frase or encabezado
        if (
            encabezado is None
            and actual is not None
            and _abre_recomendaciones(linea, anterior, actual, bloque, renglones[indice + 1 :])
        ):
            # «Recomendación 1. Elaborar…» sin encabezado de bloque: la etiqueta abre el bloque y
            # la línea es su primer inciso.
            bloque = Bloque("recomendaciones")
            actual.bloques.append(bloque)
        anterior, anterior_es_encabezado = linea, encabezado is not None
        if encabezado is None:
            destino = bloque.lineas if bloque else actual.descripcion if actual else None
            if destino is None:
                destino = segmentos.secciones.setdefault(seccion, [])
            else:
                actual.fuente.append(linea)
            destino.append(linea)
            continue
        resto = _linea_resto(linea, encabezado.resto)
        if encabezado.etiqueta == "SECCION":
            seccion = int(encabezado.valor)
            actual, bloque = None, None
            segmentos.secciones.setdefault(seccion, [])
            if resto and seccion != seccion_procedimientos:
                segmentos.secciones[seccion].append(resto)
        elif encabezado.etiqueta == "PROCEDIMIENTO":
            seccion = max(seccion, seccion_procedimientos)
            anterior_numero = segmentos.procedimientos[-1].numero if segmentos.procedimientos else 0
            numero = (
                anterior_numero + 1
                if encabezado.valor == NUMERO_ILEGIBLE
                else int(encabezado.valor)
            )
            area = _area_antes_del_procedimiento(actual, bloque)
            actual = ProcedimientoCrudo(numero, linea.pagina, area=encabezado.area)
            segmentos.procedimientos.append(actual)
            bloque = None
            if area:
                _consumir(actual, area, None)
            _consumir(actual, linea, resto)
            if resto:
                actual.descripcion.append(resto)
        else:
            if actual is None:
                # Un bloque en la sección de procedimientos sin ningún encabezado de
                # procedimiento leído: el procedimiento empieza con él (queda la duda).
                actual = _procedimiento_por_su_bloque(segmentos, seccion, linea)
                segmentos.procedimientos.append(actual)
            if _vuelve_atras(actual, encabezado.valor):
                actual = _procedimiento_sin_encabezado(actual, linea)
                segmentos.procedimientos.append(actual)
            bloque = Bloque(encabezado.valor)
            actual.bloques.append(bloque)
            _consumir(actual, linea, resto)
            if resto:
                bloque.lineas.append(resto)
    _corregir_numeros_ocr(segmentos.procedimientos)
    return segmentos


def _frase_de_bloque(
    linea: Linea,
    actual: ProcedimientoCrudo | None,
    bloque: Bloque | None,
    destino: list[Linea] | None,
) -> Encabezado | None:
    """Un bloque sin encabezado que presenta una frase (`modelos/reglas/frases.jsonl`): la
    oración que acaba en dos puntos y anuncia «los siguientes resultados», «la siguiente
    recomendación» o que el ente «manifestó lo siguiente» es el encabezado del bloque (con los
    renglones de arriba en que empezó, que se sacan de `destino`); la oración que dice que el
    ente «no presentó justificación» abre la justificación y es su contenido (sin incisos,
    `SIN_INCISOS`). Sólo si el procedimiento aún no tiene un bloque de ese tipo: tras un
    encabezado «Recomendaciones:», la frase «Se emiten las siguientes recomendaciones:» es la
    entrada de la lista (`_frase_de_entrada`)."""
    texto = linea.texto.strip()
    if not texto:
        return None
    buscador = reglas.frases()
    # La frase partida entre dos renglones («…emite las siguientes» / «recomendaciones:»).
    partida = (
        bool(destino)
        and texto.endswith(":")
        and not linea.parrafo
        and not FIN_DE_ORACION.search(destino[-1].texto)
    )
    textos = [texto, f"{destino[-1].texto.strip()} {texto}"] if partida else [texto]
    for unido in textos:
        doc = buscador.doc(unido)
        for coincidencia in buscador.buscar(doc):
            tipo = coincidencia.id
            if actual is not None and any(b.tipo == tipo for b in actual.bloques):
                return None
            if bloque is not None and bloque.tipo == tipo:
                return None
            if coincidencia.etiqueta == "FRASE" and coincidencia.fin == len(doc):
                _inicio_de_oracion(linea, destino, actual)
                return Encabezado("BLOQUE", tipo, "")
            if coincidencia.etiqueta == "SIN" and coincidencia.inicio == 0 and unido == texto:
                return Encabezado("BLOQUE", tipo, texto)
    return None


def _inicio_de_oracion(
    linea: Linea, destino: list[Linea] | None, actual: ProcedimientoCrudo | None
) -> None:
    """Los renglones de arriba en que empezó la oración de `linea` (hasta
    `RENGLONES_MAXIMOS_FRASE`, sin uno que cierre oración ni un inciso numerado entre ellos)
    son parte del encabezado: se sacan de `destino` y su texto queda como consumido."""
    if linea.parrafo or not destino or actual is None:
        return
    indice = len(destino)
    while indice > 0 and len(destino) - indice < RENGLONES_MAXIMOS_FRASE:
        previa = destino[indice - 1]
        if FIN_DE_ORACION.search(previa.texto) or NUMERACION.match(previa.texto):
            break
        indice -= 1
        if previa.parrafo:
            break
    if indice == len(destino):
        return
    arriba = destino[indice - 1] if indice > 0 else None
    empieza = destino[indice].parrafo or arriba is None or FIN_DE_ORACION.search(arriba.texto)
    if not empieza:
        return
    actual.consumido.extend(x.texto for x in destino[indice:])
    del destino[indice:]


def _subseccion_de_procedimiento(
    linea: Linea, seccion: int, procedimientos: list[ProcedimientoCrudo]
) -> Encabezado | None:
    """«6.3 Cobertura y Focalización» en la sección 6: el procedimiento 3 con su área. Para no
    tomar un inciso subnumerado («4.1 Integrar…»), lleva el número de la sección, es el que
    sigue al procedimiento anterior, va todo en negritas (salvo en un escaneo) y el área es del
    catálogo o tiene forma de título."""
    coincidencia = SUBSECCION.match(linea.texto)
    if coincidencia is None or int(coincidencia.group("seccion")) != seccion:
        return None
    numero = int(coincidencia.group("numero"))
    esperado = procedimientos[-1].numero + 1 if procedimientos else 1
    if numero != esperado:
        return None
    if not linea.ocr and not _en_negritas([linea]):
        return None
    area = coincidencia.group("area")
    if not areas().conoce(area) and len(area.split()) > PALABRAS_MAXIMAS_SUBSECCION:
        return None
    return Encabezado("PROCEDIMIENTO", str(numero), "", area)


def _abre_recomendaciones(
    linea: Linea,
    anterior: Linea | None,
    actual: ProcedimientoCrudo,
    bloque: Bloque | None,
    siguientes: Sequence[Linea],
) -> bool:
    """¿Abre la línea las recomendaciones sin encabezado de bloque? La etiqueta de la primera en
    el mismo renglón («Recomendación 1. Elaborar…»), dentro de los resultados (o de la
    descripción, si el procedimiento no tiene resultados) de un procedimiento que aún no tiene
    recomendaciones, al empezar oración: las palabras deciden. Si el renglón anterior no cerró
    su oración (en un escaneo, el OCR pierde el punto final), lo confirman las negritas de la
    etiqueta o la etiqueta de la segunda recomendación al principio de un renglón siguiente (que
    en un escaneo también confirma un «1» mal leído: «Recomendación 4.» y luego la 2)."""
    en_resultados = bloque is not None and bloque.tipo == "resultados" and bool(bloque.lineas)
    en_descripcion = bloque is None and bool(actual.descripcion)
    if not (en_resultados or en_descripcion):
        return False
    if any(b.tipo == "recomendaciones" for b in actual.bloques):
        return False
    etiqueta = _etiqueta(linea)
    if etiqueta is None:
        return False
    cierra = anterior is None or FIN_DE_ORACION.search(anterior.texto)
    if etiqueta.group("numero") != "1":
        # En un escaneo, el «1» mal leído («Recomendación 4.»): lo confirma la segunda, o que sea
        # la única etiqueta del procedimiento y el renglón anterior cierre su oración.
        return linea.ocr and (
            _sigue_la_segunda(siguientes) or (bool(cierra) and not _otra_etiqueta(siguientes))
        )
    if cierra:
        return True
    en_negritas = bool(linea.negritas) and etiqueta.group().strip().startswith(
        linea.negritas[0].strip()
    )
    previas = bloque.lineas if bloque is not None else actual.descripcion
    return (
        en_negritas
        or _sigue_la_segunda(siguientes)
        or (linea.ocr and _punto_perdido(anterior))
        or (linea.ocr and _coma_por_punto(anterior, etiqueta.group().split()[0], previas))
    )


def _coma_por_punto(anterior: Linea, palabra: str, lineas: Sequence[Linea]) -> bool:
    """En un escaneo el OCR lee el punto final como coma («…para el personal operativo,»): si
    el renglón quedó corto (la palabra siguiente habría cabido en él), su oración acabó ahí."""
    return anterior.texto.rstrip().endswith(",") and _renglon_corto(anterior, palabra, lineas)


def _renglon_corto(anterior: Linea, palabra: str, lineas: Sequence[Linea]) -> bool:
    """¿Acaba el renglón tan antes del margen derecho de las líneas de su página (el renglón más
    largo) que `palabra` habría cabido en él? Entonces no es un párrafo partido ahí."""
    if anterior.x1 is None or not anterior.texto:
        return False
    margen = max(
        ((x.x1 or x.x0) for x in [*lineas, anterior] if x.pagina == anterior.pagina),
        default=anterior.x1,
    )
    ancho_letra = (anterior.x1 - anterior.x0) / len(anterior.texto)
    return anterior.x1 + (len(palabra) + 1) * ancho_letra < margen


def _punto_perdido(anterior: Linea) -> bool:
    """En un escaneo el OCR pierde el punto final: el renglón anterior que acaba en una palabra
    que no pide continuación («…que permita valorar su desempeño», no «…conforme a la») cierra
    su oración antes de la etiqueta de la recomendación."""
    palabras = anterior.texto.split()
    ultima = palabras[-1] if palabras else ""
    return ultima.isalpha() and ultima.lower() not in CONECTORES_FINALES


def _otra_etiqueta(siguientes: Sequence[Linea]) -> bool:
    """¿Empieza otro renglón siguiente (antes del próximo encabezado) con la etiqueta de una
    recomendación?"""
    for linea in siguientes:
        if clasificar(linea) is not None:
            return False
        if _etiqueta(linea):
            return True
    return False


def _etiqueta(linea: Linea) -> re.Match | None:
    """La etiqueta de recomendación al principio de la línea (en un escaneo, también seguida de
    minúscula)."""
    patron = ETIQUETA_DE_RECOMENDACION_OCR if linea.ocr else ETIQUETA_DE_RECOMENDACION
    return patron.match(linea.texto)


def _sigue_la_segunda(siguientes: Sequence[Linea]) -> bool:
    """¿Empieza un renglón siguiente (antes del próximo encabezado) con la etiqueta de la
    segunda recomendación («Recomendación 2. Documentar…»)?"""
    for linea in siguientes:
        if clasificar(linea) is not None:
            return False
        etiqueta = _etiqueta(linea)
        if etiqueta is not None:
            return etiqueta.group("numero") == "2"
    return False


def _area_antes_del_procedimiento(
    actual: ProcedimientoCrudo | None, bloque: Bloque | None
) -> Linea | None:
    """El área en mayúsculas en el renglón de arriba del encabezado del procedimiento
    («OPERACIÓN» / «PROCEDIMIENTO No. 4», como sale de LibreOffice) no es del último bloque del
    procedimiento anterior: se saca de él (y de su fuente) para el procedimiento que abre."""
    destino = bloque.lineas if bloque else actual.descripcion if actual else None
    if actual is None or not destino or not actual.fuente or actual.fuente[-1] is not destino[-1]:
        return None
    texto = destino[-1].texto.strip(" .:")
    if not _en_mayusculas(texto) or not areas().conoce(texto):
        return None
    actual.fuente.pop()
    return destino.pop()


def _abre_lista(linea: Linea, encabezado: Encabezado, siguientes: list[Linea]) -> bool:
    """En un escaneo, un encabezado de bloque solo en su línea seguido del inciso 1 («1.», «a)»)
    lo es aunque el renglón anterior haya perdido su punto final («…Términos de REN,»)."""
    if not linea.ocr or encabezado.etiqueta != "BLOQUE" or encabezado.resto or not siguientes:
        return False
    numeracion = NUMERACION.match(siguientes[0].texto)
    return numeracion is not None and numero_de_inciso(numeracion) == 1


def _vuelve_atras(actual: ProcedimientoCrudo, tipo: str) -> bool:
    """¿Llega un bloque de resultados o de recomendaciones después de la justificación del
    procedimiento? Cada procedimiento tiene uno de cada uno, en ese orden: es el siguiente,
    cuyo encabezado no se leyó."""
    return tipo in BLOQUES_ANTES_DE_LA_JUSTIFICACION and any(
        b.tipo == "justificacion" for b in actual.bloques
    )


def _procedimiento_sin_encabezado(anterior: ProcedimientoCrudo, linea: Linea) -> ProcedimientoCrudo:
    """El procedimiento que sigue a `anterior`, cuyo encabezado el OCR no leyó (la fila
    sombreada de una tabla: escaneo 2041-006 de `reservada-tabla`): su descripción es el último
    párrafo de la justificación de `anterior` si empieza como una («Análisis de la Economía en
    el ejercicio del gasto del Programa…»). Queda la duda."""
    nuevo = ProcedimientoCrudo(anterior.numero + 1, linea.pagina)
    if _tomar_descripcion(nuevo, anterior.bloques[-1].lineas):
        movidas = {id(x) for x in nuevo.descripcion}
        anterior.fuente = [x for x in anterior.fuente if id(x) not in movidas]
    nuevo.dudas.append(
        f"No se leyó el encabezado del procedimiento {nuevo.numero}: tras la justificación del "
        f"{anterior.numero} empieza otro bloque de {linea.texto.strip()[:30].lower()} "
        f"(página {linea.pagina}); se tomó como el procedimiento {nuevo.numero}."
    )
    return nuevo


def _tomar_descripcion(nuevo: ProcedimientoCrudo, lineas: list[Linea]) -> bool:
    """Pasa del final de `lineas` a la descripción de `nuevo` (un procedimiento cuyo encabezado
    no se leyó) el párrafo que empieza como una (`_inicio_de_descripcion`); ¿lo había?"""
    inicio = _inicio_de_descripcion(lineas)
    if inicio is None:
        return False
    nuevo.descripcion = lineas[inicio:]
    nuevo.pagina = nuevo.descripcion[0].pagina
    nuevo.fuente.extend(nuevo.descripcion)
    del lineas[inicio:]
    return True


def _inicio_de_descripcion(lineas: list[Linea]) -> int | None:
    """Dónde empieza, al final de `lineas`, la descripción de un procedimiento cuyo encabezado
    no se leyó: el último párrafo que empieza como una («Análisis de…», «Evaluación de…») tras
    el fin de una oración o al empezar un párrafo (tras un título sin punto)."""
    return next(
        (
            i
            for i in range(len(lineas) - 1, -1, -1)
            if DESCRIPCION_DE_PROCEDIMIENTO.match(lineas[i].texto)
            and (i == 0 or lineas[i].parrafo or FIN_DE_ORACION.search(lineas[i - 1].texto))
        ),
        None,
    )


def _corregir_numeros_ocr(procedimientos: list[ProcedimientoCrudo]) -> None:
    """Un número de procedimiento mal leído por OCR («Procedimiento 8» entre el 4 y el 6) es
    el que falta entre sus vecinos."""
    for anterior, actual, siguiente in zip(
        procedimientos, procedimientos[1:], procedimientos[2:], strict=False
    ):
        leido_por_ocr = any(x.ocr for x in actual.fuente[:1])
        if (
            leido_por_ocr
            and actual.numero != anterior.numero + 1
            and siguiente.numero == anterior.numero + 2
        ):
            actual.numero = anterior.numero + 1
    # El primero no tiene vecino anterior: «Procedimiento 41.» antes del 2 es el 1.
    if len(procedimientos) >= 2:
        primero, segundo = procedimientos[0], procedimientos[1]
        if any(x.ocr for x in primero.fuente[:1]) and primero.numero != 1 and segundo.numero == 2:
            primero.numero = 1


def _etiquetas_con_clave(lineas: list[Linea]) -> list[Linea]:
    """El rótulo «Recomendación 2021-AED-091-03-002», solo en su renglón, va con el renglón de
    abajo (el principio de su texto), como si la etiqueta lo encabezara: «Recomendación
    2021-AED-091-03-002 Elaborar…». Sólo si ese renglón no es otro rótulo ni un encabezado."""
    salida: list[Linea] = []
    indice = 0
    while indice < len(lineas):
        linea = lineas[indice]
        siguiente = lineas[indice + 1] if indice + 1 < len(lineas) else None
        if (
            siguiente is not None
            and RECOMENDACION_CON_CLAVE.match(linea.texto)
            and not RECOMENDACION_CON_CLAVE.match(siguiente.texto)
            and siguiente.texto.lstrip()[:1].isupper()
            and clasificar(siguiente) is None
        ):
            salida.append(_unidas(linea, siguiente))
            indice += 2
            continue
        salida.append(linea)
        indice += 1
    return salida


def _sin_rubros_de_seccion(lineas: list[Linea]) -> list[Linea]:
    """Quita el rótulo «APARTADO SEXTO» que va sobre el título de la sección 6: las palabras
    deciden (el título de abajo, solo o unido a su segundo renglón, es el encabezado de la
    sección del mismo número). Si no coinciden, el rótulo se queda (y no pasa por título)."""
    salida: list[Linea] = []
    for indice, linea in enumerate(lineas):
        rubro = RUBRO_CON_ORDINAL.match(linea.texto)
        numero = ordinales().numero(rubro.group("ordinal")) if rubro else None
        siguientes = lineas[indice + 1 : indice + 3]
        if numero and siguientes and _seccion_abajo(siguientes) == str(numero):
            continue
        salida.append(linea)
    return salida


def _seccion_abajo(siguientes: list[Linea]) -> str | None:
    titulo = siguientes[0]
    if len(siguientes) > 1:
        titulo = _unir_encabezado(titulo, siguientes[1]) or titulo
    encabezado = clasificar(titulo)
    return encabezado.valor if encabezado and encabezado.etiqueta == "SECCION" else None


def _rotulos_pegados(lineas: list[Linea]) -> list[Linea]:
    """El rótulo de la columna izquierda de una tabla leído (por el OCR) en el mismo renglón que
    el inciso de la derecha: «Resultados 1. No se aprecia…» o, partido en dos renglones,
    «Respuesta de la a. El ente público…» + «entidad recomendación, sin embargo…». Las palabras
    deciden: el principio del renglón (unido, si queda a medias, a las primeras palabras del de
    abajo) es un título de bloque y nada más, y lo que le sigue abre un inciso (o una oración,
    con mayúscula, tras un rótulo partido). El rótulo va en su propio renglón."""
    salida: list[Linea] = []
    indice = 0
    while indice < len(lineas):
        linea = lineas[indice]
        siguiente = lineas[indice + 1] if indice + 1 < len(lineas) else None
        partes = _partir_rotulo(linea, siguiente)
        if partes is None:
            salida.append(linea)
            indice += 1
            continue
        rotulo, resto, tomadas = partes
        salida.extend([rotulo, resto])
        if siguiente is not None and tomadas:
            quedan = siguiente.texto.split(maxsplit=tomadas)[tomadas:]
            lineas = [
                *lineas[: indice + 1],
                replace(siguiente, texto=" ".join(quedan)),
                *lineas[indice + 2 :],
            ]
            if not quedan:
                del lineas[indice + 1]
        indice += 1
    return salida


def _partir_rotulo(linea: Linea, siguiente: Linea | None) -> tuple[Linea, Linea, int] | None:
    if not linea.ocr:
        return None  # en la capa de texto, las columnas ya separan el rótulo de su inciso
    palabras = linea.texto.split()
    if len(palabras) < 3 or not palabras[0][:1].isupper() or clasificar(linea) is not None:
        return None
    aparte = siguiente is not None and siguiente.pagina == linea.pagina
    for largo in range(1, min(PALABRAS_MAXIMAS_ROTULO, len(palabras) - 1) + 1):
        rotulo, resto = " ".join(palabras[:largo]), " ".join(palabras[largo:])
        tomadas = 0
        encabezado = clasificar(replace(linea, texto=rotulo))
        if encabezado is None and aparte and TITULO_INCONCLUSO.search(rotulo):
            # «Respuesta de la» + «entidad recomendación, sin…»: las palabras completan el
            # título, y lo que queda abajo sigue la oración del inciso (en minúscula); el
            # renglón de abajo no es otro encabezado («Atención al» + «RESULTADOS OBTENIDOS.-»).
            cola = siguiente.texto.split(maxsplit=1)
            if len(cola) == 2 and cola[1][:1].islower() and clasificar(siguiente) is None:
                rotulo, tomadas = f"{rotulo} {cola[0]}", 1
                encabezado = clasificar(replace(linea, texto=rotulo))
        if encabezado is None or encabezado.etiqueta != "BLOQUE" or encabezado.resto:
            continue
        if tomadas:
            abre = NUMERACION.match(resto) is not None or resto[:1].isupper()
        else:
            # Un título entero seguido de un inciso («Recomendación 1. Elaborar…» también
            # puede ser el inciso con su nombre): lo confirma el renglón de abajo, en la
            # columna de los incisos, muy a la derecha del rótulo.
            abre = NUMERACION.match(resto) is not None and (
                aparte and siguiente.x0 - linea.x0 >= SANGRIA_COLUMNA_DE_INCISOS * linea.tamano
            )
        if not abre:
            continue
        mitad = linea.top + (linea.bottom - linea.top) / 2
        return (
            replace(linea, texto=rotulo, bottom=mitad),
            replace(linea, texto=resto, top=mitad, parrafo=False),
            tomadas,
        )
    return None


def _rotulos_en_columna(lineas: list[Linea]) -> list[Linea]:
    """Un título de bloque en la columna de la izquierda de una tabla, partido en dos renglones
    («Respuesta de la» + «entidad»), con el primer inciso a su derecha en el mismo renglón: el
    orden de lectura pone el inciso entre las dos mitades. Las palabras deciden (sólo la unión
    es un título de bloque, sin nada más); la geometría lo confirma (la segunda mitad va justo
    debajo de la primera, en su margen, y termina antes de donde empieza el inciso)."""
    salida = list(lineas)
    indice = 0
    while indice + 2 < len(salida):
        rotulo, al_lado, abajo = salida[indice : indice + 3]
        if _mitad_de_rotulo(rotulo, al_lado, abajo):
            unida = _unidas(rotulo, abajo)
            encabezado = clasificar(unida)
            if encabezado and encabezado.etiqueta == "BLOQUE" and not encabezado.resto:
                salida[indice : indice + 3] = [unida, al_lado]
        indice += 1
    return salida


def _mitad_de_rotulo(rotulo: Linea, al_lado: Linea, abajo: Linea) -> bool:
    if not rotulo.pagina == al_lado.pagina == abajo.pagina or rotulo.x1 is None:
        return False
    if abajo.x1 is None:
        return False
    return (
        abs(al_lado.top - rotulo.top) <= rotulo.alto / 2
        and rotulo.x1 < al_lado.x0
        and abs(abajo.x0 - rotulo.x0) <= rotulo.tamano / 2
        and abajo.x1 < al_lado.x0
        and -rotulo.alto / 2 <= abajo.top - rotulo.bottom <= rotulo.alto
        and clasificar(rotulo) is None  # (lo más caro, al final)
    )


def _encabezados_en_dos_renglones(lineas: list[Linea]) -> list[Linea]:
    """Une un encabezado de sección escrito en dos renglones («Servidores públicos que» +
    «intervinieron en la Auditoría»): las palabras deciden (sólo la unión es encabezado)."""
    salida: list[Linea] = []
    indice = 0
    while indice < len(lineas):
        linea = lineas[indice]
        siguiente = lineas[indice + 1] if indice + 1 < len(lineas) else None
        unida = _unir_encabezado(linea, siguiente) if siguiente else None
        salida.append(unida or linea)
        indice += 2 if unida else 1
    return salida


def _unir_encabezado(linea: Linea, siguiente: Linea) -> Linea | None:
    if siguiente.pagina != linea.pagina:
        return None
    if TITULO_INCONCLUSO.search(linea.texto) and not NUMERACION.match(siguiente.texto):
        completo = _titulo_completo(linea, siguiente)
        if completo is not None:
            return completo
    corta = len(linea.texto) <= LARGO_MAXIMO_RENGLON_DE_ENCABEZADO
    if not corta or FIN_DE_ORACION.search(linea.texto):
        return None
    if clasificar(linea) is not None or NUMERACION.match(siguiente.texto):
        return None
    unida = _unidas(linea, siguiente)
    encabezado = clasificar(unida)
    if encabezado is None or encabezado.etiqueta != "SECCION":
        return None
    # Lo que sigue a las palabras del encabezado es el resto del título, no una oración.
    resto = encabezado.resto
    if len(resto) > LARGO_MAXIMO_RENGLON_DE_ENCABEZADO or FIN_DE_ORACION.search(resto[:-1]):
        return None
    return unida


def _encabezados_lado_a_lado(lineas: list[Linea]) -> list[Linea]:
    """Los títulos de dos columnas de una tabla leídos en un solo renglón («Posicionamiento de la
    entidad fiscalizada Pronunciamiento de la Auditoría Superior», cuando la celda de la derecha
    va vacía y nada separa las columnas): el primero abre su bloque ahí; el segundo, lo que va en
    la columna de la derecha, abre el suyo al terminar el primero (antes del siguiente
    encabezado). Sólo si el renglón es los dos títulos de bloque y nada más."""
    salida: list[Linea] = []
    pendiente: Linea | None = None
    for linea in lineas:
        if pendiente is not None and _abre_algo(linea):
            salida.append(pendiente)
            pendiente = None
        partes = _dos_titulos_de_bloque(linea)
        if partes is None:
            salida.append(linea)
            continue
        if pendiente is not None:
            salida.append(pendiente)
        salida.append(partes[0])
        pendiente = partes[1]
    if pendiente is not None:
        salida.append(pendiente)
    return salida


def titulo_de_bloque_dentro(texto: str) -> str | None:
    """El título de bloque de varias palabras que un texto lleva a media oración («… del
    proceso general de operación. Posicionamiento de la entidad fiscalizada Pronunciamiento…»),
    o None: un encabezado que no se reconoció como tal y quedó pegado a un inciso. Un título de
    una palabra («resultados») no cuenta: es vocabulario de cualquier oración."""
    buscador = reglas.encabezados()
    doc = buscador.doc(texto)
    for coincidencia in buscador.buscar(doc):
        largo = coincidencia.fin - coincidencia.inicio
        if (
            coincidencia.etiqueta != "BLOQUE"
            or coincidencia.inicio == 0
            or largo < PALABRAS_DE_TITULO_DENTRO
        ):
            continue
        # En el texto original (el Doc va normalizado, con el mismo largo): como título, con
        # mayúscula inicial («Pronunciamiento de la Auditoría»), no «los resultados de la…».
        ultimo = doc[coincidencia.fin - 1]
        original = texto[doc[coincidencia.inicio].idx : ultimo.idx + len(ultimo.text)]
        if _como_titulo(original):
            return original
    return None


def _abre_algo(linea: Linea) -> bool:
    """¿Es la línea un encabezado que no puede ser el final de una oración (inconfundible, o al
    principio de un párrafo)? «objetivos.», que acaba un renglón partido, no lo es aunque sus
    palabras sean las de la sección III."""
    encabezado = clasificar(linea)
    return encabezado is not None and (linea.parrafo or _inconfundible(linea, encabezado))


def _dos_titulos_de_bloque(linea: Linea) -> tuple[Linea, Linea] | None:
    """(el primer título, el segundo) si el renglón es dos títulos de bloque distintos seguidos."""
    if len(linea.texto) > 2 * LARGO_MAXIMO_RENGLON_DE_ENCABEZADO or FIN_DE_ORACION.search(
        linea.texto
    ):
        return None  # un renglón del cuerpo: más largo que dos títulos, o acaba una oración
    buscador = reglas.encabezados()
    texto = PUNTUACION_PEGADA.sub(r"\1 \2", linea.texto)
    doc = buscador.doc(texto)
    bloques = [c for c in buscador.buscar(doc) if c.etiqueta == "BLOQUE"]
    if len(bloques) < 2:  # casi todas las líneas: sin recorrer sus tokens
        return None
    primero = next((t.i for t in doc if not t.is_punct), 0)
    for uno in bloques:
        if uno.inicio != primero or _cubre_linea(doc, uno.fin):
            continue
        if any(c.inicio == uno.inicio and c.fin > uno.fin for c in bloques):
            continue  # «Valoración de la justificación»: un título más largo, no dos
        for otro in bloques:
            if otro.inicio == uno.fin and otro.id != uno.id and _cubre_linea(doc, otro.fin):
                corte = doc[otro.inicio].idx
                return (
                    con_texto(linea, linea.texto[:corte].rstrip()),
                    con_texto(replace(linea, parrafo=False), linea.texto[corte:].strip()),
                )
    return None


def _unidas(linea: Linea, siguiente: Linea) -> Linea:
    return Linea(
        texto=f"{linea.texto.rstrip()} {siguiente.texto.strip()}",
        pagina=linea.pagina,
        x0=linea.x0,
        top=linea.top,
        bottom=siguiente.bottom,
        tamano=linea.tamano,
        negritas=[*linea.negritas, *siguiente.negritas],
        ocr=linea.ocr,
        parrafo=linea.parrafo,
    )


def _titulo_completo(linea: Linea, siguiente: Linea) -> Linea | None:
    """Un encabezado de sección que queda a medias («F. Procedimientos de Auditoría Aplicados,
    Resultados y Recomendaciones de») sigue en el renglón de abajo («Aspectos Susceptibles de
    Mejora (ASM)»), que no es otro encabezado. Las palabras deciden (acaba en una preposición o
    conjunción); la letra lo confirma (el mismo tamaño y, si el título va en negritas, también)."""
    if len(siguiente.texto) > LARGO_MAXIMO_RENGLON_DE_ENCABEZADO:
        return None
    encabezado = clasificar(linea)
    if encabezado is None or encabezado.etiqueta != "SECCION":
        return None
    if siguiente.ocr:
        # El OCR no da negritas y su tamaño de letra varía con las letras del renglón: las
        # palabras confirman (como título: con mayúscula inicial o todo en mayúsculas).
        return _unidas(linea, siguiente) if _como_titulo(siguiente.texto) else None
    misma_letra = abs(siguiente.tamano - linea.tamano) <= TOLERANCIA_TAMANO_TITULO * linea.tamano
    if not misma_letra or (bool(linea.negritas) and not siguiente.negritas):
        return None
    return _unidas(linea, siguiente)


def _como_titulo(texto: str) -> bool:
    """¿Van en mayúscula inicial (o todo en mayúsculas) sus palabras de cuatro letras o más?
    «Aspectos Susceptibles de Mejora (ASM)» sí; «mejora (ASM) que de ella derivan» no."""
    palabras = [p for p in re.findall(r"[^\W\d_]+", texto) if len(p) >= 4]
    return bool(palabras) and all(p[0].isupper() for p in palabras)


def _consumir(actual: ProcedimientoCrudo, linea: Linea, resto: Linea | None) -> None:
    """Anota la línea de un encabezado y la parte de ella que es sólo encabezado."""
    actual.fuente.append(linea)
    corte = linea.texto.rfind(resto.texto) if resto else -1
    actual.consumido.append(linea.texto[:corte] if corte >= 0 else linea.texto)


def _aceptable(
    encabezado: Encabezado | None,
    seccion: int,
    actual: ProcedimientoCrudo | None,
    seccion_observaciones: int,
    seccion_procedimientos: int = SECCION_PROCEDIMIENTOS,
) -> Encabezado | None:
    """Las secciones sólo avanzan; procedimientos antes de VII; bloques dentro de uno (o el
    primero de la sección de procedimientos, que empieza uno)."""
    if encabezado is None:
        return None
    if encabezado.etiqueta == "SECCION":
        return encabezado if int(encabezado.valor) > seccion else None
    if encabezado.etiqueta == "PROCEDIMIENTO":
        return encabezado if seccion < seccion_observaciones else None
    if encabezado.valor == BLOQUE_VALORACION:
        # «Valoración de la justificación:» abre el cierre: sólo después de una justificación.
        con_justificacion = actual is not None and any(
            b.tipo == "justificacion" for b in actual.bloques
        )
        return encabezado if con_justificacion else None
    if actual is None:
        # Sin procedimiento leído, un bloque de resultados o de recomendaciones en la sección
        # de procedimientos empieza uno (`_procedimiento_por_su_bloque`).
        return (
            encabezado
            if seccion == seccion_procedimientos
            and encabezado.valor in BLOQUES_ANTES_DE_LA_JUSTIFICACION
            else None
        )
    return encabezado


def _valoracion_antes_de_la_respuesta(
    encabezado: Encabezado, linea: Linea, actual: ProcedimientoCrudo | None, siguientes: list[Linea]
) -> Encabezado | None:
    """«Valoración de la Auditoría Superior», solo en su renglón, tras las recomendaciones y
    antes de la respuesta del ente (un informe que da el veredicto primero): es el cierre si lo
    que sigue empieza con una frase de cierre y, antes del siguiente procedimiento o sección,
    llega el encabezado de la respuesta. Si no, no es encabezado (y queda la duda del título
    dentro de la recomendación)."""
    if encabezado.valor != BLOQUE_VALORACION or encabezado.resto or actual is None:
        return None
    tipos = [b.tipo for b in actual.bloques]
    if "recomendaciones" not in tipos or "justificacion" in tipos or BLOQUE_VALORACION in tipos:
        return None
    if not siguientes or not es_cierre(siguientes[0].texto):
        return None
    for siguiente in siguientes[:RENGLONES_MAXIMOS_VALORACION]:
        otro = clasificar(siguiente)
        if otro is None:
            continue
        return encabezado if otro.valor == "justificacion" and not otro.resto else None
    return None


def _procedimiento_por_su_bloque(
    segmentos: Segmentos, seccion: int, linea: Linea
) -> ProcedimientoCrudo:
    """El primer procedimiento, cuando su encabezado no se reconoció («Procedimiento: 3» en
    una ficha, «6.3 Cobertura y Focalización», otra forma que ninguna regla conoce) pero sí el
    primer bloque: empieza con ese bloque, y su descripción es el último párrafo de la sección
    si empieza como una («Análisis de…»). Los siguientes salen de `_vuelve_atras`. Queda la
    duda: el documento no se da por bueno."""
    nuevo = ProcedimientoCrudo(1, linea.pagina)
    _tomar_descripcion(nuevo, segmentos.secciones.get(seccion, []))
    nuevo.dudas.append(
        "No se reconoció ningún encabezado de procedimiento: el primero se tomó del primer "
        f"bloque de {linea.texto.strip()[:30].lower()} (página {linea.pagina}) y cada uno que "
        "sigue, del bloque que llega después de una justificación."
    )
    return nuevo


def _linea_resto(linea: Linea, resto: str) -> Linea | None:
    """La misma línea con otro texto (lo que sigue a un encabezado), sin marca de párrafo."""
    return replace(linea, texto=resto, parrafo=False) if resto else None


def clase_de_cierre(texto: str) -> str | None:
    """¿Empieza el texto con una frase de cierre? «inconfundible» («La recomendación mencionada
    en el apartado de justificación…», «Por lo anterior, las recomendaciones señaladas se
    consideran…»), «debil» («La recomendación se considera atendida.») o None."""
    buscador = reglas.cierres()
    ids = {c.id for c in buscador.buscar(buscador.doc(texto)) if c.inicio == 0}
    if not ids:
        return None
    return "inconfundible" if ids & CIERRES_INCONFUNDIBLES else "debil"


def es_cierre(texto: str, inconfundible: bool = False) -> bool:
    clase = clase_de_cierre(texto)
    return clase == "inconfundible" if inconfundible else clase is not None


def _parece_cierre_por_forma(
    linea: Linea, lineas_item: list[Linea], ajustes: AjustesDisposicion
) -> bool:
    """La forma de un cierre sin sus palabras: un párrafo nuevo a la izquierda del inciso o
    alineado con él (o la primera línea de otra página), no una sangría colgante. Se compara
    sólo con el inciso en la misma página: un escaneo torcido corre el margen de arriba abajo.
    Sólo desempata; las palabras lo confirman después."""
    en_pagina = [x.x0 for x in lineas_item if x.pagina == linea.pagina]
    if not en_pagina:
        return linea.parrafo
    sangria = tolerancia_sangria(linea.tamano, ajustes)
    if linea.x0 < min(en_pagina) - sangria:
        return True
    if linea.x0 > min(en_pagina) + sangria:
        return False  # sangría colgante: continúa el inciso
    return linea.parrafo


def _empieza_cierre(
    linea: Linea,
    anterior: Linea,
    siguiente: Linea | None,
    lineas_item: list[Linea],
    ajustes: AjustesDisposicion,
) -> str | None:
    """Cómo se reconoce que aquí empieza el cierre: «palabras», «forma» (a confirmar) o None.

    Las palabras deciden: una frase de cierre inconfundible al empezar la oración es cierre
    dondequiera que esté en la página; una frase de cierre débil («La recomendación se
    considera atendida.») necesita además la forma de un párrafo aparte."""
    forma = _parece_cierre_por_forma(linea, lineas_item, ajustes)
    if not FIN_DE_ORACION.search(anterior.texto):
        # En un escaneo el OCR puede perder el punto final («…no corresponde al ejercicio» por
        # «…al ejercicio auditado.»): una frase de cierre inconfundible en un párrafo aparte
        # (con el hueco entre párrafos medido en la página, o a la izquierda del inciso) también
        # empieza el cierre.
        inconfundible = clase_de_cierre(linea.texto) == "inconfundible"
        return "palabras" if linea.ocr and inconfundible and (forma or linea.parrafo) else None
    residuo = RESIDUO_ANTES_DE_CIERRE.match(linea.texto) if linea.ocr else None
    clase = clase_de_cierre(linea.texto[residuo.end() :] if residuo else linea.texto)
    if clase == "inconfundible" or (forma and clase):
        return "palabras"
    if forma:
        return "forma"
    return "sangría" if _parrafo_con_sangria(linea, siguiente, lineas_item, ajustes) else None


def _parrafo_con_sangria(
    linea: Linea, siguiente: Linea | None, lineas_item: list[Linea], ajustes: AjustesDisposicion
) -> bool:
    """Un párrafo con sangría de primera línea tras el inciso: más a la derecha que el número y
    no alineado con los renglones que siguen al número (la sangría colgante del inciso); si el
    inciso no tiene más renglones en la página, el renglón siguiente vuelve a la izquierda. Como
    la forma sola no basta, lo confirman las palabras (`_habla_de_las_recomendaciones`)."""
    en_pagina = [x for x in lineas_item if x.pagina == linea.pagina]
    if not en_pagina:
        return linea.parrafo
    sangria = tolerancia_sangria(linea.tamano, ajustes)
    continuaciones = [x.x0 for x in en_pagina[1:]]
    if linea.x0 <= min(x.x0 for x in en_pagina) + sangria:
        # Al margen del número, sin número, cuando el inciso sigue con sangría colgante:
        # también es otro párrafo.
        return bool(continuaciones) and all(x0 > linea.x0 + sangria for x0 in continuaciones)
    if continuaciones:
        return all(abs(linea.x0 - x0) > sangria for x0 in continuaciones)
    vuelve = (
        siguiente is not None
        and siguiente.pagina == linea.pagina
        and siguiente.x0 < linea.x0 - sangria
    )
    return vuelve or linea.parrafo or _letra_mas_chica(linea, en_pagina)


def _letra_mas_chica(linea: Linea, lineas_item: list[Linea]) -> bool:
    """¿Va la línea en letra más chica que todos los renglones del inciso (`LETRA_MAS_CHICA`)?
    Sin tamaño (OCR), no se sabe."""
    if not linea.tamano or any(not x.tamano for x in lineas_item):
        return False
    return all(linea.tamano < x.tamano - LETRA_MAS_CHICA for x in lineas_item)


def _habla_de_las_recomendaciones(texto: str) -> bool:
    """¿Dice el texto algo de las recomendaciones en general (sin citar un número) y con un
    veredicto? «…determina que las recomendaciones referidas en la justificación han sido
    atendidas.»"""
    return (
        HABLA_DE_LAS_RECOMENDACIONES.search(texto) is not None
        and not estatus.referencias_numericas(texto, 99)
        and estatus.veredicto_general(texto)
    )


@dataclass(slots=True)
class _Grupo:
    lineas: list[Linea]
    por: str = "palabras"  # cómo empezó un grupo del cierre: palabras, forma, sangría, párrafo


def partir_incisos(
    lineas: list[Linea],
    con_cierre: bool = False,
    ajustes: AjustesDisposicion = AJUSTES_POR_OMISION,
    puede_reiniciar: bool = False,
    desplazamiento: int = 0,
) -> Incisos:
    """Parte un bloque en incisos numerados; en una justificación, separa el cierre. Con
    `puede_reiniciar`, una lista escaneada que vuelve a empezar en 1 se devuelve aparte. Con
    `desplazamiento` (`desplazamiento_de_lista`), la lista sigue la numeración de la del
    procedimiento anterior: el inciso «7.» es el 1 si el desplazamiento es 6."""
    items: list[tuple[int, list[Linea]]] = []
    previas: list[Linea] = []
    cierre: list[_Grupo] = []
    descartado: list[str] = []
    dudas: list[str] = []
    anterior: Linea | None = None
    con_letras = False  # el bloque numera con letras: «a)», «b)»…
    con_romanos = False  # el bloque numera con romanos: «I.», «II.»…
    reinicio: list[Linea] = []
    sin_numeracion: list[tuple[Linea, str]] = []  # (renglón, duda) de un número fuera de lugar
    lineas, en_tabla = _sin_filas_de_titulos(lineas, descartado)
    lineas = _sin_signos_sueltos(lineas, descartado)
    lineas, vinetas = _vinetas_como_numeros(lineas, en_tabla)
    # «La entidad fiscalizada no presentó justificación…» no es una justificación que cita.
    sin_incisos = bool(lineas) and SIN_INCISOS.match(lineas[0].texto) is not None
    por_parrafos = con_cierre and not sin_incisos and _parrafos_que_citan(lineas)
    for posicion, linea in enumerate(lineas):
        residuos = not items and (
            all(_es_residuo(x) for x in previas) or _frase_de_entrada(previas)
        )
        esperado = items[-1][0] + 1 if items else 1 if residuos or not previas else 2
        coincide = (
            NUMERACION.match(linea.texto)
            or _numeracion_ocr(linea, esperado + desplazamiento)
            or _numeracion_tras_residuo(linea, anterior, esperado)
            or (_numero_en_celda(linea, esperado) if en_tabla else None)
        )
        numero = numero_de_inciso(coincide) if coincide else None
        if desplazamiento and numero and numero > desplazamiento and _arabigo(coincide):
            numero -= desplazamiento
        if con_letras and linea.ocr and items and _inicia_oracion(linea, anterior):
            # En un bloque con letras, el OCR lee «€)» por «e)» o «2)» por «g)»: es la que sigue.
            letra = LETRA_OCR.match(linea.texto)
            # Un «1)» puede ser otra lista que empieza, salvo que el bloque siga con letras.
            reinicia = numero == 1 and not _siguen_letras(lineas[posicion + 1 :], esperado)
            if letra and (numero is None or numero != esperado) and not reinicia:
                coincide, numero = letra, esperado
        if numero != esperado and (con_romanos or not items) and _inicia_oracion(linea, anterior):
            # El OCR lee «II.» como «IL.», «Il» u «11»: si se lee como el romano que sigue, lo es.
            romano = _romano_ocr(linea, esperado, con_romanos)
            if romano:
                coincide, numero = romano, esperado
        actuales = items[-1][1] if items else previas
        if (
            puede_reiniciar
            and linea.ocr
            and not cierre
            and len(items) >= 2
            and (numero == 1 or _numero_uno_ocr(linea, con_romanos))
            and (
                _encabezado_ilegible(lineas[:posicion], items[-1][1], descartado)
                or _inicia_oracion(linea, anterior)
            )
        ):
            reinicio = lineas[posicion:]
            break
        como = (
            _empieza_cierre(linea, anterior, _siguiente(lineas, posicion), actuales, ajustes)
            if con_cierre and anterior is not None and actuales and not coincide
            else None
        )
        conclusion = _conclusion_en_linea(linea, anterior) if con_cierre and not cierre else None
        if conclusion:
            descartado.append(linea.texto[: conclusion.end()])
            linea, como = con_texto(linea, linea.texto[conclusion.end() :]), "palabras"
        if por_parrafos and not cierre and (como != "palabras" or _abre_justificacion(linea)):
            # Justificaciones sin número que citan su recomendación: un párrafo cada una; el
            # párrafo que da el veredicto sin citar ninguna es el cierre (también el que sólo
            # por su forma parecía cierre: las palabras deciden).
            nuevo = (
                not items
                or como is not None
                or (anterior is not None and _empieza_parrafo(linea, anterior))
            )
            if nuevo and items and _veredicto_sin_cita(lineas[posicion:]):
                cierre.append(_Grupo([linea], "palabras"))
            elif nuevo:
                items.append((len(items) + 1, [linea]))
            else:
                items[-1][1].append(linea)
            anterior = linea
            continue
        if cierre:
            if sin_palabras(linea):
                # Lo que el OCR lee del borde de una tabla o de una mota tras el cierre («y A A»).
                descartado.append(linea.texto)
            elif linea.parrafo and anterior and FIN_DE_ORACION.search(anterior.texto):
                cierre.append(_Grupo([linea], "párrafo"))
            else:
                cierre[-1].lineas.append(linea)
        elif coincide and not items and not previas and linea.ocr and numero != esperado:
            # El primer inciso de un bloque escaneado con el número mal leído («4.» por «1.»),
            # salvo que el siguiente número confirme que el OCR perdió los primeros.
            if _salto(lineas[posicion + 1 :], numero, esperado, en_tabla) == PERDIDOS:
                dudas.append(_duda_de_salto(PERDIDOS, numero, esperado, linea))
            else:
                numero = 1
            _abrir_inciso(items, descartado, numero, linea, coincide.end())
        elif (
            coincide
            and linea.ocr
            and not items
            and previas
            and not residuos
            and esperado < numero <= esperado + MAXIMO_PERDIDOS_OCR
            and _recuperar_tras_el_primero(
                items, previas, esperado, numero, descartado, con_romanos, ajustes
            )
        ):
            # El primer inciso perdió su número (va en `previas`) y el OCR tampoco leyó los que
            # siguen («Establecer…», «a Elaborar…», «8 Documentar…» y luego «4 Documentar…»).
            _abrir_inciso(items, descartado, numero, linea, coincide.end())
        elif (
            coincide
            and linea.ocr
            and items
            and esperado < numero <= esperado + MAXIMO_PERDIDOS_OCR
            and _recuperar_incisos_ilegibles(
                items, esperado, numero - esperado, descartado, con_romanos, ajustes
            )
        ):
            _abrir_inciso(items, descartado, numero, linea, coincide.end())
        elif (
            not coincide
            and linea.ocr
            and items
            and _inicia_oracion(linea, anterior)
            and (adelante := _numeracion_ocr_adelante(linea, esperado))
            and _recuperar_incisos_ilegibles(
                items,
                esperado,
                numero_de_inciso(adelante) - esperado,
                descartado,
                con_romanos,
                ajustes,
            )
        ):
            # Lo mismo con el número posterior mal leído («S .- No presenta…» por «5 .-» cuando
            # se esperaba el 4 y el OCR leyó «4 .-» como «a»).
            _abrir_inciso(items, descartado, numero_de_inciso(adelante), linea, adelante.end())
        elif coincide and numero == esperado and (numero > 1 or not items):
            if not items:
                grupos = coincide.groupdict()
                con_letras = bool(grupos.get("letra") or grupos.get("letra_mayuscula"))
                con_romanos = bool(
                    grupos.get("romano") or grupos.get("trazos") or grupos.get("romano_minusculo")
                )
            elif coincide.groupdict().get("romano"):
                # «II.» tras «1.» (el OCR leyó el «I.» como «1.»): el bloque va en romanos.
                con_romanos = True
            if not items and previas and numero == 2:
                items.append((1, _sin_basura(previas, descartado)))
            elif residuos and previas:
                # Renglones residuo antes del inciso 1 («Se» de una mota) o la frase que
                # presenta la lista («Derivado de lo anterior, se recomienda al…:»): no son un
                # inciso.
                descartado.extend(x.texto for x in previas)
                previas.clear()
            _abrir_inciso(items, descartado, numero, linea, coincide.end())
        elif (
            coincide
            and linea.ocr
            and items
            and numero not in (1, esperado)
            and (_inicia_oracion(linea, anterior) or _celda_con_borde(linea, en_tabla))
            and (salto := _salto(lineas[posicion + 1 :], numero, esperado, en_tabla))
        ):
            # Un número que no es el que sigue: lo decide el siguiente número del bloque.
            if salto != PERDIDOS:
                numero = esperado
            if salto != MAL_LEIDO:
                dudas.append(_duda_de_salto(salto, numero, esperado, linea))
            _abrir_inciso(items, descartado, numero, linea, coincide.end())
        elif (
            como == "palabras"
            or (como in ("forma", "sangría") and items)
            or (como == "sangría" and previas)
        ):
            # Una justificación sin número (el OCR lo perdió, o es la única) también cierra con
            # un párrafo con sangría; las palabras lo confirman (`_confirmar_cierre`).
            if not items and previas and SIN_INCISOS.match(previas[0].texto):
                descartado.extend(x.texto for x in previas)
                previas.clear()
            elif not items:
                items.append((1, _sin_basura(previas, descartado)))
            cierre.append(_Grupo([linea], como))
        else:
            if (
                coincide
                and numero
                and numero > esperado
                and (_inicia_oracion(linea, anterior) or _celda_con_borde(linea, en_tabla))
            ):
                sin_numeracion.append(
                    (
                        linea,
                        f"El inciso {numero} sigue al {esperado - 1}: falta numeración "
                        f"(«{linea.texto[:40]}…»).",
                    )
                )
            actuales.append(linea)
        anterior = linea
    numerados = bool(items)
    if not items and previas:
        if SIN_INCISOS.match(previas[0].texto):
            descartado.extend(x.texto for x in previas)
        else:
            items.append((1, _sin_basura(previas, descartado)))
    _confirmar_cierre(items, cierre, dudas)
    if con_cierre and not cierre and not por_parrafos and items:
        cierre.extend(_cierre_por_veredicto(items, dudas))
    # Después del cierre: lo que parecía cierre y volvió al último inciso también se revisa.
    while numerados and _separar_inciso_ilegible(items, descartado, dudas):
        pass
    # Un número fuera de lugar que quedó dentro de un inciso es una duda; si después abrió el
    # inciso que faltaba (al recuperar los perdidos o al separar el ilegible), ya no.
    dentro = {id(x) for _, grupo in items for x in grupo[1:]}
    dudas.extend(duda for x, duda in sin_numeracion if id(x) in dentro)
    _devolver_vinetas(descartado, vinetas)
    resultado = Incisos(
        items=[
            _item(numero, grupo) for numero, grupo in items if unir_lineas([x.texto for x in grupo])
        ],
        cierre=[unir_lineas([x.texto for x in grupo.lineas]) for grupo in cierre],
        descartado=descartado,
        dudas=dudas,
        reinicio=reinicio,
    )
    if con_cierre:
        _separar_cierre_a_media_linea(resultado)
        resultado.dudas.extend(_dudas_de_cierre(resultado))
    resultado.dudas.extend(_dudas_de_largo(resultado.items))
    return resultado


def _frase_de_entrada(previas: list[Linea]) -> bool:
    """Lo que va antes del inciso 1 es una frase que presenta la lista: termina en dos puntos
    («Derivado de lo anterior, se recomienda al Sistema DIF Tampico:»)."""
    return bool(previas) and previas[-1].texto.rstrip().endswith(":")


def desplazamiento_de_lista(lineas: list[Linea], ultimo: int) -> int:
    """Resultados y recomendaciones numerados de corrido en todo el informe (una lista de Word
    que continúa en vez de reiniciar): si el bloque empieza en el número que sigue al último
    del mismo bloque en el procedimiento anterior (`ultimo`) y ningún otro número suyo vuelve
    atrás, la lista continúa y su numeración va desplazada en `ultimo`; si no, 0."""
    if not lineas or ultimo < 1:
        return 0
    # En un escaneo, el número leído con otro signo: «12, No presenta…».
    primera = NUMERACION.match(lineas[0].texto) or _numeracion_ocr(lineas[0], ultimo + 1)
    if primera is None or not _arabigo(primera) or numero_de_inciso(primera) != ultimo + 1:
        return 0
    numeros = [m["numero"] for x in lineas[1:] if (m := NUMERACION.match(x.texto))]
    return 0 if any(n and int(n) <= ultimo for n in numeros) else ultimo


def _arabigo(coincidencia: re.Match) -> bool:
    """¿Es el número del inciso uno arábigo («7.», o «7,» leído por el OCR)?"""
    grupos = coincidencia.groupdict()
    return bool(grupos.get("numero") or grupos.get("ocr") or grupos.get("cifras"))


def _conclusion_en_linea(linea: Linea, anterior: Linea | None) -> re.Match | None:
    """«Conclusión: La evidencia remitida…» al empezar una oración: ahí empieza el cierre."""
    if anterior is not None and not FIN_DE_ORACION.search(anterior.texto):
        return None
    return CONCLUSION_EN_LINEA.match(linea.texto)


def _abre_justificacion(linea: Linea) -> bool:
    """«En relación con las recomendaciones 1 y 3, …» (la frase inicial cita números) o «El ente
    público presenta…»: las palabras con que empieza una justificación sin número."""
    if ABRE_JUSTIFICACION.match(linea.texto):
        return True
    frase = linea.texto.split(",", 1)[0]
    return len(frase) <= LARGO_MAXIMO_FRASE_DE_CITA and bool(
        estatus.referencias_numericas(frase, 99)
    )


def _empieza_parrafo(linea: Linea, anterior: Linea) -> bool:
    """Tras una oración terminada, un renglón con mayúscula empieza párrafo si cita su
    recomendación (las palabras) o si lo aparta un espacio mayor que el interlineado. En un
    escaneo el OCR puede leer el punto final como coma («…de las acciones realizadas,»): ahí
    sólo el espacio entre párrafos dice que la oración terminó."""
    if not linea.texto.strip()[:1].isupper():
        return False
    paso = linea.top - anterior.top
    apartado = linea.parrafo or (
        linea.pagina == anterior.pagina and paso > PASO_DE_PARRAFO * linea.tamano
    )
    if not FIN_DE_ORACION.search(anterior.texto):
        return linea.ocr and anterior.texto.rstrip().endswith(",") and apartado
    return _abre_justificacion(linea) or apartado


def _veredicto_sin_cita(lineas: list[Linea]) -> bool:
    """¿Da la oración que empieza aquí un veredicto sobre «la(s) recomendación(es)» sin citar
    números ni decir lo que presentó el ente? «Por lo anterior, esta Auditoría Superior
    determina que las recomendaciones a las que se refiere la justificación quedan atendidas.»"""
    if _abre_justificacion(lineas[0]):
        return False
    fin = next((i for i, x in enumerate(lineas) if FIN_DE_ORACION.search(x.texto)), len(lineas))
    texto = unir_lineas([x.texto for x in lineas[: fin + 1]])
    return (
        "recomendaci" in texto.lower()
        and not estatus.referencias_numericas(texto, 99)
        and estatus.veredicto_general(texto)
    )


def _parrafos_que_citan(lineas: list[Linea]) -> bool:
    """¿Son las justificaciones párrafos sin número que citan su recomendación («En relación
    con la recomendación 2, …»)? Entonces cada párrafo es una justificación."""
    # En un escaneo, el «1°» leído como «1*» también es número.
    sin_numeros = not any(NUMERACION.match(x.texto) or _numeracion_ocr(x, 1) for x in lineas)
    return sin_numeros and any(_abre_justificacion(x) for x in lineas)


def _vinetas_como_numeros(
    lineas: list[Linea], en_tabla: bool = False
) -> tuple[list[Linea], list[tuple[str, str]]]:
    """Una lista con viñetas y sin números: cada viñeta al empezar oración (o al empezar el
    bloque) se lee como el número que le toca por su orden («• Diseñar…» -> «1. Diseñar…»).
    Devuelve también cada número puesto con la viñeta que reemplazó («1. », «• »), para que lo
    descartado sea la viñeta y no un número que el documento no trae. En una tabla, el número
    solo en su celda («3 Integrar…») también es numeración: la «viñeta» entre sus filas es un
    número que el OCR leyó como signo («+ Presenta…» por «4»), no otra lista."""
    if any(
        NUMERACION.match(x.texto) or (en_tabla and NUMERO_EN_CELDA.match(x.texto)) for x in lineas
    ):
        return lineas, []
    resultado: list[Linea] = []
    puestos: list[tuple[str, str]] = []
    abre = False  # ¿abrió inciso la línea anterior?
    for indice, linea in enumerate(lineas):
        vineta = _vineta(linea)
        anterior = lineas[indice - 1] if indice else None
        abria, abre = abre, False
        if vineta and (
            anterior is None
            or FIN_DE_ORACION.search(anterior.texto)
            or _vineta_alineada(linea, puestos, lineas[:indice])
            or _vineta_tras_el_salto(linea, anterior)
        ):
            numero = f"{len(puestos) + 1}. "
            puestos.append((numero, vineta.group()))
            linea = con_texto(linea, numero + linea.texto[vineta.end() :])
            abre = True
        elif (
            puestos
            and anterior is not None
            and _vineta_perdida(linea, anterior, lineas[:indice], abria)
        ):
            numero = f"{len(puestos) + 1}. "
            puestos.append((numero, ""))
            linea = con_texto(linea, numero + linea.texto)
            abre = True
        resultado.append(linea)
    return (resultado, puestos) if puestos else (lineas, [])


def _vineta(linea: Linea) -> re.Match | None:
    return VINETA.match(linea.texto) or (VINETA_OCR.match(linea.texto) if linea.ocr else None)


def _vineta_alineada(linea: Linea, puestos: list[tuple[str, str]], previas: list[Linea]) -> bool:
    """En un escaneo el OCR pierde el punto final del renglón anterior: una viñeta al margen de
    la primera viñeta de su página (las continuaciones van con sangría) también abre inciso."""
    return linea.ocr and bool(puestos) and _al_margen_de_la_primera_vineta(linea, previas)


def _vineta_tras_el_salto(linea: Linea, anterior: Linea) -> bool:
    """En un escaneo, la viñeta al principio de una página (no hay otra en ella con qué medir su
    margen) abre inciso aunque el OCR perdiera el punto final del renglón de la página anterior,
    si acaba en una palabra que no pide continuación."""
    return linea.ocr and linea.pagina > anterior.pagina and _punto_perdido(anterior)


def _al_margen_de_la_primera_vineta(linea: Linea, previas: list[Linea]) -> bool:
    margen = _margen_de_las_vinetas(linea, previas)
    tolerancia = tolerancia_sangria(linea.tamano, AJUSTES_POR_OMISION)
    return margen is not None and abs(linea.x0 - margen) <= tolerancia


def _margen_de_las_vinetas(linea: Linea, previas: list[Linea]) -> float | None:
    """Dónde empieza la primera viñeta de la página de la línea (None si no hay)."""
    en_pagina = (x for x in previas if x.pagina == linea.pagina and _vineta(x))
    primera = next(en_pagina, None)
    return None if primera is None else primera.x0


def _margen_de_la_ultima_vineta(linea: Linea, previas: list[Linea]) -> float | None:
    """Dónde empieza la última viñeta antes de la línea en su página (None si no hay)."""
    en_pagina = [x for x in previas if x.pagina == linea.pagina and _vineta(x)]
    return en_pagina[-1].x0 if en_pagina else None


# Cuánto más adentro que las viñetas van los renglones que las siguen en una lista con sangría
# francesa (en puntos: la viñeta y su espacio).
SANGRIA_FRANCESA = 12.0


def _vineta_perdida(
    linea: Linea, anterior: Linea, previas: list[Linea], anterior_abre: bool
) -> bool:
    """En un escaneo el OCR puede perder la raya de una viñeta («- El programa no cuenta con un
    programa anual…» y luego «El programa no cuenta con un padrón…», sin raya) o leerla como
    basura con la palabra que sigue («S no se aprecia…», «a M2 se aprecia…» por «— No se
    aprecia…»). El renglón abre inciso si empieza al margen de la primera viñeta de su página y
    el renglón anterior quedó tan antes del margen derecho del bloque que la primera palabra de
    este habría cabido en él (no es el mismo párrafo partido), o si empieza más a la izquierda
    (donde quedó la viñeta; una continuación no); además, si empieza con mayúscula, el anterior
    acaba en una palabra que no pide continuación (el OCR perdió el punto), y si empieza con
    basura (una letra o signos sueltos), el anterior cierra su oración con punto. El renglón
    anterior debe ser de un inciso: el que lo abre o una continuación con sangría; tras otro
    renglón al margen (un título de bloque que no se leyó como tal, «Valoración»), no."""
    if not (linea.ocr and anterior.ocr and linea.pagina == anterior.pagina):
        return False
    palabras = linea.texto.split()
    margen = _margen_de_las_vinetas(linea, previas)
    tolerancia = tolerancia_sangria(linea.tamano, AJUSTES_POR_OMISION)
    if margen is not None and linea.x0 > margen + tolerancia:
        # Una página torcida corre el margen renglón a renglón: el de la viñeta más cercana.
        margen = _margen_de_la_ultima_vineta(linea, previas)
    if not palabras or margen is None or linea.x0 > margen + tolerancia:
        return False
    if not anterior_abre and anterior.x0 <= margen + tolerancia:
        return False  # tras un renglón al margen que no es inciso («Valoración»): no es lista
    antes = linea.x0 < margen - tolerancia  # más a la izquierda: el OCR dejó ahí la viñeta
    # Con sangría francesa (los renglones que siguen a la viñeta, más adentro), un renglón al
    # margen de las viñetas no sigue el párrafo de arriba aunque éste llegue al margen derecho.
    francesa = any(p.x0 > margen + SANGRIA_FRANCESA for p in previas if p.pagina == linea.pagina)
    if not antes and not francesa and not _renglon_corto(anterior, palabras[0], [*previas, linea]):
        return False
    if re.match(r"[A-ZÁÉÍÓÚÑ][a-záéíóúñ]", palabras[0]):
        return _punto_perdido_o_final(anterior)
    basura = len(palabras[0]) == 1 or not any(c.isalpha() for c in palabras[0])
    return basura and len(palabras[0]) <= 2 and anterior.texto.rstrip().endswith(".")


def _punto_perdido_o_final(anterior: Linea) -> bool:
    """¿Cierra el renglón su oración, con su punto o sin él (el OCR lo perdió)?"""
    return bool(FIN_DE_ORACION.search(anterior.texto)) or _punto_perdido(anterior)


def _devolver_vinetas(descartado: list[str], puestos: list[tuple[str, str]]) -> None:
    """En lo descartado, cada número puesto por `_vinetas_como_numeros` vuelve a su viñeta."""
    for numero, vineta in puestos:
        if numero in descartado:
            descartado[descartado.index(numero)] = vineta


def _sin_filas_de_titulos(lineas: list[Linea], descartado: list[str]) -> tuple[list[Linea], bool]:
    """Quita las filas de títulos «No. Recomendación» de una tabla de incisos (también las
    repetidas al inicio de otra página) y dice si el bloque es una tabla."""
    filas = [
        x
        for indice, x in enumerate(lineas)
        if FILA_DE_TITULOS.match(x.texto)
        or (
            x.ocr
            and FILA_DE_TITULOS_OCR.match(x.texto)
            and all(_es_residuo(y) for y in lineas[:indice] if y.pagina == x.pagina)
        )
    ]
    descartado.extend(x.texto for x in filas)
    restantes = [x for x in lineas if not any(x is f for f in filas)]
    return restantes, bool(filas) or _numerada_sin_punto(restantes)


def _sin_signos_sueltos(lineas: list[Linea], descartado: list[str]) -> list[Linea]:
    """Quita (a lo descartado) los renglones de OCR sin una sola letra ni cifra («|», lo que
    queda del borde de una franja o de una mota arriba de la página): no son texto del bloque, y
    entre dos justificaciones abrirían el cierre y se tragarían la siguiente."""
    sueltos = [x for x in lineas if x.ocr and not any(c.isalnum() for c in x.texto)]
    descartado.extend(x.texto for x in sueltos)
    return [x for x in lineas if not any(x is y for y in sueltos)]


def _numerada_sin_punto(lineas: list[Linea]) -> bool:
    """¿Numera el bloque con el número solo, sin punto, como en una tabla cuya fila de títulos
    el OCR no leyó? El primer renglón (tras los residuos) empieza con «1 » y al menos otros
    dos con un número mayor: «1 Elaborar un diagrama…», «4 Diseñar el diagnóstico…», «5 |
    Documentar…» (el OCR pudo no leer el 2 ni el 3)."""
    numeros = [int(c.group("numero")) for x in lineas if (c := NUMERO_EN_CELDA.match(x.texto))]
    primera = next((x for x in lineas if not _es_residuo(x)), None)
    return (
        primera is not None
        and (c := NUMERO_EN_CELDA.match(primera.texto)) is not None
        and int(c.group("numero")) == 1
        and sum(n > 1 for n in numeros) >= 2
    )


def _celda_con_borde(linea: Linea, en_tabla: bool) -> bool:
    """En una tabla escaneada, el número con el borde de su celda («8 | Integrar…», «[7 |
    Diseñar…») abre una fila aunque el renglón anterior termine con basura del OCR en lugar
    del punto («…operativo. OS mu»)."""
    coincidencia = NUMERO_EN_CELDA.match(linea.texto) if en_tabla and linea.ocr else None
    return coincidencia is not None and bool(re.search(r"[\[\]|]", coincidencia.group()))


def _numero_en_celda(linea: Linea, esperado: int) -> re.Match | None:
    """«2 Diseñar el Árbol…»: el número en su celda es el del inciso si es el que sigue."""
    coincidencia = NUMERO_EN_CELDA.match(linea.texto)
    if coincidencia is None:
        return None
    numero = int(coincidencia.group("numero"))
    # En un escaneo puede haberse perdido alguno antes (ver `_recuperar_incisos_ilegibles`).
    hasta = esperado + (MAXIMO_PERDIDOS_OCR if linea.ocr else 0)
    if esperado <= numero <= hasta:
        return coincidencia
    return None


def _abrir_inciso(
    items: list[tuple[int, list[Linea]]],
    descartado: list[str],
    numero: int,
    linea: Linea,
    fin: int,
    siguientes: Sequence[Linea] = (),
) -> None:
    """Un inciso nuevo que empieza en `linea` después de su número (`linea.texto[:fin]`, que
    se descarta), con las líneas `siguientes`."""
    if fin:
        descartado.append(linea.texto[:fin])
    items.append((numero, [con_texto(linea, linea.texto[fin:]), *siguientes]))


def _siguiente(lineas: list[Linea], posicion: int) -> Linea | None:
    return lineas[posicion + 1] if posicion + 1 < len(lineas) else None


def _recuperar_incisos_ilegibles(
    items: list[tuple[int, list[Linea]]],
    esperado: int,
    perdidos: int,
    descartado: list[str],
    con_romanos: bool = False,
    ajustes: AjustesDisposicion = AJUSTES_POR_OMISION,
) -> bool:
    """En un escaneo llega un inciso posterior al esperado («4.» cuando se esperaba «2.»): los
    que faltan empiezan en las últimas líneas del inciso actual que abren oración, con su
    número ilegible («Ze Documentar…», «2 Establecer…») o perdido. Si hay tantas como faltan,
    se parte ahí. Si hay líneas que se leen justo como los números que faltan («H. Cuenta…»
    por «II.»), al margen del inciso y no más adentro, son ellas aunque el OCR haya cambiado
    el punto final de la anterior por una coma."""
    lineas = items[-1][1]
    if _recuperar_por_lectura(items, esperado, perdidos, descartado, con_romanos, ajustes):
        return True
    candidatas = [
        indice
        for indice in range(1, len(lineas))
        if _cierra_oracion(lineas[indice - 1])
        and (
            lineas[indice].texto.lstrip()[:1].isalnum()
            or NUMERO_ILEGIBLE_OCR.match(lineas[indice].texto)
        )
    ]
    if len(candidatas) < perdidos:
        return False
    cortes = candidatas[-perdidos:]
    grupos = [lineas[a:b] for a, b in zip(cortes, [*cortes[1:], len(lineas)], strict=True)]
    del lineas[cortes[0] :]
    for desplazamiento, grupo in enumerate(grupos):
        primera = grupo[0]
        ilegible = NUMERO_ILEGIBLE_OCR.match(primera.texto)
        if ilegible and _es_palabra(ilegible):
            ilegible = None
        fin = ilegible.end() if ilegible else 0
        _abrir_inciso(items, descartado, esperado + desplazamiento, primera, fin, grupo[1:])
    return True


def _recuperar_tras_el_primero(
    items: list[tuple[int, list[Linea]]],
    previas: list[Linea],
    esperado: int,
    numero: int,
    descartado: list[str],
    con_romanos: bool,
    ajustes: AjustesDisposicion,
) -> bool:
    """Las líneas antes del primer número legible (`numero`, posterior al 2) son el inciso 1 y
    los que faltan, si se recuperan como en `_recuperar_incisos_ilegibles`."""
    basura: list[str] = []
    items.append((1, _sin_basura(previas, basura)))
    perdidos = numero - esperado
    if _recuperar_incisos_ilegibles(items, esperado, perdidos, basura, con_romanos, ajustes):
        descartado.extend(basura)
        return True
    items.clear()
    return False


def _recuperar_por_lectura(
    items: list[tuple[int, list[Linea]]],
    esperado: int,
    perdidos: int,
    descartado: list[str],
    con_romanos: bool,
    ajustes: AjustesDisposicion,
) -> bool:
    """Los incisos que faltan, si en el inciso actual hay una línea que se lee como cada uno,
    en orden (ver `_recuperar_incisos_ilegibles`)."""
    lineas = items[-1][1]
    margen = lineas[0].x0 + tolerancia_sangria(lineas[0].tamano, ajustes)
    lecturas = [
        (indice, numero, marca)
        for indice in range(1, len(lineas))
        if lineas[indice].pagina != lineas[0].pagina or lineas[indice].x0 <= margen
        for numero in range(esperado, esperado + perdidos)
        if (marca := _marca_ocr(lineas[indice], numero, con_romanos))
    ]
    numeros = [numero for _, numero, _ in lecturas]
    cortes = [indice for indice, _, _ in lecturas]
    if numeros != list(range(esperado, esperado + perdidos)) or len(set(cortes)) != perdidos:
        return False
    grupos = [lineas[a:b] for a, b in zip(cortes, [*cortes[1:], len(lineas)], strict=True)]
    del lineas[cortes[0] :]
    for grupo, (_, numero, marca) in zip(grupos, lecturas, strict=True):
        _abrir_inciso(items, descartado, numero, grupo[0], marca.end(), grupo[1:])
    return True


def _marca_ocr(linea: Linea, numero: int, con_romanos: bool) -> re.Match | None:
    """¿Empieza la línea de OCR con el número `numero` mal leído («S .-», «H.», «IL.»)?"""
    return _numeracion_ocr(linea, numero) or _romano_ocr(linea, numero, con_romanos)


def _encabezado_ilegible(
    previas: list[Linea], actuales: list[Linea], descartado: list[str]
) -> bool:
    """Antes de una lista que vuelve a empezar en 1, un renglón corto tras un fin de oración es
    el encabezado del bloque siguiente que el OCR no dejó leer («COM paliasd» por
    «RECOMENDACIONES», «J ustificación:»): sale del inciso y se descarta."""
    if len(previas) < 2 or not actuales or actuales[-1] is not previas[-1]:
        return False
    renglon = previas[-1]
    corto = len(renglon.texto.split()) <= PALABRAS_ENCABEZADO_ILEGIBLE
    if not corto or renglon.texto.rstrip().endswith(".") or len(actuales) < 2:
        return False
    if not FIN_DE_ORACION.search(previas[-2].texto):
        return False
    descartado.append(actuales.pop().texto)
    return True


def _salto(
    siguientes: list[Linea], numero: int, esperado: int, en_tabla: bool = False
) -> str | None:
    """En un escaneo llega el inciso `numero` cuando se esperaba `esperado`: si el siguiente
    número del bloque es `numero + 1`, el OCR perdió los de en medio (PERDIDOS); si es
    `esperado + 1`, leyó mal este (MAL_LEIDO); si no hay otro, no se sabe (DUDOSO: se toma como
    el esperado). En una tabla cuenta también el número solo en su celda."""
    proximo = next(
        (
            numero_de_inciso(c)
            for x in siguientes
            if (c := NUMERACION.match(x.texto) or (en_tabla and NUMERO_EN_CELDA.match(x.texto)))
        ),
        None,
    )
    if proximo == numero + 1 and esperado < numero <= esperado + MAXIMO_PERDIDOS_OCR:
        return PERDIDOS
    if proximo == esperado + 1:
        return MAL_LEIDO
    if proximo is None and esperado < numero <= esperado + MAXIMO_PERDIDOS_OCR:
        return DUDOSO
    return None


def _duda_de_salto(salto: str, numero: int, esperado: int, linea: Linea) -> str:
    if salto == PERDIDOS:
        return (
            f"El inciso {numero} sigue al {esperado - 1}: el OCR no leyó los de en medio "
            f"(«{linea.texto[:40]}…»)."
        )
    return (
        f"El inciso que sigue al {esperado - 1} se lee con otro número: se tomó como el "
        f"{esperado} («{linea.texto[:40]}…»)."
    )


def _separar_inciso_ilegible(
    items: list[tuple[int, list[Linea]]], descartado: list[str], dudas: list[str]
) -> bool:
    """El último inciso de un escaneo no tiene quien confirme su número: si dentro de él una
    oración nueva empieza con lo que queda de un número ilegible («CA Integrar…» por «6.-
    Integrar…»), es el inciso siguiente; se separa (¿se separó?) y queda la duda. Dentro de
    otro inciso también («Us Integrar…» por «5 Integrar…» en una tabla): entonces el número del
    que sigue, que se tomó como el que seguía, estaba mal leído («[5» por «6»), y los que
    siguen se corren uno, también con la duda."""
    for posicion, (numero, lineas) in enumerate(items):
        for indice in range(1, len(lineas)):
            linea = lineas[indice]
            ilegible = NUMERO_ILEGIBLE_OCR.match(linea.texto) if linea.ocr else None
            if ilegible is None or _es_palabra(ilegible) or not _cierra_oracion(lineas[indice - 1]):
                continue
            separadas = lineas[indice:]
            del lineas[indice:]
            siguientes = items[posicion + 1 :]
            del items[posicion + 1 :]
            _abrir_inciso(items, descartado, numero + 1, linea, ilegible.end(), separadas[1:])
            items.extend((n + 1, grupo) for n, grupo in siguientes)
            duda = (
                f"El inciso {numero + 1} no tiene número legible («{linea.texto[:40]}…»): se "
                f"separó del {numero}."
            )
            if siguientes:
                duda += (
                    f" Los que seguían se corren uno (el {siguientes[0][0]} es el {numero + 2})."
                )
            dudas.append(duda)
            return True
    return False


def _es_residuo(linea: Linea) -> bool:
    """Un renglón de OCR con tan pocas letras que es un residuo («o», «Se», «ono»)."""
    return linea.ocr and _pocas_letras(linea.texto)


def _pocas_letras(texto: str) -> bool:
    """¿Tiene el texto tan pocas letras y cifras que, en un escaneo, es un residuo?"""
    return sum(c.isalnum() for c in texto) <= RESIDUO_OCR


def _cierra_oracion(linea: Linea) -> bool:
    """Termina oración, o es un residuo de OCR («o» donde se leyó mal «incompleto.»)."""
    return bool(FIN_DE_ORACION.search(linea.texto)) or _es_residuo(linea)


def _es_palabra(ilegible: re.Match) -> bool:
    """¿Es el «número ilegible» una palabra corta de verdad («El», «Se»)? Con un signo pegado
    («O:», «Z.») no lo es, ni una sola letra antes de otra palabra con mayúscula: en mayúscula
    («A En atención…», «E No presenta…» por «3 .-» y «7 .-»), ni nada en minúsculas tras el fin
    de una oración («a Presenta…», «e El ente…», «la Elaborar…» por «4 .-»: una oración empieza
    con mayúscula, y la conjunción «e» va sólo antes de «i» o «hi»). Quien pregunta ya vio que
    la oración anterior terminó."""
    token = ilegible.group("token") or ""
    if (len(token) == 1 and token.isalpha()) or token.islower():
        return False
    return token.lower() in PALABRAS_CORTAS and not ilegible.group("signo")


def _inicia_oracion(linea: Linea, anterior: Linea | None) -> bool:
    if anterior is None or FIN_DE_ORACION.search(anterior.texto) or linea.parrafo:
        return True
    # En un escaneo, tras un renglón que es sólo un residuo («ono» donde iba un encabezado).
    return linea.ocr and _pocas_letras(anterior.texto)


def _confirmar_cierre(
    items: list[tuple[int, list[Linea]]], cierre: list[_Grupo], dudas: list[str] | None = None
) -> None:
    """Un cierre reconocido sólo por su forma debe decir algo de las recomendaciones (un
    veredicto): si no, es otro párrafo del último inciso y vuelve a él. Si ese párrafo va todo
    en negritas y el inciso no (el cierre de un Word con estilos), queda en `dudas`."""
    while cierre and cierre[0].por in ("forma", "sangría") and items:
        texto = unir_lineas([x.texto for x in cierre[0].lineas])
        if cierre[0].por == "forma" and estatus.veredicto_general(texto):
            break
        if cierre[0].por == "sangría" and _habla_de_las_recomendaciones(texto):
            break
        if dudas is not None and (
            (_en_negritas(cierre[0].lineas) and not any(x.negritas for x in items[-1][1]))
            or _habla_sin_veredicto(texto)
        ):
            dudas.append(
                f"El párrafo tras el inciso {items[-1][0]} parece el cierre (en negritas, o habla "
                "de las recomendaciones sin citar ninguna), pero no se reconoce su veredicto "
                f"(«{cierre[0].lineas[0].texto[:40]}…»)."
            )
        items[-1][1].extend(cierre.pop(0).lineas)
        if cierre:
            cierre[0].por = "forma"


def _habla_sin_veredicto(texto: str) -> bool:
    """¿Habla el párrafo de las recomendaciones en general, sin citar ninguna, como un cierre
    («…por lo que dichas recomendaciones se reiteran en sus términos.»), aunque no se reconozca
    su veredicto? Un escaneo no tiene negritas: sin esta duda, un cierre con otra redacción
    quedaría callado dentro de la última justificación."""
    return HABLA_DE_LAS_RECOMENDACIONES.search(
        texto
    ) is not None and not estatus.referencias_numericas(texto, 99)


def _en_negritas(lineas: list[Linea]) -> bool:
    """¿Van todas las líneas enteras en negritas?"""
    return all(espacios(" ".join(x.negritas)) == espacios(x.texto) for x in lineas)


def partir_valoracion(lineas: list[Linea]) -> tuple[str, list[str]]:
    """El bloque «Valoración de la justificación:» (o «Conclusión:») es el cierre del
    procedimiento; los renglones de OCR sin palabras («y A A», el borde de una tabla) se
    descartan. Devuelve el cierre y lo descartado."""
    basura = [x for x in lineas if sin_palabras(x) or _es_residuo(x)]
    cierre = unir_lineas([x.texto for x in lineas if x not in basura])
    return cierre, [x.texto for x in basura]


def _cierre_por_veredicto(items: list[tuple[int, list[Linea]]], dudas: list[str]) -> list[_Grupo]:
    """Sin cierre reconocido, la última justificación puede terminar con él pegado, sin párrafo
    aparte ni otra sangría (una maqueta densa): una oración que empieza renglón y da un
    veredicto sobre «la(s) recomendación(es)» sin citar números, sin que después se cite
    ninguna, es el cierre. Si sus palabras no son de una regla de cierre (`cierres.jsonl`), se
    separa igual pero queda la duda."""
    lineas = items[-1][1]
    for indice in range(1, len(lineas)):
        linea = lineas[indice]
        residuo = RESIDUO_ANTES_DE_CIERRE.match(linea.texto) if linea.ocr else None
        texto = linea.texto[residuo.end() :] if residuo else linea.texto
        if not FIN_DE_ORACION.search(lineas[indice - 1].texto) or not texto[:1].isupper():
            continue
        resto = unir_lineas([texto, *(x.texto for x in lineas[indice + 1 :])])
        if estatus.referencias_numericas(resto, 99) or not _veredicto_sin_cita(lineas[indice:]):
            continue
        if clase_de_cierre(texto) is None:
            dudas.append(
                f"El cierre («{resto[:60]}…») se reconoció sólo porque da un veredicto sin "
                f"citar recomendaciones, pegado a la justificación {items[-1][0]}: revíselo."
            )
        items[-1] = (items[-1][0], lineas[:indice])
        return [_Grupo(lineas[indice:], "veredicto")]
    return []


def _separar_cierre_a_media_linea(incisos: Incisos) -> None:
    """Una frase de cierre inconfundible que empieza a media línea dentro del último inciso
    (una capa de texto sin saltos de línea) también es el cierre."""
    if not incisos.items:
        return
    ultimo = incisos.items[-1]
    frases = oraciones(ultimo.texto)
    for indice, frase in enumerate(frases[1:], start=1):
        if es_cierre(frase, inconfundible=True):
            ultimo.texto = " ".join(frases[:indice])
            incisos.cierre.insert(0, " ".join(frases[indice:]))
            return


def _dudas_de_cierre(incisos: Incisos) -> list[str]:
    """Una justificación (que no es la última) con una frase de cierre dentro."""
    dudas = []
    for item in incisos.items[:-1]:
        if any(es_cierre(f, inconfundible=True) for f in oraciones(item.texto)[1:]):
            dudas.append(
                f"La justificación {item.numero} contiene una frase de cierre y le siguen "
                "otras justificaciones."
            )
    return dudas


def _dudas_de_largo(items: list[Item]) -> list[str]:
    dudas = []
    for item in items:
        otros = sorted(len(x.texto) for x in items if x is not item)
        if len(otros) < 2:
            continue
        mediana = otros[len(otros) // 2]
        largo = len(item.texto)
        if largo >= LARGO_MINIMO_SOSPECHOSO and largo > VECES_MAS_LARGO * mediana:
            dudas.append(
                f"El inciso {item.numero} mide {len(item.texto)} caracteres, más de "
                f"{VECES_MAS_LARGO} veces lo que sus hermanos: puede haberse tragado a otro."
            )
    return dudas


def _numeracion_ocr(linea: Linea, esperado: int) -> re.Match | None:
    """En una línea de OCR, un número mal leído cuenta sólo si es el que sigue."""
    if not linea.ocr:
        return None
    for patron in (NUMERACION_OCR, SUBNUMERO_OCR, NUMERO_SOLO_OCR):
        coincidencia = patron.match(linea.texto)
        if coincidencia and numero_de_inciso(coincidencia) == esperado:
            return coincidencia
    return None


def _numeracion_ocr_adelante(linea: Linea, esperado: int) -> re.Match | None:
    """Un número mal leído por OCR («S .-», «l.») posterior al esperado, a lo más tantos como
    puede perder el OCR: sólo cuenta si se recuperan los de en medio."""
    coincidencia = NUMERACION_OCR.match(linea.texto)
    if coincidencia and esperado < numero_de_inciso(coincidencia) <= esperado + MAXIMO_PERDIDOS_OCR:
        return coincidencia
    return None


def _siguen_letras(siguientes: list[Linea], esperado: int) -> bool:
    """¿Sigue el bloque con una letra de inciso posterior a la esperada («h)» tras «1)» y «2)»
    donde iban «f)» y «g)»)? Entonces el «1)» no empieza otra lista."""
    for linea in siguientes:
        coincidencia = NUMERACION.match(linea.texto)
        if coincidencia and coincidencia.group("letra"):
            return numero_de_inciso(coincidencia) > esperado
    return False


def _numero_uno_ocr(linea: Linea, en_romanos: bool) -> bool:
    """¿Empieza la línea de OCR con un «1.» (o un «I.») mal leído («l.», «IL.»)?"""
    return _numeracion_ocr(linea, 1) is not None or (
        en_romanos and _romano_ocr(linea, 1, en_romanos) is not None
    )


def _romano_ocr(linea: Linea, esperado: int, en_romanos: bool) -> re.Match | None:
    """En una línea de OCR, un romano hecho de trazos mal leídos («IL.», «HI.», «VIIL») cuenta
    si alguna de sus lecturas es el inciso `esperado`: cada trazo es una «I» («H» son dos) y,
    si termina en «L», también sin ella (un trazo de más: «IL.» por «I.»). Mientras no se sepa
    que el bloque va en romanos (`en_romanos`), un solo trazo debe llevar su punto («L.»)."""
    coincidencia = ROMANO_OCR.match(linea.texto) if linea.ocr else None
    if coincidencia is None:
        return None
    trazos = coincidencia.group("trazos")
    if not en_romanos and len(trazos) < 2 and not coincidencia.group("signo"):
        return None
    lecturas = {trazos.translate(TRAZOS_OCR)}
    if len(trazos) > 1 and trazos[-1] in "lL":
        lecturas.add(trazos[:-1].translate(TRAZOS_OCR))
    return coincidencia if esperado in {romano_a_entero(x) for x in lecturas} else None


def _numeracion_tras_residuo(
    linea: Linea, anterior: Linea | None, esperado: int
) -> re.Match | None:
    """En una línea de OCR que abre oración, el inciso que sigue tras un residuo («¡ 8.»)."""
    if not linea.ocr or not _inicia_oracion(linea, anterior):
        return None
    coincidencia = NUMERACION_TRAS_RESIDUO.match(linea.texto) or NUMERO_SIN_PUNTO_OCR.match(
        linea.texto
    )
    if coincidencia and numero_de_inciso(coincidencia) == esperado:
        return coincidencia
    return None


def numero_de_inciso(coincidencia: re.Match) -> int:
    grupos = coincidencia.groupdict()
    if grupos.get("numero"):
        return int(grupos["numero"])
    if grupos.get("ordinal"):
        return ordinales().numero(grupos["ordinal"]) or 0
    if grupos.get("ocr"):
        return int(grupos["ocr"].translate(DIGITOS_OCR))
    if grupos.get("sub"):
        return int(grupos["sub"])
    if grupos.get("nombrado"):
        return int(grupos["nombrado"])
    if grupos.get("cifras"):
        return int(grupos["cifras"])
    if grupos.get("romano"):
        return romano_a_entero(grupos["romano"]) or 0
    if grupos.get("romano_minusculo"):
        return romano_a_entero(grupos["romano_minusculo"].upper()) or 0
    letra = grupos.get("letra") or grupos.get("letra_mayuscula")
    return ord(letra.lower()) - ord("a") + 1


def con_texto(linea: Linea, texto: str) -> Linea:
    """La misma línea (con su marca de párrafo) con otro texto; sin texto, la línea tal cual."""
    return replace(linea, texto=texto) if texto else linea


def _sin_basura(grupo: list[Linea], descartado: list[str]) -> list[Linea]:
    """El primer inciso sin número (el OCR lo perdió): se quita la basura que quedó en su lugar."""
    basura = BASURA_INICIAL.match(grupo[0].texto)
    if basura:
        descartado.append(basura.group())
    primera = con_texto(grupo[0], grupo[0].texto[basura.end() :] if basura else grupo[0].texto)
    return [primera, *grupo[1:]]


def _item(numero: int, grupo: list[Linea]) -> Item:
    return Item(numero=numero, texto=unir_lineas([x.texto for x in grupo]), pagina=grupo[0].pagina)
