"""El reporte de hallazgos: cada cifra es la misma que da SQL sobre las tablas, cada enlace lleva
a sus filas, y una persona lo ve (Chromium sin pantalla) igual que la página de Datasette."""

from __future__ import annotations

import hashlib
import html
import re
import shutil
import socket
import sqlite3
import subprocess
import time
from pathlib import Path

import httpx
import pypdfium2 as pdfium
import pytest

from flows.procesar import procesar
from flows.reporte import cifras, generar
from flows.servir import orden
from tests.conftest import EJEMPLOS
from tests.generador.__main__ import generar_corpus

CHROMIUM = shutil.which("chromium") or "chromium"
BANDERAS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="module")
def salida(tmp_path_factory) -> Path:
    corpus = tmp_path_factory.mktemp("corpus")
    generar_corpus(corpus, n=8, semilla=31)
    for esperado in corpus.glob("*.json"):
        esperado.unlink()
    shutil.copy(EJEMPLOS / "ase-tamaulipas-AED-017-2021.informe.pdf", corpus / "muestra.pdf")
    carpeta = tmp_path_factory.mktemp("salidas")
    procesar([corpus], salida=carpeta)
    generar(carpeta)
    return carpeta


def sql(salida: Path, consulta: str, *parametros) -> list[tuple]:
    conexion = sqlite3.connect(salida / "informes.sqlite")
    try:
        return conexion.execute(consulta, parametros).fetchall()
    finally:
        conexion.close()


def test_cada_cifra_es_la_de_sql(salida: Path) -> None:
    html = (salida / "reporte" / "index.html").read_text(encoding="utf-8")
    marcadas = cifras(html)
    assert marcadas["resumen|informes|total"] == sql(salida, "SELECT count(*) FROM informes")[0][0]
    assert (
        marcadas["resumen|recomendaciones|total"]
        == sql(salida, "SELECT count(*) FROM recomendaciones")[0][0]
    )
    assert marcadas["alertas|total|filas"] == sql(salida, "SELECT count(*) FROM alertas")[0][0]
    consultas = {
        "ente": "SELECT i.ente_normalizado, r.estatus, count(*) FROM recomendaciones r "
                "JOIN informes i USING (informe_id) GROUP BY 1, 2",
        "area": "SELECT p.area_normalizada, r.estatus, count(*) FROM recomendaciones r "
                "JOIN procedimientos p ON p.informe_id = r.informe_id "
                "AND p.procedimiento = r.procedimiento GROUP BY 1, 2",
        "ejercicio": "SELECT i.ejercicio, r.estatus, count(*) FROM recomendaciones r "
                     "JOIN informes i USING (informe_id) GROUP BY 1, 2",
        "auditor": "SELECT i.auditor, r.estatus, count(*) FROM recomendaciones r "
                   "JOIN informes i USING (informe_id) GROUP BY 1, 2",
        "persona": "SELECT p.nombre, r.estatus, count(*) FROM recomendaciones r JOIN personas p "
                   "ON p.informe_id = r.informe_id AND p.rol = 'auditor' GROUP BY 1, 2",
        "dictamen": "SELECT informe_id, 'no atendida', count(*) FROM recomendaciones "
                    "WHERE estatus = 'no atendida' GROUP BY 1",
    }  # fmt: skip
    revisadas = 0
    for nombre, consulta in consultas.items():
        for grupo, estatus, cantidad in sql(salida, consulta):
            assert marcadas[f"{nombre}|{grupo}|{estatus}"] == cantidad, (nombre, grupo, estatus)
            revisadas += 1
    for informe_id, dias in sql(salida, "SELECT informe_id, dias_habiles_respuesta FROM informes "
                                        "WHERE dias_habiles_respuesta IS NOT NULL"):  # fmt: skip
        assert marcadas[f"oportunidad|{informe_id}|dias"] == dias
        revisadas += 1
    assert revisadas > 50


def test_cada_enlace_lleva_a_tantas_filas_como_dice(salida: Path) -> None:
    html = (salida / "reporte" / "index.html").read_text(encoding="utf-8")
    secciones = dict(
        re.findall(r'<h4 id="([^"]+)">.*?</h4>(<table class="filas">.*?</table>)', html)
    )
    enlaces = re.findall(r'<a href="#([^"]+)" data-cifra="[^"]+">(\d+)</a>', html)
    assert len(enlaces) > 50
    for destino, cantidad in enlaces:
        assert secciones[destino].count("<tr>") - 1 == int(cantidad), destino


def test_muestra_cumplio_con_mayoria_no_atendida_y_respuesta_tardia(salida: Path) -> None:
    """En la muestra real: 11 de 16 no atendidas con «cumplió», y respuesta a 14 días hábiles
    con plazo de 5 (aceptada fuera de plazo): del 19 de enero al 8 de febrero de 2022 hay 15 días
    de lunes a viernes, y el lunes 7 de febrero (Día de la Constitución) no cuenta."""
    html = (salida / "reporte" / "index.html").read_text(encoding="utf-8")
    fila = re.search(r'<tr class="hallazgo"><td>ase-tamaulipas:AED/017/2021</td>.*?</tr>', html)
    assert fila and "cumplió" in fila.group() and "69 %" in fila.group()
    assert cifras(html)["oportunidad|ase-tamaulipas:AED/017/2021|dias"] == 14


def chromium(*argumentos: str, tmp: Path) -> str:
    resultado = subprocess.run(
        [CHROMIUM, *BANDERAS, f"--user-data-dir={tmp / 'perfil'}", *argumentos],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return resultado.stdout


def test_una_persona_ve_el_reporte_en_chromium(salida: Path, tmp_path: Path) -> None:
    url = (salida / "reporte" / "index.html").resolve().as_uri()
    dom = chromium("--dump-dom", url, tmp=tmp_path)
    assert "<h1>Auditar a los auditores: hallazgos de los informes individuales</h1>" in dom
    assert dom.count("<svg") >= 5  # las gráficas, incrustadas
    total = sql(salida, "SELECT count(*) FROM recomendaciones")[0][0]
    assert f'data-cifra="resumen|recomendaciones|total">{total}<' in dom
    captura = tmp_path / "reporte.png"
    chromium("--window-size=1280,1600", f"--screenshot={captura}", url, tmp=tmp_path)
    assert captura.stat().st_size > 20_000


@pytest.fixture(scope="module")
def datasette(salida: Path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        puerto = s.getsockname()[1]
    servidor = subprocess.Popen(
        orden(salida, puerto), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{puerto}"
    try:
        fin = time.monotonic() + 60
        while time.monotonic() < fin:
            try:
                if httpx.get(f"{base}/-/versions.json", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        yield base
    finally:
        servidor.terminate()
        servidor.wait(timeout=30)


def test_una_persona_ve_datasette_en_chromium(salida: Path, datasette: str, tmp_path: Path) -> None:
    base = datasette
    dom = chromium("--dump-dom", f"{base}/informes/recomendaciones?estatus=atendida", tmp=tmp_path)
    atendidas = sql(salida, "SELECT count(*) FROM recomendaciones WHERE estatus = 'atendida'")[0][0]
    assert "Recomendaciones" in dom  # el título de la tabla, de los metadatos
    assert f"{atendidas} row" in dom
    assert "CC-BY-4.0" in dom
    portada = chromium("--dump-dom", f"{base}/", tmp=tmp_path)
    assert "Informes individuales de auditoría" in portada


def test_datasette_busca_enlaza_y_abre_el_pdf_en_su_pagina(
    salida: Path, datasette: str, tmp_path: Path
) -> None:
    """Una recomendación de la muestra se encuentra por una palabra (sin acento), su informe_id
    lleva a su informe y su página abre la copia del PDF en esa página, donde está su texto."""
    informe_id = "ase-tamaulipas:AED/017/2021"
    [(texto, pagina, sha)] = sql(
        salida,
        "SELECT texto, pagina, sha256 FROM recomendaciones WHERE informe_id = ? "
        "AND texto LIKE '%Diagrama de Flujo%'",
        informe_id,
    )
    filtro = "informe_id=ase-tamaulipas%3AAED%2F017%2F2021"
    dom = chromium("--dump-dom", f"{base_tabla(datasette)}?_search=diagrama&{filtro}", tmp=tmp_path)
    assert 'name="_search"' in dom  # la caja de búsqueda
    [(con_la_palabra,)] = sql(
        salida,
        "SELECT count(*) FROM recomendaciones WHERE informe_id = ? AND texto LIKE '%diagrama%'",
        informe_id,
    )
    assert f"{con_la_palabra} row" in dom and texto in html.unescape(dom)
    # informe_id enlaza a la fila de `informes` (llave foránea).
    assert re.search(r'href="/informes/informes/ase-tamaulipas~3AAED~2F017~2F2021"', dom)
    enlace = re.search(r'<a class="pagina-pdf" href="([^"]+)"', dom)
    assert enlace and enlace.group(1) == f"/pdf/{sha}.pdf#page={pagina}"
    # El enlace abre el PDF publicado (el mismo sha256) y en esa página está el texto.
    respuesta = httpx.get(datasette + enlace.group(1).split("#")[0], timeout=10)
    assert respuesta.status_code == 200
    assert hashlib.sha256(respuesta.content).hexdigest() == sha
    documento = pdfium.PdfDocument(respuesta.content)
    en_la_pagina = " ".join(documento[pagina - 1].get_textpage().get_text_range().split())
    assert " ".join(texto.split()[:4]) in en_la_pagina
    # La búsqueda no distingue acentos: «justificacion» encuentra «justificación».
    assert sql(
        salida, "SELECT count(*) FROM justificaciones_fts WHERE justificaciones_fts MATCH ?",
        "justificacion",
    )[0][0] == sql(
        salida, "SELECT count(*) FROM justificaciones WHERE texto LIKE '%justificaci%'"
    )[0][0]  # fmt: skip
    consultas = httpx.get(f"{datasette}/informes/recomendaciones_mas_repetidas.json", timeout=10)
    assert consultas.status_code == 200 and consultas.json()["rows"]


def base_tabla(datasette: str) -> str:
    return f"{datasette}/informes/recomendaciones"


def test_cada_fila_del_reporte_abre_su_pdf_en_su_pagina(salida: Path) -> None:
    reporte = salida / "reporte" / "index.html"
    contenido = reporte.read_text(encoding="utf-8")
    filas = re.findall(
        r'<tr><td>([^<]+)</td><td>(\d+)</td><td>(\d+)</td><td><a href="([^"]+)">(\d+)</a></td>',
        contenido,
    )
    assert len(filas) > 50
    paginas = {
        (i, p, n): (pagina, sha)
        for i, p, n, pagina, sha in sql(
            salida, "SELECT informe_id, procedimiento, numero, pagina, sha256 FROM recomendaciones"
        )
    }
    for informe_id, procedimiento, numero, href, pagina in filas:
        esperada, sha = paginas[(html.unescape(informe_id), int(procedimiento), int(numero))]
        assert int(pagina) == esperada
        assert href == f"../pdf/{sha}.pdf#page={esperada}"
        copia = (reporte.parent / href.split("#")[0]).resolve()
        assert hashlib.sha256(copia.read_bytes()).hexdigest() == sha
