"""Fragmentos de un informe redactado en prosa (maqueta reservada-narrativa): procedimientos con
su ordinal en palabras, bloques que presenta una frase, recomendaciones numeradas «PRIMERA.-»,
citas por ordinal, el cierre en letra más chica y los procedimientos en un anexo."""

from __future__ import annotations

import pytest

from extractores import estatus
from extractores.catalogos import ordinales
from extractores.segmentador import clasificar, partir_incisos, segmentar
from modelos.registros import Linea


def linea(
    texto: str,
    top: float = 0.0,
    x0: float = 60.0,
    tamano: float = 9.5,
    parrafo: bool = False,
    pagina: int = 1,
) -> Linea:
    return Linea(texto, pagina, x0, top, top + tamano, tamano, parrafo=parrafo)


def lineas(*textos: str, pagina: int = 1) -> list[Linea]:
    return [linea(t, top=72 + i * 14.0, pagina=pagina) for i, t in enumerate(textos)]


@pytest.mark.parametrize(
    ("texto", "numero", "area"),
    [
        ("Tercer procedimiento: Cobertura y Focalización", "3", "Cobertura y Focalización"),
        ("Primer procedimiento:", "1", ""),
        ("Décimo procedimiento", "10", ""),
        ("Decimo procedimiento: Diseño", "10", "Diseño"),  # sin acento
        ("Procedimiento tercero", "3", ""),
        ("PROCEDIMIENTO SEGUNDO: EFICACIA", "2", "EFICACIA"),
        ("Décimo primer procedimiento: Operación", "11", "Operación"),
        ("Vigésimo procedimiento", "20", ""),
        ("Tcrcer procedimiento: Eficiencia", "3", "Eficiencia"),  # OCR: una letra mal leída
    ],
)
def test_procedimiento_con_ordinal_en_palabras(texto: str, numero: str, area: str) -> None:
    encabezado = clasificar(linea(texto))
    assert encabezado is not None
    assert (encabezado.etiqueta, encabezado.valor, encabezado.area) == (
        "PROCEDIMIENTO",
        numero,
        area,
    )


def test_ordinal_a_media_oracion_no_es_encabezado() -> None:
    assert clasificar(linea("Primer procedimiento consistió en revisar el diagnóstico")) is None


def test_catalogo_de_ordinales() -> None:
    catalogo = ordinales()
    assert [catalogo.numero(p) for p in ("Tercer", "ÚNICA", "séptima", "décimo primero")] == [
        3,
        1,
        7,
        11,
    ]
    assert catalogo.numero("hola") is None
    assert catalogo.numero("primero décimo") is None


def test_bloques_que_presenta_una_frase() -> None:
    segmentos = segmentar(
        [
            linea("VI. Procedimientos de auditoría aplicados", parrafo=True),
            *lineas(
                "Segundo procedimiento: Percepción de la Población Atendida",
                "Identificación de la medición de la Percepción de la Población Atendida.",
                "De la aplicación de este procedimiento se obtuvieron los siguientes resultados:",
                "1. No presenta el padrón de beneficiarios.",
                "2. No presenta los instrumentos para medir la satisfacción.",
                "En consecuencia, la Auditoría Superior del Estado emite las siguientes",
                "recomendaciones:",
                "PRIMERA.- Elaborar el padrón de beneficiarios.",
                "SEGUNDA.- Diseñar instrumentos para medir la satisfacción de la población",
                "atendida.",
                "En respuesta, la entidad fiscalizada manifestó lo siguiente:",
                "A) En atención a la recomendación SEGUNDA, el ente público presenta el documento.",
            ),
        ]
    )
    [procedimiento] = segmentos.procedimientos
    assert procedimiento.numero == 2
    assert [(b.tipo, [x.texto[:12] for x in b.lineas]) for b in procedimiento.bloques] == [
        ("resultados", ["1. No presen", "2. No presen"]),
        ("recomendaciones", ["PRIMERA.- El", "SEGUNDA.- Di", "atendida."]),
        ("justificacion", ["A) En atenci"]),
    ]
    # La frase partida en dos renglones es encabezado entero: nada queda en los resultados.
    assert "En consecuencia, la Auditoría Superior del Estado emite las siguientes" in (
        procedimiento.consumido
    )


def test_frase_tras_el_encabezado_del_mismo_bloque_no_abre_otro() -> None:
    segmentos = segmentar(
        [
            linea("VI. Procedimientos de auditoría aplicados", parrafo=True),
            *lineas(
                "Procedimiento 1.",
                "Análisis del Diseño del Programa.",
                "Recomendaciones:",
                "Se emiten las siguientes recomendaciones:",
                "1. Elaborar el diagnóstico.",
            ),
        ]
    )
    [procedimiento] = segmentos.procedimientos
    assert [b.tipo for b in procedimiento.bloques] == ["recomendaciones"]
    incisos = partir_incisos(procedimiento.bloques[0].lineas)
    assert [x.texto for x in incisos.items] == ["Elaborar el diagnóstico."]


def test_la_entidad_no_presento_justificacion_es_un_bloque_sin_incisos() -> None:
    texto = (
        "La entidad fiscalizada no presentó justificación ni documentación respecto de lo "
        "señalado en este procedimiento."
    )
    segmentos = segmentar(
        [
            linea("VI. Procedimientos de auditoría aplicados", parrafo=True),
            *lineas(
                "Primer procedimiento: Diseño",
                "Análisis del Diseño del Programa.",
                "En consecuencia, la Auditoría Superior emite la siguiente recomendación:",
                "ÚNICA.- Elaborar el diagnóstico.",
                texto,
            ),
        ]
    )
    [procedimiento] = segmentos.procedimientos
    assert [b.tipo for b in procedimiento.bloques] == ["recomendaciones", "justificacion"]
    incisos = partir_incisos(procedimiento.bloques[1].lineas, con_cierre=True)
    assert incisos.items == []
    assert incisos.descartado == [texto]


@pytest.mark.parametrize(
    "textos",
    [
        ["PRIMERA.- Elaborar el diagnóstico del", "programa.", "SEGUNDA.- Diseñar el padrón."],
        ["Primera. Elaborar el diagnóstico del", "programa.", "Segunda. Diseñar el padrón."],
        ["PRIMERA: Elaborar el diagnóstico del", "programa.", "SEGUNDA: Diseñar el padrón."],
        # OCR: el punto doble («SÉPTIMA..-») y el acento perdido («SEGUNDA», «UNICA»).
        ["PRIMERA..- Elaborar el diagnóstico del", "programa.", "SEGUNDA..- Diseñar el padrón."],
    ],
)
def test_recomendaciones_con_ordinal_femenino(textos: list[str]) -> None:
    incisos = partir_incisos(lineas(*textos))
    assert [(x.numero, x.texto) for x in incisos.items] == [
        (1, "Elaborar el diagnóstico del programa."),
        (2, "Diseñar el padrón."),
    ]


@pytest.mark.parametrize(
    "unica", ["ÚNICA.- Elaborar el diagnóstico.", "UNICA.- Elaborar el diagnóstico."]
)
def test_recomendacion_unica(unica: str) -> None:
    incisos = partir_incisos(lineas(unica))
    assert [(x.numero, x.texto) for x in incisos.items] == [(1, "Elaborar el diagnóstico.")]


def test_ordinal_que_no_numera_no_abre_inciso() -> None:
    incisos = partir_incisos(lineas("1. Primera etapa del programa sin metas.", "Segunda parte."))
    assert len(incisos.items) == 1


@pytest.mark.parametrize(
    ("texto", "referidas"),
    [
        ("En atención a la recomendación SEGUNDA, el ente público presenta el documento.", [2]),
        (
            "En atención a las recomendaciones PRIMERA y TERCERA, el ente presenta evidencia.",
            [1, 3],
        ),
        (
            "En atención a las recomendaciones PRIMERA, SEGUNDA y QUINTA, el ente presenta.",
            [1, 2, 5],
        ),
        ("Atendiendo a la recomendación ÚNICA, se presenta la evidencia correspondiente.", [1]),
        ("El ente presenta documentación en atención a la recomendación séptima.", [7]),
    ],
)
def test_referencias_por_ordinal(texto: str, referidas: list[int]) -> None:
    assert estatus.referencias_numericas(texto, 8) == referidas


def test_cierre_en_letra_mas_chica_y_sangrado_se_separa() -> None:
    # El cierre, un punto más chico y sangrado, tras una justificación de un renglón: es otro
    # párrafo aunque no se marque como tal; las palabras (un veredicto) lo confirman.
    incisos = partir_incisos(
        [
            linea("A) En atención a la recomendación emitida, el ente presenta evidencia.", 72),
            linea(
                "Con los elementos aportados, esta Auditoría Superior considera atendida la",
                86,
                x0=87.5,
                tamano=8.5,
            ),
            linea("recomendación a la que se contrae la respuesta de la entidad.", 98, 87.5, 8.5),
        ],
        con_cierre=True,
    )
    assert [x.texto for x in incisos.items] == [
        "En atención a la recomendación emitida, el ente presenta evidencia."
    ]
    assert incisos.cierre == [
        "Con los elementos aportados, esta Auditoría Superior considera atendida la "
        "recomendación a la que se contrae la respuesta de la entidad."
    ]


def test_cierre_en_letra_mas_chica_sin_veredicto_deja_la_duda() -> None:
    incisos = partir_incisos(
        [
            linea("A) En atención a la recomendación emitida, el ente presenta evidencia.", 72),
            linea(
                "Con los elementos aportados, la Auditoría Superior del Estado revisó la",
                86,
                x0=87.5,
                tamano=8.5,
            ),
            linea("recomendación a la que se contrae la respuesta de la entidad.", 98, 87.5, 8.5),
        ],
        con_cierre=True,
    )
    assert incisos.cierre == []
    assert any("parece el cierre" in duda for duda in incisos.dudas)


def _informe_con_anexo() -> list[Linea]:
    cuerpo = [
        linea(
            "PROCEDIMIENTOS DE AUDITORÍA APLICADOS, RESULTADOS Y RECOMENDACIONES", 72, 90, 10, True
        ),
        linea("Los procedimientos de auditoría aplicados y sus resultados se detallan en el", 90),
        linea("Anexo Único de este Informe Individual.", 104),
        linea("OBSERVACIONES, RECOMENDACIONES Y ACCIONES PROMOVIDAS", 130, 140, 10, True),
        linea("Se turnó el OFICIO No. ASE/AED/0659/2020 de fecha 6 de diciembre de 2020.", 144),
        linea("DICTAMEN", 170, 280, 10, True),
        linea("En conclusión, el Programa NO CUMPLIÓ con los objetivos.", 184),
        linea("EL AUDITOR SUPERIOR DEL ESTADO", 230, 229, 9.5, True),
    ]
    anexo = [
        linea("ANEXO ÚNICO", 60, 355, 11.5, True, pagina=2),
        linea(
            "PROCEDIMIENTOS DE AUDITORÍA APLICADOS, RESULTADOS Y RECOMENDACIONES",
            76,
            61,
            11.5,
            pagina=2,
        ),
        linea("Primer procedimiento: Diseño", 100, 60, 10.5, True, pagina=2),
        linea("Análisis y evaluación del Diseño del Programa.", 114, pagina=2),
        linea(
            "De la aplicación de este procedimiento se obtuvo el siguiente resultado:",
            128,
            pagina=2,
        ),
        linea("1. No presenta el diagnóstico.", 142, pagina=2),
    ]
    return cuerpo + anexo


def test_procedimientos_en_el_anexo_tras_la_firma() -> None:
    segmentos = segmentar(_informe_con_anexo())
    assert segmentos.en_anexo
    [procedimiento] = segmentos.procedimientos
    assert (procedimiento.numero, procedimiento.area, procedimiento.pagina) == (1, "Diseño", 2)
    assert [b.tipo for b in procedimiento.bloques] == ["resultados"]
    # Las secciones VII y VIII quedan con lo suyo; el anexo no entra en el dictamen.
    assert [x.texto[:12] for x in segmentos.secciones[7]] == ["PROMOVIDAS", "Se turnó el "]
    assert [x.texto[:12] for x in segmentos.secciones[8]] == ["En conclusió", "EL AUDITOR S"]


def test_anexo_con_procedimientos_ya_leidos_no_reabre_la_seccion() -> None:
    lineas_ = [
        linea("VI. Procedimientos de auditoría aplicados", 60, parrafo=True),
        linea("Procedimiento 1.", 74, parrafo=True),
        linea("Resultados:", 88, parrafo=True),
        linea("1. No presenta el diagnóstico.", 102),
        linea("VIII. Dictamen", 130, parrafo=True),
        linea("El Programa cumplió.", 144),
        linea("ANEXO 1", 60, parrafo=True, pagina=2),
        linea("Procedimiento 2.", 74, parrafo=True, pagina=2),
    ]
    segmentos = segmentar(lineas_)
    assert not segmentos.en_anexo
    assert [p.numero for p in segmentos.procedimientos] == [1]
