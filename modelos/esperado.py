"""La forma de los archivos `esperado.json` (respuesta revisada a mano) y su comparación.

La usan las pruebas doradas y, más adelante, `informes evaluar`.
"""

from __future__ import annotations

import re
from typing import Any

from rapidfuzz import fuzz

from modelos.registros import Informe

CAMPOS_INFORME = (
    "numero_auditoria", "tipo_auditoria", "ente_fiscalizado", "programa", "ejercicio",
    "fecha_informe", "lugar", "dictamen", "auditor_superior", "auditores",
    "control_interno_puntaje", "auditor", "dictamen_texto", "destinatario",
)  # fmt: skip
# Similitud mínima (rapidfuzz, 0-100) de un texto leído por OCR con el esperado.
SIMILITUD_OCR = 90


CAMPOS_INFORME_RESULTADOS = (
    "informe_id", "auditor", "numero_auditoria", "numero_corto", "tipo_auditoria", "modalidad",
    "grupo_funcional", "ente_fiscalizado", "titulo", "programa", "ejercicio", "dictamen",
    "dictamen_texto", "fecha_dictamen", "monto_por_aclarar", "monto_recuperado",
)  # fmt: skip


def forma_esperada(informe: Informe) -> dict[str, Any]:
    """La forma de `esperado.json`: por procedimientos (ASE desempeño) o por resultados (ASF)."""
    if informe.resultados or not informe.procedimientos and informe.auditor == "ASF":
        return forma_por_resultados(informe)
    datos: dict[str, Any] = {campo: getattr(informe, campo) for campo in CAMPOS_INFORME}
    datos["oficios"] = [
        {"numero_oficio": o.numero_oficio, "fecha": o.fecha} for o in informe.oficios
    ]
    return {
        "informe": datos,
        "procedimientos": [
            {
                "numero": p.numero,
                "resultados": [{"numero": r.numero, "texto": r.texto} for r in p.resultados],
                "recomendaciones": [
                    {"numero": r.numero, "texto": r.texto, "estatus": r.estatus, "motivo": r.motivo}
                    for r in p.recomendaciones
                ],
                "justificaciones": [
                    {"numero": j.numero, "texto": j.texto, "recomendaciones": j.recomendaciones}
                    for j in p.justificaciones
                ],
                "cierre": p.cierre,
                "area_normalizada": p.area_normalizada,
            }
            for p in informe.procedimientos
        ],
        "alertas": [
            {"procedimiento": a.procedimiento, "tipo": a.tipo, "detalle": a.detalle}
            for a in informe.alertas
        ],
    }


def forma_por_resultados(informe: Informe) -> dict[str, Any]:
    datos: dict[str, Any] = {c: getattr(informe, c) for c in CAMPOS_INFORME_RESULTADOS}
    datos["personas"] = [
        {"nombre": p.nombre, "rol": p.rol, "cargo": p.cargo} for p in informe.personas
    ]
    datos["oficios"] = [
        {"numero_oficio": o.numero_oficio, "fecha": o.fecha} for o in informe.oficios
    ]
    return {
        "informe": datos,
        "resumen": informe.resumen,
        "resultados": [
            {
                "numero": r.numero,
                "titulo": r.titulo,
                "estado": r.estado,
                "pagina": r.pagina,
                "texto": r.texto,
            }
            for r in informe.resultados
        ],
        "acciones": [
            {
                "resultado": r.numero,
                "clave": a.clave,
                "tipo": a.tipo,
                "monto": a.monto,
                "pagina": a.pagina,
                "texto": a.texto,
            }
            for r in informe.resultados
            for a in r.acciones
        ],
        "justificaciones": [
            {"numero": r.numero, "texto": r.justificacion.texto}
            for r in informe.resultados
            if r.justificacion
        ],
        "alertas": [
            {"procedimiento": a.procedimiento, "tipo": a.tipo, "detalle": a.detalle}
            for a in informe.alertas
        ],
    }


def _espacios(texto: str) -> str:
    return re.sub(r"\s+", " ", texto).strip()


def _textos_iguales(obtenido: str, esperado: str, tolerante: bool) -> bool:
    a, b = _espacios(obtenido), _espacios(esperado)
    return a == b or (tolerante and fuzz.ratio(a, b) >= SIMILITUD_OCR)


def diferencias(obtenido: Any, esperado: Any, tolerante: bool = False, ruta: str = "") -> list[str]:
    """Lista legible de diferencias; vacía si coinciden. Con `tolerante`, los textos (OCR)
    pueden diferir en unas pocas letras."""
    if isinstance(esperado, dict):
        if not isinstance(obtenido, dict):
            return [f"{ruta}: se esperaba un objeto"]
        salida: list[str] = []
        for clave, valor in esperado.items():
            if clave not in obtenido:
                salida.append(f"{ruta}.{clave}: falta")
            else:
                salida.extend(diferencias(obtenido[clave], valor, tolerante, f"{ruta}.{clave}"))
        return salida
    if isinstance(esperado, list):
        if not isinstance(obtenido, list):
            return [f"{ruta}: se esperaba una lista"]
        salida = []
        if len(obtenido) != len(esperado):
            salida.append(f"{ruta}: {len(obtenido)} elementos, se esperaban {len(esperado)}")
        for indice, (a, b) in enumerate(zip(obtenido, esperado, strict=False)):
            salida.extend(diferencias(a, b, tolerante, f"{ruta}[{indice}]"))
        return salida
    if isinstance(esperado, str) and isinstance(obtenido, str):
        if _textos_iguales(obtenido, esperado, tolerante):
            return []
        return [f"{ruta}: {obtenido!r} ≠ {esperado!r}"]
    if obtenido != esperado:
        return [f"{ruta}: {obtenido!r} ≠ {esperado!r}"]
    return []
