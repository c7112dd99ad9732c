from __future__ import annotations

from pathlib import Path

import pytest

PRUEBAS = Path(__file__).resolve().parent
EJEMPLOS = PRUEBAS / "ejemplos"
MALOS = PRUEBAS / "malos"
RAIZ = PRUEBAS.parent


@pytest.fixture(scope="session")
def pdf_texto() -> Path:
    return EJEMPLOS / "ase-tamaulipas-AED-017-2021.informe.pdf"
