"""Fuentes declaradas como datos (`modelos/fuentes/<nombre>.toml`), como los rastreadores de
memorious: direcciones de inicio, dominios permitidos, qué seguir y qué es un informe."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib.resources.abc import Traversable
from pathlib import Path
from urllib.parse import urlsplit

from modelos import datos

CARPETA_FUENTES = datos.ruta("fuentes")
# Un informe, por omisión (rastreo de una URL sin fuente declarada): un enlace a un PDF.
INFORME_PREDETERMINADO = (r"\.pdf($|\?)",)


class FuenteInvalida(ValueError):
    """La fuente no existe o su archivo no tiene la forma esperada."""


@dataclass(frozen=True)
class Fuente:
    nombre: str
    inicio: tuple[str, ...]
    dominios: tuple[str, ...]
    descripcion: str = ""
    profundidad: int = 3
    max_paginas: int = 300
    retraso: float = 1.0
    agente: str = "informes/0.1"
    tiempo_espera: float = 30.0
    max_bytes: int = 100 * 1024 * 1024
    reintentos: int = 3
    espera_reintento: float = 2.0
    seguir_url: tuple[re.Pattern, ...] = field(default=())
    seguir_texto: tuple[re.Pattern, ...] = field(default=())
    informe_url: tuple[re.Pattern, ...] = field(default=())
    informe_texto: tuple[re.Pattern, ...] = field(default=())

    def permitido(self, url: str) -> bool:
        partes = urlsplit(url)
        return partes.scheme in ("http", "https") and (partes.hostname or "") in self.dominios

    def es_informe(self, url: str, texto: str) -> bool:
        return any(p.search(url) for p in self.informe_url) or any(
            p.search(texto) for p in self.informe_texto
        )

    def se_sigue(self, url: str, texto: str) -> bool:
        if not self.seguir_url and not self.seguir_texto:
            return True
        return any(p.search(url) for p in self.seguir_url) or any(
            p.search(texto) for p in self.seguir_texto
        )


def _patrones(datos: dict, seccion: str, clave: str, origen: str) -> tuple[re.Pattern, ...]:
    valores = datos.get(seccion, {}).get(clave, [])
    try:
        return tuple(re.compile(v, re.IGNORECASE) for v in valores)
    except re.error as error:
        raise FuenteInvalida(
            f"{origen}: patrón inválido en [{seccion}] {clave}: {error}"
        ) from error


def desde_datos(datos: dict, origen: str) -> Fuente:
    for obligatorio in ("nombre", "inicio", "dominios"):
        if obligatorio not in datos:
            raise FuenteInvalida(f"{origen}: falta «{obligatorio}»")
    simples = {
        k: datos[k]
        for k in (
            "descripcion",
            "profundidad",
            "max_paginas",
            "retraso",
            "agente",
            "tiempo_espera",
            "max_bytes",
            "reintentos",
            "espera_reintento",
        )  # fmt: skip
        if k in datos
    }
    if not str(simples.get("agente", "")).isascii():
        raise FuenteInvalida(
            f"{origen}: «agente» va en la cabecera User-Agent y debe ser ASCII (sin acentos)"
        )
    return Fuente(
        nombre=datos["nombre"],
        inicio=tuple(datos["inicio"]),
        dominios=tuple(datos["dominios"]),
        seguir_url=_patrones(datos, "seguir", "url", origen),
        seguir_texto=_patrones(datos, "seguir", "texto", origen),
        informe_url=_patrones(datos, "informes", "url", origen),
        informe_texto=_patrones(datos, "informes", "texto", origen),
        **simples,
    )


def cargar(nombre_o_url: str, carpeta: Traversable = CARPETA_FUENTES) -> Fuente:
    """Una fuente por su nombre (`modelos/fuentes/<nombre>.toml`), por ruta a un .toml, o una
    URL: rastreo de ese sitio con las reglas por omisión (seguir todo en el dominio; los PDF
    son informes)."""
    if re.match(r"^https?://", nombre_o_url):
        anfitrion = urlsplit(nombre_o_url).hostname or ""
        return Fuente(
            nombre=anfitrion,
            inicio=(nombre_o_url,),
            dominios=(anfitrion,),
            informe_url=tuple(re.compile(p, re.IGNORECASE) for p in INFORME_PREDETERMINADO),
        )
    ruta: Traversable = Path(nombre_o_url)
    if not nombre_o_url.endswith(".toml"):
        ruta = carpeta.joinpath(f"{nombre_o_url}.toml")
    if not ruta.is_file():
        tomls = (p.name for p in carpeta.iterdir() if p.name.endswith(".toml"))
        disponibles = ", ".join(sorted(n.removesuffix(".toml") for n in tomls))
        raise FuenteInvalida(
            f"No existe la fuente «{nombre_o_url}» (disponibles: {disponibles}; o dé una URL)."
        )
    try:
        datos = tomllib.loads(ruta.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise FuenteInvalida(f"{ruta.name}: no es TOML válido ({error})") from error
    return desde_datos(datos, ruta.name)
