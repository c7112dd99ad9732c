"""Fragmentos: cada variante de encabezado, numeración y frase de estatus que soportamos."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from extractores import ase_tamaulipas_desempeno, estatus, limpieza, segmentador
from extractores.segmentador import NUMERACION, clasificar, partir_incisos, segmentar
from modelos.registros import Informe, Linea, Pagina, Procedimiento, Recomendacion


def linea(texto: str, pagina: int = 1, x0: float = 71.0, top: float = 0.0, parrafo=True) -> Linea:
    return Linea(texto, pagina, x0, top, top + 11, 11.0, parrafo=parrafo)


def lineas(*textos: str) -> list[Linea]:
    return [linea(t, top=i * 14.0, parrafo=False) for i, t in enumerate(textos)]


@pytest.mark.parametrize(
    ("texto", "etiqueta", "valor"),
    [
        ("I. Resumen Ejecutivo", "SECCION", "1"),
        ("RESUMEN EJECUTIVO", "SECCION", "1"),
        ("!. Resumen Ejecutivo", "SECCION", "1"),  # OCR leyó «I» como «!»
        ("II. Criterios de selección", "SECCION", "2"),
        ("II Criterios de Seleccion", "SECCION", "2"),
        ("III. Objetivo", "SECCION", "3"),
        ("Objetivos:", "SECCION", "3"),
        ("IV. Alcance", "SECCION", "4"),
        ("V. Servidores públicos que intervinieron en la Auditoría", "SECCION", "5"),
        ("VI. Procedimientos de auditoría aplicados, resultados y recomendaciones", "SECCION", "6"),
        ("VII. Observaciones, Recomendaciones y Acciones Promovidas", "SECCION", "7"),
        ("VIII. Dictamen", "SECCION", "8"),
        ("VIII.- DICTAMEN", "SECCION", "8"),
        ("Dictamen", "SECCION", "8"),
        ("Procedimiento 1.", "PROCEDIMIENTO", "1"),
        ("PROCEDIMIENTO 12:", "PROCEDIMIENTO", "12"),
        ("Procedimiento No. 3", "PROCEDIMIENTO", "3"),
        ("Procedimiento 4.- Análisis de la Operación", "PROCEDIMIENTO", "4"),
        ("Resultado.", "BLOQUE", "resultados"),
        ("Resultados", "BLOQUE", "resultados"),
        ("RESULTADOS:", "BLOQUE", "resultados"),
        ("Resultado(s).", "BLOQUE", "resultados"),
        ("Recomendación.", "BLOQUE", "recomendaciones"),
        ("Recomendaciones", "BLOQUE", "recomendaciones"),
        ("RECOMENDACIONES:", "BLOQUE", "recomendaciones"),
        ("Justificación.", "BLOQUE", "justificacion"),
        ("JUSTIFICACIÓN", "BLOQUE", "justificacion"),
        ("Justificaciones:", "BLOQUE", "justificacion"),
        ("Justificacion", "BLOQUE", "justificacion"),
        # Regresión (maqueta reservada): «.-» pegado a la última palabra del encabezado.
        ("JUSTIFICACIÓN DE LA ENTIDAD FISCALIZADA.-", "BLOQUE", "justificacion"),
        ("RESULTADOS OBTENIDOS.-", "BLOQUE", "resultados"),
        ("RECOMENDACIÓN.-", "BLOQUE", "recomendaciones"),
        # OCR: «Procedimiento :1», «Procedimiento E» (el número ilegible es el que sigue).
        ("PROCEDIMIENTO :1", "PROCEDIMIENTO", "1"),
        ("Procedimiento E", "PROCEDIMIENTO", "?"),
        ("Procedimiento $8.-", "PROCEDIMIENTO", "8"),  # una mota leída como «$» antes del 8
        ("Procedimiento 4.2", "PROCEDIMIENTO", "4"),  # OCR: «4.-» leído como «4.2»
        ("Procedimiento Ya", "PROCEDIMIENTO", "?"),  # OCR: número ilegible de dos letras
        # Secciones numeradas en arábigos con mayúsculas de título (maqueta reservada-romana).
        ("1. Resumen Ejecutivo", "SECCION", "1"),
        ("7. Observaciones, Recomendaciones y Acciones Promovidas", "SECCION", "7"),
        ("8. Dictamen", "SECCION", "8"),
        ("6. Procedimientos de Auditoría Aplicados, Resultados y Recomendaciones", "SECCION", "6"),
        # Como los escriben otros informes: el número en romanos o antes de la palabra, «de
        # auditoría», y bloques con otro nombre.
        ("PROCEDIMIENTO III", "PROCEDIMIENTO", "3"),
        ("Procedimiento VI.", "PROCEDIMIENTO", "6"),
        ("3. Procedimiento", "PROCEDIMIENTO", "3"),
        ("Procedimiento de auditoría 3", "PROCEDIMIENTO", "3"),
        ("Procedimiento número 5", "PROCEDIMIENTO", "5"),
        ("Recomendaciones emitidas:", "BLOQUE", "recomendaciones"),
        ("Recomendaciones de la ASE al ente fiscalizado", "BLOQUE", "recomendaciones"),
        ("Hallazgos:", "BLOQUE", "resultados"),
        ("Justificaciones y aclaraciones de la entidad fiscalizada:", "BLOQUE", "justificacion"),
        ("Aclaraciones y justificaciones", "BLOQUE", "justificacion"),
        ("Respuesta del ente auditado:", "BLOQUE", "justificacion"),
        # Maqueta reservada-portada: el recuadro de la valoración abre con este título.
        ("Valoración de la Auditoría Superior del Estado", "BLOQUE", "valoracion"),
        ("Hallazgo", "BLOQUE", "resultados"),
        ("Respuesta del ente fiscalizado", "BLOQUE", "justificacion"),
        ("Justificación presentada por el ente público", "BLOQUE", "justificacion"),
        # Maqueta reservada-consecutiva: encabezados de bloque de un Word con estilos.
        ("Argumentos y documentación presentados por el ente", "BLOQUE", "justificacion"),
        ("Recomendaciones de mejora", "BLOQUE", "recomendaciones"),
        ("Valoración de la justificación:", "BLOQUE", "valoracion"),
        ("Análisis de la respuesta", "BLOQUE", "valoracion"),
        ("Conclusión:", "BLOQUE", "valoracion"),
        # Vocabulario de otros órganos de fiscalización (no de una maqueta): «sujeto
        # fiscalizado», «observaciones», la postura o las aclaraciones del ente, la valoración
        # final.
        ("Observaciones determinadas:", "BLOQUE", "resultados"),
        ("OBSERVACIÓN", "BLOQUE", "resultados"),
        ("Situación encontrada", "BLOQUE", "resultados"),
        ("Hechos observados:", "BLOQUE", "resultados"),
        ("Descripción del hallazgo:", "BLOQUE", "resultados"),
        ("Recomendaciones para el ente fiscalizado", "BLOQUE", "recomendaciones"),
        ("Postura del sujeto fiscalizado:", "BLOQUE", "justificacion"),
        ("Respuesta del sujeto obligado", "BLOQUE", "justificacion"),
        ("Aclaraciones de la entidad fiscalizada", "BLOQUE", "justificacion"),
        ("Comentarios del Municipio", "BLOQUE", "justificacion"),
        ("Respuesta a las recomendaciones", "BLOQUE", "justificacion"),
        ("Atención a la recomendación:", "BLOQUE", "justificacion"),
        ("Información y documentación presentada por la entidad", "BLOQUE", "justificacion"),
        ("Valoración final", "BLOQUE", "valoracion"),
        ("Determinación de la ASE:", "BLOQUE", "valoracion"),
        # La sección de procedimientos con el nombre de sus resultados (con numeral romano; sin
        # él, es el bloque de resultados).
        ("VI. Resultados de la Auditoría", "SECCION", "6"),
        ("VI.- RESULTADOS Y RECOMENDACIONES", "SECCION", "6"),
        ("Resultados de la auditoría", "BLOQUE", "resultados"),
        # Un formato controlado: secciones con letra (la de la sección que nombran las
        # palabras), aspectos susceptibles de mejora, posicionamiento y pronunciamiento.
        ("A. Resumen Ejecutivo", "SECCION", "1"),
        ("F. Procedimientos de Auditoría Aplicados, Resultados y Recomendaciones", "SECCION", "6"),
        ("G. Observaciones, Recomendaciones y Acciones Promovidas", "SECCION", "7"),
        ("H. Dictamen", "SECCION", "8"),
        ("Aspectos Susceptibles de Mejora (ASM)", "BLOQUE", "recomendaciones"),
        ("Aspecto Susceptible de Mejora", "BLOQUE", "recomendaciones"),
        ("Posicionamiento de la entidad fiscalizada", "BLOQUE", "justificacion"),
        ("Pronunciamiento de la Auditoría Superior", "BLOQUE", "valoracion"),
    ],
)
def test_encabezados(texto: str, etiqueta: str, valor: str) -> None:
    encabezado = clasificar(linea(texto))
    assert encabezado is not None, texto
    assert (encabezado.etiqueta, encabezado.valor) == (etiqueta, valor)


@pytest.mark.parametrize(
    "texto",
    [
        "De acuerdo al resultado de la última evaluación",
        "Resultados del programa en el ejercicio 2020 muestran avances",
        "Procedimientos internos del ente",
        "Recomendaciones emitidas por la ASE en el ejercicio anterior",
        "Procedimiento de",
        # Un numeral arábigo que no es el de la sección que nombran las palabras: un inciso.
        "3. Dictamen",
        "2. Observaciones, recomendaciones y acciones promovidas",
        # Oraciones que empiezan con las palabras de un encabezado de bloque nuevo.
        "Observaciones realizadas al programa durante el ejercicio",
        "Situación encontrada en la visita a las oficinas del ente",
        "Respuesta del ente fiscalizado mediante el oficio número 123/2021",
        "Evaluación del desempeño",
        # La letra de otra sección que la que nombran las palabras: un inciso.
        "B. Dictamen",
        "D. Criterios de selección",
    ],
)
def test_no_son_encabezados(texto: str) -> None:
    assert clasificar(linea(texto)) is None


def test_palabra_partida_no_es_encabezado() -> None:
    """«resultados.» al final de un renglón partido no abre un bloque."""
    texto = lineas(
        "Procedimiento 1.",
        "Resultados.",
        "1. No presenta la MIR como herramienta de planeación y orientación a",
        "resultados.",
        "2. Presenta documento.",
    )
    procedimiento = segmentar(texto).procedimientos[0]
    assert [b.tipo for b in procedimiento.bloques] == ["resultados"]


@pytest.mark.parametrize(
    ("texto", "numero", "resto"),
    [
        ("1. De acuerdo", 1, "De acuerdo"),
        ("1.- Formalizar un Programa", 1, "Formalizar un Programa"),
        ("2) Reforzar la cultura", 2, "Reforzar la cultura"),
        ("3.-Atender las deficiencias", 3, "Atender las deficiencias"),
        ("4 .- Identificar la asociación", 4, "Identificar la asociación"),
        ("10. Diseñar la MIR", 10, "Diseñar la MIR"),
        ("a) Diseñar el diagnóstico", 1, "Diseñar el diagnóstico"),
        ("(3) Presentar el análisis", 3, "Presentar el análisis"),
        ("(b) Presentar el árbol", 2, "Presentar el árbol"),
        # Incisos en números romanos (maqueta reservada-romana).
        ("I. No presenta un sistema de control", 1, "No presenta un sistema de control"),
        ("IV. Cuenta con las fichas técnicas", 4, "Cuenta con las fichas técnicas"),
        ("VIII.- Elaborar un análisis FODA", 8, "Elaborar un análisis FODA"),
        # Con su nombre y «No.»/«Núm.», como los numeran otros órganos de fiscalización.
        ("Recomendación No. 4: Elaborar el diagnóstico", 4, "Elaborar el diagnóstico"),
        ("Hallazgo 1. No cuenta con la MIR", 1, "No cuenta con la MIR"),
        ("OBSERVACIÓN NÚM. 2.- Carece de indicadores", 2, "Carece de indicadores"),
        # Formato controlado: dos cifras sin signo, y la clave del aspecto susceptible de mejora.
        ("01 Cuenta con un diagrama de flujo", 1, "Cuenta con un diagrama de flujo"),
        ("12 No presenta la MIR", 12, "No presenta la MIR"),
        ("ASM-02 Elaborar un manual", 2, "Elaborar un manual"),
        # Subnumerados por procedimiento (maqueta reservada-marginal): «3.2» es el inciso 2.
        ("3.2 Elaborar el diagnóstico", 2, "Elaborar el diagnóstico"),
        ("1.1 No presenta un sistema", 1, "No presenta un sistema"),
        # Letras con punto y guion (maqueta reservada-guiones, como sale de LibreOffice).
        ("b.- Implementar un manual", 2, "Implementar un manual"),
        # Como numeran otros procesadores de texto y otros informes.
        ("1.– Diseñar la MIR", 1, "Diseñar la MIR"),
        ("2.—Elaborar las fichas", 2, "Elaborar las fichas"),
        ("1° Diseñar la MIR", 1, "Diseñar la MIR"),
        ("2º.- Elaborar las fichas", 2, "Elaborar las fichas"),
        ("C) Integrar el árbol", 3, "Integrar el árbol"),
        ("b. Implementar un manual", 2, "Implementar un manual"),
        ("iii) Documentar el proceso", 3, "Documentar el proceso"),
        ("R1. Diseñar la MIR", 1, "Diseñar la MIR"),
        ("R-2 Elaborar las fichas", 2, "Elaborar las fichas"),
        ("Recomendación 3: Integrar el árbol", 3, "Integrar el árbol"),
        ("Resultado 2.- No presenta la MIR", 2, "No presenta la MIR"),
    ],
)
def test_numeracion(texto: str, numero: int, resto: str) -> None:
    coincidencia = NUMERACION.match(texto)
    assert coincidencia is not None
    assert segmentador.numero_de_inciso(coincidencia) == numero
    assert texto[coincidencia.end() :] == resto


@pytest.mark.parametrize(
    "texto",
    [
        "54.28 puntos del Control Interno.",
        "2020. Respecto",
        "1.5 millones",
        "IIII. Texto",
        "V.gr.",
        "a. m. del día",
        "Recomendación 3 emitida",
        # Dos cifras sin signo: sólo ante una palabra con mayúscula inicial.
        "20 de enero de 2021",
        "15 municipios del estado",
        "2021 Cuenta Pública",
    ],
)
def test_no_es_numeracion(texto: str) -> None:
    assert NUMERACION.match(texto) is None


def test_incisos_con_continuacion_y_salto_de_pagina() -> None:
    bloque = [
        linea("1. Diseñar y utilizar la MIR como una herramienta de planeación y", 5, 79.5, 700),
        linea("con indicadores estratégicos y de gestión.", 6, 96.5, 90),
        linea("2. Valorar la pertinencia de una evaluación externa.", 6, 96.5, 104, False),
    ]
    incisos = partir_incisos(bloque)
    assert [(i.numero, i.pagina) for i in incisos.items] == [(1, 5), (2, 6)]
    assert incisos.items[0].texto.endswith(
        "planeación y con indicadores estratégicos y de gestión."
    )


def test_cierre_al_margen_tras_justificaciones() -> None:
    bloque = [
        linea("1. El ente público presenta el diagrama de flujo.", 7, 79.5, 100),
        linea(
            "La recomendación mencionada se considera atendida con sustento en", 7, 71.0, 114, False
        ),
        linea("la evidencia exhibida.", 7, 71.0, 128, False),
    ]
    incisos = partir_incisos(bloque, con_cierre=True)
    assert len(incisos.items) == 1
    assert incisos.cierre == [
        "La recomendación mencionada se considera atendida con sustento en la evidencia exhibida."
    ]


def test_cierre_sin_sangria_por_parrafo() -> None:
    bloque = [
        linea("1. Se presenta el análisis FODA.", 7, 71.0, 100),
        linea("Las recomendaciones mencionadas se consideran atendidas.", 7, 71.0, 130, True),
    ]
    incisos = partir_incisos(bloque, con_cierre=True)
    assert incisos.cierre == ["Las recomendaciones mencionadas se consideran atendidas."]


def test_primer_numero_perdido_por_ocr() -> None:
    bloque = lineas("hs Formalizar un Programa de Control Interno.", "2. Reforzar la cultura.")
    incisos = partir_incisos(bloque)
    assert [(i.numero, i.texto) for i in incisos.items] == [
        (1, "Formalizar un Programa de Control Interno."),
        (2, "Reforzar la cultura."),
    ]


def test_bloque_sin_numeros_es_un_inciso() -> None:
    incisos = partir_incisos(lineas("El programa no cuenta con instrumentos", "de medición."))
    assert [(i.numero, i.texto) for i in incisos.items] == [
        (1, "El programa no cuenta con instrumentos de medición.")
    ]


def test_vinetas_sin_numeros_son_incisos_en_orden() -> None:
    incisos = partir_incisos(
        lineas(
            "• Diseñar el diagnóstico del Pp en atención a",
            "la MML.",
            "• Elaborar las fichas técnicas.",
            "▪ Integrar el árbol de problemas.",
        )
    )
    assert [(i.numero, i.texto) for i in incisos.items] == [
        (1, "Diseñar el diagnóstico del Pp en atención a la MML."),
        (2, "Elaborar las fichas técnicas."),
        (3, "Integrar el árbol de problemas."),
    ]


def test_vinetas_dentro_de_incisos_numerados_no_son_incisos() -> None:
    incisos = partir_incisos(
        lineas("1. Diseñar el diagnóstico con:", "• el árbol de problemas.", "2. Elaborar la MIR.")
    )
    assert [i.numero for i in incisos.items] == [1, 2]


# Cierres pegados a la última justificación, sin párrafo aparte ni otra sangría (alineados con
# sus renglones): las palabras deciden. Con redacción de una regla de cierre, sin duda; con otra
# redacción que da un veredicto sin citar recomendaciones, se separa igual y queda la duda.
@pytest.mark.parametrize(
    ("cierre", "con_duda"),
    [
        ("Se concluye que las recomendaciones no fueron atendidas.", False),
        ("En virtud de lo expuesto, se determina que la recomendación está solventada.", False),
        ("Derivado de la valoración efectuada, la ASE tiene por atendida la recomendación.", True),
        ("Conforme al análisis realizado, la recomendación permanece no atendida.", True),
        ("Resultado de la valoración: recomendación atendida.", True),
    ],
)
def test_cierre_pegado_por_sus_palabras(cierre: str, con_duda: bool) -> None:
    bloque = [
        linea("1. El ente público presenta el diagrama de flujo del proceso.", 7, 79.5, 100),
        linea(cierre, 7, 79.5, 114, False),
    ]
    incisos = partir_incisos(bloque, con_cierre=True)
    assert [i.texto for i in incisos.items] == [
        "El ente público presenta el diagrama de flujo del proceso."
    ]
    assert incisos.cierre == [cierre]
    assert bool(incisos.dudas) is con_duda


def test_veredicto_que_cita_su_recomendacion_no_es_cierre() -> None:
    bloque = [
        linea("1. El ente público presenta el diagrama de flujo del proceso.", 7, 79.5, 100),
        linea("Por lo anterior, la recomendación 1 se considera atendida.", 7, 79.5, 114, False),
    ]
    incisos = partir_incisos(bloque, con_cierre=True)
    assert incisos.cierre == [] and incisos.dudas == []
    assert incisos.items[0].texto.endswith("recomendación 1 se considera atendida.")


def test_valoracion_es_el_cierre_del_procedimiento() -> None:
    texto = lineas(
        "Procedimiento 1.",
        "Recomendaciones emitidas:",
        "1. Diseñar la MIR del programa.",
        "Respuesta del ente auditado:",
        "1. En atención a la recomendación número 1, el ente presenta la MIR.",
        "Valoración de la justificación:",
        "Con la evidencia presentada, la recomendación se considera atendida.",
    )
    crudo = segmentar(texto).procedimientos[0]
    assert [b.tipo for b in crudo.bloques] == ["recomendaciones", "justificacion", "valoracion"]
    alertas: list = []
    p = ase_tamaulipas_desempeno._procedimiento(crudo, alertas, segmentador.AJUSTES_POR_OMISION)
    assert p.cierre == ["Con la evidencia presentada, la recomendación se considera atendida."]
    assert [j.texto for j in p.justificaciones] == [
        "En atención a la recomendación número 1, el ente presenta la MIR."
    ]
    assert alertas == []


def test_valoracion_sin_justificacion_no_es_encabezado() -> None:
    texto = lineas("Procedimiento 1.", "Resultados:", "1. No presenta la MIR.", "Conclusión:")
    crudo = segmentar(texto).procedimientos[0]
    assert [b.tipo for b in crudo.bloques] == ["resultados"]


@pytest.mark.parametrize(
    "texto", ["No se emitieron recomendaciones.", "Sin recomendaciones.", "Ninguna.", "No aplica."]
)
def test_bloque_que_dice_que_no_hay_incisos(texto: str) -> None:
    assert partir_incisos(lineas(texto)).items == []


def test_guiones_y_rangos_al_unir() -> None:
    assert (
        segmentador.unir_lineas(["los instrumen-", "tos de medición"])
        == "los instrumentos de medición"
    )
    assert segmentador.unir_lineas(["Desarrollo (2016-", "2022)."]) == "Desarrollo (2016-2022)."
    assert (
        segmentador.unir_lineas(["mecanismos y/", "o instrumentos"])
        == "mecanismos y/o instrumentos"
    )


# --- Estatus -----------------------------------------------------------------------------------


def procedimiento(recomendaciones: list[str], justificaciones: list[str], cierre: list[str]):
    from modelos.registros import Justificacion

    return Procedimiento(
        numero=1,
        pagina=1,
        recomendaciones=[Recomendacion(i + 1, t, 1) for i, t in enumerate(recomendaciones)],
        justificaciones=[Justificacion(i + 1, t, 1) for i, t in enumerate(justificaciones)],
        cierre=cierre,
    )


TRES = [
    "Diseñar la MIR del programa con indicadores estratégicos y de gestión.",
    "Diseñar las Fichas Técnicas en atención a la MML.",
    "Presentar un análisis FODA del programa.",
]


@pytest.mark.parametrize(
    ("justificacion", "referencias"),
    [
        ("En atención a la recomendación número 1, el ente presenta evidencia.", [1]),
        ("Atendiendo a la recomendación 3, se presenta el análisis FODA.", [3]),
        ("En atención a las recomendaciones 1 y 3, presenta documentos.", [1, 3]),
        ("Respecto a las recomendaciones números 1, 2 y 3, presenta evidencia.", [1, 2, 3]),
        ("En atención a la recomendación No. 2, presenta las fichas.", [2]),
        ("El ente presenta el análisis FODA del programa.", [3]),  # por contenido
        ("Presenta la MIR del programa con indicadores. No presenta las Fichas Técnicas.", [1, 2]),
        ("Se practicó la evaluación del Control Interno.", []),
        ("En atención a la recomendación número dos, presenta las fichas.", [2]),
        ("Respecto de las recomendaciones uno y tres, presenta documentos.", [1, 3]),
        ("El ente ya cuenta con el análisis FODA del programa.", [3]),
        # OCR: la palabra «recomendación» ilegible, el número se lee.
        ("Atendiendo a la A número 2, se presenta la evidencia correspondiente.", [2]),
        ("En atención a la recomendación número +3, presenta el análisis.", [3]),
        ("En atención a la recomendación númeto 2, el ente público presenta oficios.", [2]),
        ("Atendiendo a lá recomendación rúmero 3, se presenta la evidencia.", [3]),
        ("En atención a la comedo número 3, sin embargo, no se considera atendida.", [3]),
        # Referencias en números romanos, sólo tras «recomendación número» o en una lista.
        ("Atendiendo a la recomendación número III, se presenta la evidencia.", [3]),
        ("En atención a las recomendaciones I y III, presenta la MIR.", [1, 3]),
        ("Respecto a las recomendaciones números I, II y III, presenta evidencia.", [1, 2, 3]),
        ("Se practicó la revisión del anexo V del Control Interno.", []),
        # Subnumeradas por procedimiento: «recomendaciones 1.2 y 1.3» son la 2 y la 3.
        ("Atendiendo a la recomendación número 1.3, se presenta la evidencia.", [3]),
        ("En atención a las recomendaciones 1.1 y 1.3, presenta la MIR.", [1, 3]),
    ],
)
def test_referencias(justificacion: str, referencias: list[int]) -> None:
    p = procedimiento(TRES, [justificacion], [])
    estatus.aplicar(p, respuesta_general=True)
    assert p.justificaciones[0].recomendaciones == referencias


def test_recomendacion_emitida_solo_si_hay_una() -> None:
    una = procedimiento(
        ["Implementar encuestas de satisfacción."],
        ["En atención a la recomendación emitida, presenta evidencia."],
        [],
    )
    estatus.aplicar(una, respuesta_general=True)
    assert una.justificaciones[0].recomendaciones == [1]
    assert una.recomendaciones[0].estatus == "atendida"


@pytest.mark.parametrize(
    ("frase", "estatus_esperado", "motivo"),
    [
        (
            "sin embargo, no se considera atendida ya que está mal diseñada.",
            "no atendida",
            "rechazada en justificación",
        ),
        ("por lo que no se consideran atendidas.", "no atendida", "rechazada en justificación"),
        ("por lo tanto, se considera no atendida.", "no atendida", "rechazada en justificación"),
        (
            "con lo anterior no se atiende la recomendación.",
            "no atendida",
            "rechazada en justificación",
        ),
        ("por lo que no fue atendida.", "no atendida", "rechazada en justificación"),
        ("por lo que se considera atendida.", "atendida", "aceptada en justificación"),
        ("con lo cual se solventa la recomendación.", "atendida", "aceptada en justificación"),
        ("por lo que se considera parcialmente atendida.", "sin determinar", ""),
        ("la recomendación se encuentra en proceso de atención.", "sin determinar", ""),
        ("por lo que queda pendiente de atender.", "no atendida", "rechazada en justificación"),
        ("por lo que persiste la observación.", "no atendida", "rechazada en justificación"),
        ("con lo cual quedó atendida.", "atendida", "aceptada en justificación"),
        # OCR: un punto de más dentro de la frase no la cambia.
        (
            "sin embargo, no. se considera atendida ya que",
            "no atendida",
            "rechazada en justificación",
        ),
        (
            "sin embargo, no se considera atendid.a ya que",
            "no atendida",
            "rechazada en justificación",
        ),
        # OCR: «no» leído «ho»; el verbo ilegible entre «se» y «atendida».
        (
            "sin embargo, ho se considera atendida ya que",
            "no atendida",
            "rechazada en justificación",
        ),
        ("sin embargo, no se cnsidra atendida ya que", "no atendida", "rechazada en justificación"),
        ("por lo que se pp atendida.", "atendida", "aceptada en justificación"),
        # Con la ASE por sujeto, o sólo el sustantivo con su participio.
        ("la ASE tiene por atendida la recomendación.", "atendida", "aceptada en justificación"),
        ("recomendación no atendida.", "no atendida", "rechazada en justificación"),
        # Otros verbos del veredicto y «cumplida»; «como» entre el verbo y el participio.
        ("por lo que se estima atendida.", "atendida", "aceptada en justificación"),
        ("por lo que se califica como solventada.", "atendida", "aceptada en justificación"),
        ("en consecuencia, se declara cumplida.", "atendida", "aceptada en justificación"),
        ("por lo que no se da por cumplida.", "no atendida", "rechazada en justificación"),
        ("sin embargo, no se estima solventada.", "no atendida", "rechazada en justificación"),
        # El seguimiento: se da de baja o se mantiene; el cierre de la recomendación; archivarla.
        (
            "la cual se da de baja del registro de seguimiento.",
            "atendida",
            "aceptada en justificación",
        ),
        (
            "la cual se mantiene en el registro de seguimiento.",
            "no atendida",
            "rechazada en justificación",
        ),
        (
            "la ASE determina el cierre de la recomendación.",
            "atendida",
            "aceptada en justificación",
        ),
        (
            "determina que no es factible el cierre de la recomendación, que sigue vigente.",
            "no atendida",
            "rechazada en justificación",
        ),
        ("en consecuencia, se archiva como resuelta.", "atendida", "aceptada en justificación"),
        (
            "en consecuencia, no se archiva y su seguimiento continuará.",
            "no atendida",
            "rechazada en justificación",
        ),
        (
            "no se acredita que la entidad fiscalizada corrigiera lo señalado.",
            "no atendida",
            "rechazada en justificación",
        ),
    ],
)
def test_frases_de_estatus(frase: str, estatus_esperado: str, motivo: str) -> None:
    p = procedimiento(TRES, [f"En atención a la recomendación número 1, {frase}"], [])
    estatus.aplicar(p, respuesta_general=False)
    assert (p.recomendaciones[0].estatus, p.recomendaciones[0].motivo) == (estatus_esperado, motivo)
    assert p.recomendaciones[1].motivo == "no mencionada en justificación"


def test_cierre_decide_si_la_justificacion_calla() -> None:
    p = procedimiento(
        TRES,
        ["En atención a la recomendación número 3, presenta el análisis."],
        ["La recomendación mencionada no se considera atendida."],
    )
    estatus.aplicar(p, respuesta_general=True)
    assert p.recomendaciones[2].estatus == "no atendida"
    assert p.recomendaciones[2].motivo == "rechazada en justificación"


def test_sin_cierre_ni_respuesta_general_es_sin_determinar() -> None:
    p = procedimiento(TRES, ["En atención a la recomendación número 3, presenta el análisis."], [])
    estatus.aplicar(p, respuesta_general=False)
    assert p.recomendaciones[2].estatus == "sin determinar"


def test_sin_justificacion_todas_no_mencionadas() -> None:
    p = procedimiento(TRES, [], [])
    estatus.aplicar(p, respuesta_general=True)
    assert {r.motivo for r in p.recomendaciones} == {"no mencionada en justificación"}
    assert {r.estatus for r in p.recomendaciones} == {"no atendida"}


def test_cierre_contradictorio_da_alerta() -> None:
    p = procedimiento(
        TRES,
        [
            "Presenta la MIR en atención a la recomendación número 1, sin embargo, "
            "no se considera atendida."
        ],
        ["Las recomendaciones mencionadas se consideran atendidas con sustento en la evidencia."],
    )
    alertas = estatus.aplicar(p, respuesta_general=True)
    assert p.recomendaciones[0].estatus == "no atendida"
    assert [a.tipo for a in alertas] == ["cierre contradice justificación"]
    assert (
        "la justificación 1 dice que la recomendación 1 no se considera atendida"
        in alertas[0].detalle
    )


@pytest.mark.parametrize(
    ("texto", "dictamen"),
    [
        ("En conclusión, éste SÍ CUMPLIÓ con los objetivos del programa.", "cumplió"),
        ("En conclusión, el programa NO CUMPLIÓ con los objetivos.", "no cumplió"),
        (
            "Esta Auditoría se abstiene de emitir una opinión sobre el desempeño.",
            "se abstiene de opinar",
        ),
        ("Por las limitaciones, se emite una abstención de opinión.", "se abstiene de opinar"),
        ("La auditoría se practicó para verificar el cumplimiento de metas.", ""),
    ],
)
def test_dictamen(texto: str, dictamen: str) -> None:
    from extractores.dictamen import dictamen as _dictamen

    assert _dictamen(texto)[0] == dictamen


@pytest.mark.parametrize(
    ("texto", "corregido"),
    [
        (
            "En atención a las recomendaciones $ y 6, presenta",
            "En atención a las recomendaciones 5 y 6, presenta",
        ),
        (
            "En atención a la recomendación l, presenta",
            "En atención a la recomendación 1, presenta",
        ),
        ("las recomendaciones 2 y $.", "las recomendaciones 2 y 5."),
        ("las recomendaciones y otras acciones", "las recomendaciones y otras acciones"),
    ],
)
def test_numero_de_referencia_mal_leido_por_ocr(texto: str, corregido: str) -> None:
    assert estatus.corregir_digitos_ocr(texto) == corregido


def test_numeral_romano_mal_leido_por_ocr() -> None:
    encabezado = clasificar(linea("VIM. Dictamen"))
    assert encabezado is not None and (encabezado.etiqueta, encabezado.valor) == ("SECCION", "8")


@pytest.mark.parametrize(
    ("texto", "esperada"),
    [
        ("mediante el oficio de fecha 18 de enero de 2022", "2022-01-18"),
        ("recibido el 9 de diciembre del 2020", "2020-12-09"),
        ("con fecha 18/01/2022 se notificó", "2022-01-18"),
        ("con fecha 8-2-2022 se notificó", "2022-02-08"),
        ("el 31 de febrero de 2022", None),
    ],
)
def test_fechas(texto: str, esperada: str | None) -> None:
    from extractores.texto import primera_fecha

    assert primera_fecha(texto) == esperada


@pytest.mark.parametrize(
    "texto", ["Justificación de la entidad fiscalizada:", "Resultados obtenidos:"]
)
def test_encabezados_de_bloque_largos(texto: str) -> None:
    assert clasificar(linea(texto)).etiqueta == "BLOQUE"


def test_numero_de_procedimiento_ilegible_es_el_que_sigue() -> None:
    texto = lineas(
        "Procedimiento 7.", "Resultados.", "1. Uno.", "Procedimiento $.", "Resultados.", "1. Dos."
    )
    assert [p.numero for p in segmentar(texto).procedimientos] == [7, 8]


@pytest.mark.parametrize(
    ("leido", "numero"),
    [("ASE/AED/O770/2026.", "ASE/AED/0770/2026"), ("DIF/DGO/46/2026", "DIF/DGO/46/2026"),
     ("CVASE LXIV/2020 008", "CVASE LXIV/2020 008")],
)  # fmt: skip
def test_numero_de_oficio_con_o_por_cero(leido: str, numero: str) -> None:
    from extractores.oficios import numero_de_oficio as _numero_de_oficio

    assert _numero_de_oficio(leido) == numero


def test_primer_inciso_escaneado_con_numero_mal_leido() -> None:
    bloque = lineas(
        "4. En atención a la recomendación número 1, presenta.", "2. Presenta el análisis."
    )
    for renglon in bloque:
        renglon.ocr = True
    incisos = partir_incisos(bloque)
    assert [(i.numero, i.texto[:11]) for i in incisos.items] == [
        (1, "En atención"),
        (2, "Presenta el"),
    ]


def test_bloque_con_punto_y_guion_no_deja_resto() -> None:
    encabezado = clasificar(linea("JUSTIFICACIÓN DE LA ENTIDAD FISCALIZADA.-"))
    assert encabezado is not None and encabezado.resto == ""


@pytest.mark.parametrize(
    ("texto", "limpio"),
    [
        ("'5) Elaborar reportes trimestrales.", "5) Elaborar reportes trimestrales."),
        (
            ".2) En atención a las recomendaciones 4 y 5",
            "2) En atención a las recomendaciones 4 y 5",
        ),
        ("sustento en la evidencia exhibida. — -", "sustento en la evidencia exhibida."),
        ("Justificación |", "Justificación"),
        ("Resultados. Ñ", "Resultados."),
        ("RECOMENDACIONES q", "RECOMENDACIONES"),
        ("j Recomendaciones.", "Recomendaciones."),
        ("a las recomendaciones 2y6, el ente", "a las recomendaciones 2 y 6, el ente"),
        ("para el personal operativo. /", "para el personal operativo."),
        # El guion que queda de «7.-» ilegible se conserva: lo decide la segmentación.
        ("- Integrar el árbol de problemas", "- Integrar el árbol de problemas"),
        ("- 2) El programa no cuenta", "2) El programa no cuenta"),
        ("Interno de la entidad. í", "Interno de la entidad."),
        ("presenta oficios de instrucción. 1", "presenta oficios de instrucción."),
        ("mediante el Oficio No. 1", "mediante el Oficio No. 1"),
        ("con fecha 5 de'septiembre de 2019", "con fecha 5 de septiembre de 2019"),
        (
            "“Ciudad Victoria, Tamaulipas, a 12 de mayo de 2022",
            "Ciudad Victoria, Tamaulipas, a 12 de mayo de 2022",
        ),
    ],
)
def test_ruido_de_ocr_en_los_bordes(texto: str, limpio: str) -> None:
    from extractores.limpieza import quitar_ruido_ocr

    assert quitar_ruido_ocr(texto) == limpio


def test_incisos_con_numero_ilegible_en_un_escaneo() -> None:
    """«Ze Documentar…» (2) y una línea sin número (3) antes del «4.»: se recuperan."""
    bloque = [
        Linea(t, 1, 70.0, i * 14.0, i * 14.0 + 10, 10.0, ocr=True)
        for i, t in enumerate(
            [
                "1. Elaborar un manual de procedimientos.",
                "Ze Documentar un análisis FODA.",
                "Integrar un padrón de beneficiarios.",
                "4. Diseñar la vinculación del programa.",
            ]
        )
    ]
    incisos = partir_incisos(bloque)
    assert [(i.numero, i.texto) for i in incisos.items] == [
        (1, "Elaborar un manual de procedimientos."),
        (2, "Documentar un análisis FODA."),
        (3, "Integrar un padrón de beneficiarios."),
        (4, "Diseñar la vinculación del programa."),
    ]


def _escaneadas(*textos: str) -> list[Linea]:
    return [
        Linea(t, 1, 70.0, i * 14.0, i * 14.0 + 10, 10.0, ocr=True) for i, t in enumerate(textos)
    ]


@pytest.mark.parametrize(
    ("texto", "valor"),
    [
        ("Resultados. Í", "resultados"),
        ("RECOMENDACIONES. Ñ Ú", "recomendaciones"),
        ("JUSTIFICACIÓN. Ae 5", "justificacion"),
        ("Recomendaciones. 0", "recomendaciones"),
        ("Justificación j", "justificacion"),
    ],
)
def test_encabezado_de_bloque_con_residuo_de_ocr(texto: str, valor: str) -> None:
    """Motas leídas como letras tras el encabezado escaneado: se descartan con él."""
    encabezado = clasificar(_escaneadas(texto)[0])
    assert encabezado is not None and (encabezado.valor, encabezado.resto) == (valor, "")
    assert clasificar(linea(texto)) is None  # en un PDF de texto no se adivina


@pytest.mark.parametrize(
    "texto", ["Resultados. El programa no cuenta con padrón.", "Resultados. El", "Justificación y"]
)
def test_encabezado_de_bloque_seguido_de_texto_no_es_residuo(texto: str) -> None:
    assert clasificar(_escaneadas(texto)[0]) is None


def test_numero_de_inciso_tras_un_residuo_de_ocr() -> None:
    """«¡ 3. No se aprecia…», «y c) Integrar…»: el que sigue, tras una mota o una letra suelta."""
    numeros = partir_incisos(
        _escaneadas(
            "1. Elaborar un manual.", "2. Diseñar el árbol.", "¡ 3. No se aprecia el padrón."
        )
    )
    assert [(i.numero, i.texto) for i in numeros.items] == [
        (1, "Elaborar un manual."), (2, "Diseñar el árbol."), (3, "No se aprecia el padrón."),
    ]  # fmt: skip
    letras = partir_incisos(
        _escaneadas("a) Diseñar el árbol.", "b) Documentar el padrón.", "y c) Integrar el FODA.")
    )
    assert [(i.numero, i.texto) for i in letras.items] == [
        (1, "Diseñar el árbol."), (2, "Documentar el padrón."), (3, "Integrar el FODA."),
    ]  # fmt: skip
    assert "y c) " in letras.descartado


def test_cierre_con_una_letra_de_mas_en_apartado() -> None:
    assert (
        segmentador.clase_de_cierre(
            "La recomendación mencionada en el alpartado de justificación no se considera atendida"
        )
        == "inconfundible"
    )


def test_respuesta_general_con_punto_pegado() -> None:
    from extractores.ase_tamaulipas_desempeno import PUNTUACION_ENTRE_LETRAS

    assert PUNTUACION_ENTRE_LETRAS.sub(" ", "de aquellas que.no se mencionaron") == (
        "de aquellas que no se mencionaron"
    )


def test_numero_de_inciso_sin_punto_en_un_escaneo() -> None:
    incisos = partir_incisos(
        _escaneadas(
            "1.- Presenta el padrón.", "2.- No se aprecia el FODA.", "3 No se aprecia la MIR."
        )
    )
    assert [(i.numero, i.texto) for i in incisos.items][-1] == (3, "No se aprecia la MIR.")


def test_lista_que_reinicia_tras_un_encabezado_ilegible() -> None:
    """«COM paliasd» es el encabezado «RECOMENDACIONES» ilegible; «l.-» es el 1 que reinicia."""
    incisos = partir_incisos(
        _escaneadas(
            "1.- No presenta el FODA.",
            "2.- No presenta un padrón de",
            "beneficiarios.",
            "COM paliasd",
            "l.- Implementar el diagnóstico.",
        ),
        puede_reiniciar=True,
    )
    assert [(i.numero, i.texto) for i in incisos.items] == [
        (1, "No presenta el FODA."), (2, "No presenta un padrón de beneficiarios."),
    ]  # fmt: skip
    assert [x.texto for x in incisos.reinicio] == ["l.- Implementar el diagnóstico."]
    assert "COM paliasd" in incisos.descartado


def test_encabezado_de_bloque_tras_renglon_sin_punto_abre_lista() -> None:
    """«…Términos de REN,» (el OCR perdió «Referencia.»): «Resultados.» sigue siendo encabezado
    porque le sigue el inciso 1."""
    texto = _escaneadas(
        "Procedimiento 3.",
        "Identificación de la Medición de Resultados conforme a los Términos de REN,",
        "Resultados.",
        "1. No presenta un padrón de beneficiarios.",
        "Recomendaciones.",
        "1. Elaborar un padrón.",
    )
    procedimiento = segmentar(texto).procedimientos[0]
    assert [b.tipo for b in procedimiento.bloques] == ["resultados", "recomendaciones"]


def test_cierre_tras_una_mota() -> None:
    bloque = _escaneadas(
        "1. De acuerdo con el Oficio No. ASE/AEA/468/2023, se practicó la evaluación.",
        "í En virtud de lo expuesto, la recomendación se considera atendida con la",
        "documentación presentada por el ente público.",
    )
    incisos = partir_incisos(bloque, con_cierre=True)
    assert [i.texto for i in incisos.items] == [
        "De acuerdo con el Oficio No. ASE/AEA/468/2023, se practicó la evaluación."
    ]
    assert len(incisos.cierre) == 1


def test_ultimo_inciso_con_numero_ilegible_se_separa_con_duda() -> None:
    """«CA Integrar…» por «3.- Integrar…» en el último inciso: nadie confirma el número."""
    incisos = partir_incisos(
        _escaneadas(
            "1 .- Integrar un sistema de control.",
            "2 .- Diseñar un programa de capacitación.",
            "CA Integrar la vinculación del programa con los objetivos del Plan Estatal de",
            "Desarrollo.",
        )
    )
    assert [(i.numero, i.texto[:30]) for i in incisos.items] == [
        (1, "Integrar un sistema de control"),
        (2, "Diseñar un programa de capacit"),
        (3, "Integrar la vinculación del pr"),
    ]
    assert any("no tiene número legible" in duda for duda in incisos.dudas)


def test_ultimo_inciso_con_solo_el_guion_del_numero() -> None:
    incisos = partir_incisos(
        _escaneadas(
            "1.- Integrar evidencia documental del presupuesto.",
            "2.- Integrar evidencia documental del presupuesto aprobado y ejercido.",
            "- Integrar el árbol de problemas y de objetivos.",
        )
    )
    assert [(i.numero, i.texto) for i in incisos.items][-1] == (
        3,
        "Integrar el árbol de problemas y de objetivos.",
    )


def test_oracion_nueva_sin_numero_ilegible_no_se_separa() -> None:
    incisos = partir_incisos(
        _escaneadas("1. Presenta la MIR, mal diseñada.", "Por otra parte, no presenta las fichas.")
    )
    assert len(incisos.items) == 1 and not incisos.dudas


def test_incisos_ilegibles_tras_un_renglon_residuo() -> None:
    """«está» + «o» (el OCR leyó «incompleto.» como «o»): la oración siguiente puede ser el
    inciso cuyo número se perdió."""
    incisos = partir_incisos(
        _escaneadas(
            "1.- Presenta evidencia documental, sin embargo, está",
            "o",
            "El programa no cuenta con la matriz de indicadores.",
            "3.- No presenta un diagrama de flujo.",
        )
    )
    assert [i.numero for i in incisos.items] == [1, 2, 3]
    assert incisos.items[1].texto == "El programa no cuenta con la matriz de indicadores."


def test_renglon_residuo_antes_del_primer_inciso() -> None:
    """«Se» (una mota al pie de la página anterior) antes del «1 .-»: no es un inciso."""
    incisos = partir_incisos(
        _escaneadas("Se", "1 .- Presenta un sistema de control.", "2 .- No presenta el padrón.")
    )
    assert [(i.numero, i.texto) for i in incisos.items] == [
        (1, "Presenta un sistema de control."),
        (2, "No presenta el padrón."),
    ]
    assert "Se" in incisos.descartado


def test_renglon_perdido_por_el_ocr_no_junta_los_incisos() -> None:
    """El OCR no leyó el renglón del «3.»: el 4 lo confirma el 5 que le sigue; queda la duda."""
    incisos = partir_incisos(
        _escaneadas(
            "1. Documentar un sistema.", "2. Integrar evidencia.", "4. Implementar.", "5. Dar."
        )
    )
    assert [(i.numero, i.texto) for i in incisos.items] == [
        (1, "Documentar un sistema."), (2, "Integrar evidencia."), (4, "Implementar."), (5, "Dar."),
    ]  # fmt: skip
    assert any("no leyó los de en medio" in duda for duda in incisos.dudas)


def test_numero_mal_leido_lo_corrige_el_siguiente() -> None:
    incisos = partir_incisos(
        _escaneadas("1. Documentar un sistema.", "8. Integrar evidencia.", "3. Implementar.")
    )
    assert [i.numero for i in incisos.items] == [1, 2, 3] and not incisos.dudas


def test_primeros_incisos_perdidos_por_el_ocr() -> None:
    incisos = partir_incisos(_escaneadas("2. Diseñar un padrón.", "3. Documentar un FODA."))
    assert [i.numero for i in incisos.items] == [2, 3] and incisos.dudas


def test_ultimo_inciso_con_numero_ilegible_con_signo() -> None:
    """«O: Elaborar…» por «5. Elaborar…»: «O» con dos puntos no es la palabra «o»."""
    incisos = partir_incisos(
        _escaneadas("1. Elaborar el diagnóstico.", "O: Elaborar un padrón de beneficiarios.")
    )
    assert [(i.numero, i.texto) for i in incisos.items][-1] == (
        2,
        "Elaborar un padrón de beneficiarios.",
    )


def test_lista_con_letras_que_reinicia_tras_encabezado_partido() -> None:
    incisos = partir_incisos(
        _escaneadas(
            "a) Implementar un sistema de control.",
            "b) Elaborar un análisis FODA.",
            "J ustificación:",
            "a) El ente público presenta el sistema de control.",
        ),
        puede_reiniciar=True,
    )
    assert [i.texto for i in incisos.items] == [
        "Implementar un sistema de control.",
        "Elaborar un análisis FODA.",
    ]
    assert [x.texto for x in incisos.reinicio] == [
        "a) El ente público presenta el sistema de control."
    ]


def test_primer_procedimiento_con_numero_mal_leido() -> None:
    texto = _escaneadas(
        "Procedimiento 41.", "Resultados.", "1. Uno.", "Procedimiento 2.", "Resultados.", "1. Dos."
    )
    assert [p.numero for p in segmentar(texto).procedimientos] == [1, 2]


def test_procedimientos_numerados_de_forma_irregular_dejan_el_documento_parcial() -> None:
    """Un informe del que sólo se leyó el procedimiento 5 (se perdieron los encabezados de los
    demás, como en una maqueta que no se conocía) no puede quedar `ok`: queda `parcial`."""
    from extractores.ase_tamaulipas_desempeno import FORMATO, _alertas_de_numeracion
    from modelos.registros import Informe

    informe = Informe("ase-tamaulipas:AED/081/2021", "ASE Tamaulipas", "AED/081/2021")
    informe.procedimientos = [Procedimiento(numero=5, pagina=4, area="Eficiencia")]
    informe.alertas = _alertas_de_numeracion(informe.procedimientos)
    [falta] = [f for f in FORMATO.revisar(informe) if "numerados" in f]
    assert falta.startswith("Numeración de procedimientos irregular: Los procedimientos van")
    informe.procedimientos = [Procedimiento(numero=1, pagina=4, area="Eficacia")]
    informe.alertas = _alertas_de_numeracion(informe.procedimientos)
    assert not [f for f in FORMATO.revisar(informe) if "numerados" in f]


def test_incisos_romanos_y_seccion_arabiga_no_se_confunden() -> None:
    """Con incisos en romanos y secciones en arábigos, «7. Observaciones…» cierra la sección de
    procedimientos (no es el inciso 7) y «VI.» es un inciso, no la sección VI."""
    texto = lineas(
        "6. Procedimientos de Auditoría Aplicados, Resultados y Recomendaciones",
        "Procedimiento 1:",
        "Resultados:",
        "I. No presenta la MIR.",
        "II. Presenta las fichas técnicas.",
        "Recomendaciones:",
        "I. Diseñar la MIR.",
        "II. Elaborar las fichas.",
        "III. Elaborar el diagnóstico.",
        "IV. Integrar el padrón.",
        "V. Publicar los lineamientos.",
        "VI. Diseñar el manual.",
        "7. Observaciones, Recomendaciones y Acciones Promovidas",
        "Se turnó el oficio de resultados preliminares.",
    )
    segmentos = segmentar(texto)
    procedimiento = segmentos.procedimientos[0]
    recomendaciones = partir_incisos(procedimiento.bloques[1].lineas).items
    assert [i.numero for i in recomendaciones] == [1, 2, 3, 4, 5, 6]
    assert recomendaciones[-1].texto == "Diseñar el manual."
    assert 7 in segmentos.secciones


def test_cierre_con_sangria_de_primera_linea() -> None:
    """Un párrafo con sangría de primera línea (ni al margen del número ni alineado con la
    sangría colgante) que habla de las recomendaciones con un veredicto es el cierre, aunque
    sus palabras no sean las de las reglas de cierre."""
    bloque = [
        linea("I. El ente presenta el diagrama de flujo, sin embargo, no", 3, 78.0, 100),
        linea("se considera atendida.", 3, 106.0, 114, False),
        linea("II. El ente presenta el análisis FODA.", 3, 78.0, 128, False),
        linea("Derivado del análisis, esta Auditoría determina que las", 3, 114.0, 142, False),
        linea("recomendaciones referidas han sido atendidas.", 3, 78.0, 156, False),
    ]
    incisos = partir_incisos(bloque, con_cierre=True)
    assert [i.numero for i in incisos.items] == [1, 2]
    assert incisos.cierre == [
        "Derivado del análisis, esta Auditoría determina que las recomendaciones referidas han "
        "sido atendidas."
    ]


def test_segundo_parrafo_con_sangria_sin_veredicto_sigue_en_el_inciso() -> None:
    bloque = [
        linea("I. El ente presenta el diagrama de flujo, sin embargo, no", 3, 78.0, 100),
        linea("se considera atendida.", 3, 106.0, 114, False),
        linea("Además, las recomendaciones del ejercicio anterior se", 3, 114.0, 128, False),
        linea("revisarán en la siguiente auditoría.", 3, 78.0, 142, False),
    ]
    incisos = partir_incisos(bloque, con_cierre=True)
    assert incisos.cierre == []
    assert incisos.items[0].texto.endswith("revisarán en la siguiente auditoría.")


def test_encabezado_chico_repetido_en_pocas_paginas() -> None:
    """En un informe corto con encabezados distintos en pares e impares, la línea de letra
    chica arriba que se repite a la misma altura es encabezado; un «Resultados:» arriba de dos
    páginas, en letra del cuerpo, no."""

    def pagina(numero: int, arriba: str, tamano: float) -> Pagina:
        cuerpo = [
            Linea(f"Texto del cuerpo {numero}.{i} con varias palabras.", numero, 78, 100 + 14 * i,
                  110 + 14 * i, 11.0)
            for i in range(30)
        ]  # fmt: skip
        return Pagina(numero, 612, 792, [Linea(arriba, numero, 72, 34, 40, tamano), *cuerpo])

    paginas = [
        pagina(1, "AUDITORÍA SUPERIOR DEL ESTADO", 8.8),
        pagina(2, "Informe Individual No. AED/146/2023", 8.8),
        pagina(3, "AUDITORÍA SUPERIOR DEL ESTADO", 8.8),
        pagina(4, "Informe Individual No. AED/146/2023", 8.8),
        pagina(5, "Resultados:", 11.0),
        pagina(6, "Resultados:", 11.0),
    ]
    lineas_limpias = limpieza.limpiar(paginas)
    textos = {x.texto for x in lineas_limpias}
    assert "Resultados:" in textos
    assert not textos & {"AUDITORÍA SUPERIOR DEL ESTADO", "Informe Individual No. AED/146/2023"}


def test_columna_de_notas_al_margen() -> None:
    """Una columna de renglones que terminan antes del margen del cuerpo, con un hueco ancho, en
    la mayoría de las páginas, es de notas al margen: se quita (el cuerpo queda intacto)."""
    from extractores import limpieza
    from modelos.registros import Pagina

    def pagina(numero: int, nota: str | None) -> Pagina:
        cuerpo = [
            Linea(f"Renglón {i} del cuerpo {'xyz'[numero - 1] * 3} con muchas palabras.",
                  numero, 166, 100 + 14 * i, 110 + 14 * i, 11.0, x1=540)
            for i in range(30)
        ]  # fmt: skip
        notas = [Linea(nota, numero, 60, 100, 108, 8.0, x1=130)] if nota else []
        return Pagina(numero, 612, 792, [*notas, *cuerpo])

    paginas = [
        pagina(1, "Área evaluada: Diseño"),
        pagina(2, "Valoración de la ASE"),
        pagina(3, None),
    ]
    textos = [x.texto for x in limpieza.limpiar(paginas)]
    assert len(textos) == 90
    assert "Área evaluada: Diseño" not in textos


def test_una_nota_suelta_no_es_columna_al_margen() -> None:
    from extractores import limpieza
    from modelos.registros import Pagina

    paginas = [
        Pagina(n, 612, 792, [
            Linea(f"Renglón {i} del cuerpo del informe con bastantes palabras.", n, 166,
                  100 + 14 * i, 110 + 14 * i, 11.0, x1=540)
            for i in range(30)
        ])
        for n in (1, 2, 3, 4)
    ]  # fmt: skip
    paginas[0].lineas.insert(0, Linea("Sello", 1, 60, 100, 108, 8.0, x1=90))
    assert "Sello" in [x.texto for x in limpieza.limpiar(paginas)]


def test_cierre_al_margen_del_numero_tras_sangria_colgante() -> None:
    """Un renglón sin número de vuelta al margen del número, cuando el inciso sigue con sangría
    colgante, es otro párrafo: si habla de las recomendaciones con un veredicto, es el cierre."""
    bloque = [
        linea("4.1 El ente presenta documentación en atención a la recomendación", 4, 166.0, 100),
        linea("número 4.2, sin embargo, no se considera atendida.", 4, 192.0, 114, False),
        linea("En virtud de lo expuesto, se tienen por solventadas las recomendaciones", 4, 166.0,
              128, False),
        linea("objeto de la justificación.", 4, 166.0, 142, False),
    ]  # fmt: skip
    incisos = partir_incisos(bloque, con_cierre=True)
    assert [i.numero for i in incisos.items] == [1]
    assert incisos.cierre == [
        "En virtud de lo expuesto, se tienen por solventadas las recomendaciones objeto de la "
        "justificación."
    ]


@pytest.mark.parametrize(
    ("primera", "segunda"),
    [
        (
            "Por lo anterior, esta Auditoría Superior determina que la recomendación a la que se",
            "refiere la justificación queda sin atender.",
        ),
        (
            "Analizada la documentación presentada, las recomendaciones aludidas por el ente",
            "público no se dan por solventadas.",
        ),
        (
            "Con la evidencia remitida por la entidad fiscalizada, se da por atendida la",
            "recomendación a que hace referencia su justificación.",
        ),
        (
            "La evidencia remitida por la entidad fiscalizada resulta insuficiente, por lo que la",
            "recomendación a que hace referencia su justificación permanece sin solventar.",
        ),
    ],
)
def test_cierres_con_otra_redaccion_tras_inciso_con_sangria_colgante(
    primera: str, segunda: str
) -> None:
    """Cierres de la maqueta reservada-guiones: párrafo con sangría de primera línea tras incisos
    «a.-» con sangría colgante; las palabras bastan."""
    bloque = [
        linea("a.- Atendiendo a la recomendación del inciso a), se presenta la", 3, 77.0, 100),
        linea("evidencia, por lo que se considera atendida.", 3, 99.0, 114, False),
        linea(primera, 3, 101.0, 130, True),
        linea(segunda, 3, 76.0, 144, False),
    ]
    incisos = partir_incisos(bloque, con_cierre=True)
    assert [i.numero for i in incisos.items] == [1]
    assert incisos.cierre == [f"{primera} {segunda}"]


def test_area_en_mayusculas_antes_del_procedimiento() -> None:
    """«OPERACIÓN» sobre «PROCEDIMIENTO No. 4» (como sale de LibreOffice) no es del último
    inciso del procedimiento anterior."""
    texto = lineas(
        "VI. Procedimientos de auditoría aplicados, resultados y recomendaciones",
        "PROCEDIMIENTO No. 3",
        "Análisis y evaluación de la Eficacia del Programa.",
        "Resultados:",
        "a.- El programa no cuenta con un análisis FODA.",
        "OPERACIÓN",
        "PROCEDIMIENTO No. 4",
        "Análisis de la Operación del Programa.",
    )
    procedimientos = segmentar(texto).procedimientos
    assert [p.numero for p in procedimientos] == [3, 4]
    resultados = partir_incisos(procedimientos[0].bloques[0].lineas).items
    assert [i.texto for i in resultados] == ["El programa no cuenta con un análisis FODA."]


@pytest.mark.parametrize(
    ("texto", "numeros"),
    [
        ("Atendiendo a la recomendación del inciso b), se presenta la evidencia.", [2]),
        ("En atención a las recomendaciones de los incisos a) y c), el ente público", [1, 3]),
        ("En atención a las recomendaciones de los incisos a), b) y d), el ente", [1, 2, 4]),
    ],
)
def test_referencia_por_letra_de_inciso(texto: str, numeros: list[int]) -> None:
    """Justificaciones de la maqueta reservada-guiones: citan la letra del inciso (a = 1)."""
    assert estatus.referencias_numericas(texto, 5) == numeros


def test_programa_entre_comillas_tipograficas() -> None:
    """«al Programa “Protección Civil”, correspondiente…» (maqueta reservada-guiones): el nombre
    va sin las comillas que lo encierran; las de dentro se quedan."""
    informe = Informe("ase-tamaulipas:AED/114/2021", "ASE Tamaulipas", "AED/114/2021")
    ase_tamaulipas_desempeno._ente_programa_ejercicio(
        informe,
        "practicada al Sistema DIF Tula, al Programa “Protección Civil”, correspondiente a los "
        "recursos del ejercicio 2020",
    )
    assert (informe.ente_fiscalizado, informe.programa) == ("Sistema DIF Tula", "Protección Civil")
    assert ase_tamaulipas_desempeno.sin_comillas("Programa “A” y “B”") == "Programa “A” y “B”"


def test_area_con_todo_el_encabezado_en_negritas() -> None:
    """«Procedimiento 2.- Identificación y análisis de la Medición de Resultados del» + «Programa
    …, conforme a los Términos de Referencia.», todo en negritas (maqueta reservada-marginal): las
    negritas no marcan el área; la dicen las palabras de la descripción."""
    primera = "Procedimiento 2.- Identificación y análisis de la Medición de Resultados del"
    segunda = "Programa Atención al Adulto Mayor, conforme a los Términos de Referencia."
    renglones = [
        Linea(primera, 3, 166, 100, 111, 10.0, parrafo=True, negritas=[primera]),
        Linea(segunda, 3, 166, 114, 125, 10.0, negritas=[segunda]),
    ]
    crudo = segmentar(renglones).procedimientos[0]
    p = ase_tamaulipas_desempeno._procedimiento(crudo, [], segmentador.AJUSTES_POR_OMISION)
    assert p.area == "Medición de Resultados"


def test_procedimientos_por_sus_bloques_si_ningun_encabezado_se_reconoce() -> None:
    """Quinta tanda de reservadas (medición única): los procedimientos escritos de una forma que
    ninguna regla conoce («6.3 Cobertura y Focalización», una ficha «Procedimiento: 3») dejaban
    el informe sin procedimientos. Si la sección de procedimientos trae bloques, el primero
    empieza uno y cada bloque de resultados tras una justificación, el siguiente; con la duda,
    nunca callado."""
    texto = lineas(
        "VI. Procedimientos de auditoría aplicados, resultados y recomendaciones",
        "Forma desconocida 1",
        "Análisis del diseño del programa.",
        "Resultados.",
        "1. El programa no cuenta con diagnóstico.",
        "Recomendaciones.",
        "1. Elaborar un diagnóstico.",
        "Justificación.",
        "1. En atención a la recomendación número 1, el ente público presenta el diagnóstico.",
        "Forma desconocida 2",
        "Evaluación de la cobertura del programa.",
        "Resultados.",
        "1. No hay padrón.",
        "VII. Observaciones, Recomendaciones y Acciones Promovidas",
    )
    for descripcion in (texto[2], texto[10]):  # empiezan párrafo, tras un título sin punto
        descripcion.parrafo = True
    procedimientos = segmentar(texto).procedimientos
    assert [p.numero for p in procedimientos] == [1, 2]
    assert [b.tipo for b in procedimientos[0].bloques] == [
        "resultados", "recomendaciones", "justificacion"
    ]  # fmt: skip
    assert [x.texto for x in procedimientos[0].descripcion] == ["Análisis del diseño del programa."]
    assert "No se reconoció ningún encabezado de procedimiento" in procedimientos[0].dudas[0]
    assert [x.texto for x in procedimientos[1].descripcion] == [
        "Evaluación de la cobertura del programa."
    ]
    assert procedimientos[1].dudas


def test_indice_con_puntos_guia_no_abre_secciones() -> None:
    # Maqueta reservada-portada: el índice de la segunda hoja repite secciones y procedimientos
    # con puntos guía y página; si quedara, el cuerpo no podría volver a abrir la sección I.
    guia = " . . . . . . . . . . . . "
    textos = [
        "ÍNDICE",
        f"Oficio de remisión{guia}1",
        f"I. Resumen Ejecutivo{guia}1",
        "VI. Procedimientos de auditoría aplicados, resultados y recomendaciones de aspectos",
        f"susceptibles de mejora (ASM){guia}1",
        f"Procedimiento 3. Cobertura y Focalización{guia}7",
        f"VIII. Dictamen{guia}9",
    ]
    indice = Pagina(2, 612, 936, [linea(t, 2, top=72 + i * 14.0) for i, t in enumerate(textos)])
    cuerpo = Pagina(3, 612, 936, [linea("I. RESUMEN EJECUTIVO", 3, top=72)])
    lineas_limpias = limpieza.limpiar([indice, cuerpo])
    assert [x.texto for x in lineas_limpias] == ["I. RESUMEN EJECUTIVO"]


def test_un_renglon_con_puntos_no_es_indice() -> None:
    pagina = Pagina(3, 612, 936, [linea("Total . . . . . . . . . 12", 3, top=72)])
    assert [x.texto for x in limpieza.limpiar([pagina])] == ["Total . . . . . . . . . 12"]


def test_frase_de_entrada_antes_del_primer_inciso_no_es_inciso() -> None:
    # Maqueta reservada-portada: «Recomendaciones» y una frase que presenta la lista.
    incisos = partir_incisos(
        lineas(
            "Derivado de lo anterior, se recomienda al Sistema DIF Tampico:",
            "1. Integrar la vinculación del programa con los objetivos del Plan Estatal de",
            "Desarrollo.",
            "2. Elaborar un análisis FODA con alternativas para los riesgos identificados.",
        )
    )
    assert [(x.numero, x.texto) for x in incisos.items] == [
        (
            1,
            "Integrar la vinculación del programa con los objetivos del Plan Estatal de "
            "Desarrollo.",
        ),
        (2, "Elaborar un análisis FODA con alternativas para los riesgos identificados."),
    ]


# Redacciones del cierre de la tanda reservada 5 («subsanó», «dar por concluida», «se tiene por
# cumplida», «se reitera en sus términos»): veredicto y cierre pegado a la justificación.
CIERRES_RESERVADOS_5 = [
    (
        "Con base en el análisis de la información remitida, se advierte que el ente auditado "
        "subsanó la deficiencia que dio origen a la recomendación a la que da respuesta su "
        "justificación.",
        estatus.ACEPTA,
    ),
    (
        "Con base en el análisis de la información remitida, se advierte que el ente auditado no "
        "subsanó las deficiencias que dieron origen a las recomendaciones a las que da respuesta "
        "su justificación.",
        estatus.RECHAZA,
    ),
    (
        "Atento a lo anterior, al haberse acreditado la implementación de la acción recomendada, "
        "procede dar por concluida la recomendación sobre la que versa la justificación.",
        estatus.ACEPTA,
    ),
    (
        "Atento a lo anterior, al no haberse acreditado la implementación de las acciones "
        "recomendadas, no procede dar por concluidas las recomendaciones sobre las que versa la "
        "justificación.",
        estatus.RECHAZA,
    ),
    (
        "La documentación aportada por el ente auditado demuestra el cumplimiento de las "
        "recomendaciones que motivaron su justificación, por lo que éstas se tienen por cumplidas.",
        estatus.ACEPTA,
    ),
    (
        "La documentación aportada por el ente auditado no demuestra el cumplimiento de la "
        "recomendación que motivó su justificación, por lo que ésta se reitera en sus términos.",
        estatus.RECHAZA,
    ),
]


@pytest.mark.parametrize(("cierre", "veredicto"), CIERRES_RESERVADOS_5)
def test_veredicto_de_los_cierres_reservados_5(cierre: str, veredicto: str) -> None:
    assert estatus._veredicto(cierre)[0] == veredicto
    assert segmentador.es_cierre(cierre)
    bloque = [
        linea("1. El ente público presenta el diagrama de flujo del proceso.", 7, 79.5, 100),
        linea(cierre, 7, 79.5, 114, False),
    ]
    incisos = partir_incisos(bloque, con_cierre=True)
    assert [i.texto for i in incisos.items] == [
        "El ente público presenta el diagrama de flujo del proceso."
    ]
    assert incisos.cierre == [cierre]


def test_procedimiento_como_ficha_con_etiquetas() -> None:
    # Maqueta reservada-portada: «Procedimiento: 3», «Área evaluada: …», «Descripción: …».
    texto = lineas(
        "Procedimiento: 3",
        "Área evaluada: Cobertura y Focalización",
        "Descripción: Análisis de la Cobertura y Focalización del Programa Desayunos Escolares.",
        "Hallazgo",
        "1. No presenta lineamientos de operación publicados en el periódico oficial.",
        "Recomendación",
        "1. Diseñar lineamientos de operación publicados en el periódico oficial.",
    )
    crudo = segmentar(texto).procedimientos[0]
    assert crudo.numero == 3
    assert [b.tipo for b in crudo.bloques] == ["resultados", "recomendaciones"]
    p = ase_tamaulipas_desempeno._procedimiento(crudo, [], segmentador.AJUSTES_POR_OMISION)
    assert p.area == "Cobertura y Focalización"
    assert [r.texto for r in p.recomendaciones] == [
        "Diseñar lineamientos de operación publicados en el periódico oficial."
    ]


def test_indice_escaneado_sin_puntos_guia_legibles() -> None:
    # Maqueta reservada-portada escaneada: el OCR lee los puntos guía como letras sueltas.
    textos = [
        "ÍNDICE",
        "Oficio de remisión tt td 1",
        "I. Resumen Ejecutivo oo IE 1",
        "V. Servidores públicos que intervinieron en la Auditoría ....o0oooocooccc 1",
        "Procedimiento 1. Percepción de la Población Atendida .........ooooocoooo 1",
        "Procedimiento 3rElCacia caia aaa line 2",
        "VID O",
    ]
    indice = Pagina(
        2,
        612,
        936,
        [replace(linea(t, 2, top=72 + i * 14.0), ocr=True) for i, t in enumerate(textos)],
    )
    cuerpo = Pagina(3, 612, 936, [linea("I. RESUMEN EJECUTIVO", 3, top=72)])
    assert [x.texto for x in limpieza.limpiar([indice, cuerpo])] == ["I. RESUMEN EJECUTIVO"]


def test_franja_girada_al_borde_no_junta_renglones(tmp_path) -> None:
    """Maqueta reservada-consecutiva: una franja al borde con texto girado 90° («AUDITORÍA
    SUPERIOR…» a todo lo alto) juntaba en un renglón todo lo que su caja cruzaba."""
    import pypdfium2 as pdfium
    from reportlab.pdfgen import canvas

    from extractores import texto_pdfium

    ruta = tmp_path / "franja.pdf"
    hoja = canvas.Canvas(str(ruta), pagesize=(612, 792))
    hoja.setFont("Helvetica", 10)
    for i in range(30):
        hoja.drawString(72, 700 - i * 14, f"Renglón {i} del cuerpo con varias palabras más.")
    hoja.saveState()
    hoja.translate(12, 300)
    hoja.rotate(90)
    hoja.drawString(0, 0, "AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS")
    hoja.restoreState()
    hoja.save()
    documento = pdfium.PdfDocument(ruta)
    try:
        renglones = texto_pdfium.lineas_de_pagina(documento[0], 1)
    finally:
        documento.close()
    assert len(renglones) == 30
    assert not any("TAMAULIPAS" in r.texto for r in renglones)
    assert texto_pdfium.es_vertical(math.pi / 2) and texto_pdfium.es_vertical(3 * math.pi / 2)
    assert not texto_pdfium.es_vertical(0.0) and not texto_pdfium.es_vertical(math.pi)


def _en_negritas(renglon: Linea) -> Linea:
    renglon.negritas = [renglon.texto]
    return renglon


def test_subseccion_numerada_es_procedimiento() -> None:
    """Maqueta reservada-consecutiva: «6.3 Cobertura y Focalización» (en negritas, dentro de la
    sección 6) es el procedimiento 3 con su área; un inciso subnumerado («6.2 Integrar…» sin
    negritas, «4.1 …» de otra sección) o un número que no sigue no lo son."""
    texto = lineas(
        "6. Procedimientos de auditoría aplicados, resultados y recomendaciones",
        "6.1 Eficiencia",
        "Evaluación de la Eficiencia en el uso de los recursos del Programa.",
        "Resultados",
        "1. No presenta un programa de capacitación.",
        "6.2 Integrar un programa de capacitación",  # sin negritas: un inciso
        "4.1 Integrar un programa de capacitación",  # otra sección
        "6.2 Cobertura y Focalización",
        "Identificación y análisis de la Cobertura y Focalización del Programa.",
        "6.5 Diseño",  # no sigue al 2
        "7. Observaciones, Recomendaciones y Acciones Promovidas",
    )
    for i in (1, 5, 6, 7, 9):
        _en_negritas(texto[i])
    texto[5].negritas = []
    texto[6].negritas = []
    procedimientos = segmentar(texto).procedimientos
    assert [(p.numero, p.area) for p in procedimientos] == [
        (1, "Eficiencia"),
        (2, "Cobertura y Focalización"),
    ]
    assert procedimientos[0].bloques[0].lineas[-2].texto.startswith("6.2 Integrar")


def test_recomendaciones_numeradas_de_corrido() -> None:
    """Maqueta reservada-consecutiva: las listas de Word que continúan en todo el informe. El
    procedimiento 2 empieza sus recomendaciones en 3 (el 1 terminó en 2): son sus incisos 1 y
    2, y «recomendación número 4» es su segunda; la cita de un número fuera de su lista
    («recomendación 1») queda en duda."""
    texto = lineas(
        "Procedimiento 1.",
        "Recomendaciones",
        "1. Elaborar el diagnóstico del programa.",
        "2. Diseñar la MIR del programa.",
        "Procedimiento 2.",
        "Recomendaciones de mejora",
        "3. Integrar el padrón de beneficiarios.",
        "4. Documentar los procesos del programa.",
        "Argumentos y documentación presentados por el ente",
        "1) En atención a la recomendación número 4, el ente presenta los procesos, por lo que se "
        "considera atendida.",
        "2) En atención a la recomendación 1, el ente presenta el diagnóstico.",
    )
    ultimos: dict[str, int] = {}
    alertas: list = []
    procedimientos = []
    for crudo in segmentar(texto).procedimientos:
        desplazamientos: dict[str, int] = {}
        p = ase_tamaulipas_desempeno._procedimiento(
            crudo, alertas, segmentador.AJUSTES_POR_OMISION, ultimos, desplazamientos
        )
        estatus.aplicar(p, False, desplazamientos.get("recomendaciones", 0))
        procedimientos.append((p, desplazamientos))
    segundo, desplazamientos = procedimientos[1]
    assert desplazamientos == {"recomendaciones": 2}
    assert [r.numero for r in segundo.recomendaciones] == [1, 2]
    assert segundo.recomendaciones[0].texto == "Integrar el padrón de beneficiarios."
    assert [j.recomendaciones for j in segundo.justificaciones] == [[2], []]
    assert segundo.recomendaciones[1].estatus == "atendida"
    assert alertas == []
    dudas = ase_tamaulipas_desempeno._citas_fuera_de_la_lista(segundo, 2)
    assert [d.detalle for d in dudas] == [
        "La justificación 2 cita la recomendación 1, fuera de la numeración de corrido del "
        "procedimiento (3 a 4)."
    ]
    # Una lista que reinicia en 1 no va desplazada.
    assert segmentador.desplazamiento_de_lista(lineas("1. Elaborar.", "2. Diseñar."), 2) == 0


def test_lista_de_corrido_escaneada() -> None:
    """En un escaneo de la maqueta reservada-consecutiva el OCR lee «12.» como «12,»: la lista
    sigue siendo la que continúa, y sus incisos van desplazados."""
    escaneo = lineas("12, No presenta lineamientos de operación.", "13. Presenta un padrón.")
    for x in escaneo:
        x.ocr = True
    assert segmentador.desplazamiento_de_lista(escaneo, 11) == 11
    incisos = partir_incisos(escaneo, desplazamiento=11)
    assert [(i.numero, i.texto) for i in incisos.items] == [
        (1, "No presenta lineamientos de operación."),
        (2, "Presenta un padrón."),
    ]
    assert incisos.dudas == []


def test_cierre_en_negritas_sin_veredicto_conocido_queda_en_duda() -> None:
    """Maqueta reservada-consecutiva: el cierre va en negritas, sin encabezado, al margen del
    número de la justificación. Si su veredicto no se reconoce, vuelve al último inciso, pero no
    en silencio."""
    texto = [
        linea("1) En atención a la recomendación número 1, el ente presenta la MIR del", x0=60),
        linea("programa.", x0=78, top=14.0, parrafo=False),
        _en_negritas(linea("Con todo lo anterior, el asunto queda como se describe en la", x0=60)),
        _en_negritas(linea("cédula correspondiente.", x0=60, top=42.0, parrafo=False)),
    ]
    texto[2].top = 28.0
    incisos = partir_incisos(texto, con_cierre=True)
    assert len(incisos.items) == 1
    assert incisos.dudas == [
        "El párrafo tras el inciso 1 parece el cierre (en negritas, o habla de las "
        "recomendaciones sin citar ninguna), pero no se reconoce su veredicto («Con todo lo "
        "anterior, el asunto queda co…»)."
    ]
    # Sin negritas y sin hablar de las recomendaciones: otro párrafo del inciso, sin duda.
    for x in texto:
        x.negritas = []
    assert partir_incisos(texto, con_cierre=True).dudas == []


def test_cierre_sin_negritas_que_habla_de_las_recomendaciones_sin_veredicto_queda_en_duda() -> None:
    """Un escaneo no tiene negritas: el párrafo con forma de cierre que habla de «dichas
    recomendaciones» sin citar ninguna, con un veredicto que ninguna regla conoce («se reiteran
    en otros términos»), vuelve al último inciso, pero deja la duda (antes, callado: la
    recomendación salía atendida si el cierre la rechazaba)."""
    texto = [
        linea("1) En atención a la recomendación número 1, el ente presenta la MIR del", x0=60),
        linea("programa.", x0=78, top=14.0, parrafo=False),
        linea("Con todo lo anterior, dichas recomendaciones se mantienen en otros", x0=60),
        linea("términos.", x0=60, top=42.0, parrafo=False),
    ]
    texto[2].top = 28.0
    incisos = partir_incisos(texto, con_cierre=True)
    assert len(incisos.items) == 1
    assert len(incisos.dudas) == 1 and "no se reconoce su veredicto" in incisos.dudas[0]


def test_titulo_de_seccion_que_sigue_abajo_no_abre_un_bloque() -> None:
    """«F. Procedimientos … Recomendaciones de» + «Aspectos Susceptibles de Mejora (ASM)»: el
    segundo renglón acaba el título (que quedó en «de»), con la misma letra en negritas; no es el
    bloque de recomendaciones de un procedimiento sin encabezado."""
    titulo = "F. Procedimientos de Auditoría Aplicados, Resultados y Recomendaciones de"
    texto = [
        replace(linea(titulo, top=0.0), negritas=[titulo], tamano=12.5),
        replace(
            linea("Aspectos Susceptibles de Mejora (ASM)", top=16.0),
            tamano=12.5,
            negritas=["Aspectos Susceptibles de Mejora (ASM)"],
        ),  # fmt: skip
        linea("PROCEDIMIENTO 01 — DISEÑO", top=40.0),
        linea("Situación encontrada", top=60.0),
        linea("01 No presenta la MIR del programa.", top=76.0),
        linea("Aspectos Susceptibles de Mejora (ASM)", top=96.0),
        linea("ASM-01 Elaborar la MIR del programa.", top=112.0),
    ]
    segmentos = segmentar(texto)
    assert [p.numero for p in segmentos.procedimientos] == [1]
    assert [b.tipo for b in segmentos.procedimientos[0].bloques] == [
        "resultados",
        "recomendaciones",
    ]
    assert not segmentos.procedimientos[0].dudas


def test_titulos_de_dos_columnas_en_un_renglon() -> None:
    """Los títulos de la tabla de respuesta y pronunciamiento en un renglón (la celda de la
    derecha vacía): la respuesta va en la justificación y la valoración queda vacía, no se pegan
    a la última recomendación."""
    texto = lineas(
        "Procedimiento 1.",
        "Resultados.",
        "1. No presenta la MIR.",
        "Recomendaciones",
        "1. Elaborar la MIR.",
        "Posicionamiento de la entidad fiscalizada Pronunciamiento de la Auditoría Superior",
        "i) Atendiendo a la recomendación 1, se presenta la MIR, por lo que se considera atendida",
        "con los",
        "objetivos.",
        "Procedimiento 2.",
        "Resultados.",
        "1. Otro hallazgo.",
    )
    primero = segmentar(texto).procedimientos[0]
    assert [(b.tipo, [x.texto for x in b.lineas]) for b in primero.bloques] == [
        ("resultados", ["1. No presenta la MIR."]),
        ("recomendaciones", ["1. Elaborar la MIR."]),
        # «objetivos.» acaba la oración (no es la sección III): la valoración va después.
        ("justificacion", [texto[6].texto, "con los", "objetivos."]),
        ("valoracion", []),
    ]


@pytest.mark.parametrize(
    "pegado",
    [
        "Posicionamiento de la entidad Pronunciamiento i) Atendiendo al ASM-04, se presenta la "
        "evidencia, por lo que se considera atendido.",
        "En atención a la recomendación número 2, el ente público presenta el manual.",
        "¡onamiento de la entidad fiscalizada Pronunciamiento de la Auditoría Senos]",
    ],
)
def test_respuesta_pegada_a_una_recomendacion_es_duda(pegado: str) -> None:
    procedimiento = Procedimiento(1, 1)
    procedimiento.recomendaciones = [
        Recomendacion(1, "Elaborar la MIR.", 1),
        Recomendacion(2, f"Elaborar el manual. {pegado}", 1),
    ]
    dudas = ase_tamaulipas_desempeno._respuesta_dentro(procedimiento)
    assert len(dudas) == 1 and dudas[0].startswith("La recomendación 2 ")


@pytest.mark.parametrize(
    "texto",
    [
        "Elaborar la MIR conforme a la metodología de orientación a resultados.",
        "Presentar los resultados de la evaluación del programa.",
    ],
)
def test_recomendacion_con_palabras_de_bloque_no_es_duda(texto: str) -> None:
    procedimiento = Procedimiento(1, 1)
    procedimiento.recomendaciones = [Recomendacion(1, texto, 1)]
    assert ase_tamaulipas_desempeno._respuesta_dentro(procedimiento) == []


def test_titulo_de_seccion_escaneado_que_sigue_abajo() -> None:
    """Lo mismo en un escaneo, donde el OCR no da negritas y mide otra letra (9.4 y 11.5): las
    palabras del segundo renglón (con mayúscula inicial) lo confirman."""
    titulo = "F. Procedimientos de Auditoría Aplicados, Resultados y Recomendaciones de"
    texto = [
        replace(linea(titulo, top=96.0), tamano=9.4, ocr=True),
        replace(linea("Aspectos Susceptibles de Mejora (ASM)", top=112.0), tamano=11.5, ocr=True),
        replace(linea("PROCEDIMIENTO 01 — DISEÑO", top=140.0), ocr=True),
        replace(linea("Situación encontrada", top=160.0), ocr=True),
        replace(linea("01 No presenta la MIR del programa.", top=176.0), ocr=True),
    ]
    assert [p.numero for p in segmentar(texto).procedimientos] == [1]
