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


def _con_el_matcher_completo(buscador: reglas.Buscador, doc) -> tuple:
    return buscador._ordenadas(buscador.matcher(doc), doc)


@pytest.mark.parametrize("archivo", ARCHIVOS, ids=lambda a: a.name)
def test_los_matchers_por_regla_dan_lo_del_matcher_completo(archivo: Path) -> None:
    """Sólo pasan por su Matcher las reglas con que un texto puede coincidir: el resultado, y
    su orden, son los del Matcher con todas las reglas (los ejemplos de todas, uno tras otro)."""
    buscador = reglas.Buscador(archivo)
    ejemplos = [r.ejemplo for a in ARCHIVOS for r in reglas.cargar_reglas(a)]
    textos = ejemplos + [f"{a} {b}" for a, b in zip(ejemplos, ejemplos[1:], strict=False)]
    for texto in textos:
        doc = buscador.doc(texto)
        assert buscador._buscar_sin_cache(texto, doc) == _con_el_matcher_completo(buscador, doc)


def test_dos_reglas_distintas_en_el_mismo_tramo_las_ordena_el_matcher_completo(
    tmp_path: Path,
) -> None:
    archivo = tmp_path / "empate.jsonl"
    filas = [
        {"etiqueta": "A", "id": "uno", "ejemplo": "hola", "patron": [{"LOWER": "hola"}]},
        {"etiqueta": "B", "id": "dos", "ejemplo": "hola", "patron": [{"LOWER": {"IN": ["hola"]}}]},
    ]
    archivo.write_text("".join(json.dumps(f) + "\n" for f in filas))
    buscador = reglas.Buscador(archivo)
    doc = buscador.doc("Hola mundo")
    encontradas = buscador._buscar_sin_cache("hola mundo", doc)
    assert [c.id for c in encontradas] == ["uno", "dos"]
    assert encontradas == _con_el_matcher_completo(buscador, doc)


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


@pytest.mark.parametrize("nombre", ["estatus.jsonl", "cierres.jsonl"])
def test_cada_id_de_veredicto_es_una_sola_regla(nombre: str) -> None:
    """El id de una regla de veredicto sale en los datos publicados (qué regla decidió): dos
    reglas con el mismo id confunden al que audita la decisión. (Dos ramas agregaron cada una
    su `estima-solventada` y su `no-estima-solventada`.)"""
    ids = [r.id for r in reglas.cargar_reglas(reglas.CARPETA_REGLAS / nombre)]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


@pytest.mark.parametrize(
    ("oracion", "etiqueta", "regla"),
    [
        # Los ejemplos de las reglas repetidas que se quitaron: siguen reconocidos.
        (
            "Valorados los argumentos y la evidencia que aportó la entidad, esta instancia "
            "fiscalizadora estima solventadas las recomendaciones a las que alude su "
            "justificación.",
            "ACEPTACION",
            "estima-solventada",
        ),
        (
            "Valorados los argumentos y la evidencia que aportó la entidad, esta instancia "
            "fiscalizadora no estima solventadas las recomendaciones a las que alude su "
            "justificación.",
            "RECHAZO",
            "no-estima-solventada",
        ),
        ("Esta Auditoría no juzgo atendida la recomendación.", "RECHAZO", "no-estima-solventada"),
    ],
)
def test_veredictos_de_las_reglas_unidas(oracion: str, etiqueta: str, regla: str) -> None:
    buscador = reglas.Buscador(reglas.CARPETA_REGLAS / "estatus.jsonl")
    encontradas = {(c.etiqueta, c.id) for c in buscador.buscar(buscador.doc(oracion))}
    assert (etiqueta, regla) in encontradas


@pytest.mark.parametrize(
    ("oracion", "veredicto"),
    [
        # En pasado, como redactan otros informes el cierre.
        ("Por lo anterior, la recomendación se consideró atendida.", "acepta"),
        ("En consecuencia, se tuvo por solventada la recomendación.", "acepta"),
        ("Por lo tanto, la recomendación no se dio por atendida.", "rechaza"),
        ("Las recomendaciones se consideraron no atendidas.", "rechaza"),
        # Otros adjetivos del veredicto: subsanada, aclarada.
        ("Con lo anterior, la recomendación quedó subsanada.", "acepta"),
        ("Las recomendaciones resultan solventadas con la evidencia exhibida.", "acepta"),
        ("Por lo expuesto, la recomendación se considera aclarada.", "acepta"),
        ("Sin embargo, no se consideran subsanadas las recomendaciones.", "rechaza"),
    ],
)
def test_veredictos_en_pasado_y_con_otros_adjetivos(oracion: str, veredicto: str) -> None:
    from extractores import estatus

    esperado = {"acepta": estatus.ACEPTA, "rechaza": estatus.RECHAZA}[veredicto]
    assert estatus._veredicto(oracion)[0] == esperado


@pytest.mark.parametrize(
    ("oracion", "veredicto"),
    [
        ("Por lo anterior, subsiste la recomendación.", "rechaza"),
        ("Con la documentación presentada se acredita la atención de la recomendación.", "acepta"),
        ("La evidencia no acredita nada; no se acredita el cumplimiento de la misma.", "rechaza"),
        ("Por lo que la recomendación se considera atendida de manera parcial.", "parcial"),
    ],
)
def test_otros_veredictos(oracion: str, veredicto: str) -> None:
    from extractores import estatus

    assert estatus._veredicto(oracion)[0] == veredicto
