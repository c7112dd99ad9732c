"""La línea de órdenes `informes`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from flows import click_es, entorno
from flows.ejecucion import TIEMPO_LIMITE_PREDETERMINADO, Trabajo, congelar_para_salir
from flows.procesar import CORPUS_PREDETERMINADO, SALIDA_PREDETERMINADA, Resumen, procesar
from modelos.registros import Resultado

CONTEXTO = {"help_option_names": ["-h", "--ayuda", "--help"]}
click_es.instalar()
entorno.preparar()
EJECUTORES = ("procesos", "prefect", "dask")
CRON_PREDETERMINADO = "0 7 * * 1"


def _opciones_ejecutor(funcion):
    funcion = click.option(
        "--direccion",
        default=None,
        metavar="tcp://HOST:PUERTO",
        help="Dirección de un clúster de Dask existente (tcp://host:8786); con --ejecutor dask.",
    )(funcion)
    return click.option(
        "--ejecutor",
        type=click.Choice(EJECUTORES),
        default="procesos",
        show_default=True,
        help="Dónde corre cada documento: procesos locales, tareas de Prefect o clúster de Dask.",
    )(funcion)


def _opcion_corpus(funcion):
    return click.option(
        "--corpus",
        type=click.Path(file_okay=False, path_type=Path),
        default=CORPUS_PREDETERMINADO,
        show_default=True,
        help="Carpeta donde se guardan los PDF descargados y manifiesto.csv.",
    )(funcion)


def _opcion_salida(funcion):
    return click.option(
        "--salida",
        type=click.Path(file_okay=False, path_type=Path),
        default=SALIDA_PREDETERMINADA,
        show_default=True,
        help="Carpeta donde se escriben las tablas, los JSON y la caché.",
    )(funcion)


def _opcion_trabajadores(funcion):
    return click.option(
        "--trabajadores",
        type=click.IntRange(1, 64),
        metavar="N",
        default=max(1, os.cpu_count() or 1),
        show_default=True,
        help="Cuántos documentos se procesan a la vez.",
    )(funcion)


def _cargar_fuente(fuente: str):
    from flows.fuentes import FuenteInvalida, cargar

    try:
        return cargar(fuente)
    except FuenteInvalida as error:
        raise click.BadParameter(str(error), param_hint="--fuente") from error


@click.group(
    context_settings=CONTEXTO,
    options_metavar="[OPCIONES]",
    subcommand_metavar="ORDEN [ARGUMENTOS]...",
)
def main() -> None:
    """informes: convierte los informes individuales de auditoría de las ASE en datos."""


@main.command("procesar", context_settings=CONTEXTO, options_metavar="[OPCIONES]")
@click.argument("rutas", nargs=-1, type=click.Path(exists=True, path_type=Path))
@_opcion_salida
@_opcion_trabajadores
@click.option(
    "--tiempo-limite",
    type=click.FloatRange(1, None),
    metavar="SEGUNDOS",
    default=TIEMPO_LIMITE_PREDETERMINADO,
    show_default=True,
    help="Segundos como máximo por archivo; al vencer, el archivo queda como error.",
)
@click.option(
    "--sin-copia-pdf",
    is_flag=True,
    help="No copiar los PDF a <salida>/pdf/: la página de cada fila enlaza a su url_fuente.",
)
@_opciones_ejecutor
def procesar_cmd(
    rutas: tuple[Path, ...],
    salida: Path,
    trabajadores: int,
    tiempo_limite: float,
    sin_copia_pdf: bool,
    ejecutor: str,
    direccion: str | None,
) -> None:
    """Extrae los informes de RUTAS (archivos o carpetas; por omisión corpus/) y publica las
    tablas en --salida (por omisión salidas/)."""
    if ejecutor != "procesos":
        from flows import flujos

        flujo = flujos.con_ejecutor(flujos.procesar_flujo, ejecutor, trabajadores, direccion)
        datos = flujo(list(rutas) or [CORPUS_PREDETERMINADO], salida, tiempo_limite)
        _imprimir_resumen(Resumen(**datos), salida)
        return
    barra = None

    def al_empezar(total: int) -> None:
        nonlocal barra
        barra = click.progressbar(
            length=total, label="Procesando informes", file=sys.stderr, show_pos=True
        )
        barra.__enter__()

    def al_terminar(resultado: Resultado) -> None:
        if barra is not None:
            barra.label = "Procesando informes"
            barra.update(1)

    def al_leer_pagina(trabajo: Trabajo, hechas: int, total: int) -> None:
        if barra is not None and hechas < total:  # un escaneo largo: página por página
            barra.label = f"{trabajo.ruta.name}: página {hechas + 1} de {total}"
            barra.render_progress()

    try:
        resumen = procesar(
            list(rutas) or [CORPUS_PREDETERMINADO],
            salida=salida,
            trabajadores=trabajadores,
            tiempo_limite=tiempo_limite,
            al_empezar=al_empezar,
            al_terminar=al_terminar,
            copiar_pdf=not sin_copia_pdf,
            al_leer_pagina=al_leer_pagina,
        )
    finally:
        if barra is not None:
            barra.__exit__(None, None, None)
    _imprimir_resumen(resumen, salida)
    congelar_para_salir()


FORMATOS_CONSULTA = ("tabla", "csv", "json")


@main.command("consultar", context_settings=CONTEXTO, options_metavar="[OPCIONES]")
@click.argument("sql")
@_opcion_salida
@click.option(
    "--formato",
    type=click.Choice(FORMATOS_CONSULTA),
    default="tabla",
    show_default=True,
    help="Cómo imprimir el resultado.",
)
def consultar_cmd(sql: str, salida: Path, formato: str) -> None:
    """Ejecuta una consulta SQL (DuckDB, sólo lectura) sobre las tablas publicadas.

    Vistas listas: atencion_por_ente, atencion_por_area, atencion_por_ejercicio,
    dictamen_por_ente."""
    from flows.consultar import BaseNoEncontrada, ConsultaInvalida, consultar

    try:
        marco = consultar(sql, salida)
    except BaseNoEncontrada as error:
        raise click.ClickException(str(error)) from error
    except ConsultaInvalida as error:
        raise click.UsageError(str(error)) from error
    if formato == "csv":
        click.echo(marco.to_csv(index=False, lineterminator="\n"), nl=False)
    elif formato == "json":
        click.echo(marco.to_json(orient="records", force_ascii=False, indent=1, date_format="iso"))
    else:
        click.echo(marco.to_string(index=False) if len(marco) else "(sin filas)")


@main.command("rastrear", context_settings=CONTEXTO, options_metavar="[OPCIONES]")
@click.option(
    "--fuente",
    required=True,
    metavar="NOMBRE|URL",
    help="Nombre de una fuente de modelos/fuentes/ o una URL.",
)
@_opcion_corpus
def rastrear_cmd(fuente: str, corpus: Path) -> None:
    """Rastrea la fuente y descarga a --corpus los informes nuevos o cambiados."""
    _cargar_fuente(fuente)
    from flows import flujos

    _imprimir_rastreo(flujos.rastrear_flujo(fuente, corpus), corpus)


@main.command("actualizar", context_settings=CONTEXTO, options_metavar="[OPCIONES]")
@click.option(
    "--fuente",
    required=True,
    metavar="NOMBRE|URL",
    help="Nombre de una fuente de modelos/fuentes/ o una URL.",
)
@_opcion_corpus
@_opcion_salida
@_opcion_trabajadores
@_opciones_ejecutor
def actualizar_cmd(
    fuente: str, corpus: Path, salida: Path, trabajadores: int, ejecutor: str, direccion: str | None
) -> None:
    """Rastrea la fuente, procesa lo nuevo o cambiado y publica las tablas."""
    _cargar_fuente(fuente)
    from flows import flujos

    nombre = "dask" if ejecutor == "dask" else "prefect"
    flujo = flujos.con_ejecutor(flujos.actualizar_flujo, nombre, trabajadores, direccion)
    datos = flujo(fuente, corpus, salida)
    _imprimir_rastreo(datos["rastreo"], corpus)
    _imprimir_resumen(Resumen(**datos["procesamiento"]), salida)


@main.command("programar", context_settings=CONTEXTO, options_metavar="[OPCIONES]")
@click.option(
    "--fuente",
    required=True,
    metavar="NOMBRE|URL",
    help="Nombre de una fuente de modelos/fuentes/ o una URL.",
)
@click.option(
    "--cron",
    default=CRON_PREDETERMINADO,
    metavar="CRON",
    show_default=True,
    help="Cuándo correr, en formato cron (por omisión, los lunes a las 7:00).",
)
@_opcion_corpus
@_opcion_salida
@click.option(
    "--nombre",
    default=None,
    metavar="NOMBRE",
    help="Nombre del despliegue (por omisión, el de la fuente).",
)
def programar_cmd(fuente: str, cron: str, corpus: Path, salida: Path, nombre: str | None) -> None:
    """Sirve el despliegue programado de `actualizar` en un servidor de Prefect real (vea
    «make servidor»). Queda corriendo hasta que se interrumpa."""
    cargada = _cargar_fuente(fuente)
    from prefect.settings import PREFECT_API_URL

    if not PREFECT_API_URL.value():
        raise click.ClickException(
            "No hay servidor de Prefect configurado: inicie uno con «make servidor» y exporte "
            "PREFECT_API_URL=http://127.0.0.1:4200/api (las programaciones sólo se disparan en "
            "un servidor real)."
        )
    from flows import flujos

    nombre = nombre or f"actualizar-{cargada.nombre}"
    click.echo(f"Sirviendo «{nombre}» ({cron}) en {PREFECT_API_URL.value()}; Ctrl+C para salir.")
    flujos.actualizar_flujo.serve(
        name=nombre,
        cron=cron,
        parameters={"fuente": fuente, "corpus": str(corpus), "salida": str(salida)},
        print_starting_message=False,
    )


@main.command("evaluar", context_settings=CONTEXTO, options_metavar="[OPCIONES]")
@click.option(
    "--esperado",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Carpeta con pares <nombre>.pdf y <nombre>.esperado.json.",
)
@_opcion_salida
@_opcion_trabajadores
def evaluar_cmd(esperado: Path, salida: Path, trabajadores: int) -> None:
    """Compara lo extraído con respuestas conocidas: precisión, exhaustividad y F1 de los
    incisos; exactitud de estatus, motivo, referencias, metadatos y áreas. Escribe
    <salida>/evaluacion.json."""
    from flows.evaluar import evaluar, tabla

    informe = evaluar(esperado, salida, trabajadores)
    if not informe["documentos"]:
        raise click.UsageError(f"No hay pares .pdf / .esperado.json en {esperado}.")
    click.echo(tabla(informe))
    click.echo(f"Detalle en {salida / 'evaluacion.json'}")


@main.command("reporte", context_settings=CONTEXTO, options_metavar="[OPCIONES]")
@_opcion_salida
def reporte_cmd(salida: Path) -> None:
    """Escribe <salida>/reporte/index.html: hallazgos con gráficas y tablas, autocontenido."""
    if not (salida / "informes.sqlite").is_file():
        raise click.ClickException(
            f"No hay tablas en {salida}: ejecute primero «informes procesar»."
        )
    from flows.reporte import generar

    click.echo(f"Reporte en {generar(salida)}")


@main.command("servir", context_settings=CONTEXTO, options_metavar="[OPCIONES]")
@_opcion_salida
@click.option("--puerto", type=click.IntRange(1, 65535), default=8001, show_default=True,
              metavar="N", help="Puerto de Datasette.")  # fmt: skip
@click.option("--host", default="127.0.0.1", show_default=True, metavar="DIRECCION",
              help="Dirección donde escucha (por omisión sólo esta máquina).")  # fmt: skip
def servir_cmd(salida: Path, puerto: int, host: str) -> None:
    """Abre las tablas en Datasette (informes.sqlite) para navegarlas en el navegador."""
    from flows.servir import BaseNoEncontrada, servir

    try:
        servir(salida, puerto, host)
    except BaseNoEncontrada as error:
        raise click.ClickException(str(error)) from error


def _imprimir_rastreo(datos: dict, corpus: Path) -> None:
    click.echo(
        f"Rastreo: {datos['paginas']} páginas · descargados: {len(datos['descargados'])}"
        f" · actualizados: {len(datos['actualizados'])} · sin cambios: {datos['sin_cambios']}"
        f" · errores: {len(datos['errores'])}"
    )
    for url, error in datos["errores"]:
        click.echo(f"  error: {url}: {error}")
    click.echo(f"Manifiesto en {corpus / 'manifiesto.csv'}")


def _imprimir_resumen(resumen: Resumen, salida: Path) -> None:
    click.echo(
        f"Archivos: {resumen.archivos} "
        f"({resumen.nuevos} procesados, {resumen.en_cache} sin cambios)"
        f" · informes: {resumen.informes} · páginas: {resumen.paginas}"
        f" · páginas con OCR: {resumen.paginas_ocr} · con problemas: {len(resumen.fallidos)}"
    )
    for archivo, estado, error in resumen.fallidos:
        click.echo(f"  {estado}: {archivo}: {error}")
    click.echo(f"Tablas en {salida / 'tablas'}")


if __name__ == "__main__":
    main()
