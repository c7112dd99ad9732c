"""Formato `ase-tamaulipas-desempeno`: informes individuales de auditoría de desempeño de la ASE
Tamaulipas (secciones I–VIII; procedimientos con Resultado(s), Recomendaciones y Justificación).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from extractores import dictamen, estatus, invariantes, oficios, personas, segmentador
from extractores.catalogos import areas
from extractores.disposicion import AJUSTES_POR_OMISION, AjustesDisposicion
from extractores.formato import TIPO_DUDA, TIPO_NUMERACION, Formato, Lectura
from extractores.texto import PARTICULAS, TITULO, espacios, fecha_iso, nombre_propio, oraciones
from modelos.registros import (
    Alerta,
    Informe,
    Item,
    Justificacion,
    Linea,
    Procedimiento,
    Recomendacion,
)

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
# "se estableció el plazo de 5 días hábiles para presentar la solventación"
PLAZO = re.compile(r"plazo\s+de\s+(?P<dias>\d{1,3})\s+d[ií]as\s+h[áa]biles", re.IGNORECASE)
# "...mediante Oficio número DIF/DG/200/2022 recibido el 08 de febrero de 2022" (la respuesta)
RECIBIDO = re.compile(r"^[,\s]*recibid[oa]\s+el", re.IGNORECASE)
# Un punto o una coma pegados entre dos letras minúsculas son ruido de OCR: «a excepción de
# aquellas que.no se mencionaron en el apartado de justificación».
PUNTUACION_ENTRE_LETRAS = re.compile(r"(?<=[a-záéíóúñ])[.,](?=[a-záéíóúñ])")
# "resultó en un nivel medio de cumplimiento general de 54.28 puntos del Control Interno."
PUNTAJE_CONTROL_INTERNO = re.compile(
    r"(?P<puntaje>\d{1,3}(?:[.,]\d{1,2})?)\s+puntos", re.IGNORECASE
)
# "EL AUDITOR SUPERIOR DEL ESTADO" (antecede a la firma)
FIRMA = re.compile(r"AUDITOR\s+SUPERIOR", re.IGNORECASE)
# "Análisis y evaluación del Diseño del Programa", "Identificación de la medición de la Percepción
#  de la Población Atendida del Programa"
AREA_EN_DESCRIPCION = re.compile(
    r"(?i:evaluaci[oó]n|an[aá]lisis|identificaci[oó]n|medici[oó]n|revisi[oó]n)\s+"
    r"(?:de\s+la|del|de\s+los|de|al|a\s+la)\s+(?P<area>[A-ZÁÉÍÓÚÑ][^,]*?)"
    r"(?=\s+(?:del\s+(?:Programa|Pp)\b|de\s+la\s+entidad)|\s*,|\s+conforme|\s+mediante|\.?$)"
)


def texto_de(lineas: list[Linea]) -> str:
    return segmentador.unir_lineas([linea.texto for linea in lineas])


class AseTamaulipasDesempeno(Formato):
    """Desempeño de la ASE Tamaulipas (`modelos/formatos/ase-tamaulipas-desempeno.toml`)."""

    nombre = "ase-tamaulipas-desempeno"

    def extraer(self, lectura: Lectura) -> Informe:
        return extraer(lectura.lineas, lectura.sha256, self.estructura, self.ajustes)

    def revisar_unidades(self, informe: Informe) -> list[str]:
        if not informe.procedimientos:
            return ["No se encontraron procedimientos."]
        if not any(p.recomendaciones or p.resultados for p in informe.procedimientos):
            return ["Los procedimientos no tienen resultados ni recomendaciones."]
        return []


FORMATO = AseTamaulipasDesempeno()


def extraer(
    lineas: list[Linea],
    sha256: str,
    estructura: dict[str, Any],
    ajustes: AjustesDisposicion = AJUSTES_POR_OMISION,
) -> Informe:
    secciones = estructura["secciones"]
    segmentos = segmentador.segmentar(
        lineas, secciones["procedimientos"], secciones["observaciones"]
    )
    todo = texto_de(lineas)
    preambulo = segmentos.secciones.get(0, [])
    numero, tipo = _numero_y_tipo(todo)
    prefijo = estructura["prefijo_id"]
    informe = Informe(
        informe_id=f"{prefijo}:{numero}" if numero else f"{prefijo}:sin-numero-{sha256[:12]}",
        auditor=estructura["auditor"],
        numero_auditoria=numero,
        tipo_auditoria=tipo,
    )
    _ente_programa_ejercicio(informe, todo)
    _lugar_fecha_destinatario(informe, preambulo)
    informe.auditores = _auditores(
        texto_de(segmentos.secciones.get(secciones["servidores_publicos"], []))
    )
    lineas_dictamen = segmentos.secciones.get(secciones["dictamen"], [])
    informe.auditor_superior = _auditor_superior(lineas_dictamen)
    informe.dictamen, informe.dictamen_texto = dictamen.dictamen(texto_de(lineas_dictamen))
    informe.oficios = oficios.extraer_oficios(
        _trozos_en_orden(segmentos, secciones["procedimientos"])
    )
    observaciones = segmentos.secciones.get(secciones["observaciones"], [])
    _plazos(informe, observaciones)
    respuesta_general = (
        re.search(
            estructura["estatus"]["respuesta_general"],
            PUNTUACION_ENTRE_LETRAS.sub(" ", texto_de(observaciones)),
            re.IGNORECASE,
        )
        is not None
    )
    dudas: list[Alerta] = []
    ultimos: dict[str, int] = {}  # el último número de cada lista numerada de corrido
    for crudo in segmentos.procedimientos:
        desplazamientos: dict[str, int] = {}
        procedimiento = _procedimiento(crudo, dudas, ajustes, ultimos, desplazamientos)
        desplazamiento = desplazamientos.get("recomendaciones", 0)
        informe.alertas.extend(estatus.aplicar(procedimiento, respuesta_general, desplazamiento))
        if desplazamiento:
            dudas.extend(_citas_fuera_de_la_lista(procedimiento, desplazamiento))
        informe.procedimientos.append(procedimiento)
    informe.alertas.extend(dudas)
    informe.control_interno_puntaje = _puntaje_control_interno(informe.procedimientos)
    informe.alertas.extend(_alertas_de_numeracion(informe.procedimientos))
    return informe


def _numero_y_tipo(texto: str) -> tuple[str, str]:
    coincidencia = NUMERO_AUDITORIA.search(texto)
    if not coincidencia:
        return "", ""
    numero = re.sub(r"\s+", "", coincidencia.group("numero")).upper()
    tipo = espacios(coincidencia.group("tipo"))
    tipo = tipo[:1].upper() + tipo[1:].lower()
    return numero, tipo.replace("Desempeno", "Desempeño")


# Comillas que encierran el nombre del programa: «al Programa “Protección Civil”, correspondiente…»
# (tipográficas, como las pone un procesador de textos, o rectas).
COMILLAS_DE_APERTURA = "“\"«‘'"
COMILLAS_DE_CIERRE = "”\"»’'"


def sin_comillas(nombre: str) -> str:
    """«“Protección Civil”» -> «Protección Civil»: sólo si las comillas encierran todo el nombre."""
    if (
        len(nombre) > 2
        and nombre[0] in COMILLAS_DE_APERTURA
        and nombre[-1] in COMILLAS_DE_CIERRE
        and not any(c in nombre[1:-1] for c in COMILLAS_DE_CIERRE)
    ):
        return nombre[1:-1].strip()
    return nombre


def _ente_programa_ejercicio(informe: Informe, texto: str) -> None:
    for patron in (ENTE_Y_PROGRAMA, PROGRAMA_Y_ENTE):
        coincidencia = patron.search(texto)
        if coincidencia:
            informe.ente_fiscalizado = espacios(coincidencia.group("ente"))
            informe.programa = sin_comillas(espacios(coincidencia.group("programa")))
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
        if siguiente and personas.parece_nombre(siguiente):
            informe.destinatario = nombre_propio(siguiente)
        return


def _auditores(texto: str) -> list[str]:
    for oracion in oraciones(texto):
        coincidencia = AUDITORES.search(oracion)
        if coincidencia:
            grupo = coincidencia.group("nombres") or coincidencia.group("solos")
            nombres = personas.SEPARADOR_NOMBRES.split(grupo)
            limpios = [espacios(TITULO.sub("", n)).strip(" .") for n in nombres]
            return [n for n in limpios if len(n.split()) >= 2]
    return []


# Una palabra de un nombre: letras (con acentos), al menos dos, o un apellido compuesto con guion.
PALABRA_DE_NOMBRE = re.compile(r"^[^\W\d_]{2,}(?:-[^\W\d_]{2,})?$")


def nombre_antes_del_sello(texto: str) -> str:
    """Un sello circular junto a la firma queda en el renglón del nombre al pasar por OCR («ING.
    LUIS DÍAZ FLORES Ñ Despacmo DeL mruran /», «ING. PATRICIA LÓPEZ FLORES [-- TAMAULIPAS |»):
    el nombre termina antes de la primera palabra que no es de un nombre (signos, una letra
    suelta o, en un nombre en mayúsculas, una palabra con minúsculas)."""
    titulo = TITULO.match(texto)
    inicio = titulo.end() if titulo else 0
    palabras = texto[inicio:].split()
    en_mayusculas = bool(palabras) and palabras[0].isupper()
    nombre: list[str] = []
    for palabra in palabras:
        es_de_nombre = PALABRA_DE_NOMBRE.match(palabra) and (
            not en_mayusculas or palabra.isupper() or palabra.lower() in PARTICULAS
        )
        if not es_de_nombre:
            break
        nombre.append(palabra)
    return f"{texto[:inicio]}{' '.join(nombre)}" if len(nombre) >= 2 else texto


def _auditor_superior(lineas: list[Linea]) -> str:
    inicio = next((i for i, linea in enumerate(lineas) if FIRMA.search(linea.texto)), None)
    if inicio is None:
        return ""
    candidatas = [
        replace(linea, texto=nombre_antes_del_sello(linea.texto)) if linea.ocr else linea
        for linea in lineas[inicio + 1 :]
    ]
    con_titulo = [
        linea
        for linea in candidatas
        if TITULO.match(linea.texto) and personas.parece_nombre(linea.texto)
    ]
    elegida = (
        con_titulo[0]
        if con_titulo
        else next((linea for linea in candidatas if personas.parece_nombre(linea.texto)), None)
    )
    return nombre_propio(elegida.texto) if elegida else ""


def _trozos_en_orden(
    segmentos: segmentador.Segmentos, seccion_procedimientos: int
) -> list[list[Linea]]:
    """Los textos del informe en orden de lectura, cada sección y bloque por separado."""
    secciones = sorted(segmentos.secciones)
    # Con los procedimientos en un anexo, van después de todas las secciones.
    corte = max(secciones, default=0) + 1 if segmentos.en_anexo else seccion_procedimientos
    trozos = [segmentos.secciones[n] for n in secciones if n < corte]
    for procedimiento in segmentos.procedimientos:
        trozos.append(procedimiento.descripcion)
        trozos.extend(bloque.lineas for bloque in procedimiento.bloques)
    trozos.extend(segmentos.secciones[n] for n in secciones if n >= corte)
    return [t for t in trozos if t]


def _plazos(informe: Informe, seccion_vii: list[Linea]) -> None:
    """El plazo para responder, el oficio que notificó los resultados preliminares (el primero
    de la sección VII) y el de la respuesta (el que dice «recibido el …»)."""
    texto = texto_de(seccion_vii)
    plazo = PLAZO.search(texto)
    informe.plazo_dias_habiles = int(plazo.group("dias")) if plazo else None
    citados = [(c, texto[c.end() :]) for c in oficios.OFICIO.finditer(texto)]
    por_numero = {o.numero_oficio: o for o in informe.oficios}
    for indice, (coincidencia, despues) in enumerate(citados):
        oficio = por_numero.get(oficios.numero_de_oficio(coincidencia.group("numero")))
        if oficio is None:
            continue
        if RECIBIDO.match(despues) and not informe.oficio_respuesta:
            informe.oficio_respuesta, informe.fecha_respuesta = oficio.numero_oficio, oficio.fecha
        elif indice == 0:
            informe.oficio_notificacion, informe.fecha_notificacion = (
                oficio.numero_oficio,
                oficio.fecha,
            )


def _area_en_fila(crudo: segmentador.ProcedimientoCrudo) -> str:
    """El área escrita en la fila del encabezado: «Procedimiento 3 Área evaluada Diseño»."""
    primera = crudo.descripcion[0] if crudo.descripcion else None
    coincidencia = segmentador.AREA_EVALUADA.match(primera.texto) if primera else None
    if coincidencia is None:
        return ""
    area = coincidencia.group("area").strip(" ,.;:")
    if primera.ocr and area and not areas().conoce(area):
        # Escaneada, la fila trae pedazos del borde de sus celdas («l Eficacia E]»,
        # «Eficiencia pee]»): el área conocida que está dentro.
        area = areas().buscar_en(area) or area
    return area


def _area(crudo: segmentador.ProcedimientoCrudo, descripcion: str) -> str:
    if crudo.area:  # «PROCEDIMIENTO III – DISEÑO»
        return crudo.area
    if area := _area_en_fila(crudo):
        return area
    negritas = _negritas_unidas(crudo.descripcion)
    if any(_titulo_en_negritas(negrita) for negrita in negritas):
        negritas = []  # todo el encabezado en negritas: no marcan el área
    for negrita in negritas:
        limpia = negrita.strip(" ,.;:")
        if limpia and not limpia.lower().startswith("procedimiento") and limpia in descripcion:
            return limpia
    if crudo.descripcion and areas().conoce(primera := crudo.descripcion[0].texto.strip(" ,.;:")):
        # El área en su propio renglón, sin negritas que la marquen (un escaneo): «Eficiencia»
        # antes de «Evaluación de la Efi ciencia en el uso de los recursos…», donde el OCR
        # partió la palabra.
        return primera
    candidatas = [c.group("area").strip() for c in AREA_EN_DESCRIPCION.finditer(descripcion)]
    conocidas = [c for c in candidatas if areas().conoce(c)]
    por_prefijo = [p for p in map(areas().prefijo_conocido, candidatas) if p]
    return (conocidas or por_prefijo or candidatas or [areas().buscar_en(descripcion) or ""])[0]


# «Procedimiento 2.-» tiene dos o tres palabras («Procedimiento No. 2»); con más, las negritas
# siguen en la descripción: «Procedimiento 2.- Identificación y análisis de la Medición…».
PALABRAS_DEL_ENCABEZADO = 3


def _titulo_en_negritas(negrita: str) -> bool:
    """¿Sigue la negrita del encabezado en la descripción? Entonces toda ella va en negritas."""
    palabras = negrita.split()
    return (
        bool(palabras)
        and palabras[0].lower().startswith("procedimiento")
        and len(palabras) > PALABRAS_DEL_ENCABEZADO
    )


def _negritas_unidas(lineas: list[Linea]) -> list[str]:
    """Los tramos en negritas, uniendo el que cierra una línea con el que abre la siguiente (un
    área escrita en dos renglones: «Planeación y Orientación» + «a Resultados»)."""
    tramos: list[str] = []
    cierra_linea = False
    for linea in lineas:
        for indice, negrita in enumerate(linea.negritas):
            abre_linea = indice == 0 and linea.texto.strip().startswith(negrita.strip())
            if tramos and cierra_linea and abre_linea:
                tramos[-1] = f"{tramos[-1].rstrip()} {negrita.strip()}"
            else:
                tramos.append(negrita)
        ultima = linea.negritas[-1].strip() if linea.negritas else ""
        cierra_linea = bool(ultima) and linea.texto.strip().endswith(ultima)
    return tramos


def _procedimiento(
    crudo: segmentador.ProcedimientoCrudo,
    alertas: list[Alerta],
    ajustes: AjustesDisposicion,
    ultimos: dict[str, int] | None = None,
    desplazamientos: dict[str, int] | None = None,
) -> Procedimiento:
    """Un procedimiento con sus bloques partidos en incisos; lo dudoso va a `alertas`.
    `ultimos`: el último número de resultados y recomendaciones en los procedimientos
    anteriores (se actualiza); si la lista continúa de corrido, su desplazamiento va a
    `desplazamientos`."""
    ultimos = {} if ultimos is None else ultimos
    desplazamientos = {} if desplazamientos is None else desplazamientos
    descripcion = texto_de(crudo.descripcion)
    # El título de la fila de la ficha no es parte de la descripción: «Objetivo específico |
    # Análisis de la Economía…».
    rotulo = ROTULO_DE_DESCRIPCION.match(descripcion)
    descripcion = descripcion[rotulo.end() :] if rotulo else descripcion
    area = _area(crudo, descripcion)
    procedimiento = Procedimiento(
        numero=crudo.numero,
        pagina=crudo.pagina,
        area=area,
        area_normalizada=areas().normalizar(area) if area else "",
        descripcion=descripcion,
    )
    salida: list[str] = [*crudo.consumido, rotulo.group() if rotulo else "", descripcion]
    dudas = [] if crudo.bloques else ["No tiene bloques de resultados ni recomendaciones."]
    dudas.extend(crudo.dudas)
    bloques = list(crudo.bloques)
    indice = 0
    while indice < len(bloques):
        bloque = bloques[indice]
        indice += 1
        if bloque.tipo == segmentador.BLOQUE_VALORACION:
            cierre, descartado = segmentador.partir_valoracion(bloque.lineas)
            procedimiento.cierre.extend([cierre] if cierre else [])
            salida.extend([cierre, *descartado])
            continue
        siguiente = _bloque_faltante(bloque.tipo, [b.tipo for b in bloques])
        corrida = bloque.tipo in LISTAS_DE_CORRIDO
        desplazamiento = (
            segmentador.desplazamiento_de_lista(bloque.lineas, ultimos.get(bloque.tipo, 0))
            if corrida
            else 0
        )
        incisos = segmentador.partir_incisos(
            bloque.lineas,
            con_cierre=bloque.tipo == "justificacion",
            ajustes=ajustes,
            puede_reiniciar=siguiente is not None,
            desplazamiento=desplazamiento,
        )
        if corrida and incisos.items:
            ultimos[bloque.tipo] = desplazamiento + incisos.items[-1].numero
        if desplazamiento:
            desplazamientos[bloque.tipo] = desplazamiento
        if incisos.reinicio and siguiente:
            # El OCR no leyó el encabezado del bloque siguiente: la lista que vuelve a empezar
            # en 1 es ese bloque.
            bloques.insert(indice, segmentador.Bloque(siguiente, incisos.reinicio))
        salida.extend([*(i.texto for i in incisos.items), *incisos.cierre, *incisos.descartado])
        dudas.extend(incisos.dudas)
        if bloque.tipo == "resultados":
            procedimiento.resultados.extend(incisos.items)
        elif bloque.tipo == "recomendaciones":
            procedimiento.recomendaciones.extend(_como(Recomendacion, incisos.items))
        else:
            procedimiento.justificaciones.extend(_como(Justificacion, incisos.items))
            procedimiento.cierre.extend(incisos.cierre)
    cuadre = invariantes.diferencia((x.texto for x in crudo.fuente), salida)
    dudas.extend([cuadre] if cuadre else [])
    dudas.extend(_recomendaciones_entre_resultados(procedimiento))
    dudas.extend(_respuesta_dentro(procedimiento))
    if any(x.ocr for x in crudo.fuente):
        dudas.extend(_recomendaciones_pegadas(procedimiento))
    alertas.extend(Alerta(crudo.numero, TIPO_DUDA, duda) for duda in dudas)
    return procedimiento


# El título de la fila de la descripción en la ficha de un procedimiento, antes de ella:
# «Objetivo específico Evaluación de la Eficiencia en el uso de los recursos del Programa…».
ROTULO_DE_DESCRIPCION = re.compile(
    r"^\s*(?:Objetivos?\s+espec[ií]ficos?|OBJETIVOS?\s+ESPEC[IÍ]FICOS?)\s*[:|.-]?\s*"
    r"(?=[A-ZÁÉÍÓÚÑ])"
)
ORDEN_DE_BLOQUES = ("resultados", "recomendaciones", "justificacion")
# Las listas que un Word puede numerar de corrido en todo el informe (las justificaciones, «1)»,
# «2)»…, reinician en cada procedimiento).
LISTAS_DE_CORRIDO = ("resultados", "recomendaciones")
# Para leer todos los números que cita una justificación, sin tope.
TOPE_DE_CITAS = 999


def _citas_fuera_de_la_lista(procedimiento: Procedimiento, desplazamiento: int) -> list[Alerta]:
    """Con las recomendaciones numeradas de corrido (7 a 12), una justificación que cita otro
    número («recomendación 3») es dudosa: no se sabe a cuál se refiere."""
    total = len(procedimiento.recomendaciones)
    alertas = []
    for justificacion in procedimiento.justificaciones:
        citadas = estatus.referencias_numericas(justificacion.texto, TOPE_DE_CITAS)
        fuera = [n for n in citadas if not desplazamiento < n <= desplazamiento + total]
        if fuera:
            cuales = ", ".join(str(n) for n in fuera)
            alertas.append(
                Alerta(
                    procedimiento.numero,
                    TIPO_DUDA,
                    f"La justificación {justificacion.numero} cita la recomendación {cuales}, "
                    f"fuera de la numeración de corrido del procedimiento "
                    f"({desplazamiento + 1} a {desplazamiento + total}).",
                )
            )
    return alertas


# Una recomendación empieza con un verbo en infinitivo («Implementar un Diagrama de Flujo…»,
# «Elaborar un diagnóstico…»); un resultado no («No presenta…», «El ente público…»).
EMPIEZA_CON_INFINITIVO = re.compile(r"^[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{2,}(?:ar|er|ir)\b")


def _recomendaciones_entre_resultados(procedimiento: Procedimiento) -> list[str]:
    """Si el OCR perdió el encabezado «Recomendaciones» y la lista no volvió a empezar, las
    recomendaciones quedan entre los resultados sin que nada lo note: un procedimiento sin
    recomendaciones con resultados que empiezan como recomendación queda en duda."""
    if procedimiento.recomendaciones:
        return []
    parecidos = [
        str(x.numero) for x in procedimiento.resultados if EMPIEZA_CON_INFINITIVO.match(x.texto)
    ]
    if not parecidos:
        return []
    cuales = (
        f"El resultado {parecidos[0]} empieza como recomendación"
        if len(parecidos) == 1
        else f"Los resultados {', '.join(parecidos)} empiezan como recomendaciones"
    )
    return [
        f"{cuales} (con un verbo en infinitivo) y el procedimiento no tiene recomendaciones: "
        "puede faltar el encabezado «Recomendaciones»."
    ]


def _respuesta_dentro(procedimiento: Procedimiento) -> list[str]:
    """Un resultado o una recomendación que cita una recomendación o da un veredicto («…
    Elaborar evidencia documental. Posicionamiento de la entidad fiscalizada … i) Atendiendo al
    ASM-04, … se considera atendido.»), o que lleva dentro un título de bloque de varias
    palabras: se le pegó la respuesta del ente o la valoración, porque un encabezado no se
    reconoció. Una duda por inciso, con la frase."""
    dudas = []
    for tipo, items in (("El resultado", procedimiento.resultados),
                        ("La recomendación", procedimiento.recomendaciones)):  # fmt: skip
        for item in items:
            frase = estatus.frase_de_respuesta(item.texto)
            if frase:
                dudas.append(
                    f"{tipo} {item.numero} dice «{frase}», como una respuesta del ente o una "
                    "valoración: puede habérsele pegado el bloque siguiente."
                )
            titulo = segmentador.titulo_de_bloque_dentro(item.texto)
            if titulo and not frase:
                dudas.append(
                    f"{tipo} {item.numero} lleva dentro el título «{titulo}»: puede "
                    "habérsele pegado el bloque siguiente."
                )
    return dudas


def _recomendaciones_pegadas(procedimiento: Procedimiento) -> list[str]:
    """En un escaneo, una recomendación con otra oración que empieza como recomendación (con
    un verbo en infinitivo: «Documentar mecanismos de transparencia… Elaborar un manual…»)
    puede ser dos: el OCR no leyó el número de la segunda y nada después lo delata (la última
    fila de una tabla). Queda la duda."""
    dudas = []
    for recomendacion in procedimiento.recomendaciones:
        otras = oraciones(recomendacion.texto)[1:]
        if oracion := next((o for o in otras if EMPIEZA_CON_INFINITIVO.match(o)), None):
            dudas.append(
                f"La recomendación {recomendacion.numero} tiene otra oración que empieza como "
                f"recomendación («{oracion[:40]}…»): puede faltar el número de la siguiente."
            )
    return dudas


def _bloque_faltante(tipo: str, presentes: list[str]) -> str | None:
    """El bloque que sigue a `tipo` en el orden del informe, si no apareció su encabezado."""
    if tipo not in ORDEN_DE_BLOQUES:
        return None
    siguientes = ORDEN_DE_BLOQUES[ORDEN_DE_BLOQUES.index(tipo) + 1 :]
    return siguientes[0] if siguientes and siguientes[0] not in presentes else None


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
                tipo=TIPO_NUMERACION,
                detalle=f"Los procedimientos van numerados {numeros}; se esperaba {esperados}.",
            )
        )
    return alertas
