"""`informes evaluar` sobre un conjunto sintético fijo, con umbrales; que detecta errores; y que
reporta por maqueta. Los umbrales se miden en las maquetas clásicas (a, b, c); las maquetas
nuevas se miden con `informes evaluar` (tabla por maqueta en el README) y sus clases de falla
con `tests/test_regresiones.py`. Las reservadas no entran aquí."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from flows.cli import main
from flows.evaluar import METAS, Evaluacion, comparar, comparar_asf, maqueta_de, por_maqueta
from tests.generador.__main__ import generar_corpus, generar_corpus_asf
from tests.generador.asf import MAQUETAS_ASF, detalle_resumen
from tests.generador.pdf import (
    CLASICAS,
    ESCANEO_ANTERIOR,
    MAQUETAS,
    RESERVADAS,
    RESERVADAS_MEDIDAS,
)

SEMILLA = 42


@pytest.fixture(scope="module")
def evaluado(tmp_path_factory) -> tuple[Path, dict]:
    carpeta = tmp_path_factory.mktemp("sinteticos")
    # El escaneo de antes (150 ppp, 0.8°, sin motas): lo que el extractor ya logra. Los de
    # 200 ppp se miden con `informes evaluar` y en tests/regresiones/escaneos.
    generar_corpus(
        carpeta, n=7, semilla=SEMILLA, escaneados=1, maquetas=CLASICAS, escaneo=ESCANEO_ANTERIOR
    )
    salida = tmp_path_factory.mktemp("evaluacion")
    resultado = CliRunner().invoke(
        main, ["evaluar", "--esperado", str(carpeta), "--salida", str(salida)]
    )
    assert resultado.exit_code == 0, resultado.output
    assert "(total)" in resultado.output
    return carpeta, json.loads((salida / "evaluacion.json").read_text(encoding="utf-8"))


def test_umbrales_en_pdf_de_texto(evaluado) -> None:
    _, informe = evaluado
    texto = informe["texto"]
    assert texto["incisos"]["todos"]["f1"] >= 0.99
    assert texto["estatus"]["exactitud"] >= 0.99
    assert texto["motivo"]["exactitud"] >= 0.99
    assert texto["metadatos"]["exactitud"] >= 0.95
    assert texto["areas"]["exactitud"] >= 0.95


def test_umbrales_en_escaneos(evaluado) -> None:
    _, informe = evaluado
    assert informe["escaneos"]["incisos"]["todos"]["f1"] >= 0.97
    assert len(informe["documentos"]) == 7


def test_la_evaluacion_detecta_errores(evaluado, tmp_path: Path) -> None:
    """Con una respuesta esperada alterada, la exactitud baja: la evaluación no es de adorno."""
    carpeta, _ = evaluado
    pdf = sorted(carpeta.glob("*.pdf"))[-1]
    (tmp_path / pdf.name).write_bytes(pdf.read_bytes())
    nombre = pdf.name.split(".")[0]
    esperado = json.loads(pdf.with_name(f"{nombre}.esperado.json").read_text(encoding="utf-8"))
    esperado["informe"]["ejercicio"] += 1
    esperado["procedimientos"][0]["resultados"].append({"numero": 99, "texto": "Inventado."})
    (tmp_path / f"{nombre}.esperado.json").write_text(json.dumps(esperado), encoding="utf-8")
    salida = tmp_path / "salida"
    CliRunner().invoke(main, ["evaluar", "--esperado", str(tmp_path), "--salida", str(salida)])
    total = json.loads((salida / "evaluacion.json").read_text(encoding="utf-8"))["total"]
    assert total["metadatos"]["exactitud"] < 1
    assert total["incisos"]["todos"]["exhaustividad"] < 1


def test_carpeta_sin_pares_es_error_de_uso(tmp_path: Path) -> None:
    resultado = CliRunner().invoke(
        main, ["evaluar", "--esperado", str(tmp_path), "--salida", str(tmp_path)]
    )
    assert resultado.exit_code == 2


def test_reporta_por_maqueta(evaluado) -> None:
    carpeta, informe = evaluado
    por_maqueta = informe["por_maqueta"]
    assert set(por_maqueta) == {"a", "b", "c"}
    assert sum(m["documentos"] for m in por_maqueta.values()) == 7
    assert por_maqueta["a"]["documentos_escaneos"] == 1  # el primero sale escaneado
    assert por_maqueta["a"]["escaneos"]["incisos"]["todos"]["f1"] >= 0.97
    assert por_maqueta["b"]["escaneos"] is None
    for fila in (por_maqueta["b"]["texto"], informe["total"]):
        assert {"resultados", "recomendaciones", "justificaciones", "todos"} <= set(fila["incisos"])
        assert {"exhaustividad", "precision", "vp", "fn"} <= set(fila["alertas_cierre"])
    assert all(d["maqueta"] in {"a", "b", "c"} for d in informe["documentos"])
    assert informe["metas"]["alertas_cierre"] == 0.95


def test_alertas_de_cierre_por_justificacion_y_recomendacion() -> None:
    detalle = "El cierre dice que…, pero la justificación 2 dice que la recomendación 4 no se…"
    alerta = {"procedimiento": 3, "tipo": "cierre contradice justificación", "detalle": detalle}
    otra = {**alerta, "detalle": alerta["detalle"].replace("recomendación 4", "recomendación 5")}
    esperado = {"informe": {}, "procedimientos": [], "alertas": [alerta, otra]}
    obtenido = {"informe": {}, "procedimientos": [], "alertas": [alerta]}
    cierre = comparar(obtenido, esperado, ocr=False).alertas_cierre
    assert (cierre.vp, cierre.fp, cierre.fn) == (1, 0, 1)
    assert cierre.exhaustividad == 0.5 and cierre.precision == 1.0


def test_maqueta_del_nombre_o_del_esperado() -> None:
    assert maqueta_de(Path("sintetico-1-000.densa.pdf"), {}) == "densa"
    assert maqueta_de(Path("x.densa.pdf"), {"maqueta": "word"}) == "word"
    assert maqueta_de(Path("x.pdf"), {}) == "(sin maqueta)"


def test_corpus_por_omision_sin_reservadas(tmp_path: Path) -> None:
    """Ocho maquetas de ajuste o más, nombres únicos; las reservadas sólo a petición."""
    nombres = [m.nombre for m in MAQUETAS]
    assert len(nombres) >= 8 and len(set(nombres)) == len(nombres)
    assert not any(n.startswith("reservada-") for n in nombres)
    reservadas = RESERVADAS + RESERVADAS_MEDIDAS
    assert len(reservadas) >= 2 and all(m.nombre.startswith("reservada-") for m in reservadas)
    pdfs = generar_corpus(tmp_path, n=len(MAQUETAS), semilla=3)
    assert sorted(p.name.split(".")[1] for p in pdfs) == sorted(nombres)
    for pdf in pdfs:
        assert (tmp_path / f"{pdf.name.split('.')[0]}.esperado.json").is_file()


# --- Informes de la ASF (forma por resultados) ----------------------------------------------

SEMILLA_ASF = 7


@pytest.fixture(scope="module")
def evaluado_asf(tmp_path_factory) -> tuple[Path, dict]:
    """Tres informes ASF de texto, uno por maqueta (las dos numeraciones, anexos escaneados y un
    resumen que no cuadra)."""
    carpeta = tmp_path_factory.mktemp("sinteticos-asf")
    generar_corpus_asf(carpeta, n=3, semilla=SEMILLA_ASF)
    salida = tmp_path_factory.mktemp("evaluacion-asf")
    resultado = CliRunner().invoke(
        main, ["evaluar", "--esperado", str(carpeta), "--salida", str(salida)]
    )
    assert resultado.exit_code == 0, resultado.output
    assert "F1 res" in resultado.output and "(total)" in resultado.output
    return carpeta, json.loads((salida / "evaluacion.json").read_text(encoding="utf-8"))


def test_asf_umbrales(evaluado_asf) -> None:
    _, informe = evaluado_asf
    asf = informe["texto"]["asf"]
    assert asf["documentos"] == 3
    assert asf["resultados"]["f1"] >= METAS["asf_resultados"]
    assert asf["estado"]["exactitud"] >= METAS["asf_estado"]
    assert asf["acciones"]["f1"] >= METAS["asf_acciones"]
    assert asf["montos"]["exactitud"] >= 0.99
    assert asf["justificaciones"]["f1"] >= 0.99
    assert asf["metadatos"]["exactitud"] >= 0.95
    assert asf["alertas_resumen"]["exhaustividad"] == 1.0
    assert asf["alertas_resumen"]["precision"] == 1.0


def test_asf_por_maqueta(evaluado_asf) -> None:
    _, informe = evaluado_asf
    por_maqueta = informe["por_maqueta"]
    assert set(por_maqueta) == {m.nombre for m in MAQUETAS_ASF}
    for datos in por_maqueta.values():
        assert datos["asf"] == datos["documentos"] == 1
        assert datos["texto"]["asf"]["resultados"]["vp"] > 0
    # Los totales de la ASE no se mezclan con los de la ASF.
    assert informe["total"]["incisos"]["todos"]["vp"] == 0
    assert informe["total"]["metadatos"]["total"] == 0


def test_asf_la_evaluacion_detecta_errores(evaluado_asf, tmp_path: Path) -> None:
    """Con una respuesta esperada alterada, cada medida baja: la evaluación no es de adorno."""
    carpeta, _ = evaluado_asf
    pdf = sorted(carpeta.glob("*.pdf"))[0]
    (tmp_path / pdf.name).write_bytes(pdf.read_bytes())
    nombre = pdf.name.split(".")[0]
    esperado = json.loads((carpeta / f"{nombre}.esperado.json").read_text(encoding="utf-8"))
    esperado["resultados"][0]["estado"] = "inventado"
    esperado["resultados"].append({"numero": 99, "titulo": "", "estado": "solventado",
                                   "pagina": 1, "texto": "Inventado."})  # fmt: skip
    esperado["acciones"][0]["monto"] = 1.5
    esperado["acciones"][-1]["tipo"] = (
        "Multa" if esperado["acciones"][-1]["tipo"] != "Multa" else "Recomendación"
    )
    esperado["informe"]["ejercicio"] += 1
    esperado["alertas"] = [{"procedimiento": None, "tipo": "resumen no coincide", "detalle": "x"}]
    (tmp_path / f"{nombre}.esperado.json").write_text(json.dumps(esperado), encoding="utf-8")
    salida = tmp_path / "salida"
    CliRunner().invoke(main, ["evaluar", "--esperado", str(tmp_path), "--salida", str(salida)])
    asf = json.loads((salida / "evaluacion.json").read_text(encoding="utf-8"))["total"]["asf"]
    assert asf["resultados"]["exhaustividad"] < 1
    assert asf["estado"]["exactitud"] < 1
    assert asf["acciones"]["f1"] < 1
    assert asf["montos"]["exactitud"] < 1
    assert asf["metadatos"]["exactitud"] < 1
    assert asf["alertas_resumen"]["exhaustividad"] == 0


def test_asf_comparar_sin_pdf() -> None:
    """La comparación por resultados, sobre diccionarios: un resultado con otro texto, una
    acción con otro tipo y una alerta de más."""
    esperado = {
        "informe": {"ejercicio": 2024, "monto_por_aclarar": 10.0},
        "resumen": {"resultados": 2},
        "resultados": [
            {"numero": 1, "titulo": "", "estado": "sin observaciones", "pagina": 2, "texto": "U."},
            {"numero": 2, "titulo": "", "estado": "con acciones", "pagina": 3, "texto": "Dos dos."},
        ],
        "acciones": [{"resultado": 2, "clave": "k", "tipo": "Multa", "monto": 10.0, "pagina": 3,
                      "texto": "Una multa."}],
        "justificaciones": [],
        "alertas": [],
    }  # fmt: skip
    obtenido = json.loads(json.dumps(esperado))
    obtenido["resultados"][1]["texto"] = "Otra cosa completamente distinta."
    obtenido["acciones"][0]["tipo"] = "Recomendación"
    obtenido["alertas"] = [{"procedimiento": None, "tipo": "resumen no coincide", "detalle": "d"}]
    obtenido["informe"]["monto_por_aclarar"] = 10.001
    asf = comparar_asf(obtenido, esperado, ocr=False).asf
    assert (asf.resultados.vp, asf.resultados.fp, asf.resultados.fn) == (1, 1, 1)
    assert (asf.acciones.vp, asf.acciones.fp, asf.acciones.fn) == (0, 1, 1)
    assert (asf.alertas_resumen.fp, asf.alertas_resumen.fn) == (1, 0)
    assert asf.estado.exactitud == 1.0 and asf.metadatos.exactitud == 1.0


def test_asf_detalle_del_resumen_como_el_extractor() -> None:
    """La verdad del generador escribe la alerta `resumen no coincide` igual que el extractor."""
    from extractores import asf_informe_individual as extractor
    from modelos.registros import Accion, Informe, ResultadoAuditoria

    resultados = [ResultadoAuditoria(numero=1, texto="", pagina=1, titulo=""),
                  ResultadoAuditoria(numero=2, texto="", pagina=1, titulo="")]  # fmt: skip
    resultados[0].estado, resultados[1].estado = "solventado", "con acciones"
    resultados[1].acciones = [Accion(clave="c", tipo="Multa", texto="", pagina=1, monto=None)]
    resumen = {"resultados": 2, "sin_observaciones": 1, "solventados": 0, "con_acciones": 1,
               "acciones_por_tipo": {"Recomendación": 1}}  # fmt: skip
    informe = Informe(informe_id="x", auditor="ASF", numero_auditoria="", tipo_auditoria="")
    informe.resultados, informe.resumen = resultados, resumen
    alerta = extractor._alertas(informe)[0]
    contado = extractor.contar(resultados)
    assert alerta.detalle == detalle_resumen(resumen, contado)


def test_un_escaneo_sale_igual_en_cada_corrida() -> None:
    """El mismo informe con la misma semilla da el mismo escaneo, byte por byte: una medición
    de escaneos se puede repetir (antes el ruido de Pillow y la fecha de creación cambiaban en
    cada corrida)."""
    from tests.generador.informe import generar
    from tests.generador.pdf import dibujar, escanear

    pdf = dibujar(generar(3), MAQUETAS[0])
    primero = escanear(pdf, semilla=5, ppp=72)
    assert primero == escanear(pdf, semilla=5, ppp=72)
    assert primero != escanear(pdf, semilla=6, ppp=72)


def test_ase_y_asf_con_el_mismo_nombre_de_maqueta_van_aparte() -> None:
    """El escaneo real de la ASE y el de la ASF se llaman los dos «escaneado»: cada uno cuenta en
    su tabla, no uno en la del otro."""
    ase = Evaluacion(archivo="ase.escaneado.pdf", maqueta="escaneado", ocr=True)
    asf = Evaluacion(archivo="asf.escaneado.pdf", maqueta="escaneado", ocr=True)
    asf.asf.documentos = 1
    grupos = por_maqueta([ase, asf])
    assert set(grupos) == {"escaneado", "escaneado (ASF)"}
    assert (grupos["escaneado"]["documentos"], grupos["escaneado"]["asf"]) == (1, 0)
    assert (grupos["escaneado (ASF)"]["documentos"], grupos["escaneado (ASF)"]["asf"]) == (1, 1)
