"""Publicar en un proceso aparte, creado antes de cargar spaCy.

Antes de crear los procesos que leen, el proceso principal carga spaCy y las reglas (~0.5 s en
un núcleo; el otro queda libre). El publicador se crea antes que eso y aprovecha el núcleo libre:
importa pandas, pyarrow y DuckDB y, si hay que reconstruir, crea las bases vacías. Al final
recibe lo extraído, lo publica y responde si hubo un error (que el proceso principal levanta).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import pickle
import sys
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection


class ErrorAlPublicar(RuntimeError):
    """La publicación falló en el publicador con un error que no viaja entre procesos (el
    mensaje trae su traza)."""


def _servir(
    recibe: Connection, envia: Connection, preparar: Callable[[], None], publicar: Callable
) -> None:
    """El publicador: prepara, espera los argumentos de `publicar` (o None) y publica."""
    try:
        try:
            preparar()
            fallo = None
        except Exception as error:  # se levanta al publicar, como sin publicador
            fallo = error
        argumentos = recibe.recv()
        if argumentos is None:
            return
        if fallo is not None:
            raise fallo
        publicar(*argumentos)
        _responder(envia, None)
    except (EOFError, KeyboardInterrupt):
        pass
    except Exception as error:
        _responder(envia, _enviable(error))
    finally:
        envia.close()


def _responder(envia: Connection, error: Exception | None) -> None:
    """Lo que el publicador imprimió sale antes que lo que el principal imprima al saberlo."""
    sys.stdout.flush()
    sys.stderr.flush()
    envia.send(error)


def _enviable(error: Exception) -> Exception:
    """El error tal cual si se puede copiar a otro proceso; si no, uno con su traza."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return ErrorAlPublicar("".join(traceback.format_exception(error)))
    return error


class Publicador:
    """Un proceso que corre `preparar()` en cuanto se crea y `publicar(*argumentos)` cuando se
    le pide (una vez). Ambas funciones se heredan al crearlo (fork): no se copian."""

    def __init__(self, preparar: Callable[[], None], publicar: Callable) -> None:
        contexto = multiprocessing.get_context("fork")
        recibe_hijo, self._envio = contexto.Pipe(duplex=False)
        self._recepcion, envia_hijo = contexto.Pipe(duplex=False)
        argumentos = (recibe_hijo, envia_hijo, preparar, publicar)
        self._proceso = contexto.Process(target=_servir, args=argumentos, daemon=True)
        self._proceso.start()
        recibe_hijo.close()
        envia_hijo.close()

    def publicar(self, *argumentos) -> None:
        """Publica en el publicador y espera; levanta el error que allá haya ocurrido."""
        try:
            self._envio.send(argumentos)
            error = self._recepcion.recv()
        except (EOFError, OSError) as problema:
            self._proceso.join()
            raise ErrorAlPublicar(
                "El proceso que publicaba terminó de forma anormal (código "
                f"{self._proceso.exitcode})."
            ) from problema
        finally:
            self._terminar()
        if error is not None:
            raise error

    def cerrar(self) -> None:
        """Termina el publicador sin publicar (si aún no publicó)."""
        if self._envio.closed:
            return
        with contextlib.suppress(OSError):  # ya terminó
            self._envio.send(None)
        self._terminar()

    def _terminar(self) -> None:
        self._envio.close()
        self._recepcion.close()
        self._proceso.join()
