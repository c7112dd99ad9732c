"""Lo común a las salidas: tipos de Arrow y SQLite, el esquema de SQLite (llaves, FTS5), las
vistas, el datapackage.json y el diccionario de datos. Las bases y los CSV/Parquet los escribe
`flows/almacen.py`.

Cada archivo se escribe en un temporal y se renombra al final: nunca queda uno a medias.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from flows.archivos import ruta_temporal
from modelos import datos
from modelos.tablas import TABLAS, Campo, Tabla, referencias, referencias_datapackage

if TYPE_CHECKING:  # pandas y pyarrow se importan al publicar, no al leer el índice (~0.4 s)
    import pandas as pd
    import pyarrow as pa

VISTAS = datos.ruta("vistas.sql")
# El tipo de Arrow de cada tipo del contrato: el nombre de su función en `pyarrow`.
TIPOS_ARROW = {
    "string": "string",
    "integer": "int64",
    "number": "float64",
    "boolean": "bool_",
    "date": "date32",
}
TIPOS_SQLITE = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",
    "date": "TEXT",
}
PERFIL_PAQUETE = "https://datapackage.org/profiles/2.0/datapackage.json"
PERFIL_RECURSO = "https://datapackage.org/profiles/2.0/dataresource.json"
PERFIL_ESQUEMA = "https://datapackage.org/profiles/2.0/tableschema.json"


def marco_de(tablas: dict[str, pd.DataFrame], tabla: Tabla) -> pd.DataFrame:
    """Las filas de una tabla; una tabla que no llegó (vacía o de un formato que aún no hay) se
    escribe igual, sin filas."""
    import pandas as pd

    marco = tablas.get(tabla.nombre)
    return pd.DataFrame(columns=tabla.columnas) if marco is None else marco


def esquema_arrow(tabla: Tabla) -> pa.Schema:
    import pyarrow as pa

    return pa.schema([pa.field(c.nombre, getattr(pa, TIPOS_ARROW[c.tipo])()) for c in tabla.campos])


def tabla_arrow(tabla: Tabla, marco: pd.DataFrame) -> pa.Table:
    import pandas as pd
    import pyarrow as pa

    datos = marco.copy()
    for campo in tabla.campos:
        if campo.tipo == "date":
            datos[campo.nombre] = pd.to_datetime(datos[campo.nombre], errors="coerce").dt.date
    return pa.Table.from_pandas(datos, schema=esquema_arrow(tabla), preserve_index=False)


def sentencias_de_vistas() -> list[str]:
    texto = VISTAS.read_text(encoding="utf-8")
    lineas = [linea for linea in texto.splitlines() if not linea.strip().startswith("--")]
    sin_comentarios = "\n".join(lineas)
    return [s.strip() for s in sin_comentarios.split(";") if s.strip()]


def _valor_sqlite(valor: object) -> object:
    """Un valor de pandas como lo guarda SQLite (los escalares de numpy, como int de Python)."""
    import pandas as pd

    if valor is None or valor is pd.NA or (isinstance(valor, float) and pd.isna(valor)):
        return None
    if hasattr(valor, "item"):  # numpy.int64, numpy.bool_, numpy.float64
        valor = valor.item()
    if isinstance(valor, bool):
        return int(valor)
    return valor


def valores_sqlite(serie: pd.Series) -> list:
    """Los valores de una columna como los guarda SQLite (`_valor_sqlite` de cada uno). En las
    columnas con tipo de pandas (Int64, Float64, boolean, string), `tolist` ya da escalares de
    Python: sólo quedan los nulos y los booleanos, en una pasada sin llamar a una función por
    valor (la mitad de lo que cuesta escribir la base)."""
    import pandas as pd

    if serie.dtype == object:
        return [_valor_sqlite(v) for v in serie]
    nulo = pd.NA
    return [
        None
        if v is None or v is nulo or (isinstance(v, float) and v != v)
        else int(v)
        if v.__class__ is bool
        else v
        for v in serie.tolist()
    ]


def _lista_sql(columnas: list[str] | tuple[str, ...]) -> str:
    return ", ".join(f'"{c}"' for c in columnas)


def _crear_tabla_sqlite(tabla: Tabla) -> str:
    """CREATE TABLE con su llave primaria y sus llaves foráneas (las de `referencias`)."""
    columnas = [f'"{c.nombre}" {TIPOS_SQLITE[c.tipo]}' for c in tabla.campos]
    if tabla.unica:
        columnas.append(f"PRIMARY KEY ({_lista_sql(tabla.llave)})")
    for ref in referencias(tabla):
        destino = ref["reference"]
        columnas.append(
            f"FOREIGN KEY ({_lista_sql(ref['fields'])}) "
            f'REFERENCES "{destino["resource"]}" ({_lista_sql(destino["fields"])})'
        )
    return f'CREATE TABLE "{tabla.nombre}" ({", ".join(columnas)})'


def tabla_fts(tabla: Tabla) -> str:
    return f"{tabla.nombre}_fts"


def _crear_fts_sqlite(tabla: Tabla) -> list[str]:
    """Índice de búsqueda FTS5 sobre los textos de la tabla (contenido externo: la tabla misma,
    sin duplicar el texto), sin distinguir acentos ni mayúsculas. Disparadores lo mantienen al
    día cuando se insertan o borran filas (la publicación es incremental)."""
    if not tabla.buscables:
        return []
    fts, columnas = tabla_fts(tabla), _lista_sql(tabla.buscables)
    viejas = ", ".join(f'old."{c}"' for c in tabla.buscables)
    return [
        f'CREATE VIRTUAL TABLE "{fts}" USING fts5({columnas}, '
        f"content=\"{tabla.nombre}\", tokenize='unicode61 remove_diacritics 2')",
        disparador_de_alta_sqlite(tabla),
        f'CREATE TRIGGER "{fts}_ad" AFTER DELETE ON "{tabla.nombre}" BEGIN '
        f'INSERT INTO "{fts}"("{fts}", rowid, {columnas}) '
        f"VALUES ('delete', old.rowid, {viejas}); END",
    ]


def nombre_disparador_de_alta(tabla: Tabla) -> str:
    return f"{tabla_fts(tabla)}_ai"


def disparador_de_alta_sqlite(tabla: Tabla) -> str:
    """El disparador que indexa en FTS5 cada fila que se inserta en la tabla."""
    columnas = _lista_sql(tabla.buscables)
    nuevas = ", ".join(f'new."{c}"' for c in tabla.buscables)
    return (
        f'CREATE TRIGGER "{nombre_disparador_de_alta(tabla)}" AFTER INSERT ON "{tabla.nombre}" '
        f'BEGIN INSERT INTO "{tabla_fts(tabla)}"(rowid, {columnas}) VALUES (new.rowid, {nuevas}); '
        "END"
    )


def indexar_desde_sqlite(tabla: Tabla) -> str:
    """Indexa en FTS5, de una vez, las filas de la tabla con rowid mayor que el parámetro."""
    columnas = _lista_sql(tabla.buscables)
    return (
        f'INSERT INTO "{tabla_fts(tabla)}"(rowid, {columnas}) '
        f'SELECT rowid, {columnas} FROM "{tabla.nombre}" WHERE rowid > ?'
    )


def _campo_frictionless(campo: Campo) -> dict:
    descriptor: dict = {"name": campo.nombre, "type": campo.tipo, "description": campo.descripcion}
    if campo.categorias:
        descriptor["categories"] = list(campo.categorias)
        descriptor["constraints"] = {"enum": list(campo.categorias)}
    return descriptor


def descriptor_paquete() -> dict:
    recursos = []
    for tabla in TABLAS:
        esquema: dict = {
            "$schema": PERFIL_ESQUEMA,
            "fields": [_campo_frictionless(c) for c in tabla.campos],
            "missingValues": [""],
        }
        if tabla.unica:
            esquema["primaryKey"] = list(tabla.llave)
        if referencias_datapackage(tabla):
            esquema["foreignKeys"] = referencias_datapackage(tabla)
        recursos.append(
            {
                "$schema": PERFIL_RECURSO,
                "name": tabla.nombre,
                "description": tabla.descripcion,
                "path": f"tablas/{tabla.nombre}.csv",
                "type": "table",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": esquema,
            }
        )
    return {
        "$schema": PERFIL_PAQUETE,
        "name": "informes-auditoria",
        "title": "Informes individuales de auditoría de las ASE, como datos",
        "description": (
            "Resultados, recomendaciones, justificaciones y dictámenes de los informes "
            "individuales de auditoría, extraídos de los PDF publicados por las ASE."
        ),
        "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}],
        "resources": recursos,
    }


def escribir_datapackage(destino: Path) -> None:
    with ruta_temporal(destino) as temporal:
        temporal.write_text(
            json.dumps(descriptor_paquete(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )


def diccionario_markdown() -> str:
    """El diccionario de datos para una persona, generado del mismo esquema que el paquete."""
    partes = ["# Diccionario de datos\n", "Generado a partir de `datapackage.json`.\n"]
    for tabla in TABLAS:
        partes.append(f"\n## `{tabla.nombre}`\n\n{tabla.descripcion}\n")
        if tabla.unica:
            partes.append(f"\nLlave: `{', '.join(tabla.llave)}`.\n")
        foraneas = [
            f"`{r['reference']['resource']}` ({', '.join(r['fields'])})" for r in referencias(tabla)
        ]
        if foraneas:
            partes.append(f"\nApunta a: {'; '.join(foraneas)}.\n")
        if tabla.buscables:
            columnas = ", ".join(f"`{c}`" for c in tabla.buscables)
            partes.append(f"\nBúsqueda de texto (FTS5, `{tabla_fts(tabla)}`): {columnas}.\n")
        partes.append("\n| columna | tipo | descripción | valores |\n|---|---|---|---|\n")
        for campo in tabla.campos:
            valores = ", ".join(f"`{c}`" for c in campo.categorias)
            partes.append(
                f"| `{campo.nombre}` | {campo.tipo} | {campo.descripcion} | {valores} |\n"
            )
    return "".join(partes)


def escribir_diccionario(destino: Path) -> None:
    with ruta_temporal(destino) as temporal:
        temporal.write_text(diccionario_markdown(), encoding="utf-8")
