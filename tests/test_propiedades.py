"""Propiedades: la segmentación y el estatus nunca lanzan excepciones con texto arbitrario."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractores import ase_tamaulipas_desempeno as formato
from extractores import estatus
from extractores.formato import Lectura
from extractores.segmentador import partir_incisos, segmentar
from modelos.registros import Justificacion, Linea, Procedimiento, Recomendacion

PALABRAS = st.sampled_from(
    ["Procedimiento", "1.", "2)", "Resultados.", "Recomendaciones", "Justificación.", "VI.",
     "Dictamen", "la", "recomendación", "número", "emitida", "no", "se", "considera", "atendida",
     "presenta", "MIR", "-", "Oficio", "No.", "ASE/AED/0039/2022", "de", "fecha", "18", "enero"]
)  # fmt: skip
TEXTO = st.one_of(st.text(max_size=80), st.lists(PALABRAS, max_size=12).map(" ".join))


def _lineas(textos: list[str], margenes: list[float]) -> list[Linea]:
    return [
        Linea(t, 1 + i // 30, margenes[i % len(margenes)], (i % 30) * 14.0, (i % 30) * 14.0 + 11,
              11.0, parrafo=i % 3 == 0)
        for i, t in enumerate(textos)
    ]  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXTO, max_size=40), st.lists(st.floats(0, 600), min_size=1, max_size=3))
def test_segmentar_y_extraer_nunca_lanzan(textos: list[str], margenes: list[float]) -> None:
    lineas = _lineas(textos, margenes)
    segmentos = segmentar(lineas)
    for procedimiento in segmentos.procedimientos:
        for bloque in procedimiento.bloques:
            partir_incisos(bloque.lineas, con_cierre=True)
    informe = formato.FORMATO.extraer(Lectura(lineas, "0" * 64))
    for procedimiento in informe.procedimientos:
        for recomendacion in procedimiento.recomendaciones:
            assert recomendacion.estatus in {"atendida", "no atendida", "sin determinar"}


@settings(max_examples=150, deadline=None)
@given(st.lists(TEXTO, max_size=5), st.lists(TEXTO, max_size=4), st.lists(TEXTO, max_size=2))
def test_estatus_nunca_lanza(recs: list[str], justs: list[str], cierre: list[str]) -> None:
    procedimiento = Procedimiento(
        numero=1,
        pagina=1,
        recomendaciones=[Recomendacion(i + 1, t, 1) for i, t in enumerate(recs)],
        justificaciones=[Justificacion(i + 1, t, 1) for i, t in enumerate(justs)],
        cierre=cierre,
    )
    estatus.aplicar(procedimiento, respuesta_general=True)
    for justificacion in procedimiento.justificaciones:
        assert all(1 <= n <= len(recs) for n in justificacion.recomendaciones)
