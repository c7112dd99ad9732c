"""Elegir los ajustes del OCR midiendo: resolución, modo de página (psm), procesos e hilos.

Genera informes escaneados sintéticos (o usa --escaneos) y corre `evaluar` con cada combinación
sobre la misma carpeta, en la misma corrida: imprime segundos, páginas/s y F1. No es una prueba.

Uso: python scripts/medir_ocr.py --escaneados 8
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

from extractores import ocr  # noqa: E402
from flows.evaluar import evaluar  # noqa: E402
from tests.generador.__main__ import generar_corpus  # noqa: E402


def medir(escaneos: Path, trabajo: Path, ppp: int, psm: str, procesos: int, hilos: int) -> dict:
    ocr.PPP_OCR, ocr.PSM = ppp, psm
    os.environ["INFORMES_HILOS_OCR"] = str(hilos)
    salida = trabajo / f"{ppp}-{psm}-{procesos}-{hilos}"
    inicio = time.perf_counter()
    informe = evaluar(escaneos, salida, procesos)
    segundos = time.perf_counter() - inicio
    paginas = sum(len(pdfium.PdfDocument(str(p))) for p in escaneos.glob("*.pdf"))
    total = informe["total"]
    return {"ppp": ppp, "psm": psm, "procesos": procesos, "hilos": hilos,
            "segundos": segundos, "paginas": paginas, "f1": total["incisos"]["todos"]["f1"],
            "estatus": total["estatus"]["exactitud"],
            "metadatos": total["metadatos"]["exactitud"]}  # fmt: skip


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__)
    argumentos.add_argument("--escaneados", type=int, default=8)
    argumentos.add_argument("--escaneos", type=Path, default=None)
    argumentos.add_argument("--ppp", default="300,200,150")
    argumentos.add_argument("--psm", default="4,6")
    argumentos.add_argument("--procesos-hilos", default="2x1,2x2,1x2")
    datos = argumentos.parse_args()
    trabajo = Path(tempfile.mkdtemp(prefix="informes-ocr-"))
    try:
        escaneos = datos.escaneos
        if escaneos is None:
            escaneos = trabajo / "escaneos"
            generar_corpus(escaneos, datos.escaneados, semilla=5, escaneados=datos.escaneados)
        print(f"{'ppp':>4} {'psm':>3} {'proc×hilos':>10} {'s':>7} {'págs/s':>7} "
              f"{'F1':>7} {'estatus':>7} {'metadatos':>9}")  # fmt: skip
        for ppp, psm, ph in itertools.product(
            datos.ppp.split(","), datos.psm.split(","), datos.procesos_hilos.split(",")
        ):
            procesos, hilos = (int(x) for x in ph.split("x"))
            r = medir(escaneos, trabajo, int(ppp), psm, procesos, hilos)
            print(f"{r['ppp']:>4} {r['psm']:>3} {ph:>10} {r['segundos']:>7.1f} "
                  f"{r['paginas'] / r['segundos']:>7.2f} {r['f1']:>7.4f} {r['estatus']:>7.4f} "
                  f"{r['metadatos']:>9.4f}", flush=True)  # fmt: skip
    finally:
        shutil.rmtree(trabajo, ignore_errors=True)


if __name__ == "__main__":
    main()
