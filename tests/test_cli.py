"""La línea de órdenes `informes`: procesar, resumen, errores de uso y documentación."""

from __future__ import annotations

import csv
import re
import time
from pathlib import Path

from click.testing import CliRunner

from extractores import documento as extraccion
from flows import ejecucion
from flows.cli import main
from tests.conftest import RAIZ


def filas(ruta: Path) -> list[dict[str, str]]:
    with ruta.open(encoding="utf-8", newline="") as archivo:
        return list(csv.DictReader(archivo))


def test_procesar_escribe_tablas_y_resumen(tmp_path: Path, pdf_texto: Path) -> None:
    salida = tmp_path / "salidas"
    resultado = CliRunner().invoke(main, ["procesar", str(pdf_texto), "--salida", str(salida)])
    assert resultado.exit_code == 0, resultado.output
    assert "informes: 1" in resultado.output
    assert "páginas: 10" in resultado.output
    recomendaciones = filas(salida / "tablas" / "recomendaciones.csv")
    assert len(recomendaciones) == 16
    assert {r["pagina"] for r in recomendaciones} <= {str(n) for n in range(1, 11)}
    assert all(len(r["sha256"]) == 64 for r in recomendaciones)
    assert (salida / "json" / "ase-tamaulipas_AED-017-2021.json").is_file()
    for tabla in ("informes", "procedimientos", "resultados", "justificaciones", "alertas",
                  "documentos", "personas", "oficios"):  # fmt: skip
        assert (salida / "tablas" / f"{tabla}.csv").is_file(), tabla
    assert len(filas(salida / "tablas" / "resultados.csv")) == 26
    assert len(filas(salida / "tablas" / "justificaciones.csv")) == 9


def test_dos_corridas_dan_csv_identicos(tmp_path: Path, pdf_texto: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for salida in (a, b):
        assert (
            CliRunner()
            .invoke(main, ["procesar", str(pdf_texto), "--salida", str(salida)])
            .exit_code
            == 0
        )
    for csv_a in sorted((a / "tablas").glob("*.csv")):
        csv_b = b / "tablas" / csv_a.name
        if csv_a.name == "documentos.csv":
            sin_tiempo = [{k: v for k, v in f.items() if k != "segundos"} for f in filas(csv_a)]
            assert sin_tiempo == [
                {k: v for k, v in f.items() if k != "segundos"} for f in filas(csv_b)
            ]
        else:
            assert csv_a.read_bytes() == csv_b.read_bytes(), csv_a.name


def test_reprocesar_no_duplica_y_usa_la_cache(tmp_path: Path, pdf_texto: Path) -> None:
    argumentos = ["procesar", str(pdf_texto), "--salida", str(tmp_path)]
    CliRunner().invoke(main, argumentos)
    segunda = CliRunner().invoke(main, argumentos)
    assert "0 procesados, 1 sin cambios" in segunda.output
    assert len(filas(tmp_path / "tablas" / "recomendaciones.csv")) == 16
    assert len(filas(tmp_path / "tablas" / "documentos.csv")) == 1


def test_error_de_uso_sale_distinto_de_cero(tmp_path: Path) -> None:
    resultado = CliRunner().invoke(main, ["procesar", str(tmp_path / "no-existe.pdf")])
    assert resultado.exit_code != 0
    assert "no-existe.pdf" in resultado.output
    assert CliRunner().invoke(main, ["procesar", "--trabajadores", "0"]).exit_code != 0


def _colgado(ruta, sha256=None):
    time.sleep(60)


def test_tiempo_limite_por_documento(monkeypatch, pdf_texto: Path) -> None:
    """Un PDF que cuelga al lector se corta al vencer el tiempo y queda como error."""
    monkeypatch.setattr(extraccion, "procesar_archivo", _colgado)
    inicio = time.monotonic()
    [resultado] = ejecucion.ejecutar([ejecucion.Trabajo(pdf_texto, "a" * 64)], tiempo_limite=1.5)
    assert time.monotonic() - inicio < 20
    assert resultado.documento.estado == "error"
    assert "tiempo límite" in resultado.documento.error


def test_cada_orden_esta_documentada_en_el_readme() -> None:
    readme = (RAIZ / "README.md").read_text(encoding="utf-8")
    for nombre, orden in main.commands.items():
        assert f"informes {nombre}" in readme, f"falta documentar `informes {nombre}`"
        for opcion in orden.params:
            for forma in opcion.opts:
                if forma.startswith("--") and forma not in ("--help", "--ayuda"):
                    assert forma in readme, f"falta documentar {forma} de `informes {nombre}`"


def test_readme_tiene_las_dos_ordenes() -> None:
    readme = (RAIZ / "README.md").read_text(encoding="utf-8")
    assert re.search(r"^make procesar$", readme, re.M)
    assert re.search(r"^make pruebas$", readme, re.M)
    assert "make pruebas" in (RAIZ / ".ci" / "run").read_text(encoding="utf-8")


def test_diccionario_del_readme_esta_al_dia() -> None:
    from scripts.diccionario_readme import seccion

    readme = (RAIZ / "README.md").read_text(encoding="utf-8")
    assert seccion() in readme, "ejecute `make diccionario`"
