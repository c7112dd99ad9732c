"""Ejecutar la extracción de cada archivo en procesos hijos, con tiempo límite.

Un PDF malformado puede colgar al lector o agotar la memoria: el proceso que lo lee se mata al
vencer su tiempo y el archivo queda como `error` con una oración clara; la corrida sigue.

Los procesos hijos (tantos como trabajadores) se crean una vez por corrida, con las reglas ya
cargadas, y leen un archivo tras otro; sólo se reemplaza el que se mata o se cae. Mientras leen,
avisan cada página terminada (una barra de avance por página en los escaneos largos).
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path

from modelos.registros import Documento, Resultado

TIEMPO_LIMITE_PREDETERMINADO = 600.0
# Mensajes de un proceso hijo: («pagina», número, total) o («resultado», Resultado).
PAGINA = "pagina"
RESULTADO = "resultado"


@dataclass(frozen=True, slots=True)
class Trabajo:
    ruta: Path
    sha256: str


def _trabajar(receptor: Connection, emisor: Connection) -> None:
    """El lazo de un proceso hijo: recibe trabajos hasta recibir None.

    Lo heredado del padre (módulos, reglas) se congela para el recolector de basura: no lo
    vuelve a recorrer en cada recolección, ni copia sus páginas de memoria al recorrerlo."""
    gc.freeze()
    from extractores import documento as extraccion
    from extractores import texto_pdf

    def avisar(numero: int, total: int) -> None:
        emisor.send((PAGINA, numero, total))

    texto_pdf.al_leer_pagina = avisar
    try:
        while (trabajo := receptor.recv()) is not None:
            emisor.send((RESULTADO, extraccion.procesar_archivo(trabajo.ruta, trabajo.sha256)))
    except (EOFError, OSError, KeyboardInterrupt):
        pass
    finally:
        emisor.close()


def _fallido(trabajo: Trabajo, mensaje: str, segundos: float) -> Resultado:
    from extractores.version import version_extractor

    return Resultado(
        Documento(
            sha256=trabajo.sha256,
            archivo=trabajo.ruta.name,
            estado="error",
            error=mensaje,
            segundos=round(segundos, 3),
            version_extractor=version_extractor(),
            reintentar=True,
        )
    )


def precargar() -> None:
    """Carga las reglas y los formatos antes de crear procesos hijos, para que las hereden ya
    listos (si no, cada hijo importa los formatos y arma sus buscadores). También los días
    festivos: el primer calendario importa los de todos los países (~0.1 s por proceso). spaCy
    se importa sin su línea de órdenes (`extractores/carga_spacy.py`)."""
    from extractores import carga_spacy

    carga_spacy.importar()
    from extractores import documento, formatos, reglas

    reglas.encabezados()
    reglas.estatus()
    reglas.asf()
    reglas.cierres()
    formatos.registrados()
    documento.version_extractor()
    precargar_festivos()


def precargar_festivos() -> None:
    """El primer calendario importa los días festivos de todos los países (~0.05 s)."""
    from extractores import plazos

    plazos.Calendario("precarga").es_habil(date(2000, 1, 3))


@contextmanager
def sin_recolector() -> Iterator[None]:
    """Para importar bibliotecas grandes (spaCy, pandas): crean cientos de miles de objetos que
    viven toda la corrida, y el recolector de basura los recorrería varias veces sin liberar
    nada (~0.1 s). Se apaga mientras tanto y lo creado se congela (`gc.freeze`): las
    recolecciones siguientes ya no lo recorren. Quien lo usa descongela al terminar
    (`gc.unfreeze`): DuckDB avisa al salir del programa de los objetos que quedaron congelados."""
    activo = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if activo:
            gc.enable()


def congelar_para_salir() -> None:
    """Para terminar el programa sin recorrer lo que queda vivo: spaCy, las reglas y los
    formatos (~120,000 objetos) viven hasta el final, y el intérprete los recorrería en cada
    recolección con que termina (~0.25 s) sólo para liberarlos. Se congelan (`gc.freeze`),
    salvo si DuckDB está cargado en este proceso: avisa al salir de sus objetos que quedaron
    sin liberar (el proceso principal de `procesar` sólo lo carga para leer el índice de un
    archivo ya publicado)."""
    if "duckdb" not in sys.modules:
        gc.freeze()


def _compartir_nucleos_de_ocr(contexto) -> None:
    """Un semáforo con un turno por núcleo, heredado por los procesos hijos: el OCR de todos
    ellos junto no ocupa más núcleos de los que hay."""
    from extractores import turnos_ocr

    turnos_ocr.compartir(contexto.BoundedSemaphore(turnos_ocr.hilos_ocr()))


@dataclass(slots=True)
class _Hijo:
    """Un proceso hijo y sus dos tubos; `tarea` es lo que lee ahora (índice, trabajo, inicio)."""

    proceso: BaseProcess
    envio: Connection
    recepcion: Connection
    tarea: tuple[int, Trabajo, float] | None = field(default=None)

    def asignar(self, indice: int, trabajo: Trabajo) -> None:
        self.tarea = (indice, trabajo, time.monotonic())
        self.envio.send(trabajo)

    def cerrar(self, matar: bool = False) -> None:
        if matar:
            self.proceso.kill()
        else:
            try:
                self.envio.send(None)
            except (OSError, BrokenPipeError):
                self.proceso.kill()
        self.proceso.join()
        self.envio.close()
        self.recepcion.close()


def _mas_grande_primero(par: tuple[int, Trabajo]) -> tuple[int, int]:
    """Los archivos más grandes se reparten primero: el último en terminar es uno chico y ningún
    proceso queda esperando mucho a otro al final. (Los resultados vuelven en el orden dado.)"""
    indice, trabajo = par
    try:
        tamano = trabajo.ruta.stat().st_size
    except OSError:
        tamano = 0
    return -tamano, indice


def _nuevo_hijo(contexto) -> _Hijo:
    recibe_hijo, envia_padre = contexto.Pipe(duplex=False)
    recibe_padre, envia_hijo = contexto.Pipe(duplex=False)
    proceso = contexto.Process(target=_trabajar, args=(recibe_hijo, envia_hijo), daemon=True)
    proceso.start()
    recibe_hijo.close()
    envia_hijo.close()
    return _Hijo(proceso, envia_padre, recibe_padre)


def ejecutar(
    trabajos: Iterable[Trabajo],
    trabajadores: int = 1,
    tiempo_limite: float = TIEMPO_LIMITE_PREDETERMINADO,
    al_terminar: Callable[[Resultado], None] | None = None,
    al_leer_pagina: Callable[[Trabajo, int, int], None] | None = None,
    mientras: Callable[[], None] | None = None,
) -> list[Resultado]:
    """Procesa los trabajos en hasta `trabajadores` procesos a la vez; devuelve en orden.

    `al_leer_pagina(trabajo, número, total)` se llama con cada página leída. `mientras()` se
    llama una vez, ya creados los procesos hijos (o si no hay trabajos): lo que el proceso
    principal puede adelantar mientras ellos leen."""
    pendientes = deque(sorted(enumerate(trabajos), key=_mas_grande_primero))
    if not pendientes:
        try:
            if mientras:
                mientras()
        finally:
            gc.unfreeze()
        return []
    with sin_recolector():
        precargar()
    contexto = multiprocessing.get_context("fork")
    _compartir_nucleos_de_ocr(contexto)
    hijos = [_nuevo_hijo(contexto) for _ in range(min(max(1, trabajadores), len(pendientes)))]
    resultados: dict[int, Resultado] = {}

    def terminar(hijo: _Hijo, resultado: Resultado) -> None:
        assert hijo.tarea is not None
        resultados[hijo.tarea[0]] = resultado
        hijo.tarea = None
        if al_terminar:
            al_terminar(resultado)

    def reemplazar(hijo: _Hijo) -> None:
        hijos[hijos.index(hijo)] = _nuevo_hijo(contexto)

    try:
        for hijo in hijos:
            hijo.asignar(*pendientes.popleft())
        if mientras:
            mientras()
        while pendientes or any(h.tarea for h in hijos):
            for hijo in hijos:
                if hijo.tarea is None and pendientes:
                    hijo.asignar(*pendientes.popleft())
            ocupados = {h.recepcion: h for h in hijos if h.tarea}
            vence = min(h.tarea[2] + tiempo_limite for h in ocupados.values() if h.tarea)
            for receptor in wait(list(ocupados), timeout=max(0.0, vence - time.monotonic())):
                hijo = ocupados[receptor]
                _, trabajo, inicio = hijo.tarea  # type: ignore[misc]
                try:
                    mensaje = receptor.recv()
                except (EOFError, OSError):
                    hijo.proceso.join()
                    codigo = hijo.proceso.exitcode
                    terminar(
                        hijo,
                        _fallido(
                            trabajo,
                            "El proceso que leía el PDF terminó de forma anormal "
                            f"(código {codigo}); el archivo puede estar dañado.",
                            time.monotonic() - inicio,
                        ),
                    )
                    hijo.cerrar(matar=True)
                    reemplazar(hijo)
                    continue
                if mensaje[0] == PAGINA:
                    if al_leer_pagina:
                        al_leer_pagina(trabajo, mensaje[1], mensaje[2])
                else:
                    terminar(hijo, mensaje[1])
            ahora = time.monotonic()
            for hijo in list(hijos):
                if hijo.tarea and ahora - hijo.tarea[2] >= tiempo_limite:
                    _, trabajo, inicio = hijo.tarea
                    hijo.cerrar(matar=True)
                    terminar(
                        hijo,
                        _fallido(
                            trabajo,
                            f"Se agotó el tiempo límite ({tiempo_limite:g} s) al leer el PDF; "
                            "puede estar malformado o ser demasiado grande.",
                            ahora - inicio,
                        ),
                    )
                    if pendientes:
                        reemplazar(hijo)
                    else:
                        hijos.remove(hijo)
    finally:
        for hijo in hijos:
            hijo.cerrar(matar=hijo.tarea is not None)
        gc.unfreeze()
    return [resultados[i] for i in sorted(resultados)]
