"""Complemento de Datasette: la `pagina` de cada fila enlaza al PDF en esa página (`#page=N`).

El PDF es la copia publicada junto a las tablas (`documentos.pdf`, servida en `/pdf/` por
`informes servir`) o, si no se copió, su `url_fuente`. Se registra como complemento de Datasette
(`[project.entry-points.datasette]` en pyproject.toml) y sólo actúa sobre filas que tienen
`pagina` y `sha256`.
"""

from __future__ import annotations

from datasette import hookimpl
from markupsafe import Markup, escape

CONSULTA = "SELECT pdf, url_fuente FROM documentos WHERE sha256 = ?"


async def destino_pdf(datasette, base: str, sha256: str) -> str | None:
    """La dirección del PDF de `sha256` (la copia publicada o su URL de origen)."""
    cache: dict = datasette.__dict__.setdefault("_informes_pdf", {})
    if (base, sha256) not in cache:
        try:
            filas = (await datasette.get_database(base).execute(CONSULTA, [sha256])).rows
        except Exception:  # otra base, sin tabla documentos
            filas = []
        destino = None
        if filas:
            copia, url = filas[0]["pdf"], filas[0]["url_fuente"]
            destino = datasette.urls.path("/" + copia) if copia else (url or None)
        cache[(base, sha256)] = destino
    return cache[(base, sha256)]


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    columnas = list(row.keys())  # sqlite3.Row: `in` buscaría entre los valores
    if column != "pagina" or value in (None, "") or "sha256" not in columnas:
        return None
    sha256 = row["sha256"]

    async def enlace():
        destino = await destino_pdf(datasette, database, sha256)
        if not destino:
            return None
        pagina = int(value)
        return Markup(
            f'<a class="pagina-pdf" href="{escape(destino)}#page={pagina}" '
            f'title="Abrir el PDF en la página {pagina}">{pagina}</a>'
        )

    return enlace
