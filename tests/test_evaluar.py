"""`informes evaluar` sobre un conjunto sintético fijo, con umbrales; y que detecta errores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from flows.cli import main
from tests.generador.__main__ import generar_corpus

SEMILLA = 42


@pytest.fixture(scope="module")
def evaluado(tmp_path_factory) -> tuple[Path, dict]:
    carpeta = tmp_path_factory.mktemp("sinteticos")
    generar_corpus(carpeta, n=7, semilla=SEMILLA, escaneados=1)
    salida = tmp_path_factory.mktemp("evaluacion")
    resultado = CliRunner().invoke(
        main, ["evaluar", "--esperado", str(carpeta), "--salida", str(salida)]
    )
    assert resultado.exit_code == 0, resultado.output
    assert "(total)" in resultado.output
    return carpeta, json.loads((salida / "evaluacion.json").read_text(encoding="utf-8"))


def test_umbrales_en_pdf_de_texto(evaluado) -> None:
    _, informe = evaluado
    texto = informe["texto"]
    assert texto["incisos"]["todos"]["f1"] >= 0.99
    assert texto["estatus"]["exactitud"] >= 0.99
    assert texto["motivo"]["exactitud"] >= 0.99
    assert texto["metadatos"]["exactitud"] >= 0.95
    assert texto["areas"]["exactitud"] >= 0.95


def test_umbrales_en_escaneos(evaluado) -> None:
    _, informe = evaluado
    assert informe["escaneos"]["incisos"]["todos"]["f1"] >= 0.97
    assert len(informe["documentos"]) == 7


def test_la_evaluacion_detecta_errores(evaluado, tmp_path: Path) -> None:
    """Con una respuesta esperada alterada, la exactitud baja: la evaluación no es de adorno."""
    carpeta, _ = evaluado
    pdf = sorted(carpeta.glob("*.pdf"))[-1]
    (tmp_path / pdf.name).write_bytes(pdf.read_bytes())
    esperado = json.loads(pdf.with_name(pdf.stem + ".esperado.json").read_text(encoding="utf-8"))
    esperado["informe"]["ejercicio"] += 1
    esperado["procedimientos"][0]["resultados"].append({"numero": 99, "texto": "Inventado."})
    (tmp_path / f"{pdf.stem}.esperado.json").write_text(json.dumps(esperado), encoding="utf-8")
    salida = tmp_path / "salida"
    CliRunner().invoke(main, ["evaluar", "--esperado", str(tmp_path), "--salida", str(salida)])
    total = json.loads((salida / "evaluacion.json").read_text(encoding="utf-8"))["total"]
    assert total["metadatos"]["exactitud"] < 1
    assert total["incisos"]["todos"]["exhaustividad"] < 1


def test_carpeta_sin_pares_es_error_de_uso(tmp_path: Path) -> None:
    resultado = CliRunner().invoke(
        main, ["evaluar", "--esperado", str(tmp_path), "--salida", str(tmp_path)]
    )
    assert resultado.exit_code == 2
