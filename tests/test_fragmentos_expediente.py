"""Fragmentos de un informe que numera sus recomendaciones con clave de expediente: secciones en
arábigos, el procedimiento en una ficha, «Hechos verificados», el rótulo «Recomendación
2021-AED-091-03-002» en su renglón y la valoración antes de la respuesta del ente
(reservada-expediente)."""

from __future__ import annotations

import pytest

from extractores import ase_tamaulipas_desempeno, estatus, segmentador
from extractores.segmentador import clasificar, partir_incisos, segmentar
from modelos.registros import Linea


def linea(texto: str, top: float = 0.0) -> Linea:
    return Linea(texto, 1, 71.0, top, top + 11, 11.0)


def lineas(*textos: str) -> list[Linea]:
    return [linea(t, top=i * 14.0) for i, t in enumerate(textos)]


@pytest.mark.parametrize(
    ("texto", "valor"),
    [
        ("1 RESUMEN EJECUTIVO", "1"),
        ("3 OBJETIVO DE LA AUDITORÍA", "3"),
        ("4 ALCANCE DE LA AUDITORÍA", "4"),
        ("8 DICTAMEN DE LA AUDITORÍA", "8"),
    ],
)
def test_seccion_en_arabigos_en_un_cuadro(texto: str, valor: str) -> None:
    encabezado = clasificar(linea(texto))
    assert encabezado is not None
    assert (encabezado.etiqueta, encabezado.valor) == ("SECCION", valor)


def test_procedimiento_en_ficha_con_el_area_al_lado() -> None:
    encabezado = clasificar(linea("PROCEDIMIENTO 3 Cobertura y Focalización"))
    assert encabezado is not None
    assert (encabezado.etiqueta, encabezado.valor, encabezado.area) == (
        "PROCEDIMIENTO",
        "3",
        "Cobertura y Focalización",
    )
    # Lo que sigue al número no es un área del catálogo: una oración, no un encabezado.
    assert clasificar(linea("Procedimiento 3 del manual de operación")) is None


def test_hechos_verificados_con_incisos_entre_parentesis() -> None:
    encabezado = clasificar(linea("Hechos verificados"))
    assert encabezado is not None
    assert (encabezado.etiqueta, encabezado.valor) == ("BLOQUE", "resultados")
    incisos = partir_incisos(
        lineas("(a) No presenta la MIR del programa.", "(b) Cuenta con el padrón actualizado.")
    )
    assert [i.numero for i in incisos.items] == [1, 2]


def test_referencia_por_clave_de_expediente() -> None:
    una = "En atención a la recomendación 2021-AED-091-03-002, el ente presenta el padrón."
    assert estatus.referencias_numericas(una, 3) == [2]
    varias = (
        "En atención a las recomendaciones 2021-AED-091-03-001 y 2021-AED-091-03-003, el ente "
        "público presenta evidencia documental."
    )
    assert estatus.referencias_numericas(varias, 3) == [1, 3]


@pytest.mark.parametrize(
    ("texto", "veredicto"),
    [
        ("esta Auditoría Superior declara superadas las recomendaciones invocadas", "acepta"),
        (
            "no puede declarar superada la recomendación invocada, que se conserva abierta",
            "rechaza",
        ),
        ("por lo que ésta se cancela en el sistema de seguimiento de acciones.", "acepta"),
        ("La evidencia exhibida no permite constatar la implementación de la mejora", "rechaza"),
        ("se conservan activas en el sistema de seguimiento de acciones.", "rechaza"),
        ("en tal virtud, se emite opinión favorable sobre su implementación.", "acepta"),
        ("no resuelve de fondo la problemática; se emite opinión desfavorable", "rechaza"),
    ],
)
def test_veredictos_de_la_septima_tanda(texto: str, veredicto: str) -> None:
    assert estatus._veredicto(texto)[0] == veredicto


PROCEDIMIENTO_EN_FICHA = (
    "PROCEDIMIENTO 1 Eficiencia",
    "Objetivo específico Evaluación de la Eficiencia en el uso de los recursos del Programa.",
    "Hechos verificados",
    "(a) El programa no cuenta con el padrón de beneficiarios.",
    "Recomendación 2021-AED-091-01-001",
    "Integrar un padrón de beneficiarios con sus características socioeconómicas.",
    "Recomendación 2021-AED-091-01-002",
    "Diseñar un diagrama de flujo del proceso general de operación.",
    "Valoración de la Auditoría Superior",
    "Del examen de la documentación proporcionada, esta Auditoría Superior declara superada la",
    "recomendación invocada por la entidad en su respuesta.",
    "Respuesta de la entidad fiscalizada",
    "■ En atención a la recomendación 2021-AED-091-01-002, el ente público presenta el diagrama",
    "de flujo.",
)


def _procedimiento(textos: tuple[str, ...]):
    alertas: list = []
    crudo = segmentar(lineas(*textos)).procedimientos[0]
    p = ase_tamaulipas_desempeno._procedimiento(crudo, alertas, segmentador.AJUSTES_POR_OMISION)
    estatus.aplicar(p, False)
    return crudo, p, alertas


def test_rotulo_con_clave_y_valoracion_antes_de_la_respuesta() -> None:
    crudo, p, alertas = _procedimiento(PROCEDIMIENTO_EN_FICHA)
    assert [b.tipo for b in crudo.bloques] == [
        "resultados",
        "recomendaciones",
        "valoracion",
        "justificacion",
    ]
    assert p.area == "Eficiencia"
    assert p.descripcion.startswith("Evaluación de la Eficiencia")
    assert [r.numero for r in p.recomendaciones] == [1, 2]
    assert (
        p.recomendaciones[1].texto
        == "Diseñar un diagrama de flujo del proceso general de operación."
    )
    assert [j.recomendaciones for j in p.justificaciones] == [[2]]
    assert [r.estatus for r in p.recomendaciones] == ["no atendida", "atendida"]
    assert alertas == []


def test_valoracion_antes_sin_cierre_no_es_encabezado() -> None:
    # Sin frase de cierre debajo, el título no abre la valoración: queda dentro de la
    # recomendación (y la duda del título dentro).
    textos = list(PROCEDIMIENTO_EN_FICHA)
    textos[9] = "La entidad presentó diversos documentos que se analizaron en su"
    crudo, _, alertas = _procedimiento(tuple(textos))
    assert "valoracion" not in [b.tipo for b in crudo.bloques]
    assert alertas


def _ocr(texto: str, x0: float, top: float, x1: float) -> Linea:
    return Linea(texto, 6, x0, top, top + 11, 10.0, ocr=True, x1=x1)


def test_vineta_perdida_con_sangria_francesa_en_un_escaneo() -> None:
    """Escaneo de reservada-expediente (semilla 2197-000): el OCR no leyó el «■» de dos
    justificaciones. Con sangría francesa, el renglón al margen de las viñetas tras un punto
    abre inciso aunque el de arriba llegue al margen derecho; y en una página torcida el margen
    es el de la viñeta más cercana (el renglón quedaba 0.02 pt fuera del de la primera)."""
    textos = [
        _ocr(
            "= El ente público presenta documentación en atención a la recomendación", 73.4, 90, 512
        ),
        _ocr("2022-AED-086-05-003, sin embargo, no se considera atendida.", 95.8, 108, 400),
        _ocr(
            "= El ente público presenta las fichas técnicas de los indicadores, autorizado.",
            74.2,
            126,
            513,
        ),
        _ocr(
            "Enatención a la recomendación 2022-AED-086-05-004, el ente presenta oficios de",
            74.5,
            144,
            500,
        ),
        _ocr("instrucción.", 97.2, 162, 146),
        _ocr(
            "El ente público presenta los mecanismos de transparencia y rendición de cuentas",
            75.9,
            180,
            480,
        ),
        _ocr("evidencia documental.", 97.2, 198, 196),
    ]
    incisos = partir_incisos(textos, con_cierre=True)
    assert [i.numero for i in incisos.items] == [1, 2, 3, 4]
    assert incisos.items[3].texto.startswith("El ente público presenta los mecanismos")


@pytest.mark.parametrize(
    ("texto", "valor"),
    [
        ("El CRITERIOS DE SELECCIÓN", "2"),
        ("E OBJETIVO DE LA AUDITORÍA", "3"),
        ("o SERVIDORES PÚBLICOS QUE INTERVINIERON EN LA AUDITORÍA", "5"),
        ("O DICTAMEN DE LA AUDITORÍA", "8"),
    ],
)
def test_seccion_con_el_numero_del_cuadro_ilegible_en_un_escaneo(texto: str, valor: str) -> None:
    """El número en blanco dentro del cuadro verde, leído por el OCR como letras sueltas
    (escaneos de reservada-expediente 2191: faltaban los auditores y el dictamen)."""
    escaneada = Linea(texto, 1, 77.0, 0.0, 11.0, 11.0, ocr=True)
    encabezado = clasificar(escaneada)
    assert encabezado is not None
    assert (encabezado.etiqueta, encabezado.valor) == ("SECCION", valor)
    # En texto (no OCR), o si lo que sigue no es un título en mayúsculas, no.
    assert clasificar(linea(texto)) is None
    assert clasificar(Linea("El objetivo de la auditoría", 1, 77.0, 0, 11, 11.0, ocr=True)) is None
