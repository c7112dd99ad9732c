"""Segmentación de un informe de desempeño: secciones I–VIII, procedimientos y sus bloques.

Los encabezados se reconocen con las reglas de spaCy de `modelos/reglas/encabezados.jsonl`; los
incisos numerados con `NUMERACION`. Nunca lanza excepciones con texto arbitrario: lo que no
reconoce queda fuera de los procedimientos.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractores import reglas
from modelos.registros import Item, Linea

# "1. De acuerdo al resultado", "1.- Formalizar", "2) Reforzar", "3.-Atender", "4 .- Identificar",
# "a) Diseñar el diagnóstico", "(3) Presentar" (no "54.28 puntos": tras el punto no puede
# seguir un dígito).
NUMERACION = re.compile(
    r"^\s*(?:\(?(?P<numero>\d{1,2})\s*(?:\.-|\.\)|\.|\)|-)|\(?(?P<letra>[a-h])\))\s*(?=[^\d\s])"
)
# El número de un inciso mal leído por OCR: "S.- Elaborar" (5), "l. Diseñar" (1), "B) Presenta" (8)
NUMERACION_OCR = re.compile(
    r"^\s*(?P<ocr>[0-9SsIl|OoBZzGg]{1,2})\s*(?:\.-|\.\)|\.|\)|-)\s*(?=[^\d\s])"
)
DIGITOS_OCR = str.maketrans("SsIl|OoBZzGg", "551110082269")
# Un bloque que dice que no hay incisos: "No se emitieron recomendaciones.", "Sin resultados."
SIN_INCISOS = re.compile(
    r"^\s*(?:no\s+se\s+(?:emiten|emitieron|emite|emitió|determinaron|formularon|identificaron|"
    r"presentan?|presentó|recibió|recibieron)\b|sin\s+(?:recomendaciones|resultados|"
    r"justificaci[oó]n)|ningun[oa]\b|no\s+aplica\b|n/a\b)",
    re.IGNORECASE,
)
# Una línea que termina oración: "...con sustento en la evidencia exhibida."
FIN_DE_ORACION = re.compile(r"[.:;]\s*$")
# Basura de OCR donde iba el número del primer inciso: "hs Formalizar un Programa..."
BASURA_INICIAL = re.compile(r"^\W{0,2}[a-zñ!|]{1,2}\W?\s+(?=[A-ZÁÉÍÓÚÑ])")
# Palabra partida con guion al final de la línea: "instrumen-" + "tos".
GUION_FINAL = re.compile(r"(?<=[a-záéíóúñ])-$")
# Un rango o una ruta partidos al final de la línea: "(2016-" + "2022)", "y/" + "o".
UNION_SIN_ESPACIO = re.compile(r"(?<=\d)-$|/$")
# El numeral de una sección ("VI.", "VIII.-"; el OCR lee «I» como «1», «l», «!» o «|», e «II»
# como «M», «N» o «H»: "VIM. Dictamen").
NUMERAL_ROMANO = re.compile(r"^[ivxlmnh1!|]{1,5}[.)-]{0,2}$")
# Un número de procedimiento que el OCR no dejó leer («Procedimiento $.»): es el que sigue.
NUMERO_ILEGIBLE = "?"
# Tolerancia de sangría (puntos) para distinguir el cierre (al margen) de un inciso sangrado.
TOLERANCIA_SANGRIA = 2.5
# Una regla de encabezado sin numeral romano debe cubrir la línea salvo esta puntuación.
PUNTUACION_FINAL = set(".:;-)·•")
# Cantidad máxima de tokens de un encabezado de sección que no cubre toda la línea.
TOKENS_MINIMOS_ENCABEZADO_PARCIAL = 3

SECCION_PROCEDIMIENTOS = 6
SECCION_OBSERVACIONES = 7


@dataclass(slots=True)
class Encabezado:
    etiqueta: str  # SECCION, PROCEDIMIENTO, BLOQUE
    valor: str  # número de sección, número de procedimiento o nombre del bloque
    resto: str  # texto de la línea después del encabezado (puede ser contenido)


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


@dataclass(slots=True)
class Segmentos:
    secciones: dict[int, list[Linea]] = field(default_factory=dict)
    procedimientos: list[ProcedimientoCrudo] = field(default_factory=list)


@dataclass(slots=True)
class Incisos:
    items: list[Item]
    cierre: list[str]


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
    return re.sub(r"\s+", " ", " ".join(partes)).strip()


def _puede_ser_encabezado(
    linea: Linea, anterior: Linea | None, anterior_es_encabezado: bool
) -> bool:
    primera = next((c for c in linea.texto if c.isalnum()), "")
    if not primera or not (primera.isupper() or primera.isdigit()):
        return False
    return (
        anterior is None
        or anterior_es_encabezado
        or linea.parrafo
        or linea.pagina != anterior.pagina
        or bool(FIN_DE_ORACION.search(anterior.texto))
    )


def _inconfundible(linea: Linea, encabezado: Encabezado) -> bool:
    """«Procedimiento 3.» solo en su línea, o «VI. Procedimientos…» con su numeral, no necesitan
    un párrafo nuevo para ser encabezados (un «Resultados.» suelto sí: puede ser fin de frase)."""
    if encabezado.etiqueta == "PROCEDIMIENTO":
        return not encabezado.resto
    if encabezado.etiqueta == "SECCION":
        return NUMERAL_ROMANO.match(linea.texto.split()[0].lower()) is not None
    return False


def _resto(doc, fin: int, texto: str) -> str:
    if fin >= len(doc):
        return ""
    return texto[doc[fin].idx :].strip()


def _cubre_linea(doc, fin: int) -> bool:
    return all(token.text in PUNTUACION_FINAL or not token.text.strip() for token in doc[fin:])


def clasificar(linea: Linea) -> Encabezado | None:
    """¿Es la línea un encabezado? Devuelve cuál, o None."""
    buscador = reglas.encabezados()
    doc = buscador.doc(linea.texto)
    for coincidencia in buscador.buscar(doc):
        if coincidencia.inicio != 0:
            continue
        resto = _resto(doc, coincidencia.fin, linea.texto)
        cubre = _cubre_linea(doc, coincidencia.fin)
        if coincidencia.etiqueta == "SECCION":
            con_numeral = NUMERAL_ROMANO.match(doc[0].text) is not None
            largo = coincidencia.fin - coincidencia.inicio
            if cubre or con_numeral or largo >= TOKENS_MINIMOS_ENCABEZADO_PARCIAL:
                return Encabezado("SECCION", coincidencia.id, resto)
        elif coincidencia.etiqueta == "PROCEDIMIENTO":
            ultimo = coincidencia.texto.split()[-1]
            numero = re.search(r"\d{1,3}", ultimo)
            con_puntuacion = ultimo[-1] in ".:)-" or resto[:1] in {".", ":", "-"}
            if cubre or con_puntuacion or len(resto) < 3:
                valor = numero.group() if numero else NUMERO_ILEGIBLE
                return Encabezado("PROCEDIMIENTO", valor, resto.lstrip(".:-) ").strip())
        elif coincidencia.etiqueta == "BLOQUE" and (cubre or resto.startswith(":")):
            return Encabezado("BLOQUE", coincidencia.id, resto.lstrip(":. ").strip())
    return None


def segmentar(lineas: list[Linea]) -> Segmentos:
    """Reparte las líneas del cuerpo en secciones, procedimientos y bloques."""
    segmentos = Segmentos()
    seccion = 0
    actual: ProcedimientoCrudo | None = None
    bloque: Bloque | None = None
    anterior: Linea | None = None
    anterior_es_encabezado = False
    for linea in lineas:
        encabezado = clasificar(linea)
        dudoso = encabezado is not None and not _inconfundible(linea, encabezado)
        if dudoso and not _puede_ser_encabezado(linea, anterior, anterior_es_encabezado):
            encabezado = None
        encabezado = _aceptable(encabezado, seccion, actual)
        anterior, anterior_es_encabezado = linea, encabezado is not None
        if encabezado is None:
            destino = bloque.lineas if bloque else actual.descripcion if actual else None
            if destino is None:
                destino = segmentos.secciones.setdefault(seccion, [])
            destino.append(linea)
            continue
        resto = _linea_resto(linea, encabezado.resto)
        if encabezado.etiqueta == "SECCION":
            seccion = int(encabezado.valor)
            actual, bloque = None, None
            segmentos.secciones.setdefault(seccion, [])
            if resto and seccion != SECCION_PROCEDIMIENTOS:
                segmentos.secciones[seccion].append(resto)
        elif encabezado.etiqueta == "PROCEDIMIENTO":
            seccion = max(seccion, SECCION_PROCEDIMIENTOS)
            anterior_numero = segmentos.procedimientos[-1].numero if segmentos.procedimientos else 0
            numero = (
                anterior_numero + 1
                if encabezado.valor == NUMERO_ILEGIBLE
                else int(encabezado.valor)
            )
            actual = ProcedimientoCrudo(numero, linea.pagina)
            segmentos.procedimientos.append(actual)
            bloque = None
            if resto:
                actual.descripcion.append(resto)
        else:
            assert actual is not None
            bloque = Bloque(encabezado.valor)
            actual.bloques.append(bloque)
            if resto:
                bloque.lineas.append(resto)
    return segmentos


def _aceptable(
    encabezado: Encabezado | None, seccion: int, actual: ProcedimientoCrudo | None
) -> Encabezado | None:
    """Las secciones sólo avanzan; procedimientos antes de VII; bloques dentro de uno."""
    if encabezado is None:
        return None
    if encabezado.etiqueta == "SECCION":
        return encabezado if int(encabezado.valor) > seccion else None
    if encabezado.etiqueta == "PROCEDIMIENTO":
        return encabezado if seccion < SECCION_OBSERVACIONES else None
    return encabezado if actual is not None else None


def _linea_resto(linea: Linea, resto: str) -> Linea | None:
    if not resto:
        return None
    return Linea(
        texto=resto,
        pagina=linea.pagina,
        x0=linea.x0,
        top=linea.top,
        bottom=linea.bottom,
        tamano=linea.tamano,
        negritas=linea.negritas,
        ocr=linea.ocr,
        parrafo=False,
    )


def _es_cierre(linea: Linea, anterior: Linea, lineas_item: list[Linea]) -> bool:
    """¿Empieza aquí el cierre (el párrafo tras las justificaciones numeradas)?

    Se compara con las líneas del inciso actual en la misma página (un escaneo torcido corre
    el margen de arriba abajo, así que sólo vale comparar con lo cercano)."""
    termina_oracion = bool(FIN_DE_ORACION.search(anterior.texto))
    en_pagina = [x.x0 for x in lineas_item if x.pagina == linea.pagina]
    if not en_pagina:
        return termina_oracion  # primera línea de la página tras un inciso terminado
    referencia = min(en_pagina)
    if linea.x0 < referencia - TOLERANCIA_SANGRIA:
        return termina_oracion or linea.parrafo  # a la izquierda del inciso
    if linea.x0 > referencia + TOLERANCIA_SANGRIA:
        return False  # sangría colgante: continúa el inciso
    return linea.parrafo and termina_oracion


def partir_incisos(lineas: list[Linea], con_cierre: bool = False) -> Incisos:
    """Parte un bloque en incisos numerados; en una justificación, separa el cierre."""
    items: list[tuple[int, list[Linea]]] = []
    previas: list[Linea] = []
    cierre: list[list[Linea]] = []
    anterior: Linea | None = None
    for linea in lineas:
        esperado = len(items) + 1 if items or not previas else 2
        coincide = NUMERACION.match(linea.texto) or _numeracion_ocr(linea, esperado)
        numero = numero_de_inciso(coincide) if coincide else None
        if cierre:
            if linea.parrafo and anterior and FIN_DE_ORACION.search(anterior.texto):
                cierre.append([linea])
            else:
                cierre[-1].append(linea)
        elif coincide and not items and not previas and linea.ocr and numero != esperado:
            # El primer inciso de un bloque escaneado con el número mal leído («4.» por «1.»).
            items.append((1, [_con_texto(linea, linea.texto[coincide.end() :])]))
        elif coincide and numero == esperado and (numero > 1 or not items):
            if not items and previas and numero == 2:
                items.append((1, _sin_basura(previas)))
            texto = linea.texto[coincide.end() :]
            items.append((numero, [_con_texto(linea, texto)]))
        elif items and anterior and con_cierre and _es_cierre(linea, anterior, items[-1][1]):
            cierre.append([linea])
        elif items:
            items[-1][1].append(linea)
        else:
            previas.append(linea)
        anterior = linea
    if not items and previas and not SIN_INCISOS.match(previas[0].texto):
        items.append((1, _sin_basura(previas)))
    return Incisos(
        items=[
            _item(numero, grupo) for numero, grupo in items if unir_lineas([x.texto for x in grupo])
        ],
        cierre=[unir_lineas([x.texto for x in grupo]) for grupo in cierre],
    )


def _numeracion_ocr(linea: Linea, esperado: int) -> re.Match | None:
    """En una línea de OCR, un número mal leído cuenta sólo si es el que sigue."""
    if not linea.ocr:
        return None
    coincidencia = NUMERACION_OCR.match(linea.texto)
    if coincidencia and numero_de_inciso(coincidencia) == esperado:
        return coincidencia
    return None


def numero_de_inciso(coincidencia: re.Match) -> int:
    grupos = coincidencia.groupdict()
    if grupos.get("numero"):
        return int(grupos["numero"])
    if grupos.get("ocr"):
        return int(grupos["ocr"].translate(DIGITOS_OCR))
    return ord(grupos["letra"]) - ord("a") + 1


def _con_texto(linea: Linea, texto: str) -> Linea:
    copia = _linea_resto(linea, texto) or linea
    copia.parrafo = linea.parrafo
    return copia


def _sin_basura(grupo: list[Linea]) -> list[Linea]:
    """El primer inciso sin número (el OCR lo perdió): se quita la basura que quedó en su lugar."""
    primera = _con_texto(grupo[0], BASURA_INICIAL.sub("", grupo[0].texto, count=1))
    return [primera, *grupo[1:]]


def _item(numero: int, grupo: list[Linea]) -> Item:
    return Item(numero=numero, texto=unir_lineas([x.texto for x in grupo]), pagina=grupo[0].pagina)
