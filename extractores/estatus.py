"""Estatus de cada recomendación según las reglas de CONTRATO.md.

Una justificación se refiere a una recomendación por número («recomendación número 3»,
«recomendaciones 1 y 3»), por «la recomendación emitida» cuando hay una sola, o por contenido
(«presenta el diagrama de flujo» responde a «Diseñar un Diagrama de Flujo»). La frase específica
sobre una recomendación manda sobre el cierre genérico del procedimiento; si se contradicen,
se agrega una alerta.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz
from spacy.lang.es.stop_words import STOP_WORDS

from extractores import reglas
from extractores.catalogos import ordinales
from extractores.texto import ROMANO, oraciones, romano_a_entero
from modelos.registros import Alerta, Justificacion, Procedimiento, Recomendacion

ACEPTA, RECHAZA, PARCIAL, NEUTRO = "acepta", "rechaza", "parcial", "neutro"
PRIORIDAD = {RECHAZA: 3, PARCIAL: 2, ACEPTA: 1}

# Cláusulas dentro de una oración: "…actividades, sin embargo, esta no reúne…"
FIN_CLAUSULA = re.compile(
    r",\s*(?=(?:sin embargo|no obstante|por otra parte|por lo tanto|por lo que|asimismo|además|"
    r"y no|pero)\b)|;\s*",
    re.IGNORECASE,
)
# Números que siguen a una referencia: "recomendaciones 1, 2 y 3", "números 1 y 3".
# Subnumerados por procedimiento: "recomendaciones 3.1 y 3.4" (la 1 y la 4). Con la clave de la
# recomendación: "recomendaciones R-4 y R-5" (en el texto normalizado, «r-5»), o la de un aspecto
# susceptible de mejora: "los ASM-01 y ASM-03".
NUMEROS_SIGUIENTES = re.compile(
    r"^(?:\s*(?:,|y|e|al|a)\s*(?:r-?|asm-?|rec-?|rd-?)?(\d{1,2}(?:\.\d{1,2}(?!\d))?))+"
)
# Las letras de la clave antes del número referido: «r-2», «asm-03», «rec2».
CLAVE_ANTES_DEL_NUMERO = re.compile(r"^[a-z]+-?")
NUMERO_REFERIDO = re.compile(r"\d{1,2}(?:\.\d{1,2}(?!\d))?")
# Romanos que siguen a una referencia en romanos: "recomendaciones números II, III y V".
ROMANOS_SIGUIENTES = re.compile(rf"^(?:\s*(?:,|y|e)\s*{ROMANO}(?!\w))+")
# Las reglas de referencia con el número en romanos («recomendación número V», «recomendaciones
# III y IV»): sólo ahí una letra suelta «V» o «I» es un número.
REFERENCIAS_ROMANAS = frozenset({"recomendacion-numero-romano", "recomendaciones-romanos"})
# La regla de referencia con la letra del inciso («la recomendación del inciso b)», «las
# recomendaciones de los incisos a) y c)»): la letra es el número (a = 1).
REFERENCIAS_CON_LETRA = frozenset({"recomendacion-inciso-letra"})
# La referencia por la clave de expediente de la recomendación (ejercicio, siglas, auditoría,
# procedimiento y orden): «la recomendación 2021-AED-091-03-002» es la 2 del procedimiento.
REFERENCIAS_CON_CLAVE = frozenset({"recomendacion-clave-expediente"})
# Las claves que siguen a la primera, en el texto normalizado: «las recomendaciones
# 2021-AED-091-03-001 y 2021-AED-091-03-003» (el orden, las últimas cifras).
CLAVES_SIGUIENTES = re.compile(r"^(?:\s*(?:,|y|e)\s*\d{4}-[a-z]{2,5}-\d{2,3}-\d{2}-(\d{3}))+")
CLAVE_DE_EXPEDIENTE = re.compile(r"\d{4}-[a-z]{2,5}-\d{2,3}-\d{2}-(\d{3})")
# Letras que siguen a una referencia con letra: "incisos a), b) y d)" (tras la primera «a)»);
# en un escaneo, la «g» se lee como «9»: "incisos a) y 9)" (tras una letra, es la g).
LETRAS_SIGUIENTES = re.compile(r"^(?:\s*(?:,|y|e)\s*[a-h9]\))+")
LETRAS_OCR = str.maketrans({"9": "g"})
# "la recomendación número dos", "recomendaciones uno y tres"
NUMEROS_EN_LETRA = {
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10,
}  # fmt: skip
REFERENCIA_EN_LETRA = re.compile(
    r"recomendacion(?:es)?\s+(?:numeros?\s+)?((?:uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|"
    r"nueve|diez)(?:\s*(?:,|y|e)\s*(?:uno|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez))*)\b"
)
# "la recomendación SEGUNDA", "las recomendaciones PRIMERA y TERCERA", "la recomendación ÚNICA"
# (recomendaciones numeradas con su ordinal, `modelos/catalogos/ordinales.csv`; texto
# normalizado, sin acentos).
_ORDINALES_FEMENINOS = "|".join(ordinales().palabras("femenino"))
REFERENCIA_ORDINAL = re.compile(
    rf"recomendacion(?:es)?\s+((?:{_ORDINALES_FEMENINOS})"
    rf"(?:\s*(?:,|y|e)\s*(?:{_ORDINALES_FEMENINOS}))*)\b"
)
# El ordinal antes del nombre: "en atención a la segunda recomendación", "a la única
# recomendación", "la primera y la tercera recomendaciones" (texto normalizado, sin acentos).
REFERENCIA_ORDINAL_PREVIO = re.compile(
    rf"\b(?:la|las)\s+((?:{_ORDINALES_FEMENINOS})"
    rf"(?:\s*(?:,|y|e)\s*(?:la\s+)?(?:{_ORDINALES_FEMENINOS}))*)\s+recomendacion(?:es)?\b"
)
# Un número de recomendación mal leído por OCR: "recomendaciones $ y 6" (5), "recomendación l" (1),
# «recomendación número Í» (el romano I con una mota encima). También tras la clave: "la
# recomendación R-S" (R-5), "recomendaciones R-2 y R-S".
DIGITO_OCR = re.compile(
    r"(?:(?<=[Rr]ecomendaci[oó]n\s)|(?<=[Rr]ecomendaciones\s)|(?<=\d\sy\s)|(?<=[Nn][uú]mero\s)"
    r"|(?<=[Rr]ecomendaci[oó]n\sR-)|(?<=[Rr]ecomendaciones\sR-)|(?<=\d\sy\sR-))"
    r"([$Sl|Í])(?=[\s,.;]|$)"
)
# Un número romano de recomendación con trazos mal leídos por OCR: «recomendación número Il»
# (II), «recomendaciones IL y IV», «VIl», «número TII» (III). Sólo letras de romano y trazos,
# con algún trazo.
ROMANO_OCR = re.compile(r"(?<![\w.])(?=[IVX]*[lL|TÍ])[IVXlL|TÍ]{2,5}(?=[\s,.;]|$)")
TRAZOS_OCR = str.maketrans("lL|TÍ", "IIIII")
DIGITOS_OCR = {"$": "5", "S": "5", "l": "1", "|": "1", "Í": "1"}
# Una mota pegada al número de la referencia: "recomendación número +3", "recomendaciones $5 y 8".
SIGNO_ANTES_DEL_NUMERO = re.compile(
    r"(?:(?<=[Nn][uú]mero\s)|(?<=[Rr]ecomendaci[oó]n\s)|(?<=[Rr]ecomendaciones\s))"
    r"[+*#'‘’$](\d{1,2})"
)
# Palabras que no distinguen una recomendación de otra al comparar por contenido.
PALABRAS_GENERICAS = {
    "programa", "pp", "ente", "publico", "evidencia", "entidad", "recomendacion", "presenta",
    "cual", "mismo", "misma", "documento", "respecto", "atencion", "derivado", "asi", "dicho",
}  # fmt: skip
# Palabras del trámite, no del contenido: «el análisis FODA elaborado durante el periodo de
# solventación», «la estrategia de cobertura, debidamente autorizado».
PALABRAS_DE_TRAMITE = {
    "elaborado", "elaborada", "elaborados", "elaboradas", "durante", "periodo", "solventacion",
    "debidamente", "autorizado", "autorizada", "aprobado", "aprobada", "firmado", "firmada",
    "actualizado", "actualizada", "vigente", "correspondiente", "presentado", "presentada",
    "oficio", "respuesta", "emitido", "emitida", "mediante", "fecha", "remitido", "remitida",
    "documental", "soporte", "sustento", "respaldo", "anexo", "anexos", "copia", "certificada",
}  # fmt: skip
# Umbrales de la referencia por contenido (fracción de palabras del objeto halladas).
SIMILITUD_PALABRA = 84
COBERTURA_MINIMA = 0.5
VENTAJA_MINIMA = 0.15
PREFIJO_RAIZ = 5


@dataclass(slots=True)
class Lectura:
    """Lo que dice una justificación: a qué recomendaciones se refiere y con qué veredicto."""

    referencias: list[int] = field(default_factory=list)
    veredictos: dict[int, str] = field(default_factory=dict)


def clausulas(oracion: str) -> list[str]:
    return [c.strip() for c in FIN_CLAUSULA.split(oracion) if c and c.strip()]


# El adjetivo del veredicto en plural: «…se consideran atendidas», «quedan subsanadas».
ADJETIVO_PLURAL = re.compile(r"(?:atendid|solventad|subsanad|aclarad)[ao]s\b")


def _veredicto(texto: str) -> tuple[str, bool]:
    """El veredicto de un texto (rechaza > parcial > acepta) y si está en plural."""
    buscador = reglas.estatus()
    doc = buscador.doc(texto)
    mejor, plural = NEUTRO, False
    etiquetas = {"RECHAZO": RECHAZA, "PARCIAL": PARCIAL, "ACEPTACION": ACEPTA}
    for coincidencia in buscador.buscar(doc):
        veredicto = etiquetas.get(coincidencia.etiqueta)
        if veredicto and PRIORIDAD[veredicto] > PRIORIDAD.get(mejor, 0):
            mejor = veredicto
            plural = bool(ADJETIVO_PLURAL.search(coincidencia.texto))
    return mejor, plural


# Lo que dice la respuesta del ente o la valoración de la Auditoría, no un hallazgo ni una
# recomendación: citar una recomendación, un veredicto.
ETIQUETAS_DE_RESPUESTA = frozenset({"REFERENCIA", "EMITIDA", "ACEPTACION", "RECHAZO"})


def frase_de_respuesta(texto: str) -> str | None:
    """El primer tramo del texto que cita una recomendación o da un veredicto («Atendiendo al
    ASM-04», «se considera atendido»), o None."""
    buscador = reglas.estatus()
    for coincidencia in buscador.buscar(buscador.doc(texto)):
        if coincidencia.etiqueta in ETIQUETAS_DE_RESPUESTA:
            return coincidencia.texto
    return None


def veredicto_general(texto: str) -> bool:
    """¿Dice el texto si algo se atiende o no (acepta, rechaza o parcial)?"""
    return _veredicto(texto)[0] != NEUTRO


def corregir_digitos_ocr(texto: str) -> str:
    """Cambia el número mal leído de una referencia por su dígito (misma longitud de texto)."""
    texto = SIGNO_ANTES_DEL_NUMERO.sub(r"\1 ", texto)  # el signo pasa detrás: misma longitud
    texto = ROMANO_OCR.sub(lambda m: m.group(0).translate(TRAZOS_OCR), texto)
    return DIGITO_OCR.sub(lambda m: DIGITOS_OCR.get(m.group(0), m.group(0)), texto)


def referencias_numericas(texto: str, total: int, desplazamiento: int = 0) -> list[int]:
    """Los números de recomendación que cita el texto, de 1 a `total`. Con `desplazamiento`
    (recomendaciones numeradas de corrido en todo el informe), el texto cita el número corrido
    («recomendación número 8») y se devuelve su orden en el procedimiento (8 -> 2 con 6)."""
    texto = corregir_digitos_ocr(texto)
    buscador = reglas.estatus()
    normal = reglas.normalizar(texto)
    doc = buscador.doc(texto)
    numeros: list[int] = []
    for coincidencia in buscador.buscar(doc):
        if coincidencia.etiqueta == "REFERENCIA" and coincidencia.id in REFERENCIAS_ROMANAS:
            ultimo = doc[coincidencia.fin - 1]
            # El Doc va en minúsculas: el número se lee del texto original (mismo largo), donde
            # debe estar en mayúsculas («V», no la «v» de una palabra).
            romanos = [
                romano_a_entero(texto[t.idx : t.idx + len(t.text)])
                for t in doc[coincidencia.inicio + 1 : coincidencia.fin]
            ]
            siguientes = ROMANOS_SIGUIENTES.match(texto[ultimo.idx + len(ultimo.text) :])
            if siguientes:
                romanos.extend(
                    romano_a_entero(r) for r in re.findall(r"[IVX]+", siguientes.group())
                )
            numeros.extend(n for n in romanos if n)
        elif coincidencia.etiqueta == "REFERENCIA" and coincidencia.id in REFERENCIAS_CON_CLAVE:
            ultimo = doc[coincidencia.fin - 1]
            numeros.append(int(CLAVE_DE_EXPEDIENTE.fullmatch(ultimo.text).group(1)))
            siguientes = CLAVES_SIGUIENTES.match(normal[ultimo.idx + len(ultimo.text) :])
            if siguientes:
                numeros.extend(int(n) for n in CLAVE_DE_EXPEDIENTE.findall(siguientes.group()))
        elif coincidencia.etiqueta == "REFERENCIA" and coincidencia.id in REFERENCIAS_CON_LETRA:
            numeros.extend(_letras_referidas(doc, coincidencia.fin, normal))
        elif coincidencia.etiqueta == "REFERENCIA":
            numeros.append(_numero_referido(doc[coincidencia.fin - 1].text))
            despues = doc[coincidencia.fin - 1].idx + len(doc[coincidencia.fin - 1].text)
            siguientes = NUMEROS_SIGUIENTES.match(normal[despues:])
            if siguientes:
                numeros.extend(
                    _numero_referido(n) for n in NUMERO_REFERIDO.findall(siguientes.group())
                )
                despues += siguientes.end()
            # En un escaneo de un informe con romanos, el OCR lee el «I» de la lista como «1»:
            # «recomendaciones 1 y III» (I y III); los romanos que siguen también cuentan.
            romanos = ROMANOS_SIGUIENTES.match(texto[despues:])
            if romanos:
                enteros = (romano_a_entero(r) for r in re.findall(r"[IVX]+", romanos.group()))
                numeros.extend(n for n in enteros if n)
        elif coincidencia.etiqueta == "EMITIDA" and total == 1:
            numeros.append(desplazamiento + 1)
    for coincidencia in REFERENCIA_ORDINAL.finditer(normal):
        numeros.extend(
            ordinales().numero(p) or 0 for p in re.findall(r"[a-z]+", coincidencia.group(1))
        )
    for coincidencia in REFERENCIA_ORDINAL_PREVIO.finditer(normal):
        numeros.extend(
            ordinales().numero(p) or 0
            for p in re.findall(r"[a-z]+", coincidencia.group(1))
            if p not in {"la", "y", "e"}
        )
    for coincidencia in REFERENCIA_EN_LETRA.finditer(normal):
        numeros.extend(
            NUMEROS_EN_LETRA[p]
            for p in re.findall(r"[a-z]+", coincidencia.group(1))
            if p in NUMEROS_EN_LETRA
        )
    return sorted({n - desplazamiento for n in numeros if 1 <= n - desplazamiento <= total})


def _letras_referidas(doc, fin: int, normal: str) -> list[int]:
    """«incisos a), b) y d)» -> [1, 2, 4]: la letra antes del «)» con que termina la regla y
    las que le siguen en el texto normalizado."""
    parentesis = doc[fin - 1]
    letras = [doc[fin - 2].text]
    siguientes = LETRAS_SIGUIENTES.match(normal[parentesis.idx + len(parentesis.text) :])
    if siguientes:
        letras.extend(re.findall(r"([a-h9])\)", siguientes.group().translate(LETRAS_OCR)))
    return [ord(letra) - ord("a") + 1 for letra in letras]


def _numero_referido(texto: str) -> int:
    """«3» -> 3; «3.2» (subnumerado por procedimiento) -> 2; «r-2» (la clave «R-2») -> 2;
    «asm-03» (un aspecto susceptible de mejora) -> 3."""
    return int(CLAVE_ANTES_DEL_NUMERO.sub("", texto.rsplit(".", 1)[-1]))


@lru_cache(maxsize=8192)
def palabras_clave(texto: str) -> list[str]:
    palabras = re.findall(r"[a-zñ0-9-]+", reglas.normalizar(texto))
    return [
        p
        for p in palabras
        if len(p) >= 3
        and p not in STOP_WORDS
        and p not in PALABRAS_GENERICAS
        and p not in PALABRAS_DE_TRAMITE
    ]


def _se_parecen(a: str, b: str) -> bool:
    return (
        a == b
        or (
            len(a) >= PREFIJO_RAIZ
            and len(b) >= PREFIJO_RAIZ
            and a[:PREFIJO_RAIZ] == b[:PREFIJO_RAIZ]
        )
        or fuzz.ratio(a, b) >= SIMILITUD_PALABRA
    )


def cobertura(objeto: list[str], recomendacion: list[str]) -> float:
    if not objeto:
        return 0.0
    halladas = sum(any(_se_parecen(p, q) for q in recomendacion) for p in objeto)
    return halladas / len(objeto)


def _objeto_presentado(clausula: str) -> tuple[str, bool] | None:
    """Lo que la entidad presenta en una cláusula («presenta el diagrama de flujo…»)."""
    buscador = reglas.estatus()
    doc = buscador.doc(clausula)
    for coincidencia in buscador.buscar(doc):
        if coincidencia.etiqueta == "PRESENTA":
            negado = any(
                t.text == "no" for t in doc[max(0, coincidencia.inicio - 2) : coincidencia.inicio]
            )
            objeto = clausula[doc[coincidencia.fin - 1].idx + len(doc[coincidencia.fin - 1].text) :]
            # Lo presentado llega hasta la primera coma: «…, debidamente autorizado».
            return objeto.split(",")[0], negado
    return None


def referencias_por_contenido(texto: str, recomendaciones: list[Recomendacion]) -> dict[int, bool]:
    """Recomendación -> si la cláusula que la menciona está negada («no presenta …»)."""
    claves = {r.numero: palabras_clave(_sin_verbo_inicial(r.texto)) for r in recomendaciones}
    halladas: dict[int, bool] = {}
    for oracion in oraciones(texto):
        for clausula in clausulas(oracion):
            presentado = _objeto_presentado(clausula)
            if presentado is None:
                continue
            objeto = palabras_clave(presentado[0])
            puntajes = sorted(
                ((cobertura(objeto, palabras), numero) for numero, palabras in claves.items()),
                reverse=True,
            )
            if not puntajes or puntajes[0][0] < COBERTURA_MINIMA:
                continue
            segundo = puntajes[1][0] if len(puntajes) > 1 else 0.0
            if puntajes[0][0] - segundo >= VENTAJA_MINIMA:
                halladas.setdefault(puntajes[0][1], presentado[1])
    return halladas


def _sin_verbo_inicial(texto: str) -> str:
    return texto.split(" ", 1)[1] if " " in texto else texto


def leer_justificacion(
    texto: str, recomendaciones: list[Recomendacion], desplazamiento: int = 0
) -> Lectura:
    total = len(recomendaciones)
    lectura = Lectura(referencias=referencias_numericas(texto, total, desplazamiento))
    negadas: dict[int, bool] = {}
    if not lectura.referencias:
        negadas = referencias_por_contenido(texto, recomendaciones)
        lectura.referencias = sorted(negadas)
    for oracion in oraciones(texto):
        veredicto, plural = _veredicto(oracion)
        propias = referencias_numericas(oracion, total, desplazamiento) or [
            n
            for n in lectura.referencias
            if n in referencias_por_contenido(oracion, recomendaciones)
        ]
        if veredicto == NEUTRO:
            continue
        destino = lectura.referencias if plural or not propias else propias
        for numero in destino:
            actual = lectura.veredictos.get(numero, NEUTRO)
            if PRIORIDAD.get(veredicto, 0) > PRIORIDAD.get(actual, 0):
                lectura.veredictos[numero] = veredicto
    for numero, negada in negadas.items():
        if negada and lectura.veredictos.get(numero, NEUTRO) == NEUTRO:
            lectura.veredictos[numero] = RECHAZA
    return lectura


def _frase_cierre(veredicto: str, plural: bool) -> str:
    if plural:
        base = "las recomendaciones mencionadas {} atendidas"
        return base.format("no se consideran" if veredicto == RECHAZA else "se consideran")
    base = "la recomendación mencionada {} atendida"
    return base.format("no se considera" if veredicto == RECHAZA else "se considera")


def _frase_justificacion(veredicto: str) -> str:
    return "no se considera atendida" if veredicto == RECHAZA else "se considera atendida"


def aplicar(
    procedimiento: Procedimiento, respuesta_general: bool, desplazamiento: int = 0
) -> list[Alerta]:
    """Decide estatus y motivo de cada recomendación del procedimiento; devuelve alertas.
    `desplazamiento`: el de las recomendaciones numeradas de corrido (`referencias_numericas`)."""
    recomendaciones = procedimiento.recomendaciones
    lecturas = {
        j.numero: leer_justificacion(j.texto, recomendaciones, desplazamiento)
        for j in procedimiento.justificaciones
    }
    for justificacion in procedimiento.justificaciones:
        justificacion.recomendaciones = lecturas[justificacion.numero].referencias
    cierre_veredicto, cierre_plural = _veredicto(" ".join(procedimiento.cierre))
    for recomendacion in recomendaciones:
        _decidir(
            recomendacion,
            procedimiento.justificaciones,
            lecturas,
            cierre_veredicto,
            respuesta_general,
        )
    alertas: list[Alerta] = []
    for justificacion in procedimiento.justificaciones:
        for numero in justificacion.recomendaciones:
            veredicto = lecturas[justificacion.numero].veredictos.get(numero, NEUTRO)
            if {veredicto, cierre_veredicto} == {ACEPTA, RECHAZA}:
                cierre = _frase_cierre(cierre_veredicto, cierre_plural)
                alertas.append(
                    Alerta(
                        procedimiento=procedimiento.numero,
                        tipo="cierre contradice justificación",
                        detalle=(
                            f"El cierre dice que {cierre}, pero la justificación "
                            f"{justificacion.numero} dice que la recomendación "
                            f"{numero} {_frase_justificacion(veredicto)}."
                        ),
                    )
                )
    return alertas


def _decidir(
    recomendacion: Recomendacion,
    justificaciones: list[Justificacion],
    lecturas: dict[int, Lectura],
    cierre: str,
    respuesta_general: bool,
) -> None:
    que_la_mencionan = [j for j in justificaciones if recomendacion.numero in j.recomendaciones]
    recomendacion.justificaciones = [j.numero for j in que_la_mencionan]
    if not que_la_mencionan:
        recomendacion.estatus, recomendacion.motivo = (
            "no atendida",
            "no mencionada en justificación",
        )
        return
    veredictos = {
        lecturas[j.numero].veredictos.get(recomendacion.numero, NEUTRO) for j in que_la_mencionan
    }
    if RECHAZA in veredictos:
        recomendacion.estatus, recomendacion.motivo = "no atendida", "rechazada en justificación"
    elif PARCIAL in veredictos or (cierre == PARCIAL and ACEPTA not in veredictos):
        recomendacion.estatus, recomendacion.motivo = "sin determinar", ""
    elif ACEPTA in veredictos or cierre == ACEPTA or (cierre == NEUTRO and respuesta_general):
        recomendacion.estatus, recomendacion.motivo = "atendida", "aceptada en justificación"
    elif cierre == RECHAZA:
        recomendacion.estatus, recomendacion.motivo = "no atendida", "rechazada en justificación"
    else:
        recomendacion.estatus, recomendacion.motivo = "sin determinar", ""
