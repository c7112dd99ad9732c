"""Genera un corpus sintético con su verdad: `python -m tests.generador --n 20 --salida DIR`.

Escribe `<nombre>.<maqueta>.pdf` y `<nombre>.esperado.json` por informe (el mismo formato que
`tests/ejemplos/`: el nombre de la variante es la maqueta, y así `informes evaluar` reporta por
maqueta), rotando las maquetas de ajuste; de los `--n`, los primeros `--escaneados K` salen
escaneados (200 ppp, algo girados, con ruido), también rotando las maquetas.
`--reservadas` genera sólo con las maquetas reservadas sin medir, que no entran en ningún ajuste:
hoy no hay (lo dice y sale). Las reservadas anteriores, ya medidas (`reservada-expediente`,
`reservada-cuadernillo` de la séptima tanda, ver `tests/generador/RESERVADAS7.md`;
`reservada-formato`, `reservada-narrativa` de la sexta tanda, ver
`tests/generador/RESERVADAS6.md`; `reservada-portada`, `reservada-consecutiva`,
`reservada-columnas`, `reservada-renglones`, `reservada-tabla`, `reservada-guiones`,
`reservada-romana`, `reservada-marginal`, `reservada-oficio`, `reservada-compacta`), sólo se
generan por nombre con `--maquetas`.

`--asf N` genera además N informes individuales de la ASF (`tests/generador/asf.py`), rotando
sus maquetas (`asf-a`, `asf-b`, `asf-c`): `asf-<semilla>-<i>.<maqueta>.pdf` con su
`asf-<semilla>-<i>.esperado.json` en la forma por resultados; los primeros `--escaneados K`
salen escaneados. Con `--asf` y sin `--n` no se generan informes ASE.

`--ppp R` escanea a R ppp en lugar de 200 (p. ej. 150, como el escaneo real de la ASE).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from tests.generador.asf import MAQUETAS_ASF, TODAS_ASF, MaquetaAsf, escribir_asf, generar_asf
from tests.generador.informe import esperado, generar
from tests.generador.pdf import (
    ESCANEO,
    MAQUETAS,
    RESERVADAS,
    RESERVADAS_MEDIDAS,
    TODAS,
    Escaneo,
    Maqueta,
    escribir,
)


def generar_corpus(salida: Path, n: int, semilla: int = 1, escaneados: int = 0,
                   maquetas: Sequence[Maqueta] | None = None, escaneo: Escaneo = ESCANEO) -> list[Path]:  # fmt: skip
    """`n` informes rotando `maquetas` (por omisión, las de ajuste: nunca las reservadas); los
    primeros `escaneados`, escaneados como dice `escaneo`."""
    maquetas = list(maquetas or MAQUETAS)
    salida.mkdir(parents=True, exist_ok=True)
    pdfs = []
    for i in range(n):
        maqueta = maquetas[i % len(maquetas)]
        informe = generar(semilla * 1000 + i, variado=maqueta.variado, cierres=maqueta.cierres,
                          referencia=maqueta.referencia)  # fmt: skip
        escaneado = i < escaneados
        nombre = f"sintetico-{semilla}-{i:03d}{'-escaneado' if escaneado else ''}"
        destino = salida / f"{nombre}.{maqueta.nombre}.pdf"
        pdfs.append(escribir(informe, maqueta, destino, escaneado, semilla + i,
                             ppp=escaneo.ppp, giro=escaneo.giro, motas=escaneo.motas))  # fmt: skip
        verdad = esperado(informe, anexo=maqueta.sexta == "anexo")  # oficios en otro orden
        (salida / f"{nombre}.esperado.json").write_text(
            json.dumps(verdad, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    return pdfs


def generar_corpus_asf(salida: Path, n: int, semilla: int = 1, escaneados: int = 0,
                       maquetas: Sequence[MaquetaAsf] | None = None, escaneo: Escaneo = ESCANEO) -> list[Path]:  # fmt: skip
    """`n` informes de la ASF rotando `maquetas` (por omisión, todas las ASF); los primeros
    `escaneados`, escaneados como dice `escaneo`."""
    maquetas = list(maquetas or MAQUETAS_ASF)
    salida.mkdir(parents=True, exist_ok=True)
    pdfs = []
    for i in range(n):
        maqueta = maquetas[i % len(maquetas)]
        informe = generar_asf(semilla * 1000 + i)
        escaneado = i < escaneados
        nombre = f"asf-{semilla}-{i:03d}{'-escaneado' if escaneado else ''}"
        destino = salida / f"{nombre}.{maqueta.nombre}.pdf"
        verdad = escribir_asf(informe, maqueta, destino, escaneado, semilla + i,
                              ppp=escaneo.ppp, giro=escaneo.giro, motas=escaneo.motas)  # fmt: skip
        (salida / f"{nombre}.esperado.json").write_text(
            json.dumps(verdad, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        pdfs.append(destino)
    return pdfs


def _maquetas(nombres: str | None, reservadas: bool) -> list[Maqueta]:
    if reservadas:
        if not RESERVADAS:
            raise SystemExit(
                "No hay maquetas reservadas sin medir: la séptima tanda (reservada-expediente, "
                "reservada-cuadernillo) ya se midió. Las medidas se generan por nombre con --maquetas."
            )
        return RESERVADAS
    if not nombres:
        return MAQUETAS
    desconocidas = [n for n in nombres.split(",") if n not in TODAS]
    if desconocidas:
        raise SystemExit(f"Maquetas desconocidas: {', '.join(desconocidas)} (ver --listar)")
    return [TODAS[n] for n in nombres.split(",")]


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__)
    argumentos.add_argument("--n", type=int, default=None, help="informes ASE (20; 0 con --asf)")
    argumentos.add_argument("--asf", type=int, default=0, metavar="N", help="informes de la ASF")
    argumentos.add_argument("--semilla", type=int, default=1)
    argumentos.add_argument("--escaneados", type=int, default=0)
    argumentos.add_argument("--maquetas", metavar="A,B", help="sólo estas maquetas (por nombre)")
    argumentos.add_argument("--reservadas", action="store_true",
                            help="sólo las maquetas reservadas (medición final, una vez)")  # fmt: skip
    argumentos.add_argument("--listar", action="store_true", help="lista las maquetas y sale")
    argumentos.add_argument("--ppp", type=int, default=ESCANEO.ppp,
                            help=f"resolución de los escaneos ({ESCANEO.ppp})")  # fmt: skip
    argumentos.add_argument("--salida", type=Path)
    datos = argumentos.parse_args()
    if datos.listar:
        for m in MAQUETAS + RESERVADAS + RESERVADAS_MEDIDAS + MAQUETAS_ASF:
            print(m.nombre)
        return
    if datos.salida is None:
        argumentos.error("falta --salida")
    nombres = datos.maquetas.split(",") if datos.maquetas else []
    asf = [TODAS_ASF[n] for n in nombres if n in TODAS_ASF]
    ase = ",".join(n for n in nombres if n not in TODAS_ASF) or None
    n = datos.n if datos.n is not None else (0 if datos.asf else 20)
    escaneo = replace(ESCANEO, ppp=datos.ppp)
    if n:
        maquetas = _maquetas(ase, datos.reservadas)
        generar_corpus(datos.salida, n, datos.semilla, datos.escaneados, maquetas, escaneo)
    if datos.asf:
        generar_corpus_asf(datos.salida, datos.asf, datos.semilla, datos.escaneados, asf or None,
                           escaneo)  # fmt: skip


if __name__ == "__main__":
    main()
