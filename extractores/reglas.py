"""Reglas de spaCy guardadas como datos (JSONL en `modelos/reglas/`), validadas al cargarlas.

Cada línea de un archivo de reglas es un objeto con `etiqueta`, `id`, `ejemplo` (una línea real
de un informe que la regla debe reconocer) y `patron` (un patrón de `spacy.matcher.Matcher`).
Las reglas se aplican sobre texto normalizado: minúsculas y sin acentos, para tolerar
«JUSTIFICACIÓN», «Justificacion» y sus variantes de OCR.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources.abc import Traversable

import spacy
from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc

from extractores.sin_acentos import TABLA_NORMALIZACION, normalizar  # noqa: F401 (se usan desde aquí)
from modelos import datos

CARPETA_REGLAS = datos.ruta("reglas")
CAMPOS_REGLA = {"etiqueta", "id", "ejemplo", "patron"}


class ReglaInvalida(ValueError):
    """Un archivo de reglas no tiene la forma esperada."""


@dataclass(frozen=True, slots=True)
class Regla:
    etiqueta: str
    id: str
    ejemplo: str
    patron: list[dict]


@dataclass(frozen=True, slots=True)
class Coincidencia:
    etiqueta: str
    id: str
    inicio: int  # índice del primer token
    fin: int  # índice después del último token
    texto: str


def cargar_reglas(archivo: Traversable) -> list[Regla]:
    reglas: list[Regla] = []
    for numero, renglon in enumerate(archivo.read_text(encoding="utf-8").splitlines(), start=1):
        if not renglon.strip():
            continue
        try:
            dato = json.loads(renglon)
        except json.JSONDecodeError as error:
            raise ReglaInvalida(f"{archivo.name}:{numero}: no es JSON válido ({error})") from error
        faltan = CAMPOS_REGLA - set(dato)
        if faltan:
            raise ReglaInvalida(f"{archivo.name}:{numero}: faltan los campos {sorted(faltan)}")
        if not isinstance(dato["patron"], list) or not dato["patron"]:
            raise ReglaInvalida(f"{archivo.name}:{numero}: «patron» debe ser una lista no vacía")
        reglas.append(Regla(dato["etiqueta"], str(dato["id"]), dato["ejemplo"], dato["patron"]))
    return reglas


_CANDADO = threading.RLock()
# Textos distintos que cada buscador recuerda (un proceso hijo los conserva entre informes).
TAMANO_CACHE = 16384
# Dónde guarda cada Doc su texto (`Doc.text` lo vuelve a armar token por token en cada consulta).
LLAVE_TEXTO = "informes.texto"


def _cache_por_texto(funcion):
    """Como lru_cache, pero la llave es sólo el primer argumento (el texto)."""
    recordados: OrderedDict[str, tuple] = OrderedDict()
    candado = threading.Lock()

    def envoltura(texto: str, doc: Doc) -> tuple:
        with candado:
            if texto in recordados:
                recordados.move_to_end(texto)
                return recordados[texto]
        valor = funcion(texto, doc)
        with candado:
            recordados[texto] = valor
            if len(recordados) > TAMANO_CACHE:
                recordados.popitem(last=False)
        return valor

    return envoltura


# Atributos cuyo valor sale sólo del texto del token: lo que un predicado del Matcher (REGEX, IN,
# FUZZY) responde sobre ellos se puede recordar por texto, de un documento a otro.
ATRIBUTOS_DEL_TEXTO = frozenset({ORTH, LOWER})
# Textos de token distintos que cada predicado recuerda (al pasar, empieza de nuevo).
TAMANO_CACHE_PREDICADO = 65536


class _PredicadoRecordado:
    """Un predicado del Matcher que recuerda su respuesta por texto del token.

    El Matcher ya evalúa cada predicado una vez por token de un documento; pero las mismas
    palabras («de», «la», «resultados») se repiten en miles de renglones, y la comparación
    difusa (Levenshtein) de cada una contra cada palabra de las reglas es lo más caro de buscar."""

    __slots__ = ("predicado", "recordados")

    def __init__(self, predicado) -> None:
        self.predicado = predicado
        self.recordados: dict[int, bool | None] = {}

    def __call__(self, token) -> bool | None:
        orth = token.orth
        try:
            return self.recordados[orth]
        except KeyError:
            pass
        if len(self.recordados) >= TAMANO_CACHE_PREDICADO:
            self.recordados.clear()
        valor = self.recordados[orth] = self.predicado(token)
        return valor


def _recordar_predicados(
    matcher: Matcher, recordados: dict[object, _PredicadoRecordado] | None = None
) -> None:
    """Envuelve los predicados del Matcher que dependen sólo del texto del token. `recordados`:
    los ya envueltos de otros Matchers, por su llave (la misma llave, el mismo predicado: spaCy
    los distingue así), para que compartan lo que recuerdan."""
    recordados = {} if recordados is None else recordados
    predicados = matcher._extra_predicates
    for indice, predicado in enumerate(predicados):
        atributo = getattr(predicado, "attr", None)
        if not getattr(predicado, "is_extension", True) and atributo in ATRIBUTOS_DEL_TEXTO:
            llave = getattr(predicado, "key", None) or id(predicado)
            if llave not in recordados:
                recordados[llave] = _PredicadoRecordado(predicado)
            predicados[indice] = recordados[llave]


# Atributos de un token que dependen sólo de su texto (de su lexema), no de sus vecinos.
ATRIBUTOS_LEXICOS = frozenset({"LOWER", "TEXT", "ORTH", "IS_PUNCT"})
# Cuantificadores con los que el token del patrón tiene que aparecer al menos una vez.
OPS_OBLIGATORIOS = frozenset({None, "1", "+"})


def obligatorios(patron: list[dict]) -> list[dict]:
    """Los tokens obligatorios del patrón que dependen sólo del texto de un token (sin su
    cuantificador): un documento coincide con el patrón sólo si cada uno está en algún token."""
    condiciones = []
    for token in patron:
        condicion = {clave: valor for clave, valor in token.items() if clave != "OP"}
        if token.get("OP") in OPS_OBLIGATORIOS and set(condicion) <= ATRIBUTOS_LEXICOS:
            condiciones.append(condicion)
    return condiciones


class _Anclas:
    """¿Con qué reglas puede coincidir un documento? Sólo con las que tienen, para cada uno de
    sus tokens obligatorios, un token del documento; con ninguna, el Matcher no hace falta (así
    son la mayoría de los renglones de un informe).

    Qué condiciones cumple cada texto de token se juzga una vez, con un Matcher de spaCy de
    un token por condición sobre un Doc de ese solo token: lo mismo que vería el Matcher
    completo."""

    def __init__(self, vocab, por_regla: list[list[dict]]) -> None:
        self.vocab = vocab
        self.matcher = Matcher(vocab)
        distintas: dict[str, int] = {}
        self._requeridas: list[int] = []  # por regla, en orden, las condiciones como bits
        for condiciones in por_regla:
            requerida = 0
            for condicion in condiciones:
                llave = json.dumps(condicion, sort_keys=True)
                if llave not in distintas:
                    distintas[llave] = len(distintas)
                    self.matcher.add(f"condicion|{distintas[llave]}", [[condicion]])
                requerida |= 1 << distintas[llave]
            self._requeridas.append(requerida)
        _recordar_predicados(self.matcher)
        self._bit = {
            self.vocab.strings.add(f"condicion|{indice}"): 1 << indice
            for indice in distintas.values()
        }
        self._por_texto: dict[int, int] = {}

    def _condiciones(self, orth: int) -> int:
        """Las condiciones (bits) que cumple el token con ese texto."""
        bits = self._por_texto.get(orth)
        if bits is None:
            if len(self._por_texto) >= TAMANO_CACHE_PREDICADO:
                self._por_texto.clear()
            solo = Doc(self.vocab, words=[self.vocab.strings[orth]])
            bits = 0
            for clave, _, _ in self.matcher(solo):
                bits |= self._bit[clave]
            self._por_texto[orth] = bits
        return bits

    def candidatas(self, doc: Doc) -> list[int]:
        """Los índices de las reglas con las que el documento puede coincidir."""
        presentes = 0
        for token in doc:
            presentes |= self._condiciones(token.orth)
        return [
            i for i, requerida in enumerate(self._requeridas) if requerida & presentes == requerida
        ]


@cache
def _nlp() -> Language:
    return spacy.blank("es")


def nlp() -> Language:
    """Un solo `spacy.blank("es")` por proceso (también si varios hilos lo piden a la vez)."""
    with _CANDADO:
        return _nlp()


@lru_cache(maxsize=TAMANO_CACHE)
def _doc_de_texto(texto: str) -> Doc:
    """El Doc del texto normalizado (`Buscador.doc`)."""
    normal = normalizar(texto)
    doc = nlp().make_doc(normal)
    doc.user_data[LLAVE_TEXTO] = normal  # el tokenizador no pierde nada: es `doc.text`
    return doc


class Buscador:
    """Un Matcher de spaCy con las reglas de un archivo; valida los patrones al cargarlos."""

    def __init__(self, archivo: Traversable) -> None:
        self.reglas = cargar_reglas(archivo)
        self.nlp = nlp()
        self.matcher = Matcher(self.nlp.vocab, validate=True)
        self._por_clave: dict[str, Regla] = {}
        claves = [f"{regla.etiqueta}|{regla.id}|{i}" for i, regla in enumerate(self.reglas)]
        for clave, regla in zip(claves, self.reglas, strict=True):
            try:
                self.matcher.add(clave, [regla.patron])
            except Exception as error:  # spaCy lanza MatchPatternError, ValueError...
                raise ReglaInvalida(f"{archivo.name}: la regla {regla.id}: {error}") from error
            self._por_clave[clave] = regla
        recordados: dict[object, _PredicadoRecordado] = {}
        _recordar_predicados(self.matcher, recordados)
        por_regla = [obligatorios(regla.patron) for regla in self.reglas]
        # Una regla sin tokens obligatorios así no permite descartar un documento sin buscar.
        self._anclas = _Anclas(self.nlp.vocab, por_regla) if all(por_regla) else None
        # Un Matcher por regla (ya validada arriba): un documento pasa sólo por los de las reglas
        # con que puede coincidir, no por todas.
        self._de_regla = [self._matcher_de(clave, recordados) for clave in claves]
        # La llave es sólo el texto (el Doc, del mismo tokenizador, se deriva de él).
        self._buscar_texto = _cache_por_texto(self._buscar_sin_cache)

    def doc(self, texto: str) -> Doc:
        """El Doc del texto normalizado; el mismo objeto para el mismo texto (caché LRU), y el
        mismo para todos los buscadores (el mismo tokenizador): los encabezados y las fórmulas
        de estatus se repiten renglón tras renglón y entre informes, y un renglón se pregunta a
        varios buscadores (encabezados, frases, estatus, cierres)."""
        return _doc_de_texto(texto)

    def buscar(self, doc: Doc) -> list[Coincidencia]:
        """Las coincidencias, de la primera a la última; se calculan una vez por texto."""
        texto = doc.user_data.get(LLAVE_TEXTO)
        return list(self._buscar_texto(doc.text if texto is None else texto, doc))

    def _matcher_de(self, clave: str, recordados: dict[object, _PredicadoRecordado]) -> Matcher:
        matcher = Matcher(self.nlp.vocab)
        matcher.add(clave, [self._por_clave[clave].patron])
        _recordar_predicados(matcher, recordados)
        return matcher

    def _buscar_sin_cache(self, _texto: str, doc: Doc) -> tuple[Coincidencia, ...]:
        if self._anclas is None:
            return self._ordenadas(self.matcher(doc), doc)
        candidatas = self._anclas.candidatas(doc)
        if not candidatas:
            return ()
        # Lo que el Matcher completo daría: ninguna otra regla puede coincidir. Sólo el orden
        # entre dos coincidencias distintas del mismo tramo depende de él: entonces decide él.
        ordenadas = self._ordenadas([m for i in candidatas for m in self._de_regla[i](doc)], doc)
        if _empate_distinto(ordenadas):
            return self._ordenadas(self.matcher(doc), doc)
        return ordenadas

    def _ordenadas(
        self, encontradas: list[tuple[int, int, int]], doc: Doc
    ) -> tuple[Coincidencia, ...]:
        """Las coincidencias del Matcher, de la primera a la última (y de la más larga a la más
        corta); a igual tramo, en el orden en que el Matcher las dio."""
        coincidencias = []
        for clave_id, inicio, fin in encontradas:
            regla = self._por_clave[self.nlp.vocab.strings[clave_id]]
            coincidencias.append(
                Coincidencia(regla.etiqueta, regla.id, inicio, fin, doc[inicio:fin].text)
            )
        return tuple(sorted(coincidencias, key=lambda c: (c.inicio, -(c.fin - c.inicio))))


def _empate_distinto(ordenadas: tuple[Coincidencia, ...]) -> bool:
    """¿Hay dos coincidencias distintas (otra etiqueta u otro id) en el mismo tramo?"""
    return any(
        (a.inicio, a.fin) == (b.inicio, b.fin) and a != b
        for a, b in zip(ordenadas, ordenadas[1:], strict=False)
    )


@cache
def _buscador(nombre: str) -> Buscador:
    return Buscador(CARPETA_REGLAS / nombre)


def encabezados() -> Buscador:
    with _CANDADO:
        return _buscador("encabezados.jsonl")


def estatus() -> Buscador:
    with _CANDADO:
        return _buscador("estatus.jsonl")


def asf() -> Buscador:
    with _CANDADO:
        return _buscador("asf.jsonl")


def frases() -> Buscador:
    with _CANDADO:
        return _buscador("frases.jsonl")


def cierres() -> Buscador:
    with _CANDADO:
        return _buscador("cierres.jsonl")
