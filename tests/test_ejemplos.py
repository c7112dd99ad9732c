"""Pruebas doradas: cada PDF de ejemplo da exactamente su `esperado.json` revisado a mano.

`tests/ejemplos/<informe>.<variante>.pdf` se compara con `tests/ejemplos/<informe>.esperado.json`
(una variante es otra maqueta o un escaneo del mismo informe). Los textos leídos por OCR pueden
diferir en unas pocas letras; todo lo demás (conteos, números, estatus, referencias) es exacto.
El esperado puede decir su `formato` y el `estado` del documento (por omisión `ok`: un informe
cuyo resumen no coincide con sus resultados queda `parcial`).

Cada formato registrado necesita al menos un ejemplo (como en juriscraper): un formato sin
ejemplo hace fallar la suite.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from extractores import formatos
from extractores.documento import procesar_archivo
from modelos.esperado import diferencias, forma_esperada
from modelos.registros import Resultado
from tests.conftest import EJEMPLOS

PDFS = sorted(EJEMPLOS.glob("*.pdf"))
ASE = [p for p in PDFS if p.name.startswith("ase-tamaulipas-AED-017-2021.")]


def esperado_de(pdf: Path) -> Path:
    return pdf.with_name(pdf.name.split(".")[0] + ".esperado.json")


@cache
def resultado(pdf: Path) -> Resultado:
    return procesar_archivo(pdf)


@cache
def esperado(pdf: Path) -> dict:
    return json.loads(esperado_de(pdf).read_text(encoding="utf-8"))


def test_hay_ejemplos() -> None:
    assert len(ASE) >= 3
    assert len(PDFS) >= 6


@pytest.mark.parametrize("formato", [f.nombre for f in formatos.registrados()])
def test_cada_formato_tiene_un_ejemplo(formato: str) -> None:
    propios = [p for p in PDFS if esperado_de(p).is_file() and _formato_de(p) == formato]
    assert propios, f"El formato {formato} no tiene un ejemplo con su esperado en tests/ejemplos/"
    assert all(resultado(p).documento.formato == formato for p in propios)


def _formato_de(pdf: Path) -> str:
    return esperado(pdf).get("formato", "ase-tamaulipas-desempeno")


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.name)
def test_ejemplo_da_lo_esperado(pdf: Path) -> None:
    assert esperado_de(pdf).is_file(), f"Falta {esperado_de(pdf).name} para {pdf.name}"
    obtenido = resultado(pdf)
    datos = esperado(pdf)
    assert obtenido.documento.formato == _formato_de(pdf)
    assert obtenido.documento.estado == datos.get("estado", "ok"), obtenido.documento.error
    assert obtenido.informe is not None
    tolerante = obtenido.documento.paginas_ocr > 0
    comparables = {k: v for k, v in datos.items() if k not in ("formato", "estado")}
    faltas = diferencias(forma_esperada(obtenido.informe), comparables, tolerante=tolerante)
    assert not faltas, "\n".join(faltas[:40])


@pytest.mark.parametrize("pdf", ASE, ids=lambda p: p.name)
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


@pytest.mark.parametrize("pdf", ASE, ids=lambda p: p.name)
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
