"""Regresiones por clase de falla (issue #9): PDF pequeños generados, uno por clase.

`tests/regresiones/<clase>.<maqueta>.pdf` se compara con `<clase>.esperado.json` igual que
`test_ejemplos.py`. Rehacer la carpeta: `python -m tests.generador.regresion --salida
tests/regresiones`. El escaneo (`tests/regresiones/escaneos/`) lleva la marca `escaneo`: pasa
por OCR y tarda más (`pytest -m "not escaneo"` lo deja fuera).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractores.documento import procesar_archivo
from modelos.esperado import diferencias, forma_esperada
from tests.conftest import PRUEBAS

REGRESIONES = PRUEBAS / "regresiones"
PDFS = sorted(REGRESIONES.glob("*.pdf"))
ESCANEOS = sorted((REGRESIONES / "escaneos").glob("*.pdf"))


def esperado_de(pdf: Path) -> Path:
    return pdf.with_name(pdf.name.split(".")[0] + ".esperado.json")


def comprobar(pdf: Path) -> None:
    archivo_esperado = esperado_de(pdf)
    assert archivo_esperado.is_file(), f"Falta {archivo_esperado.name} para {pdf.name}"
    esperado = json.loads(archivo_esperado.read_text(encoding="utf-8"))
    obtenido = procesar_archivo(pdf)
    assert obtenido.documento.estado == "ok", obtenido.documento.error
    assert obtenido.informe is not None
    tolerante = obtenido.documento.paginas_ocr > 0
    faltas = diferencias(forma_esperada(obtenido.informe), esperado, tolerante=tolerante)
    assert not faltas, "\n".join(faltas)


def test_hay_una_regresion_por_clase() -> None:
    clases = {pdf.name[0] for pdf in PDFS}
    assert clases >= set("abcdefg")
    assert ESCANEOS


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.name)
def test_regresion(pdf: Path) -> None:
    comprobar(pdf)


@pytest.mark.escaneo
@pytest.mark.parametrize("pdf", ESCANEOS, ids=lambda p: p.name)
def test_regresion_escaneada(pdf: Path) -> None:
    comprobar(pdf)
