"""spaCy importado sin su línea de órdenes (`extractores/carga_spacy.py`): lo que el extractor
usa sigue igual, `spacy.cli` y `spacy.info` siguen a la mano, y si los módulos de mentira no
bastan, spaCy se importa como siempre. Cada caso en un intérprete nuevo (spaCy se importa una
vez por proceso)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import RAIZ

USOS = """
import sys
from extractores import carga_spacy
spacy = carga_spacy.importar()
print("cli cargada:", "spacy.cli" in sys.modules, "typer" in sys.modules)
from spacy.matcher import Matcher, PhraseMatcher
nlp = spacy.blank("es")
doc = nlp("Las recomendaciones fueron atendidas por el ente auditado")
matcher = Matcher(nlp.vocab)
matcher.add("R", [[{"LOWER": "recomendaciones"}, {"LOWER": "fueron"}]])
frases = PhraseMatcher(nlp.vocab, attr="LOWER")
frases.add("E", [nlp.make_doc("ente auditado")])
regla = nlp.add_pipe("span_ruler")
nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
nlp.initialize()
regla.add_patterns([{"label": "A", "pattern": "atendidas"}])
doc = nlp("Las recomendaciones fueron atendidas por el ente auditado")
print("matcher:", [doc[a:b].text for _, a, b in matcher(doc)])
print("frases:", [doc[a:b].text for _, a, b in frases(doc)])
print("ruler:", [s.text for s in doc.spans["ruler"]])
print("lema:", doc[1].lemma_)
import spacy.cli
print("cli de verdad:", callable(spacy.cli.setup_cli), sorted(spacy.info(silent=True))[:1])
"""


def _correr(codigo: str) -> list[str]:
    salida = subprocess.run(
        [sys.executable, "-c", codigo], capture_output=True, text=True, cwd=RAIZ, check=True
    )
    return salida.stdout.splitlines()


def test_spacy_sin_linea_de_ordenes_sigue_funcionando() -> None:
    assert _correr(USOS) == [
        "cli cargada: False False",
        "matcher: ['recomendaciones fueron']",
        "frases: ['ente auditado']",
        "ruler: ['atendidas']",
        "lema: recomendación",
        "cli de verdad: True ['location']",
    ]


def test_si_los_modulos_de_mentira_no_bastan_se_importa_como_siempre() -> None:
    """Una versión de spaCy que al importarse usara más de `spacy.cli`: se importa completa."""
    codigo = (
        "import sys, types\n"
        "from extractores import carga_spacy\n"
        "def incompletos():\n"
        "    cli = types.ModuleType('spacy.cli'); cli.__path__ = []\n"
        "    return {'spacy.cli': cli, 'spacy.cli.info': types.ModuleType('spacy.cli.info')}\n"
        "carga_spacy._de_mentira = incompletos\n"
        "spacy = carga_spacy.importar()\n"
        "print('spacy.cli' in sys.modules, spacy.info is not carga_spacy.info)\n"
        "print(len(spacy.blank('es')('dos palabras')))\n"
    )
    assert _correr(codigo) == ["True True", "2"]


def test_la_precarga_no_importa_la_linea_de_ordenes() -> None:
    codigo = (
        "import sys\n"
        "from flows import ejecucion\n"
        "ejecucion.precargar()\n"
        "print('spacy.cli' in sys.modules, 'typer' in sys.modules, 'weasel' in sys.modules)\n"
    )
    assert _correr(codigo) == ["False False False"]
