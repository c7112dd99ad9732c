"""De registros a JSON y de vuelta (la caché por sha256 y `salidas/json/` usan esta forma)."""

from __future__ import annotations

import json
from dataclasses import asdict, fields, is_dataclass
from typing import Any

from modelos.registros import (
    Accion,
    Alerta,
    Documento,
    Informe,
    Item,
    Justificacion,
    Oficio,
    Persona,
    Procedimiento,
    Recomendacion,
    Resultado,
    ResultadoAuditoria,
)


def a_dict(resultado: Resultado) -> dict[str, Any]:
    return asdict(resultado)


def a_json(resultado: Resultado) -> str:
    """`json.dumps(a_dict(resultado), ensure_ascii=False)`, el mismo texto, sin copiar antes el
    resultado entero en diccionarios (eso hace `asdict`, dos tercios del costo): el codificador
    en C pide los campos de cada registro cuando llega a él."""
    return json.dumps(resultado, ensure_ascii=False, default=_campos)


# Los nombres de los campos de cada clase de registro, en orden.
_NOMBRES: dict[type, tuple[str, ...]] = {}


def _campos(registro: object) -> dict[str, Any]:
    nombres = _NOMBRES.get(type(registro))
    if nombres is None:
        if not is_dataclass(registro) or isinstance(registro, type):
            raise TypeError(f"{type(registro).__name__} no se puede escribir como JSON")
        nombres = _NOMBRES[type(registro)] = tuple(f.name for f in fields(registro))
    return {nombre: getattr(registro, nombre) for nombre in nombres}


def _procedimiento(datos: dict[str, Any]) -> Procedimiento:
    datos = dict(datos)
    datos["resultados"] = [Item(**r) for r in datos.get("resultados", [])]
    datos["recomendaciones"] = [Recomendacion(**r) for r in datos.get("recomendaciones", [])]
    datos["justificaciones"] = [Justificacion(**j) for j in datos.get("justificaciones", [])]
    return Procedimiento(**datos)


def _resultado_auditoria(datos: dict[str, Any]) -> ResultadoAuditoria:
    datos = dict(datos)
    datos["acciones"] = [Accion(**a) for a in datos.get("acciones", [])]
    justificacion = datos.get("justificacion")
    datos["justificacion"] = Justificacion(**justificacion) if justificacion else None
    return ResultadoAuditoria(**datos)


def informe_desde_dict(datos: dict[str, Any]) -> Informe:
    datos = dict(datos)
    datos["oficios"] = [Oficio(**o) for o in datos.get("oficios", [])]
    datos["alertas"] = [Alerta(**a) for a in datos.get("alertas", [])]
    datos["procedimientos"] = [_procedimiento(p) for p in datos.get("procedimientos", [])]
    datos["personas"] = [Persona(**p) for p in datos.get("personas", [])]
    datos["resultados"] = [_resultado_auditoria(r) for r in datos.get("resultados", [])]
    return Informe(**datos)


def resultado_desde_dict(datos: dict[str, Any]) -> Resultado:
    informe = datos.get("informe")
    return Resultado(
        documento=Documento(**datos["documento"]),
        informe=informe_desde_dict(informe) if informe else None,
    )
