"""Séptima tanda de maquetas reservadas (`tests/generador/RESERVADAS7.md`; quien mida no debe
leerlo antes de medir): `expediente` y `cuadernillo`. Se dibujan aparte, con su propia historia,
con los mismos textos del oficio y de las secciones que las demás maquetas (lo que da los
metadatos de la verdad); la verdad sale de `informe.esperado` como en todas.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from tests.generador.informe import InformeSintetico, clave_expediente, fecha_texto
from tests.generador.pdf import NOTA_ILPES, SECCIONES, Maqueta, _cursiva

VERDE = Color(0.0, 0.36, 0.24)
VERDE_CLARO = Color(0.89, 0.95, 0.91)
GRIS_7 = Color(0.85, 0.85, 0.85)
# Tamaño de la hoja y márgenes (izquierdo, derecho, arriba, abajo) de cada maqueta.
HOJAS_7 = {"expediente": A4, "cuadernillo": letter}
MARGENES_7 = {"expediente": (71, 71, 84, 72), "cuadernillo": (64, 50, 86, 84)}
TITULOS_EXPEDIENTE = ["Resumen ejecutivo", "Criterios de selección", "Objetivo de la auditoría",
                      "Alcance de la auditoría", "Servidores públicos que intervinieron en la auditoría",
                      SECCIONES[5], "Observaciones, recomendaciones y acciones promovidas",
                      "Dictamen de la auditoría"]  # fmt: skip
APARTADOS = ["PRIMERO", "SEGUNDO", "TERCERO", "CUARTO", "QUINTO", "SEXTO", "SÉPTIMO", "OCTAVO"]
LETRAS = "abcdefghijklmnopqrstuvwxyz"


def _estilos(m: Maqueta) -> dict[str, ParagraphStyle]:
    expediente = m.septima == "expediente"
    base = ParagraphStyle("cuerpo7", fontName=m.fuente, fontSize=m.tamano, leading=m.tamano * m.interlineado,
                          alignment=TA_LEFT if expediente else TA_JUSTIFY, spaceAfter=m.tamano * m.espacio_cuerpo,
                          firstLineIndent=m.sangria_parrafo)  # fmt: skip
    sin = dict(firstLineIndent=0)
    item = dict(leftIndent=22, firstLineIndent=-22, spaceAfter=m.tamano * m.espacio_item)
    return {
        "cuerpo": base,
        "plano": ParagraphStyle("plano7", parent=base, **sin),
        "derecha": ParagraphStyle("derecha7", parent=base, alignment=TA_RIGHT, **sin),
        "centro": ParagraphStyle("centro7", parent=base, alignment=TA_CENTER, **sin),
        "portada": ParagraphStyle(
            "portada7",
            parent=base,
            fontName=m.negrita,
            fontSize=13,
            leading=17,
            alignment=TA_CENTER,
            textColor=VERDE,
            spaceAfter=2,
            **sin,
        ),
        "seccion": ParagraphStyle(
            "seccion7",
            parent=base,
            fontName=m.negrita,
            fontSize=m.tamano + 1,
            leading=(m.tamano + 1) * 1.25,
            textColor=VERDE if expediente else Color(0, 0, 0),
            alignment=TA_LEFT if expediente else TA_CENTER,
            spaceAfter=0,
            **sin,
        ),
        "apartado": ParagraphStyle(
            "apartado7",
            parent=base,
            fontSize=m.tamano - 1,
            leading=m.tamano * 1.2,
            alignment=TA_CENTER,
            spaceBefore=m.tamano * m.espacio_titulo,
            spaceAfter=1,
            keepWithNext=1,
            **sin,
        ),
        "bloque": ParagraphStyle(
            "bloque7",
            parent=base,
            fontName=m.negrita,
            textColor=VERDE,
            spaceBefore=m.tamano * 0.7,
            spaceAfter=m.tamano * 0.3,
            keepWithNext=1,
            **sin,
        ),
        "etiqueta": ParagraphStyle(
            "etiqueta7",
            parent=base,
            spaceBefore=m.tamano * 0.3,
            spaceAfter=0,
            keepWithNext=1,
            **sin,
        ),
        "recomendacion": ParagraphStyle(
            "recomendacion7", parent=base, leftIndent=22, spaceAfter=m.tamano * 0.5, **sin
        ),
        "item": ParagraphStyle("item7", parent=base, **item),
        "cierre": ParagraphStyle(
            "cierre7",
            parent=base,
            fontName=m.negrita,
            backColor=VERDE_CLARO,
            borderPadding=4,
            leftIndent=4,
            rightIndent=4,
            spaceBefore=4,
            spaceAfter=m.tamano,
            **sin,
        ),
        "celda": ParagraphStyle(
            "celda7", parent=base, leading=m.tamano * 1.25, spaceAfter=0, alignment=TA_LEFT, **sin
        ),
        "celda_item": ParagraphStyle(
            "celda_item7",
            parent=base,
            leading=m.tamano * 1.25,
            spaceAfter=0,
            alignment=TA_LEFT,
            leftIndent=20,
            firstLineIndent=-20,
        ),
        "rotulo": ParagraphStyle(
            "rotulo7",
            parent=base,
            fontName=m.negrita,
            fontSize=m.tamano - 1.5,
            leading=(m.tamano - 1.5) * 1.25,
            spaceAfter=0,
            alignment=TA_LEFT,
            **sin,
        ),
        "descripcion": ParagraphStyle(
            "descripcion7",
            parent=base,
            fontName=_cursiva(m),
            fontSize=m.tamano - 0.5,
            spaceBefore=3,
            **sin,
        ),
    }


def _titulo(m: Maqueta, indice: int, e: dict, ancho: float) -> list[Flowable]:
    """`expediente`: el número en un cuadro verde y el título en mayúsculas, sobre una raya;
    `cuadernillo`: «APARTADO SEXTO» y, abajo, el título, centrados."""
    if m.septima == "expediente":
        numero = Paragraph(f'<font color="white">{indice + 1}</font>', e["seccion"])
        titulo = Paragraph(escape(TITULOS_EXPEDIENTE[indice].upper()), e["seccion"])
        tabla = Table([[numero, titulo]], colWidths=[22, ancho - 22], hAlign="LEFT")
        tabla.setStyle(TableStyle([("BACKGROUND", (0, 0), (0, 0), VERDE), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                   ("ALIGN", (0, 0), (0, 0), "CENTER"), ("LINEBELOW", (1, 0), (1, 0), 0.8, VERDE),
                                   ("LEFTPADDING", (1, 0), (1, 0), 8), ("TOPPADDING", (0, 0), (-1, -1), 3),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))  # fmt: skip
        return [CondPageBreak(m.tamano * 8), Spacer(1, m.tamano * m.espacio_titulo), tabla,
                Spacer(1, m.tamano * 0.6)]  # fmt: skip
    return [CondPageBreak(m.tamano * 8), Paragraph(f"APARTADO {APARTADOS[indice]}", e["apartado"]),
            Paragraph(escape(SECCIONES[indice]), e["seccion"]), Spacer(1, m.tamano * 0.7)]  # fmt: skip


def _procedimiento_expediente(
    m: Maqueta, informe: InformeSintetico, proc, e: dict, ancho: float
) -> list[Flowable]:
    """Ficha de dos renglones entre rayas verdes; «Hechos verificados» con incisos «(a)»; cada
    recomendación con su clave de expediente en un renglón propio; la valoración de la ASE antes
    de la respuesta de la entidad."""
    ficha = Table([[Paragraph(f"<b>PROCEDIMIENTO {proc.numero}</b>", e["celda"]),
                    Paragraph(f"<b>{escape(proc.area)}</b>", e["celda"])],
                   [Paragraph("Objetivo específico", e["celda"]), Paragraph(escape(proc.descripcion), e["celda"])]],
                  colWidths=[112, ancho - 112], hAlign="LEFT")  # fmt: skip
    ficha.setStyle(TableStyle([("LINEABOVE", (0, 0), (-1, 0), 1.4, VERDE), ("LINEBELOW", (0, -1), (-1, -1), 1.4, VERDE),
                               ("LINEBELOW", (0, 0), (-1, 0), 0.4, GRIS_7), ("BACKGROUND", (0, 0), (-1, 0), VERDE_CLARO),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 4),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))  # fmt: skip
    partes: list[Flowable] = [
        CondPageBreak(m.tamano * 10),
        Spacer(1, m.tamano),
        ficha,
        Spacer(1, m.tamano * 0.4),
    ]
    if proc.resultados:
        partes.append(Paragraph("Hechos verificados", e["bloque"]))
        partes += [Paragraph(f"({LETRAS[i]})&nbsp; {escape(texto)}", e["item"])
                   for i, texto in enumerate(proc.resultados)]  # fmt: skip
    for i, texto in enumerate(proc.recomendaciones, 1):
        clave = clave_expediente(informe, proc.numero, i)
        partes += [Paragraph(f"<b>Recomendación {clave}</b>", e["etiqueta"]),
                   Paragraph(escape(texto), e["recomendacion"])]  # fmt: skip
    if proc.justificaciones is not None and (proc.justificaciones or proc.recomendaciones):
        if proc.cierre:
            partes.append(Paragraph("Valoración de la Auditoría Superior", e["bloque"]))
            partes += [Paragraph(f"<i>{escape(c)}</i>", e["cierre"]) for c in proc.cierre]
        partes.append(Paragraph("Respuesta de la entidad fiscalizada", e["bloque"]))
        if proc.justificaciones:
            partes += [
                Paragraph(f"\u25a0&nbsp; {escape(j.texto)}", e["item"])
                for j in proc.justificaciones
            ]
        else:
            partes.append(
                Paragraph(
                    "La entidad fiscalizada no remitió respuesta para este procedimiento.",
                    e["plano"],
                )
            )
    return partes


def _procedimiento_cuadernillo(
    m: Maqueta, informe: InformeSintetico, proc, e: dict, ancho: float
) -> list[Flowable]:
    """Una franja gris «PROCEDIMIENTO 3 DE 7» con el área a la derecha, la descripción en
    cursivas y los bloques en una tabla sin bordes: el rótulo del bloque en la columna de la
    izquierda (en su primer renglón) y sus incisos a la derecha, con una raya entre columnas."""
    total = len(informe.procedimientos)
    franja = Table([[Paragraph(f"<b>PROCEDIMIENTO {proc.numero} DE {total}</b>", e["celda"]),
                     Paragraph(f"<b>{escape(proc.area)}</b>", ParagraphStyle("area7", parent=e["celda"],
                                                                             alignment=TA_RIGHT))]],
                   colWidths=[ancho * 0.4, ancho * 0.6], hAlign="LEFT")  # fmt: skip
    franja.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), GRIS_7), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))  # fmt: skip
    partes: list[Flowable] = [CondPageBreak(m.tamano * 12), Spacer(1, m.tamano * 0.8), franja,
                              Paragraph(escape(proc.descripcion), e["descripcion"])]  # fmt: skip
    bloques: list[tuple[str, list[Paragraph]]] = []
    if proc.resultados:
        rotulo = "Resultados" if len(proc.resultados) != 1 else "Resultado"
        bloques.append((rotulo, [Paragraph(f"{i}.&nbsp; {escape(t)}", e["celda_item"])
                                 for i, t in enumerate(proc.resultados, 1)]))  # fmt: skip
    if proc.recomendaciones:
        rotulo = "Recomendaciones" if len(proc.recomendaciones) != 1 else "Recomendación"
        bloques.append((rotulo, [Paragraph(f"{i}.ª&nbsp; {escape(t)}", e["celda_item"])
                                 for i, t in enumerate(proc.recomendaciones, 1)]))  # fmt: skip
    if proc.justificaciones is not None and (proc.justificaciones or proc.recomendaciones):
        respuesta = [Paragraph(f"{LETRAS[i]}.&nbsp; {escape(j.texto)}", e["celda_item"])
                     for i, j in enumerate(proc.justificaciones)]  # fmt: skip
        bloques.append(("Respuesta de la entidad", respuesta or [
            Paragraph("Sin respuesta de la entidad fiscalizada para este procedimiento.", e["celda"])]))  # fmt: skip
        if proc.cierre:
            bloques.append(("Conclusión de la ASE", [Paragraph(f"<b>{escape(c)}</b>", e["celda"])
                                                     for c in proc.cierre]))  # fmt: skip
    if not bloques:
        return partes
    filas, estilo = [], [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEAFTER", (0, 0), (0, -1), 0.6, Color(0.5, 0.5, 0.5)),
                         ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                         ("LEFTPADDING", (1, 0), (1, -1), 9)]  # fmt: skip
    for rotulo, items in bloques:
        if filas:
            estilo += [("LINEABOVE", (0, len(filas)), (-1, len(filas)), 0.3, GRIS_7),
                       ("TOPPADDING", (0, len(filas)), (-1, len(filas)), 6)]  # fmt: skip
        for i, item in enumerate(items):
            filas.append([Paragraph(rotulo, e["rotulo"]) if i == 0 else "", item])
    tabla = Table(filas, colWidths=[100, ancho - 100], hAlign="LEFT")
    tabla.setStyle(TableStyle(estilo))
    return [*partes, Spacer(1, m.tamano * 0.4), tabla]


def historia_7(informe: InformeSintetico, m: Maqueta) -> list[Flowable]:
    e = _estilos(m)
    expediente = m.septima == "expediente"
    izquierda, derecha, _, _ = MARGENES_7[m.septima]
    ancho = HOJAS_7[m.septima][0] - izquierda - derecha - 12

    def p(texto: str, estilo: str = "cuerpo") -> Paragraph:
        return Paragraph(texto, e[estilo])

    def t(indice: int) -> list[Flowable]:
        return _titulo(m, indice, e, ancho)

    programa, ente = escape(informe.programa), escape(informe.ente)
    al = "a la" if informe.ente.startswith("Comisión") else "al"
    partes: list[Flowable] = []
    if expediente:
        partes += [p("INFORME INDIVIDUAL DE AUDITORÍA DE DESEMPEÑO", "portada"),
                   p(f"Cuenta Pública {informe.ejercicio}", "centro"), Spacer(1, 10)]  # fmt: skip
    partes += [
        p(f"{informe.lugar}, a {fecha_texto(informe.fecha)}", "plano" if expediente else "derecha"),
        p(f"<b>{informe.titulo_destinatario} {escape(informe.destinatario.upper())}<br/>PRESIDENTE DE LA COMISIÓN DE "
          "VIGILANCIA<br/>DE LA AUDITORÍA SUPERIOR DEL ESTADO</b>", "plano"),
        p("En cumplimiento a lo establecido en los artículos 116 fracción II de la Constitución Política de los Estados "
          "Unidos Mexicanos y 76 de la Constitución Política del Estado de Tamaulipas, me permito remitir a esa Comisión "
          f"de Vigilancia el <b>Informe Individual de la Auditoría de Desempeño No. {informe.numero}</b> practicada "
          f"{al} <b>{ente}, al Programa {programa}</b>, correspondiente a los recursos del ejercicio "
          f"<b>{informe.ejercicio}</b>, respecto al cumplimiento de metas y objetivos, su consistencia y orientación a "
          "resultados. Otros marcos de referencia: la Metodología de Marco Lógico emitida por el Instituto "
          "Latinoamericano y del Caribe de Planificación Económica y Social<super>1</super> (ILPES), la Guía MIR y la "
          "información de Presupuesto Basado en Resultados emitidos por la Secretaría de Hacienda y Crédito Público, así "
          "como los Términos de Referencia del Consejo Nacional de Evaluación de la Política de Desarrollo Social para la "
          "evaluación de consistencia y resultados de los programas presupuestarios municipales y estatales."),
        *t(0),
        p(f"El Programa {programa}, que coordinó el {ente} durante el ejercicio {informe.ejercicio}, atiende a la "
          "población en situación de vulnerabilidad del municipio. " * 2),
        *t(1),
        p("Esta Auditoría se realizó conforme a los criterios establecidos en el Programa Anual de Auditoría, aprobado por "
          f"la Comisión de Vigilancia mediante oficio número {informe.oficios[0][0]}, con fecha "
          f"{fecha_texto(informe.oficios[0][1])}, de conformidad con la Ley de Fiscalización y Rendición de Cuentas."),
        *t(2),
        p("Verificar el cumplimiento de metas y objetivos del programa, así como evaluar su consistencia y resultados."),
        *t(3),
        p(f"Realizar la revisión del Programa <b>{programa}</b>, correspondiente al ejercicio {informe.ejercicio}, "
          f"instrumentado a través del {ente}, en términos del objetivo de auditoría."),
        *t(4),
        p("Para la realización de la auditoría se designó formalmente a los auditores CC. "
          + ", ".join(informe.auditores[:-1]) + f" y {informe.auditores[-1]}."),
        *t(5),
    ]  # fmt: skip
    dibujar = _procedimiento_expediente if expediente else _procedimiento_cuadernillo
    for proc in informe.procedimientos:
        partes += dibujar(m, informe, proc, e, ancho)
    notificacion, respuesta = informe.oficios[1], informe.oficios[2]
    excepcion = (", a excepción de aquellas que no se mencionaron en el apartado de justificación"
                 if informe.respuesta_general else "")  # fmt: skip
    partes += [
        *t(6),
        p(f"Se turnó OFICIO No. {notificacion[0]} de fecha {fecha_texto(notificacion[1])}, mediante el cual se le "
          "notificó la Cédula de Resultados y Observaciones Preliminares, y se estableció el plazo de 5 días hábiles para "
          f"presentar la solventación, obteniendo respuesta mediante Oficio número {respuesta[0]} recibido el "
          f"{fecha_texto(respuesta[1])}, mediante el cual la dependencia presentó la posición institucional a la "
          f"solventación de las recomendaciones con el debido soporte{excepcion}."),
        *t(7),
        p(f"La Auditoría de Desempeño No. {informe.numero} practicada al Programa {programa}, correspondiente a los "
          f"recursos del ejercicio {informe.ejercicio}, fue planeada y desarrollada conforme al objetivo y alcance "
          "establecidos, y se aplicaron los procedimientos de auditoría que se estimaron necesarios."),
    ]  # fmt: skip
    if informe.dictamen == "se abstiene de opinar":
        partes.append(p("Por las limitaciones en la evidencia proporcionada, esta Auditoría Superior "
                        f"<b>{informe.dictamen_texto}</b> sobre el desempeño del programa."))  # fmt: skip
    elif informe.dictamen:
        partes.append(p(f"En conclusión, sobre el desempeño del Programa, éste <b>{informe.dictamen_texto}</b> con los "
                        "objetivos del programa en términos de eficacia."))  # fmt: skip
    nombre = f"ING. {escape(informe.auditor_superior.upper())}"
    if expediente:
        firma = [Spacer(1, 26), p("ATENTAMENTE", "plano"), Spacer(1, 34), p("EL AUDITOR SUPERIOR DEL ESTADO", "plano"),
                 p(nombre, "plano")]  # fmt: skip
    else:
        firma = [Spacer(1, 22), p("<b>ATENTAMENTE</b>", "centro"), p("SUFRAGIO EFECTIVO. NO REELECCIÓN.", "centro"),
                 Spacer(1, 30), p("EL AUDITOR SUPERIOR DEL ESTADO", "centro"), p(nombre, "centro")]  # fmt: skip
    partes.append(KeepTogether(firma))
    return partes


def _pagina_expediente(
    canvas, m: Maqueta, informe: InformeSintetico, pagina: int, total: int
) -> None:
    """Encabezado a dos lados sobre una raya verde; al pie, la cuenta pública a la izquierda y
    «- N -» al centro."""
    ancho, alto = A4
    izquierda, derecha, _, _ = MARGENES_7["expediente"]
    x0, x1 = izquierda, ancho - derecha
    canvas.setFillColor(VERDE)
    canvas.setFont(m.negrita, 8.5)
    canvas.drawString(x0, alto - 42, "AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS")
    canvas.setFont(m.fuente, 8)
    canvas.drawString(x0, alto - 53, "Auditoría Especial para el Desempeño")
    canvas.drawRightString(x1, alto - 42, "Informe Individual de Auditoría")
    canvas.drawRightString(x1, alto - 53, informe.numero)
    canvas.setStrokeColor(VERDE)
    canvas.setLineWidth(1.5)
    canvas.line(x0, alto - 60, x1, alto - 60)
    canvas.setStrokeGray(0.6)
    canvas.setLineWidth(0.4)
    canvas.line(x0, 50, x1, 50)
    canvas.setFillGray(0.3)
    canvas.setFont(m.fuente, 7.5)
    canvas.drawString(x0, 38, f"Cuenta Pública {informe.ejercicio}")
    canvas.setFillGray(0)
    canvas.setFont(m.fuente, 9)
    canvas.drawCentredString((x0 + x1) / 2, 37, f"- {pagina} -")


def _pagina_cuadernillo(
    canvas, m: Maqueta, informe: InformeSintetico, pagina: int, total: int
) -> None:
    """En la primera página, un membrete con un escudo; en las demás, el informe en cursivas a
    la derecha sobre una raya. Al pie, una tira de tres celdas con bordes."""
    ancho, alto = letter
    izquierda, derecha, _, _ = MARGENES_7["cuadernillo"]
    x0, x1 = izquierda, ancho - derecha
    canvas.setStrokeGray(0)
    if pagina == 1:
        canvas.setLineWidth(1)
        canvas.roundRect(x0, alto - 78, 40, 46, 6, stroke=1, fill=0)
        canvas.setFont(m.negrita, 11)
        canvas.drawCentredString(x0 + 20, alto - 54, "ASE")
        canvas.setFont(m.fuente, 5.5)
        canvas.drawCentredString(x0 + 20, alto - 64, "TAMPS.")
        medio = (x0 + 48 + x1) / 2
        canvas.setFont(m.negrita, 11)
        canvas.drawCentredString(medio, alto - 48, "AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS")
        canvas.setFont(_cursiva(m), 8.5)
        canvas.drawCentredString(medio, alto - 61, "Auditoría Especial para el Desempeño")
        canvas.setLineWidth(1.2)
        canvas.line(x0 + 48, alto - 68, x1, alto - 68)
        canvas.setLineWidth(0.4)
        canvas.line(x0 + 48, alto - 71, x1, alto - 71)
    else:
        canvas.setFont(_cursiva(m), 8)
        canvas.setFillGray(0.25)
        canvas.drawRightString(
            x1, alto - 50, f"Informe Individual de Auditoría de Desempeño · {informe.numero}"
        )
        canvas.setLineWidth(0.5)
        canvas.line(x0, alto - 56, x1, alto - 56)
    canvas.setFillGray(0)
    canvas.setLineWidth(0.6)
    y0, y1 = 34, 50
    canvas.rect(x0, y0, x1 - x0, y1 - y0, stroke=1, fill=0)
    tercio = (x1 - x0) / 3
    canvas.line(x0 + tercio, y0, x0 + tercio, y1)
    canvas.line(x0 + 2 * tercio, y0, x0 + 2 * tercio, y1)
    canvas.setFont(m.fuente, 7.5)
    canvas.drawCentredString(x0 + tercio / 2, y0 + 5, "ASE Tamaulipas")
    canvas.drawCentredString(x0 + tercio * 1.5, y0 + 5, f"Página {pagina} de {total}")
    canvas.drawCentredString(x0 + tercio * 2.5, y0 + 5, f"Cuenta Pública {informe.ejercicio}")


def construir_7(informe: InformeSintetico, m: Maqueta) -> bytes:
    """Las maquetas de la séptima tanda; `cuadernillo` se arma dos veces (el pie lleva el total)."""

    def armar(total: int) -> tuple[bytes, int]:
        memoria = io.BytesIO()
        hoja = HOJAS_7[m.septima]
        ancho, alto = hoja
        izquierda, derecha, arriba, abajo = MARGENES_7[m.septima]
        documento = BaseDocTemplate(memoria, pagesize=hoja, invariant=1, title="informe")
        pagina = _pagina_expediente if m.septima == "expediente" else _pagina_cuadernillo

        def dibujar(canvas, doc) -> None:
            canvas.saveState()
            pagina(canvas, m, informe, doc.page, total)
            if doc.page == 1:
                canvas.setFillGray(0)
                canvas.setFont(m.fuente, m.tamano * 0.7)
                canvas.drawString(izquierda, abajo - 12, NOTA_ILPES)
            canvas.restoreState()

        cuerpo = ancho - izquierda - derecha
        documento.addPageTemplates([
            PageTemplate("primera", [Frame(izquierda, abajo + 8, cuerpo, alto - arriba - abajo - 8, id="primera")],
                         onPage=dibujar, autoNextPageTemplate="resto"),
            PageTemplate("resto", [Frame(izquierda, abajo, cuerpo, alto - arriba - abajo, id="resto")], onPage=dibujar),
        ])  # fmt: skip
        documento.build(historia_7(informe, m))
        return memoria.getvalue(), documento.page

    total = armar(0)[1] if m.septima == "cuadernillo" else 0
    return armar(total)[0]
