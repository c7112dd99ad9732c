"""Normalización de entes y programas con rapidfuzz contra catálogos que son datos.

«Sistema DIF Reynosa», «DIF Municipal de Reynosa» y «Sistema para el Desarrollo Integral de la
Familia del Municipio de Reynosa» son un mismo ente; «Municipio de X», «Ayuntamiento de X» y
«R. Ayuntamiento de X» también. El DIF de Reynosa no es el Municipio de Reynosa, y Reynosa no
es Río Bravo. Un valor que no se parece a nada recibe un id propio (`sin-catalogo-...`) y se
marca para revisión: nunca se fuerza al ente más parecido.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from extractores.sin_acentos import normalizar
from modelos import datos

CATALOGOS = datos.ruta("catalogos")
# Tratamientos que no distinguen un ente: "R. Ayuntamiento", "H. Ayuntamiento", "Republicano".
TRATAMIENTOS = re.compile(r"\b(?:r|h|republicano|honorable|c|cd)\b\.?")
# Siglas entre paréntesis o al final: "Centros ... Comunitarios (CAIC)", "... Comunitarios CAIC"
SIGLAS = re.compile(r"\(([A-ZÑ]{2,10})\)|\b([A-ZÑ]{3,10})\b")


@dataclass(frozen=True, slots=True)
class Normalizado:
    campo: str  # ente, programa
    valor: str
    id: str
    nombre: str
    puntaje: float
    metodo: str  # exacto, reglas, difuso, siglas, sin coincidencia
    tipo: str = ""
    municipio: str = ""

    @property
    def revisar(self) -> bool:
        return self.metodo in ("difuso", "sin coincidencia")


def clave(texto: str) -> str:
    """Texto comparable: minúsculas, sin acentos, sin puntuación ni tratamientos."""
    texto = normalizar(texto)
    texto = re.sub(r"[^\w\s]", " ", texto)
    texto = TRATAMIENTOS.sub(" ", texto)
    return re.sub(r"\s+", " ", texto).strip()


def slug(texto: str) -> str:
    return re.sub(r"[^a-z0-9ñ]+", "-", normalizar(texto)).strip("-")


@cache
def umbrales() -> dict[str, float]:
    datos = json.loads((CATALOGOS / "umbrales.json").read_text(encoding="utf-8"))
    return {k: v for k, v in datos.items() if not k.startswith("_")}


def _filas(nombre: str) -> list[dict[str, str]]:
    with (CATALOGOS / nombre).open(encoding="utf-8", newline="") as archivo:
        return list(csv.DictReader(archivo))


def _partes(texto: str) -> list[str]:
    return [p.strip() for p in (texto or "").split("|") if p.strip()]


@dataclass(frozen=True, slots=True)
class Ente:
    id: str
    nombre: str
    tipo: str
    municipio: str


@dataclass(frozen=True, slots=True)
class TipoEnte:
    """Un tipo de ente municipal (`tipos_ente.csv`; el orden importa: el primero que coincide
    gana, así «DIF del Municipio de X» es DIF y no municipio)."""

    tipo: str
    prefijo: str
    nombre: str
    claves: tuple[str, ...]
    plantillas: tuple[str, ...]


class CatalogoEntes:
    def __init__(self) -> None:
        self.municipios: dict[str, str] = {}  # variante (clave) -> municipio
        for fila in _filas("municipios.csv"):
            for variante in [fila["municipio"], *_partes(fila["variantes"])]:
                self.municipios[clave(variante)] = fila["municipio"]
        self.tipos = [
            TipoEnte(
                f["tipo"],
                f["prefijo"],
                f["nombre"],
                tuple(clave(c) for c in _partes(f["claves"])),
                tuple(_partes(f["plantillas"])),
            )
            for f in _filas("tipos_ente.csv")
        ]
        self.entes: dict[str, Ente] = {}
        self.variantes: dict[str, str] = {}  # variante (clave) -> id
        for tipo in self.tipos:
            for municipio in sorted(set(self.municipios.values())):
                ente_id = f"{tipo.prefijo}-{slug(municipio)}"
                self.entes[ente_id] = Ente(
                    ente_id, tipo.nombre.format(m=municipio), tipo.tipo, municipio
                )
                for plantilla in tipo.plantillas:
                    self.variantes.setdefault(clave(plantilla.format(m=municipio)), ente_id)
        for fila in _filas("entes_estatales.csv"):
            ente = Ente(fila["ente_id"], fila["nombre"], fila["tipo"], "")
            self.entes[ente.id] = ente
            for variante in [fila["nombre"], *_partes(fila["variantes"])]:
                self.variantes.setdefault(clave(variante), ente.id)

    def tipo_de(self, texto: str) -> TipoEnte | None:
        """El tipo de ente que nombra el texto (el DIF antes que el municipio que lo contiene)."""
        palabras = texto.split()
        for tipo in self.tipos:
            for c in tipo.claves:
                if len(c) <= 4:
                    if c in palabras:
                        return tipo
                elif fuzz.partial_ratio(c, texto) >= umbrales()["clave_de_tipo"]:
                    return tipo
        return None

    def municipio_en(self, texto: str) -> tuple[str, float]:
        """El municipio nombrado en el texto: palabra exacta, o parecida si el nombre es largo."""
        exactos = [v for v in self.municipios if re.search(rf"\b{re.escape(v)}\b", texto)]
        if exactos:
            return self.municipios[max(exactos, key=len)], 100.0
        largos = [v for v in self.municipios if len(v) >= umbrales()["largo_minimo_difuso"]]
        mejor = process.extractOne(texto, largos, scorer=fuzz.partial_ratio)
        if mejor and mejor[1] >= umbrales()["municipio_en_texto"]:
            return self.municipios[mejor[0]], float(mejor[1])
        return "", 0.0

    def normalizar(self, valor: str) -> Normalizado:
        texto = clave(valor)
        if not texto:
            return Normalizado("ente", valor, "", "", 0.0, "vacío")
        if texto in self.variantes:
            return self._resultado(valor, self.variantes[texto], 100.0, "exacto")
        tipo = self.tipo_de(texto)
        municipio, puntaje = self.municipio_en(texto)
        if tipo is not None and municipio and "estado" not in texto.split():
            return self._resultado(valor, f"{tipo.prefijo}-{slug(municipio)}", puntaje, "reglas")
        mejor = process.extractOne(texto, list(self.variantes), scorer=fuzz.token_sort_ratio)
        if mejor and mejor[1] >= umbrales()["ente_difuso"]:
            candidato = self.entes[self.variantes[mejor[0]]]
            if tipo is None or candidato.tipo.startswith(tipo.tipo):
                return self._resultado(valor, candidato.id, float(mejor[1]), "difuso")
        puntaje_mejor = float(mejor[1]) if mejor else 0.0
        return Normalizado(
            "ente", valor, f"sin-catalogo-{slug(valor)}", valor.strip(), puntaje_mejor,
            "sin coincidencia", tipo.tipo if tipo else "", municipio,
        )  # fmt: skip

    def _resultado(self, valor: str, ente_id: str, puntaje: float, metodo: str) -> Normalizado:
        ente = self.entes[ente_id]
        return Normalizado(
            "ente", valor, ente.id, ente.nombre, puntaje, metodo, ente.tipo, ente.municipio
        )


class CatalogoProgramas:
    def __init__(self) -> None:
        self.nombres: dict[str, str] = {}
        self.variantes: dict[str, str] = {}
        self.siglas: dict[str, str] = {}
        for fila in _filas("programas.csv"):
            self.nombres[fila["programa_id"]] = fila["nombre"]
            for variante in [fila["nombre"], *_partes(fila["variantes"])]:
                self.variantes.setdefault(_clave_programa(variante), fila["programa_id"])
                for sigla in _siglas(variante):
                    self.siglas.setdefault(sigla, fila["programa_id"])

    def normalizar(self, valor: str) -> Normalizado:
        texto = _clave_programa(valor)
        if not texto:
            return Normalizado("programa", valor, "", "", 0.0, "vacío")
        if texto in self.variantes:
            return self._resultado(valor, self.variantes[texto], 100.0, "exacto")
        mejor = process.extractOne(texto, list(self.variantes), scorer=fuzz.token_sort_ratio)
        if mejor and mejor[1] >= umbrales()["programa_difuso"]:
            return self._resultado(valor, self.variantes[mejor[0]], float(mejor[1]), "difuso")
        for sigla in _siglas(valor):
            if sigla in self.siglas:
                return self._resultado(valor, self.siglas[sigla], 100.0, "siglas")
        return Normalizado(
            "programa", valor, f"sin-catalogo-{slug(valor)}", valor.strip(),
            float(mejor[1]) if mejor else 0.0, "sin coincidencia",
        )  # fmt: skip

    def _resultado(self, valor: str, programa_id: str, puntaje: float, metodo: str) -> Normalizado:
        return Normalizado(
            "programa", valor, programa_id, self.nombres[programa_id], puntaje, metodo
        )


def _clave_programa(texto: str) -> str:
    texto = re.sub(r"\([^)]*\)", " ", texto)
    texto = clave(texto)
    return re.sub(r"^(?:programa\s+(?:presupuestario\s+)?(?:de\s+|del\s+)?)", "", texto).strip()


def _siglas(texto: str) -> list[str]:
    return [a or b for a, b in SIGLAS.findall(texto)]


@cache
def entes() -> CatalogoEntes:
    return CatalogoEntes()


@cache
def programas() -> CatalogoProgramas:
    return CatalogoProgramas()
