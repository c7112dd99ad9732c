"""El invariante de la segmentación (issue #9): ningún texto de un procedimiento se pierde ni se
cuenta dos veces entre las líneas limpias y los encabezados, la descripción, los incisos, los
cierres y lo descartado. Se revisa en cada ejemplo real, cada regresión y un informe generado
por maqueta de ajuste (las reservadas no entran en ninguna prueba)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractores import invariantes
from extractores.documento import procesar_archivo
from tests.conftest import EJEMPLOS, PRUEBAS
from tests.generador.pdf import MAQUETAS
from tests.generador.regresion import pdf_pequeno

NO_CUADRA = "El texto no cuadra"
REALES = sorted(EJEMPLOS.glob("ase-*.pdf")) + sorted((PRUEBAS / "regresiones").rglob("*.pdf"))


def _sin_perdidas(pdf: Path) -> None:
    resultado = procesar_archivo(pdf)
    assert resultado.informe is not None, resultado.documento.error
    perdidas = [a.detalle for a in resultado.informe.alertas if NO_CUADRA in a.detalle]
    assert not perdidas, perdidas
    assert NO_CUADRA not in resultado.documento.error


@pytest.mark.parametrize("pdf", REALES, ids=lambda p: p.name)
def test_invariante_en_ejemplos_y_regresiones(pdf: Path) -> None:
    _sin_perdidas(pdf)


@pytest.mark.parametrize("maqueta", MAQUETAS, ids=lambda m: m.nombre)
def test_invariante_en_cada_maqueta_generada(maqueta, tmp_path: Path) -> None:
    _sin_perdidas(pdf_pequeno(maqueta, 404, tmp_path, procedimientos=4))


def test_el_invariante_nota_texto_perdido_o_repetido() -> None:
    assert (
        invariantes.diferencia(["1. Formalizar un programa."], ["Formalizar un programa.", "1."])
        == ""
    )
    perdido = invariantes.diferencia(["1. Formalizar un programa."], ["Formalizar un", "1."])
    assert NO_CUADRA in perdido and "se perdieron 8" in perdido
    repetido = invariantes.diferencia(["Formalizar."], ["Formalizar.", "Formalizar."])
    assert "se repitieron 10" in repetido
