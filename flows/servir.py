"""Datasette sobre `informes.sqlite`, con títulos, descripciones, fuente, licencia y facetas."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from flows.archivos import escritura_atomica
from flows.consultar import BaseNoEncontrada
from modelos.tablas import TABLAS

# Facetas que ayudan a explorar cada tabla (columnas con pocos valores distintos).
FACETAS = {
    "informes": ["ente_normalizado", "ejercicio", "dictamen", "auditor"],
    "recomendaciones": ["estatus", "motivo", "procedimiento"],
    "procedimientos": ["area_normalizada"],
    "alertas": ["tipo"],
    "documentos": ["estado", "formato"],
    "normalizacion": ["campo", "metodo", "revisar"],
    "personas": ["rol"],
}


def metadatos() -> dict:
    return {
        "title": "Informes individuales de auditoría",
        "description": (
            "Resultados, recomendaciones, justificaciones y dictámenes extraídos de los informes "
            "individuales de auditoría publicados por las ASE."
        ),
        "source": "Auditoría Superior del Estado de Tamaulipas (informes individuales)",
        "license": "CC-BY-4.0",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
        "databases": {
            "informes": {
                "tables": {
                    t.nombre: {
                        "title": t.nombre.capitalize(),
                        "description": t.descripcion,
                        "columns": {c.nombre: c.descripcion for c in t.campos},
                        **({"facets": FACETAS[t.nombre]} if t.nombre in FACETAS else {}),
                    }
                    for t in TABLAS
                }
            }
        },
    }


def preparar(salida: Path) -> tuple[Path, Path]:
    base = salida / "informes.sqlite"
    if not base.is_file():
        raise BaseNoEncontrada(f"No hay {base}: ejecute primero «informes procesar».")
    archivo = salida / "datasette.json"
    with escritura_atomica(archivo) as f:
        json.dump(metadatos(), f, ensure_ascii=False, indent=1)
    return base, archivo


def orden(salida: Path, puerto: int, host: str = "127.0.0.1") -> list[str]:
    base, archivo = preparar(salida)
    datasette = str(Path(sys.executable).with_name("datasette"))
    return [datasette, "serve", str(base), "--host", host, "--port", str(puerto),
            "--metadata", str(archivo), "--setting", "default_page_size", "50"]  # fmt: skip


def servir(salida: Path, puerto: int, host: str = "127.0.0.1") -> None:
    comando = orden(salida, puerto, host)
    os.execv(comando[0], comando)
