"""`informes.sqlite` como base relacional: llaves primarias y foráneas que se cumplen, búsqueda
de texto completo y la tabla de enlace; todo deducido del esquema, también para una tabla que
se agregue después (como las acciones de la ASF) y para tablas vacías o ausentes."""

from __future__ import annotations

import json
import sqlite3
from functools import cache
from pathlib import Path

import pandas as pd

from extractores.documento import procesar_archivo
from flows import almacen, publicar, servir
from modelos.tablas import INFORME_ID, PROCEDIMIENTO, TABLAS, TEXTO, Campo, Tabla, referencias
from tests.conftest import EJEMPLOS

ESPERADO = json.loads((EJEMPLOS / "ase-tamaulipas-AED-017-2021.esperado.json").read_text("utf-8"))
HALLAZGOS = Tabla(
    "hallazgos",
    "Hallazgos (prueba: una tabla que llega después).",
    (INFORME_ID, PROCEDIMIENTO, Campo("clave", "string", "Clave."), TEXTO,
     Campo("monto", "number", "Monto.")),
    ("informe_id", "procedimiento", "clave"),
)  # fmt: skip


@cache
def tablas() -> dict[str, pd.DataFrame]:
    return publicar.marcos([procesar_archivo(EJEMPLOS / "ase-tamaulipas-AED-017-2021.informe.pdf")])


def escribir(destino: Path, datos: dict[str, pd.DataFrame]) -> sqlite3.Connection:
    almacen.escribir_sqlite(datos, destino)
    conexion = sqlite3.connect(destino)
    conexion.execute("PRAGMA foreign_keys = ON")
    return conexion


def test_llaves_foraneas_declaradas_y_cumplidas(tmp_path: Path) -> None:
    base = escribir(tmp_path / "informes.sqlite", tablas())
    assert base.execute("PRAGMA foreign_key_check").fetchall() == []
    destinos = {
        t.nombre: {r[2] for r in base.execute(f'PRAGMA foreign_key_list("{t.nombre}")')}
        for t in TABLAS
    }
    for nombre in ("procedimientos", "resultados", "recomendaciones", "justificaciones",
                   "personas", "oficios", "alertas", "recomendacion_justificacion"):  # fmt: skip
        assert "informes" in destinos[nombre], nombre
    for nombre in ("resultados", "recomendaciones", "justificaciones"):
        assert "procedimientos" in destinos[nombre], nombre
    assert destinos["recomendacion_justificacion"] >= {"recomendaciones", "justificaciones"}
    assert destinos["informes"] == {"documentos"}
    # Con las llaves activas, una recomendación de un informe que no existe se rechaza.
    try:
        base.execute("INSERT INTO recomendaciones (informe_id, procedimiento, numero) "
                     "VALUES ('no-existe', 1, 1)")  # fmt: skip
    except sqlite3.IntegrityError:
        pass
    else:
        raise AssertionError("la llave foránea no se cumplió")


def test_enlace_recomendacion_justificacion_es_el_esperado(tmp_path: Path) -> None:
    base = escribir(tmp_path / "informes.sqlite", tablas())
    pares = base.execute(
        "SELECT procedimiento, recomendacion, justificacion FROM recomendacion_justificacion"
    ).fetchall()
    esperados = sorted(
        (p["numero"], r, j["numero"])
        for p in ESPERADO["procedimientos"]
        for j in p["justificaciones"]
        for r in j["recomendaciones"]
    )
    assert sorted(pares) == esperados and len(pares) == 8
    # Unidas, cada par lleva a una recomendación y una justificación que existen.
    [(unidas,)] = base.execute(
        "SELECT count(*) FROM recomendacion_justificacion rj "
        "JOIN recomendaciones r ON r.informe_id = rj.informe_id "
        "AND r.procedimiento = rj.procedimiento AND r.numero = rj.recomendacion "
        "JOIN justificaciones j ON j.informe_id = rj.informe_id "
        "AND j.procedimiento = rj.procedimiento AND j.numero = rj.justificacion"
    ).fetchall()
    assert unidas == len(pares)


def test_busqueda_de_texto_completo(tmp_path: Path) -> None:
    base = escribir(tmp_path / "informes.sqlite", tablas())
    for tabla in TABLAS:
        existe = base.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = ?", (f"{tabla.nombre}_fts",)
        ).fetchone()[0]
        assert existe == bool(tabla.buscables), tabla.nombre
    encontradas = base.execute(
        "SELECT r.procedimiento, r.numero FROM recomendaciones_fts f "
        "JOIN recomendaciones r ON r.rowid = f.rowid WHERE recomendaciones_fts MATCH 'diagrama'"
    ).fetchall()
    esperadas = [
        (p["numero"], r["numero"])
        for p in ESPERADO["procedimientos"]
        for r in p["recomendaciones"]
        if "diagrama" in r["texto"].lower()
    ]
    assert sorted(encontradas) == sorted(esperadas) and esperadas
    # Sin acentos ni mayúsculas: «DISEÑAR» y «disenar» encuentran lo mismo.
    contar = "SELECT count(*) FROM recomendaciones_fts WHERE recomendaciones_fts MATCH ?"
    assert (
        base.execute(contar, ("disenar",)).fetchone()
        == base.execute(contar, ("DISEÑAR",)).fetchone()
    )
    assert base.execute(contar, ("disenar",)).fetchone()[0] > 0


def test_una_tabla_nueva_recibe_llaves_y_busqueda_aunque_este_vacia(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(almacen, "TABLAS", (*TABLAS, HALLAZGOS))
    assert [r["reference"]["resource"] for r in referencias(HALLAZGOS)] == [
        "informes", "procedimientos",
    ]  # fmt: skip
    # Ausente del todo (el formato que la llena todavía no corrió): se escribe vacía.
    base = escribir(tmp_path / "ausente.sqlite", tablas())
    assert base.execute("SELECT count(*) FROM hallazgos").fetchone()[0] == 0
    assert base.execute("SELECT count(*) FROM hallazgos_fts").fetchone()[0] == 0
    assert {r[2] for r in base.execute("PRAGMA foreign_key_list(hallazgos)")} == {
        "informes", "procedimientos",
    }  # fmt: skip
    # Con filas: se buscan.
    datos = dict(tablas())
    datos["hallazgos"] = pd.DataFrame([{
        "informe_id": "ase-tamaulipas:AED/017/2021", "procedimiento": 1, "clave": "A-1",
        "texto": "Pliego de observaciones por pagos improcedentes", "monto": 125000.5,
    }])  # fmt: skip
    base = escribir(tmp_path / "con-filas.sqlite", datos)
    assert base.execute("PRAGMA foreign_key_check").fetchall() == []
    assert (
        base.execute(
            "SELECT count(*) FROM hallazgos_fts WHERE hallazgos_fts MATCH 'improcedentes'"
        ).fetchone()[0]
        == 1
    )
    # Y Datasette la describe, la esconde en su índice FTS y le arma la consulta de montos.
    metadatos = servir.metadatos((*TABLAS, HALLAZGOS))["databases"]["informes"]
    assert metadatos["tables"]["hallazgos"]["fts_table"] == "hallazgos_fts"
    assert metadatos["tables"]["hallazgos_fts"] == {"hidden": True}
    consulta = metadatos["queries"]["montos_por_ente_hallazgos"]["sql"]
    [(ente, filas, monto)] = [(f[1], f[2], f[3]) for f in base.execute(consulta).fetchall()]
    assert (ente, filas, monto) == ("Sistema DIF Reynosa", 1, 125000.5)


def test_metadatos_de_datasette_del_mismo_esquema() -> None:
    metadatos = servir.metadatos()
    descritas = metadatos["databases"]["informes"]["tables"]
    for tabla in TABLAS:
        assert descritas[tabla.nombre]["description"] == tabla.descripcion
        assert set(descritas[tabla.nombre]["columns"]) == set(tabla.columnas)
        assert descritas[tabla.nombre].get("facets", []) == list(tabla.facetas)
    consultas = metadatos["databases"]["informes"]["queries"]
    assert {"recomendaciones_mas_repetidas", "entes_que_nunca_atienden"} <= set(consultas)
    # Las tablas con montos (las acciones de la ASF, los montos del informe) tienen su consulta.
    assert {"montos_por_ente_acciones", "montos_por_ente_informes"} <= set(consultas)
