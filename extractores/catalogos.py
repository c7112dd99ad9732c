"""Catálogos como datos (`modelos/catalogos/*.csv`) y su búsqueda difusa con rapidfuzz."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from extractores.sin_acentos import normalizar
from modelos import datos

CARPETA_CATALOGOS = datos.ruta("catalogos")
# Puntaje mínimo (0-100) para aceptar que un texto es una variante del catálogo.
UMBRAL_AREA = 88


@dataclass(frozen=True, slots=True)
class Catalogo:
    """Nombre normalizado -> variantes conocidas."""

    variantes: dict[str, str]  # variante normalizada -> nombre normalizado

    def resolver(self, valor: str) -> tuple[str, float, str]:
        """(nombre del catálogo, puntaje, método); sin coincidencia, el valor tal cual."""
        clave = normalizar(valor).strip(" .,;:")
        if clave in self.variantes:
            return self.variantes[clave], 100.0, "exacto"
        mejor = process.extractOne(clave, list(self.variantes), scorer=fuzz.ratio)
        if mejor and mejor[1] >= UMBRAL_AREA:
            return self.variantes[mejor[0]], float(mejor[1]), "difuso"
        return valor.strip(" .,;:"), float(mejor[1]) if mejor else 0.0, "sin coincidencia"

    def normalizar(self, valor: str) -> str:
        """El nombre del catálogo para `valor`, o `valor` tal cual si no se parece a ninguno."""
        return self.resolver(valor)[0]

    def prefijo_conocido(self, valor: str) -> str | None:
        """'Eficiencia en el uso de los recursos' -> 'Eficiencia' (la variante más larga con que
        empieza el valor, completa hasta un límite de palabra)."""
        normal = normalizar(valor)
        prefijos = [
            v
            for v in self.variantes
            if normal.startswith(v) and normal[len(v) : len(v) + 1] in ("", " ", ",")
        ]
        if not prefijos:
            return None
        return valor[: len(max(prefijos, key=len))]

    def conoce(self, valor: str) -> bool:
        return self.normalizar(valor) in self.variantes.values()

    def buscar_en(self, texto: str) -> str | None:
        """La variante más larga que aparece dentro de `texto` (para descripciones)."""
        normal = normalizar(texto)
        presentes = [v for v in self.variantes if v in normal]
        if not presentes:
            return None
        variante = max(presentes, key=len)
        inicio = normal.index(variante)
        return texto[inicio : inicio + len(variante)]


def cargar(nombre: str) -> Catalogo:
    variantes: dict[str, str] = {}
    with (CARPETA_CATALOGOS / nombre).open(encoding="utf-8", newline="") as archivo:
        for fila in csv.DictReader(archivo):
            nombre_normalizado = fila["area_normalizada"].strip()
            variantes[normalizar(nombre_normalizado)] = nombre_normalizado
            for variante in fila["variantes"].split("|"):
                if variante.strip():
                    variantes.setdefault(normalizar(variante.strip()), nombre_normalizado)
    return Catalogo(variantes)


@cache
def areas() -> Catalogo:
    return cargar("areas.csv")


# Letras de más (OCR) que se toleran después de un tipo de acción conocido.
RESIDUO_TIPO = 2
# Una palabra de un tipo de acción de tantas letras o más se reconoce con una letra mal leída
# por el OCR: «Promoción del Ejercicio de la Facultad de Comprobaeión Fiscal»; una de tantas o
# más, con dos: «Promoción de Resporabilidad Administrativa».
LETRAS_PALABRA_DIFUSA = 5
LETRAS_PALABRA_DOS_ERRORES = 10
# Signos pegados a una palabra del tipo que el OCR dejó: «Promoción del.» / «Ejercicio de la …».
SIGNOS_DE_PALABRA = ".,;:"


def _misma_palabra(leida: str, conocida: str) -> bool:
    if leida == conocida:
        return True
    errores = 2 if len(conocida) >= LETRAS_PALABRA_DOS_ERRORES else 1
    return len(conocida) >= LETRAS_PALABRA_DIFUSA and (
        Levenshtein.distance(leida, conocida, score_cutoff=errores) <= errores
    )


def _palabras(tipo: str) -> list[str]:
    """Las palabras normalizadas del tipo, sin los signos pegados."""
    return [
        p.strip(SIGNOS_DE_PALABRA) for p in normalizar(tipo).split() if p.strip(SIGNOS_DE_PALABRA)
    ]


def _empieza_con(palabras: list[str], conocidas: list[str]) -> bool:
    """¿Son las primeras palabras leídas las del tipo conocido (con una letra de OCR)?"""
    return len(palabras) >= len(conocidas) and all(
        _misma_palabra(leida, conocida)
        for leida, conocida in zip(palabras[: len(conocidas)], conocidas, strict=True)
    )


@dataclass(frozen=True, slots=True)
class TiposAccion:
    """Tipos de acción de la ASF (`modelos/catalogos/tipos_accion.csv`), singular y plural."""

    singulares: dict[str, str]  # normalizado (singular o plural) -> singular como se escribe

    def incompleto(self, tipo: str) -> bool:
        """¿Es `tipo` el principio de un tipo conocido más largo (su línea sigue abajo)? Un
        tipo vacío también espera su línea."""
        normal = normalizar(tipo).strip()
        if not normal:
            return True
        if normal in self.singulares:
            return False
        palabras = _palabras(tipo)
        return any(
            len(conocido.split()) > len(palabras) and _empieza_con(conocido.split(), palabras)
            for conocido in self.singulares
        )

    def conocido(self, tipo: str) -> bool:
        """¿Empieza `tipo` como un tipo conocido (su primera palabra, con letras de OCR)?"""
        palabras = _palabras(tipo)
        return bool(palabras) and any(
            _misma_palabra(palabras[0], conocido.split()[0]) for conocido in self.singulares
        )

    def canonico(self, tipo: str) -> str:
        """El tipo conocido más largo con que empieza `tipo`, si lo que sobra es un residuo de
        OCR de una o dos letras («Informe de Presunta Responsabilidad Administrativa j»); sus
        palabras largas, con letras mal leídas («… de Comprobaeión Fiscal E») o signos pegados
        («Promoción del. Ejercicio …»)."""
        palabras = _palabras(tipo)
        for conocido in sorted(self.singulares, key=len, reverse=True):
            conocidas = conocido.split()
            sobra = " ".join(palabras[len(conocidas) :]).strip(" .,;:")
            if _empieza_con(palabras, conocidas) and len(sobra) <= RESIDUO_TIPO:
                return self.singulares[conocido]
        return tipo

    def singular(self, tipo: str) -> str:
        """«Pliegos de Observaciones» -> «Pliego de Observaciones»; desconocido: tal cual."""
        return self.singulares.get(normalizar(tipo).strip(), tipo)


@cache
def tipos_accion() -> TiposAccion:
    singulares: dict[str, str] = {}
    with (CARPETA_CATALOGOS / "tipos_accion.csv").open(encoding="utf-8", newline="") as archivo:
        for fila in csv.DictReader(archivo):
            singulares[normalizar(fila["tipo"])] = fila["tipo"]
            singulares[normalizar(fila["plural"])] = fila["tipo"]
    return TiposAccion(singulares)


@dataclass(frozen=True, slots=True)
class Ordinales:
    """Los ordinales en palabras (`ordinales.csv`), sin acentos: «tercer» -> 3, «única» -> 1."""

    numeros: dict[str, int]  # palabra normalizada -> número
    generos: dict[str, str]  # palabra normalizada -> «masculino» o «femenino»

    def numero(self, palabra: str) -> int | None:
        """El número de un ordinal escrito en una o dos palabras («décimo primero» -> 11), o
        None si no lo es."""
        partes = normalizar(palabra).strip(" .,;:-").split()
        numeros = [self.numeros.get(p) for p in partes]
        if not partes or None in numeros or len(partes) > 2:
            return None
        if len(partes) == 2 and not (numeros[0] in (10, 20) and numeros[1] < 10):
            return None
        return sum(numeros)

    def palabras(self, genero: str | None = None) -> list[str]:
        """Las palabras (normalizadas) del catálogo, las más largas primero (para una
        alternancia de expresión regular); sólo las de `genero` si se da."""
        elegidas = [p for p, g in self.generos.items() if genero is None or g == genero]
        return sorted(elegidas, key=len, reverse=True)


@cache
def ordinales() -> Ordinales:
    numeros: dict[str, int] = {}
    generos: dict[str, str] = {}
    with (CARPETA_CATALOGOS / "ordinales.csv").open(encoding="utf-8") as archivo:
        for fila in csv.DictReader(archivo):
            palabra = normalizar(fila["palabra"])
            numeros[palabra] = int(fila["numero"])
            generos[palabra] = fila["genero"]
    return Ordinales(numeros, generos)
