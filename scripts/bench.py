"""Benchmark: imprime cifras y escribe salidas/bench.json (no es una prueba con tiempos).

Sobre un corpus sintético de informes (80 por omisión) mide:
- páginas/s de `informes procesar` de punta a punta con la configuración predeterminada,
  contra `extract_text` de pdfplumber y el texto de pypdfium2 de los mismos archivos (razones);
- el tiempo de una segunda corrida sin cambios (contra pdfplumber);
- la memoria máxima (RSS) procesando un informe de ~300 páginas;
- páginas/s de OCR en informes escaneados;
- la aceleración del ejecutor Dask con todos los núcleos frente a un solo trabajador;
- el arranque: `informes --help` y `informes consultar --help` (la mejor de 5 corridas).

La máquina puede estar compartida: las razones (contra pdfplumber en la misma corrida) valen más
que los segundos.

Uso: make bench   (o: python scripts/bench.py --informes 80 --escaneados 4)
Sólo la razón de los informes de texto, 3 veces: python scripts/bench.py --solo-texto 3
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

from tests.generador.__main__ import generar_corpus  # noqa: E402
from tests.generador.informe import generar  # noqa: E402
from tests.generador.pdf import MAQUETAS, escribir  # noqa: E402

# `python -m flows.cli` desde la raíz, y no el ejecutable `informes`: así se mide el código de
# esta copia del repositorio (el ejecutable importa el de la instalación, que puede ser otra).
INFORMES = [sys.executable, "-m", "flows.cli"]


def paginas_de(pdfs: list[Path]) -> int:
    return sum(len(pdfium.PdfDocument(str(p))) for p in pdfs)


def cronometrar(funcion) -> float:
    inicio = time.perf_counter()
    funcion()
    return time.perf_counter() - inicio


def pdfplumber_extract_text(pdfs: list[Path]) -> None:
    for ruta in pdfs:
        with pdfplumber.open(ruta) as pdf:
            for pagina in pdf.pages:
                pagina.extract_text()


def pypdfium2_texto(pdfs: list[Path]) -> None:
    for ruta in pdfs:
        documento = pdfium.PdfDocument(str(ruta))
        for pagina in documento:
            pagina.get_textpage().get_text_range()
        documento.close()


def correr(argumentos: list[str], entorno: dict | None = None) -> tuple[float, int]:
    """Corre `informes ...` en un proceso aparte: (segundos, RSS máximo en MB de sus procesos)."""
    medidor = (
        "import resource, subprocess, sys\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "sys.exit(r.returncode)\n"
    )
    inicio = time.perf_counter()
    salida = subprocess.run(
        [sys.executable, "-c", medidor, *INFORMES, *argumentos], cwd=RAIZ,
        capture_output=True, text=True, env=entorno or os.environ.copy(), check=True,
    )  # fmt: skip
    return time.perf_counter() - inicio, int(salida.stdout.strip()) // 1024


def arranque(*orden: str, veces: int = 5) -> float:
    """La mejor de `veces` corridas de `informes <orden>` (segundos)."""
    tiempos = []
    for _ in range(veces):
        inicio = time.perf_counter()
        subprocess.run([*INFORMES, *orden], cwd=RAIZ, stdout=subprocess.DEVNULL, check=True)
        tiempos.append(time.perf_counter() - inicio)
    return min(tiempos)


def razones_texto(pdfs: list[Path], corpus: Path, trabajo: Path, veces: int) -> None:
    """`informes procesar` (con salida nueva cada vez) contra pdfplumber, alternando."""
    razones = []
    for vez in range(veces):
        t_plumber = cronometrar(lambda: pdfplumber_extract_text(pdfs))
        salida = trabajo / f"texto-{vez}"
        t_e2e, _ = correr(["procesar", str(corpus), "--salida", str(salida)])
        razones.append(t_e2e / t_plumber)
        print(f"pdfplumber {t_plumber:.2f} s, procesar {t_e2e:.2f} s: razón {razones[-1]:.3f}")
    print(f"Razón contra pdfplumber: mediana {sorted(razones)[len(razones) // 2]:.3f}, "
          f"mínima {min(razones):.3f} (meta ≤ 0.12)")  # fmt: skip


def maquina() -> dict:
    memoria = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "sistema": platform.platform(),
        "procesador": platform.processor() or platform.machine(),
        "nucleos": os.cpu_count(),
        "memoria_gib": round(memoria, 1),
        "python": platform.python_version(),
    }


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__)
    argumentos.add_argument("--informes", type=int, default=80)
    argumentos.add_argument("--escaneados", type=int, default=4)
    argumentos.add_argument("--paginas-largo", type=int, default=300)
    argumentos.add_argument("--salida", type=Path, default=RAIZ / "salidas")
    argumentos.add_argument(
        "--solo-texto", type=int, default=0, metavar="N",
        help="sólo la razón de los informes de texto contra pdfplumber, N veces (alternando); "
        "no escribe bench.json",
    )  # fmt: skip
    datos = argumentos.parse_args()

    t_ayuda = arranque("--help")
    t_ayuda_consultar = arranque("consultar", "--help")
    trabajo = Path(tempfile.mkdtemp(prefix="informes-bench-"))
    try:
        corpus = trabajo / "corpus"
        pdfs = generar_corpus(corpus, datos.informes, semilla=99)
        paginas = paginas_de(pdfs)
        print(f"Corpus: {len(pdfs)} informes, {paginas} páginas (texto)", flush=True)
        if datos.solo_texto:
            razones_texto(pdfs, corpus, trabajo, datos.solo_texto)
            return

        t_plumber = cronometrar(lambda: pdfplumber_extract_text(pdfs))
        t_pdfium = cronometrar(lambda: pypdfium2_texto(pdfs))
        t_e2e, rss_e2e = correr(["procesar", str(corpus), "--salida", str(trabajo / "s1")])
        t_rerun, _ = correr(["procesar", str(corpus), "--salida", str(trabajo / "s1")])

        largo = trabajo / "largo"
        largo.mkdir()
        procedimientos = max(1, int(datos.paginas_largo * 1.72))
        pdf_largo = escribir(
            generar(7, procedimientos=procedimientos), MAQUETAS[0], largo / "largo.pdf"
        )
        paginas_largo = paginas_de([pdf_largo])
        t_largo, rss_largo = correr(
            ["procesar", str(largo), "--salida", str(trabajo / "s2"), "--trabajadores", "1"]
        )

        escaneos = trabajo / "escaneos"
        generar_corpus(escaneos, datos.escaneados, semilla=77, escaneados=datos.escaneados)
        paginas_ocr = paginas_de(sorted(escaneos.glob("*.pdf")))
        t_ocr, _ = correr(["procesar", str(escaneos), "--salida", str(trabajo / "s3")])
        escaneo_ejemplo = RAIZ / "tests" / "ejemplos" / "ase-tamaulipas-AED-017-2021.escaneado.pdf"
        t_ocr_uno, _ = correr(["procesar", str(escaneo_ejemplo), "--salida", str(trabajo / "s4")])

        nucleos = os.cpu_count() or 1
        entorno = {**os.environ, "PREFECT_HOME": str(trabajo / "prefect-1")}
        t_dask_1, _ = correr(["procesar", str(corpus), "--salida", str(trabajo / "d1"),
                              "--ejecutor", "dask", "--trabajadores", "1"], entorno)  # fmt: skip
        entorno = {**os.environ, "PREFECT_HOME": str(trabajo / "prefect-n")}
        t_dask_n, _ = correr(["procesar", str(corpus), "--salida", str(trabajo / "dn"),
                              "--ejecutor", "dask", "--trabajadores", str(nucleos)], entorno)  # fmt: skip
    finally:
        shutil.rmtree(trabajo, ignore_errors=True)

    cifras = {
        "maquina": maquina(),
        "fecha": time.strftime("%Y-%m-%d %H:%M"),
        "ayuda_s": round(t_ayuda, 3),
        "ayuda_consultar_s": round(t_ayuda_consultar, 3),
        "informes": len(pdfs),
        "paginas": paginas,
        "pdfplumber_extract_text_s": round(t_plumber, 2),
        "pypdfium2_texto_s": round(t_pdfium, 2),
        "procesar_s": round(t_e2e, 2),
        "procesar_paginas_por_s": round(paginas / t_e2e, 1),
        "razon_procesar_vs_pdfplumber": round(t_e2e / t_plumber, 3),
        "razon_procesar_vs_pypdfium2": round(t_e2e / t_pdfium, 1),
        "repeticion_sin_cambios_s": round(t_rerun, 2),
        "razon_repeticion_vs_pdfplumber": round(t_rerun / t_plumber, 3),
        "rss_max_corpus_mb": rss_e2e,
        "paginas_informe_largo": paginas_largo,
        "informe_largo_s": round(t_largo, 2),
        "rss_max_informe_largo_mb": rss_largo,
        "ocr_paginas": paginas_ocr,
        "ocr_paginas_por_s": round(paginas_ocr / t_ocr, 2),
        "ocr_un_informe_paginas": paginas_de([escaneo_ejemplo]),
        "ocr_un_informe_s": round(t_ocr_uno, 2),
        "dask_1_trabajador_s": round(t_dask_1, 2),
        "dask_todos_los_nucleos_s": round(t_dask_n, 2),
        "dask_nucleos": nucleos,
        "dask_aceleracion": round(t_dask_1 / t_dask_n, 2),
        "metas": {
            "ayuda_s_max": 0.3,
            "razon_procesar_vs_pdfplumber_max": 0.12,
            "razon_repeticion_vs_pdfplumber_max": 0.25,
            "rss_max_informe_largo_mb_max": 500,
            "ocr_paginas_por_s_min": 2,
        },
    }
    imprimir(cifras)
    datos.salida.mkdir(parents=True, exist_ok=True)
    (datos.salida / "bench.json").write_text(
        json.dumps(cifras, ensure_ascii=False, indent=1) + "\n"
    )
    print(f"\nCifras en {datos.salida / 'bench.json'}")


def imprimir(c: dict) -> None:
    meta = c["metas"]
    filas = [
        ("informes --help (s)", c["ayuda_s"], f"meta ≤ {meta['ayuda_s_max']}"),
        ("informes consultar --help (s)", c["ayuda_consultar_s"], ""),
        ("Informes / páginas", f"{c['informes']} / {c['paginas']}", ""),
        ("pdfplumber extract_text (s)", c["pdfplumber_extract_text_s"], ""),
        ("pypdfium2 texto (s)", c["pypdfium2_texto_s"], ""),
        ("informes procesar (s)", c["procesar_s"], f"{c['procesar_paginas_por_s']} págs/s"),
        ("  razón contra pdfplumber", c["razon_procesar_vs_pdfplumber"], f"meta ≤ {meta['razon_procesar_vs_pdfplumber_max']}"),
        ("  razón contra pypdfium2", c["razon_procesar_vs_pypdfium2"], ""),
        ("Repetición sin cambios (s)", c["repeticion_sin_cambios_s"], ""),
        ("  razón contra pdfplumber", c["razon_repeticion_vs_pdfplumber"], f"meta ≤ {meta['razon_repeticion_vs_pdfplumber_max']}"),
        ("RSS máx., corpus (MB)", c["rss_max_corpus_mb"], ""),
        (f"Informe de {c['paginas_informe_largo']} págs. (s)", c["informe_largo_s"], ""),
        ("  RSS máx. (MB)", c["rss_max_informe_largo_mb"], f"meta < {meta['rss_max_informe_largo_mb_max']}"),
        ("OCR (págs/s)", c["ocr_paginas_por_s"], f"{c['ocr_paginas']} páginas; meta ≥ {meta['ocr_paginas_por_s_min']}"),
        (f"OCR, un informe de {c['ocr_un_informe_paginas']} págs. (s)", c["ocr_un_informe_s"], ""),
        ("Dask, 1 trabajador (s)", c["dask_1_trabajador_s"], ""),
        (f"Dask, {c['dask_nucleos']} núcleos (s)", c["dask_todos_los_nucleos_s"], f"aceleración ×{c['dask_aceleracion']}"),
    ]  # fmt: skip
    print(f"\n{'medida':36} {'valor':>10}  nota")
    print("-" * 64)
    for nombre, valor, nota in filas:
        print(f"{nombre:36} {valor!s:>10}  {nota}")
    m = c["maquina"]
    print(
        f"\nMáquina: {m['sistema']}, {m['nucleos']} núcleos, {m['memoria_gib']} GiB, Python {m['python']}"
    )


if __name__ == "__main__":
    main()
