"""Fragmentos de informes con los procedimientos en una tabla sin bordes (reservada-cuadernillo):
el rótulo del bloque en una columna a la izquierda, el procedimiento «3 DE 9» en una franja, los
incisos «1.ª» y las citas con el ordinal antes del nombre («la segunda recomendación»)."""

from __future__ import annotations

import pytest

from extractores import estatus, limpieza
from extractores.segmentador import NUMERACION, clasificar, segmentar
from modelos.registros import Linea, Pagina


def _celda(texto: str, pagina: int, x0: float, top: float, x1: float, tamano=10.0) -> Linea:
    return Linea(texto, pagina, x0, top, top + tamano, tamano, x1=x1)


def test_rotulos_de_la_tabla_no_son_notas_al_margen() -> None:
    """Los incisos de la columna derecha (más numerosos) dan el margen más frecuente, pero los
    párrafos a todo lo ancho empiezan a su izquierda y lo cruzan: la columna de la izquierda es
    del cuerpo (los rótulos «Resultados» y el final corto de un párrafo no se quitan)."""

    def pagina(numero: int) -> Pagina:
        y = 300 + 20 * numero
        parrafo = [
            _celda(f"Renglón {i} de un párrafo a todo lo ancho de la página {numero}, largo.",
                   numero, 70, y + 13 * i, 555)
            for i in range(6)
        ] + [_celda("resultados.", numero, 70, y + 78, 120)]  # fmt: skip
        tabla = [_celda("Resultados", numero, 76, y + 100, 122, 8.5)] + [
            _celda(f"{i}. Inciso de la columna derecha de la tabla, con su texto.", numero, 180,
                   y + 87 + 13 * i, 540)
            for i in range(1, 20)
        ]  # fmt: skip
        return Pagina(numero, 612, 792, parrafo + tabla)

    textos = [x.texto for x in limpieza.limpiar([pagina(n) for n in (1, 2, 3)])]
    assert textos.count("Resultados") == 3
    assert textos.count("resultados.") == 3


@pytest.mark.parametrize(
    ("texto", "numero", "area"),
    [
        ("PROCEDIMIENTO 3 DE 9 Cobertura y Focalización", "3", "Cobertura y Focalización"),
        ("PROCEDIMIENTO 7 DE 9 Medición de Resultados", "7", "Medición de Resultados"),
        ("Procedimiento 1 de 4", "1", ""),
    ],
)
def test_procedimiento_de_total_con_area(texto: str, numero: str, area: str) -> None:
    encabezado = clasificar(_celda(texto, 1, 76, 100, 500))
    assert encabezado is not None
    assert (encabezado.etiqueta, encabezado.valor, encabezado.area) == (
        "PROCEDIMIENTO",
        numero,
        area,
    )


def test_procedimiento_de_total_imposible_no_es_encabezado() -> None:
    assert clasificar(_celda("Procedimiento 9 de 3 Eficacia", 1, 76, 100, 500)) is None


def test_conclusion_de_la_ase_es_bloque() -> None:
    encabezado = clasificar(_celda("Conclusión de la ASE", 1, 76, 100, 150))
    assert encabezado is not None and encabezado.etiqueta == "BLOQUE"


@pytest.mark.parametrize(("texto", "numero"), [("1.ª Establecer un análisis FODA", "1"),
                                               ("12.ª Integrar las fichas", "12"),
                                               ("3º Presenta el diagnóstico", "3")])  # fmt: skip
def test_numeracion_con_ordinal_abreviado(texto: str, numero: str) -> None:
    coincidencia = NUMERACION.match(texto)
    assert coincidencia is not None and coincidencia.group("numero") == numero
    assert texto[coincidencia.end() :][0].isupper()


def test_rotulo_partido_en_la_columna_izquierda() -> None:
    """«Respuesta de la» + «entidad» a la izquierda y el primer inciso a su derecha, en el mismo
    renglón: el orden de lectura los intercala; el rótulo se une y abre su bloque."""
    renglones = [
        _celda("PROCEDIMIENTO 1 DE 2 Eficacia", 2, 76, 100, 300),
        _celda("Evaluación de la Eficacia en el cumplimiento de metas del Programa.", 2, 70, 119,
               500, 9.5),
        _celda("Resultados", 2, 76, 143, 122, 8.5),
        _celda("1. Presenta reportes trimestrales de avance físico y financiero, sin", 2, 180,
               143, 540),
        _celda("embargo, está incompleto.", 2, 199, 155, 320),
        _celda("Recomendaciones", 2, 76, 177, 140, 8.5),
        _celda("1.ª Establecer un análisis FODA con alternativas para los riesgos.", 2, 180,
               177, 540),
        _celda("Respuesta de la", 2, 76, 205.8, 135, 8.5),
        _celda("a. De acuerdo con el Oficio No. ASE/AEA/145/2020, se practicó la evaluación", 2,
               179, 205.8, 540),
        _celda("entidad", 2, 76.3, 216.4, 108, 8.5),
        _celda("Control Interno de la entidad.", 2, 199, 218.6, 330),
        _celda("Conclusión de la", 2, 76, 240, 135, 8.5),
        _celda("Del examen de la documentación, esta Auditoría Superior declara superadas", 2,
               179, 240, 540),
        _celda("ASE", 2, 76, 250.7, 95, 8.5),
        _celda("las recomendaciones invocadas por la entidad en su respuesta.", 2, 179, 252.6,
               500),
    ]  # fmt: skip
    (procedimiento,) = segmentar(renglones).procedimientos
    tipos = [bloque.tipo for bloque in procedimiento.bloques]
    assert tipos == ["resultados", "recomendaciones", "justificacion", "valoracion"]
    textos = [" ".join(x.texto for x in bloque.lineas) for bloque in procedimiento.bloques]
    assert textos[2].startswith("a. De acuerdo") and "entidad" not in textos[2][:20]
    assert "ASE" not in textos[3].split()


@pytest.mark.parametrize(
    ("texto", "numeros"),
    [
        ("b. Atendiendo a la cuarta recomendación, se presenta la evidencia", [4]),
        ("El ente presenta documentación en atención a la segunda recomendación, sin", [2]),
        ("En atención a las recomendaciones primera y tercera, el ente público", [1, 3]),
        ("En atención a la única recomendación, el ente público presenta", [1]),
        ("Respecto a la primera y la tercera recomendaciones, se presenta", [1, 3]),
        ("La segunda etapa de la recomendación emitida", []),
    ],
)
def test_cita_con_ordinal_antes_del_nombre(texto: str, numeros: list[int]) -> None:
    assert estatus.referencias_numericas(texto, 5) == numeros


def test_hueco_tras_la_marca_del_inciso_no_es_canal() -> None:
    """En una celda justificada, el primer renglón de cada inciso deja tras «a.» un hueco que se
    alinea de inciso a inciso (y los renglones que siguen van con sangría colgante): no son dos
    columnas; la marca va con su texto (reservada-cuadernillo, semilla 2191, documento 015)."""
    from extractores import columnas

    def renglon(top: float, *tramos: tuple[float, str]) -> list:
        palabras = []
        for x0, texto in tramos:
            for palabra in texto.split():
                x1 = x0 + 3.7 * len(palabra)
                palabras.append((palabra, (x0, x1, top, top + 10)))
                x0 = x1 + 2.5
        return palabras

    primero = "El ente público presenta documentación en atención a la segunda"
    sigue = "recomendación, sin embargo, no se considera atendida ya que los"
    renglones = [
        renglon(289.0, (76, "Respuesta de la"), (179.4, "a."), (193.4, primero)),
        renglon(300.0, (76.3, "entidad"), (199.3, sigue)),
        renglon(313.0, (199.3, "indicadores se encuentran mal diseñados.")),
        renglon(331.9, (179.3, "b."), (193.8, primero)),
        renglon(344.4, (199.3, sigue)),
        renglon(357.0, (199.3, "indicadores se encuentran mal diseñados.")),
        renglon(375.0, (179.3, "c."), (193.8, primero)),
        renglon(387.4, (199.3, sigue)),
    ]
    ordenados = columnas.en_orden_de_lectura(renglones, lambda p: p[1], 10.0, lambda p: p[0])
    assert [[p[0] for p in r] for r in ordenados] == [[p[0] for p in r] for r in renglones]
    # Con un solo inciso, tras el final de una recomendación (semilla 3301, documento 003): el
    # renglón del inciso no se alinea con los demás de la derecha, pero su marca sí va al canal.
    uno = [
        renglon(436.8, (179.8, "5.ª"), (193.4, "Elaborar el árbol de problemas y de objetivos")),
        renglon(449.6, (199.3, "marco lógico.")),
        renglon(470.8, (76.4, "Respuesta de la"), (179.4, "a."), (193.4, primero)),
        renglon(481.4, (76.3, "entidad"), (199.3, sigue)),
        renglon(496.1, (199.3, "indicadores se encuentran mal diseñados.")),
    ]
    ordenados = columnas.en_orden_de_lectura(uno, lambda p: p[1], 10.0, lambda p: p[0])
    assert [[p[0] for p in r] for r in ordenados] == [[p[0] for p in r] for r in uno]


def test_rubro_con_ordinal_sobre_el_titulo_de_la_seccion() -> None:
    """«APARTADO SÉPTIMO» sobre «Observaciones, Recomendaciones y Acciones Promovidas»: abre la
    sección 7 (antes se pegaba al último inciso del procedimiento anterior)."""
    renglones = [
        _celda("APARTADO SEXTO", 2, 273, 100, 330, 9.0),
        _celda("Procedimientos de auditoría aplicados, resultados y recomendaciones de aspectos",
               2, 85, 113, 520, 11.0),
        _celda("susceptibles de mejora (ASM)", 2, 230, 127, 380, 11.0),
        _celda("PROCEDIMIENTO 1 DE 1 Eficacia", 2, 76, 150, 300),
        _celda("Recomendaciones", 2, 76, 180, 140, 8.5),
        _celda("1.ª Establecer un análisis FODA con alternativas para los riesgos.", 2, 180, 180,
               540),
        _celda("APARTADO SÉPTIMO", 2, 267, 220, 330, 9.0),
        _celda("Observaciones, Recomendaciones y Acciones Promovidas", 2, 155, 233, 470, 11.0),
        _celda("Se notificó la Cédula de Resultados y Observaciones Preliminares.", 2, 70, 260,
               540),
    ]  # fmt: skip
    (procedimiento,) = segmentar(renglones).procedimientos
    texto = " ".join(x.texto for b in procedimiento.bloques for x in b.lineas)
    assert texto.endswith("para los riesgos.")


def test_rubro_con_otro_ordinal_no_se_quita() -> None:
    from extractores.segmentador import _sin_rubros_de_seccion

    renglones = [
        _celda("APARTADO QUINTO", 2, 267, 220, 330, 9.0),
        _celda("Observaciones, Recomendaciones y Acciones Promovidas", 2, 155, 233, 470, 11.0),
    ]
    assert _sin_rubros_de_seccion(renglones) == renglones


def test_rotulo_pegado_al_inciso_en_un_escaneo() -> None:
    """El OCR lee el rótulo de la columna izquierda en el mismo renglón que el inciso de la
    derecha: «Resultados 1. No se aprecia…» (el renglón de abajo, en la columna de los incisos,
    lo confirma) y «Respuesta de la a. El ente…» + «entidad recomendación, …» (las palabras
    completan el título)."""

    def ocr(texto: str, x0: float, top: float) -> Linea:
        return Linea(texto, 2, x0, top, top + 9, 7.9, ocr=True)

    renglones = [
        ocr("PROCEDIMIENTO 3 DE 8 Eficacia", 78.8, 535.3),
        ocr("Evaluación de la Eficacia en el cumplimiento de metas del Programa.", 72.7, 558),
        ocr("Resultados 1. No se aprecia la matriz de indicadores para resultados con", 74.9, 583),
        ocr("estratégicos y de gestión que permita valorar su desempeño.", 198, 595),
        ocr(
            "Respuesta de la a. El ente público presenta documentación en atención a la", 79.9, 615
        ),
        ocr("entidad recomendación, sin embargo, no se considera atendida ya que la", 79.9, 627),
        ocr("no corresponde al ejercicio auditado.", 203.4, 642),
    ]
    (procedimiento,) = segmentar(renglones).procedimientos
    assert [b.tipo for b in procedimiento.bloques] == ["resultados", "justificacion"]
    textos = [" ".join(x.texto for x in b.lineas) for b in procedimiento.bloques]
    assert textos[0].startswith("1. No se aprecia")
    assert textos[1].startswith("a. El ente") and "la recomendación, sin embargo" in textos[1]


def test_recomendacion_con_nombre_no_es_rotulo_pegado() -> None:
    """«Recomendación 1. Elaborar…» con el renglón de abajo en el mismo margen es el inciso con
    su nombre, no el rótulo de una tabla."""
    from extractores.segmentador import _rotulos_pegados

    renglones = [
        linea_ocr := Linea("Recomendación 1. Elaborar un diagnóstico del programa con la", 2, 72,
                           100, 109, 8.0, ocr=True),
        Linea("problemática que se pretende atender.", 2, 72, 112, 121, 8.0, ocr=True),
    ]  # fmt: skip
    assert _rotulos_pegados(renglones)[0] is linea_ocr


def test_final_de_parrafo_antes_de_un_titulo_no_es_rotulo_partido() -> None:
    """«Atención al Adulto Mayor.» (fin de la descripción) + «RESULTADOS OBTENIDOS.-»: «Atención
    al RESULTADOS» sería un título de bloque, pero el renglón de abajo es un encabezado y no
    sigue ninguna oración (reservada-oficio, semilla 2061, documento 016)."""
    from extractores.segmentador import _rotulos_pegados

    renglones = [
        Linea("Atención al Adulto Mayor.", 5, 76.2, 341, 352, 11.5, ocr=True),
        Linea("RESULTADOS OBTENIDOS.-", 5, 76.3, 369.7, 381, 11.5, ocr=True),
        Linea("1.- No se aprecia reportes trimestrales de avance físico y financiero", 5, 77.3,
              398.5, 410, 11.5, ocr=True),
    ]  # fmt: skip
    assert _rotulos_pegados(renglones) == renglones


def test_escaneo_con_tabla_no_tiene_notas_al_margen() -> None:
    """En un escaneo, las páginas de la tabla de procedimientos tienen el margen de sus incisos
    (más numerosos) muy a la derecha del de las páginas de texto corrido: lo que empieza a la
    izquierda («PROCEDIMIENTO 1 DE 8 Eficiencia», «Resultados 1. …») no es una nota al margen
    que el OCR pegó al renglón (se perdía «PROCEDIMIENTO»; semilla 3301, documento 000)."""

    def ocr(texto: str, pagina: int, x0: float, top: float, x1: float = 540) -> Linea:
        return Linea(texto, pagina, x0, top, top + 8, 7.9, ocr=True, x1=x1)

    corrido = [
        ocr(f"Renglón {i} de un párrafo a todo lo ancho de la primera página del informe.", 1,
            70, 100 + 13 * i)
        for i in range(20)
    ]  # fmt: skip

    def tabla(pagina: int) -> list[Linea]:
        y = 300 + 7 * pagina
        return [
            ocr(f"PROCEDIMIENTO {pagina} DE 8 Eficiencia del Programa de Agua Potable", pagina, 75,
                y),
            ocr("Resultados 1. Presenta una estrategia de cobertura documentada para", pagina, 75,
                y + 20),
        ] + [
            ocr(f"{i}. No se aprecia un padrón de beneficiarios con sus características", pagina,
                180, y + 20 + 15 * i)
            for i in range(2, 18)
        ]  # fmt: skip

    paginas = [
        Pagina(1, 612, 792, corrido, ocr=True),
        Pagina(2, 612, 792, tabla(2), ocr=True),
        Pagina(3, 612, 792, tabla(3), ocr=True),
    ]
    textos = [x.texto for x in limpieza.limpiar(paginas)]
    assert "PROCEDIMIENTO 2 DE 8 Eficiencia del Programa de Agua Potable" in textos
    assert "PROCEDIMIENTO 3 DE 8 Eficiencia del Programa de Agua Potable" in textos
