"""Fragmentos de un informe de Word a dos columnas (maqueta `reservada-columnas`): encabezados de
bloque con otra redacción, citas por la clave de la recomendación y justificaciones con viñetas."""

from __future__ import annotations

import pytest

from extractores import estatus, invariantes, limpieza
from extractores.segmentador import clasificar, partir_incisos
from modelos.registros import Linea, Pagina
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


# En un escaneo: la viñeta leída como otro signo queda como viñeta; la llamada de nota pegada a
# la palabra y leída como signo se va (en español la pregunta y la exclamación abren con «¿» y
# «¡», la comilla que cierra con «“»).
@pytest.mark.parametrize(
    ("texto", "limpio"),
    [
        ("+ El ente público presenta documentación", "• El ente público presenta documentación"),
        ("+» En atención a la recomendación R-1", "• En atención a la recomendación R-1"),
        ("» El ente público presenta el padrón", "• El ente público presenta el padrón"),
        ("* Atendiendo a la recomendación R-2", "• Atendiendo a la recomendación R-2"),
        ("Respuesta de la entidad fiscalizada*", "Respuesta de la entidad fiscalizada"),
        ("Respuesta de la entidad fiscalizada?", "Respuesta de la entidad fiscalizada"),
        (
            "Observaciones Preliminares?, y se estableció",
            "Observaciones Preliminares, y se estableció",
        ),
        (
            "Observaciones Preliminares”, y se estableció",
            "Observaciones Preliminares, y se estableció",
        ),
        ("Planificación Económica y Social! (ILPES)", "Planificación Económica y Social (ILPES)"),
        ("¿Cuenta con un padrón de beneficiarios?", "¿Cuenta con un padrón de beneficiarios?"),
    ],
)
def test_ruido_de_ocr_de_la_maqueta(texto: str, limpio: str) -> None:
    assert limpieza.quitar_ruido_ocr(texto) == limpio


def _ocr(texto: str, top: float, tamano: float) -> Linea:
    return Linea(texto, 1, 46.0, top, top + tamano, tamano, ocr=True)


@pytest.mark.parametrize(
    "notas",
    [
        # La primera nota perdió su llamada; la segunda la tiene (mal leída: «28» por «²»).
        [
            "El ILPES es un organismo permanente de la CEPAL, Naciones Unidas.",
            "28 Programa Anual de Auditorías se publica en el Periódico Oficial.",
            "* Los procedimientos se aplicaron conforme a las Normas Profesionales.",
        ],
        # La llamada leída como letra o como signo.
        ["Y La documentación que soporta la respuesta obra en el expediente."],
        ["% La documentación que soporta la respuesta obra en el expediente."],
    ],
)
def test_notas_al_pie_de_un_escaneo(notas: list[str]) -> None:
    """El bloque de letra chica al pie de un escaneo es de notas si empieza con su llamada,
    aunque el OCR la haya leído mal, y con él va la nota de arriba que perdió la suya, a un
    interlineado de notas (más apretado que el del cuerpo)."""
    cuerpo = [
        _ocr(f"Renglón {n} del cuerpo del informe, con su texto.", 100 + 12 * n, 7)
        for n in range(40)
    ]
    pie = [_ocr(nota, 700 + 8 * n, 4.8) for n, nota in enumerate(notas)]
    pagina = Pagina(1, 612, 792, cuerpo + pie, ocr=True)
    assert [x.texto for x in limpieza.quitar_notas_al_pie([pagina])] == notas
    assert pagina.lineas == cuerpo


def test_clave_de_recomendacion_con_el_numero_mal_leido() -> None:
    """«R-S.» por «R-5.»: cuenta como número si es el que sigue; y la cita «R-S» es la 5."""
    bloque = [
        _ocr(f"R-{n}. Documentar el inciso número {n} del programa.", 12.0 * n, 7)
        for n in (1, 2, 3, 4)
    ] + [_ocr("R-S. Documentar el inciso número cinco del programa.", 60.0, 7)]
    assert [i.numero for i in partir_incisos(bloque).items] == [1, 2, 3, 4, 5]
    assert estatus.referencias_numericas("En atención a las recomendaciones R-2 y R-S, el", 8) == [
        2,
        5,
    ]
