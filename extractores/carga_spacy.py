"""Importar spaCy sin su línea de órdenes (~0.1 s menos antes de crear los procesos que leen).

`spacy/__init__.py` importa `spacy.cli.info` sólo para ofrecer `spacy.info`, y con ello toda la
línea de órdenes de spaCy (typer, weasel, requests, rich: unos 400 módulos). El extractor no la
usa: `spacy.blank`, `Matcher`, `PhraseMatcher`, `SpanRuler` y el lematizador de tablas no la
tocan. Mientras se importa spaCy, `spacy.cli` y `spacy.cli.info` son dos módulos de mentira en
`sys.modules`; en cuanto termina, se quitan: quien importe después `spacy.cli` (o algo suyo)
recibe el verdadero, y `spacy.info` lo importa al llamarlo. Si algo falla con los de mentira (otra
versión de spaCy que use más de `spacy.cli` al importarse), spaCy se importa como siempre.
"""

from __future__ import annotations

import sys
import types

CLI = "spacy.cli"
CLI_INFO = "spacy.cli.info"


def info(*argumentos, **opciones):
    """`spacy.info` de verdad: importa la línea de órdenes de spaCy al llamarla."""
    from spacy.cli.info import info as info_de_spacy

    return info_de_spacy(*argumentos, **opciones)


def _de_mentira() -> dict[str, types.ModuleType]:
    cli = types.ModuleType(CLI)
    cli.__path__ = []  # un paquete sin nada: cualquier otro submódulo no se encuentra
    cli_info = types.ModuleType(CLI_INFO)
    cli_info.info = info
    return {CLI: cli, CLI_INFO: cli_info}


def _olvidar_spacy() -> None:
    for nombre in [n for n in sys.modules if n == "spacy" or n.startswith("spacy.")]:
        del sys.modules[nombre]


def importar() -> types.ModuleType:
    """spaCy, importado sin su línea de órdenes si aún no lo estaba."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    falsos = _de_mentira()
    sys.modules.update(falsos)
    try:
        import spacy
    except Exception:
        spacy = None
    finally:
        for nombre, modulo in falsos.items():
            if sys.modules.get(nombre) is modulo:
                del sys.modules[nombre]
    if spacy is not None and vars(spacy).get("cli") is falsos[CLI]:
        del spacy.cli  # (la importación no lo pone: `spacy.cli.info` ya estaba en sys.modules)
    if spacy is None or getattr(spacy, "info", None) is not info:
        # Falló, o esta versión no tomó `info` de donde se esperaba: como siempre.
        _olvidar_spacy()
        import spacy
    return spacy
