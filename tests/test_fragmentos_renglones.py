"""Fragmentos de un informe como un Word institucional de letra chica (maqueta
reservada-renglones): procedimiento con el área tras una raya, recomendaciones sin encabezado de
bloque (cada una con su etiqueta en el mismo renglón), resultados con rayas sin número y los
cierres con otra redacción."""

from __future__ import annotations

from dataclasses import replace

import pytest

from extractores import ase_tamaulipas_desempeno, estatus, invariantes, segmentador
from extractores.segmentador import clasificar, partir_incisos, segmentar
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


RESULTADOS_Y_ETIQUETAS = (
    "PROCEDIMIENTO II – EFICIENCIA",
    "Evaluación de la Eficiencia en el uso de los recursos del Programa Seguridad Pública.",
    "RESULTADOS DEL PROCEDIMIENTO",
    "– No se aprecia una estrategia de cobertura documentada para atender a la población que",
    "  permita valorar su desempeño.",
    "– No presenta un programa anual de trabajo con metas calendarizadas.",
    ("Recomendación 1. Diseñar una estrategia de cobertura documentada.", ["Recomendación 1."]),
    ("Recomendación 2. Documentar un programa anual de trabajo.", ["Recomendación 2."]),
    "JUSTIFICACIONES Y ACLARACIONES DE LA ENTIDAD",
    "1° Atendiendo a la recomendación número 2, se presenta la evidencia correspondiente, por lo",
    "que se considera atendida.",
    "ANÁLISIS DE LA JUSTIFICACIÓN",
    "Toda vez que el ente acreditó las acciones emprendidas, se solventa la recomendación a la que",
    "responde su justificación.",
)


@pytest.mark.parametrize("con_negritas", [True, False])
def test_recomendaciones_sin_encabezado_de_bloque(con_negritas: bool) -> None:
    """La etiqueta «Recomendación 1.» al empezar oración dentro de los resultados abre las
    recomendaciones (las palabras bastan; las negritas sólo confirman); los resultados con
    raya sin número son incisos en orden y el texto cuadra (la raya se descarta, no un número)."""
    textos = [t if con_negritas or isinstance(t, str) else t[0] for t in RESULTADOS_Y_ETIQUETAS]
    crudo, p, alertas = procedimiento(renglones(*textos))
    assert [b.tipo for b in crudo.bloques] == [
        "resultados",
        "recomendaciones",
        "justificacion",
        "valoracion",
    ]
    assert [(r.numero, r.texto) for r in p.resultados] == [
        (1, "No se aprecia una estrategia de cobertura documentada para atender a la población "
         "que permita valorar su desempeño."),
        (2, "No presenta un programa anual de trabajo con metas calendarizadas."),
    ]  # fmt: skip
    assert [(r.numero, r.texto) for r in p.recomendaciones] == [
        (1, "Diseñar una estrategia de cobertura documentada."),
        (2, "Documentar un programa anual de trabajo."),
    ]
    assert [j.numero for j in p.justificaciones] == [1]
    assert len(p.cierre) == 1
    assert not [a for a in alertas if a.tipo == "estructura dudosa"]


def test_recomendaciones_sin_resultados_ni_encabezado() -> None:
    """Un procedimiento sin resultados: la etiqueta abre las recomendaciones tras la descripción."""
    crudo, p, _ = procedimiento(
        renglones(
            "PROCEDIMIENTO VI – ECONOMÍA",
            "Análisis de la Economía en el ejercicio del gasto del Programa Seguridad Pública.",
            ("Recomendación 1. Documentar las fichas técnicas.", ["Recomendación 1."]),
            ("Recomendación 2. Elaborar un padrón de beneficiarios.", ["Recomendación 2."]),
        )
    )
    assert [b.tipo for b in crudo.bloques] == ["recomendaciones"]
    assert [r.numero for r in p.recomendaciones] == [1, 2]
    assert p.descripcion.startswith("Análisis de la Economía")


def test_vinetas_descartan_su_raya_y_el_texto_cuadra() -> None:
    lineas = renglones("– No presenta la MIR.", "– Cuenta con un diagnóstico.")
    incisos = partir_incisos(lineas)
    assert [i.numero for i in incisos.items] == [1, 2]
    assert incisos.descartado == ["– ", "– "]
    salida = [*(i.texto for i in incisos.items), *incisos.descartado]
    assert invariantes.diferencia((x.texto for x in lineas), salida) == ""


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


# En un escaneo: el «°» leído como otro signo, el punto final perdido, el romano con trazos.


def renglones_ocr(*textos: str, x0: tuple[float, ...] = ()) -> list[Linea]:
    return [
        Linea(t, 1, x0[i] if x0 else 82.0, i * 8.0, i * 8.0 + 6, 6.0, ocr=True)
        for i, t in enumerate(textos)
    ]


@pytest.mark.parametrize("armar", [renglones, renglones_ocr], ids=["texto", "escaneo"])
def test_etiqueta_a_media_oracion_no_abre_recomendaciones(armar) -> None:
    """Un renglón que sigue una oración sin cerrar y sin negritas («…conforme a la» +
    «Recomendación 1. …») no abre bloque: queda en los resultados (también en un escaneo, sin
    negritas ni segunda recomendación que confirme)."""
    crudo = segmentar(
        armar(
            "PROCEDIMIENTO II – EFICIENCIA",
            "RESULTADOS DEL PROCEDIMIENTO",
            "– No presenta la evidencia solicitada conforme a la",
            "Recomendación 1. Emitida en el ejercicio anterior por esta Auditoría.",
        )
    ).procedimientos[0]
    assert [b.tipo for b in crudo.bloques] == ["resultados"]


def test_justificaciones_con_el_grado_mal_leido() -> None:
    """«1°», «2°» leídos «1*», «2”»: son números aunque los párrafos abran como justificación."""
    incisos = partir_incisos(
        renglones_ocr(
            "1* El ente público presenta documentación en atención a la recomendación número 4,",
            "sin embargo, no se considera atendida",
            "2” Atendiendo a la recomendación número 3, se presenta la evidencia.",
            "3? El ente público presenta los instrumentos para medir la satisfacción",
        ),
        con_cierre=True,
    )
    assert [i.numero for i in incisos.items] == [1, 2, 3]


def test_vinetas_escaneadas_sin_punto_final() -> None:
    """El OCR perdió el punto final del resultado anterior: la raya al margen de la primera abre
    inciso; el renglón con sangría sigue al suyo."""
    incisos = partir_incisos(
        renglones_ocr(
            "— No presenta un padrón de beneficiarios con sus características socioeconómicas",
            "- Presenta la vinculación del programa con los objetivos del Plan Estatal, que",
            "permita valorar su desempeño",
            "- No presenta un diagrama de flujo del proceso general de operación",
            x0=(82.0, 82.3, 92.0, 81.8),
        )
    )
    assert [i.numero for i in incisos.items] == [1, 2, 3]
    assert incisos.items[1].texto.endswith("que permita valorar su desempeño")


def test_etiqueta_escaneada_tras_resultado_sin_punto() -> None:
    """El resultado anterior perdió su punto y el OCR no da negritas: la etiqueta de la segunda
    recomendación al principio de un renglón siguiente confirma que la primera abre el bloque."""
    crudo = segmentar(
        renglones_ocr(
            "PROCEDIMIENTO Ill — OPERACIÓN",
            "RESULTADOS DEL PROCEDIMIENTO",
            "— El programa no cuenta con las fichas técnicas de los indicadores del programa",
            "Recomendación 1. Establecer las fichas técnicas de los indicadores del programa",
            "Recomendación 2. Documentar evidencia documental del presupuesto aprobado",
        )
    ).procedimientos[0]
    assert crudo.numero == 3  # «Ill»: el III escaneado
    assert crudo.area == "OPERACIÓN"
    assert [b.tipo for b in crudo.bloques] == ["resultados", "recomendaciones"]


def test_cierre_con_palabra_partida_por_el_ocr() -> None:
    """«di o cumplimiento» (por «dio»): lo decide «misma que se solventa»."""
    texto = (
        "De lo anterior se desprende que la entidad fiscalizada di o cumplimiento a la "
        "recomendación que refiere en su justificación, misma que se solventa."
    )
    assert estatus._veredicto(texto)[0] == "acepta"


def test_rayas_escaneadas_leidas_como_igual() -> None:
    """El OCR lee la raya como «=» o «=-»: también es viñeta (sólo en un escaneo)."""
    incisos = partir_incisos(
        renglones_ocr(
            "= El programa no cuenta con el diagnóstico del programa",
            "=- Cuenta con un diagrama de flujo del proceso general de operación.",
            "- No presenta un padrón de beneficiarios.",
        )
    )
    assert [i.numero for i in incisos.items] == [1, 2, 3]
    assert incisos.items[1].texto.startswith("Cuenta con un diagrama")


def test_etiqueta_escaneada_con_el_uno_mal_leido() -> None:
    """«Recomendación 4.» (el «1» mal leído) seguida de «Recomendación 2.»: abre el bloque y es
    la primera; en la capa de texto, una «Recomendación 4.» no abre nada."""
    textos = (
        "PROCEDIMIENTO II – EFICIENCIA",
        "RESULTADOS DEL PROCEDIMIENTO",
        "— No presenta las fichas técnicas de los indicadores del programa.",
        "Recomendación 4. Integrar las fichas técnicas de los indicadores del programa.",
        "Recomendación 2. Establecer un sistema de control y monitoreo.",
    )
    _, p, _ = procedimiento(renglones_ocr(*textos))
    assert [r.numero for r in p.recomendaciones] == [1, 2]
    crudo = segmentar(renglones(*textos)).procedimientos[0]
    assert [b.tipo for b in crudo.bloques] == ["resultados"]


def test_etiqueta_escaneada_unica_tras_resultado_sin_punto() -> None:
    """sintetico-2111-005 (reservada-renglones escaneada): el resultado anterior perdió su punto,
    el OCR no da negritas y no hay segunda recomendación que confirme; el renglón anterior acaba
    en una palabra que no pide continuación, así que la etiqueta abre el bloque. Si acaba en
    «…conforme a la», no."""
    _, p, _ = procedimiento(
        renglones_ocr(
            "PROCEDIMIENTO IV — DISEÑO",
            "RESULTADOS DEL PROCEDIMIENTO",
            "— No se aprecia mecanismos de transparencia que permita valorar su desempeño",
            "- Cuenta con evidencia documental del presupuesto aprobado y ejercido",
            "Recomendación 1. Diseñar un diagrama de flujo del proceso general de operación",
        )
    )
    assert [r.numero for r in p.resultados] == [1, 2]
    assert [r.texto for r in p.recomendaciones] == [
        "Diseñar un diagrama de flujo del proceso general de operación"
    ]
    # Si acaba en «…conforme a la»: `test_etiqueta_a_media_oracion_no_abre_recomendaciones`.


def test_etiqueta_escaneada_unica_con_el_uno_mal_leido() -> None:
    """sintetico-2071-001: «Recomendación 4.» (el «1» mal leído) es la única del procedimiento,
    tras un resultado que cierra su oración: abre el bloque y es la primera."""
    _, p, _ = procedimiento(
        renglones_ocr(
            "PROCEDIMIENTO IX — DISEÑO",
            "RESULTADOS DEL PROCEDIMIENTO",
            "- Cuenta con el árbol de problemas y de objetivos conforme a la metodología.",
            "— No presenta instrumentos para medir la satisfacción de la población atendida.",
            "Recomendación 4. Integrar un diagrama de flujo del proceso general de operación.",
        )
    )
    assert [r.numero for r in p.resultados] == [1, 2]
    assert [r.numero for r in p.recomendaciones] == [1]


def _con_caja(texto: str, indice: int, x0: float, x1: float) -> Linea:
    return Linea(texto, 1, x0, indice * 8.0, indice * 8.0 + 6, 6.0, x1=x1, ocr=True)


def test_raya_de_vineta_perdida_por_el_ocr() -> None:
    """sintetico-2071-001: el OCR perdió la raya (y el punto del renglón anterior): el renglón al
    margen de las viñetas que empieza con mayúscula abre inciso si el anterior quedó corto (su
    primera palabra habría cabido en él). Un renglón que sigue a uno lleno es su continuación,
    aunque empiece con mayúscula."""
    incisos = partir_incisos(
        [
            _con_caja("- Presenta mecanismos de transparencia, sin embargo, está incompleto.", 0,
                      80.6, 470.2),
            _con_caja("- El programa no cuenta con un programa anual de trabajo con metas", 1,
                      80.6, 385.2),
            _con_caja("El programa no cuenta con un padrón de beneficiarios.", 2, 80.6, 428.4),
            _con_caja("- Cuenta con la vinculación del programa con los objetivos del Plan", 3,
                      80.6, 527.0),
            _con_caja("Estatal de Desarrollo actualizado al ejercicio.", 4, 80.6, 300.0),
        ]
    )  # fmt: skip
    assert [i.numero for i in incisos.items] == [1, 2, 3, 4]
    assert incisos.items[2].texto == "El programa no cuenta con un padrón de beneficiarios."
    assert incisos.items[3].texto.endswith("Plan Estatal de Desarrollo actualizado al ejercicio.")


def test_etiqueta_escaneada_tras_resultado_con_coma_por_punto() -> None:
    """sintetico-2113-001: el OCR leyó el punto final como coma («…personal operativo,») en un
    renglón corto: la etiqueta de la única recomendación abre el bloque y las rayas de antes son
    incisos."""
    _, p, _ = procedimiento(
        [
            _con_caja("PROCEDIMIENTO I — COBERTURA Y FOCALIZACIÓN", 0, 85.0, 249.1),
            _con_caja("RESULTADOS DEL PROCEDIMIENTO", 1, 85.3, 199.8),
            _con_caja("— No se aprecia las fichas técnicas de los indicadores del programa", 2,
                      82.4, 446.8),
            _con_caja("- El programa no cuenta con una estrategia de cobertura documentada para "
                      "atender a la población objetivo.", 3, 82.4, 464.8),
            _con_caja("— No presenta un programa de capacitación para el personal operativo,", 4,
                      82.8, 334.4),
            _con_caja("Recomendación 1. Documentar la vinculación del programa con los objetivos.",
                      5, 83.5, 467.6),
        ]
    )  # fmt: skip
    assert [r.numero for r in p.resultados] == [1, 2, 3]
    assert [r.numero for r in p.recomendaciones] == [1]


def test_raya_al_principio_de_pagina_tras_resultado_sin_punto() -> None:
    """sintetico-2113-001: la primera raya de la página 2 (sin otra en ella con qué medir su
    margen) abre inciso aunque el resultado del final de la página 1 perdiera su punto."""
    lineas = renglones_ocr(
        "— No presenta una estrategia de cobertura documentada para atender a la población.",
        "- El programa no cuenta con un diagrama de flujo del proceso general de operación",
        "- Presenta lineamientos de operación publicados en el periódico oficial.",
    )
    lineas[2] = replace(lineas[2], pagina=2, top=75.0)
    incisos = partir_incisos(lineas)
    assert [i.numero for i in incisos.items] == [1, 2, 3]


def test_raya_leida_como_basura_o_perdida_a_la_izquierda() -> None:
    """sintetico-2113-003, 2112-001 y 2113-005: la raya leída como basura con la palabra que
    sigue («a M2 se aprecia…», «S no se aprecia…» por «— No se aprecia…») tras un renglón corto
    que cierra su oración abre inciso; también el renglón sin raya que empieza a la izquierda
    del margen de las viñetas (donde el OCR la dejó)."""
    incisos = partir_incisos(
        [
            _con_caja("- Cuenta con lineamientos de operación publicados en el periódico oficial",
                      0, 82.4, 425.2),
            _con_caja("- El programa no cuenta con reportes trimestrales de avance físico.", 1,
                      82.4, 364.7),
            _con_caja("a M2 se aprecia la vinculación del programa con los objetivos del Plan que "
                      "permita valorar su", 2, 82.4, 529.6),
            _con_caja("desempeño.", 3, 101.2, 133.6),
            _con_caja("S no se aprecia el árbol de problemas y de objetivos.", 4, 80.6, 300.0),
            _con_caja("— No presenta el diagnóstico del programa con la problemática específica "
                      "que se pretende atender", 5, 81.7, 430.9),
            _con_caja("No presenta la matriz de indicadores para resultados.", 6, 70.2, 424.4),
        ]
    )  # fmt: skip
    assert [i.numero for i in incisos.items] == [1, 2, 3, 4, 5, 6]
    assert incisos.items[2].texto.endswith("que permita valorar su desempeño.")
    assert incisos.items[5].texto == "No presenta la matriz de indicadores para resultados."


def test_etiqueta_escaneada_seguida_de_minuscula() -> None:
    """sintetico-2113-005 y 2112-001: el OCR leyó en minúscula la mayúscula tras la etiqueta
    («Recomendación 1. integrar…»): abre el bloque y numera el inciso, sólo en un escaneo."""
    textos = (
        "PROCEDIMIENTO VII — EFICACIA",
        "RESULTADOS DEL PROCEDIMIENTO",
        "- No presenta un padrón de beneficiarios con sus características socioeconómicas.",
        "Recomendación 1. integrar reportes trimestrales de avance físico y financiero.",
        "Recomendación 2. implementar un diagrama de flujo del proceso general de operación.",
    )
    _, p, _ = procedimiento(renglones_ocr(*textos))
    assert [r.numero for r in p.recomendaciones] == [1, 2]
    assert p.recomendaciones[1].texto.startswith("implementar un diagrama")
    crudo = segmentar(renglones(*textos)).procedimientos[0]
    assert [b.tipo for b in crudo.bloques] == ["resultados"]


def test_parrafo_tras_un_titulo_no_leido_no_es_vineta_perdida() -> None:
    """sintetico-2111-006 (reservada-columnas): «Valoración» tras una justificación con la coma
    por punto no se leyó como título; el párrafo que le sigue, al margen de las viñetas y tras un
    renglón corto, no es una viñeta perdida: el renglón anterior no es de un inciso."""
    incisos = partir_incisos(
        [
            _con_caja("• En atención a las recomendaciones R-1 y R-2, el ente público", 0, 309.6,
                      564.5),
            _con_caja("presenta evidencia documental de las acciones realizadas,", 1, 325.8,
                      555.5),
            _con_caja("Valoración", 2, 309.6, 356.0),
            _con_caja("Valorados los argumentos y la evidencia que aportó la entidad,", 3, 310.0,
                      564.5),
        ]
    )  # fmt: skip
    assert [i.numero for i in incisos.items] == [1]


def test_signo_suelto_entre_justificaciones_no_abre_el_cierre() -> None:
    """sintetico-2112-007: arriba de la página 2 el OCR leyó un «|» suelto (de la franja del
    encabezado) entre la justificación 1° y la 2°: sin letras ni cifras, se descarta; no abre el
    cierre que se tragaba la segunda."""
    lineas = [
        Linea("1? Atendiendo a la recomendación número 2, se presenta la evidencia "
              "correspondiente, por lo que se considera atendida.", 1, 79.2, 701.6, 708, 5.9,
              ocr=True, x1=509.0),
        Linea("|", 2, 73.1, 40.3, 48, 7.6, ocr=True, x1=73.8, parrafo=True),
        Linea("2” El ente público presenta documentación en atención a la recomendación número "
              "3, sin embargo, no se considera atendida", 2, 79.9, 74.5, 82, 5.8, ocr=True,
              x1=527.0, parrafo=True),
        Linea("ya que no incluye los elementos mínimos que señala la metodología.", 2, 90.0,
              83.9, 91, 5.8, ocr=True, x1=333.7),
    ]  # fmt: skip
    incisos = partir_incisos(lineas, con_cierre=True)
    assert [i.numero for i in incisos.items] == [1, 2]
    assert incisos.cierre == []
    assert "|" in incisos.descartado


def test_justificacion_con_el_grado_perdido_por_el_ocr() -> None:
    """sintetico-2114-003: el OCR no leyó el «°» de «4°» ni de «1°» («4 En atención a la
    recomendación número 4…»): el número solo cuenta si es el que sigue; si no, la justificación
    se pegaba a la anterior y su recomendación quedaba sin atender, en silencio."""
    incisos = partir_incisos(
        renglones_ocr(
            "1 En atención a la recomendación número 6, el ente público presenta el documento.",
            "2* En atención a la recomendación número 4, el ente público presenta el documento.",
            "3” El ente público presenta documentación en atención a la recomendación número 1,",
            "sin embargo, no se considera atendida.",
            "4 En atención a la recomendación número 4, el ente público presenta evidencia.",
        ),
        con_cierre=True,
    )
    assert [i.numero for i in incisos.items] == [1, 2, 3, 4]
    assert incisos.items[3].texto.startswith("En atención a la recomendación número 4")
