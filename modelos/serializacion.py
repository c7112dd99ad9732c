"""De registros a JSON y de vuelta (la caché por sha256 y `salidas/json/` usan esta forma)."""

from __future__ import annotations

from dataclasses import asdict
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
