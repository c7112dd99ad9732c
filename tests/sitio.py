"""Un sitio de publicaciones de prueba en 127.0.0.1, con todo lo que un rastreador encuentra:
paginación, enlaces relativos, absolutos y repetidos, un enlace fuera del dominio, una carpeta
prohibida por robots.txt, un 404, un 500 que se recupera, una respuesta más lenta que el
tiempo de espera, una redirección, un cuerpo truncado y HTML servido como .pdf.

Registra cada petición (método, ruta, estado) para que las pruebas afirmen qué se pidió."""

from __future__ import annotations

import hashlib
import ssl
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FECHA = "Mon, 01 Jan 2024 00:00:00 GMT"


@dataclass
class Sitio:
    paginas: dict[str, str] = field(default_factory=dict)  # ruta -> html
    pdfs: dict[str, bytes] = field(default_factory=dict)  # ruta -> contenido
    registro: list[tuple[str, str, int]] = field(default_factory=list)
    fallos_500: dict[str, int] = field(default_factory=dict)  # ruta -> cuántas veces fallar
    lentos: set[str] = field(default_factory=set)
    redirecciones: dict[str, str] = field(default_factory=dict)
    truncados: set[str] = field(default_factory=set)
    html_como_pdf: set[str] = field(default_factory=set)
    robots: str = "User-agent: *\nDisallow: /privado/\n"
    robots_estado: int = 200  # cómo responde /robots.txt (404, 503...)
    espera_lenta: float = 3.0
    tls: ssl.SSLContext | None = None  # con un contexto de servidor, habla HTTPS
    servidor: ThreadingHTTPServer | None = None
    candado: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base(self) -> str:
        assert self.servidor is not None
        return f"http://127.0.0.1:{self.servidor.server_address[1]}"

    def pedidas(self, estado: int | None = None) -> list[str]:
        with self.candado:
            return [r for _, r, e in self.registro if estado is None or e == estado]

    def iniciar(self) -> Sitio:
        sitio = self

        class Manejador(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # silencio
                pass

            def _anotar(self, estado: int) -> None:
                with sitio.candado:
                    sitio.registro.append((self.command, self.path, estado))

            def _responder(self, estado: int, cuerpo: bytes, tipo: str, extra=None) -> None:
                self._anotar(estado)
                self.send_response(estado)
                self.send_header("Content-Type", tipo)
                self.send_header("Content-Length", str(len(cuerpo)))
                for clave, valor in (extra or {}).items():
                    self.send_header(clave, valor)
                self.end_headers()
                self.wfile.write(cuerpo)

            def do_GET(self) -> None:  # noqa: N802
                ruta = self.path
                robots_sano = ruta not in sitio.lentos and not sitio.fallos_500.get(ruta, 0)
                if ruta == "/robots.txt" and robots_sano:
                    return self._responder(sitio.robots_estado, sitio.robots.encode(), "text/plain")
                if ruta in sitio.redirecciones:
                    return self._responder(
                        302, b"", "text/plain", {"Location": sitio.redirecciones[ruta]}
                    )
                if sitio.fallos_500.get(ruta, 0) > 0:
                    sitio.fallos_500[ruta] -= 1
                    return self._responder(500, b"error", "text/plain")
                if ruta in sitio.lentos:
                    self._anotar(0)
                    time.sleep(sitio.espera_lenta)
                    return None
                if ruta in sitio.truncados:
                    self._anotar(200)
                    self.send_response(200)
                    self.send_header("Content-Type", "application/pdf")
                    self.send_header("Content-Length", "100000")
                    self.end_headers()
                    self.wfile.write(b"%PDF-1.7\n" + b"0" * 5000)
                    self.wfile.flush()
                    self.close_connection = True
                    return None
                if ruta in sitio.html_como_pdf:
                    return self._responder(
                        200, b"<html><body>Mantenimiento</body></html>", "text/html"
                    )
                if ruta in sitio.paginas:
                    return self._responder(
                        200, sitio.paginas[ruta].encode(), "text/html; charset=utf-8"
                    )
                if ruta in sitio.pdfs:
                    contenido = sitio.pdfs[ruta]
                    etiqueta = '"' + hashlib.sha256(contenido).hexdigest()[:16] + '"'
                    if self.headers.get("If-None-Match") == etiqueta:
                        return self._responder(304, b"", "application/pdf", {"ETag": etiqueta})
                    return self._responder(200, contenido, "application/pdf",
                                           {"ETag": etiqueta, "Last-Modified": FECHA})  # fmt: skip
                return self._responder(404, b"no encontrado", "text/plain")

        self.servidor = ThreadingHTTPServer(("127.0.0.1", 0), Manejador)
        if self.tls is not None:
            self.servidor.socket = self.tls.wrap_socket(self.servidor.socket, server_side=True)
        self.servidor.daemon_threads = True
        threading.Thread(target=self.servidor.serve_forever, daemon=True).start()
        return self

    def detener(self) -> None:
        if self.servidor:
            self.servidor.shutdown()
            self.servidor.server_close()
