"""Flujos de Prefect: actualizar (rastrear + procesar + publicar), caché de tareas, artefacto
con el resumen, ejecutor Dask y el despliegue programado en un servidor real."""

from __future__ import annotations

import csv
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from extractores.documento import sha256_de
from tests.conftest import RAIZ
from tests.generador.informe import generar
from tests.generador.pdf import MAQUETAS, dibujar
from tests.sitio import Sitio
from tests.test_rastreo import listado


def filas(salida: Path, tabla: str) -> list[dict[str, str]]:
    with (salida / "tablas" / f"{tabla}.csv").open(encoding="utf-8", newline="") as archivo:
        return list(csv.DictReader(archivo))


def escribir_fuente(carpeta: Path, sitio: Sitio) -> Path:
    ruta = carpeta / "prueba.toml"
    ruta.write_text(
        f'nombre = "prueba"\ninicio = ["{sitio.base}/informes/"]\ndominios = ["127.0.0.1"]\n'
        "retraso = 0\ntiempo_espera = 2.0\nreintentos = 1\nespera_reintento = 0.05\n"
        '[informes]\nurl = ["\\\\.pdf$"]\n',
        encoding="utf-8",
    )
    return ruta


@pytest.fixture
def sitio():
    sitio = Sitio().iniciar()
    sitio.pdfs = {f"/informes/{n}.pdf": dibujar(generar(200 + i), MAQUETAS[0])
                  for i, n in enumerate("abc")}  # fmt: skip
    sitio.paginas = {"/informes/": listado([(f"{n}.pdf", n) for n in "abc"])}
    yield sitio
    sitio.detener()


def test_actualizar_procesa_solo_lo_nuevo_y_publica_la_version_nueva(
    prefect_local, sitio: Sitio, tmp_path: Path
) -> None:
    from flows.flujos import actualizar_flujo

    fuente = str(escribir_fuente(tmp_path, sitio))
    corpus, salida = tmp_path / "corpus", tmp_path / "salidas"
    primera = actualizar_flujo(fuente, corpus, salida)
    assert primera["procesamiento"]["nuevos"] == 3
    assert len(filas(salida, "informes")) == 3
    sitio.pdfs["/informes/b.pdf"] = dibujar(generar(201), MAQUETAS[2])  # re-publicado
    sitio.pdfs["/informes/d.pdf"] = dibujar(generar(203), MAQUETAS[0])  # nuevo
    sitio.paginas["/informes/"] = listado([(f"{n}.pdf", n) for n in "abcd"])
    sitio.registro.clear()
    segunda = actualizar_flujo(fuente, corpus, salida)
    assert sorted(r for r in sitio.pedidas(200) if r.endswith(".pdf")) == [
        "/informes/b.pdf", "/informes/d.pdf"
    ]  # fmt: skip
    assert segunda["procesamiento"]["nuevos"] == 2
    assert segunda["procesamiento"]["cambiados"] == 1
    informes = filas(salida, "informes")
    assert len(informes) == 4
    nuevo_b = sha256_de(corpus / "b.pdf")
    numero_b = generar(201).numero
    [fila_b] = [f for f in informes if f["numero_auditoria"] == numero_b]
    assert fila_b["sha256"] == nuevo_b
    documentos = filas(salida, "documentos")
    assert len(documentos) == 5  # la versión anterior de b sigue registrada


def test_tareas_en_cache_y_artefacto(prefect_local, tmp_path: Path) -> None:
    from prefect.client.orchestration import get_client

    from flows.flujos import CLAVE_ARTEFACTO, procesar_flujo

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "x.pdf").write_bytes(dibujar(generar(300), MAQUETAS[1]))
    (corpus / "vacio.pdf").write_bytes(b"")
    a = procesar_flujo([corpus], tmp_path / "a")
    b = procesar_flujo([corpus], tmp_path / "b")  # otra salida: sin caché propia
    assert a["nuevos"] == b["nuevos"] == 2
    # La tarea del PDF vino de la caché de Prefect: mismo resultado, mismos segundos.
    assert filas(tmp_path / "a", "documentos") == filas(tmp_path / "b", "documentos")
    with get_client(sync_client=True) as cliente:
        respuesta = cliente._client.post(
            "/artifacts/filter",
            json={
                "artifacts": {"key": {"any_": [CLAVE_ARTEFACTO]}},
                "limit": 1,
                "offset": 0,
                "sort": "CREATED_DESC",
            },  # fmt: skip
        )
    [artefacto] = respuesta.json()
    assert "| Archivos | 2 |" in artefacto["data"]
    assert "vacio.pdf" in artefacto["data"]


def test_dask_da_las_mismas_tablas(prefect_local, tmp_path: Path) -> None:
    from flows.flujos import con_ejecutor, procesar_flujo

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"{i}.pdf").write_bytes(dibujar(generar(400 + i), MAQUETAS[i % 3]))
    (corpus / "roto.pdf").write_bytes(b"%PDF-1.4\nbasura")
    procesar_flujo([corpus], tmp_path / "hilos")
    con_ejecutor(procesar_flujo, "dask", 2)([corpus], tmp_path / "dask")
    for csv_hilos in sorted((tmp_path / "hilos" / "tablas").glob("*.csv")):
        csv_dask = tmp_path / "dask" / "tablas" / csv_hilos.name
        if csv_hilos.name == "documentos.csv":
            quitar = lambda fs: [{k: v for k, v in f.items() if k != "segundos"} for f in fs]  # noqa: E731
            assert quitar(filas(tmp_path / "hilos", "documentos")) == quitar(
                filas(tmp_path / "dask", "documentos")
            )
        else:
            assert csv_hilos.read_bytes() == csv_dask.read_bytes(), csv_hilos.name


def _puerto_libre() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _esperar(condicion, limite: float, mensaje: str):
    fin = time.monotonic() + limite
    while time.monotonic() < fin:
        try:
            valor = condicion()
            if valor:
                return valor
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise AssertionError(mensaje)


def test_programar_registra_el_despliegue_con_su_cron(tmp_path: Path) -> None:
    """Un servidor de Prefect real en 127.0.0.1; `informes programar` registra el despliegue."""
    puerto = _puerto_libre()
    api = f"http://127.0.0.1:{puerto}/api"
    entorno = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect"), "PREFECT_API_URL": api}
    entorno.pop("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", None)
    prefect = Path(sys.executable).with_name("prefect")
    informes = Path(sys.executable).with_name("informes")
    servidor = subprocess.Popen(
        [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(puerto)],
        env={k: v for k, v in entorno.items() if k != "PREFECT_API_URL"},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    programa = None
    try:
        _esperar(lambda: httpx.get(f"{api}/health", timeout=2).status_code == 200, 240,
                 "el servidor de Prefect no arrancó")  # fmt: skip
        fuente = tmp_path / "prueba.toml"
        fuente.write_text(
            'nombre = "prueba"\ninicio = ["http://127.0.0.1:9/"]\ndominios = ["127.0.0.1"]\n'
        )
        programa = subprocess.Popen(
            [str(informes), "programar", "--fuente", str(fuente), "--cron", "0 7 * * 1",
             "--nombre", "prueba-semanal", "--corpus", str(tmp_path / "corpus"),
             "--salida", str(tmp_path / "salidas")],
            env=entorno, cwd=RAIZ, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip

        def despliegue():
            respuesta = httpx.post(
                f"{api}/deployments/filter", json={"limit": 10, "offset": 0}, timeout=5
            )
            return [d for d in respuesta.json() if d["name"] == "prueba-semanal"]

        [registrado] = _esperar(despliegue, 180, "el despliegue no se registró")
        crons = [s["schedule"]["cron"] for s in registrado["schedules"]]
        assert crons == ["0 7 * * 1"]
        assert registrado["parameters"]["fuente"] == str(fuente)
    finally:
        for proceso in (programa, servidor):
            if proceso is not None:
                proceso.terminate()
                try:
                    proceso.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    proceso.kill()
