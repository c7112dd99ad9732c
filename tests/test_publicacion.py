"""La publicación por partes (`flows/almacen.py`): agregar o reemplazar informes en un archivo
ya publicado da exactamente las tablas que publicarlo todo desde cero, sin reconstruir; y
cuando no se puede actualizar por partes (otro esquema, bases en generaciones distintas, una
base ocupada), se reconstruye desde la caché y el resultado es el mismo."""

from __future__ import annotations

import csv
import shutil
import sqlite3
from pathlib import Path

import duckdb
import pytest

from flows import almacen
from flows.procesar import procesar
from modelos.tablas import TABLAS
from tests.conftest import EJEMPLOS, MALOS

ASE = EJEMPLOS / "ase-tamaulipas-AED-017-2021.informe.pdf"
ASE_OTRA_VERSION = EJEMPLOS / "ase-tamaulipas-AED-017-2021.maqueta-b.pdf"
ASF = EJEMPLOS / "asf-2024-1402.texto.pdf"
ASF_2 = EJEMPLOS / "asf-2024-0031.texto.pdf"
# Columnas que cambian entre corridas aunque el contenido sea el mismo.
VARIABLES = {"segundos"}


def tablas(salida: Path) -> dict[str, list[dict[str, str]]]:
    contenido = {}
    for tabla in TABLAS:
        with (salida / "tablas" / f"{tabla.nombre}.csv").open(encoding="utf-8") as f:
            contenido[tabla.nombre] = [
                {k: v for k, v in fila.items() if k not in VARIABLES} for fila in csv.DictReader(f)
            ]
    return contenido


def corpus(carpeta: Path, *pdfs: Path) -> Path:
    carpeta.mkdir(parents=True, exist_ok=True)
    for pdf in pdfs:
        shutil.copy(pdf, carpeta / pdf.name)
    return carpeta


def sin_reconstruir(monkeypatch) -> None:
    def prohibido(salida: Path) -> None:
        raise AssertionError("se reconstruyó en lugar de actualizar por partes")

    monkeypatch.setattr(almacen, "crear", prohibido)


@pytest.fixture(scope="module")
def desde_cero(tmp_path_factory) -> dict[str, list[dict[str, str]]]:
    """ASE (dos versiones del mismo informe), dos ASF y un archivo malo, de una vez."""
    trabajo = tmp_path_factory.mktemp("desde-cero")
    entrada = corpus(trabajo / "corpus", ASE, ASE_OTRA_VERSION, ASF, ASF_2, MALOS / "vacio.pdf")
    procesar([entrada], salida=trabajo / "salida", copiar_pdf=False)
    return tablas(trabajo / "salida")


def test_agregar_por_partes_da_lo_mismo_que_desde_cero(tmp_path: Path, desde_cero, monkeypatch):
    salida = tmp_path / "salida"
    procesar([corpus(tmp_path / "a", ASE, MALOS / "vacio.pdf")], salida=salida, copiar_pdf=False)
    sin_reconstruir(monkeypatch)
    procesar([corpus(tmp_path / "b", ASF)], salida=salida, copiar_pdf=False)
    procesar([corpus(tmp_path / "c", ASE_OTRA_VERSION, ASF_2)], salida=salida, copiar_pdf=False)
    assert tablas(salida) == desde_cero
    with duckdb.connect(str(salida / almacen.DUCKDB), read_only=True) as base:
        assert base.execute("SELECT generacion FROM _publicacion").fetchone() == (3,)


def test_reemplazar_una_version_mantiene_la_busqueda_al_dia(tmp_path: Path, monkeypatch):
    salida = tmp_path / "salida"
    procesar([corpus(tmp_path / "a", ASE)], salida=salida, copiar_pdf=False)
    antes = tablas(salida)
    sin_reconstruir(monkeypatch)
    procesar([corpus(tmp_path / "b", ASE_OTRA_VERSION)], salida=salida, copiar_pdf=False)
    despues = tablas(salida)
    # Las dos versiones tienen el mismo número de auditoría: una sola queda vigente.
    assert len(despues["informes"]) == len(antes["informes"]) == 1
    assert len(despues["recomendaciones"]) == len(antes["recomendaciones"])
    assert sorted(f["vigente"] for f in despues["documentos"]) == ["false", "true"]
    base = sqlite3.connect(salida / almacen.SQLITE)
    for tabla in TABLAS:
        if tabla.buscables:  # el índice FTS5 coincide con su tabla, fila por fila
            fts = f"{tabla.nombre}_fts"
            base.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
    # Los disparadores siguen en su lugar (al insertar por lotes se quita el de alta y se
    # indexan las filas nuevas de una vez).
    disparadores = {
        n for (n,) in base.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    }
    esperados = {f"{t.nombre}_fts_{c}" for t in TABLAS if t.buscables for c in ("ai", "ad")}
    assert disparadores == esperados
    (n,) = base.execute(
        "SELECT count(*) FROM recomendaciones_fts WHERE recomendaciones_fts MATCH 'control'"
    ).fetchone()
    assert (
        n
        == base.execute(
            "SELECT count(*) FROM recomendaciones WHERE texto LIKE '%control%'"
        ).fetchone()[0]
    )
    assert n > 0


@pytest.mark.parametrize("dano", ["esquema", "generacion", "base ocupada"])
def test_sin_poder_actualizar_por_partes_se_reconstruye(
    tmp_path: Path, desde_cero, dano: str, monkeypatch
) -> None:
    salida = tmp_path / "salida"
    primero = corpus(tmp_path / "a", ASE, ASE_OTRA_VERSION, ASF, MALOS / "vacio.pdf")
    procesar([primero], salida=salida, copiar_pdf=False)
    if dano == "esquema":  # como si el código nuevo agregara una columna
        with duckdb.connect(str(salida / almacen.DUCKDB)) as base:
            base.execute("UPDATE _publicacion SET esquema = 'otro'")
    elif dano == "generacion":  # una corrida interrumpida entre una base y la otra
        with sqlite3.connect(salida / almacen.SQLITE) as base:
            base.execute("UPDATE _publicacion SET generacion = generacion + 1")
    else:
        actualizar = almacen.Bases.actualizar
        intentos = []

        def ocupada_la_primera_vez(bases: almacen.Bases, cambio: almacen.Cambio) -> None:
            intentos.append(cambio)
            if len(intentos) == 1:
                raise duckdb.IOException("Could not set lock on file")
            actualizar(bases, cambio)

        monkeypatch.setattr(almacen.Bases, "actualizar", ocupada_la_primera_vez)
    resumen = procesar([corpus(tmp_path / "b", ASF_2)], salida=salida, copiar_pdf=False)
    assert resumen.nuevos == 1
    assert tablas(salida) == desde_cero
    assert almacen.leer_indice(salida) is not None  # sellada otra vez: la siguiente, por partes


def test_una_corrida_sin_cambios_no_carga_el_extractor(tmp_path: Path) -> None:
    """Repetir sobre un archivo ya publicado no importa spaCy ni pypdfium2 (ni los lee)."""
    import subprocess
    import sys

    entrada = corpus(tmp_path / "corpus", ASE)
    procesar([entrada], salida=tmp_path / "salida", copiar_pdf=False)
    programa = (
        "import sys; from pathlib import Path; from flows.procesar import procesar; "
        f"r = procesar([Path({str(entrada)!r})], salida=Path({str(tmp_path / 'salida')!r}), "
        "copiar_pdf=False); "
        "print(r.nuevos, r.en_cache, 'spacy' in sys.modules, 'pypdfium2' in sys.modules)"
    )
    salida = subprocess.run(
        [sys.executable, "-c", programa], capture_output=True, text=True, check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )  # fmt: skip
    assert salida.stdout.split()[-4:] == ["0", "1", "False", "False"]
