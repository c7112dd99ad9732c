"""Fragmentos de un informe de Word a dos columnas (maqueta `reservada-columnas`): encabezados de
bloque con otra redacción, citas por la clave de la recomendación y justificaciones con viñetas."""

from __future__ import annotations

import pytest

from extractores import estatus, invariantes
from extractores.segmentador import clasificar, partir_incisos
from tests.test_fragmentos import TRES, linea, lineas, procedimiento


@pytest.mark.parametrize(
    ("texto", "valor"),
    [
        ("Recomendaciones al desempeño", "recomendaciones"),
        ("Recomendación al desempeño", "recomendaciones"),
        ("RECOMENDACIONES DE MEJORA", "recomendaciones"),
        ("Resultados de la revisión", "resultados"),
        ("Respuesta de la entidad fiscalizada", "justificacion"),
        ("Valoración", "valoracion"),
    ],
)
def test_encabezados_de_bloque(texto: str, valor: str) -> None:
    encabezado = clasificar(linea(texto))
    assert encabezado is not None
    assert (encabezado.etiqueta, encabezado.valor) == ("BLOQUE", valor)


@pytest.mark.parametrize(
    ("texto", "numeros"),
    [
        ("En atención a la recomendación R-2, el ente público presenta evidencia documental.", [2]),
        ("En atención a las recomendaciones R-4 y R-5, el ente público presenta evidencia", [4, 5]),
        ("Atendiendo a las recomendaciones R-1, R-3 y R-6, se presenta la evidencia", [1, 3, 6]),
        # Sin la clave, como antes.
        ("En atención a las recomendaciones 2 y 3, el ente público presenta", [2, 3]),
    ],
)
def test_citas_por_la_clave_de_la_recomendacion(texto: str, numeros: list[int]) -> None:
    assert estatus.referencias_numericas(texto, 8) == numeros


def test_vinetas_leidas_como_numeros_cuadran_con_el_texto() -> None:
    """Una viñeta se lee como el número que le toca; lo descartado es la viñeta, así que el
    texto cuadra (ningún número inventado cuenta como repetido)."""
    bloque = lineas(
        "• En atención a la recomendación R-2, el ente público presenta",
        "evidencia documental.",
        "• En atención a la recomendación R-3, el ente público presenta",
        "evidencia documental.",
    )
    incisos = partir_incisos(bloque, con_cierre=True)
    assert [i.numero for i in incisos.items] == [1, 2]
    salida = [*(i.texto for i in incisos.items), *incisos.cierre, *incisos.descartado]
    assert invariantes.diferencia((x.texto for x in bloque), salida) == ""


# Los cierres de la maqueta (tras «Valoración»), con otra redacción: el veredicto decide el
# estatus de la recomendación que la justificación cita sin decir si se atiende.
@pytest.mark.parametrize(
    ("cierre", "estatus_esperado"),
    [
        (
            "Valorados los argumentos y la evidencia que aportó la entidad, esta instancia "
            "fiscalizadora estima solventada la recomendación a la que alude su justificación.",
            "atendida",
        ),
        (
            "Valorados los argumentos y la evidencia que aportó la entidad, esta instancia "
            "fiscalizadora no estima solventadas las recomendaciones a las que alude su "
            "justificación.",
            "no atendida",
        ),
        (
            "De lo anterior se desprende que la entidad fiscalizada dio cumplimiento a la "
            "recomendación que refiere en su justificación, misma que se solventa.",
            "atendida",
        ),
        (
            "De lo anterior se desprende que la entidad fiscalizada no dio cumplimiento a la "
            "recomendación que refiere en su justificación, misma que continúa pendiente de "
            "solventar.",
            "no atendida",
        ),
    ],
)
def test_cierres_con_otra_redaccion(cierre: str, estatus_esperado: str) -> None:
    p = procedimiento(
        TRES,
        ["En atención a la recomendación R-3, el ente público presenta el análisis."],
        [cierre],
    )
    estatus.aplicar(p, respuesta_general=False)
    assert p.recomendaciones[2].estatus == estatus_esperado
