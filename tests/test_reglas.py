"""Las reglas son datos validados al cargarlos, y cada una reconoce su línea de ejemplo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractores import reglas

ARCHIVOS = sorted(reglas.CARPETA_REGLAS.glob("*.jsonl"))


def test_hay_reglas() -> None:
    assert {a.name for a in ARCHIVOS} >= {"encabezados.jsonl", "estatus.jsonl"}


@pytest.mark.parametrize("archivo", ARCHIVOS, ids=lambda a: a.name)
def test_cada_regla_reconoce_su_ejemplo(archivo: Path) -> None:
    buscador = reglas.Buscador(archivo)
    for regla in buscador.reglas:
        doc = buscador.doc(regla.ejemplo)
        encontradas = {(c.etiqueta, c.id) for c in buscador.buscar(doc)}
        assert (regla.etiqueta, regla.id) in encontradas, f"{regla.id}: {regla.ejemplo!r}"


def test_regla_sin_campos_se_rechaza(tmp_path: Path) -> None:
    archivo = tmp_path / "malas.jsonl"
    archivo.write_text(json.dumps({"etiqueta": "X", "patron": [{"LOWER": "x"}]}) + "\n")
    with pytest.raises(reglas.ReglaInvalida, match="faltan los campos"):
        reglas.Buscador(archivo)


def test_patron_invalido_se_rechaza(tmp_path: Path) -> None:
    archivo = tmp_path / "malas.jsonl"
    regla = {"etiqueta": "X", "id": "x", "ejemplo": "x", "patron": [{"NO_EXISTE": "x"}]}
    archivo.write_text(json.dumps(regla) + "\n")
    with pytest.raises(reglas.ReglaInvalida, match="la regla x"):
        reglas.Buscador(archivo)


def test_json_roto_se_rechaza(tmp_path: Path) -> None:
    archivo = tmp_path / "malas.jsonl"
    archivo.write_text("{no es json\n")
    with pytest.raises(reglas.ReglaInvalida, match="malas.jsonl:1"):
        reglas.Buscador(archivo)


def test_normalizar_conserva_longitud() -> None:
    texto = "JUSTIFICACIÓN de la Población Atendida, Año"
    assert reglas.normalizar(texto) == "justificacion de la poblacion atendida, año"
    assert len(reglas.normalizar(texto)) == len(texto)
