"""Plazos administrativos en días hábiles, para cualquier formato de informe.

Un plazo «de N días hábiles» se cuenta como los plazos administrativos: desde el día siguiente
a la notificación hasta el día de la respuesta (incluido), sin sábados ni domingos, sin los días
de descanso obligatorio nacionales (paquete `holidays`) y sin los días inhábiles que declara
cada auditor (`modelos/calendarios/<auditor>.toml`, cada uno con la fuente donde se publicó).

En la muestra AED/017/2021: notificación el martes 18 de enero de 2022, respuesta recibida el
martes 8 de febrero; del 19 de enero al 8 de febrero hay 15 días de lunes a viernes, menos el
lunes 7 de febrero (Día de la Constitución): 14 días hábiles, con un plazo de 5.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import sys
import tomllib
import types
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

import holidays

from modelos import datos
from modelos.registros import Alerta, Informe

CARPETA_CALENDARIOS = "calendarios"
TIPO_ALERTA = "respuesta fuera de plazo"


class CalendarioInvalido(ValueError):
    """Un archivo de calendario no tiene la forma esperada."""


@dataclass(frozen=True, slots=True)
class DiaInhabil:
    fecha: date
    motivo: str
    fuente: str


PAQUETE_PAISES = "holidays.countries"


def festivos_del_pais(pais: str) -> holidays.HolidayBase:
    """`holidays.country_holidays(pais, language="es")`, importando sólo el módulo de ese país.

    El paquete `holidays.countries` importa al abrirse los módulos de todos los países (unos
    250, ~0.04 s, en el camino antes de crear los procesos que leen). Aquí el módulo del país se
    importa con un paquete de mentira en su lugar (el mismo `__path__`, sin lo que hace al
    abrirse), y su clase queda en el cargador perezoso de `holidays` que `country_holidays`
    consulta: lo demás es igual. Si algo no está como se espera (otra versión de `holidays`),
    como siempre. Quien importe después `holidays.countries` recibe el de verdad, que reutiliza
    el módulo ya importado."""
    with contextlib.suppress(Exception):  # si falla, se importa como siempre
        _cargar_solo_el_pais(pais)
    return holidays.country_holidays(pais, language="es")


def _cargar_solo_el_pais(pais: str) -> None:
    from holidays.registry import COUNTRIES, EntityLoader

    cargador = getattr(holidays, pais, None)
    if (
        not isinstance(cargador, EntityLoader)
        or cargador.entity is not None
        or PAQUETE_PAISES in sys.modules
    ):
        return
    modulo = next((m for m, nombres in COUNTRIES.items() if pais in nombres), None)
    especificacion = importlib.util.find_spec(PAQUETE_PAISES)
    if modulo is None or especificacion is None or not especificacion.submodule_search_locations:
        return
    falso = types.ModuleType(PAQUETE_PAISES)
    falso.__path__ = list(especificacion.submodule_search_locations)
    sys.modules[PAQUETE_PAISES] = falso
    try:
        clase = getattr(importlib.import_module(f"{PAQUETE_PAISES}.{modulo}"), cargador.entity_name)
    finally:
        if sys.modules.get(PAQUETE_PAISES) is falso:
            del sys.modules[PAQUETE_PAISES]
    cargador.entity = clase


@dataclass(slots=True)
class Calendario:
    """Los días que no cuentan para un auditor: fines de semana, festivos y sus días inhábiles."""

    nombre: str
    pais: str = "MX"
    inhabiles: dict[date, DiaInhabil] = field(default_factory=dict)
    _festivos: holidays.HolidayBase | None = None

    def festivo(self, dia: date) -> str | None:
        """El nombre del día de descanso obligatorio o inhábil declarado; None si no lo es."""
        if dia in self.inhabiles:
            return self.inhabiles[dia].motivo
        if self._festivos is None:
            self._festivos = festivos_del_pais(self.pais)
        return self._festivos.get(dia)

    def es_habil(self, dia: date) -> bool:
        return dia.weekday() < 5 and self.festivo(dia) is None

    def dias_habiles(self, notificacion: date, respuesta: date) -> int | None:
        """Días hábiles del día siguiente a `notificacion` a `respuesta` (incluido); None si la
        respuesta es anterior a la notificación (un dato que no cuadra)."""
        if respuesta < notificacion:
            return None
        dias = 0
        dia = notificacion + timedelta(days=1)
        while dia <= respuesta:
            dias += self.es_habil(dia)
            dia += timedelta(days=1)
        return dias


def _fecha(valor: object, origen: str) -> date:
    if isinstance(valor, date):
        return valor
    try:
        return date.fromisoformat(str(valor))
    except ValueError as error:
        raise CalendarioInvalido(f"{origen}: fecha inválida «{valor}»") from error


def desde_datos(nombre: str, contenido: dict, origen: str) -> Calendario:
    calendario = Calendario(nombre, pais=str(contenido.get("pais", "MX")))
    for indice, entrada in enumerate(contenido.get("inhabiles", []), start=1):
        lugar = f"{origen}, día inhábil {indice}"
        if not str(entrada.get("fuente", "")).strip():
            raise CalendarioInvalido(f"{lugar}: falta «fuente» (dónde se publicó)")
        if "fecha" in entrada:
            desde = hasta = _fecha(entrada["fecha"], lugar)
        elif "desde" in entrada and "hasta" in entrada:
            desde, hasta = _fecha(entrada["desde"], lugar), _fecha(entrada["hasta"], lugar)
        else:
            raise CalendarioInvalido(f"{lugar}: falta «fecha» (o «desde» y «hasta»)")
        if hasta < desde:
            raise CalendarioInvalido(f"{lugar}: «hasta» es anterior a «desde»")
        dia = desde
        while dia <= hasta:
            motivo = str(entrada.get("motivo", ""))
            calendario.inhabiles[dia] = DiaInhabil(dia, motivo, str(entrada["fuente"]))
            dia += timedelta(days=1)
    return calendario


@cache
def calendario(nombre: str) -> Calendario:
    """El calendario de un auditor (`modelos/calendarios/<nombre>.toml`); sin archivo, sólo los
    fines de semana y los días de descanso obligatorio nacionales."""
    archivo = datos.ruta(CARPETA_CALENDARIOS, f"{nombre}.toml")
    if not archivo.is_file():
        return Calendario(nombre)
    try:
        contenido = tomllib.loads(archivo.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise CalendarioInvalido(f"{archivo.name}: no es TOML válido ({error})") from error
    return desde_datos(nombre, contenido, archivo.name)


def calendario_de(informe: Informe) -> Calendario:
    """El calendario del auditor de un informe: el prefijo de su id (`ase-tamaulipas:...`)."""
    return calendario(informe.informe_id.split(":", 1)[0])


def dias_habiles_respuesta(informe: Informe, cal: Calendario | None = None) -> int | None:
    if not (informe.fecha_notificacion and informe.fecha_respuesta):
        return None
    cal = cal or calendario_de(informe)
    try:
        notificacion = date.fromisoformat(informe.fecha_notificacion)
        respuesta = date.fromisoformat(informe.fecha_respuesta)
    except ValueError:
        return None
    return cal.dias_habiles(notificacion, respuesta)


def oportunidad(informe: Informe, cal: Calendario | None = None) -> dict:
    """Las columnas `dias_habiles_respuesta` y `respuesta_extemporanea` de `informes`."""
    dias = dias_habiles_respuesta(informe, cal)
    plazo = informe.plazo_dias_habiles
    return {
        "dias_habiles_respuesta": dias,
        "respuesta_extemporanea": None if dias is None or plazo is None else dias > plazo,
    }


def alertas(informe: Informe, cal: Calendario | None = None) -> list[Alerta]:
    """Una alerta si la respuesta llegó fuera de plazo y el informe la tomó en cuenta (valoró
    sus justificaciones)."""
    dias = dias_habiles_respuesta(informe, cal)
    plazo = informe.plazo_dias_habiles
    tomada_en_cuenta = any(p.justificaciones for p in informe.procedimientos)
    if dias is None or plazo is None or dias <= plazo or not tomada_en_cuenta:
        return []
    detalle = (
        f"La respuesta del ente (oficio {informe.oficio_respuesta}, recibida el "
        f"{informe.fecha_respuesta}) llegó {dias} días hábiles después de la notificación "
        f"(oficio {informe.oficio_notificacion}, del {informe.fecha_notificacion}), con un plazo "
        f"de {plazo} días hábiles, y el informe la tomó en cuenta."
    )
    return [Alerta(None, TIPO_ALERTA, detalle)]
