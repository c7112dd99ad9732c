"""`pip install .` (no editable) trae todo lo que necesita: se construye la rueda, se instala en
un entorno virtual nuevo fuera del repositorio y, desde una carpeta temporal, `informes` procesa
la muestra, consulta, escribe el reporte y rastrea la fuente empaquetada `ase-tamaulipas`
contra un sitio local (un proxy en 127.0.0.1 la lleva ahí; nada sale de esta máquina).

Las dependencias no se vuelven a instalar: un .pth del entorno nuevo apunta a las del entorno
de las pruebas (sin sus .pth, así que la instalación editable no entra); el código de
`informes` sale sólo de la rueda, y la prueba verifica que nada se importe del repositorio."""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import EJEMPLOS, RAIZ
from tests.proxy import Proxy, certificado, contexto_servidor
from tests.sitio import Sitio

ANFITRIONES = ["www.asetamaulipas.gob.mx", "asetamaulipas.gob.mx"]
MUESTRA = EJEMPLOS / "ase-tamaulipas-AED-017-2021.informe.pdf"


def correr(argumentos: list[str], **opciones) -> subprocess.CompletedProcess:
    resultado = subprocess.run(argumentos, capture_output=True, text=True, timeout=600, **opciones)
    assert resultado.returncode == 0, resultado.stdout + resultado.stderr
    return resultado


@pytest.fixture(scope="module")
def instalado(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """(carpeta bin del entorno nuevo, variables de entorno para correr ahí)."""
    tmp = tmp_path_factory.mktemp("instalacion")
    fuente = tmp / "fuente"  # una copia limpia: construir no ensucia el repositorio
    fuente.mkdir()
    for nombre in ("pyproject.toml", "README.md"):
        shutil.copy(RAIZ / nombre, fuente / nombre)
    for paquete in ("flows", "extractores", "modelos"):
        shutil.copytree(RAIZ / paquete, fuente / paquete,
                        ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    pip = [sys.executable, "-m", "pip"]
    correr([*pip, "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"),
            str(fuente)])  # fmt: skip
    [rueda] = list((tmp / "dist").glob("informes-*.whl"))
    entorno = tmp / "entorno"
    correr([sys.executable, "-m", "venv", "--without-pip", str(entorno)])
    python = entorno / "bin" / "python"
    correr([*pip, "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(rueda)])
    sitio_nuevo = Path(
        correr(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]
        ).stdout.strip()
    )
    (sitio_nuevo / "zz_dependencias.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    variables = {
        "PATH": f"{entorno / 'bin'}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(tmp),
        "LANG": "C.UTF-8",
    }
    return entorno / "bin", variables


def test_el_codigo_sale_de_la_rueda(instalado, tmp_path: Path) -> None:
    bin_, variables = instalado
    salida = correr(
        [str(bin_ / "python"), "-c",
         "import flows, extractores, modelos, flows.datasette_informes;"
         "from modelos import datos;"
         "print(flows.__file__); print(extractores.__file__); print(modelos.__file__);"
         "print(datos.ruta('fuentes', 'ase-tamaulipas.toml'))"],
        cwd=tmp_path, env=variables,
    ).stdout.split()  # fmt: skip
    assert len(salida) == 4
    for ruta in salida:
        assert not Path(ruta).resolve().is_relative_to(RAIZ.resolve()), ruta
        assert "site-packages" in ruta
    for datos in ("vistas.sql", "reglas/estatus.jsonl", "catalogos/municipios.csv",
                  "calendarios/ase-tamaulipas.toml", "fuentes/ase-tamaulipas.toml"):  # fmt: skip
        assert (Path(salida[2]).parent / datos).is_file(), datos
    assert (Path(salida[0]).parent / "plantillas" / "reporte.html").is_file()


def test_procesar_consultar_y_reporte_sin_el_repositorio(instalado, tmp_path: Path) -> None:
    bin_, variables = instalado
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(MUESTRA, corpus / "muestra.pdf")
    informes = str(bin_ / "informes")
    correr([informes, "procesar", "corpus", "--trabajadores", "1"], cwd=tmp_path, env=variables)
    # Por omisión, fuera del repositorio, la salida va a ./salidas.
    salida = tmp_path / "salidas"
    with (salida / "tablas" / "informes.csv").open(encoding="utf-8", newline="") as archivo:
        [fila] = list(csv.DictReader(archivo))
    assert fila["dias_habiles_respuesta"] == "14"
    sha = hashlib.sha256(MUESTRA.read_bytes()).hexdigest()
    assert (salida / "pdf" / f"{sha}.pdf").read_bytes() == MUESTRA.read_bytes()
    consulta = correr(
        [informes, "consultar", "SELECT tipo FROM alertas ORDER BY tipo", "--formato", "csv"],
        cwd=tmp_path, env=variables,
    )  # fmt: skip
    assert consulta.stdout.splitlines() == [
        "tipo", "cierre contradice justificación", "respuesta fuera de plazo",
    ]  # fmt: skip
    correr([informes, "reporte"], cwd=tmp_path, env=variables)
    reporte = (salida / "reporte" / "index.html").read_text(encoding="utf-8")
    assert 'data-cifra="oportunidad|ase-tamaulipas:AED/017/2021|dias">14<' in reporte


def test_rastrear_la_fuente_empaquetada_contra_un_sitio_local(instalado, tmp_path: Path) -> None:
    bin_, variables = instalado
    cert, clave = certificado(ANFITRIONES, tmp_path)
    sitio = Sitio(tls=contexto_servidor(cert, clave))
    sitio.paginas = {
        "/informes-individuales/": '<html><body><a href="2021/AED-017-2021.pdf">'
        "Informe individual AED/017/2021</a></body></html>"
    }
    sitio.pdfs = {"/informes-individuales/2021/AED-017-2021.pdf": MUESTRA.read_bytes()}
    sitio.robots = "User-agent: *\nDisallow: /privado/\n"
    sitio.iniciar()
    proxy = Proxy(ANFITRIONES, sitio.servidor.server_address[1]).iniciar()
    try:
        resultado = correr(
            [str(bin_ / "informes"), "rastrear", "--fuente", "ase-tamaulipas", "--corpus",
             "corpus"],
            cwd=tmp_path,
            env={**variables, "HTTPS_PROXY": proxy.url, "SSL_CERT_FILE": str(cert),
                 "NO_PROXY": "127.0.0.1,localhost"},
        )  # fmt: skip
    finally:
        proxy.detener()
        sitio.detener()
    assert "descargados: 1" in resultado.stdout, resultado.stdout
    assert (tmp_path / "corpus" / "AED-017-2021.pdf").read_bytes() == MUESTRA.read_bytes()
    assert set(proxy.pedidos) == {"CONNECT www.asetamaulipas.gob.mx:443"}
    assert sitio.pedidas() == [
        "/robots.txt", "/informes-individuales/", "/informes-individuales/2021/AED-017-2021.pdf",
    ]  # fmt: skip
