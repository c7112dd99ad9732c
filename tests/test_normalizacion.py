"""Normalización de entes, programas y áreas: variantes reales de escritura y negativos."""

from __future__ import annotations

import pytest

from extractores.catalogos import areas
from extractores.normalizacion import entes, programas

MISMO_ENTE = [
    # DIF de Reynosa: siglas, orden de palabras, nombre largo, acentos, OCR
    ("Sistema DIF Reynosa", "dif-reynosa"),
    ("DIF Municipal de Reynosa", "dif-reynosa"),
    ("Sistema para el Desarrollo Integral de la Familia del Municipio de Reynosa", "dif-reynosa"),
    ("SISTEMA PARA EL DESARROLLO INTEGRAL DE LA FAMILIA DEL MUNICIPIO DE REYNOSA", "dif-reynosa"),
    ("Sistema DIF del Municipio de Reynosa", "dif-reynosa"),
    ("Sistema Municipal DIF Reynosa", "dif-reynosa"),
    ("DIF Reynosa", "dif-reynosa"),
    ("Sistema DIF Reyn0sa", "dif-reynosa"),
    ("Sistema D.I.F. Reynosa", "dif-reynosa"),
    ("Reynosa, Sistema DIF", "dif-reynosa"),
    # Municipio de Reynosa
    ("Municipio de Reynosa", "municipio-reynosa"),
    ("Ayuntamiento de Reynosa", "municipio-reynosa"),
    ("R. Ayuntamiento de Reynosa", "municipio-reynosa"),
    ("Republicano Ayuntamiento de Reynosa", "municipio-reynosa"),
    ("H. Ayuntamiento de Reynosa, Tamaulipas", "municipio-reynosa"),
    ("Ayuntamicnto de Reynosa", "municipio-reynosa"),
    ("MUNICIPIO DE REYNOSA", "municipio-reynosa"),
    # otros municipios, con abreviaturas y acentos
    ("Municipio de Río Bravo", "municipio-rio-bravo"),
    ("Ayuntamiento de Rio Bravo", "municipio-rio-bravo"),
    ("Municipio de Cd. Madero", "municipio-ciudad-madero"),
    ("Ayuntamiento de Ciudad Madero", "municipio-ciudad-madero"),
    ("Municipio de El Mante", "municipio-el-mante"),
    ("Ayuntamiento de Mante", "municipio-el-mante"),
    ("Municipio de Güémez", "municipio-guemez"),
    ("Municipio de Guemez", "municipio-guemez"),
    ("Municipio de Xicotencatl", "municipio-xicotencatl"),
    ("R. Ayuntamiento de Nuevo Laredo", "municipio-nuevo-laredo"),
    ("Gobierno Municipal de Victoria", "municipio-victoria"),
    ("Municipio de Soto La Marina", "municipio-soto-la-marina"),
    # organismos de agua y estatales
    ("COMAPA Nuevo Laredo", "comapa-nuevo-laredo"),
    ("Comisión Municipal de Agua Potable y Alcantarillado de Matamoros", "comapa-matamoros"),
    (
        "Comision Municipal de Agua Potable y Alcantarillado del Municipio de Tampico",
        "comapa-tampico",
    ),
    ("DIF Tamaulipas", "dif-tamaulipas"),
    (
        "Sistema para el Desarrollo Integral de la Familia del Estado de Tamaulipas",
        "dif-tamaulipas",
    ),
    ("Instituto Tamaulipeco de Vivienda y Urbanismo", "itavu"),
    ("ITAVU", "itavu"),
    ("Secretaria de Salud", "secretaria-salud"),
    ("Comisión Estatal del Agua de Tamaulipas", "ceat"),
]


@pytest.mark.parametrize(("valor", "ente_id"), MISMO_ENTE)
def test_variantes_de_un_ente(valor: str, ente_id: str) -> None:
    assert entes().normalizar(valor).id == ente_id


def test_hay_al_menos_treinta_variantes() -> None:
    assert len(MISMO_ENTE) >= 30


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Municipio de Reynosa", "Municipio de Río Bravo"),
        ("Sistema DIF Reynosa", "Municipio de Reynosa"),
        (
            "Sistema para el Desarrollo Integral de la Familia del Municipio de Reynosa",
            "R. Ayuntamiento de Reynosa",
        ),
        ("COMAPA Reynosa", "Municipio de Reynosa"),
        ("DIF Tamaulipas", "DIF Reynosa"),
        ("Municipio de Nuevo Laredo", "Municipio de Nuevo Morelos"),
        ("Municipio de San Carlos", "Municipio de San Fernando"),
        ("Sistema DIF Victoria", "Sistema DIF Villagrán"),
    ],
)
def test_entes_distintos_no_se_confunden(a: str, b: str) -> None:
    assert entes().normalizar(a).id != entes().normalizar(b).id


@pytest.mark.parametrize(
    "valor",
    ["Club de Leones de Reynosa", "Municipio de Monterrey", "Universidad Autónoma de Tamaulipas"],
)
def test_sin_coincidencia_recibe_id_propio_y_se_revisa(valor: str) -> None:
    resultado = entes().normalizar(valor)
    assert resultado.id.startswith("sin-catalogo-")
    assert resultado.metodo == "sin coincidencia"
    assert resultado.revisar


@pytest.mark.parametrize(
    ("valor", "programa_id"),
    [
        ("Centros de Asistencia Infantil Comunitarios CAIC", "caic"),
        ("Programa Centros de Atención Infantil Comunitarios (CAIC)", "caic"),
        ("Centros de Asistencia Infantil Comunitarios", "caic"),
        ("CAIC", "caic"),
        ("Desayunos Escolares Calientes", "desayunos-escolares"),
        ("Programa de Desayunos Escolares", "desayunos-escolares"),
        ("Unidades Básicas de Rehabilitación (UBR)", "ubr"),
        ("Programa de Bacheo", "vialidades"),
        ("Fondo de Aportaciones para la Infraestructura Social Municipal", "fism"),
    ],
)
def test_programas(valor: str, programa_id: str) -> None:
    assert programas().normalizar(valor).id == programa_id


def test_programa_desconocido_no_se_fuerza() -> None:
    assert programas().normalizar("Programa de Huertos Urbanos").id.startswith("sin-catalogo-")


@pytest.mark.parametrize(
    ("valor", "area"),
    [
        ("Control Interno", "Control Interno"),
        ("Diseño", "Diseño"),
        ("DISEÑO", "Diseño"),
        ("Planeación y Orientación a Resultados", "Planeación y Orientación a Resultados"),
        ("Planeacion y Orientacion a Resultados", "Planeación y Orientación a Resultados"),
        ("Cobertura y Focalizacion", "Cobertura y Focalización"),
        ("Percepción de la Población Atendida", "Percepción de la Población Atendida"),
        ("Medición de Resultados", "Medición de Resultados"),
        ("Eficacia", "Eficacia"),
        ("Eficiencia", "Eficiencia"),
        ("Economía", "Economía"),
    ],
)
def test_areas(valor: str, area: str) -> None:
    assert areas().normalizar(valor) == area


def test_area_desconocida_queda_como_esta() -> None:
    assert areas().resolver("Gestión de Riesgos Hidrometeorológicos")[2] == "sin coincidencia"
