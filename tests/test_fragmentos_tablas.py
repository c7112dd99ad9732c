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


def test_tabla_de_incisos_con_numero_en_celda_y_titulos_repetidos() -> None:
    """«No. | Recomendación»: el número en su celda sin punto; la fila de títulos que se repite
    al inicio de la página siguiente no es un inciso ni se pega al anterior."""
    from extractores.segmentador import partir_incisos

    bloque = [
        linea("No. Resultado", 3, 77, 508),
        linea("1 El programa no cuenta con un análisis FODA.", 3, 77, 527),
        linea("2 El programa no cuenta con el diagnóstico con la problemática específica que se",
              3, 76, 547),
        linea("pretende atender.", 3, 110, 561),
        linea("No. Resultado", 4, 77, 101, True),
        linea("3 No se aprecia un diagrama de flujo del proceso general.", 4, 76, 121),
    ]  # fmt: skip
    incisos = partir_incisos(bloque)
    assert [(i.numero, i.texto) for i in incisos.items] == [
        (1, "El programa no cuenta con un análisis FODA."),
        (2, "El programa no cuenta con el diagnóstico con la problemática específica que se "
            "pretende atender."),
        (3, "No se aprecia un diagrama de flujo del proceso general."),
    ]  # fmt: skip


def test_numero_de_pagina_bajo_el_encabezado_con_logotipo() -> None:
    """«Página 2 de 6» debajo de tres renglones de encabezado y un logotipo al lado se quita."""
    from extractores import limpieza
    from modelos.registros import Pagina

    def pagina(n: int) -> Pagina:
        cabeza = [
            Linea("AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS", n, 64, 34, 42, 8.0),
            Linea("ASE", n, 503, 37, 50, 13.0),
            Linea("Informe Individual de Auditoría de Desempeño AED/044/2022", n, 65, 44, 52, 8.0),
            Linea("TAMAULIPAS", n, 499, 51, 56, 5.5),
            Linea(f"Página {n} de 3", n, 65, 54, 60, 8.0),
        ]
        cuerpo = [
            Linea(f"Renglón {i} del cuerpo del informe con bastantes palabras.", n, 71,
                  100 + 14 * i, 110 + 14 * i, 10.0)
            for i in range(20)
        ]  # fmt: skip
        return Pagina(n, 612, 792, cabeza + cuerpo)

    textos = [x.texto for x in limpieza.limpiar([pagina(n) for n in (1, 2, 3)])]
    assert not [t for t in textos if t.startswith("Página")]


def test_justificaciones_sin_numero_que_citan_su_recomendacion() -> None:
    """Cada párrafo es una justificación (el que cita y el que no); el espacio entre párrafos
    o la cita separan; el renglón que sigue la oración no. «Conclusión:» corrido abre el cierre
    y se descarta."""
    from extractores.segmentador import partir_incisos

    bloque = [
        linea("En relación con la recomendación 2, el ente público presenta documentación; sin",
              5, 71, 214),
        linea("embargo, no se considera atendida ya que el documento no está autorizado.", 5, 70,
              227),
        linea("El ente público presenta el análisis FODA elaborado en el periodo.", 5, 71, 247),
        linea("En relación con las recomendaciones 1 y 3, el ente público presenta evidencia.", 5,
              71, 267),
        linea("Conclusión: Con la evidencia remitida por la entidad fiscalizada, se dan por", 5, 70,
              288),
        linea("atendidas las recomendaciones a que hace referencia su justificación.", 5, 71, 300),
    ]  # fmt: skip
    incisos = partir_incisos(bloque, con_cierre=True)
    assert [i.texto[:40] for i in incisos.items] == [
        "En relación con la recomendación 2, el e",
        "El ente público presenta el análisis FOD",
        "En relación con las recomendaciones 1 y ",
    ]
    assert incisos.cierre == [
        "Con la evidencia remitida por la entidad fiscalizada, se dan por atendidas las "
        "recomendaciones a que hace referencia su justificación."
    ]
    assert "Conclusión: " in incisos.descartado


def test_justificaciones_sin_numero_que_dicen_lo_que_presento_el_ente() -> None:
    """Sin citar números, «El ente público presenta…» abre otra justificación; el cierre sigue."""
    from extractores.segmentador import partir_incisos

    bloque = [
        linea("El ente público presenta el sistema de control y monitoreo, debidamente autorizado.",
              3, 71, 300),
        linea("El ente público presenta el diagrama de flujo elaborado en el periodo.", 3, 71, 320),
        linea("Por lo anterior, esta Auditoría Superior determina que las recomendaciones a las",
              3, 71, 340),
        linea("que se refiere la justificación quedan atendidas.", 3, 71, 353),
    ]  # fmt: skip
    incisos = partir_incisos(bloque, con_cierre=True)
    assert [i.numero for i in incisos.items] == [1, 2]
    assert incisos.cierre[0].startswith("Por lo anterior, esta Auditoría Superior")


def test_tabla_escaneada_con_bordes_leidos_como_signos() -> None:
    """El OCR lee los bordes de las celdas como «|», «[» o «]»: el encabezado, la fila de títulos
    y el número en su celda se reconocen igual."""
    from dataclasses import replace

    from extractores.segmentador import partir_incisos

    fila = replace(linea("Procedimiento | 4 Área evaluada | Eficiencia"), ocr=True)
    encabezado = clasificar(fila)
    assert encabezado is not None
    assert (encabezado.etiqueta, encabezado.valor) == ("PROCEDIMIENTO", "4")
    bloque = [
        replace(linea(t, 2, 70, 490 + 20 * i), ocr=True)
        for i, t in enumerate([
            "No. | Recomendación 1]",
            "1 Integrar el árbol de problemas y de objetivos.",
            "2 Documentar la matriz de indicadores para resultados.",
            "[ 3 Implementar un manual de procedimientos para la entrega de los apoyos.",
        ])
    ]  # fmt: skip
    incisos = partir_incisos(bloque)
    assert [i.numero for i in incisos.items] == [1, 2, 3]
    assert incisos.items[2].texto.startswith("Implementar un manual")


def test_pie_legal_escaneado_sin_llamada_se_quita() -> None:
    """El pie legal de letra chica escaneado (su primer renglón quedó fuera de los renglones que
    se repiten) se quita aunque no empiece con la llamada de una nota."""
    from extractores import limpieza
    from modelos.registros import Pagina

    def pagina(n: int) -> Pagina:
        cuerpo = [
            Linea(f"Renglón {i} del cuerpo del informe con bastantes palabras.", n, 71,
                  100 + 14 * i, 110 + 14 * i, 7.6, ocr=True)
            for i in range(30)
        ]  # fmt: skip
        pie = [
            Linea("La información contenida en este Informe Individual se emite con fundamento",
                  n, 63, 733, 739, 4.7, ocr=True),
            Linea("Mexicanos, 76 de la Constitución Política del Estado de Tamaulipas", n, 63,
                  741, 748, 4.7, ocr=True),
            Linea("difusión se sujeta a la Ley de Transparencia y Acceso a la Información", n, 63,
                  749, 756, 4.7, ocr=True),
            Linea("87000, Ciudad Victoria, Tamaulipas. Tel. (834) 318 5800.", n, 63, 757, 763,
                  4.9, ocr=True),
        ]  # fmt: skip
        return Pagina(n, 612, 792, cuerpo + pie, ocr=True)

    textos = [x.texto for x in limpieza.limpiar([pagina(n) for n in (1, 2, 3)])]
    assert not [t for t in textos if t.startswith("La información contenida")]


def test_encabezado_en_fila_escaneado_con_motas_y_bordes() -> None:
    """Una mota antes de la fila y el borde leído como «l» no esconden el procedimiento."""
    for texto, numero in [
        ("Í Procedimiento | 5 Área evaluada Medición de Resultados", "5"),
        ("Procedimiento l 5 Área evaluada Eficacia", "5"),
        ("Procedimiento 12 Área evaluada Diseño", "12"),
    ]:
        encabezado = clasificar(linea(texto))
        assert encabezado is not None and encabezado.valor == numero, texto


def test_parrafo_con_forma_de_cierre_sin_veredicto_es_otra_justificacion() -> None:
    """Entre justificaciones sin número, un párrafo aparte que no da veredicto («De acuerdo con
    el Oficio…») es otra justificación, no cierre ni parte de la anterior."""
    from extractores.segmentador import partir_incisos

    bloque = [
        linea("El ente público presenta el diagnóstico del programa.", 7, 71, 535, True),
        linea("De acuerdo con el Oficio No. ASE/AEA/142/2022, se practicó la evaluación al", 7, 71,
              555, True),
        linea("Control Interno de la entidad.", 7, 70, 570),
    ]  # fmt: skip
    incisos = partir_incisos(bloque, con_cierre=True)
    assert [i.numero for i in incisos.items] == [1, 2]
    assert incisos.cierre == []
