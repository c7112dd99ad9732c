"""Benchmark de escala: imprime cifras, escribe salidas/bench-escala.json y la gráfica
grafica-escala.png (no es una prueba con tiempos).

Genera un corpus sintético (una décima parte escaneada) y, para cada tamaño (100, 500 y 2000
informes por omisión), mide `informes procesar` desde cero con el ejecutor predeterminado:
segundos, páginas/s y RSS máximo; luego el tiempo de agregar 10 informes nuevos a ese archivo,
contra agregarlos a uno vacío. Con el tamaño mayor corre también el ejecutor Dask (LocalCluster
con un trabajador por núcleo).

Uso: make bench-escala   (o: python scripts/bench_escala.py --tamanos 100,500,2000)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

from scripts.bench import correr, maquina, paginas_de  # noqa: E402
from tests.generador.__main__ import generar_corpus  # noqa: E402

NUEVOS = 10
FRACCION_ESCANEADA = 0.1


def generar(trabajo: Path, maximo: int) -> tuple[list[Path], list[Path], list[Path]]:
    """(de texto, escaneados, 10 nuevos de texto) con semillas distintas."""
    escaneados = max(1, round(maximo * FRACCION_ESCANEADA))
    texto = generar_corpus(trabajo / "texto", maximo - escaneados, semilla=11)
    escaneos = generar_corpus(trabajo / "escaneos", escaneados, semilla=12, escaneados=escaneados)
    nuevos = generar_corpus(trabajo / "nuevos", NUEVOS, semilla=13)
    return texto, escaneos, nuevos


def subcorpus(destino: Path, texto: list[Path], escaneos: list[Path], tamano: int) -> Path:
    """Una carpeta con `tamano` informes (enlaces), una décima parte escaneados."""
    escaneados = max(1, round(tamano * FRACCION_ESCANEADA))
    destino.mkdir(parents=True)
    for pdf in [*texto[: tamano - escaneados], *escaneos[:escaneados]]:
        (destino / pdf.name).symlink_to(pdf)
    return destino


def medir_tamano(trabajo: Path, corpus: Path, nuevos: Path, tamano: int) -> dict:
    salida = trabajo / f"salida-{tamano}"
    paginas = paginas_de(sorted(corpus.glob("*.pdf")))
    segundos, rss = correr(["procesar", str(corpus), "--salida", str(salida)])
    agregar, rss_agregar = correr(["procesar", str(corpus), str(nuevos), "--salida", str(salida)])
    sin_cambios, _ = correr(["procesar", str(corpus), str(nuevos), "--salida", str(salida)])
    fila = {
        "informes": tamano,
        "paginas": paginas,
        "procesar_s": round(segundos, 2),
        "paginas_por_s": round(paginas / segundos, 1),
        "rss_max_mb": rss,
        "agregar_10_s": round(agregar, 2),
        "rss_max_agregar_mb": rss_agregar,
        "sin_cambios_s": round(sin_cambios, 2),
    }
    print(json.dumps(fila, ensure_ascii=False), flush=True)
    return fila


def grafica(filas: list[dict], vacio_s: float, destino: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    tamanos = [f["informes"] for f in filas]
    figura, eje = plt.subplots(figsize=(6, 3.6), dpi=100)
    eje.plot(tamanos, [f["procesar_s"] for f in filas], "o-", label="procesar desde cero")
    eje.plot(tamanos, [f["agregar_10_s"] for f in filas], "s-", label="agregar 10 informes")
    eje.plot(tamanos, [f["sin_cambios_s"] for f in filas], "^-", label="repetir sin cambios")
    eje.axhline(vacio_s, color="gray", linestyle=":", label="agregar 10 a un archivo vacío")
    eje.set_xlabel("informes en el archivo (una décima parte escaneados)")
    eje.set_ylabel("segundos")
    eje.set_title("Tiempo contra tamaño del archivo")
    eje.grid(alpha=0.3)
    eje.legend(fontsize=8)
    figura.tight_layout()
    figura.savefig(destino)
    plt.close(figura)


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__)
    argumentos.add_argument("--tamanos", default="100,500,2000")
    argumentos.add_argument("--sin-dask", action="store_true")
    argumentos.add_argument("--salida", type=Path, default=RAIZ / "salidas")
    argumentos.add_argument("--grafica", type=Path, default=RAIZ / "grafica-escala.png")
    datos = argumentos.parse_args()
    tamanos = sorted(int(t) for t in datos.tamanos.split(","))

    trabajo = Path(tempfile.mkdtemp(prefix="informes-escala-"))
    try:
        inicio = time.perf_counter()
        texto, escaneos, nuevos = generar(trabajo, tamanos[-1])
        print(f"Corpus generado en {time.perf_counter() - inicio:.0f} s", flush=True)
        carpeta_nuevos = trabajo / "nuevos"
        vacio_s, _ = correr(["procesar", str(carpeta_nuevos), "--salida", str(trabajo / "vacio")])
        filas = []
        for tamano in tamanos:
            corpus = subcorpus(trabajo / f"corpus-{tamano}", texto, escaneos, tamano)
            filas.append(medir_tamano(trabajo, corpus, carpeta_nuevos, tamano))
        dask = None
        if not datos.sin_dask:
            nucleos = os.cpu_count() or 1
            entorno = {**os.environ, "PREFECT_HOME": str(trabajo / "prefect")}
            segundos, rss = correr(
                ["procesar", str(trabajo / f"corpus-{tamanos[-1]}"), "--salida",
                 str(trabajo / "dask"), "--ejecutor", "dask", "--trabajadores", str(nucleos)],
                entorno,
            )  # fmt: skip
            dask = {"informes": tamanos[-1], "trabajadores": nucleos, "procesar_s": round(segundos, 2),
                    "paginas_por_s": round(filas[-1]["paginas"] / segundos, 1), "rss_max_mb": rss}  # fmt: skip
    finally:
        shutil.rmtree(trabajo, ignore_errors=True)

    cifras = {
        "maquina": maquina(),
        "fecha": time.strftime("%Y-%m-%d %H:%M"),
        "agregar_10_a_vacio_s": round(vacio_s, 2),
        "tamanos": filas,
        "razon_agregar_10_mayor_vs_vacio": round(filas[-1]["agregar_10_s"] / vacio_s, 2),
        "dask": dask,
        "metas": {"razon_agregar_10_max": 3, "rss_max_mb_max": 500},
    }
    imprimir(cifras)
    datos.salida.mkdir(parents=True, exist_ok=True)
    (datos.salida / "bench-escala.json").write_text(
        json.dumps(cifras, ensure_ascii=False, indent=1) + "\n"
    )
    grafica(filas, vacio_s, datos.grafica)
    print(f"\nCifras en {datos.salida / 'bench-escala.json'}; gráfica en {datos.grafica}")


def imprimir(c: dict) -> None:
    print(f"\n{'informes':>8} {'páginas':>8} {'procesar s':>11} {'págs/s':>7} {'RSS MB':>7} "
          f"{'+10 s':>7} {'repetir s':>9}")  # fmt: skip
    for f in c["tamanos"]:
        print(f"{f['informes']:>8} {f['paginas']:>8} {f['procesar_s']:>11} {f['paginas_por_s']:>7} "
              f"{f['rss_max_mb']:>7} {f['agregar_10_s']:>7} {f['sin_cambios_s']:>9}")  # fmt: skip
    print(f"\nAgregar 10 a un archivo vacío: {c['agregar_10_a_vacio_s']} s; al mayor: "
          f"×{c['razon_agregar_10_mayor_vs_vacio']} (meta ≤ 3)")  # fmt: skip
    if c["dask"]:
        d = c["dask"]
        print(f"Dask ({d['trabajadores']} trabajadores), {d['informes']} informes: "
              f"{d['procesar_s']} s, {d['paginas_por_s']} págs/s, RSS máx. {d['rss_max_mb']} MB")  # fmt: skip
    m = c["maquina"]
    print(f"Máquina: {m['sistema']}, {m['nucleos']} núcleos, {m['memoria_gib']} GiB")


if __name__ == "__main__":
    main()
