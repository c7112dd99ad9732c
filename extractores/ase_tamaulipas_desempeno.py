"""Formato `ase-tamaulipas-desempeno`: informes individuales de auditoría de desempeño de la ASE
Tamaulipas (secciones I–VIII; procedimientos con Resultado(s), Recomendaciones y Justificación).
"""

from __future__ import annotations

import re

from extractores import estatus, reglas, segmentador
from extractores.catalogos import areas
from extractores.posproceso import completar
from extractores.texto import FECHA, TITULO, espacios, fecha_iso, nombre_propio, oraciones
from modelos.registros import (
    Alerta,
    Informe,
    Item,
    Justificacion,
    Linea,
    Oficio,
    Procedimiento,
    Recomendacion,
)

NOMBRE = "ase-tamaulipas-desempeno"
AUDITOR = "ASE Tamaulipas"
PREFIJO_ID = "ase-tamaulipas"
UMBRAL_RECONOCIMIENTO = 0.6

# "el Informe Individual de la Auditoría de Desempeño No. AED/017/2021 practicada al ..."
NUMERO_AUDITORIA = re.compile(
    r"Auditor[ií]a\s+(?:de\s+)?(?P<tipo>Desempe[ñn]o|Cumplimiento(?:\s+Financier[oa])?|"
    r"Financiera|Obra\s+P[úu]blica|Legalidad)\s+(?:No\.?|N[úu]m(?:ero|\.)?|N°|Nº)?\s*"
    r"(?P<numero>[A-Z]{2,6}\s?[-/]?\s?\d{1,4}\s?[-/]\s?\d{4})",
    re.IGNORECASE,
)
# "practicada al Sistema DIF Reynosa, al Programa Centros de Asistencia Infantil Comunitarios
#  CAIC, correspondiente a los recursos del ejercicio 2020"
ENTE_Y_PROGRAMA = re.compile(
    r"practicada\s+(?:al|a\s+la|a\s+los|a)\s+(?P<ente>[^,;]+?),\s*(?:al|en\s+el|del|respecto\s+al)"
    r"\s+Programa\s+(?:presupuestario\s+)?(?P<programa>[^;]+?),\s*correspondiente\s+a"
    r"(?:\s+los\s+recursos\s+del|l)\s+ejercicio\s+(?:fiscal\s+)?(?P<ejercicio>\d{4})",
    re.IGNORECASE,
)
# "practicada al Programa Centros ... CAIC, correspondiente a los recursos del ejercicio 2020,
#  instrumentado a través del Sistema DIF Reynosa"
PROGRAMA_Y_ENTE = re.compile(
    r"(?:practicada\s+al|revisi[oó]n\s+del)\s+Programa\s+(?:presupuestario\s+)?(?P<programa>[^;]+?),"
    r"\s*correspondiente\s+a.{0,30}?ejercicio\s+(?:fiscal\s+)?(?P<ejercicio>\d{4}),\s*"
    r"(?:instrumentado|ejecutado|operado|a\s+cargo)\s+(?:a\s+trav[eé]s\s+)?"
    r"(?:del|de\s+la|de\s+los|por\s+el|por\s+la)\s+(?P<ente>[^,.;]+)",
    re.IGNORECASE,
)
# "Ciudad Victoria, Tamaulipas, a 18 de febrero de 2022s"
LUGAR_Y_FECHA = re.compile(
    r"^(?P<lugar>[A-ZÁÉÍÓÚÑ][^,\d]{2,40},\s*[A-ZÁÉÍÓÚÑ][^,\d]{2,30}),?\s+(?:a\s+)?"
    r"(?P<dia>\d{1,2})\s+de\s+(?P<mes>[A-Za-z]+)\s+(?:de|del)\s+(?P<anio>\d{4})"
)
# "a los auditores CC. Jorge Ubaldo Guzmán Acuña, Erika Venus Ruiz Beltrán, Natalia Mota Cepeda y
#  Angélica Jazmín Martínez Chavira."
AUDITORES = re.compile(
    r"(?i:auditores|personal\s+auditor|servidores\s+p[úu]blicos|a\s+los)\s*:?\s*"
    r"(?:C\.\s?C\.|CC\.|C\.)\s*(?P<nombres>[A-ZÁÉÍÓÚÑ].+?)\.?\s*$"
    r"|(?i:auditores)\s*:?\s*(?P<solos>[A-ZÁÉÍÓÚÑ].+?)\.?\s*$"
)
SEPARADOR_NOMBRES = re.compile(r"\s*,\s*|\s+y\s+|\s+e\s+(?=[A-ZÁÉÍÓÚÑ])")
# "mediante oficio número CVASE LXIV/2020 008, con fecha 9 de diciembre de 2020"
# "Se turnó OFICIO No. ASE/AED/0039/2022 de fecha 18 de enero de 2022"
# "mediante Oficio número DIF/DG/200/2022 recibido el 08 de febrero de 2022"
OFICIO = re.compile(
    r"(?i:\boficio)\s+(?i:No\.?|N[úu]m(?:ero|\.)?|N°|Nº)\s*"
    r"(?P<numero>[A-Z0-9][A-Z0-9/\-.]*(?:\s[A-Z0-9]+(?:[/\-.][A-Z0-9]+)*)*?)"
    r"(?=\s*[,;)]|\s+(?i:de|del|con|recibido|mediante|asignado|por|en|y|emitido|suscrito|el)\b|\.?\s*$)"
)
# Tras el número: ", con fecha 9 de diciembre de 2020", " recibido el 08 de febrero de 2022"
FECHA_DE_OFICIO = re.compile(
    r"^[,\s]*(?:(?:de|con)\s+fecha|fechado\s+el|recibido\s+el|del?)\s+" + FECHA.pattern,
    re.IGNORECASE,
)
# "se estableció el plazo de 5 días hábiles para presentar la solventación"
PLAZO = re.compile(r"plazo\s+de\s+(?P<dias>\d{1,3})\s+d[ií]as\s+h[áa]biles", re.IGNORECASE)
# "...mediante Oficio número DIF/DG/200/2022 recibido el 08 de febrero de 2022" (la respuesta)
RECIBIDO = re.compile(r"^[,\s]*recibid[oa]\s+el", re.IGNORECASE)
# "éste SÍ CUMPLIÓ con los objetivos", "NO CUMPLIÓ", "se abstiene de emitir opinión"
# "se abstiene de emitir una opinión", "abstención de opinión"
DICTAMEN_ABSTENCION = re.compile(
    r"se\s+abstiene\s+de\s+(?:emitir\s+(?:una\s+|su\s+)?)?(?:opinar|opini[oó]n)"
    r"|abstenci[oó]n\s+de\s+opini[oó]n",
    re.IGNORECASE,
)
DICTAMEN_NO = re.compile(r"\bNO\s+CUMPLI[OÓ]\b|\bNO\s+CUMPLE\b", re.IGNORECASE)
DICTAMEN_SI = re.compile(r"\b(?:S[IÍ]\s+)?CUMPLI[OÓ]\b|\bS[IÍ]\s+CUMPLE\b", re.IGNORECASE)
# "resultó en un nivel medio de cumplimiento general de 54.28 puntos del Control Interno."
PUNTAJE_CONTROL_INTERNO = re.compile(
    r"(?P<puntaje>\d{1,3}(?:[.,]\d{1,2})?)\s+puntos", re.IGNORECASE
)
# "EL AUDITOR SUPERIOR DEL ESTADO" (antecede a la firma)
FIRMA = re.compile(r"AUDITOR\s+SUPERIOR", re.IGNORECASE)
# Líneas del sello o de las iniciales, que no son el nombre del firmante.
NO_ES_NOMBRE = re.compile(r"AUDITOR|ESTADO|/|SUPERIOR|^\(|FIRMA", re.IGNORECASE)
# "Análisis y evaluación del Diseño del Programa", "Identificación de la medición de la Percepción
#  de la Población Atendida del Programa"
AREA_EN_DESCRIPCION = re.compile(
    r"(?i:evaluaci[oó]n|an[aá]lisis|identificaci[oó]n|medici[oó]n|revisi[oó]n)\s+"
    r"(?:de\s+la|del|de\s+los|de|al|a\s+la)\s+(?P<area>[A-ZÁÉÍÓÚÑ][^,]*?)"
    r"(?=\s+(?:del\s+(?:Programa|Pp)\b|de\s+la\s+entidad)|\s*,|\s+conforme|\s+mediante|\.?$)"
)


def puntaje(lineas: list[Linea]) -> float:
    """Qué tanto parece el documento un informe de desempeño de la ASE Tamaulipas (0 a 1)."""
    texto = reglas.normalizar(" ".join(linea.texto for linea in lineas[:400]))
    senales = [
        ("auditoria superior del estado" in texto, 0.2),
        ("tamaulipas" in texto, 0.2),
        ("desempeno" in texto, 0.15),
        ("informe individual" in texto or "auditoria de desempeno" in texto, 0.1),
        (bool(re.search(r"\bprocedimiento\s+\d", texto)), 0.15),
        (bool(re.search(r"\brecomendaci", texto)), 0.1),
        (bool(re.search(r"\bjustificaci", texto)), 0.1),
    ]
    total = sum(peso for presente, peso in senales if presente)
    # Un informe de desempeño de otra ASE se parece, pero no es de este formato: no se fuerza.
    return total if "tamaulipas" in texto else min(total, UMBRAL_RECONOCIMIENTO - 0.1)


def texto_de(lineas: list[Linea]) -> str:
    return segmentador.unir_lineas([linea.texto for linea in lineas])


def extraer(lineas: list[Linea], sha256: str) -> Informe:
    segmentos = segmentador.segmentar(lineas)
    todo = texto_de(lineas)
    preambulo = segmentos.secciones.get(0, [])
    numero, tipo = _numero_y_tipo(todo)
    informe = Informe(
        informe_id=f"{PREFIJO_ID}:{numero}" if numero else f"{PREFIJO_ID}:sin-numero-{sha256[:12]}",
        auditor=AUDITOR,
        numero_auditoria=numero,
        tipo_auditoria=tipo,
    )
    _ente_programa_ejercicio(informe, todo)
    _lugar_fecha_destinatario(informe, preambulo)
    informe.auditores = _auditores(texto_de(segmentos.secciones.get(5, [])))
    dictamen = segmentos.secciones.get(8, [])
    informe.auditor_superior = _auditor_superior(dictamen)
    informe.dictamen, informe.dictamen_texto = _dictamen(texto_de(dictamen))
    informe.oficios = _oficios(_trozos_en_orden(segmentos))
    _plazos(informe, segmentos.secciones.get(7, []))
    respuesta_general = bool(
        estatus.RESPUESTA_GENERAL.search(texto_de(segmentos.secciones.get(7, [])))
    )
    for crudo in segmentos.procedimientos:
        procedimiento = _procedimiento(crudo)
        informe.alertas.extend(estatus.aplicar(procedimiento, respuesta_general))
        informe.procedimientos.append(procedimiento)
    informe.control_interno_puntaje = _puntaje_control_interno(informe.procedimientos)
    informe.alertas.extend(_alertas_de_numeracion(informe.procedimientos))
    completar(informe, lineas)  # plazos y cajas, comunes a todo formato: extractores/posproceso.py
    return informe


def _numero_y_tipo(texto: str) -> tuple[str, str]:
    coincidencia = NUMERO_AUDITORIA.search(texto)
    if not coincidencia:
        return "", ""
    numero = re.sub(r"\s+", "", coincidencia.group("numero")).upper()
    tipo = espacios(coincidencia.group("tipo"))
    tipo = tipo[:1].upper() + tipo[1:].lower()
    return numero, tipo.replace("Desempeno", "Desempeño")


def _ente_programa_ejercicio(informe: Informe, texto: str) -> None:
    for patron in (ENTE_Y_PROGRAMA, PROGRAMA_Y_ENTE):
        coincidencia = patron.search(texto)
        if coincidencia:
            informe.ente_fiscalizado = espacios(coincidencia.group("ente"))
            informe.programa = espacios(coincidencia.group("programa"))
            informe.ejercicio = int(coincidencia.group("ejercicio"))
            return


def _lugar_fecha_destinatario(informe: Informe, preambulo: list[Linea]) -> None:
    for indice, linea in enumerate(preambulo):
        coincidencia = LUGAR_Y_FECHA.search(linea.texto)
        if not coincidencia:
            continue
        informe.lugar = espacios(coincidencia.group("lugar"))
        informe.fecha_informe = fecha_iso(coincidencia)
        siguiente = preambulo[indice + 1].texto if indice + 1 < len(preambulo) else ""
        if siguiente and _parece_nombre(siguiente):
            informe.destinatario = nombre_propio(siguiente)
        return


def _parece_nombre(texto: str) -> bool:
    letras = [c for c in texto if c.isalpha()]
    sin_titulo = TITULO.sub("", texto).strip()
    palabras = sin_titulo.split()
    return (
        bool(letras)
        and 2 <= len(palabras) <= 6
        and (TITULO.match(texto) is not None or all(c.isupper() for c in letras))
        and not NO_ES_NOMBRE.search(sin_titulo)
    )


def _auditores(texto: str) -> list[str]:
    for oracion in oraciones(texto):
        coincidencia = AUDITORES.search(oracion)
        if coincidencia:
            grupo = coincidencia.group("nombres") or coincidencia.group("solos")
            nombres = SEPARADOR_NOMBRES.split(grupo)
            limpios = [espacios(TITULO.sub("", n)).strip(" .") for n in nombres]
            return [n for n in limpios if len(n.split()) >= 2]
    return []


def _auditor_superior(lineas: list[Linea]) -> str:
    inicio = next((i for i, linea in enumerate(lineas) if FIRMA.search(linea.texto)), None)
    if inicio is None:
        return ""
    candidatas = lineas[inicio + 1 :]
    con_titulo = [
        linea for linea in candidatas if TITULO.match(linea.texto) and _parece_nombre(linea.texto)
    ]
    elegida = (
        con_titulo[0]
        if con_titulo
        else next((linea for linea in candidatas if _parece_nombre(linea.texto)), None)
    )
    return nombre_propio(elegida.texto) if elegida else ""


def _dictamen(texto: str) -> tuple[str, str]:
    for patron, valor in (
        (DICTAMEN_ABSTENCION, "se abstiene de opinar"),
        (DICTAMEN_NO, "no cumplió"),
        (DICTAMEN_SI, "cumplió"),
    ):
        coincidencia = patron.search(texto)
        if coincidencia:
            return valor, espacios(coincidencia.group())
    return "", ""


def _numero_de_oficio(texto: str) -> str:
    """Sin punto final; en un tramo numérico, la «O» que el OCR leyó por cero: ASE/AED/O770/2026."""
    tramos = texto.rstrip(".").split("/")
    return "/".join(
        re.sub(r"[Oo]", "0", t) if re.fullmatch(r"[0-9Oo]+", t) and re.search(r"\d", t) else t
        for t in tramos
    )


def _trozos_en_orden(segmentos: segmentador.Segmentos) -> list[list[Linea]]:
    """Los textos del informe en orden de lectura, cada sección y bloque por separado."""
    trozos = [segmentos.secciones[n] for n in sorted(segmentos.secciones) if n < 6]
    for procedimiento in segmentos.procedimientos:
        trozos.append(procedimiento.descripcion)
        trozos.extend(bloque.lineas for bloque in procedimiento.bloques)
    trozos.extend(segmentos.secciones[n] for n in sorted(segmentos.secciones) if n >= 6)
    return [t for t in trozos if t]


def _oficios(trozos: list[list[Linea]]) -> list[Oficio]:
    oficios: dict[str, Oficio] = {}
    for lineas in trozos:
        paginas = [(linea.pagina, linea.texto) for linea in lineas]
        for oracion in oraciones(texto_de(lineas)):
            for coincidencia in OFICIO.finditer(oracion):
                numero = _numero_de_oficio(coincidencia.group("numero"))
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


def _plazos(informe: Informe, seccion_vii: list[Linea]) -> None:
    """El plazo para responder, el oficio que notificó los resultados preliminares (el primero
    de la sección VII) y el de la respuesta (el que dice «recibido el …»)."""
    texto = texto_de(seccion_vii)
    plazo = PLAZO.search(texto)
    informe.plazo_dias_habiles = int(plazo.group("dias")) if plazo else None
    citados = [(c, texto[c.end() :]) for c in OFICIO.finditer(texto)]
    por_numero = {o.numero_oficio: o for o in informe.oficios}
    for indice, (coincidencia, despues) in enumerate(citados):
        oficio = por_numero.get(_numero_de_oficio(coincidencia.group("numero")))
        if oficio is None:
            continue
        if RECIBIDO.match(despues) and not informe.oficio_respuesta:
            informe.oficio_respuesta, informe.fecha_respuesta = oficio.numero_oficio, oficio.fecha
        elif indice == 0:
            informe.oficio_notificacion, informe.fecha_notificacion = (
                oficio.numero_oficio,
                oficio.fecha,
            )


def _pagina_de(fragmento: str, paginas: list[tuple[int, str]]) -> int:
    clave = fragmento.split()[0]
    return next(
        (pagina for pagina, texto in paginas if clave in texto), paginas[0][0] if paginas else 1
    )


def _area(crudo: segmentador.ProcedimientoCrudo, descripcion: str) -> str:
    for linea in crudo.descripcion:
        for negrita in linea.negritas:
            limpia = negrita.strip(" ,.;:")
            if limpia and not limpia.lower().startswith("procedimiento") and limpia in descripcion:
                return limpia
    candidatas = [c.group("area").strip() for c in AREA_EN_DESCRIPCION.finditer(descripcion)]
    conocidas = [c for c in candidatas if areas().conoce(c)]
    por_prefijo = [p for p in map(areas().prefijo_conocido, candidatas) if p]
    return (conocidas or por_prefijo or candidatas or [areas().buscar_en(descripcion) or ""])[0]


def _procedimiento(crudo: segmentador.ProcedimientoCrudo) -> Procedimiento:
    descripcion = texto_de(crudo.descripcion)
    area = _area(crudo, descripcion)
    procedimiento = Procedimiento(
        numero=crudo.numero,
        pagina=crudo.pagina,
        area=area,
        area_normalizada=areas().normalizar(area) if area else "",
        descripcion=descripcion,
    )
    for bloque in crudo.bloques:
        incisos = segmentador.partir_incisos(
            bloque.lineas, con_cierre=bloque.tipo == "justificacion"
        )
        if bloque.tipo == "resultados":
            procedimiento.resultados.extend(incisos.items)
        elif bloque.tipo == "recomendaciones":
            procedimiento.recomendaciones.extend(_como(Recomendacion, incisos.items))
        else:
            procedimiento.justificaciones.extend(_como(Justificacion, incisos.items))
            procedimiento.cierre.extend(incisos.cierre)
    return procedimiento


def _como(clase: type, items: list[Item]) -> list:
    return [clase(numero=i.numero, texto=i.texto, pagina=i.pagina) for i in items]


def _puntaje_control_interno(procedimientos: list[Procedimiento]) -> float | None:
    for procedimiento in procedimientos:
        if procedimiento.area_normalizada != "Control Interno":
            continue
        for item in [*procedimiento.justificaciones, *procedimiento.resultados]:
            coincidencia = PUNTAJE_CONTROL_INTERNO.search(item.texto)
            if coincidencia:
                return float(coincidencia.group("puntaje").replace(",", "."))
    return None


def _alertas_de_numeracion(procedimientos: list[Procedimiento]) -> list[Alerta]:
    alertas = []
    numeros = [p.numero for p in procedimientos]
    esperados = list(range(1, len(numeros) + 1))
    if numeros and sorted(numeros) != esperados:
        alertas.append(
            Alerta(
                procedimiento=None,
                tipo="numeración de procedimientos irregular",
                detalle=f"Los procedimientos van numerados {numeros}; se esperaba {esperados}.",
            )
        )
    return alertas
