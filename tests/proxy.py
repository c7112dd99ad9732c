"""Un proxy HTTP en 127.0.0.1 que sólo atiende CONNECT a los anfitriones dados y los lleva a un
sitio local (HTTPS con un certificado propio): así `informes rastrear --fuente ase-tamaulipas`
corre tal cual, con su fuente empaquetada, sin salir de esta máquina. Cualquier otro destino
recibe 403. Registra cada destino pedido."""

from __future__ import annotations

import datetime
import ipaddress
import select
import socket
import socketserver
import ssl
import threading
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def certificado(anfitriones: list[str], carpeta: Path) -> tuple[Path, Path]:
    """Un certificado autofirmado para `anfitriones` (cert.pem, clave.pem)."""
    clave = ec.generate_private_key(ec.SECP256R1())
    nombre = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, anfitriones[0])])
    ahora = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(nombre)
        .issuer_name(nombre)
        .public_key(clave.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(ahora - datetime.timedelta(hours=1))
        .not_valid_after(ahora + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName(a) for a in anfitriones]
                + [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(clave, hashes.SHA256())
    )
    ruta_cert, ruta_clave = carpeta / "cert.pem", carpeta / "clave.pem"
    ruta_cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    ruta_clave.write_bytes(
        clave.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return ruta_cert, ruta_clave


def contexto_servidor(cert: Path, clave: Path) -> ssl.SSLContext:
    contexto = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    contexto.load_cert_chain(cert, clave)
    return contexto


class Proxy:
    def __init__(self, anfitriones: list[str], puerto_local: int) -> None:
        self.anfitriones = set(anfitriones)
        self.puerto_local = puerto_local
        self.pedidos: list[str] = []
        proxy = self

        class Manejador(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                datos = b""
                while b"\r\n\r\n" not in datos:
                    trozo = self.request.recv(4096)
                    if not trozo:
                        return
                    datos += trozo
                metodo, destino, *_ = datos.split(b"\r\n", 1)[0].decode().split()
                proxy.pedidos.append(f"{metodo} {destino}")
                anfitrion, _, puerto = destino.rpartition(":")
                if metodo != "CONNECT" or anfitrion not in proxy.anfitriones or puerto != "443":
                    self.request.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                    return
                with socket.create_connection(("127.0.0.1", proxy.puerto_local)) as remoto:
                    self.request.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                    _tubo(self.request, remoto)

        self.servidor = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Manejador)
        self.servidor.daemon_threads = True

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.servidor.server_address[1]}"

    def iniciar(self) -> Proxy:
        threading.Thread(target=self.servidor.serve_forever, daemon=True).start()
        return self

    def detener(self) -> None:
        self.servidor.shutdown()
        self.servidor.server_close()


def _tubo(a: socket.socket, b: socket.socket) -> None:
    while True:
        listos, _, _ = select.select([a, b], [], [], 30)
        if not listos:
            return
        for origen in listos:
            datos = origen.recv(65536)
            if not datos:
                return
            (b if origen is a else a).sendall(datos)
