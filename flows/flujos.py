"""Flujos de Prefect: `rastrear`, `procesar` (una tarea por documento) y `actualizar`.

La tarea de cada documento se guarda en caché por el sha256 del archivo y la versión del
extractor (que incluye la huella de las reglas y catálogos), con su resultado persistido: un
corpus sin cambios vuelve a correr en segundos. Un documento que falla queda registrado y el
flujo termina igual. Cada corrida deja un artefacto markdown con su resumen.
"""

from __future__ import annotations

from flows import entorno

entorno.preparar()

from collections.abc import Callable  # noqa: E402
from dataclasses import asdict  # noqa: E402
from pathlib import Path  # noqa: E402

from prefect import flow, get_run_logger, task  # noqa: E402
from prefect.artifacts import create_markdown_artifact  # noqa: E402
from prefect.task_runners import ThreadPoolTaskRunner  # noqa: E402

from extractores.version import version_extractor  # noqa: E402
from flows import procesar as corrida  # noqa: E402
from flows import rastreo  # noqa: E402
from flows.ejecucion import TIEMPO_LIMITE_PREDETERMINADO, Trabajo, ejecutar, precargar  # noqa: E402
from flows.fuentes import cargar  # noqa: E402
from modelos.registros import Resultado  # noqa: E402

CLAVE_ARTEFACTO = "resumen-procesar"


def clave_de_documento(_contexto, parametros: dict) -> str:
    """La caché de una tarea: el contenido del archivo y la versión del extractor y reglas."""
    return f"extraer-{parametros['trabajo'].sha256}-{version_extractor()}"


class ErrorPasajero(Exception):
    """Un fallo que puede no repetirse (tiempo límite, proceso caído): la tarea falla para que
    Prefect no lo guarde en caché; el flujo registra igual el documento y sigue."""

    @property
    def resultado(self) -> Resultado:
        return self.args[0]


@task(
    name="extraer documento",
    task_run_name="extraer {trabajo.ruta.name}",
    cache_key_fn=clave_de_documento,
    persist_result=True,
)
def extraer_documento(trabajo: Trabajo, tiempo_limite: float) -> Resultado:
    """Un documento, en su propio proceso con tiempo límite; nunca lanza por un PDF malo."""
    resultado = ejecutar([trabajo], trabajadores=1, tiempo_limite=tiempo_limite)[0]
    if resultado.documento.reintentar:
        raise ErrorPasajero(resultado)
    return resultado


def _ejecutor_de_tareas(tiempo_limite: float) -> corrida.Ejecutor:
    def ejecutar_en_prefect(
        trabajos: list[Trabajo], al_terminar: Callable[[Resultado], None]
    ) -> list[Resultado]:
        precargar()
        futuros = [extraer_documento.submit(t, tiempo_limite) for t in trabajos]
        resultados = []
        for futuro in futuros:
            try:
                resultado = futuro.result()
            except ErrorPasajero as error:
                resultado = error.resultado
            al_terminar(resultado)
            resultados.append(resultado)
        return resultados

    return ejecutar_en_prefect


def corredor(ejecutor: str, trabajadores: int, direccion: str | None = None):
    """El task runner de Prefect: hilos (cada documento en su proceso) o un clúster de Dask."""
    if ejecutor == "dask":
        import dask
        from prefect_dask import DaskTaskRunner

        # Los trabajadores de Dask deben poder crear el proceso hijo con tiempo límite.
        dask.config.set({"distributed.worker.daemon": False})
        if direccion:
            return DaskTaskRunner(address=direccion)
        return DaskTaskRunner(
            cluster_kwargs={"n_workers": trabajadores, "threads_per_worker": 1, "processes": True}
        )
    return ThreadPoolTaskRunner(max_workers=trabajadores)


@flow(name="procesar", log_prints=True)
def procesar_flujo(
    rutas: list[Path] | None = None,
    salida: Path = corrida.SALIDA_PREDETERMINADA,
    tiempo_limite: float = TIEMPO_LIMITE_PREDETERMINADO,
) -> dict:
    """Una tarea por documento; publica las tablas y deja un artefacto con el resumen."""
    resumen = corrida.procesar(rutas, salida=salida, ejecutor=_ejecutor_de_tareas(tiempo_limite))
    create_markdown_artifact(
        markdown=corrida.markdown(resumen), key=CLAVE_ARTEFACTO, description="Resumen de la corrida"
    )
    get_run_logger().info("Procesados %s, fallidos %s", resumen.nuevos, len(resumen.fallidos))
    return _como_dict(resumen)


def _como_dict(resumen: corrida.Resumen) -> dict:
    datos = asdict(resumen)
    datos.pop("documentos")
    return datos


@flow(name="rastrear", log_prints=True)
def rastrear_flujo(fuente: str, corpus: Path = corrida.CORPUS_PREDETERMINADO) -> dict:
    """Sigue las páginas de la fuente y descarga los informes nuevos o cambiados."""
    resumen = rastreo.rastrear(cargar(fuente), corpus)
    return asdict(resumen)


@flow(name="actualizar", log_prints=True)
def actualizar_flujo(
    fuente: str,
    corpus: Path = corrida.CORPUS_PREDETERMINADO,
    salida: Path = corrida.SALIDA_PREDETERMINADA,
    tiempo_limite: float = TIEMPO_LIMITE_PREDETERMINADO,
) -> dict:
    """rastrear + procesar + publicar las tablas."""
    rastreado = rastrear_flujo(fuente, corpus)
    procesado = procesar_flujo([corpus], salida, tiempo_limite)
    return {"rastreo": rastreado, "procesamiento": procesado}


def con_ejecutor(flujo, ejecutor: str, trabajadores: int, direccion: str | None = None):
    """El mismo flujo con otro task runner (hilos o Dask)."""
    return flujo.with_options(task_runner=corredor(ejecutor, trabajadores, direccion))
