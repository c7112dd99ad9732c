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
