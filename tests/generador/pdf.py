"""Dibuja un informe sintético como PDF real (reportlab), en varias maquetas, y como escaneo.

Maquetas: letra (Helvetica, Times), márgenes, encabezados y pies distintos, numeración de
páginas distinta, variantes de encabezados (mayúsculas, sin numerales romanos, con dos puntos) y
de numeración de incisos (`1.`, `1.-`, `1)`), y una nota al pie en la primera página que
interrumpe una oración.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Frame, PageTemplate, Paragraph, SimpleDocTemplate, Spacer

from tests.generador.informe import InformeSintetico, fecha_texto

ROMANOS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
SECCIONES = ["Resumen Ejecutivo", "Criterios de selección", "Objetivo", "Alcance",
             "Servidores públicos que intervinieron en la Auditoría",
             "Procedimientos de auditoría aplicados, resultados y recomendaciones de aspectos susceptibles de mejora (ASM)",
             "Observaciones, Recomendaciones y Acciones Promovidas", "Dictamen"]  # fmt: skip


@dataclass(frozen=True)
class Maqueta:
    nombre: str
    fuente: str
    negrita: str
    tamano: float
    margen: float
    encabezado: tuple[str, ...]
    pie: str  # {n}: número de página
    numeral: bool  # numerales romanos en las secciones
    mayusculas: bool  # encabezados de bloque en mayúsculas
    sufijo_bloque: str  # "." ":" ""
    numeracion: str  # "{n}." "{n}.-" "{n})"
    sangria: float


MAQUETAS = [
    Maqueta("a", "Helvetica", "Helvetica-Bold", 11, 72, ("AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS", "Auditoría Especial de Desempeño"),
            "Página {n}", True, False, ".", "{n}.", 14),
    Maqueta("b", "Times-Roman", "Times-Bold", 12, 60, ("ASE TAMAULIPAS · Informe Individual de Auditoría",),
            "{n}", True, True, ":", "{n}.-", 18),
    Maqueta("c", "Helvetica", "Helvetica-Bold", 10, 85, ("Auditoría Superior del Estado", "Informe de Auditoría de Desempeño"),
            "- {n} -", False, False, "", "{n})", 12),
]  # fmt: skip


def _estilos(m: Maqueta) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("cuerpo", fontName=m.fuente, fontSize=m.tamano, leading=m.tamano * 1.3,
                          alignment=TA_JUSTIFY, spaceAfter=m.tamano * 0.6)  # fmt: skip
    return {
        "cuerpo": base,
        "titulo": ParagraphStyle(
            "titulo", parent=base, fontName=m.negrita, spaceBefore=m.tamano * 0.4
        ),
        "item": ParagraphStyle(
            "item",
            parent=base,
            leftIndent=m.sangria + 12,
            firstLineIndent=-12,
            spaceAfter=m.tamano * 0.2,
        ),  # fmt: skip
        "nota": ParagraphStyle(
            "nota", parent=base, fontSize=m.tamano * 0.7, leading=m.tamano * 0.8
        ),
    }


def _bloque(m: Maqueta, nombre: str) -> str:
    return (nombre.upper() if m.mayusculas else nombre) + m.sufijo_bloque


def _seccion(m: Maqueta, indice: int) -> str:
    titulo = SECCIONES[indice]
    return f"{ROMANOS[indice]}. {titulo}" if m.numeral else titulo


def historia(informe: InformeSintetico, m: Maqueta) -> list:
    e = _estilos(m)
    p = lambda texto, estilo="cuerpo": Paragraph(texto, e[estilo])  # noqa: E731
    plural_res = lambda n: "Resultados" if n != 1 else "Resultado"  # noqa: E731
    partes = [
        p(f"{informe.lugar}, a {fecha_texto(informe.fecha)}"),
        p(f"{informe.titulo_destinatario} {escape(informe.destinatario.upper())}<br/>PRESIDENTE DE LA COMISIÓN DE VIGILANCIA<br/>"
          "DE LA AUDITORÍA SUPERIOR DEL ESTADO"),
        p("En cumplimiento a lo establecido en los artículos 116 fracción II de la Constitución Política de los Estados "
          "Unidos Mexicanos y 76 de la Constitución Política del Estado de Tamaulipas, me permito remitir a esa Comisión "
          f"de Vigilancia el <b>Informe Individual de la Auditoría de Desempeño No. {informe.numero}</b> practicada "
          f"{'a la' if informe.ente.startswith('Comisión') else 'al'} <b>{escape(informe.ente)}, al Programa {escape(informe.programa)}</b>, "
          f"correspondiente a los recursos del ejercicio <b>{informe.ejercicio}</b>, respecto al cumplimiento de metas y "
          "objetivos, su consistencia y orientación a resultados. Otros marcos de referencia: la Metodología de Marco Lógico "
          "emitida por el Instituto Latinoamericano y del Caribe de Planificación Económica y Social<super>1</super> (ILPES), la "
          "Guía MIR y la información de Presupuesto Basado en Resultados emitidos por la Secretaría de Hacienda y Crédito "
          "Público, así como los Términos de Referencia del Consejo Nacional de Evaluación de la Política de Desarrollo Social "
          "para la evaluación de consistencia y resultados de los programas presupuestarios municipales y estatales."),
        p(_seccion(m, 0), "titulo"),
        p(f"El Programa {escape(informe.programa)}, que coordinó el {escape(informe.ente)} durante el ejercicio "
          f"{informe.ejercicio}, atiende a la población en situación de vulnerabilidad del municipio. " * 2),
        p(_seccion(m, 1), "titulo"),
        p("Esta Auditoría se realizó conforme a los criterios establecidos en el Programa Anual de Auditoría, aprobado "
          f"por la Comisión de Vigilancia mediante oficio número {informe.oficios[0][0]}, con fecha "
          f"{fecha_texto(informe.oficios[0][1])}, de conformidad con la Ley de Fiscalización y Rendición de Cuentas."),
        p(_seccion(m, 2), "titulo"),
        p("Verificar el cumplimiento de metas y objetivos del programa, así como evaluar su consistencia y resultados."),
        p(_seccion(m, 3), "titulo"),
        p(f"Realizar la revisión del Programa <b>{escape(informe.programa)}</b>, correspondiente al ejercicio "
          f"{informe.ejercicio}, instrumentado a través del {escape(informe.ente)}, en términos del objetivo de auditoría."),
        p(_seccion(m, 4), "titulo"),
        p("Para la realización de la auditoría se designó formalmente a los auditores CC. "
          + ", ".join(informe.auditores[:-1]) + f" y {informe.auditores[-1]}."),
        p(_seccion(m, 5), "titulo"),
    ]  # fmt: skip
    for proc in informe.procedimientos:
        descripcion = escape(proc.descripcion).replace(
            escape(proc.area), f"<b>{escape(proc.area)}</b>", 1
        )
        partes += [p(f"Procedimiento {proc.numero}.", "titulo"), p(descripcion)]
        for titulo, items in ((plural_res(len(proc.resultados)), proc.resultados),
                              ("Recomendaciones" if len(proc.recomendaciones) != 1 else "Recomendación",
                               proc.recomendaciones)):  # fmt: skip
            if not items:
                continue
            partes.append(p(_bloque(m, titulo), "titulo"))
            partes += [
                p(f"{m.numeracion.format(n=i)} {escape(t)}", "item") for i, t in enumerate(items, 1)
            ]
        if proc.justificaciones is not None and (proc.justificaciones or proc.recomendaciones):
            partes.append(p(_bloque(m, "Justificación"), "titulo"))
            if not proc.justificaciones:
                partes.append(p("No se recibió justificación de la entidad fiscalizada."))
            partes += [p(f"{m.numeracion.format(n=i)} {escape(j.texto)}", "item")
                       for i, j in enumerate(proc.justificaciones, 1)]  # fmt: skip
            partes += [p(escape(c)) for c in proc.cierre]
    notificacion, respuesta = informe.oficios[1], informe.oficios[2]
    excepcion = (", a excepción de aquellas que no se mencionaron en el apartado de justificación"
                 if informe.respuesta_general else "")  # fmt: skip
    partes += [
        p(_seccion(m, 6), "titulo"),
        p(f"Se turnó OFICIO No. {notificacion[0]} de fecha {fecha_texto(notificacion[1])}, mediante el cual se le "
          "notificó la Cédula de Resultados y Observaciones Preliminares, y se estableció el plazo de 5 días hábiles para "
          f"presentar la solventación, obteniendo respuesta mediante Oficio número {respuesta[0]} recibido el "
          f"{fecha_texto(respuesta[1])}, mediante el cual la dependencia presentó la posición institucional a la "
          f"solventación de las recomendaciones con el debido soporte{excepcion}."),
        p(_seccion(m, 7), "titulo"),
        p(f"La Auditoría de Desempeño No. {informe.numero} practicada al Programa {escape(informe.programa)}, "
          f"correspondiente a los recursos del ejercicio {informe.ejercicio}, fue planeada y desarrollada conforme al "
          "objetivo y alcance establecidos, y se aplicaron los procedimientos de auditoría que se estimaron necesarios."),
    ]  # fmt: skip
    if informe.dictamen == "se abstiene de opinar":
        partes.append(p("Por las limitaciones en la evidencia proporcionada, esta Auditoría Superior "
                        f"<b>{informe.dictamen_texto}</b> sobre el desempeño del programa."))  # fmt: skip
    elif informe.dictamen:
        partes.append(p(f"En conclusión, sobre el desempeño del Programa, éste <b>{informe.dictamen_texto}</b> con los "
                        "objetivos del programa en términos de eficacia."))  # fmt: skip
    partes += [
        Spacer(1, 20),
        p("EL AUDITOR SUPERIOR DEL ESTADO"),
        Spacer(1, 30),
        p(f"ING. {escape(informe.auditor_superior.upper())}"),
    ]
    return partes


def _dibujar_pagina(m: Maqueta):
    def dibujar(canvas, documento) -> None:
        canvas.saveState()
        ancho, alto = letter
        canvas.setFont(m.negrita, m.tamano * 0.8)
        for i, linea in enumerate(m.encabezado):
            canvas.drawCentredString(ancho / 2, alto - 40 - i * m.tamano, linea)
        canvas.setFont(m.fuente, m.tamano * 0.8)
        canvas.drawCentredString(ancho / 2, 30, m.pie.format(n=documento.page))
        if documento.page == 1:
            canvas.setFont(m.fuente, m.tamano * 0.7)
            canvas.drawString(
                m.margen, 58, "1 El ILPES es un organismo permanente de la CEPAL, Naciones Unidas."
            )
        canvas.restoreState()

    return dibujar


def dibujar(informe: InformeSintetico, m: Maqueta) -> bytes:
    memoria = io.BytesIO()
    ancho, alto = letter
    documento = SimpleDocTemplate(memoria, pagesize=letter, invariant=1, title="informe")
    arriba = 50 + len(m.encabezado) * m.tamano
    primera = Frame(m.margen, 75, ancho - 2 * m.margen, alto - arriba - 75, id="primera")
    resto = Frame(m.margen, 50, ancho - 2 * m.margen, alto - arriba - 50, id="resto")
    documento.addPageTemplates([
        PageTemplate("primera", [primera], onPage=_dibujar_pagina(m), autoNextPageTemplate="resto"),
        PageTemplate("resto", [resto], onPage=_dibujar_pagina(m)),
    ])  # fmt: skip
    documento.build(historia(informe, m))
    return memoria.getvalue()


def escanear(pdf: bytes, semilla: int, ppp: int = 150) -> bytes:
    """Un escaneo: cada página como imagen gris, un poco girada y con ruido; sin capa de texto."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    r = random.Random(semilla)
    documento = pdfium.PdfDocument(pdf)
    imagenes = []
    for pagina in documento:
        imagen = pagina.render(scale=ppp / 72, grayscale=True).to_pil().convert("L")
        imagen = imagen.rotate(r.uniform(-0.8, 0.8), fillcolor=255, resample=Image.BICUBIC)
        ruido = Image.effect_noise(imagen.size, 18)
        imagen = Image.blend(imagen, ruido, 0.08).filter(ImageFilter.GaussianBlur(0.3))
        imagenes.append(imagen)
    documento.close()
    salida = io.BytesIO()
    imagenes[0].save(salida, "PDF", save_all=True, append_images=imagenes[1:], resolution=ppp)
    return salida.getvalue()


def escribir(informe: InformeSintetico, m: Maqueta, destino: Path, escaneado: bool = False,
             semilla: int = 0) -> Path:  # fmt: skip
    pdf = dibujar(informe, m)
    destino.write_bytes(escanear(pdf, semilla) if escaneado else pdf)
    return destino
