"""Ajustes de Prefect propios del proyecto, antes de importar prefect: su propia carpeta
(PREFECT_HOME) y más tiempo para que arranque el servidor temporal (la primera migración tarda)."""

from __future__ import annotations

import os
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent


def preparar() -> None:
    os.environ.setdefault("PREFECT_HOME", str(RAIZ / ".prefect"))
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "240")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
