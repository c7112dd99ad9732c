"""Regresiones de escaneos (issue #9) con renglones como los que da el OCR: una prueba por clase
de falla, sin pasar por tesseract."""

from __future__ import annotations

from dataclasses import replace

from extractores import ase_tamaulipas_desempeno, estatus, limpieza, segmentador
from extractores.segmentador import partir_incisos
from modelos.registros import Linea, Pagina
from tests.conftest import PRUEBAS


def escaneada(texto: str, top: float, x0: float = 78.0, pagina: int = 1) -> Linea:
    return Linea(texto, pagina, x0, top, top + 8, 7.6, ocr=True, x1=540.0)


def test_romanos_de_inciso_mal_leidos_por_ocr() -> None:
    """El OCR lee «II.» como «IL.», «Il» u «11», «III» como «HI.» o «TIL», «VIII» como «VIIL» y
    «I.» como «L.»: cuentan si se leen como el romano que sigue (reservada-romana)."""
    textos = [
        "L. No presenta un diagrama de flujo del proceso general de operación.",
        "IL. No presenta un análisis FODA con alternativas.",
        "TIL No presenta la matriz de indicadores para resultados.",
        "IV. Presenta reportes trimestrales, sin embargo, está incompleto.",
        "V. El programa no cuenta con un manual de procedimientos.",
        "VI. Presenta un programa anual de trabajo.",
        "VII. El programa no cuenta con las fichas técnicas.",
        "VIIL El programa no cuenta con un sistema de control.",
    ]
    bloque = [escaneada(t, 100 + 18 * i) for i, t in enumerate(textos)]
    incisos = partir_incisos(bloque)
    assert [i.numero for i in incisos.items] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert incisos.items[1].texto == "No presenta un análisis FODA con alternativas."
    assert incisos.items[7].texto == "El programa no cuenta con un sistema de control."
    assert not incisos.dudas


def test_romano_mal_leido_tras_primer_inciso_sin_numero() -> None:
    """El primer inciso perdió su «I.» y el segundo se lee «IL No presenta…»."""
    bloque = [
        escaneada("Cuenta con un programa anual de trabajo actualizado al ejercicio.", 100),
        escaneada("IL No presenta reportes trimestrales de avance físico.", 118),
        escaneada("III. Cuenta con una estrategia de cobertura documentada.", 136),
    ]
    incisos = partir_incisos(bloque)
    assert [(i.numero, i.texto[:20]) for i in incisos.items] == [
        (1, "Cuenta con un progra"),
        (2, "No presenta reportes"),
        (3, "Cuenta con una estra"),
    ]


def test_referencia_romana_mal_leida_por_ocr() -> None:
    """«recomendación número Il» (II) y «número l» (I) en una justificación escaneada."""
    assert estatus.referencias_numericas(
        "presenta documentación en atención a la recomendación número Il, sin embargo", 5
    ) == [2]
    assert estatus.referencias_numericas(
        "presenta documentación en atención a la recomendación número l, sin embargo", 5
    ) == [1]
    assert estatus.referencias_numericas("En atención a las recomendaciones IL y IV, el", 5) == [
        2,
        4,
    ]


def test_cierre_con_sangria_tras_justificacion_sin_numero() -> None:
    """Una sola justificación sin número (o con el número perdido por el OCR) seguida de un
    párrafo con sangría de primera línea que habla de la recomendación con un veredicto: es el
    cierre, no parte de la justificación."""
    renglones = [
        (78, "El ente público presenta documentación en atención a la recomendación"),
        (106, "número II, sin embargo, no se considera atendida ya que no incluye los"),
        (106, "elementos mínimos que señala la metodología."),
        (114, "En virtud de lo expuesto, se determina que la recomendación referida en"),
        (78, "la justificación se considera solventada."),
    ]
    bloque = [escaneada(t, 155 + 14 * i, x0) for i, (x0, t) in enumerate(renglones)]
    incisos = partir_incisos(bloque, con_cierre=True)
    assert [i.numero for i in incisos.items] == [1]
    assert incisos.items[0].texto.endswith("señala la metodología.")
    assert incisos.cierre == [
        "En virtud de lo expuesto, se determina que la recomendación referida en la "
        "justificación se considera solventada."
    ]


def _pagina_con_notas(numero: int, renglones: list[tuple[float, str, float]]) -> Pagina:
    """Una página escaneada: el cuerpo en x0=166 y renglones que el OCR pegó a su nota al
    margen (x0=60); cada renglón es (x0, texto, x1)."""
    cuerpo = [
        escaneada(f"Renglón {i} del cuerpo {'xyz'[numero - 1] * 3} con muchas palabras.",
                  300 + 14 * i, 166.0, numero)
        for i in range(20)
    ]  # fmt: skip
    pegados = [
        Linea(t, numero, x0, 100 + 16 * i, 108 + 16 * i, 7.6, ocr=True, x1=x1)
        for i, (x0, t, x1) in enumerate(renglones)
    ]
    return Pagina(numero, 612, 792, [*pegados, *cuerpo], ocr=True)


def test_nota_al_margen_pegada_por_el_ocr() -> None:
    """En un escaneo con una columna de notas al margen, el OCR pega la nota al renglón del
    cuerpo («Área evaluada: Eficiencia Procedimiento 4.- …»): se separa, y las palabras eligen
    el corte cerca de donde lo pone el ancho (reservada-marginal)."""
    # En el cuerpo caben 0.14 letras por punto: el ancho de la parte en el cuerpo pone el corte
    # una palabra antes («Eficiencia», «ASE»); las palabras lo llevan al encabezado y al cierre.
    paginas = [
        _pagina_con_notas(1, [
            (60, "Área evaluada: Eficiencia Procedimiento 4.- Evaluación de la Eficiencia", 565),
            (60, "Solventación del ente JUSTIFICACIÓN", 259),
            (60, "Valoración de la ASE Por lo anterior, las recomendaciones señaladas se "
                 "consideran", 621),
        ]),
        _pagina_con_notas(2, [(60, "Área evaluada: Diseño Procedimiento 5.- Análisis del", 380)]),
        _pagina_con_notas(3, []),
    ]  # fmt: skip
    textos = [x.texto for x in limpieza.limpiar(paginas)]
    assert textos[:3] == [
        "Procedimiento 4.- Evaluación de la Eficiencia",
        "JUSTIFICACIÓN",
        "Por lo anterior, las recomendaciones señaladas se consideran",
    ]
    assert textos[23] == "Procedimiento 5.- Análisis del"
    notas = [x.texto for x in paginas[0].quitadas]
    assert "Área evaluada: Eficiencia" in notas and "Valoración de la ASE" in notas


def test_letra_mayuscula_en_lugar_del_numero_de_inciso() -> None:
    """El OCR lee «3 .-» como «A» y «4 .-» como «E»: una letra mayúscula sola antes de otra
    palabra con mayúscula («A Presenta…», «E No presenta…») no abre una oración en español; al
    final del bloque, cada una es un inciso (con su duda), también la que pareció un cierre."""
    renglones = [
        (74, "1 .- No presenta evidencia documental del presupuesto aprobado."),
        (74, "2 .- Cuenta con instrumentos para medir la satisfacción de la población"),
        (91, "atendida actualizado al ejercicio."),
        (74, "A Presenta las fichas técnicas de los indicadores, sin embargo, está"),
        (91, "incompleto."),
        (74, "E No presenta la vinculación del programa con los objetivos del Plan"),
        (91, "Estatal de Desarrollo."),
    ]
    bloque = [escaneada(t, 100 + 11 * i, x0) for i, (x0, t) in enumerate(renglones)]
    incisos = partir_incisos(bloque, con_cierre=True)
    assert [(i.numero, i.texto[:20]) for i in incisos.items] == [
        (1, "No presenta evidenci"),
        (2, "Cuenta con instrumen"),
        (3, "Presenta las fichas "),
        (4, "No presenta la vincu"),
    ]
    assert len(incisos.dudas) == 2


def test_letra_de_inciso_perdida_deja_solo_el_parentesis() -> None:
    """En un bloque con letras, el OCR pierde la «g» de «g)» y deja «) Implementar…»."""
    textos = [
        "e) Implementar evidencia documental del presupuesto aprobado.",
        "f) Implementar las fichas técnicas de los indicadores del programa.",
        ") Implementar un padrón de beneficiarios.",
        "h) Diseñar lineamientos de operación.",
    ]
    bloque = [escaneada(f"{chr(97 + i)}) Elaborar el inciso {i}.", 100 + 15 * i) for i in range(4)]
    bloque += [escaneada(t, 160 + 15 * i) for i, t in enumerate(textos)]
    incisos = partir_incisos(bloque)
    assert [i.numero for i in incisos.items] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert incisos.items[6].texto == "Implementar un padrón de beneficiarios."


def test_mota_pegada_al_numero_de_la_referencia() -> None:
    """«recomendaciones $5 y 8»: el «$» es una mota pegada al 5."""
    texto = "En atención a las recomendaciones $5 y 8, el ente público presenta evidencia"
    assert estatus.referencias_numericas(texto, 8) == [5, 8]


def test_numero_de_pagina_mal_leido_por_ocr() -> None:
    """El OCR lee el número de página como «E», «>» o «ES»: un renglón de pocos signos en el
    mismo lugar en las páginas (o donde otra tiene su número bien leído) se quita; si no, se
    pega al inciso o al cierre que sigue en la otra página («> 2 .- El ente…»)."""

    def pagina(numero: int, pie: str) -> Pagina:
        cuerpo = [
            escaneada(f"Renglón {i} del cuerpo {'abcd'[numero - 1] * 3} con muchas palabras.",
                      200 + 10 * i, 67.0, numero)
            for i in range(40)
        ]  # fmt: skip
        return Pagina(numero, 612, 792, [*cuerpo, escaneada(pie, 757.4, 301.0, numero)], ocr=True)

    for pies in (["E", "E", ">", "E"], ["- 1", "ES", "3", "ds"]):
        paginas = [pagina(n, pie) for n, pie in enumerate(pies, start=1)]
        for p in paginas:
            p.lineas[-1].x1 = 312.0
        textos = [x.texto for x in limpieza.limpiar(paginas)]
        assert len(textos) == 160, set(textos) & set(pies)


def test_encabezados_alternos_en_un_escaneo_corto() -> None:
    """Cuatro páginas escaneadas con encabezados distintos en impares y pares: el OCR mide la
    letra chica casi como la del cuerpo, pero el encabezado queda apartado del texto por un
    hueco y se repite a la misma altura en otra página (reservada-romana)."""

    palabras = [
        "ente",
        "programa",
        "padrón",
        "metas",
        "cobertura",
        "diseño",
        "matriz",
        "árbol",
        "oficio",
        "plazo",
    ]

    def pagina(numero: int, arriba: str, x0: float) -> Pagina:
        cuerpo = [
            escaneada(" ".join(palabras[(numero * 7 + i * 3 + k * k) % 10] for k in range(9)),
                      80 + 18.7 * i, 81.0, numero)
            for i in range(30)
        ]  # fmt: skip
        encabezado = Linea(arriba, numero, x0, 40, 47, 7.0, ocr=True, x1=540.0)
        return Pagina(numero, 612, 792, [encabezado, *cuerpo], ocr=True)

    impar, par = "Auditoría Especial de Desempeño", "Informe Individual No. AED/026/2022"
    paginas = [pagina(1, impar, 423), pagina(2, par, 68), pagina(3, impar, 423)]
    paginas.append(pagina(4, par, 69))
    textos = [x.texto for x in limpieza.limpiar(paginas)]
    assert impar not in textos and par not in textos
    assert len(textos) == 4 * 30


def test_lista_romana_que_reinicia_con_el_uno_mal_leido() -> None:
    """Tras los resultados, el OCR no leyó «Recomendaciones:» y la lista vuelve a empezar con
    «IL.» (el «I.» con un trazo de más): es el bloque siguiente."""
    textos = [
        "I. Cuenta con un manual de procedimientos.",
        "II. No presenta un análisis FODA.",
        "III. Presenta reportes trimestrales.",
        "IL. Implementar lineamientos de operación publicados en el periódico oficial.",
        "II. Integrar un programa anual de trabajo con metas calendarizadas.",
    ]
    bloque = [escaneada(t, 100 + 18 * i) for i, t in enumerate(textos)]
    incisos = partir_incisos(bloque, puede_reiniciar=True)
    assert [i.numero for i in incisos.items] == [1, 2, 3]
    assert [x.texto for x in incisos.reinicio] == textos[3:]


def test_procedimiento_tras_el_titulo_de_la_seccion_en_dos_renglones() -> None:
    """El título de la sección VI sigue en un segundo renglón en mayúsculas y, en el escaneo,
    «Procedimiento 1.- …» no queda apartado por un hueco: tras un título, también abre."""
    from extractores.segmentador import segmentar

    textos = [
        "VI. PROCEDIMIENTOS DE AUDITORÍA APLICADOS, RESULTADOS Y RECOMENDACIONES DE",
        "ASPECTOS SUSCEPTIBLES DE MEJORA (ASM)",
        "Procedimiento 1.- Análisis de la Operación del Programa Seguridad Pública,",
        "conforme a la Metodología de Marco Lógico (MML).",
        "RESULTADOS",
        "1.1 No presenta evidencia documental del presupuesto aprobado y ejercido.",
        "Procedimiento 2.- Análisis de la Economía del Programa Seguridad Pública.",
        "RESULTADOS",
        "2.1 Cuenta con un manual de procedimientos.",
    ]
    segmentos = segmentar([escaneada(t, 67 + 16 * i, 162.0) for i, t in enumerate(textos)])
    assert [p.numero for p in segmentos.procedimientos] == [1, 2]


def test_subnumero_de_inciso_con_coma_en_un_escaneo() -> None:
    """«4,4 Integrar…»: el OCR leyó el punto del subnúmero como coma."""
    textos = [
        "4.1 Integrar un manual de procedimientos.",
        "4.2 Documentar un padrón de beneficiarios.",
        "4.3 Documentar una estrategia de cobertura.",
        "4,4 Integrar el árbol de problemas y de objetivos.",
    ]
    incisos = partir_incisos([escaneada(t, 100 + 17 * i, 166.0) for i, t in enumerate(textos)])
    assert [(i.numero, i.texto[:8]) for i in incisos.items] == [
        (1, "Integrar"),
        (2, "Document"),
        (3, "Document"),
        (4, "Integrar"),
    ]


def test_encabezado_de_varios_renglones_movido_por_el_giro() -> None:
    """Un encabezado de tres renglones que el giro de la hoja sube o baja (y al que el OCR pega
    a veces el logotipo: «ES AUDITORÍA…») no se repite a la misma altura en la mayoría de las
    páginas: el grupo apartado del texto por un hueco que se repite en otra página se quita."""
    palabras = ["ente", "programa", "padrón", "metas", "cobertura", "diseño", "matriz", "árbol"]

    def pagina(numero: int, arriba: float, logotipo: str) -> Pagina:
        textos = [f"{logotipo}AUDITORÍA SUPERIOR DEL ESTADO", "Auditoría Especial", "Informe"]
        encabezado = [
            Linea(t, numero, 400.0, arriba + 12 * i, arriba + 12 * i + 7, 6.5, ocr=True, x1=540.0)
            for i, t in enumerate(textos)
        ]
        cuerpo = [
            escaneada(" ".join(palabras[(numero * 5 + i * 3 + k * k) % 8] for k in range(9)),
                      100 + 15 * i, 81.0, numero)
            for i in range(35)
        ]  # fmt: skip
        return Pagina(numero, 612, 792, [*encabezado, *cuerpo], ocr=True)

    paginas = [pagina(1, 21, "ES "), pagina(2, 30, ""), pagina(3, 33, ""), pagina(4, 20, "ES ")]
    textos = [x.texto for x in limpieza.limpiar(paginas)]
    assert not any("AUDITORÍA" in t or "Informe" in t for t in textos)
    assert len(textos) == 4 * 35


def test_renglon_partido_al_reves_deja_el_documento_parcial() -> None:
    """En un escaneo girado, el OCR partió «7 .- Presenta lineamientos de operación…» y dejó
    su final antes que su principio: el texto queda revuelto y el inciso 6 se lleva palabras
    del 7 sin que nada falte. Una oración lo avisa (el documento queda `parcial`)."""
    renglones = [
        (72.4, "6 .- No se aprecia un programa de capacitación para el personal", 551.0),
        (90.0, "valorar su desempeño.", 201.2),
        (
            150.1,
            "lineamientos de operación publicados en el periódico oficial, sin embargo,",
            551.9,
        ),
        (72.7, "7 .- Presenta 11", 158.8),
        (90.7, "está incompleto.", 174.6),
    ]
    lineas = [
        Linea(t, 3, x0, 491 + 7 * i, 499 + 7 * i, 6.5, ocr=True, x1=x1)
        for i, (x0, t, x1) in enumerate(renglones)
    ]
    avisos = limpieza.renglones_al_reves(lineas)
    assert len(avisos) == 1 and "página 3" in avisos[0] and "revuelto" in avisos[0]
    # Un renglón que empieza con mayúscula a la derecha (la fecha) no es un final partido.
    fecha = Linea("Ciudad Victoria, Tamaulipas, a 16 de marzo de 2022", 1, 300, 68, 76, 7.6,
                  ocr=True, x1=540.0)  # fmt: skip
    nombre = Linea("ING. NATALIA GUZMÁN CRUZ", 1, 72, 88, 96, 7.6, ocr=True, x1=200.0)
    assert limpieza.renglones_al_reves([fecha, nombre]) == []


def test_documento_con_renglon_al_reves_queda_parcial(monkeypatch) -> None:
    """El aviso llega al documento: `parcial`, con la oración en `error`."""
    from extractores import documento

    original = limpieza.renglones_al_reves
    monkeypatch.setattr(
        limpieza, "renglones_al_reves", lambda lineas: [*original(lineas), "Revuelto."]
    )
    resultado = documento.procesar_archivo(
        next((PRUEBAS / "ejemplos").glob("ase-tamaulipas-*.informe.pdf"))
    )
    assert resultado.documento.estado == "parcial"
    assert "Revuelto." in resultado.documento.error


def test_letras_de_inciso_leidas_como_numeros() -> None:
    """En un bloque con letras, el OCR lee «f)» y «g)» como «1)» y «2)»: como el bloque sigue
    con «h)», no es otra lista que empieza sino las letras que siguen."""
    letras = "abcde"
    bloque = [escaneada(f"{c}) Presenta el elemento {c} del programa.", 200 + 15 * i)
              for i, c in enumerate(letras)]  # fmt: skip
    bloque += [
        escaneada("1) No se aprecia las fichas técnicas de los indicadores.", 275),
        escaneada("2) No presenta un análisis FODA con alternativas.", 290),
        escaneada("h) No presenta una estrategia de cobertura documentada.", 305),
    ]
    incisos = partir_incisos(bloque)
    assert [i.numero for i in incisos.items] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert incisos.items[5].texto == "No se aprecia las fichas técnicas de los indicadores."


def test_letras_con_punto_y_guion_mal_leidas_por_ocr() -> None:
    """En un bloque «a.-», «b.-» (reservada-guiones), el OCR lee «c.-» como «C.-» y «g.-» como
    «9.-»: son las letras que siguen."""
    textos = [
        "a.- Presenta un manual de procedimientos, sin embargo, está incompleto.",
        "b.- El programa no cuenta con instrumentos para medir la satisfacción.",
        "C.- Cuenta con un programa anual de trabajo con metas calendarizadas.",
        "d.- Presenta el árbol de problemas y de objetivos.",
        "e.- No presenta la matriz de indicadores para resultados.",
        "f.- Cuenta con un sistema de control y monitoreo.",
        "9.- Presenta un análisis FODA con alternativas para los riesgos.",
    ]
    bloque = [escaneada(t, 100 + 18 * i) for i, t in enumerate(textos)]
    incisos = partir_incisos(bloque)
    assert [i.numero for i in incisos.items] == [1, 2, 3, 4, 5, 6, 7]
    assert (
        incisos.items[2].texto
        == "Cuenta con un programa anual de trabajo con metas calendarizadas."
    )
    assert incisos.items[6].texto.startswith("Presenta un análisis FODA")
    assert not incisos.dudas


def test_sello_junto_a_la_firma_no_entra_en_el_nombre() -> None:
    """El OCR pega al nombre del Auditor Superior lo que lee del sello circular de al lado."""
    firma = [
        escaneada("EL AUDITOR SUPERIOR DEL ESTADO", 214, 82.0),
        escaneada("AUDITORÍA SUPERIOR Y", 221, 437.0),
        escaneada("ING. LUIS DÍAZ FLORES Ñ Despacmo DeL mruran /", 239, 82.0),
    ]
    assert ase_tamaulipas_desempeno._auditor_superior(firma) == "Luis Díaz Flores"
    assert (
        ase_tamaulipas_desempeno.nombre_antes_del_sello(
            "ING. PATRICIA LÓPEZ FLORES [-- TAMAULIPAS |"
        )
        == "ING. PATRICIA LÓPEZ FLORES"
    )
    assert ase_tamaulipas_desempeno.nombre_antes_del_sello("C.P. María de la Luz Pérez") == (
        "C.P. María de la Luz Pérez"
    )


def test_letra_g_leida_como_nueve_en_la_referencia() -> None:
    """«las recomendaciones de los incisos a) y g)»: el OCR lee «g)» como «9)»."""
    texto = "En atención a las recomendaciones de los incisos a) y 9), el ente público presenta"
    assert estatus.referencias_numericas(texto, 7) == [1, 7]


def test_recomendaciones_entre_resultados_dejan_duda() -> None:
    """El OCR perdió el encabezado «Recomendaciones» y la lista no volvió a empezar (escaneo
    61-003 de `densa`): las recomendaciones quedaban entre los resultados con el documento `ok`."""
    from extractores.ase_tamaulipas_desempeno import _recomendaciones_entre_resultados
    from modelos.registros import Item, Procedimiento, Recomendacion

    resultados = [
        Item(1, "No presenta el diagnóstico del problema que atiende el Pp.", 4),
        Item(2, "El ente público no cuenta con un padrón de beneficiarios.", 4),
        Item(3, "Implementar un Diagrama de Flujo del proceso general de operación.", 5),
        Item(4, "Elaborar un padrón de beneficiarios.", 5),
    ]
    procedimiento = Procedimiento(2, 4, resultados=resultados)
    (duda,) = _recomendaciones_entre_resultados(procedimiento)
    assert duda.startswith("Los resultados 3, 4 empiezan como recomendaciones")
    # Con su bloque de recomendaciones, o con resultados que no empiezan en infinitivo, nada.
    procedimiento.recomendaciones = [Recomendacion(1, "Diseñar el árbol de problemas.", 5)]
    assert _recomendaciones_entre_resultados(procedimiento) == []
    assert _recomendaciones_entre_resultados(Procedimiento(1, 3, resultados=resultados[:2])) == []


def test_numeral_de_seccion_con_la_i_leida_como_t() -> None:
    """El OCR lee «VII.» como «VIT.» (escaneo 61-014 de `word`): la sección VII se perdía dentro
    del cierre del último procedimiento, y con ella el plazo y la respuesta general del ente."""
    from extractores.segmentador import segmentar

    textos = [
        "Procedimiento 7.- Análisis del Diseño del Programa.",
        "Justificación:",
        "a) En atención a la recomendación número 1, el ente público presenta evidencia.",
        "En virtud de lo expuesto, las recomendaciones se consideran atendidas con la",
        "documentación presentada por el ente público.",
        "VIT. Observaciones, Recomendaciones y Acciones Promovidas",
        "Se turnó OFICIO No. ASE/AED/0278/2025 de fecha 15 de noviembre de 2025.",
        "VIH. Dictamen",
    ]
    segmentos = segmentar([escaneada(t, 100 + 16 * i) for i, t in enumerate(textos)])
    assert textos[6] in [x.texto for x in segmentos.secciones[7]]
    (procedimiento,) = segmentos.procedimientos
    assert procedimiento.bloques[-1].lineas[-1].texto == textos[4]


def test_encabezado_de_bloque_arriba_de_dos_paginas_no_es_encabezado_corrido() -> None:
    """En un informe de tres páginas, «Recomendación.» y «Recomendaciones.» quedan arriba de
    las páginas 2 y 3 a la misma altura (escaneo 61-003 de `densa`): se repiten en la mitad de
    las otras páginas y el OCR los hace parecidos, pero sus palabras dicen que son encabezados
    de bloque y se quedan; el encabezado corrido de verdad se quita."""
    corrido = "AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS"

    def pagina(numero: int, bloque: str | None) -> Pagina:
        arriba = [Linea(corrido, numero, 190.0, 33, 41, 7.6, ocr=True, x1=420.0)]
        if bloque:
            arriba.append(escaneada(bloque, 84 - numero, 69.0, numero))
        cuerpo = [
            escaneada(f"{i}. Establecer el elemento {i} del programa en la página {numero}.",
                      100 + 16 * i, 69.0, numero)
            for i in range(1, 30)
        ]  # fmt: skip
        return Pagina(numero, 612, 792, [*arriba, *cuerpo], ocr=True)

    paginas = [pagina(1, None), pagina(2, "Recomendación."), pagina(3, "Recomendaciones.")]
    textos = [x.texto for x in limpieza.limpiar(paginas)]
    assert "Recomendación." in textos and "Recomendaciones." in textos
    assert corrido not in textos


def test_letra_minuscula_sola_en_lugar_del_numero_tras_fin_de_oracion() -> None:
    """El OCR lee «4 .-» como «e» o «a» («e El ente público presenta…», «a Presenta la
    vinculación…»; escaneos 61-015 y 61-031 de `apretada`): tras el fin de una oración, una
    letra minúscula sola antes de una palabra con mayúscula no es la conjunción ni la
    preposición. Si el número siguiente también está mal leído («S .-» por «5 .-»), confirma
    que falta el 4."""
    renglones = [
        (68, "1 .- No se aprecia mecanismos de transparencia del programa que"),
        (85, "permita valorar su desempeño."),
        (68, "2 .- No presenta la matriz de indicadores para resultados."),
        (68, "3 .- No se aprecia un padrón de beneficiarios que permita valorar su desempeño."),
        (68, "a Presenta la vinculación del programa con los objetivos del Plan Estatal de"),
        (85, "Desarrollo, sin embargo, está incompleto."),
        (68, "S .- No presenta un sistema de control y monitoreo del cumplimiento de metas."),
    ]
    bloque = [escaneada(t, 100 + 11 * i, x0) for i, (x0, t) in enumerate(renglones)]
    incisos = partir_incisos(bloque)
    assert [(i.numero, i.texto[:12]) for i in incisos.items] == [
        (1, "No se apreci"),
        (2, "No presenta "),
        (3, "No se apreci"),
        (4, "Presenta la "),
        (5, "No presenta "),
    ]
    assert not incisos.dudas
    # Al final del bloque nada confirma el número: se separa y queda la duda.
    renglones = [
        (68, "1 .- En atención a la recomendación número 3, el ente público presenta evidencia."),
        (68, "2 .- El ente público presenta documentación en atención a la recomendación 7."),
        (68, "3 .- El ente público presenta los lineamientos de operación."),
        (67, "e El ente público presenta un programa de capacitación para el personal,"),
        (85, "debidamente autorizado."),
    ]
    bloque = [escaneada(t, 100 + 11 * i, x0) for i, (x0, t) in enumerate(renglones)]
    incisos = partir_incisos(bloque, con_cierre=True)
    assert [(i.numero, i.texto[:12]) for i in incisos.items][-2:] == [
        (3, "El ente públ"),
        (4, "El ente públ"),
    ]
    assert len(incisos.dudas) == 1


def test_cierre_tras_un_renglon_que_perdio_su_punto() -> None:
    """El OCR perdió el punto final de la justificación («…no corresponde al ejercicio»; escaneo
    61-015 de `apretada`): la frase de cierre inconfundible en un párrafo aparte, a la izquierda
    del inciso, empieza el cierre (si no, el cierre quedaba dentro de la justificación y se
    perdía la alerta del cierre que la contradice)."""
    renglones = [
        (72, "1 .- El ente público presenta documentación en atención a la recomendación 1, sin"),
        (90, "O no se considera atendida ya que la evidencia no corresponde al ejercicio"),
        (62, "En virtud de lo expuesto, la recomendación se considera atendida con la"),
        (62, "documentación presentada por el ente público."),
    ]
    bloque = [escaneada(t, 100 + 10 * i + 10 * (i >= 2), x0) for i, (x0, t) in enumerate(renglones)]
    incisos = partir_incisos(bloque, con_cierre=True)
    assert [i.numero for i in incisos.items] == [1]
    assert incisos.items[0].texto.endswith("no corresponde al ejercicio")
    assert incisos.cierre == [
        "En virtud de lo expuesto, la recomendación se considera atendida con la "
        "documentación presentada por el ente público."
    ]
    # Sin la forma de un párrafo aparte, una frase así a media oración sigue en la justificación.
    bloque[2] = escaneada(renglones[2][1], 120, 90.0)
    assert partir_incisos(bloque, con_cierre=True).cierre == []


def test_renglon_partido_en_orden_no_es_renglon_al_reves() -> None:
    """El OCR partió «3 .- No se aprecia las fichas técnicas…» en dos pedazos del mismo renglón,
    en orden (escaneo 61-031 de `apretada`): el final empieza con minúscula a la derecha del
    renglón que sigue, pero su principio vino antes a su izquierda; no se avisa nada."""
    renglones = [
        (74.2, 139.3, "3 .- No se aprecia las fic", 211.3),
        (207.4, 141.1, "chas técnicas de los indicadores del programa que permita valorar", 554.4),
        (91.4, 148.7, "su desempeño.", 159.1),
        (73.4, 159.8, "4 .- El programa no cuenta con un programa anual de trabajo.", 529.6),
    ]
    lineas = [Linea(t, 4, x0, top, top + 8, 7.6, ocr=True, x1=x1) for x0, top, t, x1 in renglones]
    assert limpieza.renglones_al_reves(lineas) == []


def test_area_en_su_renglon_cuando_el_ocr_parte_la_palabra_en_la_descripcion() -> None:
    """Sin negritas, el área se buscaba en la descripción, donde el OCR partió la palabra
    («Evaluación de la Efi ciencia en el uso de los recursos…»; escaneo 61-031 de `apretada`):
    el renglón propio del área, que es un área conocida, la dice."""
    from extractores.ase_tamaulipas_desempeno import _area, texto_de
    from extractores.segmentador import ProcedimientoCrudo

    textos = [
        "Eficiencia",
        "Evaluación de la Efi ciencia en el uso de los recursos del Programa Unidades Básicas de",
        "Rehabilitación UBR.",
    ]
    crudo = ProcedimientoCrudo(8, 4, descripcion=[escaneada(t, 380 + 12 * i) for i, t in
                                                  enumerate(textos)])  # fmt: skip
    assert _area(crudo, texto_de(crudo.descripcion)) == "Eficiencia"


def test_lista_romana_con_el_uno_leido_como_arabigo_que_reinicia() -> None:
    """El OCR leyó el «I.» del primer inciso como «1.» y perdió el encabezado «Justificación:»
    (escaneos 2031-003 y 2031-004 de `reservada-romana`): el «II.» que sigue dice que el bloque
    va en romanos, y el «[.» o el «IL.» que vuelve a empezar es el bloque siguiente."""
    unos = [
        "[. Atendiendo a la recomendación número l, se presenta la evidencia.",
        "IL. Implementar lineamientos de operación publicados en el periódico oficial.",
    ]
    for uno in unos:
        textos = [
            "1. Establecer un programa de capacitación para el personal operativo.",
            "II. Documentar un diagrama de flujo del proceso general de operación.",
            uno,
        ]
        bloque = [escaneada(t, 100 + 18 * i) for i, t in enumerate(textos)]
        incisos = partir_incisos(bloque, puede_reiniciar=True)
        assert [i.numero for i in incisos.items] == [1, 2]
        assert [x.texto for x in incisos.reinicio] == [uno]


def test_romano_mal_leido_tras_un_punto_leido_como_coma() -> None:
    """«I. Cuenta con … al ejercicio,» (el OCR leyó el punto final como coma) y «H. Cuenta con…»
    por «II.» (escaneo 2031-003 de `reservada-romana`): el «III.» que sigue confirma que falta
    el II, y la línea al margen del inciso que se lee justo como «II.» es la que falta, aunque la
    anterior no termine en punto."""
    renglones = [
        (81.7, "I. Cuenta con lineamientos de operación publicados en el periódico oficial,"),
        (81.4, "H. Cuenta con el árbol de problemas y de objetivos conforme a la metodología"),
        (108.4, "del marco lógico actualizado al ejercicio."),
        (81.0, "III. No se aprecia un programa de capacitación para el personal operativo."),
        (80.3, "IV. Cuenta con las fichas técnicas de los indicadores del programa."),
    ]
    bloque = [escaneada(t, 215 + 18 * i, x0) for i, (x0, t) in enumerate(renglones)]
    incisos = partir_incisos(bloque)
    assert [(i.numero, i.texto[:20]) for i in incisos.items] == [
        (1, "Cuenta con lineamien"),
        (2, "Cuenta con el árbol "),
        (3, "No se aprecia un pro"),
        (4, "Cuenta con las ficha"),
    ]
    assert not incisos.dudas
    # Un renglón con sangría colgante que empieza igual («H. Ayuntamiento…») sigue su inciso.
    bloque[1] = escaneada(renglones[1][1], 233, 108.4)
    assert [i.numero for i in partir_incisos(bloque).items] == [1, 3, 4]


def test_referencias_romanas_con_trazos_mal_leidos_y_uno_arabigo() -> None:
    """«número TII» (III), «número Í» (I) y «recomendaciones 1 y III» (el «I» leído como «1»;
    escaneos 2031-001 y 2031-004 de `reservada-romana`)."""
    inicio = "El ente público presenta documentación en atención a la recomendación número"
    assert estatus.referencias_numericas(f"{inicio} TII, sin embargo, no se considera", 4) == [3]
    assert estatus.referencias_numericas(f"{inicio} Í, sin embargo, no se considera", 2) == [1]
    texto = "II. En atención a las recomendaciones 1 y III, el ente público presenta evidencia"
    assert estatus.referencias_numericas(texto, 3) == [1, 3]


def _fila(texto: str, top: float, x0: float = 76.0, pagina: int = 1) -> Linea:
    return Linea(texto, pagina, x0, top, top + 8, 7.6, ocr=True, x1=530.0)


def test_fila_de_titulos_de_tabla_escaneada_con_basura() -> None:
    """La fila de títulos de una tabla escaneada con una mota antes, pedazos de borde después o
    sin el «No.» (escaneos 2041 de `reservada-tabla`): se descarta al empezar el bloque o la
    página, y el número solo en su celda, también con el borde suelto («3 | Presenta…»), abre
    la fila."""
    for titulos in ("Í No. Recomendación", "No. | Recomendación MN", "E Recomendación _ 7]"):
        filas = [
            _fila(titulos, 100),
            _fila("1 Establecer un manual de procedimientos para la entrega de los apoyos.", 120),
            _fila("2 Integrar reportes trimestrales de avance físico y financiero.", 140),
            _fila("3 | Implementar una estrategia de cobertura documentada.", 160),
        ]
        incisos = partir_incisos(filas)
        assert [(i.numero, i.texto[:12]) for i in incisos.items] == [
            (1, "Establecer u"),
            (2, "Integrar rep"),
            (3, "Implementar "),
        ], titulos
    # A media tabla, un renglón así no es la fila de títulos: no se descarta.
    filas = [
        _fila("1 Establecer un manual de procedimientos para la entrega de los apoyos.", 100),
        _fila("E Recomendación _ 7]", 120),
    ]
    incisos = partir_incisos(filas)
    assert "E Recomendación _ 7]" not in incisos.descartado
    assert incisos.dudas


def test_tabla_escaneada_sin_fila_de_titulos_numerada_sin_punto() -> None:
    """El OCR no leyó la fila de títulos, ni los números 2 y 3 («R in Elaborar…», «Ta
    Integrar…»; escaneo 2041-005): el bloque empieza con «1 » y otros renglones con un número
    mayor, así que va numerado sin punto, como una tabla."""
    filas = [
        _fila("1 Elaborar un diagrama de flujo del proceso general de operación.", 186),
        _fila("R in Elaborar la matriz de indicadores para resultados.", 204),
        _fila("Ta Integrar la vinculación del programa con los objetivos del Plan.", 224),
        _fila("4 Diseñar el diagnóstico del programa con la problemática específica.", 247),
        _fila("5 | Documentar un programa de capacitación para el personal operativo.", 264),
    ]
    incisos = partir_incisos(filas)
    assert [i.numero for i in incisos.items] == [1, 2, 3, 4, 5]
    assert incisos.items[2].texto.startswith("Integrar la vinculación")


def test_primera_fila_sin_numero_y_las_siguientes_mal_leidas() -> None:
    """El OCR perdió el número de la primera fila y leyó mal los de la segunda y la tercera
    («a Elaborar…», «8 Documentar…» por «2» y «3»; escaneo 2041-001): el «4» que sigue confirma
    que faltan el 2 y el 3, que empiezan en las oraciones que abren antes."""
    filas = [
        _fila("No. Recomendación", 199),
        _fila("Establecer un manual de procedimientos para la entrega de los apoyos.", 219, 110.0),
        _fila("a Elaborar un diagrama de flujo del proceso general de operación.", 234, 69.0),
        _fila("8 Documentar un análisis FODA con alternativas para los riesgos.", 258),
        _fila("4 Documentar la matriz de indicadores para resultados.", 272),
    ]
    incisos = partir_incisos(filas)
    assert [(i.numero, i.texto[:12]) for i in incisos.items] == [
        (1, "Establecer u"),
        (2, "Elaborar un "),
        (3, "Documentar u"),
        (4, "Documentar l"),
    ]
    assert not incisos.dudas


def test_borde_de_celda_o_palabra_minuscula_en_lugar_del_numero() -> None:
    """Donde iba el número de la fila, el OCR dejó sólo el borde de la celda («[ Cuenta con…»)
    o una palabra en minúscula («la Elaborar…»; escaneos 2041-002 y 2041-003): tras el fin de
    una oración, el número siguiente confirma que ahí empieza la fila que falta."""
    for basura in ("[", "la"):
        filas = [
            _fila("No. | Resultado", 375),
            _fila("1 Cuenta con un sistema de control y monitoreo del cumplimiento de metas.", 396),
            _fila(
                f"{basura} Cuenta con un diagrama de flujo del proceso general de operación.", 432
            ),
            _fila("3 No presenta una estrategia de cobertura documentada.", 452),
        ]
        incisos = partir_incisos(filas)
        assert [(i.numero, i.texto[:12]) for i in incisos.items] == [
            (1, "Cuenta con u"),
            (2, "Cuenta con u"),
            (3, "No presenta "),
        ], basura


def test_fila_sin_numero_legible_a_media_tabla_corre_las_siguientes() -> None:
    """«Us Integrar…» (la fila 5) queda dentro de la 4 porque la fila 6 se leyó «[5» y se tomó
    como la que seguía (escaneo 2041-001): la basura donde iba el número delata la fila 5 y la
    que se leyó «5» es la 6; el documento queda `parcial` con la duda."""
    filas = [
        _fila("No. Recomendación", 100),
        *[
            _fila(f"{n} Establecer el elemento {n} del programa.", 100 + 20 * n)
            for n in (1, 2, 3, 4)
        ],
        _fila("Us Integrar instrumentos para medir la satisfacción de la población atendida.", 200),
        _fila("[5 Implementar la vinculación del programa con los objetivos del Plan.", 220),
    ]
    incisos = partir_incisos(filas)
    assert [(i.numero, i.texto[:12]) for i in incisos.items][3:] == [
        (4, "Establecer e"),
        (5, "Integrar ins"),
        (6, "Implementar "),
    ]
    assert len(incisos.dudas) == 1 and "se corren uno" in incisos.dudas[0]


def test_encabezado_de_procedimiento_en_fila_con_el_numero_mal_leido() -> None:
    """«Procedimiento S) Área evaluada | Economía e» (escaneo 2041-005): el número ilegible de
    la fila de tabla es el que sigue."""
    from extractores.segmentador import segmentar

    textos = [
        "Procedimiento | 4 Área evaluada | Eficiencia",
        "Evaluación de la Eficiencia en el uso de los recursos del Programa.",
        "Resultados",
        "1 No presenta un manual de procedimientos para la entrega de los apoyos.",
        "Procedimiento S) Área evaluada | Economía e",
        "Análisis de la Economía en el ejercicio del gasto del Programa.",
        "Resultados",
        "1 Presenta un manual de procedimientos, sin embargo, está incompleto.",
    ]
    segmentos = segmentar([escaneada(t, 100 + 20 * i) for i, t in enumerate(textos)])
    assert [p.numero for p in segmentos.procedimientos] == [4, 5]


def test_renglon_de_basura_antes_del_encabezado_y_despues_del_cierre() -> None:
    """Lo que el OCR lee del borde de una tabla («a A A A AAA», «y A A»; escaneos 2041-007 y
    2041-002) no es una oración que siga: el «Justificación» de después es encabezado, y tras el
    cierre se descarta."""
    from extractores.segmentador import segmentar

    textos = [
        "Procedimiento 7 Área evaluada Diseño",
        "Análisis del Diseño del Programa.",
        "Recomendaciones",
        "No. | Recomendación",
        "1 Implementar Mecanismos de Transparencia y Rendición de Cuentas del programa.",
        "a A A A AAA",
        "Justificación",
        "En relación con la recomendación 1, el ente público presenta evidencia documental.",
        "Conclusión: Analizada la documentación presentada, la recomendación aludida por el",
        "ente público se da por solventada.",
        "y A A",
    ]
    (procedimiento,) = segmentar(
        [escaneada(t, 100 + 20 * i) for i, t in enumerate(textos)]
    ).procedimientos
    # «Conclusión:» abre el bloque de valoración, que es el cierre (ver `partir_valoracion`).
    tipos = [b.tipo for b in procedimiento.bloques]
    assert tipos == ["recomendaciones", "justificacion", "valoracion"]
    justificacion = partir_incisos(procedimiento.bloques[1].lineas, con_cierre=True)
    assert [i.texto for i in justificacion.items] == [
        "En relación con la recomendación 1, el ente público presenta evidencia documental."
    ]
    cierre, descartado = segmentador.partir_valoracion(procedimiento.bloques[2].lineas)
    assert cierre == (
        "Analizada la documentación presentada, la recomendación aludida por el ente público se "
        "da por solventada."
    )
    assert "y A A" in descartado


def test_fila_con_una_mota_en_lugar_del_numero_tras_el_salto_de_pagina() -> None:
    """«8 Presenta…» por «3» y, tras la fila de títulos repetida arriba de la otra página,
    «+ Presenta…» por «4» (escaneo 2041-005): el «5» que sigue confirma los dos que faltan; en
    una tabla el número solo en su celda también cuenta como el siguiente número del bloque."""
    filas = [
        _fila("No. Resultado", 567),
        _fila("1 No presenta un manual de procedimientos para la entrega de los apoyos.", 593),
        _fila("2 Cuenta con una estrategia de cobertura documentada.", 612),
        _fila("8 Presenta un padrón de beneficiarios, sin embargo, está incompleto.", 644),
        _fila("No. Resultado", 99, pagina=2),
        _fila("+ Presenta la matriz de indicadores, sin embargo, está incompleto.", 120, pagina=2),
        _fila("5 No presenta un sistema de control y monitoreo.", 152, pagina=2),
    ]
    incisos = partir_incisos(filas)
    assert [(i.numero, i.texto[:12]) for i in incisos.items] == [
        (1, "No presenta "),
        (2, "Cuenta con u"),
        (3, "Presenta un "),
        (4, "Presenta la "),
        (5, "No presenta "),
    ]
    assert not incisos.dudas


def test_numero_con_el_borde_de_la_celda_tras_basura_al_final_del_renglon() -> None:
    """«…operativo. OS mu» y «…del programa, O A»: el OCR dejó basura del borde en lugar del
    fin de la oración (escaneo 2041-005); el número con el borde de su celda («8 |», «[7 |»)
    abre la fila igual (antes se pegaban callados al inciso 5)."""
    filas = [
        _fila("No. | Recomendación", 204),
        *[_fila(f"{n} Elaborar el elemento {n} del programa.", 210 + 18 * n) for n in (1, 2, 3, 4)],
        _fila("5 | Documentar un programa de capacitación para el personal operativo. OS mu", 300),
        _fila("8 | Integrar las fichas técnicas de los indicadores del programa, O A", 320),
        _fila("[7 | Diseñar instrumentos para medir la satisfacción de la población.", 340),
    ]
    incisos = partir_incisos(filas)
    assert [(i.numero, i.texto[:12]) for i in incisos.items][4:] == [
        (5, "Documentar u"),
        (6, "Integrar las"),
        (7, "Diseñar inst"),
    ]


def test_justificacion_sin_numero_que_termina_en_coma_por_el_ocr() -> None:
    """Justificaciones en párrafos sin número: el OCR leyó el punto final como coma («…de las
    acciones realizadas,»; escaneo 2041-004); el espacio entre párrafos dice que ahí terminó."""
    renglones = [
        (318, "En relación con las recomendaciones 1 y 3, el ente público presenta evidencia"),
        (328, "de las acciones realizadas,"),
        (348, "De acuerdo con el Oficio No. ASE/AEA/991/2021, se practicó la evaluación al"),
        (358, "Control Interno de la entidad."),
    ]
    incisos = partir_incisos([escaneada(t, top) for top, t in renglones], con_cierre=True)
    assert [i.texto[:20] for i in incisos.items] == ["En relación con las ", "De acuerdo con el Of"]
    # Sin el espacio entre párrafos, la coma no termina nada.
    juntos = [escaneada(t, 318 + 10 * i) for i, (_, t) in enumerate(renglones)]
    assert len(partir_incisos(juntos, con_cierre=True).items) == 1


def test_area_en_la_fila_del_procedimiento_con_bordes_leidos() -> None:
    """«Procedimiento | 4 Área evaluada l Eficacia E]» (escaneo 2041-004): el área es la
    conocida que queda entre los pedazos del borde."""
    from extractores.ase_tamaulipas_desempeno import _area_en_fila
    from extractores.segmentador import ProcedimientoCrudo, clasificar, con_texto

    linea = escaneada("Procedimiento | 4 Área evaluada l Eficacia E]", 422)
    encabezado = clasificar(linea)
    crudo = ProcedimientoCrudo(4, 4, descripcion=[con_texto(linea, encabezado.resto)])
    assert _area_en_fila(crudo) == "Eficacia"


def test_numero_fuera_de_lugar_que_despues_se_recupera_no_deja_duda() -> None:
    """«9) Elaborar…» por «5» (escaneo 2041-002) parecía un salto en la numeración; el «6» que
    sigue lo recupera como el 5, y la duda de antes ya no vale."""
    filas = [
        _fila("No. | Recomendación", 306),
        _fila("1 Diseñar la matriz de indicadores para resultados.", 326),
        _fila("a Implementar un manual de procedimientos para la entrega de los apoyos.", 339),
        _fila("3 Elaborar un análisis FODA con alternativas para los riesgos.", 358),
        _fila("a Integrar lineamientos de operación publicados en el periódico oficial.", 378),
        _fila("9) Elaborar una estrategia de cobertura documentada.", 402),
        _fila("6 Implementar un programa anual de trabajo con metas calendarizadas.", 420),
    ]
    incisos = partir_incisos(filas)
    assert [i.numero for i in incisos.items] == [1, 2, 3, 4, 5, 6]
    assert incisos.items[4].texto.startswith("Elaborar una estrategia")
    assert not incisos.dudas


def test_mota_suelta_no_es_un_renglon_al_reves() -> None:
    """Una mota leída como «ó» a media página antes del encabezado siguiente (escaneo
    2041-002) no es el final de un renglón partido."""
    encabezado = "Procedimiento 7 Área evaluada Planeación"
    lineas = [
        Linea("ó", 7, 280.1, 291.2, 294.0, 7.6, ocr=True, x1=282.6),
        Linea(encabezado, 7, 71.3, 292.0, 300.0, 7.6, ocr=True, x1=459.4),
    ]
    assert limpieza.renglones_al_reves(lineas) == []


def test_encabezado_de_procedimiento_que_el_ocr_no_leyo() -> None:
    """El OCR no leyó la fila sombreada «Procedimiento 3 Área evaluada Economía» (escaneo
    2041-006): tras la justificación del 2 vuelve a empezar un bloque de resultados, así que es
    el procedimiento 3, con el último párrafo de la justificación, que empieza como una
    descripción, por descripción; queda la duda."""
    from extractores.segmentador import segmentar

    textos = [
        "Procedimiento 2 Área evaluada Cobertura y Focalización",
        "Identificación y análisis de la Cobertura y Focalización del Programa.",
        "Recomendaciones",
        "No. Recomendación",
        "1 Documentar un diagrama de flujo del proceso general de operación.",
        "Justificación",
        "En relación con la recomendación 1, se presenta la evidencia correspondiente, por lo que",
        "se considera atendida.",
        "Análisis de la Economía en el ejercicio del gasto del Programa Centros de Asistencia",
        "Infantil Comunitarios CAIC.",
        "Resultados",
        "No. Resultado",
        "1 Presenta mecanismos de transparencia y rendición de cuentas del programa.",
        "Procedimiento | 4 Área evaluada Operación",
    ]
    segmentos = segmentar([escaneada(t, 100 + 16 * i) for i, t in enumerate(textos)])
    assert [p.numero for p in segmentos.procedimientos] == [2, 3, 4]
    dos, tres, _ = segmentos.procedimientos
    assert dos.bloques[-1].lineas[-1].texto == "se considera atendida."
    assert [x.texto for x in tres.descripcion] == textos[8:10]
    assert [b.tipo for b in tres.bloques] == ["resultados"]
    assert len(tres.dudas) == 1 and "procedimiento 3" in tres.dudas[0]


def test_cierre_que_perdio_el_se_por_el_ocr() -> None:
    """El OCR perdió «ificación se» del cierre («…referidas en la just consideran
    solventadas.»; escaneo 2031-002 de `reservada-romana`): «consideran solventadas» también es
    un veredicto, así que el párrafo con sangría es el cierre (y se ve que contradice a la
    justificación I)."""
    renglones = [
        (
            77.4,
            "I. El ente público presenta documentación en atención a la recomendación número I,",
        ),
        (
            104.4,
            "sin embargo, no se considera atendida ya que los indicadores están mal diseñados.",
        ),
        (77.4, "II. El ente público presenta el programa de capacitación, debidamente autorizado."),
        (
            112.7,
            "En virtud de lo expuesto, se determina que las recomendaciones referidas en la just",
        ),
        (76.3, "consideran solventadas."),
    ]
    bloque = [escaneada(t, 578 + 16 * i, x0) for i, (x0, t) in enumerate(renglones)]
    incisos = partir_incisos(bloque, con_cierre=True)
    assert [i.numero for i in incisos.items] == [1, 2]
    assert incisos.cierre == [
        "En virtud de lo expuesto, se determina que las recomendaciones referidas en la just "
        "consideran solventadas."
    ]


def test_recomendacion_escaneada_con_otra_pegada_deja_duda() -> None:
    """La última fila de la tabla perdió su número sin dejar rastro (escaneo 2041-006): queda
    pegada a la anterior; una recomendación con otra oración que empieza con un verbo en
    infinitivo deja la duda en vez de pasar callada."""
    from extractores.ase_tamaulipas_desempeno import _recomendaciones_pegadas
    from modelos.registros import Procedimiento, Recomendacion

    pegada = Recomendacion(
        2,
        "Documentar mecanismos de transparencia y rendición de cuentas del programa. Elaborar "
        "un manual de procedimientos para la entrega de los apoyos.",
        3,
    )
    sola = Recomendacion(1, "Documentar un diagrama de flujo. Asimismo, publicarlo.", 3)
    (duda,) = _recomendaciones_pegadas(Procedimiento(2, 3, recomendaciones=[sola, pegada]))
    assert duda.startswith("La recomendación 2 tiene otra oración")


def test_numero_de_oficio_con_espacio_antes_de_la_diagonal() -> None:
    """«Oficio No. ASE /AEA/355/2021» (escaneo 61-020 de `colgante`): el OCR metió un espacio
    antes de la diagonal; el oficio se perdía."""
    from extractores.oficios import extraer_oficios

    lineas = [
        escaneada("4.- De acuerdo con el Oficio No. ASE /AEA/355/2021, se practicó la", 298),
        escaneada("evaluación al Control Interno de la entidad.", 310),
    ]
    assert [o.numero_oficio for o in extraer_oficios([lineas])] == ["ASE/AEA/355/2021"]


def test_pagina_n_sola_cuenta_para_el_encabezado_corrido_con_la_seccion() -> None:
    """sintetico-2113-006: el encabezado corrido «Página N» + la sección en curso; en las páginas
    3 y 4 el OCR dejó «Página N» solo (la sección en otra línea). Ese «Página N» solo también es
    evidencia de que «Página 2 VI. Procedimientos…» es encabezado (el número avanza con la
    página): se quita y no entra en el último inciso de la página anterior."""

    def pagina(numero: int, arriba: str, top: float) -> Pagina:
        palabras = ["ente", "programa", "padrón", "metas", "cobertura", "diseño", "matriz",
                    "árbol", "oficio", "plazo"]  # fmt: skip
        cuerpo = [
            escaneada(" ".join(palabras[(numero * 7 + i * 3 + k * k) % 10] for k in range(9)),
                      90 + 18 * i, 50.0, numero)
            for i in range(30)
        ]  # fmt: skip
        encabezado = Linea(arriba, numero, 44.0, top, top + 8, 6.0, ocr=True, x1=560.0)
        return Pagina(numero, 612, 792, [encabezado, *cuerpo], ocr=True)

    paginas = [
        pagina(1, "Página 1 I. Resumen Ejecutivo", 41.8),
        pagina(2, "Página 2 VI. Procedimientos de auditoría aplicados, resultados y", 42.5),
        pagina(3, "Página 3", 40.3),
        pagina(4, "Página 4", 44.6),
    ]
    textos = [x.texto for x in limpieza.limpiar(paginas)]
    assert not any(t.startswith("Página") for t in textos)
    assert len(textos) == 4 * 30


def test_dos_puntos_dentro_de_una_palabra_escaneada() -> None:
    """sintetico-2112-005 (reservada-renglones): una mota leída como «:» dentro de «atendida»
    («no se considera ate:ndida») escondía el rechazo y la recomendación quedaba atendida. Los
    dos puntos entre minúsculas se quitan; los de verdad (seguidos de espacio) quedan."""
    assert limpieza.quitar_ruido_ocr("no se considera ate:ndida") == "no se considera atendida"
    assert limpieza.quitar_ruido_ocr("reportes trimestrale:s de avance") == (
        "reportes trimestrales de avance"
    )
    assert limpieza.quitar_ruido_ocr("como sigue: el ente") == "como sigue: el ente"
    texto = limpieza.quitar_ruido_ocr(
        "El ente público presenta documentación en atención a la recomendación número 2, sin "
        "embargo, no se considera ate:ndida ya que la evidencia no corresponde al ejercicio."
    )
    assert estatus._veredicto(texto)[0] == "rechaza"


def test_nota_al_pie_escaneada_sin_su_llamada() -> None:
    """sintetico-2111-006 y 2112-006 (reservada-columnas): el OCR no leyó la llamada volada de
    la nota («La documentación que soporta la respuesta…», sin su «4»): en letra de dos tercios
    de la del cuerpo, al pie, es nota y no se pega al último inciso de la página. Una línea al
    pie algo más chica que el cuerpo (un título en versalitas) queda."""
    palabras = ["ente", "programa", "padrón", "metas", "cobertura", "diseño", "matriz", "árbol"]

    def pagina(numero: int, pie: str, tamano: float) -> Pagina:
        cuerpo = [
            Linea(" ".join(palabras[(numero * 5 + i * 3 + k * k) % 8] for k in range(9)),
                  numero, 50.0, 90 + 18 * i, 98 + 18 * i, 7.0, ocr=True, x1=560.0)
            for i in range(30)
        ]  # fmt: skip
        nota = Linea(pie, numero, 48.0, 698, 703, tamano, ocr=True, x1=340.0)
        return Pagina(numero, 612, 792, [*cuerpo, nota], ocr=True)

    nota = (
        "La documentación que soporta la respuesta de la entidad fiscalizada obra en el expediente"
    )
    titulo = "ANÁLISIS DE LA JUSTIFICACIÓN"
    paginas = [pagina(1, nota, 4.7), pagina(2, titulo, 5.6)]
    textos = [x.texto for x in limpieza.limpiar(paginas)]
    assert nota not in textos
    assert titulo in textos


def test_fin_de_columna_y_titulo_de_abajo_no_es_renglon_al_reves() -> None:
    """sintetico-2111-004, 2111-006, 2112-004 (reservada-columnas): el último renglón de la
    columna de la derecha («ya que la evidencia no corresponde al ejercicio auditado.») y, dos
    renglones más abajo, el título a todo lo ancho que sigue a las columnas: no es un renglón
    partido al revés (el documento no queda `parcial` por eso)."""
    fin = Linea("ya que la evidencia no corresponde al ejercicio auditado.", 4, 328.3, 142.2,
                151.2, 7.2, ocr=True, x1=554.0)  # fmt: skip
    titulo = Linea("VII. Observaciones, Recomendaciones y Acciones Promovidas", 4, 47.9, 168.5,
                   177.5, 7.2, ocr=True, x1=311.8)  # fmt: skip
    assert limpieza.renglones_al_reves([fin, titulo]) == []


def test_seccion_del_encabezado_corrido_sin_su_numero_de_pagina() -> None:
    """sintetico-2112-004 (reservada-columnas): en la página 4 el OCR no leyó «Página 4» y dejó
    sola, bajo el renglón del encabezado que se repite, la sección en curso («VIl.
    Observaciones, Recomendaciones y Acciones Promovidas»): va con el encabezado (arriba del
    hueco que lo aparta del texto) y no abre la sección VII a media justificación. La fecha de
    la primera página, lejos del encabezado, queda."""
    palabras = ["ente", "programa", "padrón", "metas", "cobertura", "diseño", "matriz", "árbol"]
    repetido = "AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS Informe Individual AED/147/2021"

    def pagina(numero: int, arriba: list[tuple[str, float, float]]) -> Pagina:
        cuerpo = [
            escaneada(" ".join(palabras[(numero * 5 + i * 3 + k * k) % 8] for k in range(9)),
                      92 + 13 * i, 45.0, numero)
            for i in range(40)
        ]  # fmt: skip
        encabezado = [
            Linea(t, numero, x0, top, top + 8, 6.0, ocr=True, x1=560.0) for t, x0, top in arriba
        ]
        return Pagina(numero, 612, 792, [*encabezado, *cuerpo], ocr=True)

    seccion = "VIl. Observaciones, Recomendaciones y Acciones Promovidas"
    paginas = [
        pagina(1, [(repetido, 38, 33.5), ("Ciudad Victoria, Tamaulipas, a 9 de mayo de 2022", 45,
                                          62.0)]),
        pagina(2, [(repetido, 38, 33.2)]),
        pagina(3, [(repetido, 38, 33.4)]),
        pagina(4, [(repetido, 38, 33.5), (seccion, 370, 43.2)]),
    ]  # fmt: skip
    textos = [x.texto for x in limpieza.limpiar(paginas)]
    assert seccion not in textos and repetido not in textos
    assert textos[0].startswith("Ciudad Victoria")


def test_titulo_de_bloque_con_la_ultima_palabra_mutilada() -> None:
    """sintetico-2111-006 (reservada-columnas): el OCR leyó «Resultados de la rev ón» (por
    «revisión»): sigue siendo el título del bloque de resultados (si no, los resultados del
    procedimiento 6 se perdían en su descripción). Otra palabra tras el título, no."""
    encabezado = segmentador.clasificar(escaneada("Resultados de la rev ón", 438.1))
    assert encabezado is not None and encabezado.etiqueta == "BLOQUE"
    assert encabezado.valor == "resultados" and encabezado.resto == ""
    assert (
        segmentador.clasificar(escaneada("Resultados de la evaluación del programa", 438)) is None
    )


def test_columna_de_la_izquierda_no_es_columna_de_notas_al_margen() -> None:
    """sintetico-2114-006 (reservada-columnas): en páginas a dos columnas donde la de la derecha
    tiene más renglones largos, el margen medido es el de la derecha y la columna de la
    izquierda (a 260 puntos de él) parecía una columna de notas al margen: se borraba entera.
    La columna de notas es angosta; lo que empieza mucho más a la izquierda no es nota."""
    palabras = ["ente", "programa", "padrón", "metas", "cobertura", "diseño", "matriz", "árbol"]

    def pagina(numero: int) -> Pagina:
        def texto(i: int, n: int) -> str:
            return " ".join(palabras[(numero * 5 + i * 3 + k * k) % 8] for k in range(n))

        izquierda = [
            Linea(texto(i, 6), numero, 50.0, 90 + 13 * i, 98 + 13 * i, 7.0, ocr=True, x1=304.0)
            for i in range(12)
        ]
        derecha = [
            Linea(texto(i, 7), numero, 310.0, 90 + 13 * i, 98 + 13 * i, 7.0, ocr=True, x1=568.0)
            for i in range(40)
        ]
        return Pagina(numero, 612, 792, [*izquierda, *derecha], ocr=True)

    paginas = [pagina(1), pagina(2), pagina(3)]
    textos = limpieza.limpiar(paginas)
    assert len(textos) == 3 * 52
    assert sum(x.x0 < 100 for x in textos) == 3 * 12


def test_primer_renglon_del_cuerpo_bajo_el_encabezado_corrido_queda() -> None:
    """El escaneo real de la ASE: el cuerpo empieza justo bajo el encabezado corrido, a renglón
    seguido del resto del párrafo. Ese primer renglón («VI. Procedimientos de auditoría…»,
    «Resultados.») no es del encabezado aunque esté cerca de él: lo que va con el encabezado es
    la última línea de su grupo, seguida de un hueco (la prueba de arriba)."""
    palabras = ["ente", "programa", "padrón", "metas", "cobertura", "diseño", "matriz", "árbol"]
    repetido = "AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS Informe Individual AED/147/2021"
    primero = "Resultados."

    def pagina(numero: int, con_primero: bool) -> Pagina:
        # Un párrafo de dos renglones, un hueco de párrafo (26 puntos) y el resto.
        tops = [92.0, 105.0, *(131.0 + 13 * i for i in range(38))]
        cuerpo = [
            escaneada(" ".join(palabras[(numero * 5 + i * 3 + k * k) % 8] for k in range(9)),
                      top, 45.0, numero)
            for i, top in enumerate(tops)
        ]  # fmt: skip
        if con_primero:
            cuerpo = [escaneada(primero, 79.0, 45.0, numero), *cuerpo]
        encabezado = [Linea(repetido, numero, 38, 66.0, 74.0, 6.0, ocr=True, x1=560.0)]
        return Pagina(numero, 612, 792, [*encabezado, *cuerpo], ocr=True)

    paginas = [pagina(1, False), pagina(2, False), pagina(3, False), pagina(4, True)]
    textos = [x.texto for x in limpieza.limpiar(paginas)]
    assert repetido not in textos
    assert primero in textos


def test_numero_de_fila_leido_como_vineta_en_una_tabla() -> None:
    """En una tabla escaneada, el OCR leyó el número de una fila como «+» y la limpieza lo deja
    como viñeta («• Presenta…» por «4 Presenta…», arriba de la página tras la fila de títulos
    repetida; escaneo 2041-005 de `reservada-tabla`): los números solos en su celda son la
    numeración de la lista, así que la viñeta no la vuelve una lista de viñetas (salían «1.
    Presenta…» y «2. 5 No presenta…», pegados) sino la fila que falta entre el 3 y el 5."""
    renglones = [  # (página, arriba, izquierda, derecha, texto)
        (4, 567.0, 68.0, 156.0, "No. Resultado"),
        (4, 593.0, 75.0, 433.0, "1 No presenta un manual de procedimientos para la entrega."),
        (4, 612.0, 73.0, 508.0, "2 Cuenta con una estrategia de cobertura documentada para la"),
        (4, 625.0, 108.0, 210.0, "población objetivo."),
        (4, 644.0, 73.0, 514.0, "8 Presenta un padrón de beneficiarios con sus características,"),
        (4, 657.0, 107.0, 179.0, "está incompleto."),
        (5, 99.0, 79.0, 161.0, "No. Resultado"),
        (5, 120.0, 78.0, 536.0, "+ Presenta la matriz de indicadores para resultados con"),
        (5, 132.0, 113.0, 229.0, "embargo, está incompleto."),
        (5, 152.0, 78.0, 443.0, "5 No presenta un sistema de control y monitoreo de metas."),
    ]
    filas = [
        replace(_fila(limpieza.quitar_ruido_ocr(texto), top, x0, pagina), x1=x1)
        for pagina, top, x0, x1, texto in renglones
    ]
    assert filas[7].texto.startswith("• Presenta")
    incisos = partir_incisos(filas)
    assert [(i.numero, i.texto[:12]) for i in incisos.items] == [
        (1, "No presenta "),
        (2, "Cuenta con u"),
        (3, "Presenta un "),
        (4, "Presenta la "),
        (5, "No presenta "),
    ]


def test_fila_de_titulos_con_el_punto_leido_como_coma() -> None:
    """El OCR leyó «No. Recomendación» como «No, Recomendación» a media página (escaneo
    2041-006 de `reservada-tabla`): sigue siendo la fila de títulos y no entra en el primer
    inciso."""
    filas = [
        _fila("No, Recomendación", 100),
        _fila("1 Documentar un diagrama de flujo del proceso general de operación.", 120),
        _fila("2 Documentar mecanismos de transparencia y rendición de cuentas.", 140),
    ]
    incisos = partir_incisos(filas)
    assert [(i.numero, i.texto[:12]) for i in incisos.items] == [
        (1, "Documentar u"),
        (2, "Documentar m"),
    ]
    assert "No, Recomendación" in incisos.descartado


def test_encabezado_corrido_leido_en_mas_renglones_de_los_que_se_miran() -> None:
    """El OCR leyó el encabezado corrido de dos páginas en cuatro renglones (escaneo 2101-002 de
    `reservada-portada`): partido a distintas alturas («AUDITORÍA SUPERIOR…» y, más abajo,
    «Informe Individual de Auditoría»), con el número «AED/003/2019» solo en el cuarto, y la
    pleca debajo leída como letras sueltas. Sólo se miraban los tres renglones de arriba: lo
    que quedaba se pegaba al último resultado de la página anterior en un documento «ok». La
    franja del encabezado se mide con lo que se quitó por repetirse en las otras páginas; en ella
    se quitan los pedazos del encabezado (por sus palabras) y la pleca sin palabras."""
    completo = "AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS Informe Individual de Auditoría"
    segundo = "Auditoría Especial para el Desempeño AED/003/2019"

    def renglon(texto: str, numero: int, top: float, x0: float = 72.0) -> Linea:
        return Linea(texto, numero, x0, top, top + 10, 8.0, ocr=True, x1=x0 + 5.2 * len(texto))

    def pagina(numero: int, encabezado: list[Linea]) -> Pagina:
        cuerpo = [
            renglon(f"Renglón {i} del cuerpo de la página {numero}, con su texto corrido.", numero,
                    100 + 17.5 * i)
            for i in range(36)
        ]  # fmt: skip
        return Pagina(numero, 612, 936, [*encabezado, *cuerpo], ocr=True)

    paginas = [
        pagina(n, [renglon(completo, n, 30), renglon(segundo, n, 43), renglon("Ea un", n, 54)])
        for n in range(1, 7)
    ]
    partido = [
        renglon("AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS", 7, 28.8, 79),
        renglon("Informe Individual de Auditoría", 7, 36.0, 449),
        renglon("Auditoría Especial para el Desempeño", 7, 41.4, 78),
        renglon("AED/003/2019", 7, 47.9, 500),
    ]
    pleca = [
        renglon(completo, 8, 28.8),
        renglon("Auditoría Especial para el Desempeño", 8, 41.8),
        renglon("AED/003/2019", 8, 47.5, 499),
        renglon("A a —_—— — —H e", 8, 53.6),
    ]
    paginas += [pagina(7, partido), pagina(8, pleca)]
    textos = [x.texto for x in limpieza.limpiar(paginas)]
    assert textos == [
        f"Renglón {i} del cuerpo de la página {n}, con su texto corrido."
        for n in range(1, 9)
        for i in range(36)
    ]


def test_llamada_de_nota_tras_el_punto_final_leida_como_signo() -> None:
    """La llamada de nota tras el punto final del renglón, leída «”» o «*» («…conforme a los
    Términos de Referencia.”», sintetico-2115-004 de `reservada-columnas` escaneada): el renglón
    no acababa su oración, el título «Resultados de la revisión» que sigue no se reconocía y los
    resultados quedaban en la descripción del procedimiento. Se quita como la llamada pegada a
    una palabra; unas comillas que abren en el mismo renglón se quedan."""
    assert limpieza.quitar_ruido_ocr("conforme a los Términos de Referencia.”") == (
        "conforme a los Términos de Referencia."
    )
    assert limpieza.quitar_ruido_ocr("la Metodología de Marco Lógico (MML).*") == (
        "la Metodología de Marco Lógico (MML)."
    )
    assert limpieza.quitar_ruido_ocr("el programa «Agua Potable” dice “hola.”") == (
        "el programa «Agua Potable” dice “hola.”"
    )
    assert segmentador.FIN_DE_ORACION.search(
        limpieza.quitar_ruido_ocr("conforme a los Términos de Referencia.”")
    )


def test_encabezado_corrido_que_el_ocr_leyo_en_pedazos_se_quita() -> None:
    # Escaneo de reservada-narrativa (2161-001, página 5): el encabezado corrido que el OCR
    # leyó en dos renglones en las demás páginas sale en cuatro en una página apaisada (la
    # columna derecha, más chica, unos puntos más abajo): cada pedazo también es encabezado.
    cuerpos = [
        ["1. No presenta el padrón.", "2. No cuenta con metas."],
        ["De la aplicación de este procedimiento:", "A) El ente presenta oficios."],
        ["Tercer procedimiento: Eficacia", "Evaluación de la Eficacia."],
        ["SEGUNDA.- Diseñar el padrón de beneficiarios.", "En respuesta, la entidad:"],
    ]

    def pagina(numero: int, arriba: list[tuple[str, float, float]]) -> Pagina:
        encabezado = [Linea(t, numero, x0, top, top + 7.6, 7.6, ocr=True) for t, top, x0 in arriba]
        textos = cuerpos[numero - 1]
        cuerpo = [
            Linea(t, numero, 60, 80 + 14 * i, 88 + 14 * i, 7.6, ocr=True)
            for i, t in enumerate(textos)
        ]
        return Pagina(numero, 792, 612, [*encabezado, *cuerpo], ocr=True)

    corrido = [
        ("Comisión Municipal de Agua Potable de Valle Hermoso Cuenta Pública 2019", 24, 56),
        ("Programa Seguridad Pública Informe Individual de Auditoría", 33, 56),
    ]
    partido = [
        ("Comisión Municipal de Agua Potable de Valle Hermoso", 24, 56),
        ("Cuenta Pública 2019", 28.4, 670),
        ("Programa Seguridad Pública", 33, 56),
        ("Informe Individual de Auditoría", 37, 635),
    ]
    paginas = [pagina(1, corrido), pagina(2, corrido), pagina(3, corrido), pagina(4, partido)]
    textos = [x.texto for x in limpieza.limpiar(paginas) if x.pagina == 4]
    assert textos == cuerpos[3]
