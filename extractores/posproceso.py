"""Lo que todo formato hace al final de `extraer`, sea cual sea su maqueta: la alerta de
respuesta fuera de plazo (días hábiles, `plazos.py`) y la caja de cada inciso (`cajas.py`)."""

from __future__ import annotations

from extractores import cajas, plazos
from modelos.registros import Informe, Linea


def completar(informe: Informe, lineas: list[Linea]) -> Informe:
    informe.alertas.extend(plazos.alertas(informe))
    cajas.asignar(informe, lineas)
    return informe
