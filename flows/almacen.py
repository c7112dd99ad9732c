"""El archivo publicado crece por informe, no se reescribe entero.

`informes.duckdb` guarda las tablas. Una corrida que agrega o reemplaza informes borra sus filas
por `informe_id` (y las de `documentos` por `sha256`) e inserta las nuevas, en una transacción;
`informes.sqlite` recibe exactamente los mismos cambios (su índice FTS5 se mantiene con
disparadores), y los CSV y Parquet se exportan desde DuckDB con `COPY` (en C++, sin cargar las
tablas en Python: la memoria no crece con el archivo). Así agregar diez informes a un archivo de
miles cuesta casi lo mismo que agregarlos a uno vacío.

Las dos bases llevan la tabla `_publicacion` con la huella del esquema y una generación que sube
en cada cambio. Si falta una base, si el esquema cambió (columnas nuevas, vistas nuevas) o si las
dos bases no están en la misma generación (una corrida interrumpida entre una y otra), se
reconstruye todo desde la caché: más lento, nunca incoherente.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING

from flows.archivos import ruta_temporal
from flows.formatos_salida import (
    VISTAS,
    _crear_fts_sqlite,
    _crear_tabla_sqlite,
    disparador_de_alta_sqlite,
    indexar_desde_sqlite,
    marco_de,
    nombre_disparador_de_alta,
    sentencias_de_vistas,
    tabla_arrow,
    valores_sqlite,
)
from modelos.registros import Documento
from modelos.tablas import TABLAS, Tabla

if TYPE_CHECKING:  # DuckDB y pandas se importan al usarlos: no hacen falta en una salida nueva
    import duckdb
    import pandas as pd

DUCKDB = "informes.duckdb"
SQLITE = "informes.sqlite"
CONTROL = "_publicacion"
# El mayor rowid de SQLite: a partir de ahí, una fila nueva recibe uno al azar, no el siguiente.
MAXIMO_ROWID = 2**63 - 1
TIPOS_DUCKDB = {
    "string": "VARCHAR",
    "integer": "BIGINT",
    "number": "DOUBLE",
    "boolean": "BOOLEAN",
    "date": "DATE",
}
# Las tablas sin filas por informe: `documentos` (por archivo) y `normalizacion` (por valor).
SIN_INFORME = ("documentos", "normalizacion")
# Un valor normalizado sigue publicado mientras algún informe vigente lo use (las mismas
# columnas de las que sale en `publicar._filas_normalizacion`).
BORRAR_NORMALIZACION_HUERFANA = """
DELETE FROM normalizacion WHERE NOT (
    (campo = 'ente' AND valor IN (SELECT ente_fiscalizado FROM informes))
    OR (campo = 'programa' AND valor IN (SELECT programa FROM informes))
    OR (campo = 'area' AND valor IN (SELECT area FROM procedimientos))
)
"""


def huella_del_esquema() -> str:
    """Cambia si cambia una tabla, una columna, un tipo o una vista."""
    texto = repr(TABLAS) + VISTAS.read_text(encoding="utf-8")
    return hashlib.sha256(texto.encode("utf-8")).hexdigest()[:16]


@dataclass(slots=True)
class Publicado:
    """Una fila de `documentos` del archivo publicado."""

    documento: Documento
    vigente: bool


@dataclass(slots=True)
class Cambio:
    """Lo que cambia en una corrida: se quitan las filas de los `informes` (por `informe_id`) y
    las de `documentos` (por `sha256`) y se insertan `filas`."""

    informes: set[str] = field(default_factory=set)
    documentos: set[str] = field(default_factory=set)
    filas: dict[str, pd.DataFrame] = field(default_factory=dict)


def _control(conexion: duckdb.DuckDBPyConnection | sqlite3.Connection) -> tuple[str, int] | None:
    import duckdb

    try:
        fila = conexion.execute(f'SELECT esquema, generacion FROM "{CONTROL}"').fetchone()
    except (duckdb.Error, sqlite3.Error):
        return None
    return None if fila is None else (str(fila[0]), int(fila[1]))


def leer_indice(salida: Path) -> dict[str, Publicado] | None:
    """sha256 -> lo publicado de cada documento, si el archivo publicado se puede actualizar por
    partes; None si hay que reconstruirlo (falta una base, otro esquema, generaciones distintas)."""
    base, sqlite = salida / DUCKDB, salida / SQLITE
    if not base.is_file() or not sqlite.is_file():
        return None
    import duckdb

    try:
        with duckdb.connect(str(base), read_only=True) as conexion:
            control = _control(conexion)
            columnas = [c.name for c in fields(Documento)]
            filas = conexion.execute(
                f"SELECT {', '.join(columnas)}, vigente FROM documentos"
            ).fetchall()
        conexion_sqlite = sqlite3.connect(f"file:{sqlite}?mode=ro", uri=True)
        try:
            control_sqlite = _control(conexion_sqlite)
        finally:
            conexion_sqlite.close()
    except (duckdb.Error, sqlite3.Error):
        return None
    if control is None or control != control_sqlite or control[0] != huella_del_esquema():
        return None
    indice = {}
    for fila in filas:
        valores = dict(zip(columnas, fila[:-1], strict=True))
        documento = Documento(**{k: ("" if v is None else v) for k, v in valores.items()})
        documento.paginas = int(valores["paginas"] or 0)
        documento.paginas_ocr = int(valores["paginas_ocr"] or 0)
        documento.segundos = float(valores["segundos"] or 0.0)
        documento.reintentar = bool(valores["reintentar"])
        indice[documento.sha256] = Publicado(documento, bool(fila[-1]))
    return indice


# --- las dos bases, con las mismas operaciones ---


def _crear_tabla_duckdb(tabla: Tabla) -> str:
    columnas = ", ".join(f'"{c.nombre}" {TIPOS_DUCKDB[c.tipo]}' for c in tabla.campos)
    return f'CREATE TABLE "{tabla.nombre}" ({columnas})'


class _Duckdb:
    def __init__(self, ruta: Path) -> None:
        import duckdb

        self.conexion = duckdb.connect(str(ruta))

    def crear(self) -> None:
        for tabla in TABLAS:
            self.conexion.execute(_crear_tabla_duckdb(tabla))
        self.conexion.execute(f'CREATE TABLE "{CONTROL}" (esquema VARCHAR, generacion BIGINT)')
        self.conexion.execute(f"INSERT INTO \"{CONTROL}\" VALUES ('', 0)")
        for sentencia in sentencias_de_vistas():
            self.conexion.execute(sentencia)

    def borrar(self, tabla: str, columna: str, valores: set[str]) -> None:
        if valores:
            import pandas as pd

            claves = pd.DataFrame({"clave": sorted(valores)}, dtype="string")
            self.conexion.register("claves", claves)
            self.conexion.execute(
                f'DELETE FROM "{tabla}" WHERE "{columna}" IN (SELECT clave FROM claves)'
            )
            self.conexion.unregister("claves")

    def insertar(self, tabla: Tabla, marco: pd.DataFrame) -> None:
        if marco.empty:
            return
        self.conexion.register("entrada", tabla_arrow(tabla, marco))
        if tabla.nombre == "normalizacion":
            self.conexion.execute(
                "INSERT INTO normalizacion SELECT * FROM entrada e WHERE NOT EXISTS "
                "(SELECT 1 FROM normalizacion n WHERE n.campo = e.campo AND n.valor = e.valor)"
            )
        else:
            self.conexion.execute(f'INSERT INTO "{tabla.nombre}" SELECT * FROM entrada')
        self.conexion.unregister("entrada")

    def ejecutar(self, sentencia: str, parametros: Iterable = ()) -> None:
        self.conexion.execute(sentencia, list(parametros))

    def empezar(self) -> None:
        self.conexion.execute("BEGIN TRANSACTION")

    def confirmar(self) -> None:
        self.conexion.execute("COMMIT")

    def cerrar(self) -> None:
        self.conexion.close()


class _Sqlite:
    def __init__(self, ruta: Path) -> None:
        self.conexion = sqlite3.connect(ruta, isolation_level=None)

    def crear(self) -> None:
        for tabla in TABLAS:
            self.conexion.execute(_crear_tabla_sqlite(tabla))
        for tabla in TABLAS:
            for sentencia in _crear_fts_sqlite(tabla):
                self.conexion.execute(sentencia)
        self.conexion.execute(f'CREATE TABLE "{CONTROL}" (esquema TEXT, generacion INTEGER)')
        self.conexion.execute(f"INSERT INTO \"{CONTROL}\" VALUES ('', 0)")
        for sentencia in sentencias_de_vistas():
            self.conexion.execute(sentencia)

    def borrar(self, tabla: str, columna: str, valores: set[str]) -> None:
        if valores:
            self.conexion.execute("CREATE TEMP TABLE IF NOT EXISTS claves (clave TEXT)")
            self.conexion.execute("DELETE FROM claves")
            self.conexion.executemany("INSERT INTO claves VALUES (?)", [(v,) for v in valores])
            self.conexion.execute(
                f'DELETE FROM "{tabla}" WHERE "{columna}" IN (SELECT clave FROM claves)'
            )

    def insertar(self, tabla: Tabla, marco: pd.DataFrame) -> None:
        if marco.empty:
            return
        marcadores = ", ".join("?" for _ in tabla.campos)
        columnas = [valores_sqlite(marco[columna]) for columna in marco.columns]
        filas = list(zip(*columnas, strict=True))
        verbo = "INSERT OR IGNORE" if tabla.nombre == "normalizacion" else "INSERT"
        sentencia = f'{verbo} INTO "{tabla.nombre}" VALUES ({marcadores})'
        ultimo = self._ultimo_rowid(tabla) if _indexable_en_bloque(tabla) else None
        if ultimo is None or ultimo >= MAXIMO_ROWID - len(filas):
            self.conexion.executemany(sentencia, filas)
        else:
            self._insertar_e_indexar(tabla, sentencia, filas, ultimo)

    def _insertar_e_indexar(self, tabla: Tabla, sentencia: str, filas: list, ultimo: int) -> None:
        """Indexar en FTS5 fila por fila con el disparador de alta cuesta unas seis veces más que
        indexar de una vez las filas nuevas (medido: 0.16 s contra 0.02 s con ~7,000 filas): se
        quita el disparador mientras se insertan, dentro de la misma transacción. Cada fila nueva
        recibe el mayor rowid más uno: las nuevas son las de rowid mayor que `ultimo`."""
        self.conexion.execute(f'DROP TRIGGER "{nombre_disparador_de_alta(tabla)}"')
        self.conexion.executemany(sentencia, filas)
        self.conexion.execute(indexar_desde_sqlite(tabla), (ultimo,))
        self.conexion.execute(disparador_de_alta_sqlite(tabla))

    def _ultimo_rowid(self, tabla: Tabla) -> int:
        fila = self.conexion.execute(f'SELECT max(rowid) FROM "{tabla.nombre}"').fetchone()
        return fila[0] or 0

    def ejecutar(self, sentencia: str, parametros: Iterable = ()) -> None:
        self.conexion.execute(sentencia, tuple(parametros))

    def empezar(self) -> None:
        self.conexion.execute("BEGIN")

    def confirmar(self) -> None:
        self.conexion.execute("COMMIT")

    def cerrar(self) -> None:
        self.conexion.close()


def _indexable_en_bloque(tabla: Tabla) -> bool:
    """¿Tiene índice FTS5 y SQLite elige el rowid de cada fila nueva? (Con una llave de una sola
    columna entera, esa columna es el rowid.)"""
    if not tabla.buscables:
        return False
    llave = [c for c in tabla.campos if c.nombre in tabla.llave]
    return not (tabla.unica and len(llave) == 1 and llave[0].tipo == "integer")


def _aplicar(base: _Duckdb | _Sqlite, cambio: Cambio, generacion: int) -> None:
    """Los cambios en una transacción: o entran todos o ninguno."""
    base.empezar()
    for tabla in (t for t in TABLAS if t.nombre not in SIN_INFORME):
        base.borrar(tabla.nombre, "informe_id", cambio.informes)
    base.borrar("documentos", "sha256", cambio.documentos)
    for tabla in TABLAS:
        base.insertar(tabla, marco_de(cambio.filas, tabla))
    base.ejecutar(BORRAR_NORMALIZACION_HUERFANA)
    base.ejecutar(f'UPDATE "{CONTROL}" SET generacion = ?', (generacion,))
    base.confirmar()


def _sellar(base: _Duckdb | _Sqlite) -> None:
    base.ejecutar(f'UPDATE "{CONTROL}" SET esquema = ?', (huella_del_esquema(),))


class Bases:
    """Las dos bases, abiertas mientras dura una publicación: cada una se abre una vez (abrir
    DuckDB y cerrarlo, que vuelca su diario al archivo, cuesta ~0.03 s cada vez). Se abren con
    el primer cambio: una corrida sin cambios sólo exporta, con DuckDB en modo de lectura."""

    def __init__(self, salida: Path) -> None:
        self.salida = salida
        self._duckdb: _Duckdb | None = None
        self._sqlite: _Sqlite | None = None

    def __enter__(self) -> Bases:
        return self

    def __exit__(self, *_error: object) -> None:
        self.cerrar()

    def _abiertas(self) -> tuple[_Duckdb, _Sqlite]:
        if self._duckdb is None:
            self._duckdb = _Duckdb(self.salida / DUCKDB)
        if self._sqlite is None:
            self._sqlite = _Sqlite(self.salida / SQLITE)
        return self._duckdb, self._sqlite

    def actualizar(self, cambio: Cambio) -> None:
        """Aplica el cambio en las dos bases, en su lugar (cada una en una transacción)."""
        en_duckdb, en_sqlite = self._abiertas()
        control = _control(en_duckdb.conexion)
        generacion = (control[1] if control else 0) + 1
        # DuckDB en otro hilo, a la vez que SQLite: casi todo su trabajo es en C++ (sin el GIL).
        with ThreadPoolExecutor(max_workers=1) as hilo:
            futuro = hilo.submit(_aplicar, en_duckdb, cambio, generacion)
            _aplicar(en_sqlite, cambio, generacion)
            futuro.result()

    def exportar(self) -> None:
        if self._duckdb is None:
            exportar(self.salida)
        else:
            _exportar(self._duckdb.conexion, self.salida)

    def sellar(self) -> None:
        """Marca las bases como completas, con la huella del esquema con que se escribieron."""
        for base in self._abiertas():
            _sellar(base)

    def cerrar(self) -> None:
        """Cierra las que estén abiertas (una transacción sin confirmar se descarta)."""
        abiertas = [b for b in (self._sqlite, self._duckdb) if b is not None]
        self._duckdb = self._sqlite = None
        for base in abiertas:
            base.cerrar()


def actualizar(salida: Path, cambio: Cambio) -> None:
    """Aplica el cambio en las dos bases, en su lugar (cada una en una transacción)."""
    with Bases(salida) as bases:
        bases.actualizar(cambio)


def _crear(base: _Duckdb | _Sqlite) -> None:
    """Las tablas, los índices y las vistas en una sola transacción: una sentencia por
    transacción esperaría a que el disco confirme cada una (un `fsync`), casi un segundo en
    total en SQLite."""
    base.empezar()
    base.crear()
    base.confirmar()


def _nueva(clase: type[_Duckdb | _Sqlite], destino: Path) -> None:
    with ruta_temporal(destino) as temporal:
        base = clase(temporal)
        try:
            _crear(base)
        finally:
            base.cerrar()


def crear(salida: Path) -> None:
    """Las dos bases vacías y sin sellar (cada una en un temporal que reemplaza a la anterior):
    se llenan por partes y se sellan al final (`sellar`). Si la corrida se interrumpe antes, la
    siguiente ve una base sin sellar y vuelve a reconstruir."""
    _nueva(_Duckdb, salida / DUCKDB)
    _nueva(_Sqlite, salida / SQLITE)


def sellar(salida: Path) -> None:
    """Marca las bases como completas, con la huella del esquema con que se escribieron."""
    with Bases(salida) as bases:
        bases.sellar()


def escribir_sqlite(tablas: dict[str, pd.DataFrame], destino: Path) -> None:
    """Una base SQLite nueva con todas las filas (una tabla que no llegó se crea vacía)."""
    with ruta_temporal(destino) as temporal:
        base = _Sqlite(temporal)
        try:
            _crear(base)
            _aplicar(base, Cambio(filas=tablas), generacion=1)
            _sellar(base)
        finally:
            base.cerrar()


def _orden(tabla: Tabla) -> str:
    """Por la llave y luego por las demás columnas, nulos primero: un orden total y estable."""
    columnas = list(tabla.llave) + [c for c in tabla.columnas if c not in tabla.llave]
    return ", ".join(f'"{c}" NULLS FIRST' for c in columnas)


def _columnas_csv(tabla: Tabla) -> str:
    """En el CSV, un texto vacío se escribe vacío, como un nulo (`missingValues` del paquete);
    DuckDB escribiría `""` para distinguirlos."""
    return ", ".join(
        f'NULLIF("{c.nombre}", \'\') AS "{c.nombre}"' if c.tipo == "string" else f'"{c.nombre}"'
        for c in tabla.campos
    )


def _copiar(
    conexion: duckdb.DuckDBPyConnection, consulta: str, destino: Path, opciones: str
) -> None:
    with ruta_temporal(destino) as temporal:
        ruta = str(temporal).replace("'", "''")
        conexion.execute(f"COPY ({consulta}) TO '{ruta}' ({opciones})")


def exportar(salida: Path) -> None:
    """CSV y Parquet de cada tabla desde DuckDB, cada archivo en un temporal que se renombra."""
    import duckdb

    with duckdb.connect(str(salida / DUCKDB), read_only=True) as conexion:
        _exportar(conexion, salida)


# Cuántas tablas se exportan a la vez: cada `COPY` espera sobre todo a crear y escribir su
# archivo (~5 ms), sin el GIL; a la vez tardan la mitad.
HILOS_EXPORTAR = 3


def _exportar(conexion: duckdb.DuckDBPyConnection, salida: Path) -> None:
    carpeta = salida / "tablas"
    carpeta.mkdir(parents=True, exist_ok=True)
    copias = []
    for tabla in TABLAS:
        desde = f'FROM "{tabla.nombre}" ORDER BY {_orden(tabla)}'
        csv = f"SELECT {_columnas_csv(tabla)} {desde}"
        copias.append((csv, carpeta / f"{tabla.nombre}.csv", "FORMAT csv, HEADER"))
        parquet = f"SELECT * {desde}"
        copias.append((parquet, carpeta / f"{tabla.nombre}.parquet", "FORMAT parquet"))
    with ThreadPoolExecutor(max_workers=HILOS_EXPORTAR) as hilos:
        list(hilos.map(lambda copia: _copiar_aparte(conexion, *copia), copias))


def _copiar_aparte(
    conexion: duckdb.DuckDBPyConnection, consulta: str, destino: Path, opciones: str
) -> None:
    """`_copiar` con un cursor propio (otra conexión a la misma base): uno por hilo."""
    cursor = conexion.cursor()
    try:
        _copiar(cursor, consulta, destino, opciones)
    finally:
        cursor.close()
