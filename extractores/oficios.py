"""Oficios citados en un informe (común a todos los formatos): número, fecha y oración."""

from __future__ import annotations

import re

from extractores.segmentador import unir_lineas
from extractores.texto import FECHA, fecha_iso, oraciones
from modelos.registros import Linea, Oficio

# "mediante oficio número CVASE LXIV/2020 008, con fecha 9 de diciembre de 2020"
# "Se turnó OFICIO No. ASE/AED/0039/2022 de fecha 18 de enero de 2022"
# "mediante Oficio número DIF/DG/200/2022 recibido el 08 de febrero de 2022"
# Escaneado, con un espacio de más antes de la diagonal: "Oficio No. ASE /AEA/355/2021".
OFICIO = re.compile(
    r"(?i:\boficio)\s+(?i:No\.?|N[úu]m(?:ero|\.)?|N°|Nº)\s*"
    r"(?P<numero>[A-Z0-9][A-Z0-9/\-.]*(?:\s/[A-Z0-9][A-Z0-9/\-.]*)*"
    r"(?:\s[A-Z0-9]+(?:[/\-.][A-Z0-9]+)*)*?)"
    r"(?=\s*[,;)]|\s+(?i:de|del|con|recibido|mediante|asignado|por|en|y|emitido|suscrito|el)\b|\.?\s*$)"
)
# Tras el número: ", con fecha 9 de diciembre de 2020", " recibido el 08 de febrero de 2022"
FECHA_DE_OFICIO = re.compile(
    r"^[,\s]*(?:(?:de|con)\s+fecha|fechado\s+el|recibido\s+el|del?)\s+" + FECHA.pattern,
    re.IGNORECASE,
)


# "los oficios números THCE/001/2026 y THCE/002/2026 de fechas 12 y 22 de enero de 2026"
OFICIOS_DOS = re.compile(
    r"(?i:\boficios)\s+(?i:n[úu]meros|nos?\.|n[úu]ms\.)\s*(?P<a>[A-Z0-9][A-Z0-9/\-.]*[A-Z0-9])"
    r"\s+y\s+(?P<b>[A-Z0-9][A-Z0-9/\-.]*[A-Z0-9])"
    r"(?:\s+(?i:de\s+fechas)\s+(?P<d1>\d{1,2})\s+y\s+(?P<d2>\d{1,2})\s+de\s+(?P<mes>[A-Za-zé]+)"
    r"\s+(?:de|del)\s+(?P<anio>\d{4}))?"
)


def numero_de_oficio(texto: str) -> str:
    """Sin punto final ni espacio antes de una diagonal; en un tramo numérico, la «O» que el OCR
    leyó por cero: ASE/AED/O770/2026."""
    tramos = re.sub(r"\s+/", "/", texto).rstrip(".").split("/")
    return "/".join(
        re.sub(r"[Oo]", "0", t) if re.fullmatch(r"[0-9Oo]+", t) and re.search(r"\d", t) else t
        for t in tramos
    )


def extraer_oficios(trozos: list[list[Linea]]) -> list[Oficio]:
    oficios: dict[str, Oficio] = {}
    for lineas in trozos:
        paginas = [(linea.pagina, linea.texto) for linea in lineas]
        for oracion in oraciones(unir_lineas([linea.texto for linea in lineas])):
            citados = sorted([*_dos_oficios(oracion), *OFICIO.finditer(oracion)], key=_posicion)
            for coincidencia in citados:
                if isinstance(coincidencia, Oficio):
                    if coincidencia.numero_oficio not in oficios:
                        coincidencia.pagina = _pagina_de(coincidencia.numero_oficio, paginas)
                        oficios[coincidencia.numero_oficio] = coincidencia
                    continue
                numero = numero_de_oficio(coincidencia.group("numero"))
                if numero in oficios or not re.search(r"\d", numero):
                    continue
                fecha = FECHA_DE_OFICIO.match(oracion[coincidencia.end() :])
                oficios[numero] = Oficio(
                    numero_oficio=numero,
                    fecha=fecha_iso(fecha) if fecha else None,
                    contexto=oracion,
                    pagina=_pagina_de(numero, paginas),
                )
    return list(oficios.values())


def _posicion(citado: re.Match | Oficio) -> int:
    return citado.pagina if isinstance(citado, Oficio) else citado.start()


def _dos_oficios(oracion: str) -> list[Oficio]:
    """«oficios números A y B de fechas 12 y 22 de enero de 2026»: dos oficios, cada uno con su
    fecha (la posición en la oración va en `pagina` hasta que se sepa la página)."""
    citados = []
    for m in OFICIOS_DOS.finditer(oracion):
        for numero, dia in ((m.group("a"), m.group("d1")), (m.group("b"), m.group("d2"))):
            fecha = None
            if dia:
                texto = f"{dia} de {m.group('mes')} de {m.group('anio')}"
                fecha_m = FECHA.match(texto)
                fecha = fecha_iso(fecha_m) if fecha_m else None
            citados.append(Oficio(numero_de_oficio(numero), fecha, oracion, m.start()))
    return citados


def _pagina_de(fragmento: str, paginas: list[tuple[int, str]]) -> int:
    clave = fragmento.split()[0]
    return next(
        (pagina for pagina, texto in paginas if clave in texto), paginas[0][0] if paginas else 1
    )
