"""Días hábiles con calendario real: festivos de México (`holidays`) y días inhábiles declarados
por cada auditor (`modelos/calendarios/`), contados desde el día siguiente a la notificación."""

from __future__ import annotations

from datetime import date

import pytest

from extractores import plazos
from modelos import datos
from modelos.registros import Informe, Justificacion, Procedimiento


def informe(notificacion: str, respuesta: str, plazo: int = 5, justificado: bool = True):
    procedimiento = Procedimiento(numero=1, pagina=1)
    if justificado:
        procedimiento.justificaciones.append(Justificacion(numero=1, texto="Presenta...", pagina=1))
    return Informe(
        informe_id="ase-tamaulipas:AED/017/2021", auditor="ASE Tamaulipas",
        numero_auditoria="AED/017/2021", plazo_dias_habiles=plazo,
        oficio_notificacion="ASE/AED/0039/2022", fecha_notificacion=notificacion,
        oficio_respuesta="DIF/DG/200/2022", fecha_respuesta=respuesta,
        procedimientos=[procedimiento],
    )  # fmt: skip


def test_la_muestra_da_14_dias_habiles() -> None:
    """Notificación el martes 18/01/2022, respuesta el martes 08/02/2022. Del 19 de enero (el
    día siguiente) al 8 de febrero (incluido) hay 15 días de lunes a viernes; el lunes 7 de
    febrero es Día de la Constitución (primer lunes de febrero): 14. Un conteo de lunes a
    viernes sin festivos daba 15."""
    cal = plazos.calendario("ase-tamaulipas")
    assert cal.festivo(date(2022, 2, 7)) == "Día de la Constitución"
    assert not cal.es_habil(date(2022, 2, 7))
    assert cal.dias_habiles(date(2022, 1, 18), date(2022, 2, 8)) == 14
    assert plazos.oportunidad(informe("2022-01-18", "2022-02-08")) == {
        "dias_habiles_respuesta": 14,
        "respuesta_extemporanea": True,
    }


def test_se_cuenta_desde_el_dia_siguiente() -> None:
    cal = plazos.calendario("ase-tamaulipas")
    assert cal.dias_habiles(date(2022, 1, 18), date(2022, 1, 18)) == 0
    assert cal.dias_habiles(date(2022, 1, 18), date(2022, 1, 19)) == 1
    # Notificado el viernes: el sábado y el domingo no cuentan; el lunes es el día 1.
    assert cal.dias_habiles(date(2022, 1, 21), date(2022, 1, 24)) == 1
    # 5 días hábiles desde el 18/01: vence el 25/01; el 26 ya es fuera de plazo.
    assert cal.dias_habiles(date(2022, 1, 18), date(2022, 1, 25)) == 5
    assert cal.dias_habiles(date(2022, 1, 18), date(2022, 1, 17)) is None


def test_festivos_moviles_y_fijos() -> None:
    cal = plazos.calendario("ase-tamaulipas")
    for festivo in ("2022-03-21", "2022-05-02", "2022-09-16", "2022-11-21", "2023-02-06"):
        dia = date.fromisoformat(festivo)
        assert (festivo == "2022-05-02") == cal.es_habil(dia), festivo  # 1/05/2022 fue domingo


def test_dias_inhabiles_declarados_por_el_auditor_con_su_fuente() -> None:
    cal = plazos.desde_datos(
        "prueba",
        {"inhabiles": [
            {"fecha": date(2022, 1, 20), "motivo": "Acuerdo", "fuente": "POE 5/2022"},
            {"desde": date(2022, 1, 24), "hasta": date(2022, 1, 25), "motivo": "Periodo",
             "fuente": "POE 6/2022"},
        ]},
        "prueba.toml",
    )  # fmt: skip
    assert cal.dias_habiles(date(2022, 1, 18), date(2022, 2, 8)) == 14 - 3
    assert cal.inhabiles[date(2022, 1, 25)].fuente == "POE 6/2022"
    with pytest.raises(plazos.CalendarioInvalido, match="fuente"):
        plazos.desde_datos("x", {"inhabiles": [{"fecha": date(2022, 1, 20)}]}, "x.toml")
    with pytest.raises(plazos.CalendarioInvalido, match="hasta"):
        plazos.desde_datos(
            "x", {"inhabiles": [{"desde": "2022-01-20", "hasta": "2022-01-19", "fuente": "y"}]},
            "x.toml",
        )  # fmt: skip


def test_cada_calendario_publicado_carga_y_cita_su_fuente() -> None:
    calendarios = datos.archivos("calendarios", ".toml")
    assert [c.name for c in calendarios] == ["ase-tamaulipas.toml"]
    for archivo in calendarios:
        cal = plazos.calendario(archivo.name.removesuffix(".toml"))
        assert all(d.fuente.strip() for d in cal.inhabiles.values())


def test_alerta_de_respuesta_fuera_de_plazo() -> None:
    [alerta] = plazos.alertas(informe("2022-01-18", "2022-02-08"))
    assert alerta.procedimiento is None and alerta.tipo == "respuesta fuera de plazo"
    assert "14 días hábiles" in alerta.detalle and "plazo de 5" in alerta.detalle
    assert plazos.alertas(informe("2022-01-18", "2022-01-25")) == []  # en plazo
    assert plazos.alertas(informe("2022-01-18", "2022-02-08", justificado=False)) == []
    assert plazos.alertas(informe("2022-01-18", "")) == []


def _correr(codigo: str) -> list[str]:
    import subprocess
    import sys

    from tests.conftest import RAIZ

    salida = subprocess.run(
        [sys.executable, "-c", codigo], capture_output=True, text=True, cwd=RAIZ, check=True
    )
    return salida.stdout.splitlines()


def test_festivos_del_pais_sin_importar_los_de_todos_los_paises() -> None:
    """Los festivos de México, importando sólo su módulo (no los ~250 de `holidays.countries`):
    los mismos días y nombres que `holidays.country_holidays` importando todo, y el paquete de
    verdad se importa después sin problema. En un intérprete nuevo (holidays se importa una vez
    por proceso)."""
    codigo = (
        "import sys\n"
        "from datetime import date, timedelta\n"
        "from extractores import plazos\n"
        "rapidos = plazos.festivos_del_pais('MX')\n"
        "print('countries' in sys.modules.get('holidays').__dict__,\n"
        "      'holidays.countries' in sys.modules, 'holidays.countries.spain' in sys.modules)\n"
        "dias = [date(2010, 1, 1) + timedelta(n) for n in range(365 * 21)]\n"
        "lista = [(d, rapidos.get(d)) for d in dias]\n"
        "import holidays, holidays.countries\n"
        "del sys.modules['holidays.countries.mexico']\n"  # otra clase, importada como siempre
        "import importlib; importlib.reload(holidays.countries)\n"
        "de_siempre = holidays.countries.Mexico(language='es')\n"
        "print(type(de_siempre) is not type(rapidos), sum(1 for _, n in lista if n),\n"
        "      lista == [(d, de_siempre.get(d)) for d in dias])\n"
        "print(holidays.countries.Spain is not None)\n"
    )
    assert _correr(codigo) == ["False False False", "True 151 True", "True"]


def test_festivos_del_pais_como_siempre_si_algo_falla() -> None:
    """Si importar sólo el módulo del país falla, `country_holidays` importa todo, como siempre."""
    codigo = (
        "import importlib.util, sys\n"
        "from extractores import plazos\n"
        "def falla(nombre, *a):\n"
        "    raise ImportError(nombre)\n"
        "importlib.util.find_spec = falla\n"
        "festivos = plazos.festivos_del_pais('MX')\n"
        "from datetime import date\n"
        "print(festivos.get(date(2022, 2, 7)), 'holidays.countries' in sys.modules)\n"
    )
    assert _correr(codigo) == ["Día de la Constitución True"]
