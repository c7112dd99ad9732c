"""Archivos malos: cada uno termina con su estado en `documentos` y una oración clara."""

from __future__ import annotations

import pytest

from extractores.documento import procesar_archivo
from flows.procesar import procesar
from tests.conftest import MALOS

CASOS = {
    "vacio.pdf": ("error", "vacío"),
    "no-es-pdf.pdf": ("error", "no es un PDF"),
    "pagina-html.pdf": ("error", "HTML"),
    "truncado.pdf": ("error", "incompleto"),
    "danado.pdf": ("error", "dañado"),
    "cifrado.pdf": ("error", "cifrado"),
    "no-informe.pdf": ("no reconocido", "No parece un informe"),
}


def test_todos_los_malos_tienen_caso() -> None:
    assert sorted(p.name for p in MALOS.glob("*.pdf")) == sorted(CASOS)


@pytest.mark.parametrize("nombre", sorted(CASOS))
def test_archivo_malo(nombre: str) -> None:
    estado, fragmento = CASOS[nombre]
    resultado = procesar_archivo(MALOS / nombre)
    assert resultado.documento.estado == estado
    assert fragmento in resultado.documento.error
    assert resultado.informe is None
    assert len(resultado.documento.sha256) == 64


def test_corrida_con_malos_y_buenos_termina(tmp_path, pdf_texto) -> None:
    """Los malos no detienen la corrida ni impiden publicar el informe bueno."""
    resumen = procesar([MALOS, pdf_texto], salida=tmp_path, trabajadores=2)
    assert resumen.archivos == len(CASOS) + 1
    documentos = (tmp_path / "tablas" / "documentos.csv").read_text(encoding="utf-8")
    assert documentos.count("\n") == len(CASOS) + 2  # encabezado + 8 archivos
    for nombre, (estado, _) in CASOS.items():
        assert f"{nombre},,{estado}," in documentos
    informes = (tmp_path / "tablas" / "informes.csv").read_text(encoding="utf-8")
    assert "ase-tamaulipas:AED/017/2021" in informes
    assert not list(tmp_path.rglob(".*.csv.*")), "quedó un archivo temporal a medio escribir"


def test_informe_de_otra_ase_no_se_fuerza(tmp_path) -> None:
    """Un informe de desempeño con la misma forma pero de otro estado queda «no reconocido»."""
    from reportlab.pdfgen import canvas

    ruta = tmp_path / "otra.pdf"
    hoja = canvas.Canvas(str(ruta), invariant=1)
    lineas = [
        "AUDITORÍA SUPERIOR DEL ESTADO DE NUEVO LEÓN",
        "Monterrey, Nuevo León, a 3 de marzo de 2022",
        "Informe Individual de la Auditoría de Desempeño No. AED/010/2021",
        "Procedimiento 1.",
        "Análisis y evaluación del Diseño del Programa de Becas.",
        "Recomendaciones.",
        "1. Diseñar el diagnóstico del programa.",
        "Justificación.",
        "1. En atención a la recomendación número 1, el ente presenta el diagnóstico.",
    ]
    for i, linea in enumerate(lineas):
        hoja.drawString(72, 760 - 16 * i, linea)
    hoja.showPage()
    hoja.save()
    documento = procesar_archivo(ruta).documento
    assert documento.estado == "no reconocido", documento.error
