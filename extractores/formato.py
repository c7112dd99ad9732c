"""El contrato de un formato de informe (`Formato`) y lo que recibe para extraer (`Lectura`).

Un formato es una subclase de `Formato` en un módulo de `extractores/` que expone una instancia
en `FORMATO`; el registro (`extractores.formatos`) los encuentra solo. Su estructura (señales de
reconocimiento, secciones, unidades) es un archivo de datos: `modelos/formatos/<nombre>.toml`.

Agregar un formato cuesta un módulo, un archivo de estructura y una carpeta de ejemplo
(`tests/ejemplos/<informe>.<variante>.pdf` con su `<informe>.esperado.json`).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from extractores import reglas
from extractores.disposicion import AJUSTES_POR_OMISION, AjustesDisposicion
from modelos import datos
from modelos.registros import Informe, Linea

# Alerta de una estructura que no se pudo leer con seguridad (el documento queda `parcial`).
TIPO_DUDA = "estructura dudosa"
# Alertas que dejan al documento `parcial` (algo se leyó mal o el informe no cuadra).
# Procedimientos numerados [5] donde se esperaba [1, ..., 7]: se perdieron encabezados.
TIPO_NUMERACION = "numeración de procedimientos irregular"
TIPOS_PARCIAL = frozenset({TIPO_DUDA, "resumen no coincide", TIPO_NUMERACION})


@dataclass(slots=True)
class Lectura:
    """Lo que un formato recibe: las líneas del cuerpo y lo que la limpieza quitó."""

    lineas: list[Linea]
    sha256: str
    # Encabezados y pies corridos que se quitaron (algunos formatos leen datos de ahí).
    encabezados: list[Linea] = field(default_factory=list)


class Formato:
    """Un formato de informe: reconoce un documento y extrae de él un `Informe`."""

    nombre: str = ""

    @property
    def ajustes(self) -> AjustesDisposicion:
        """Los ajustes de la página, con los encabezados corridos que la estructura conoce
        (`[limpieza] encabezados`)."""
        conocidos = tuple(self.estructura.get("limpieza", {}).get("encabezados", ()))
        if not conocidos:
            return AJUSTES_POR_OMISION
        return replace(AJUSTES_POR_OMISION, encabezados_conocidos=conocidos)

    @cached_property
    def estructura(self) -> dict[str, Any]:
        """`modelos/formatos/<nombre>.toml`, leído como dato del paquete."""
        return tomllib.loads(datos.leer_texto("formatos", f"{self.nombre}.toml"))

    @property
    def umbral(self) -> float:
        return float(self.estructura["reconocimiento"]["umbral"])

    def puntaje(self, lineas: list[Linea]) -> float:
        """Qué tanto se parece el documento a este formato (0 a 1), por las señales de su
        estructura: patrones sobre el texto normalizado (minúsculas, sin acentos) del inicio del
        documento, cada uno con su peso. Sin la señal `requiere`, nunca alcanza el umbral."""
        reconocimiento = self.estructura["reconocimiento"]
        lineas_leidas = int(reconocimiento.get("lineas", 400))
        texto = reglas.normalizar(" ".join(linea.texto for linea in lineas[:lineas_leidas]))
        total = sum(
            float(senal["peso"])
            for senal in reconocimiento["senales"]
            if re.search(senal["patron"], texto)
        )
        requiere = reconocimiento.get("requiere")
        if requiere and not re.search(requiere, texto):
            return min(total, self.umbral - 0.1)
        return min(total, 1.0)

    def extraer(self, lectura: Lectura) -> Informe:
        raise NotImplementedError

    def revisar(self, informe: Informe) -> list[str]:
        """Oraciones sobre lo que falta o no cuadra (el documento queda `parcial`)."""
        faltas = [] if informe.numero_auditoria else ["No se encontró el número de auditoría."]
        for alerta in informe.alertas:
            if alerta.tipo in TIPOS_PARCIAL:
                donde = (
                    f" en el {self.unidad()} {alerta.procedimiento}" if alerta.procedimiento else ""
                )
                faltas.append(f"{alerta.tipo.capitalize()}{donde}: {alerta.detalle}")
        return faltas + self.revisar_unidades(informe)

    def unidad(self) -> str:
        return str(self.estructura.get("unidad", "procedimiento"))

    def revisar_unidades(self, informe: Informe) -> list[str]:
        return []
