"""Compone un PDF completo desde la capa de texto de una muestra real de la ASF.

Los `informe.pdf` de `shared/muestras/asf/` (recompuestos a partir de `texto.txt`) perdieron las
líneas que no cupieron en seis páginas; para las pruebas doradas se compone aquí uno con todas
las líneas de cada página (en las páginas largas se cierra el interlineado), el encabezado
corrido y el número de página arriba en letra chica. Las páginas vacías (anexos escaneados)
quedan vacías.

    .venv/bin/python -m tests.ejemplos.componer_asf
"""

from __future__ import annotations

import re
from pathlib import Path

from reportlab.lib.pagesizes import letter
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

AQUI = Path(__file__).resolve().parent
MARGEN = 56
ARRIBA = 60
ABAJO = 40
# Una sola letra en todas las páginas (una página con letra más chica parecería notas al pie).
TAMANO = 8.0
FUENTE = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def paginas(texto: str) -> list[list[str]]:
    partes = re.split(r"^PAGINA \d+\n", texto, flags=re.M)[1:]
    return [p.rstrip("\n").split("\n") if p.strip() else [] for p in partes]


def componer(texto: Path, destino: Path) -> None:
    pdfmetrics.registerFont(TTFont("Cuerpo", FUENTE))
    lienzo = canvas.Canvas(str(destino), pagesize=letter)
    ancho, alto = letter
    for lineas in paginas(texto.read_text(encoding="utf-8")):
        if lineas:
            encabezado, numero, cuerpo = lineas[0], lineas[1], lineas[2:]
            lienzo.setFont("Cuerpo", 7)
            lienzo.drawString(MARGEN, alto - 30, encabezado.strip())
            lienzo.drawRightString(ancho - MARGEN, alto - 30, numero.strip())
            disponible = alto - ARRIBA - ABAJO
            paso = min(TAMANO * 1.25, disponible / max(1, len(cuerpo)))
            lienzo.setFont("Cuerpo", TAMANO)
            for indice, linea in enumerate(cuerpo):
                lienzo.drawString(
                    MARGEN, alto - ARRIBA - indice * paso, linea.replace("\ufffe", "-")
                )
        lienzo.showPage()
    lienzo.save()


def main() -> None:
    for nombre in ("asf-2024-0031", "asf-2024-1402"):
        componer(AQUI / "fuentes" / f"{nombre}.texto.txt", AQUI / f"{nombre}.texto.pdf")


if __name__ == "__main__":
    main()
