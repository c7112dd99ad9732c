"""Las tablas de un informe de la ASF junto a uno de la ASE: acciones, columnas nuevas, vistas
para investigadores y la base SQLite con sus llaves, sobre los ejemplos reales."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import duckdb
import frictionless
import pytest

from flows.procesar import procesar
from tests.conftest import EJEMPLOS, filas

NUEVO_LEON = "asf:2024-G-19000-23-1402-2025"
ESPERADO = json.loads((EJEMPLOS / "asf-2024-1402.esperado.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def salida(tmp_path_factory, pdf_texto) -> Path:
    carpeta = tmp_path_factory.mktemp("salidas-asf")
    procesar(
        [pdf_texto, EJEMPLOS / "asf-2024-1402.texto.pdf", EJEMPLOS / "asf-2024-0031.texto.pdf"],
        salida=carpeta,
    )
    return carpeta


def test_acciones_son_las_esperadas(salida: Path) -> None:
    obtenidas = [
        (int(f["resultado"]), f["clave"], f["tipo"], float(f["monto"]) if f["monto"] else None)
        for f in filas(salida, "acciones")
        if f["informe_id"] == NUEVO_LEON
    ]
    esperadas = [(a["resultado"], a["clave"], a["tipo"], a["monto"]) for a in ESPERADO["acciones"]]
    assert sorted(obtenidas, key=lambda a: a[1]) == sorted(esperadas, key=lambda a: a[1])


def test_resultados_de_la_asf_sin_procedimiento(salida: Path) -> None:
    propios = [f for f in filas(salida, "resultados") if f["informe_id"] == NUEVO_LEON]
    assert [int(f["numero"]) for f in propios] == list(range(1, 24))
    assert all(f["procedimiento"] == "" for f in propios)
    assert [f["estado"] for f in propios] == [r["estado"] for r in ESPERADO["resultados"]]
    justificaciones = [f for f in filas(salida, "justificaciones") if f["informe_id"] == NUEVO_LEON]
    assert [int(f["numero"]) for f in justificaciones] == [7, 15, 16, 17, 18, 20, 21, 22]


def test_columnas_nuevas_de_informes(salida: Path) -> None:
    informe = next(f for f in filas(salida, "informes") if f["informe_id"] == NUEVO_LEON)
    assert informe["dictamen"] == "cumplió con salvedades"
    assert float(informe["monto_por_aclarar"]) == 4507703.95
    assert informe["grupo_funcional"] == "Gasto Federalizado"
    assert informe["numero_corto"] == "1402"
    assert informe["ejercicio"] == "2024"
    camara = next(f for f in filas(salida, "informes") if f["informe_id"].startswith("asf:2024-0"))
    assert camara["fecha_dictamen"] == "2025-10-10"


def test_vistas_para_investigadores(salida: Path) -> None:
    con = duckdb.connect(str(salida / "informes.duckdb"), read_only=True)
    por_tipo = dict(
        con.execute(
            "SELECT tipo, acciones FROM acciones_por_tipo_y_ente WHERE ente LIKE '%Nuevo León%'"
        ).fetchall()
    )
    assert por_tipo == {
        "Recomendación": 4,
        "Promoción de Responsabilidad Administrativa Sancionatoria": 1,
        "Pliego de Observaciones": 5,
    }
    montos = con.execute(
        "SELECT monto_por_aclarar, monto_en_acciones FROM montos_por_ente_y_ejercicio"
    ).fetchall()
    assert [tuple(round(m, 2) for m in fila) for fila in montos] == [(4507703.95, 4507703.95)]
    estados = con.execute(
        "SELECT informe_id, sin_observaciones, solventados, con_acciones, resultados_segun_resumen"
        " FROM resultados_por_estado ORDER BY informe_id"
    ).fetchall()
    assert estados == [
        ("asf:2024-0-01100-19-0031-2025", 25, 1, 0, 26),
        (NUEVO_LEON, 11, 2, 10, 23),
    ]


def test_sqlite_acciones_con_llaves_y_busqueda(salida: Path) -> None:
    con = sqlite3.connect(salida / "informes.sqlite")
    con.execute("PRAGMA foreign_keys = ON")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    referidas = {fila[2] for fila in con.execute("PRAGMA foreign_key_list(acciones)")}
    assert "informes" in referidas
    with pytest.raises(sqlite3.IntegrityError):
        con.execute(
            "INSERT INTO acciones (informe_id, resultado, clave, tipo, texto, pagina, sha256) "
            "VALUES ('asf:no-existe', 1, 'x', 'Recomendación', 't', 1, 's')"
        )


def test_datapackage_valido_con_acciones(salida: Path) -> None:
    reporte = frictionless.validate(salida / "datapackage.json")
    assert reporte.valid, reporte.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    nombres = {
        r["name"] for r in json.loads((salida / "datapackage.json").read_text())["resources"]
    }
    assert "acciones" in nombres


def test_reporte_con_acciones_y_montos(salida: Path) -> None:
    from flows import reporte

    html = reporte.generar(salida).read_text(encoding="utf-8")
    marcadas = reporte.cifras(html)
    con = duckdb.connect(str(salida / "informes.duckdb"), read_only=True)
    consulta = "SELECT ente, tipo, acciones FROM acciones_por_tipo_y_ente"
    revisadas = 0
    for ente, tipo, acciones in con.execute(consulta).fetchall():
        assert marcadas[f"acciones|{ente}|{tipo}"] == acciones
        revisadas += 1
    assert revisadas == 3
    assert "4,507,703.95" in html
