"""Fragmentos de informes escritos en tablas (maqueta reservada-tabla): el encabezado de
procedimiento en una fila, los incisos en tablas «No. | Resultado» y las justificaciones en
párrafos sin número que citan su recomendación."""

from __future__ import annotations

from extractores.segmentador import clasificar, segmentar
from modelos.registros import Linea


def linea(texto: str, pagina: int = 1, x0: float = 71.0, top: float = 0.0, parrafo=False) -> Linea:
    return Linea(texto, pagina, x0, top, top + 11, 11.0, parrafo=parrafo)


def test_encabezado_de_procedimiento_en_fila_de_tabla() -> None:
    encabezado = clasificar(linea("Procedimiento 3 Área evaluada Diseño"))
    assert encabezado is not None
    assert (encabezado.etiqueta, encabezado.valor) == ("PROCEDIMIENTO", "3")
    assert encabezado.resto == "Área evaluada Diseño"
    # Sin punto final en el renglón anterior: la fila basta.
    segmentos = segmentar([
        linea("VI. Procedimientos de auditoría aplicados, resultados y recomendaciones", top=0),
        linea("susceptibles de mejora (ASM)", top=14),
        linea("Procedimiento 1 Área evaluada Medición de Resultados", x0=77, top=40),
        linea("Identificación y análisis de la Medición de Resultados del Programa.", top=60),
    ])  # fmt: skip
    assert [p.numero for p in segmentos.procedimientos] == [1]
