"""Rastreo contra un sitio de prueba en 127.0.0.1 (nunca otra dirección)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from flows import rastreo
from flows.fuentes import desde_datos
from tests.generador.informe import generar
from tests.generador.pdf import MAQUETAS, dibujar
from tests.sitio import Sitio


def pdf_sintetico(semilla: int, maqueta: int = 0) -> bytes:
    return dibujar(generar(semilla), MAQUETAS[maqueta])


def listado(enlaces: list[tuple[str, str]]) -> str:
    return (
        "<html><body>" + "".join(f'<a href="{h}">{t}</a>\n' for h, t in enlaces) + "</body></html>"
    )


def montar(sitio: Sitio, externo: Sitio) -> None:
    base = sitio.base
    sitio.pdfs = {
        "/informes/a.pdf": pdf_sintetico(101),
        "/informes/b.pdf": pdf_sintetico(102),
        "/informes/c.pdf": pdf_sintetico(103),
        "/informes/d.pdf": pdf_sintetico(104),
        "/informes/inestable.pdf": pdf_sintetico(106),
        "/privado/secreto.pdf": pdf_sintetico(107),
    }
    sitio.paginas = {
        "/informes/": listado([
            ("a.pdf", "Informe individual AED/001"),
            (f"{base}/informes/b.pdf", "Informe B (absoluto)"),
            ("./a.pdf", "repetido"), ("a.pdf#pagina=2", "repetido con fragmento"),
            ("viejo.pdf", "redirección"), ("no-existe.pdf", "404"),
            ("inestable.pdf", "500 y luego 200"),
            ("lento.pdf", "lento"), ("truncado.pdf", "truncado"), ("falso.pdf", "HTML como PDF"),
            ("/privado/secreto.pdf", "prohibido"), ("/privado/listado/", "listado prohibido"),
            (f"http://localhost:{externo.servidor.server_address[1]}/externo.pdf", "fuera"),
            ("javascript:void(0)", "js"), ("mailto:contacto@ejemplo.org", "correo"),
            ("?pagina=2", "Siguiente"),
        ]),
        "/informes/?pagina=2": listado([
            ("d.pdf", "Informe D"), ("/informes/", "Anterior"), ("../informes/a.pdf", "repetido"),
        ]),
    }  # fmt: skip
    sitio.redirecciones = {"/informes/viejo.pdf": "/informes/c.pdf"}
    sitio.fallos_500 = {"/informes/inestable.pdf": 1}
    sitio.lentos = {"/informes/lento.pdf"}
    sitio.truncados = {"/informes/truncado.pdf"}
    sitio.html_como_pdf = {"/informes/falso.pdf"}


def fuente(sitio: Sitio):
    return desde_datos(
        {
            "nombre": "prueba",
            "inicio": [f"{sitio.base}/informes/"],
            "dominios": ["127.0.0.1"],
            "retraso": 0,
            "tiempo_espera": 1.0,
            "reintentos": 2,
            "espera_reintento": 0.05,
            "seguir": {"texto": ["siguiente", "anterior"]},
            "informes": {"url": [r"\.pdf($|\?)"]},
        },
        "prueba",
    )


@pytest.fixture
def sitios():
    sitio, externo = Sitio().iniciar(), Sitio().iniciar()
    montar(sitio, externo)
    yield sitio, externo
    sitio.detener()
    externo.detener()


def manifiesto(corpus: Path) -> dict[str, dict[str, str]]:
    with (corpus / "manifiesto.csv").open(encoding="utf-8", newline="") as archivo:
        return {f["url"]: f for f in csv.DictReader(archivo) if f["estado"] != "reemplazado"}


def test_primer_rastreo(sitios, tmp_path: Path) -> None:
    sitio, externo = sitios
    corpus = tmp_path / "corpus"
    resumen = rastreo.rastrear(fuente(sitio), corpus)
    base = sitio.base + "/informes/"
    assert sorted(p.name for p in corpus.glob("*.pdf")) == [
        "a.pdf",
        "b.pdf",
        "c.pdf",
        "d.pdf",
        "inestable.pdf",
    ]
    assert not [p for p in corpus.iterdir() if p.name.startswith(".") or p.suffix == ".parte"]
    filas = manifiesto(corpus)
    assert filas[base + "viejo.pdf"]["archivo"] == "c.pdf"  # la redirección se siguió
    esperados = {
        "no-existe.pdf": "No encontrado (HTTP 404)",
        "lento.pdf": "Se agotó el tiempo de espera",
        "truncado.pdf": "incompleta",
        "falso.pdf": "no es un PDF",
    }
    for nombre, fragmento in esperados.items():
        assert filas[base + nombre]["estado"] == "error"
        assert fragmento in filas[base + nombre]["error"], filas[base + nombre]
    assert filas[sitio.base + "/privado/secreto.pdf"]["estado"] == "prohibido por robots.txt"
    fuera = [f for u, f in filas.items() if "localhost" in u]
    assert [f["estado"] for f in fuera] == ["fuera de dominio"]
    # Lo prohibido y lo de fuera jamás se pidió; el 404 no se reintenta; el 500 sí.
    assert not [r for r in sitio.pedidas() if r.startswith("/privado/")]
    assert externo.pedidas() == []
    assert sitio.pedidas().count("/informes/no-existe.pdf") == 1
    assert sitio.pedidas().count("/informes/inestable.pdf") == 2
    assert sitio.pedidas().count("/informes/a.pdf") == 1  # enlaces repetidos: una sola vez
    assert len(resumen.descargados) == 5
    for fila in filas.values():
        if fila["estado"] == "descargado":
            assert len(fila["sha256"]) == 64 and fila["fecha_descarga"] and fila["etag"]


def test_segundo_rastreo_solo_baja_lo_nuevo_y_lo_cambiado(sitios, tmp_path: Path) -> None:
    sitio, _ = sitios
    corpus = tmp_path / "corpus"
    rastreo.rastrear(fuente(sitio), corpus)
    anterior_b = (corpus / "b.pdf").read_bytes()
    sitio.pdfs["/informes/b.pdf"] = pdf_sintetico(102, maqueta=1)  # re-publicado
    sitio.pdfs["/informes/e.pdf"] = pdf_sintetico(105)  # nuevo
    sitio.paginas["/informes/?pagina=2"] = listado([("d.pdf", "D"), ("e.pdf", "E")])
    sitio.registro.clear()
    resumen = rastreo.rastrear(fuente(sitio), corpus)
    bajados = {r for r in sitio.pedidas(200) if r.endswith(".pdf")} - {
        "/informes/truncado.pdf", "/informes/falso.pdf"
    }  # fmt: skip
    assert bajados == {"/informes/b.pdf", "/informes/e.pdf"}
    assert resumen.actualizados == [sitio.base + "/informes/b.pdf"]
    assert resumen.descargados == [sitio.base + "/informes/e.pdf"]
    assert (corpus / "b.pdf").read_bytes() == sitio.pdfs["/informes/b.pdf"]
    [guardada] = list((corpus / rastreo.ANTERIORES).glob("b-*.pdf"))
    assert guardada.read_bytes() == anterior_b
    assert manifiesto(corpus)[sitio.base + "/informes/b.pdf"]["estado"] == "actualizado"


def test_nombre_seguro_sin_rutas() -> None:
    assert rastreo.nombre_seguro("http://x/a/../../etc/passwd", set()) == "passwd.pdf"
    assert rastreo.nombre_seguro("http://x/informes/..%2F..%2Fsecreto.pdf", set()) == "secreto.pdf"
    assert (
        rastreo.nombre_seguro("http://x/informes/Informe%20AED 017.pdf", set())
        == "Informe-AED-017.pdf"
    )
    assert rastreo.nombre_seguro("http://x/", set()) == "informe.pdf"
    assert rastreo.nombre_seguro("http://x/a.pdf", {"a.pdf"}).startswith("a-")


def test_enlaces_relativos_absolutos_y_basura() -> None:
    html = listado([("a.pdf", "A"), ("/b.pdf", "B"), ("http://otro/c.pdf", "C"),
                    ("a.pdf#x", "A"), ("javascript:void(0)", "J"), ("mailto:x@y", "M"),
                    ("#arriba", "T")])  # fmt: skip
    assert [u for u, _ in rastreo.enlaces(html, "http://sitio/informes/")] == [
        "http://sitio/informes/a.pdf", "http://sitio/b.pdf", "http://otro/c.pdf",
    ]  # fmt: skip


# --- robots.txt según RFC 9309 -------------------------------------------------------------


def _sitio_simple(sitio: Sitio) -> None:
    sitio.paginas = {"/informes/": listado([("a.pdf", "A"), ("/privado/b.pdf", "B")])}
    sitio.pdfs = {"/informes/a.pdf": pdf_sintetico(101), "/privado/b.pdf": pdf_sintetico(102)}


@pytest.fixture
def simple():
    sitio = Sitio()
    _sitio_simple(sitio)
    sitio.iniciar()
    yield sitio
    sitio.detener()


def test_robots_con_5xx_prohibe_todo(simple: Sitio, tmp_path: Path) -> None:
    simple.robots_estado = 503
    resumen = rastreo.rastrear(fuente(simple), tmp_path)
    # Sólo se pidió robots.txt (con sus reintentos); nada más.
    assert set(simple.pedidas()) == {"/robots.txt"}
    assert simple.pedidas().count("/robots.txt") == 3  # 1 + 2 reintentos
    assert resumen.descargados == []
    [inicio] = manifiesto(tmp_path).values()
    assert inicio["estado"] == "prohibido por robots.txt"
    assert "HTTP 503" in inicio["error"] and "RFC 9309" in inicio["error"]


def test_robots_inalcanzable_prohibe_todo(simple: Sitio, tmp_path: Path) -> None:
    simple.lentos = {"/robots.txt"}
    simple.espera_lenta = 1.5  # más que el tiempo de espera de la fuente (1 s)
    rastreo.rastrear(fuente(simple), tmp_path)
    assert set(simple.pedidas()) == {"/robots.txt"}
    [inicio] = manifiesto(tmp_path).values()
    assert inicio["estado"] == "prohibido por robots.txt"
    assert "tiempo de espera" in inicio["error"]


def test_robots_con_4xx_permite_todo(simple: Sitio, tmp_path: Path) -> None:
    simple.robots_estado = 404
    resumen = rastreo.rastrear(fuente(simple), tmp_path)
    assert sorted(p.name for p in tmp_path.glob("*.pdf")) == ["a.pdf", "b.pdf"]
    assert len(resumen.descargados) == 2


def test_robots_con_un_5xx_pasajero_se_reintenta(simple: Sitio, tmp_path: Path) -> None:
    simple.fallos_500 = {"/robots.txt": 1}
    rastreo.rastrear(fuente(simple), tmp_path)
    assert simple.pedidas().count("/robots.txt") == 2
    assert [p.name for p in tmp_path.glob("*.pdf")] == ["a.pdf"]  # /privado/ sigue prohibido
    assert manifiesto(tmp_path)[simple.base + "/privado/b.pdf"]["estado"] == (
        "prohibido por robots.txt"
    )


def test_robots_gana_la_regla_mas_especifica() -> None:
    """RFC 9309 2.2.2: manda la regla más larga que coincide (Allow gana a Disallow si es más
    específica), no la primera como en urllib.robotparser."""
    robots = rastreo.robots_de_respuesta(
        200,
        "User-agent: *\nDisallow: /informes/\nAllow: /informes/publicos/\n\n"
        "User-agent: informes\nDisallow: /solo-para-nosotros/\n",
    )
    assert robots.permite("http://x/informes/publicos/a.pdf", "otro")
    assert not robots.permite("http://x/informes/a.pdf", "otro")
    # Un grupo propio del agente sustituye al de «*».
    assert robots.permite("http://x/informes/a.pdf", "informes/0.1")
    assert not robots.permite("http://x/solo-para-nosotros/a.pdf", "informes/0.1")
    assert rastreo.robots_de_respuesta(401, "").permite("http://x/a", "y")
    assert not rastreo.robots_de_respuesta(500, "").permite("http://x/a", "y")


def test_cada_fuente_empaquetada_carga_y_su_agente_es_ascii() -> None:
    """El agente va en la cabecera User-Agent: con un acento, httpx no puede ni armar el cliente
    (así fallaba `rastrear --fuente ase-tamaulipas`)."""
    from flows.fuentes import FuenteInvalida, cargar
    from modelos import datos

    fuentes = datos.archivos("fuentes", ".toml")
    assert fuentes
    for archivo in fuentes:
        fuente = cargar(archivo.name.removesuffix(".toml"))
        assert fuente.agente.isascii()
        rastreo.Rastreador(fuente, Path("no-se-usa")).cliente.close()
    with pytest.raises(FuenteInvalida, match="ASCII"):
        desde_datos({"nombre": "x", "inicio": [], "dominios": [], "agente": "auditoría"}, "x")
