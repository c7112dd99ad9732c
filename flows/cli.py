"""La línea de órdenes `informes`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from flows import click_es
from flows.ejecucion import TIEMPO_LIMITE_PREDETERMINADO
from flows.procesar import CORPUS_PREDETERMINADO, SALIDA_PREDETERMINADA, Resumen, procesar
from modelos.registros import Resultado

CONTEXTO = {"help_option_names": ["-h", "--ayuda", "--help"]}
click_es.instalar()


@click.group(
    context_settings=CONTEXTO,
    options_metavar="[OPCIONES]",
    subcommand_metavar="ORDEN [ARGUMENTOS]...",
)
def main() -> None:
    """informes: convierte los informes individuales de auditoría de las ASE en datos."""


@main.command("procesar", context_settings=CONTEXTO, options_metavar="[OPCIONES]")
@click.argument("rutas", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--salida",
    type=click.Path(file_okay=False, path_type=Path),
    default=SALIDA_PREDETERMINADA,
    show_default=True,
    help="Carpeta donde se escriben las tablas, los JSON y la caché.",
)
@click.option(
    "--trabajadores",
    type=click.IntRange(1, 64),
    default=max(1, os.cpu_count() or 1),
    show_default=True,
    help="Cuántos archivos se procesan a la vez.",
)
@click.option(
    "--tiempo-limite",
    type=click.FloatRange(1, None),
    default=TIEMPO_LIMITE_PREDETERMINADO,
    show_default=True,
    help="Segundos como máximo por archivo; al vencer, el archivo queda como error.",
)
def procesar_cmd(
    rutas: tuple[Path, ...], salida: Path, trabajadores: int, tiempo_limite: float
) -> None:
    """Extrae los informes de RUTAS (archivos o carpetas; por omisión corpus/) y publica las
    tablas en --salida (por omisión salidas/)."""
    barra = None

    def al_empezar(total: int) -> None:
        nonlocal barra
        barra = click.progressbar(
            length=total, label="Procesando informes", file=sys.stderr, show_pos=True
        )
        barra.__enter__()

    def al_terminar(resultado: Resultado) -> None:
        if barra is not None:
            barra.update(1)

    try:
        resumen = procesar(
            list(rutas) or [CORPUS_PREDETERMINADO],
            salida=salida,
            trabajadores=trabajadores,
            tiempo_limite=tiempo_limite,
            al_empezar=al_empezar,
            al_terminar=al_terminar,
        )
    finally:
        if barra is not None:
            barra.__exit__(None, None, None)
    _imprimir_resumen(resumen, salida)


FORMATOS_CONSULTA = ("tabla", "csv", "json")


@main.command("consultar", context_settings=CONTEXTO, options_metavar="[OPCIONES]")
@click.argument("sql")
@click.option(
    "--salida",
    type=click.Path(file_okay=False, path_type=Path),
    default=SALIDA_PREDETERMINADA,
    show_default=True,
    help="Carpeta de salida donde está informes.duckdb.",
)
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
