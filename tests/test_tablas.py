"""Las tablas publicadas: filas esperadas, mismos conteos en CSV, Parquet, DuckDB y SQLite,
datapackage.json válido, salida determinista e idempotente, reemplazo de versiones."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from pathlib import Path

import duckdb
import frictionless
import pyarrow.parquet as pq
import pytest

from extractores.documento import sha256_de
from flows.procesar import procesar
from modelos.tablas import TABLAS
from tests.conftest import EJEMPLOS, filas

ESPERADO = json.loads((EJEMPLOS / "ase-tamaulipas-AED-017-2021.esperado.json").read_text("utf-8"))
INFORME_ID = "ase-tamaulipas:AED/017/2021"


@pytest.fixture(scope="module")
def salida(tmp_path_factory, pdf_texto) -> Path:
    carpeta = tmp_path_factory.mktemp("salidas")
    procesar([pdf_texto], salida=carpeta)
    return carpeta


def test_recomendaciones_son_las_esperadas(salida: Path) -> None:
    obtenidas = [
        (int(f["procedimiento"]), int(f["numero"]), f["texto"], f["estatus"], f["motivo"])
        for f in filas(salida, "recomendaciones")
    ]
    esperadas = [
        (p["numero"], r["numero"], r["texto"], r["estatus"], r["motivo"])
        for p in ESPERADO["procedimientos"]
        for r in p["recomendaciones"]
    ]
    assert obtenidas == esperadas


def test_justificaciones_y_sus_referencias(salida: Path) -> None:
    obtenidas = [
        (int(f["procedimiento"]), int(f["numero"]), f["texto"], f["recomendaciones"])
        for f in filas(salida, "justificaciones")
    ]
    esperadas = [
        (p["numero"], j["numero"], j["texto"], ";".join(map(str, j["recomendaciones"])))
        for p in ESPERADO["procedimientos"]
        for j in p["justificaciones"]
    ]
    assert obtenidas == esperadas


def test_resultados_procedimientos_y_alertas(salida: Path) -> None:
    resultados = [
        (int(f["procedimiento"]), int(f["numero"]), f["texto"]) for f in filas(salida, "resultados")
    ]
    assert resultados == [
        (p["numero"], r["numero"], r["texto"])
        for p in ESPERADO["procedimientos"]
        for r in p["resultados"]
    ]
    areas = [f["area_normalizada"] for f in filas(salida, "procedimientos")]
    assert areas == [p["area_normalizada"] for p in ESPERADO["procedimientos"]]
    alertas = [
        (int(f["procedimiento"]) if f["procedimiento"] else None, f["tipo"], f["detalle"])
        for f in filas(salida, "alertas")
    ]
    # Ordenadas por su llave: la del informe entero (sin procedimiento) va primero.
    esperadas = [(a["procedimiento"], a["tipo"], a["detalle"]) for a in ESPERADO["alertas"]]
    assert alertas == sorted(esperadas, key=lambda a: (a[0] is not None, a[0] or 0, a[1], a[2]))
    tipos = [a[1] for a in alertas]
    assert tipos == ["respuesta fuera de plazo", "cierre contradice justificación"]


def test_informe_personas_y_oficios(salida: Path) -> None:
    [informe] = filas(salida, "informes")
    esperado = ESPERADO["informe"]
    assert informe["informe_id"] == INFORME_ID
    campos = ("numero_auditoria", "tipo_auditoria", "ente_fiscalizado", "programa",
              "fecha_informe", "lugar", "dictamen", "auditor_superior", "destinatario")  # fmt: skip
    for campo in campos:
        assert informe[campo] == esperado[campo], campo
    assert int(informe["ejercicio"]) == esperado["ejercicio"]
    assert informe["ente_id"] == "dif-reynosa"
    assert informe["programa_id"] == "caic"
    assert informe["sha256"] == sha256_de(EJEMPLOS / "ase-tamaulipas-AED-017-2021.informe.pdf")
    auditores = [f["nombre"] for f in filas(salida, "personas") if f["rol"] == "auditor"]
    assert sorted(auditores) == sorted(esperado["auditores"])
    oficios = sorted((f["numero_oficio"], f["fecha"]) for f in filas(salida, "oficios"))
    assert oficios == sorted((o["numero_oficio"], o["fecha"] or "") for o in esperado["oficios"])


def test_conteos_iguales_en_todos_los_formatos(salida: Path) -> None:
    duck = duckdb.connect(str(salida / "informes.duckdb"), read_only=True)
    lite = sqlite3.connect(salida / "informes.sqlite")
    for tabla in TABLAS:
        en_csv = len(filas(salida, tabla.nombre))
        assert duck.execute(f'SELECT count(*) FROM "{tabla.nombre}"').fetchone()[0] == en_csv
        assert lite.execute(f'SELECT count(*) FROM "{tabla.nombre}"').fetchone()[0] == en_csv
        assert pq.read_table(salida / "tablas" / f"{tabla.nombre}.parquet").num_rows == en_csv
    assert duck.execute("SELECT recomendaciones, atendidas FROM atencion_por_ente").fetchall() == [
        (16, 5)
    ]
    assert lite.execute("SELECT recomendaciones, atendidas FROM atencion_por_ente").fetchall() == [
        (16, 5)
    ]


def test_parquet_tiene_tipos(salida: Path) -> None:
    esquema = pq.read_table(salida / "tablas" / "informes.parquet").schema
    assert str(esquema.field("ejercicio").type) == "int64"
    assert str(esquema.field("fecha_informe").type) == "date32[day]"


def test_datapackage_valido_y_campos_iguales_a_los_csv(salida: Path) -> None:
    reporte = frictionless.validate(salida / "datapackage.json")
    assert reporte.valid, reporte.flatten(["resourceName", "type", "note"])
    descriptor = json.loads((salida / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["$schema"].endswith("/2.0/datapackage.json")
    for recurso in descriptor["resources"]:
        with (salida / recurso["path"]).open(encoding="utf-8") as archivo:
            encabezado = next(csv.reader(archivo))
        assert [c["name"] for c in recurso["schema"]["fields"]] == encabezado
        assert all(c.get("description") for c in recurso["schema"]["fields"])
    estatus = next(
        c for r in descriptor["resources"] if r["name"] == "recomendaciones"
        for c in r["schema"]["fields"] if c["name"] == "estatus"
    )  # fmt: skip
    assert estatus["categories"] == ["atendida", "no atendida", "sin determinar"]


def test_datapackage_detecta_un_valor_fuera_de_catalogo(salida: Path, tmp_path: Path) -> None:
    """La validación no es de adorno: un estatus inventado la hace fallar."""
    copia = tmp_path / "copia"
    shutil.copytree(salida, copia, ignore=shutil.ignore_patterns("cache", "*.duckdb", "*.sqlite"))
    ruta = copia / "tablas" / "recomendaciones.csv"
    ruta.write_text(ruta.read_text("utf-8").replace(",atendida,", ",casi atendida,", 1), "utf-8")
    assert not frictionless.validate(copia / "datapackage.json").valid


def test_diccionario_describe_cada_columna(salida: Path) -> None:
    diccionario = (salida / "diccionario.md").read_text(encoding="utf-8")
    for tabla in TABLAS:
        for campo in tabla.campos:
            assert f"`{campo.nombre}`" in diccionario


def _manifiesto(carpeta: Path, fechas: dict[str, str]) -> None:
    with (carpeta / "manifiesto.csv").open("w", encoding="utf-8", newline="") as archivo:
        escritor = csv.writer(archivo)
        escritor.writerow(["url", "archivo", "sha256", "bytes", "fecha_descarga", "last_modified",
                           "etag", "estado", "error"])  # fmt: skip
        for nombre, fecha in fechas.items():
            ruta = carpeta / nombre
            escritor.writerow([f"http://127.0.0.1/{nombre}", nombre, sha256_de(ruta),
                               ruta.stat().st_size, fecha, "", "", "descargado", ""])  # fmt: skip


def test_version_republicada_reemplaza_a_la_anterior(tmp_path: Path) -> None:
    corpus, salida = tmp_path / "corpus", tmp_path / "salidas"
    corpus.mkdir()
    original = corpus / "AED-017-2021.pdf"
    shutil.copy(EJEMPLOS / "ase-tamaulipas-AED-017-2021.informe.pdf", original)
    _manifiesto(corpus, {"AED-017-2021.pdf": "2022-03-01T10:00:00Z"})
    primera = procesar([corpus], salida=salida)
    assert primera.nuevos == 1
    corregido = corpus / "AED-017-2021-corregido.pdf"
    shutil.copy(EJEMPLOS / "ase-tamaulipas-AED-017-2021.maqueta-b.pdf", corregido)
    _manifiesto(corpus, {"AED-017-2021.pdf": "2022-03-01T10:00:00Z",
                         "AED-017-2021-corregido.pdf": "2023-01-10T10:00:00Z"})  # fmt: skip
    segunda = procesar([corpus], salida=salida)
    assert (segunda.nuevos, segunda.en_cache) == (1, 1)  # sólo el nuevo se lee
    [informe] = filas(salida, "informes")
    assert informe["sha256"] == sha256_de(corregido)
    assert informe["url_fuente"] == "http://127.0.0.1/AED-017-2021-corregido.pdf"
    assert {f["sha256"] for f in filas(salida, "recomendaciones")} == {sha256_de(corregido)}
    assert len(filas(salida, "recomendaciones")) == 16
    documentos = {f["archivo"]: f["vigente"] for f in filas(salida, "documentos")}
    assert documentos == {"AED-017-2021.pdf": "false", "AED-017-2021-corregido.pdf": "true"}


def test_orden_y_trabajadores_no_cambian_los_csv(tmp_path: Path) -> None:
    entradas = sorted(EJEMPLOS.glob("*.pdf"))[:2]
    a, b = tmp_path / "a", tmp_path / "b"
    procesar(entradas, salida=a, trabajadores=1)
    procesar(list(reversed(entradas)), salida=b, trabajadores=2)
    for tabla in TABLAS:
        if tabla.nombre != "documentos":
            nombre = f"{tabla.nombre}.csv"
            assert (a / "tablas" / nombre).read_bytes() == (b / "tablas" / nombre).read_bytes(), (
                nombre
            )


def test_sqlite_guarda_numeros_como_numeros(salida: Path) -> None:
    lite = sqlite3.connect(salida / "informes.sqlite")
    tipos = lite.execute(
        "SELECT typeof(ejercicio), typeof(paginas), typeof(dias_habiles_respuesta) FROM informes"
    ).fetchone()
    assert tipos == ("integer", "integer", "integer")
    assert lite.execute("SELECT ejercicio, dias_habiles_respuesta FROM informes").fetchone() == (
        2020,
        14,  # 19/01 a 08/02/2022 sin el 7 de febrero (Día de la Constitución): tests/test_plazos.py
    )


def test_sin_copia_del_pdf_las_paginas_enlazan_a_la_url_de_origen(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from flows.cli import main
    from flows.reporte import generar

    corpus, salida = tmp_path / "corpus", tmp_path / "salidas"
    corpus.mkdir()
    shutil.copy(EJEMPLOS / "ase-tamaulipas-AED-017-2021.informe.pdf", corpus / "AED-017-2021.pdf")
    _manifiesto(corpus, {"AED-017-2021.pdf": "2022-03-01T10:00:00Z"})
    resultado = CliRunner().invoke(
        main, ["procesar", str(corpus), "--salida", str(salida), "--sin-copia-pdf",
               "--trabajadores", "1"],
    )  # fmt: skip
    assert resultado.exit_code == 0, resultado.output
    assert not (salida / "pdf").exists()
    assert [f["pdf"] for f in filas(salida, "documentos")] == [""]
    contenido = generar(salida).read_text(encoding="utf-8")
    primera = filas(salida, "recomendaciones")[0]
    enlace = f'<a href="http://127.0.0.1/AED-017-2021.pdf#page={primera["pagina"]}">'
    assert enlace in contenido
    assert "../pdf/" not in contenido
