"""Genera los archivos malos de esta carpeta (se guardan en el repositorio; esto documenta cómo).

Uso: python tests/malos/generar.py  (necesita reportlab y pypdf, dependencias de desarrollo)
"""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

AQUI = Path(__file__).resolve().parent
EJEMPLO = AQUI.parent / "ejemplos" / "ase-tamaulipas-AED-017-2021.informe.pdf"


def pdf_con_texto(lineas: list[str]) -> bytes:
    memoria = io.BytesIO()
    hoja = canvas.Canvas(memoria, pagesize=letter, invariant=1)
    y = 720
    for linea in lineas:
        hoja.drawString(72, y, linea)
        y -= 16
    hoja.showPage()
    hoja.save()
    return memoria.getvalue()


def main() -> None:
    original = EJEMPLO.read_bytes()
    (AQUI / "vacio.pdf").write_bytes(b"")
    (AQUI / "no-es-pdf.pdf").write_bytes(b"Esto es un archivo de texto, no un PDF.\n")
    (AQUI / "pagina-html.pdf").write_bytes(
        b"<!DOCTYPE html><html><head><title>404</title></head><body>No encontrado</body></html>\n"
    )
    (AQUI / "truncado.pdf").write_bytes(original[: len(original) // 3])
    (AQUI / "danado.pdf").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    (AQUI / "no-informe.pdf").write_bytes(
        pdf_con_texto(
            [
                "Minuta de la reunión ordinaria del comité vecinal",
                "Se acordó pintar la barda del parque y organizar la kermés de mayo.",
                "Asistentes: doce vecinos. Próxima reunión: el primer lunes del mes.",
            ]
        )
    )
    escritor = PdfWriter(clone_from=PdfReader(io.BytesIO(original)))
    escritor.encrypt(user_password="secreta", owner_password="secreta-del-dueno")
    with (AQUI / "cifrado.pdf").open("wb") as archivo:
        escritor.write(archivo)


if __name__ == "__main__":
    main()
