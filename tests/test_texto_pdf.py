"""Extracción de texto sobre PDF reales generados con otra maqueta que la del ejemplo:
encabezados y pies distintos, notas al pie, negrita falsa, guiones y páginas escaneadas."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from extractores import limpieza, texto_pdf
from tests.conftest import EJEMPLOS

CUERPO = [
    "Procedimiento 1.",
    "Análisis de la Operación del Programa de Apoyo Alimentario, conforme a la MML.",
    "Resultados.",
    "1. El programa no cuenta con manuales de procedimientos ni con un diagrama de",
    "flujo del proceso general.",
]


def _pdf(ruta: Path, paginas: int, pie: str, encabezado: str, nota: bool = False) -> Path:
    hoja = canvas.Canvas(str(ruta), pagesize=letter, invariant=1)
    for numero in range(1, paginas + 1):
        hoja.setFont("Helvetica-Bold", 8)
        hoja.drawCentredString(306, 760, encabezado)
        hoja.setFont("Helvetica", 11)
        y = 700 - 14 * (numero % 2)  # el cuerpo cambia de página a página
        for linea in CUERPO:
            hoja.drawString(72, y, linea.replace("Procedimiento 1", f"Procedimiento {numero}"))
            y -= 14
        if nota and numero == 1:
            hoja.drawString(72, y, "los instrumentos de recolección de información socioeconó-")
            hoja.drawString(72, y - 14, "mica de los beneficiarios del Programa Estatal")
            hoja.setFont("Helvetica", 8)
            hoja.drawString(72, 90, "1 Nota al pie: el Programa Estatal se creó en 2019.")
            hoja.setFont("Helvetica", 11)
        hoja.setFont("Helvetica", 9)
        hoja.drawCentredString(306, 40, pie.format(n=numero, total=paginas))
        hoja.showPage()
    hoja.save()
    return ruta


def _textos(ruta: Path) -> list[str]:
    return [linea.texto for linea in limpieza.limpiar(texto_pdf.leer_paginas(ruta))]


def test_encabezado_y_pie_de_otra_maqueta_se_quitan(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path / "a.pdf", 4, "- {n} -", "ÓRGANO DE FISCALIZACIÓN SUPERIOR · INFORME 2023")
    textos = _textos(pdf)
    assert not any("FISCALIZACIÓN SUPERIOR" in t for t in textos)
    assert not any(t.strip("- ").isdigit() for t in textos)
    assert [t for t in textos if t.startswith("Procedimiento")] == [
        f"Procedimiento {n}." for n in range(1, 5)
    ]


def test_pie_con_folio_variable_se_quita(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path / "b.pdf", 3, "Hoja {n} de {total} · ASE", "Informe Individual")
    textos = _textos(pdf)
    assert not any("Hoja" in t or t == "Informe Individual" for t in textos)


def test_nota_al_pie_fuera_y_guion_unido(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path / "c.pdf", 2, "{n}", "Auditoría Especial", nota=True)
    textos = _textos(pdf)
    assert not any("Nota al pie" in t for t in textos)
    from extractores.segmentador import unir_lineas

    assert "socioeconómica de los beneficiarios" in unir_lineas(textos)


def test_negrita_falsa_no_duplica_letras(tmp_path: Path) -> None:
    """Algunos generadores simulan la negrita dibujando cada letra dos veces, desplazada."""
    ruta = tmp_path / "negrita.pdf"
    hoja = canvas.Canvas(str(ruta), pagesize=letter, invariant=1)
    hoja.setFont("Helvetica", 11)
    for desplazamiento in (0, 0.4):
        hoja.drawString(72 + desplazamiento, 700, "Recomendaciones.")
    hoja.drawString(72, 686, "1. Diseñar un Diagrama de Flujo que describa el proceso general.")
    hoja.showPage()
    hoja.save()
    lineas = texto_pdf.leer_paginas(ruta, usar_ocr=False)[0].lineas
    assert lineas[0].texto == "Recomendaciones."


def test_ocr_solo_en_paginas_sin_texto(tmp_path: Path) -> None:
    """Un PDF mixto (firmado y escaneado al final): OCR sólo en la página escaneada."""
    escritor = PdfWriter()
    texto = PdfReader(EJEMPLOS / "ase-tamaulipas-AED-017-2021.informe.pdf")
    escaneo = PdfReader(EJEMPLOS / "ase-tamaulipas-AED-017-2021.escaneado.pdf")
    for pagina in texto.pages[:3]:
        escritor.add_page(pagina)
    escritor.add_page(escaneo.pages[3])
    memoria = io.BytesIO()
    escritor.write(memoria)
    ruta = tmp_path / "mixto.pdf"
    ruta.write_bytes(memoria.getvalue())
    paginas = texto_pdf.leer_paginas(ruta)
    assert [p.ocr for p in paginas] == [False, False, False, True]
    textos = [linea.texto for linea in paginas[3].lineas]
    assert any(t.startswith("Procedimiento 1") for t in textos)


def test_pdfium_y_pdfplumber_leen_las_mismas_lineas() -> None:
    """El lector rápido (pdfium) y pdfplumber dan el mismo texto, línea por línea."""
    ruta = EJEMPLOS / "ase-tamaulipas-AED-017-2021.maqueta-b.pdf"
    rapido = texto_pdf.leer_paginas(ruta, lector="pdfium")
    lento = texto_pdf.leer_paginas(ruta, lector="pdfplumber")
    for a, b in zip(rapido, lento, strict=True):
        assert [x.texto for x in a.lineas] == [x.texto for x in b.lineas]
        # pdfium corta palabras por espacios («CAIC,» entera); pdfplumber también por fuente.
        negritas = lambda p: [[n.rstrip(",.;:") for n in x.negritas] for x in p.lineas]  # noqa: E731
        assert negritas(a) == negritas(b)
        assert all(abs(x.x0 - y.x0) < 1.5 for x, y in zip(a.lineas, b.lineas, strict=True))


def test_pagina_con_poco_texto_y_sin_imagenes_no_va_a_ocr(tmp_path: Path) -> None:
    """La última página de un informe suele tener sólo la firma: no es un escaneo."""
    ruta = tmp_path / "firma.pdf"
    hoja = canvas.Canvas(str(ruta), pagesize=letter, invariant=1)
    hoja.drawString(72, 700, "EL AUDITOR SUPERIOR")
    hoja.drawString(72, 660, "ING. JUAN PÉREZ")
    hoja.showPage()
    hoja.save()
    [pagina] = texto_pdf.leer_paginas(ruta)
    assert not pagina.ocr
    assert [x.texto for x in pagina.lineas] == ["EL AUDITOR SUPERIOR", "ING. JUAN PÉREZ"]


def test_marca_de_agua_en_diagonal_no_se_mezcla_con_el_cuerpo(tmp_path: Path) -> None:
    """«VERSIÓN PÚBLICA» en diagonal queda en la capa de texto y su caja cruza la página: sus
    letras giradas no son del cuerpo ni se funden con sus renglones."""
    ruta = tmp_path / "marca.pdf"
    hoja = canvas.Canvas(str(ruta), pagesize=letter, invariant=1)
    for _ in range(2):
        hoja.saveState()
        hoja.setFont("Helvetica-Bold", 60)
        hoja.translate(306, 396)
        hoja.rotate(45)
        hoja.drawCentredString(0, 0, "VERSIÓN PÚBLICA")
        hoja.restoreState()
        hoja.setFont("Helvetica", 11)
        for indice, texto in enumerate(CUERPO):
            hoja.drawString(72, 450 - 14 * indice, texto)
        hoja.showPage()
    hoja.save()
    for lector in texto_pdf.LECTORES:
        textos = [x.texto for p in texto_pdf.leer_paginas(ruta, lector=lector) for x in p.lineas]
        assert textos == CUERPO * 2, lector


def test_copiar_paginas_copia_una_capa() -> None:
    """Las copias para limpiar otra vez: páginas y líneas nuevas con los mismos valores (las
    negritas de cada línea, compartidas: la limpieza no las cambia)."""
    from extractores.documento import copiar_paginas
    from modelos.registros import Linea, Pagina

    linea = Linea("Resultados.", 1, 72.0, 90.0, 101.0, 11.0, ["Resultados."], False, True, 140.0)
    quitada = Linea("Página 1 de 3", 1, 300.0, 760.0, 768.0, 8.0)
    pagina = Pagina(1, 612.0, 792.0, [linea], ocr=False, aviso="", quitadas=[quitada])
    [copia] = copiar_paginas([pagina])
    assert copia == pagina and copia is not pagina
    assert copia.lineas[0] is not linea and copia.quitadas[0] is not quitada
    assert copia.lineas is not pagina.lineas and copia.quitadas is not pagina.quitadas
    assert copia.lineas[0].negritas is linea.negritas
    copia.lineas[0].texto = "otro"
    assert linea.texto == "Resultados."
