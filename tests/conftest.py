from __future__ import annotations

import csv
import os
import tempfile
from pathlib import Path

import pytest

# Prefect de las pruebas en su propia carpeta temporal (antes de que algo importe prefect).
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="informes-prefect-"))
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "240")

PRUEBAS = Path(__file__).resolve().parent
EJEMPLOS = PRUEBAS / "ejemplos"
MALOS = PRUEBAS / "malos"
RAIZ = PRUEBAS.parent


@pytest.fixture(scope="session")
def pdf_texto() -> Path:
    return EJEMPLOS / "ase-tamaulipas-AED-017-2021.informe.pdf"


@pytest.fixture(scope="session")
def prefect_local():
    """Un solo servidor temporal de Prefect para toda la sesión de pruebas."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=240):
        yield


def filas(salida: Path, tabla: str) -> list[dict[str, str]]:
    """Las filas de `salida/tablas/<tabla>.csv` como diccionarios."""
    with (salida / "tablas" / f"{tabla}.csv").open(encoding="utf-8", newline="") as archivo:
        return list(csv.DictReader(archivo))
