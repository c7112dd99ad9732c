"""Rendimiento sin cronómetros: lo que se importa al arrancar, los procesos que se reutilizan,
el OCR en paralelo y las páginas en blanco que no llegan a tesseract."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from extractores import documento, ocr, texto_pdf
from flows import ejecucion
from tests.conftest import EJEMPLOS, RAIZ

PESADOS = ("spacy", "prefect", "matplotlib", "pandas")
_ORIGINAL = documento.procesar_archivo


def _importados_al_pedir_ayuda(*orden: str) -> set[str]:
    codigo = (
        "import sys\n"
        "from flows.cli import main\n"
        "try:\n"
        f"    main({list(orden)!r}, standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print('CARGADOS=' + ','.join(m for m in {PESADOS!r} if m in sys.modules))\n"
    )
    salida = subprocess.run(
        [sys.executable, "-c", codigo], capture_output=True, text=True, cwd=RAIZ, check=True
    )
    assert "Uso:" in salida.stdout
    [cargados] = [x for x in salida.stdout.splitlines() if x.startswith("CARGADOS=")]
    return set(filter(None, cargados.removeprefix("CARGADOS=").split(",")))


@pytest.mark.parametrize("orden", [("--help",), ("consultar", "--help"), ("procesar", "--help")])
def test_la_ayuda_no_importa_bibliotecas_pesadas(orden: tuple[str, ...]) -> None:
    assert _importados_al_pedir_ayuda(*orden) == set()


def test_la_prueba_de_importaciones_si_detecta_una_biblioteca_pesada() -> None:
    """La prueba de arriba puede fallar: importar el segmentador sí carga spaCy."""
    codigo = "import sys, extractores.documento; print('spacy' in sys.modules)"
    salida = subprocess.run(
        [sys.executable, "-c", codigo], capture_output=True, text=True, cwd=RAIZ, check=True
    )
    assert salida.stdout.strip() == "True"


def _pid(ruta, sha256=None):
    resultado = _ORIGINAL(ruta, sha256)
    resultado.documento.error = str(os.getpid())
    return resultado


def test_un_proceso_hijo_lee_varios_archivos(monkeypatch, pdf_texto: Path) -> None:
    """Con un trabajador, todos los archivos los lee el mismo proceso (no uno por archivo), y
    cada resultado vuelve en el orden de los trabajos."""
    monkeypatch.setattr(documento, "procesar_archivo", _pid)
    trabajos = [ejecucion.Trabajo(pdf_texto, f"{i:064x}") for i in range(3)]
    resultados = ejecucion.ejecutar(trabajos, trabajadores=1)
    assert [r.documento.sha256 for r in resultados] == [t.sha256 for t in trabajos]
    procesos = {r.documento.error for r in resultados}
    assert len(procesos) == 1 and str(os.getpid()) not in procesos


def _morir(ruta, sha256=None):
    if "malo" in str(sha256):
        os._exit(3)
    return _ORIGINAL(ruta, sha256)


def test_un_proceso_caido_se_reemplaza_y_la_corrida_sigue(monkeypatch, pdf_texto: Path) -> None:
    monkeypatch.setattr(documento, "procesar_archivo", _morir)
    trabajos = [
        ejecucion.Trabajo(pdf_texto, "malo"),
        ejecucion.Trabajo(pdf_texto, "b" * 64),
    ]
    malo, bueno = ejecucion.ejecutar(trabajos, trabajadores=1)
    assert malo.documento.estado == "error" and "código 3" in malo.documento.error
    assert bueno.documento.estado == "ok"


def test_avance_por_pagina(pdf_texto: Path) -> None:
    avances: list[tuple[str, int, int]] = []
    ejecucion.ejecutar(
        [ejecucion.Trabajo(pdf_texto, "c" * 64)],
        al_leer_pagina=lambda t, hechas, total: avances.append((t.sha256, hechas, total)),
    )
    assert avances and avances[-1] == ("c" * 64, 10, 10)


def test_pagina_en_blanco_no_llega_a_tesseract(monkeypatch) -> None:
    def prohibido(*_args, **_kwargs):
        raise AssertionError("una página en blanco no debe ir a tesseract")

    monkeypatch.setattr(ocr, "tesseract_tsv", prohibido)
    blanca = Image.new("L", (1700, 2200), 250)
    assert ocr.en_blanco(blanca)
    assert ocr.leer_imagen(blanca, 1) == []
    with_texto = blanca.copy()
    with_texto.paste(0, (200, 200, 1500, 260))  # un renglón de tinta
    assert not ocr.en_blanco(with_texto)
    with pytest.raises(AssertionError):
        ocr.leer_imagen(with_texto, 1)


def _escaneo_de_dos_paginas_y_una_blanca(tmp_path: Path) -> Path:
    escaneo = PdfReader(EJEMPLOS / "ase-tamaulipas-AED-017-2021.escaneado.pdf")
    memoria = io.BytesIO()
    blanca = tmp_path / "blanca.pdf"
    hoja = canvas.Canvas(str(blanca), pagesize=letter)
    hoja.drawImage(
        _png_blanco(tmp_path), 0, 0, width=letter[0], height=letter[1]
    )  # una hoja escaneada sin nada
    hoja.showPage()
    hoja.save()
    escritor = PdfWriter()
    escritor.add_page(escaneo.pages[1])
    escritor.add_page(PdfReader(blanca).pages[0])
    escritor.add_page(escaneo.pages[2])
    escritor.write(memoria)
    ruta = tmp_path / "escaneo.pdf"
    ruta.write_bytes(memoria.getvalue())
    return ruta


def _png_blanco(tmp_path: Path) -> str:
    ruta = tmp_path / "blanco.png"
    Image.new("L", (1275, 1650), 252).save(ruta)
    return str(ruta)


def test_ocr_en_paralelo_da_lo_mismo_que_en_serie(monkeypatch, tmp_path: Path) -> None:
    ruta = _escaneo_de_dos_paginas_y_una_blanca(tmp_path)
    monkeypatch.setenv("INFORMES_HILOS_OCR", "1")
    serie = texto_pdf.leer_paginas(ruta)
    monkeypatch.setenv("INFORMES_HILOS_OCR", "3")
    paralelo = texto_pdf.leer_paginas(ruta)
    assert [p.ocr for p in paralelo] == [True, True, True]
    assert [len(p.lineas) > 10 for p in paralelo] == [True, False, True]
    assert paralelo[1].lineas == []
    assert [[x.texto for x in p.lineas] for p in paralelo] == [
        [x.texto for x in p.lineas] for p in serie
    ]
    assert all(x.pagina == p.numero for p in paralelo for x in p.lineas)


def test_se_publica_en_otro_proceso_sin_cargar_pandas_en_el_principal(tmp_path: Path) -> None:
    """El proceso principal carga spaCy (para los hijos que leen) pero no pandas ni DuckDB: la
    publicación se prepara y se hace en el publicador, creado antes de cargar spaCy."""
    codigo = (
        "import sys; from pathlib import Path; from flows.procesar import procesar; "
        f"r = procesar([Path({str(EJEMPLOS / 'asf-2024-1402.texto.pdf')!r})], "
        f"salida=Path({str(tmp_path / 'salida')!r}), copiar_pdf=False); "
        "print(r.nuevos, [m for m in ('spacy', 'pandas', 'duckdb') if m in sys.modules])"
    )
    salida = subprocess.run(
        [sys.executable, "-c", codigo], capture_output=True, text=True, cwd=RAIZ, check=True
    )
    assert salida.stdout.strip().splitlines()[-1] == "1 ['spacy']"
    assert (tmp_path / "salida" / "tablas" / "informes.csv").is_file()


def _publicar_con_error(mensaje: str) -> None:
    raise ValueError(mensaje)


def _no_copiable() -> None:
    class Local(Exception):  # una clase local no se puede copiar a otro proceso
        pass

    raise Local("sin copia")


def test_el_error_del_publicador_se_levanta_en_el_principal() -> None:
    from flows.publicador import ErrorAlPublicar, Publicador

    publicador = Publicador(lambda: None, _publicar_con_error)
    with pytest.raises(ValueError, match="base dañada"):
        publicador.publicar("base dañada")
    publicador = Publicador(lambda: None, _no_copiable)
    with pytest.raises(ErrorAlPublicar, match="sin copia"):
        publicador.publicar()
    publicador = Publicador(lambda: _publicar_con_error("al preparar"), lambda: None)
    with pytest.raises(ValueError, match="al preparar"):
        publicador.publicar()
    publicador = Publicador(lambda: None, _publicar_con_error)
    publicador.cerrar()  # sin publicar: termina sin error


def test_la_precarga_no_importa_el_ocr() -> None:
    """Los formatos se buscan sin importar los módulos que ni mencionan `FORMATO` (el OCR, que
    importa PIL): los procesos que leen informes de texto no lo cargan; el que lea un escaneo lo
    importa al necesitarlo."""
    codigo = (
        "import sys\n"
        "from flows import ejecucion\n"
        "from extractores import formatos\n"
        "ejecucion.precargar()\n"
        "print([f.nombre for f in formatos.registrados()],\n"
        "      [m for m in ('extractores.ocr', 'PIL.Image') if m in sys.modules])\n"
    )
    salida = subprocess.run(
        [sys.executable, "-c", codigo], capture_output=True, text=True, cwd=RAIZ, check=True
    )
    assert salida.stdout.strip() == "['ase-tamaulipas-desempeno', 'asf-informe-individual'] []"
