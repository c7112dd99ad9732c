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


@pytest.mark.parametrize("unica", ["ÚNICA.- Elaborar el diagnóstico.", "UNICA.- Elaborar el diagnóstico."])
def test_recomendacion_unica(unica: str) -> None:
    incisos = partir_incisos(lineas(unica))
    assert [(x.numero, x.texto) for x in incisos.items] == [(1, "Elaborar el diagnóstico.")]


def test_ordinal_que_no_numera_no_abre_inciso() -> None:
    incisos = partir_incisos(lineas("1. Primera etapa del programa sin metas.", "Segunda parte."))
    assert len(incisos.items) == 1
