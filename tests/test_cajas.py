"""La caja de la primera línea de cada inciso: recortada del PDF, dice el inicio del inciso."""

from __future__ import annotations

import pdfplumber
import pytest

from extractores.documento import procesar_archivo
from tests.conftest import EJEMPLOS

MUESTRA = "ase-tamaulipas-AED-017-2021"


def incisos(informe):
    return [
        i
        for p in informe.procedimientos
        for i in (*p.resultados, *p.recomendaciones, *p.justificaciones)
    ]


@pytest.mark.parametrize("variante", ["informe", "maqueta-b"])
def test_la_caja_recorta_el_inicio_de_cada_inciso(variante: str) -> None:
    pdf = EJEMPLOS / f"{MUESTRA}.{variante}.pdf"
    informe = procesar_archivo(pdf).informe
    assert informe is not None
    todos = incisos(informe)
    assert len(todos) == 51
    with pdfplumber.open(pdf) as documento:
        for item in todos:
            assert None not in (item.x0, item.top, item.x1, item.bottom), item.texto[:40]
            pagina = documento.pages[item.pagina - 1]
            assert 0 <= item.x0 < item.x1 <= pagina.width and 0 <= item.top < item.bottom
            recorte = pagina.crop((item.x0 - 1, item.top - 1, item.x1 + 1, item.bottom + 1))
            texto = " ".join((recorte.extract_text() or "").split())
            # Una sola línea (el alto de una línea) que contiene las primeras palabras del inciso.
            assert item.bottom - item.top < 20
            primeras = " ".join(item.texto.split()[:2])
            assert primeras in texto, (item.pagina, texto, item.texto[:60])


def test_el_escaneo_tambien_tiene_cajas() -> None:
    pdf = EJEMPLOS / f"{MUESTRA}.escaneado.pdf"
    texto = EJEMPLOS / f"{MUESTRA}.informe.pdf"
    escaneado, original = procesar_archivo(pdf).informe, procesar_archivo(texto).informe
    assert escaneado is not None and original is not None
    for item, gemelo in zip(incisos(escaneado), incisos(original), strict=True):
        assert item.x0 is not None and item.pagina == gemelo.pagina
        # El OCR ve la misma línea que la capa de texto (el escaneo es del mismo PDF).
        assert abs(item.top - gemelo.top) < 15, (item.texto[:40], item.top, gemelo.top)
