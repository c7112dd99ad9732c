"""Pruebas doradas: cada PDF de ejemplo da exactamente su `esperado.json` revisado a mano.

`tests/ejemplos/<informe>.<variante>.pdf` se compara con `tests/ejemplos/<informe>.esperado.json`
(una variante es otra maqueta o un escaneo del mismo informe). Los textos leídos por OCR pueden
diferir en unas pocas letras; todo lo demás (conteos, números, estatus, referencias) es exacto.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from extractores.documento import procesar_archivo
from modelos.esperado import diferencias, forma_esperada
from modelos.registros import Resultado
from tests.conftest import EJEMPLOS

PDFS = sorted(EJEMPLOS.glob("*.pdf"))


def esperado_de(pdf: Path) -> Path:
    return pdf.with_name(pdf.name.split(".")[0] + ".esperado.json")


@cache
def resultado(pdf: Path) -> Resultado:
    return procesar_archivo(pdf)


def test_hay_ejemplos() -> None:
    assert len(PDFS) >= 3


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.name)
def test_ejemplo_da_lo_esperado(pdf: Path) -> None:
    archivo_esperado = esperado_de(pdf)
    assert archivo_esperado.is_file(), f"Falta {archivo_esperado.name} para {pdf.name}"
    esperado = json.loads(archivo_esperado.read_text(encoding="utf-8"))
    obtenido = resultado(pdf)
    assert obtenido.documento.estado == "ok", obtenido.documento.error
    assert obtenido.informe is not None
    tolerante = obtenido.documento.paginas_ocr > 0
    faltas = diferencias(forma_esperada(obtenido.informe), esperado, tolerante=tolerante)
    assert not faltas, "\n".join(faltas)


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.name)
def test_conteos_del_ejemplo(pdf: Path) -> None:
    informe = resultado(pdf).informe
    assert informe is not None
    procedimientos = informe.procedimientos
    recomendaciones = [r for p in procedimientos for r in p.recomendaciones]
    assert len(procedimientos) == 7
    assert sum(len(p.resultados) for p in procedimientos) == 26
    assert len(recomendaciones) == 16
    assert sum(r.estatus == "atendida" for r in recomendaciones) == 5
    assert sum(r.estatus == "no atendida" for r in recomendaciones) == 11
    assert sum(len(p.justificaciones) for p in procedimientos) == 9
    # La respuesta llegó a 14 días hábiles con un plazo de 5 y el informe la valoró: la alerta
    # de plazo va al final, después de las de cada procedimiento.
    assert [(a.procedimiento, a.tipo) for a in informe.alertas] == [
        (3, "cierre contradice justificación"),
        (None, "respuesta fuera de plazo"),
    ]


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.name)
def test_paginas_y_ocr(pdf: Path) -> None:
    documento = resultado(pdf).documento
    assert documento.paginas == 10
    assert documento.paginas_ocr == (10 if "escaneado" in pdf.name else 0)
    informe = resultado(pdf).informe
    assert informe is not None
    # Cada inciso sabe su página: el procedimiento 1 empieza en la 4, el 7 termina en la 9.
    assert informe.procedimientos[0].pagina == 4
    assert informe.procedimientos[0].recomendaciones[0].pagina == 4
    assert informe.procedimientos[6].justificaciones[-1].pagina == 9
