"""Consultas SQL de sólo lectura sobre `informes.duckdb`."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd


class BaseNoEncontrada(Exception):
    """Todavía no hay tablas publicadas en esa carpeta."""


class ConsultaInvalida(Exception):
    """La consulta SQL tiene un error."""


def consultar(sql: str, salida: Path) -> pd.DataFrame:
    base = salida / "informes.duckdb"
    if not base.is_file():
        raise BaseNoEncontrada(
            f"No hay base de datos en {base}: ejecute primero «informes procesar»."
        )
    conexion = duckdb.connect(str(base), read_only=True)
    try:
        return conexion.execute(sql).fetchdf()
    except duckdb.Error as error:
        raise ConsultaInvalida(f"Error en la consulta: {error}") from error
    finally:
        conexion.close()
