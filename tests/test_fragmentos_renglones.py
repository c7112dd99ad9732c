"""Fragmentos de un informe como un Word institucional de letra chica (maqueta
reservada-renglones): procedimiento con el área tras una raya, recomendaciones sin encabezado de
bloque (cada una con su etiqueta en el mismo renglón), resultados con rayas sin número y los
cierres con otra redacción."""

from __future__ import annotations

import pytest

from extractores import ase_tamaulipas_desempeno, estatus, segmentador
from extractores.segmentador import clasificar, segmentar
from modelos.registros import Linea


def renglon(texto: str, indice: int, negritas: list[str] | None = None) -> Linea:
    # Interlineado exacto y ningún espacio entre párrafos: ninguna línea abre párrafo.
    return Linea(texto, 1, 82.0, indice * 8.0, indice * 8.0 + 8, 8.0, negritas=negritas or [])


def renglones(*textos: str | tuple[str, list[str]]) -> list[Linea]:
    salida = []
    for indice, texto in enumerate(textos):
        if isinstance(texto, tuple):
            salida.append(renglon(texto[0], indice, texto[1]))
        else:
            salida.append(renglon(texto, indice))
    return salida


def procedimiento(lineas: list[Linea]):
    crudo = segmentar(lineas).procedimientos[0]
    alertas: list = []
    p = ase_tamaulipas_desempeno._procedimiento(crudo, alertas, segmentador.AJUSTES_POR_OMISION)
    return crudo, p, alertas


@pytest.mark.parametrize(
    ("texto", "numero", "area"),
    [
        ("PROCEDIMIENTO III – DISEÑO", "3", "DISEÑO"),
        ("PROCEDIMIENTO I – COBERTURA Y FOCALIZACIÓN", "1", "COBERTURA Y FOCALIZACIÓN"),
        ("Procedimiento 4 — Eficiencia", "4", "Eficiencia"),
        ("PROCEDIMIENTO II - ECONOMÍA", "2", "ECONOMÍA"),
    ],
)
def test_procedimiento_con_el_area_tras_la_raya(texto: str, numero: str, area: str) -> None:
    encabezado = clasificar(renglon(texto, 0))
    assert encabezado is not None
    assert (encabezado.etiqueta, encabezado.valor, encabezado.area) == (
        "PROCEDIMIENTO",
        numero,
        area,
    )


def test_tras_la_raya_una_descripcion_no_es_el_area() -> None:
    """«Procedimiento 2 – Análisis de la Economía del Programa…» no es un título: es la
    descripción, y el área sale de ella como siempre."""
    texto = "Procedimiento 2 – Análisis de la Economía en el ejercicio del gasto del Programa."
    encabezado = clasificar(renglon(texto, 0))
    assert encabezado is not None and encabezado.area == ""
    assert encabezado.resto.startswith("Análisis de la Economía")


def test_area_del_procedimiento_es_la_de_la_raya() -> None:
    _, p, _ = procedimiento(
        renglones(
            ("PROCEDIMIENTO V – PERCEPCIÓN DE LA POBLACIÓN ATENDIDA", ["PROCEDIMIENTO V"]),
            "Identificación de la medición de la Eficacia del Programa Seguridad Pública.",
            "RESULTADOS DEL PROCEDIMIENTO",
            "– No presenta un programa anual de trabajo.",
        )
    )
    assert p.area_normalizada == "Percepción de la Población Atendida"
    assert p.descripcion.startswith("Identificación de la medición")


@pytest.mark.parametrize(
    ("texto", "numero"),
    [("PROCEDIMIENTO Ill — OPERACIÓN", 3), ("PROCEDIMIENTO VIl – EFICACIA", 7)],
)
def test_romano_escaneado_con_trazos(texto: str, numero: int) -> None:
    """El romano escaneado con trazos leídos como «l» («Ill» por «III»): es su número."""
    crudo = segmentar([renglon(texto, 0, [])]).procedimientos[0]
    assert crudo.numero == numero


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
