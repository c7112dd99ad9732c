"""Datasette sobre `informes.sqlite`: títulos, descripciones de cada tabla y columna, facetas,
búsqueda de texto y consultas guardadas, todo del mismo esquema que escribe `datapackage.json`
(`modelos/tablas.py`). La página de cada fila enlaza al PDF (complemento
`flows/datasette_informes.py`), servido desde `salidas/pdf/` en `/pdf/`."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from flows.almacen import CONTROL
from flows.archivos import escritura_atomica
from flows.consultar import BaseNoEncontrada
from flows.formatos_salida import tabla_fts
from flows.publicar import CARPETA_PDF
from modelos.tablas import TABLAS, Tabla

# Consultas guardadas (Datasette «canned queries»). Las de montos se arman del esquema: una por
# cada tabla con una columna numérica `monto...` (p. ej. las acciones de la ASF).
CONSULTAS = {
    "recomendaciones_mas_repetidas": {
        "title": "Recomendaciones más repetidas",
        "description": "El mismo texto de recomendación emitido más veces (en cualquier informe).",
        "sql": (
            "SELECT min(r.texto) AS texto, count(*) AS veces,\n"
            "       count(DISTINCT r.informe_id) AS informes,\n"
            "       group_concat(DISTINCT i.ente_normalizado) AS entes\n"
            "FROM recomendaciones r JOIN informes i ON i.informe_id = r.informe_id\n"
            "GROUP BY lower(trim(r.texto))\nHAVING count(*) > 1\n"
            "ORDER BY veces DESC, informes DESC, texto"
        ),
    },
    "entes_que_nunca_atienden": {
        "title": "Entes que nunca atienden",
        "description": "Entes con recomendaciones y ninguna atendida, en todas sus auditorías.",
        "sql": (
            "SELECT ente_id, ente, informes, recomendaciones, no_atendidas, sin_determinar\n"
            "FROM atencion_por_ente WHERE atendidas = 0\n"
            "ORDER BY recomendaciones DESC, ente"
        ),
    },
}


def consultas_de_montos(tablas: tuple[Tabla, ...] = TABLAS) -> dict[str, dict]:
    salida = {}
    for tabla in tablas:
        montos = [
            c.nombre for c in tabla.campos if c.tipo == "number" and c.nombre.startswith("monto")
        ]
        if not montos or "informe_id" not in tabla.columnas:
            continue
        sumas = ",\n       ".join(f'sum(t."{m}") AS "{m}"' for m in montos)
        salida[f"montos_por_ente_{tabla.nombre}"] = {
            "title": f"Montos por ente ({tabla.nombre})",
            "description": f"Suma de {', '.join(montos)} de {tabla.nombre}, por ente.",
            "sql": (
                f"SELECT i.ente_id, min(i.ente_normalizado) AS ente, count(*) AS filas,\n"
                f"       {sumas}\n"
                f'FROM "{tabla.nombre}" t JOIN informes i ON i.informe_id = t.informe_id\n'
                f"GROUP BY i.ente_id ORDER BY 4 DESC"
            ),
        }
    return salida


def _tabla(tabla: Tabla) -> dict:
    datos: dict = {
        "title": tabla.nombre.replace("_", " ").capitalize(),
        "description": tabla.descripcion,
        "columns": {c.nombre: c.descripcion for c in tabla.campos},
    }
    if tabla.facetas:
        datos["facets"] = list(tabla.facetas)
    if tabla.unica:
        datos["sort"] = tabla.llave[0]
    if tabla.buscables:
        datos["fts_table"] = tabla_fts(tabla)
        datos["searchmode"] = "raw"
    return datos


def metadatos(tablas: tuple[Tabla, ...] = TABLAS) -> dict:
    descritas = {t.nombre: _tabla(t) for t in tablas}
    for tabla in tablas:
        if tabla.buscables:
            descritas[tabla_fts(tabla)] = {"hidden": True}
    descritas[CONTROL] = {"hidden": True}  # la huella y la generación de la publicación
    return {
        "title": "Informes individuales de auditoría",
        "description": (
            "Resultados, recomendaciones, justificaciones y dictámenes extraídos de los informes "
            "individuales de auditoría publicados por las ASE. La página de cada fila abre el PDF "
            "en esa página; las tablas con texto tienen búsqueda."
        ),
        "source": "Auditoría Superior del Estado de Tamaulipas (informes individuales)",
        "license": "CC-BY-4.0",
        "license_url": "https://creativecommons.org/licenses/by/4.0/",
        "databases": {
            "informes": {
                "tables": descritas,
                "queries": {**CONSULTAS, **consultas_de_montos(tablas)},
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
    (salida / CARPETA_PDF).mkdir(exist_ok=True)
    return base, archivo


def orden(salida: Path, puerto: int, host: str = "127.0.0.1") -> list[str]:
    base, archivo = preparar(salida)
    datasette = str(Path(sys.executable).with_name("datasette"))
    return [datasette, "serve", str(base), "--host", host, "--port", str(puerto),
            "--metadata", str(archivo), "--setting", "default_page_size", "50",
            "--static", f"{CARPETA_PDF}:{salida / CARPETA_PDF}"]  # fmt: skip


def servir(salida: Path, puerto: int, host: str = "127.0.0.1") -> None:
    comando = orden(salida, puerto, host)
    os.execv(comando[0], comando)
