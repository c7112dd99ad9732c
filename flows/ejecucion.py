"""Ejecutar la extracción de cada archivo en un proceso hijo, con tiempo límite.

Un PDF malformado puede colgar al lector o agotar la memoria: el proceso hijo se mata al
vencer su tiempo y el archivo queda como `error` con una oración clara; la corrida sigue.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from extractores import documento as extraccion
from extractores import reglas
from modelos.registros import Documento, Resultado

TIEMPO_LIMITE_PREDETERMINADO = 600.0


@dataclass(frozen=True, slots=True)
class Trabajo:
    ruta: Path
    sha256: str


def _trabajar(trabajo: Trabajo, emisor: Connection) -> None:
    try:
        emisor.send(extraccion.procesar_archivo(trabajo.ruta, trabajo.sha256))
    finally:
        emisor.close()


def _fallido(trabajo: Trabajo, mensaje: str, segundos: float) -> Resultado:
    return Resultado(
        Documento(
            sha256=trabajo.sha256,
            archivo=trabajo.ruta.name,
            estado="error",
            error=mensaje,
            segundos=round(segundos, 3),
            version_extractor=extraccion.version_extractor(),
            reintentar=True,
        )
    )


def precargar() -> None:
    """Carga las reglas antes de crear procesos hijos, para que las hereden ya listas."""
    reglas.encabezados()
    reglas.estatus()


def ejecutar(
    trabajos: Iterable[Trabajo],
    trabajadores: int = 1,
    tiempo_limite: float = TIEMPO_LIMITE_PREDETERMINADO,
    al_terminar: Callable[[Resultado], None] | None = None,
) -> list[Resultado]:
    """Procesa los trabajos en hasta `trabajadores` procesos a la vez; devuelve en orden."""
    precargar()
    contexto = multiprocessing.get_context("fork")
    pendientes = deque(enumerate(trabajos))
    activos: dict[Connection, tuple[int, Trabajo, multiprocessing.Process, float]] = {}
    resultados: dict[int, Resultado] = {}

    def terminar(indice: int, resultado: Resultado) -> None:
        resultados[indice] = resultado
        if al_terminar:
            al_terminar(resultado)

    while pendientes or activos:
        while pendientes and len(activos) < max(1, trabajadores):
            indice, trabajo = pendientes.popleft()
            receptor, emisor = contexto.Pipe(duplex=False)
            proceso = contexto.Process(target=_trabajar, args=(trabajo, emisor), daemon=True)
            proceso.start()
            emisor.close()
            activos[receptor] = (indice, trabajo, proceso, time.monotonic())
        vence = min(inicio + tiempo_limite for _, _, _, inicio in activos.values())
        for receptor in wait(list(activos), timeout=max(0.0, vence - time.monotonic())):
            indice, trabajo, proceso, inicio = activos.pop(receptor)
            try:
                resultado = receptor.recv()
            except (EOFError, OSError):
                resultado = _fallido(
                    trabajo,
                    "El proceso que leía el PDF terminó de forma anormal "
                    f"(código {proceso.exitcode}); el archivo puede estar dañado.",
                    time.monotonic() - inicio,
                )
            receptor.close()
            proceso.join()
            terminar(indice, resultado)
        ahora = time.monotonic()
        for receptor, (indice, trabajo, proceso, inicio) in list(activos.items()):
            if ahora - inicio >= tiempo_limite:
                proceso.kill()
                proceso.join()
                receptor.close()
                del activos[receptor]
                terminar(
                    indice,
                    _fallido(
                        trabajo,
                        f"Se agotó el tiempo límite ({tiempo_limite:g} s) al leer el PDF; "
                        "puede estar malformado o ser demasiado grande.",
                        ahora - inicio,
                    ),
                )
    return [resultados[i] for i in sorted(resultados)]
