"""Elegir los ajustes del OCR midiendo: resolución, modo de página (psm), procesos e hilos.

Genera informes escaneados sintéticos (o usa --escaneos) y corre `evaluar` con cada combinación
sobre la misma carpeta, en la misma corrida: imprime segundos, páginas/s, segundos de CPU por
página (de todo `evaluar`: renderizado, OCR y extracción, en todos los procesos) y F1. Con la
máquina compartida los segundos de reloj son ruidosos; los de CPU no: `2/CPU` son las páginas/s
que darían dos núcleos libres. `--ppp nativa` lee cada escaneo a su propia resolución (lo
predeterminado, `ocr.RESOLUCION_NATIVA`); un número fija la resolución. `--ppp-escaneo` genera
los escaneos a otra resolución (150, como el escaneo real de la ASE). No es una prueba.

Uso: python scripts/medir_ocr.py --escaneados 8 --ppp nativa,250 --procesos-hilos 2x1
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

from extractores import ocr  # noqa: E402
from flows.evaluar import evaluar  # noqa: E402
from tests.generador.__main__ import generar_corpus  # noqa: E402
from tests.generador.pdf import ESCANEO  # noqa: E402

NATIVA = "nativa"


def _cpu() -> float:
    """Segundos de CPU de este proceso y de sus hijos (y nietos) ya terminados."""
    return sum(
        uso.ru_utime + uso.ru_stime
        for uso in map(resource.getrusage, (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    )


def medir(escaneos: Path, trabajo: Path, ppp: str, psm: str, procesos: int, hilos: int) -> dict:
    ocr.RESOLUCION_NATIVA = ppp == NATIVA
    ocr.PPP_OCR = 250 if ppp == NATIVA else int(ppp)
    ocr.PSM = psm
    os.environ["INFORMES_HILOS_OCR"] = str(hilos)
    salida = trabajo / f"{ppp}-{psm}-{procesos}-{hilos}"
    inicio, cpu = time.perf_counter(), _cpu()
    informe = evaluar(escaneos, salida, procesos)
    segundos, cpu = time.perf_counter() - inicio, _cpu() - cpu
    paginas = sum(len(pdfium.PdfDocument(str(p))) for p in escaneos.glob("*.pdf"))
    total = informe["total"]
    return {"ppp": ppp, "psm": psm, "procesos": procesos, "hilos": hilos, "cpu": cpu,
            "segundos": segundos, "paginas": paginas, "f1": total["incisos"]["todos"]["f1"],
            "estatus": total["estatus"]["exactitud"],
            "metadatos": total["metadatos"]["exactitud"]}  # fmt: skip


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__)
    argumentos.add_argument("--escaneados", type=int, default=8)
    argumentos.add_argument("--escaneos", type=Path, default=None)
    argumentos.add_argument("--semilla", type=int, default=5)
    argumentos.add_argument("--ppp-escaneo", type=int, default=ESCANEO.ppp)
    argumentos.add_argument("--ppp", default=f"{NATIVA},250,200")
    argumentos.add_argument("--psm", default="4,6")
    argumentos.add_argument("--procesos-hilos", default="2x1,2x2,1x2")
    datos = argumentos.parse_args()
    trabajo = Path(tempfile.mkdtemp(prefix="informes-ocr-"))
    try:
        escaneos = datos.escaneos
        if escaneos is None:
            escaneos = trabajo / "escaneos"
            escaneo = replace(ESCANEO, ppp=datos.ppp_escaneo)
            generar_corpus(escaneos, datos.escaneados, semilla=datos.semilla,
                           escaneados=datos.escaneados, escaneo=escaneo)  # fmt: skip
        print(f"{'ppp':>6} {'psm':>3} {'proc×hilos':>10} {'s':>7} {'págs/s':>7} "
              f"{'CPU/pág':>7} {'2/CPU':>6} {'F1':>7} {'estatus':>7} {'metadatos':>9} "
              f"{'carga':>5}")  # fmt: skip
        for ppp, psm, ph in itertools.product(
            datos.ppp.split(","), datos.psm.split(","), datos.procesos_hilos.split(",")
        ):
            procesos, hilos = (int(x) for x in ph.split("x"))
            r = medir(escaneos, trabajo, ppp, psm, procesos, hilos)
            cpu = r["cpu"] / r["paginas"]
            print(f"{r['ppp']:>6} {r['psm']:>3} {ph:>10} {r['segundos']:>7.1f} "
                  f"{r['paginas'] / r['segundos']:>7.2f} {cpu:>7.3f} {2 / cpu:>6.2f} "
                  f"{r['f1']:>7.4f} {r['estatus']:>7.4f} {r['metadatos']:>9.4f} "
                  f"{os.getloadavg()[0]:>5.1f}", flush=True)  # fmt: skip
    finally:
        shutil.rmtree(trabajo, ignore_errors=True)


if __name__ == "__main__":
    main()
