"""Fragmentos de un informe como un Word institucional de letra chica (maqueta
reservada-renglones): procedimiento con el área tras una raya, recomendaciones sin encabezado de
bloque (cada una con su etiqueta en el mismo renglón), resultados con rayas sin número y los
cierres con otra redacción."""

from __future__ import annotations

import pytest

from extractores import estatus


@pytest.mark.parametrize(
    ("texto", "veredicto"),
    [
        ("Valorados los argumentos y la evidencia que aportó la entidad, esta instancia "
         "fiscalizadora estima solventadas las recomendaciones a las que alude su justificación.",
         "acepta"),
        ("Valorados los argumentos y la evidencia que aportó la entidad, esta instancia "
         "fiscalizadora no estima solventada la recomendación a la que alude su justificación.",
         "rechaza"),
        ("De lo anterior se desprende que la entidad fiscalizada dio cumplimiento a las "
         "recomendaciones que refiere en su justificación, mismas que se solventan.", "acepta"),
        ("De lo anterior se desprende que la entidad fiscalizada no dio cumplimiento a la "
         "recomendación que refiere en su justificación, misma que continúa pendiente de "
         "solventar.", "rechaza"),
    ],
)  # fmt: skip
def test_cierres_con_otra_redaccion(texto: str, veredicto: str) -> None:
    assert estatus._veredicto(texto)[0] == veredicto


def test_cierre_con_palabra_partida_por_el_ocr() -> None:
    """«di o cumplimiento» (por «dio»): lo decide «misma que se solventa»."""
    texto = (
        "De lo anterior se desprende que la entidad fiscalizada di o cumplimiento a la "
        "recomendación que refiere en su justificación, misma que se solventa."
    )
    assert estatus._veredicto(texto)[0] == "acepta"
