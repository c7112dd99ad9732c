"""Ejecutar la extracción de cada archivo en procesos hijos, con tiempo límite.

Un PDF malformado puede colgar al lector o agotar la memoria: el proceso que lo lee se mata al
vencer su tiempo y el archivo queda como `error` con una oración clara; la corrida sigue.

Los procesos hijos (tantos como trabajadores) se crean una vez por corrida, con las reglas ya
cargadas, y leen un archivo tras otro; sólo se reemplaza el que se mata o se cae. Mientras leen,
avisan cada página terminada (una barra de avance por página en los escaneos largos).

Los crea una «fábrica»: un proceso que carga spaCy y las reglas una sola vez y hace copias de sí
mismo (fork). Mientras ella carga, el proceso principal adelanta lo suyo (`mientras`: importar
lo que necesita para publicar) en otro núcleo, en lugar de esperarla.
"""

from __future__ import annotations

import gc
import multiprocessing
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
    festivos: el primer calendario importa los de todos los países (~0.1 s por proceso)."""
    from extractores import documento, formatos, plazos, reglas

    reglas.encabezados()
    reglas.estatus()
    reglas.asf()
    reglas.cierres()
    formatos.registrados()
    documento.version_extractor()
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


def _compartir_nucleos_de_ocr(contexto) -> None:
    """Un semáforo con un turno por núcleo, heredado por los procesos hijos: el OCR de todos
    ellos junto no ocupa más núcleos de los que hay."""
    from extractores import ocr

    ocr.compartir_turnos(contexto.BoundedSemaphore(ocr.hilos_ocr()))


# Pedidos a la fábrica: (CREAR, número, tubo de entrada, tubo de salida) crea un hijo;
# (ESPERAR, número) espera a que termine y (MATAR, número) lo mata: ambos responden su código de
# salida. None: esperar a todos y terminar.
CREAR = "crear"
ESPERAR = "esperar"
MATAR = "matar"


def _fabricar(pedidos: Connection, del_padre: Connection) -> None:
    """El lazo de la fábrica: carga las reglas y atiende pedidos hasta recibir None (o hasta
    que el proceso principal termine: se cierra el tubo)."""
    del_padre.close()  # la copia heredada del extremo del padre: si no, nunca vería el cierre
    with sin_recolector():
        precargar()
    contexto = multiprocessing.get_context("fork")
    _compartir_nucleos_de_ocr(contexto)
    procesos: dict[int, BaseProcess] = {}
    try:
        while (pedido := pedidos.recv()) is not None:
            orden, numero, *tubos = pedido
            if orden == CREAR:
                proceso = contexto.Process(target=_trabajar, args=tuple(tubos), daemon=True)
                proceso.start()
                for tubo in tubos:
                    tubo.close()  # que ningún otro hijo herede los tubos de éste
                procesos[numero] = proceso
                continue
            proceso = procesos.pop(numero, None)
            if proceso is not None and orden == MATAR:
                proceso.kill()
            if proceso is not None:
                proceso.join()
            pedidos.send(None if proceso is None else proceso.exitcode)
    except (EOFError, OSError, KeyboardInterrupt):
        pass
    finally:
        for proceso in procesos.values():
            proceso.join()


class _Fabrica:
    """El lado del proceso principal de la fábrica (ver `_fabricar`)."""

    def __init__(self, contexto) -> None:
        self._contexto = contexto
        self._pedidos, pedidos = contexto.Pipe()
        # No es «daemon»: tiene hijos. Termina al recibir None o al cerrarse el tubo.
        self.proceso = contexto.Process(target=_fabricar, args=(pedidos, self._pedidos))
        self.proceso.start()
        pedidos.close()
        self._creados = 0

    def crear(self) -> _Hijo:
        """Un hijo nuevo: se pide a la fábrica y se puede usar enseguida (lo que se le envía
        espera en su tubo a que la fábrica termine de cargar)."""
        recibe_hijo, envia_padre = self._contexto.Pipe(duplex=False)
        recibe_padre, envia_hijo = self._contexto.Pipe(duplex=False)
        self._creados += 1
        self._pedidos.send((CREAR, self._creados, recibe_hijo, envia_hijo))
        recibe_hijo.close()
        envia_hijo.close()
        return _Hijo(self, self._creados, envia_padre, recibe_padre)

    def pedir(self, orden: str, numero: int) -> int | None:
        """ESPERAR o MATAR a un hijo: su código de salida."""
        try:
            self._pedidos.send((orden, numero))
            return self._pedidos.recv()
        except (EOFError, OSError):
            return None  # la fábrica ya no está: sus hijos tampoco

    def cerrar(self) -> None:
        try:
            self._pedidos.send(None)
        except OSError:
            self.proceso.kill()
        self.proceso.join()
        self._pedidos.close()


@dataclass(slots=True)
class _Hijo:
    """Un proceso hijo (de la fábrica) y sus dos tubos; `tarea` es lo que lee ahora (índice,
    trabajo, inicio); `codigo`, su código de salida, ya que terminó."""

    fabrica: _Fabrica
    numero: int
    envio: Connection
    recepcion: Connection
    tarea: tuple[int, Trabajo, float] | None = field(default=None)
    codigo: int | None = None
    terminado: bool = False

    def asignar(self, indice: int, trabajo: Trabajo) -> None:
        self.tarea = (indice, trabajo, time.monotonic())
        self.envio.send(trabajo)

    def esperar(self, matar: bool = False) -> int | None:
        if not self.terminado:
            self.codigo = self.fabrica.pedir(MATAR if matar else ESPERAR, self.numero)
            self.terminado = True
        return self.codigo

    def cerrar(self, matar: bool = False) -> None:
        if not matar:
            try:
                self.envio.send(None)
            except (OSError, BrokenPipeError):
                matar = True
        self.esperar(matar)
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
    fabrica = _Fabrica(multiprocessing.get_context("fork"))
    hijos: list[_Hijo] = []
    resultados: dict[int, Resultado] = {}

    def terminar(hijo: _Hijo, resultado: Resultado) -> None:
        assert hijo.tarea is not None
        resultados[hijo.tarea[0]] = resultado
        hijo.tarea = None
        if al_terminar:
            al_terminar(resultado)

    def reemplazar(hijo: _Hijo) -> None:
        hijos[hijos.index(hijo)] = fabrica.crear()

    try:
        for _ in range(min(max(1, trabajadores), len(pendientes))):
            hijos.append(fabrica.crear())
            hijos[-1].asignar(*pendientes.popleft())
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
                    codigo = hijo.esperar()
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
        fabrica.cerrar()
        gc.unfreeze()
    return [resultados[i] for i in sorted(resultados)]
