"""Ajustes de Prefect propios del proyecto, antes de importar prefect: su propia carpeta
(PREFECT_HOME) y más tiempo para que arranque el servidor temporal (la primera migración tarda).

También dónde trabaja `informes` por omisión: en una copia del repositorio, su raíz (`corpus/`,
`salidas/`, `.prefect/` junto a `pyproject.toml`); instalado con `pip install .`, la carpeta
actual."""

from __future__ import annotations

import os
from pathlib import Path

_CODIGO = Path(__file__).resolve().parent.parent


def raiz() -> Path:
    """La raíz del repositorio si el código corre desde él; si está instalado, la carpeta actual."""
    if (_CODIGO / "pyproject.toml").is_file() and (_CODIGO / "modelos").is_dir():
        return _CODIGO
    return Path.cwd()


RAIZ = raiz()


def preparar() -> None:
    os.environ.setdefault("PREFECT_HOME", str(RAIZ / ".prefect"))
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "240")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
