"""Rastreo de las páginas de publicación de un auditor y descarga de informes nuevos o cambiados.

- Sigue páginas de listado (paginación, enlaces relativos y absolutos, sin repetir), respeta
  robots.txt según RFC 9309 (con protego: un robots.txt que responde 4xx permite todo; uno que
  responde 5xx o no se alcanza prohíbe todo), nunca sale de los dominios permitidos e ignora
  enlaces javascript: y mailto:.
- Descarga en streaming a un temporal y lo renombra sólo tras verificar que es un PDF completo
  (marca %PDF, Content-Length); reintenta con espera creciente ante tiempo agotado, errores 5xx
  y de conexión, nunca ante 404.
- Pide con ETag/Last-Modified (peticiones condicionales) y compara sha256: un informe sin cambios
  no se descarga dos veces. Una versión nueva en la misma URL reemplaza al archivo; la anterior
  se conserva en `anteriores/`.
- Toda URL vista queda en `manifiesto.csv` con su estado y, si falló, una oración clara.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import shutil
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import httpx
from protego import Protego

from flows.archivos import PERMISOS, escritura_atomica
from flows.fuentes import Fuente

MANIFIESTO = "manifiesto.csv"
ANTERIORES = "anteriores"
MARCA_PDF = b"%PDF-"
REDIRECCIONES = {301, 302, 303, 307, 308}
MAX_REDIRECCIONES = 5
ESQUEMAS_IGNORADOS = ("javascript:", "mailto:", "tel:", "data:", "#")
# Un nombre de archivo seguro: sin rutas, sin «..», sólo letras, dígitos, punto, guion y guion bajo.
CARACTERES_INSEGUROS = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass
class FilaManifiesto:
    url: str
    archivo: str = ""
    sha256: str = ""
    bytes: int | str = ""
    fecha_descarga: str = ""
    last_modified: str = ""
    etag: str = ""
    estado: str = ""
    error: str = ""
    tipo: str = "informe"  # informe o pagina
    fecha_revision: str = ""


COLUMNAS = [f.name for f in fields(FilaManifiesto)]


class ErrorDescarga(Exception):
    """Una descarga que no se puede completar; el mensaje es para una persona."""

    def __init__(self, mensaje: str, reintentable: bool = False) -> None:
        super().__init__(mensaje)
        self.reintentable = reintentable


@dataclass
class ResumenRastreo:
    paginas: int = 0
    descargados: list[str] | None = None
    actualizados: list[str] | None = None
    sin_cambios: int = 0
    errores: list[tuple[str, str]] | None = None

    def __post_init__(self) -> None:
        self.descargados = self.descargados or []
        self.actualizados = self.actualizados or []
        self.errores = self.errores or []


def ahora() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# --- Manifiesto ----------------------------------------------------------------------------


def leer_manifiesto(corpus: Path) -> list[FilaManifiesto]:
    ruta = corpus / MANIFIESTO
    if not ruta.is_file():
        return []
    with ruta.open(encoding="utf-8", newline="") as archivo:
        return [
            FilaManifiesto(**{k: v for k, v in fila.items() if k in COLUMNAS})
            for fila in csv.DictReader(archivo)
        ]


def escribir_manifiesto(corpus: Path, filas: list[FilaManifiesto]) -> None:
    ordenadas = sorted(filas, key=lambda f: (f.tipo, f.url, f.estado == "reemplazado", f.sha256))
    with escritura_atomica(corpus / MANIFIESTO) as archivo:
        escritor = csv.DictWriter(archivo, fieldnames=COLUMNAS, lineterminator="\n")
        escritor.writeheader()
        escritor.writerows(asdict(f) for f in ordenadas)


# --- Enlaces -------------------------------------------------------------------------------


class _Enlaces(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.enlaces: list[tuple[str, str]] = []
        self._actual: str | None = None
        self._texto: list[str] = []

    def handle_starttag(self, etiqueta: str, atributos: list[tuple[str, str | None]]) -> None:
        if etiqueta == "a":
            self._actual = dict(atributos).get("href")
            self._texto = []

    def handle_data(self, datos: str) -> None:
        if self._actual is not None:
            self._texto.append(datos)

    def handle_endtag(self, etiqueta: str) -> None:
        if etiqueta == "a" and self._actual is not None:
            self.enlaces.append((self._actual, " ".join("".join(self._texto).split())))
            self._actual = None


def enlaces(html: str, base: str) -> list[tuple[str, str]]:
    """(url absoluta sin fragmento, texto del enlace), sin javascript:, mailto: ni repetidos."""
    lector = _Enlaces()
    lector.feed(html)
    vistos: dict[str, str] = {}
    for href, texto in lector.enlaces:
        href = (href or "").strip()
        if not href or href.lower().startswith(ESQUEMAS_IGNORADOS):
            continue
        absoluta = urldefrag(urljoin(base, href))[0]
        vistos.setdefault(absoluta, texto)
    return list(vistos.items())


def nombre_seguro(url: str, ocupados: set[str]) -> str:
    """Nombre de archivo a partir de la URL, sin rutas ni caracteres raros, único."""
    ultimo = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    base = CARACTERES_INSEGUROS.sub("-", ultimo).strip(".-_") or "informe"
    if not base.lower().endswith(".pdf"):
        base += ".pdf"
    if base in ocupados:
        base = f"{base[:-4]}-{hashlib.sha1(url.encode()).hexdigest()[:8]}.pdf"
    return base


# --- robots.txt (RFC 9309) -------------------------------------------------------------------


@dataclass(frozen=True)
class Robots:
    """Lo que dice el robots.txt de un origen. Sin reglas (`reglas` None), `permite_todo` decide:
    un 4xx (no hay robots.txt) permite todo; un 5xx o un servidor inalcanzable lo prohíbe todo
    (RFC 9309, secciones 2.3.1.3 y 2.3.1.4)."""

    reglas: Protego | None = None
    permite_todo: bool = True
    razon: str = "robots.txt lo prohíbe."

    def permite(self, url: str, agente: str) -> bool:
        if self.reglas is None:
            return self.permite_todo
        return bool(self.reglas.can_fetch(url, agente))


def robots_de_respuesta(estado: int, texto: str) -> Robots:
    if 200 <= estado < 300:
        return Robots(Protego.parse(texto))
    if 400 <= estado < 500:
        return Robots(permite_todo=True)
    return inaccesible(f"HTTP {estado}")


def inaccesible(motivo: str) -> Robots:
    return Robots(
        permite_todo=False,
        razon=f"robots.txt no se pudo leer ({motivo}); RFC 9309: se supone todo prohibido.",
    )


# --- Rastreador ----------------------------------------------------------------------------


class Rastreador:
    def __init__(
        self,
        fuente: Fuente,
        corpus: Path,
        cliente: httpx.Client | None = None,
        dormir: Callable[[float], None] = time.sleep,
    ) -> None:
        self.fuente = fuente
        self.corpus = corpus
        self.cliente = cliente or httpx.Client(
            headers={"User-Agent": fuente.agente},
            timeout=fuente.tiempo_espera,
            follow_redirects=False,
        )
        self.dormir = dormir
        self.robots: dict[str, Robots] = {}
        self.filas: dict[tuple[str, str], FilaManifiesto] = {}
        self.resumen = ResumenRastreo()

    # Manifiesto en memoria: (url, sha256) para versiones anteriores; (url, "") para la vigente.
    def _fila(self, url: str, tipo: str = "informe") -> FilaManifiesto:
        clave = (url, "")
        if clave not in self.filas:
            self.filas[clave] = FilaManifiesto(url=url, tipo=tipo)
        return self.filas[clave]

    def _cargar_manifiesto(self) -> None:
        for fila in leer_manifiesto(self.corpus):
            clave = (fila.url, fila.sha256 if fila.estado == "reemplazado" else "")
            self.filas[clave] = fila

    def _robots(self, url: str) -> Robots:
        """El robots.txt del origen de `url`, pedido una vez (con reintentos ante 5xx)."""
        partes = urlsplit(url)
        origen = f"{partes.scheme}://{partes.netloc}"
        if origen not in self.robots:
            # Mientras se pide (y si redirige), el mismo origen no se vuelve a consultar.
            self.robots[origen] = Robots()
            try:
                respuesta = self._pedir(f"{origen}/robots.txt")
                self.robots[origen] = robots_de_respuesta(respuesta.status_code, respuesta.text)
            except ErrorDescarga as error:
                self.robots[origen] = inaccesible(str(error).rstrip("."))
        return self.robots[origen]

    def permitido_por_robots(self, url: str) -> bool:
        return self._robots(url).permite(url, self.fuente.agente)

    def _con_reintentos(self, intento):
        """Llama `intento()`; ante un error pasajero (tiempo agotado, 5xx, conexión) reintenta
        con espera creciente; ante uno definitivo (404, no es PDF…) se rinde de inmediato."""
        ultimo: ErrorDescarga | None = None
        for numero in range(self.fuente.reintentos + 1):
            if numero:
                self.dormir(self.fuente.espera_reintento * 2 ** (numero - 1))
            try:
                return intento()
            except ErrorDescarga as error:
                if not error.reintentable:
                    raise
                ultimo = error
        assert ultimo is not None
        raise ErrorDescarga(f"{ultimo} Se intentó {self.fuente.reintentos + 1} veces.")

    def _pedir(self, url: str, cabeceras: dict[str, str] | None = None) -> httpx.Response:
        """GET con reintentos y redirecciones vigiladas; un 5xx cuenta como error pasajero."""

        def intento() -> httpx.Response:
            respuesta = self._seguir_redirecciones(url, cabeceras or {})
            if respuesta.status_code >= 500:
                raise ErrorDescarga(
                    f"El servidor respondió con error (HTTP {respuesta.status_code}).", True
                )
            return respuesta

        return self._con_reintentos(intento)

    def _seguir_redirecciones(
        self, url: str, cabeceras: dict[str, str], flujo: bool = False
    ) -> httpx.Response:
        """Un GET que sigue redirecciones sólo dentro de los dominios permitidos y de robots.txt.
        Con `flujo`, el cuerpo no se lee todavía (para volcarlo a disco)."""
        actual = url
        for _ in range(MAX_REDIRECCIONES + 1):
            if self.fuente.retraso:
                self.dormir(self.fuente.retraso)
            try:
                peticion = self.cliente.build_request("GET", actual, headers=cabeceras)
                respuesta = self.cliente.send(peticion, stream=flujo)
            except httpx.TimeoutException as error:
                raise ErrorDescarga(
                    f"Se agotó el tiempo de espera ({self.fuente.tiempo_espera:g} s).", True
                ) from error
            except httpx.TransportError as error:
                raise ErrorDescarga(f"Error de conexión ({type(error).__name__}).", True) from error
            if respuesta.status_code not in REDIRECCIONES:
                return respuesta
            respuesta.close()
            destino = urljoin(actual, respuesta.headers.get("location", ""))
            if not self.fuente.permitido(destino):
                raise ErrorDescarga(f"Redirige fuera de los dominios permitidos ({destino}).")
            if not self.permitido_por_robots(destino):
                raise ErrorDescarga(
                    f"Redirige a una dirección prohibida por robots.txt ({destino})."
                )
            actual = destino
        raise ErrorDescarga("Demasiadas redirecciones.")

    # --- Páginas de listado ------------------------------------------------------------------

    def rastrear(self) -> ResumenRastreo:
        self.corpus.mkdir(parents=True, exist_ok=True)
        self._cargar_manifiesto()
        informes: dict[str, str] = {}
        cola = deque((url, 0) for url in self.fuente.inicio)
        vistas: set[str] = set()
        while cola and self.resumen.paginas < self.fuente.max_paginas:
            url, profundidad = cola.popleft()
            if url in vistas:
                continue
            vistas.add(url)
            html = self._pagina(url)
            if html is None:
                continue
            for destino, texto in enlaces(html, url):
                if self.fuente.es_informe(destino, texto):
                    informes.setdefault(destino, texto)
                elif (
                    profundidad < self.fuente.profundidad
                    and destino not in vistas
                    and self.fuente.se_sigue(destino, texto)
                ):
                    cola.append((destino, profundidad + 1))
        for url in informes:
            self._informe(url)
        escribir_manifiesto(self.corpus, list(self.filas.values()))
        return self.resumen

    def _fuera(self, url: str, tipo: str) -> bool:
        """Marca y descarta (sin pedirla) una URL fuera de dominio o prohibida por robots.txt."""
        fila = self._fila(url, tipo)
        if not self.fuente.permitido(url):
            fila.estado, fila.error = (
                "fuera de dominio",
                "No se pidió: está fuera de los dominios permitidos.",
            )
            return True
        if not self.permitido_por_robots(url):
            fila.estado, fila.error = (
                "prohibido por robots.txt",
                f"No se pidió: {self._robots(url).razon}",
            )
            return True
        return False

    def _pagina(self, url: str) -> str | None:
        if self._fuera(url, "pagina"):
            return None
        fila = self._fila(url, "pagina")
        fila.fecha_revision = ahora()
        try:
            respuesta = self._pedir(url)
        except ErrorDescarga as error:
            fila.estado, fila.error = "error", str(error)
            self.resumen.errores.append((url, str(error)))
            return None
        self.resumen.paginas += 1
        if respuesta.status_code != 200:
            fila.estado, fila.error = "error", _error_http(respuesta.status_code)
            self.resumen.errores.append((url, fila.error))
            return None
        fila.estado, fila.error = "pagina", ""
        return respuesta.text if "html" in respuesta.headers.get("content-type", "html") else None

    # --- Informes --------------------------------------------------------------------------

    def _informe(self, url: str) -> None:
        if self._fuera(url, "informe"):
            return
        fila = self._fila(url)
        fila.fecha_revision = ahora()
        cabeceras = {}
        if fila.etag and fila.archivo and (self.corpus / fila.archivo).is_file():
            cabeceras["If-None-Match"] = fila.etag
        if fila.last_modified and fila.archivo and (self.corpus / fila.archivo).is_file():
            cabeceras["If-Modified-Since"] = fila.last_modified
        try:
            self._descargar(url, fila, cabeceras)
        except ErrorDescarga as error:
            fila.estado, fila.error = "error", str(error)
            self.resumen.errores.append((url, str(error)))

    def _descargar(self, url: str, fila: FilaManifiesto, cabeceras: dict[str, str]) -> None:
        self._con_reintentos(lambda: self._intentar_descarga(url, fila, cabeceras))

    def _intentar_descarga(self, url: str, fila: FilaManifiesto, cabeceras: dict[str, str]) -> None:
        respuesta = self._seguir_redirecciones(url, cabeceras, flujo=True)
        try:
            if respuesta.status_code == 304:
                fila.estado, fila.error = "sin cambios", ""
                self.resumen.sin_cambios += 1
                return
            if respuesta.status_code != 200:
                raise ErrorDescarga(
                    _error_http(respuesta.status_code), respuesta.status_code >= 500
                )
            # El nombre sale de la dirección final (tras redirecciones), saneado.
            nombre = fila.archivo or nombre_seguro(str(respuesta.url), self._ocupados())
            destino_final = self.corpus / nombre
            temporal = destino_final.with_name(
                f".{destino_final.name}.{uuid.uuid4().hex[:8]}.parte"
            )
            try:
                sha, tamano = self._volcar(respuesta, temporal)
                if sha == fila.sha256 and destino_final.is_file():
                    fila.estado, fila.error = "sin cambios", ""
                    self.resumen.sin_cambios += 1
                    return
                anterior = fila.sha256 if destino_final.is_file() else ""
                if anterior:
                    self._conservar_anterior(fila, destino_final)
                os.chmod(temporal, PERMISOS)
                temporal.replace(destino_final)
            finally:
                temporal.unlink(missing_ok=True)
        finally:
            respuesta.close()
        fila.archivo, fila.sha256, fila.bytes = destino_final.name, sha, tamano
        fila.fecha_descarga = ahora()
        fila.etag = respuesta.headers.get("etag", "")
        fila.last_modified = respuesta.headers.get("last-modified", "")
        fila.estado, fila.error = ("actualizado" if anterior else "descargado"), ""
        (self.resumen.actualizados if anterior else self.resumen.descargados).append(url)

    def _volcar(self, respuesta: httpx.Response, temporal: Path) -> tuple[str, int]:
        """Escribe el cuerpo en el temporal; verifica tamaño, Content-Length y marca %PDF."""
        digesto = hashlib.sha256()
        tamano = 0
        esperado = respuesta.headers.get("content-length")
        try:
            with temporal.open("wb") as archivo:
                for bloque in respuesta.iter_bytes():
                    tamano += len(bloque)
                    if tamano > self.fuente.max_bytes:
                        raise ErrorDescarga(
                            f"El archivo supera el tamaño máximo ({self.fuente.max_bytes} bytes)."
                        )
                    if tamano == len(bloque) and MARCA_PDF not in bloque[:1024]:
                        tipo = respuesta.headers.get("content-type", "desconocido")
                        raise ErrorDescarga(
                            f"La respuesta no es un PDF (tipo {tipo}; no empieza con %PDF)."
                        )
                    digesto.update(bloque)
                    archivo.write(bloque)
        except httpx.TransportError as error:
            raise ErrorDescarga(
                f"La descarga quedó incompleta ({tamano} de {esperado or '?'} bytes).", True
            ) from error
        if esperado and esperado.isdigit() and int(esperado) != tamano:
            raise ErrorDescarga(
                f"La descarga quedó incompleta ({tamano} de {esperado} bytes).", True
            )
        if tamano == 0:
            raise ErrorDescarga("La respuesta llegó vacía.", True)
        return digesto.hexdigest(), tamano

    def _ocupados(self) -> set[str]:
        return {f.archivo for f in self.filas.values() if f.archivo}

    def _conservar_anterior(self, fila: FilaManifiesto, actual: Path) -> None:
        """Una versión anterior del mismo informe no se pierde: pasa a `anteriores/`."""
        carpeta = self.corpus / ANTERIORES
        carpeta.mkdir(exist_ok=True)
        nombre = f"{actual.stem}-{fila.sha256[:12]}.pdf"
        shutil.move(actual, carpeta / nombre)
        historica = FilaManifiesto(**asdict(fila))
        historica.archivo, historica.estado = f"{ANTERIORES}/{nombre}", "reemplazado"
        self.filas[(fila.url, fila.sha256)] = historica


def _error_http(codigo: int) -> str:
    if codigo == 404:
        return "No encontrado (HTTP 404)."
    if codigo in (401, 403):
        return f"Acceso denegado (HTTP {codigo})."
    return f"El servidor respondió HTTP {codigo}."


def rastrear(fuente: Fuente, corpus: Path) -> ResumenRastreo:
    rastreador = Rastreador(fuente, corpus)
    try:
        return rastreador.rastrear()
    finally:
        rastreador.cliente.close()
