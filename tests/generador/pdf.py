"""Dibuja un informe sintético como PDF real (reportlab), en varias maquetas, y como escaneo.

Maquetas: letra (Helvetica, Times, Courier; 9 a 12 puntos), interlineado apretado (1.0-1.2) u
holgado (1.6-2.0), espacio entre párrafos de 0 a 3 veces el renglón, incisos al margen, con
sangría colgante o con sangría de primera línea, texto justificado o en bandera, márgenes,
bandas de encabezado y pie de 1 a 3 renglones (centradas, a un lado o alternando páginas pares
e impares, con una franja de logotipo), numeración de páginas distinta, variantes de
encabezados (mayúsculas, sin numerales romanos, con dos puntos, en dos renglones; el área del
procedimiento en negritas en uno o dos renglones), numeración de incisos (`1.`, `1.-`, `1)`,
`(1)`, `a)`, `1 .-`), cierres al principio de la página siguiente, y una nota al pie en la
primera página que interrumpe una oración.

`MAQUETAS` son las de ajuste (las que ve el corpus por omisión y las pruebas). `RESERVADAS`
(nombres «reservada-…») no se usan para ajustar nada: sólo se generan a petición
(`--reservadas`) para medir una vez al final, y rompen supuestos que ninguna otra maqueta (de
ajuste o reservada anterior) pone a prueba. Las de ahora, la séptima tanda, son
`reservada-expediente` y `reservada-cuadernillo`, con los cierres de
`informe.CIERRES_RESERVADOS_7`; lo que hace cada una está en `tests/generador/RESERVADAS7.md`
(no leerlo antes de medirlas; se dibujan en `tests/generador/septima.py`; la letra es TrueType
del sistema, `FAMILIAS_TTF`, y si falta se usa Helvetica). Las de la sexta tanda,
`reservada-formato` y `reservada-narrativa` (`tests/generador/RESERVADAS6.md`, dibujadas en
`_construir_6`, con su propia historia, `historia_6`), ya se midieron.

`RESERVADAS_MEDIDAS` fueron reservadas en tandas anteriores: ya se midieron y sirvieron para
corregir fallas, así que ya no cuentan como reservadas; siguen disponibles por nombre
(`--maquetas reservada-columnas,reservada-renglones`), pero `--reservadas` ya no las genera y
tampoco entran en el corpus por omisión ni en las pruebas:

- `reservada-portada` (hoja oficio con portada e índice, cada procedimiento como ficha
  «Procedimiento: 3», «Área evaluada: …», «Descripción: …», el cierre en un recuadro) y
  `reservada-consecutiva` (márgenes en espejo, secciones en arábigos, procedimientos como
  subsecciones «6.3 Área», resultados y recomendaciones numerados de corrido en todo el
  informe), la quinta tanda, con los cierres de `informe.CIERRES_RESERVADOS_5`: su detalle está
  en `tests/generador/RESERVADAS5.md` (se dibujan en `_construir_5`).
- `reservada-columnas` (como sale de Word con una sección continua a dos columnas): márgenes
  angostos (40 pt); desde «VI. Procedimientos…» (a media página, tras el encabezado de la
  sección) los procedimientos van a dos columnas balanceadas con una raya entre ellas, y las
  secciones VII y VIII vuelven a una sola columna; notas al pie numeradas con llamadas en
  superíndice (en el Programa Anual de Auditoría, en la descripción del primer procedimiento,
  en el primer encabezado de respuesta, en la Cédula de Resultados; la del ILPES también), al
  pie de la página donde cae la llamada, con su raya corta; encabezado corrido de dos
  renglones con «Página N» a la izquierda y, a la derecha, en cursivas, la sección en curso
  (la primera que empieza en la página, como el campo STYLEREF de Word), sin número al pie;
  «Procedimiento número 3» con el área en negritas dentro de la descripción; encabezados de
  bloque con otra redacción («Resultados de la revisión», «Recomendaciones al desempeño»,
  «Respuesta de la entidad fiscalizada», y «Valoración» antes del cierre); resultados `1.`,
  recomendaciones `R-1.` y justificaciones con viñetas `•` sin número, que citan «la
  recomendación R-2» (`informe.citar_claves`); los encabezados no se quedan solos al pie de
  una columna; cierres de `informe.CIERRES_RESERVADOS_4`.
- `reservada-renglones` (como un Word institucional de letra chica): Helvetica 8 con
  interlineado exacto de 1.0 y ningún espacio entre párrafos (los incisos se separan sólo por
  su número); cada renglón numerado en el margen izquierdo, de 1 en cada página (también los
  de los encabezados); encabezado corrido en blanco sobre una franja azul; secciones en
  versalitas en franjas azul oscuro con letra blanca, el procedimiento en una franja azul
  claro con número romano y el área («PROCEDIMIENTO III – DISEÑO», en versalitas), y los
  bloques en franjas grises («Resultados del Procedimiento», «Justificaciones y aclaraciones
  de la entidad», «Análisis de la justificación» antes del cierre); resultados con rayas `–`
  sin número; recomendaciones sin encabezado de bloque, cada una con su etiqueta en negritas
  en el mismo renglón («Recomendación 2. Diseñar…»); justificaciones `1°`, `2°`; «Hoja X de Y»
  abajo a la derecha; al final, tras la firma, un anexo con el cuadro resumen de los
  procedimientos (área, cuántos resultados y recomendaciones, si hubo justificación) girado
  90° en su página; cierres de `informe.CIERRES_RESERVADOS_4`.
- `reservada-tabla` (como sale de Word con tablas): una ficha de datos de la auditoría en una
  tabla con bordes antes de la fecha; cada procedimiento en una fila de tabla sombreada
  («Procedimiento | 3 | Área evaluada | Diseño») con la descripción debajo; resultados y
  recomendaciones en tablas con bordes «No. | Resultado» y «No. | Recomendación» (el número en
  su celda, sin punto), que se parten entre páginas repitiendo el renglón de títulos; las
  justificaciones en párrafos sin número que empiezan citando su recomendación («En relación
  con la recomendación 2, …»); encabezados de bloque sólo en cursivas; el cierre tras
  «Conclusión:» en negritas en el mismo renglón; encabezado corrido a la izquierda con
  «Página X de Y» y el recuadro del logotipo a la derecha; leyenda legal de tres renglones en
  letra chica al pie; cierres de `informe.CIERRES_RESERVADOS_3`.
- `reservada-guiones` (como sale de LibreOffice, texto justificado): letra TrueType incrustada
  (Vera) con palabras partidas con guion al final del renglón («recomen-» / «dación», por
  sílabas, con guiones blandos), espacios de no separación («No. 3», «5 días»), comillas
  tipográficas en el nombre del programa y ligaduras fi y fl; «VERSIÓN PÚBLICA» en diagonal en
  cada página (queda en la capa de texto); el área en mayúsculas antes del procedimiento
  («OPERACIÓN» / «PROCEDIMIENTO No. 4»); incisos `a.-`, `b.-` que reinician en cada bloque,
  con las justificaciones citando «la recomendación del inciso b)» («la recomendación
  emitida» si es una sola); un bloque de un solo inciso va sin número tras su encabezado en
  negritas cursivas en el mismo renglón («Recomendación: Diseñar…», «Justificación: En
  atención a…»); la firma con un sello circular a un lado; el número de página «X/Y» abajo a
  la derecha; cierres de `informe.CIERRES_RESERVADOS_3`.
- `reservada-romana`: incisos en números romanos (`I.`, `II.`, con las justificaciones citando
  «recomendación número III»), secciones numeradas `1.` a `8.` con mayúsculas de título, ningún
  encabezado en negritas (subrayados, con dos puntos), encabezado corrido distinto en páginas
  pares e impares, «Página X de Y», interlineado 1.15 con 6 pt entre párrafos y sangría de
  primera línea, y cierres con otra redacción (`informe.CIERRES_RESERVADOS`).
- `reservada-marginal`: margen izquierdo ancho con una columna de notas al margen («Área
  evaluada: …», «Valoración de la ASE»), incisos subnumerados por procedimiento (`3.1`, `3.2`,
  citados como «recomendación número 3.2»), encabezados en versalitas sin negritas, el título
  del procedimiento y su descripción en un solo encabezado en negritas de dos o tres renglones,
  el número de página arriba a la derecha (sin pie), el número del informe en el encabezado
  corrido, y los cierres de `informe.CIERRES_RESERVADOS`.
- `reservada-oficio` y `reservada-compacta`, la primera tanda.

(`reservada-columnas` y `reservada-renglones` son la cuarta tanda; `reservada-tabla` y
`reservada-guiones`, la tercera; `reservada-romana` y `reservada-marginal`, la segunda.)
"""

from __future__ import annotations

import io
import random
import re
import time
from dataclasses import dataclass, replace
from itertools import groupby
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, white
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    BalancedColumns,
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from tests.generador.informe import MENORES, InformeSintetico, asm, fecha_texto, ordinal, romano

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
    numeracion: str  # "{n}." "{n}.-" "{n})" "({n})" "{l})" "{n} .-" "{r}." (romano) "{p}.{n}"
    sangria: float  # margen izquierdo del número del inciso
    # Lo que sigue, por omisión, es lo de las maquetas a, b y c (dibujan lo mismo que antes).
    colgante: float = 12  # renglones siguientes del inciso respecto al número (<0: a la izquierda)
    interlineado: float = 1.3  # distancia entre renglones / tamaño de letra
    espacio_cuerpo: float = 0.6  # espacio tras un párrafo, en tamaños de letra
    espacio_item: float = 0.2  # espacio tras un inciso, en tamaños de letra
    espacio_titulo: float = 0.4  # espacio antes de un encabezado, en tamaños de letra
    justificado: bool = True  # False: en bandera (alineado a la izquierda)
    sangria_parrafo: float = 0  # sangría de primera línea de los párrafos (también del cierre)
    alinear_encabezado: str = "centro"  # "centro", "izquierda", "derecha", "alterna"
    alinear_pie: str = "centro"
    pie_extra: tuple[str, ...] = ()  # renglones del pie arriba del número de página
    logotipo: bool = False  # franja con un recuadro «ASE» y una raya bajo el encabezado
    titulos_dos_renglones: bool = False  # encabezados largos partidos en dos renglones
    bloques_largos: bool = (
        False  # «Resultados obtenidos», «Justificación de la entidad fiscalizada»
    )
    titulo_procedimiento: str = "Procedimiento {n}."
    area: str = ""  # "": el área en negritas dentro de la descripción; "renglon"; "dos-renglones";
    # "titulo": «Procedimiento N.- descripción» en un solo encabezado en negritas
    cierre_pagina: float = 0.0  # probabilidad de que el cierre empiece en la página siguiente
    variado: bool = False  # el informe con redacción variada (`informe.variar`)
    # Como dibujaban las maquetas a, b y c originales (SimpleDocTemplate): encabezado, pie y
    # márgenes propios sólo en la primera página; las demás, márgenes de una pulgada sin bandas.
    solo_primera: bool = False
    # Lo que sigue, por omisión, no cambia nada: lo usan las reservadas.
    seccion_arabiga: bool = False  # con `numeral`, secciones «1.», «2.»… en vez de romanos
    titulo_capital: bool = False  # secciones en mayúsculas de título («Criterios de Selección»)
    estilo_titulo: str = ""  # "": como está; "subrayado"; "versalitas"
    encabezado_par: tuple[str, ...] = ()  # otro encabezado en las páginas pares ({numero}: informe)
    numero_arriba: bool = False  # el `pie` ({n}; {t}: total de páginas) arriba a la derecha
    margen_izquierdo: float = 0  # > 0: margen izquierdo más ancho que `margen`
    notas_margen: bool = False  # notas en la columna del margen izquierdo
    cierres: str = ""  # "reservados": cierres de `informe.CIERRES_RESERVADOS`
    referencia: str = ""  # cómo citan las justificaciones a la recomendación (`informe.renumerar`)
    titulo_con_siguiente: bool = False  # un encabezado nunca queda solo al pie de la página
    # Lo que sigue, por omisión, tampoco cambia nada: lo usan las reservadas de la tercera tanda.
    tablas: bool = False  # ficha de datos, procedimiento en una fila de tabla, resultados y
    # recomendaciones en tablas con bordes «No. | Recomendación» (encabezado repetido al partirse)
    justificacion_prosa: bool = False  # justificaciones en párrafos sin número
    bloque_fuente: str = ""  # "": como `titulo`; "cursiva"; "negrita-cursiva"
    en_linea: bool = False  # un bloque de un solo inciso va sin número tras «Recomendación:»
    cierre_en_linea: str = ""  # encabezado en negritas en el mismo renglón del cierre
    logotipo_derecha: bool = False  # recuadro del logotipo a la derecha del encabezado
    pie_legal: str = ""  # leyenda legal de dos o tres renglones en letra chica al pie
    marca_agua: str = ""  # en diagonal, gris claro, en cada página (queda en la capa de texto)
    guiones: bool = False  # palabras partidas con guion al final del renglón (guiones blandos)
    tipografia: bool = False  # comillas tipográficas, espacios de no separación, ligaduras fi/fl
    sello: bool = False  # la firma con un sello circular a un lado
    # Lo que sigue, por omisión, tampoco cambia nada: lo usan las reservadas de la cuarta tanda.
    bloques: str = ""  # otra redacción de los encabezados de bloque (`NOMBRES_BLOQUES`)
    numeraciones: tuple[str, ...] = ()  # la numeración de resultados, recomendaciones y
    # justificaciones por separado (en vez de `numeracion`); sin «{n}», viñetas
    recomendacion_en_etiqueta: bool = False  # sin encabezado de bloque: cada recomendación
    # empieza con su etiqueta en negritas en el mismo renglón («Recomendación 2. Diseñar…»)
    titulo_cierre: str = ""  # un encabezado propio antes del cierre («Valoración»)
    columnas: int = 1  # > 1: los procedimientos en columnas (sección continua, como en Word)
    notas_pie: bool = False  # notas al pie numeradas, con su raya, al pie de su página
    encabezado_seccion: bool = False  # «Página N» arriba a la izquierda y la sección en curso
    numeros_renglon: bool = False  # cada renglón numerado en el margen izquierdo (por página)
    bandas: bool = False  # encabezados en versalitas dentro de franjas de color
    anexo_girado: bool = False  # al final, un cuadro resumen girado 90° en su página
    # Lo que sigue, por omisión, tampoco cambia nada: lo usan las reservadas de la quinta tanda
    # (`tests/generador/RESERVADAS5.md`).
    pagina: tuple[float, float] = letter  # tamaño de la hoja (ancho, alto)
    fuente_ttf: bool = False  # `fuente` es una familia TrueType del sistema (`FAMILIAS_TTF`)
    portada: bool = False  # portada e índice antes del oficio; páginas numeradas desde el oficio
    pleca: bool = False  # encabezado sobre franjas de color y pie con raya
    ficha_procedimiento: bool = False  # «Procedimiento:», «Área evaluada:», «Descripción:»
    seccion_raya: bool = False  # secciones en mayúsculas con una raya debajo
    intro_recomendaciones: str = ""  # una frase entre el encabezado y las recomendaciones
    justificacion_cita: bool = False  # justificaciones en cursivas, con sangría a los dos lados
    cierre_recuadro: str = ""  # el cierre en un recuadro bajo este título
    espejo: bool = False  # márgenes en espejo, franja vertical en el borde exterior
    consecutiva: bool = False  # resultados y recomendaciones numerados de corrido en el informe
    subseccion: str = ""  # el procedimiento como subsección («6.{n} {area}»)
    cierre_negritas: bool = False  # el cierre en negritas
    color_titulos: bool = False  # secciones, subsecciones y bloques en color
    # Lo que sigue, por omisión, tampoco cambia nada: lo usan las reservadas de la sexta tanda
    # (`tests/generador/RESERVADAS6.md`), que se dibujan aparte (`_construir_6`).
    sexta: str = ""  # "cedula" o "anexo"
    # Séptima tanda (`tests/generador/RESERVADAS7.md`): se dibujan aparte, en
    # `tests/generador/septima.py`.
    septima: str = ""


CLASICAS = [
    Maqueta("a", "Helvetica", "Helvetica-Bold", 11, 72, ("AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS", "Auditoría Especial de Desempeño"),
            "Página {n}", True, False, ".", "{n}.", 14, solo_primera=True),
    Maqueta("b", "Times-Roman", "Times-Bold", 12, 60, ("ASE TAMAULIPAS · Informe Individual de Auditoría",),
            "{n}", True, True, ":", "{n}.-", 18, solo_primera=True),
    Maqueta("c", "Helvetica", "Helvetica-Bold", 10, 85, ("Auditoría Superior del Estado", "Informe de Auditoría de Desempeño"),
            "- {n} -", False, False, "", "{n})", 12, solo_primera=True),
]  # fmt: skip

NUEVAS = [
    # La falla típica del issue: letra chica, incisos al margen sin sangría, párrafos separados
    # sólo 1.6 veces el renglón; el cierre largo («...del Análisis de...») queda pegado.
    Maqueta("densa", "Helvetica", "Helvetica-Bold", 9, 60, ("AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS",),
            "Página {n}", True, False, ".", "{n}.", 0, colgante=0, interlineado=1.1,
            espacio_cuerpo=0.66, espacio_item=0.66, espacio_titulo=0.66, alinear_encabezado="izquierda",
            alinear_pie="derecha", variado=True),
    # Sangría colgante (número al margen, renglones siguientes más adentro), en bandera, con
    # franja de logotipo y números de página alternados.
    Maqueta("colgante", "Times-Roman", "Times-Bold", 11, 72,
            ("AUDITORÍA SUPERIOR DEL ESTADO", "Auditoría Especial para el Desempeño", "Informe Individual"),
            "Hoja {n}", True, False, ".", "{n}.-", 0, colgante=24, interlineado=1.15,
            espacio_cuerpo=2.0, espacio_item=0.35, espacio_titulo=1.0, justificado=False, alinear_encabezado="derecha",
            alinear_pie="alterna", logotipo=True, bloques_largos=True, variado=True),
    # Interlineado holgado sin espacio entre párrafos; sangría de primera línea en incisos y
    # párrafos; encabezados de sección en dos renglones.
    Maqueta("holgada", "Helvetica", "Helvetica-Bold", 10, 80, ("ASE Tamaulipas",),
            "{n}", False, True, "", "({n})", 20, colgante=-20, interlineado=1.8,
            espacio_cuerpo=0, espacio_item=0, espacio_titulo=0.9, justificado=False, sangria_parrafo=20,
            alinear_encabezado="alterna", alinear_pie="alterna", titulos_dos_renglones=True,
            variado=True),
    # Como la escribe Word: incisos «a)», el área del procedimiento en negritas en dos renglones,
    # pie de tres renglones, cierres que a veces empiezan en la página siguiente.
    Maqueta("word", "Times-Roman", "Times-Bold", 10, 66,
            ("Auditoría Superior del Estado de Tamaulipas", "Informe Individual de Auditoría"),
            "Página {n}", True, False, ":", "{l})", 18, colgante=14, interlineado=1.2,
            espacio_cuerpo=0.8, espacio_item=0.3, alinear_pie="derecha",
            pie_extra=("Auditoría Especial de Desempeño", "Av. Juan B. Tijerina No. 1002 Norte, Ciudad Victoria"),
            area="dos-renglones", titulo_procedimiento="Procedimiento {n}.-", cierre_pagina=0.35,
            variado=True),
    # Renglones apretados (1.0) en letra monoespaciada, espacio entre párrafos de sólo 1.3
    # renglones, numeración «1 .-», el área en un renglón propio.
    Maqueta("apretada", "Courier", "Courier-Bold", 9, 54, ("ASE · AUDITORÍA ESPECIAL DE DESEMPEÑO",),
            "- {n} -", True, True, ".", "{n} .-", 10, colgante=18, interlineado=1.0,
            espacio_cuerpo=0.3, espacio_item=0.3, espacio_titulo=0.3, area="renglon",
            titulo_procedimiento="PROCEDIMIENTO {n}", variado=True),
]  # fmt: skip
# Las de ajuste: lo que genera el corpus por omisión y lo que usan las pruebas.
MAQUETAS = CLASICAS + NUEVAS
# Leyenda legal al pie de cada página de `reservada-tabla` (en letra chica, dos o tres renglones).
LEYENDA = ("La información contenida en este Informe Individual se emite con fundamento en los artículos 116 fracción II "
           "de la Constitución Política de los Estados Unidos Mexicanos, 76 de la Constitución Política del Estado de "
           "Tamaulipas y 35, 36 y 37 de la Ley de Fiscalización y Rendición de Cuentas del Estado de Tamaulipas. Su difusión "
           "se sujeta a la Ley de Transparencia y Acceso a la Información Pública del Estado de Tamaulipas. Av. Juan B. "
           "Tijerina No. 1002 Norte, Zona Centro, C.P. 87000, Ciudad Victoria, Tamaulipas. Tel. (834) 318 5800.")  # fmt: skip
# Fuera de todo ajuste: sólo con `--reservadas`, para medir una vez al final. Vacía: la
# séptima tanda (`reservada-expediente`, `reservada-cuadernillo`) ya se midió; la próxima la
# hace alguien que no corra el extractor (ver README, «Reservadas»).
RESERVADAS: list[Maqueta] = []
# Las reservadas de tandas anteriores, ya medidas (ya no son reservadas de verdad): sólo por
# nombre.
RESERVADAS_MEDIDAS = [
    Maqueta("reservada-expediente", "LiberationSans", "LiberationSans-Bold", 10, 71,
            ("AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS",), "- {n} -", False, False, "", "({l})", 0,
            interlineado=1.5, espacio_cuerpo=0.7, espacio_item=0.35, espacio_titulo=1.3, justificado=False,
            cierres="reservados-7", referencia="expediente", variado=True, fuente_ttf=True,
            septima="expediente"),
    Maqueta("reservada-cuadernillo", "DejaVuSerifCondensed", "DejaVuSerifCondensed-Bold", 10, 64,
            ("AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS",), "Página {n} de {t}", False, False, "", "{n}.ª", 0,
            interlineado=1.3, espacio_cuerpo=0.5, espacio_item=0.25, espacio_titulo=1.2, sangria_parrafo=21,
            cierres="reservados-7", referencia="ordinal-previo", variado=True, fuente_ttf=True,
            septima="cuadernillo"),
    Maqueta("reservada-formato", "LiberationSerif", "LiberationSerif-Bold", 11, 57,
            ("AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS",), "Foja {n} de {t}", False, False, "", "{n}", 0,
            interlineado=1.15, espacio_cuerpo=0.55, espacio_item=0.3, espacio_titulo=1.1, cierres="reservados-6",
            referencia="asm", variado=True, fuente_ttf=True, sexta="cedula"),
    Maqueta("reservada-narrativa", "DejaVuSansCondensed", "DejaVuSansCondensed-Bold", 9.5, 72,
            ("AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS",), "{n}", False, False, "", "{n}.", 0,
            interlineado=1.4, espacio_cuerpo=0.6, espacio_item=0.3, espacio_titulo=1.4, cierres="reservados-6",
            referencia="ordinal", variado=True, fuente_ttf=True, sexta="anexo"),
    Maqueta("reservada-portada", "LiberationSansNarrow", "LiberationSansNarrow-Bold", 11, 72,
            ("AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS", "Auditoría Especial para el Desempeño"),
            "Página {n} de {t}", True, False, "", "{n}.", 0, colgante=16, interlineado=1.25,
            espacio_cuerpo=0.7, espacio_item=0.35, espacio_titulo=1.0, cierres="reservados-5",
            titulo_con_siguiente=True, variado=True, bloques="hallazgos", pagina=(612, 936),
            fuente_ttf=True, portada=True, pleca=True, ficha_procedimiento=True, seccion_raya=True,
            intro_recomendaciones="Derivado de lo anterior, se recomienda {al} {ente}:",
            justificacion_cita=True, cierre_recuadro="Valoración de la Auditoría Superior del Estado"),
    Maqueta("reservada-consecutiva", "DejaVuSerif", "DejaVuSerif-Bold", 9.5, 54,
            ("Informe Individual de Auditoría de Desempeño",), "{n}", True, False, "", "{n}.", 0,
            colgante=18, interlineado=1.45, espacio_cuerpo=0.5, espacio_item=0.3, espacio_titulo=1.0,
            margen_izquierdo=90, seccion_arabiga=True, cierres="reservados-5", referencia="consecutiva",
            titulo_con_siguiente=True, variado=True, bloques="comentarios",
            numeraciones=("{n}.", "{n}.", "{n})"), fuente_ttf=True, espejo=True, consecutiva=True,
            subseccion="6.{n} {area}", cierre_negritas=True, color_titulos=True),
    Maqueta("reservada-columnas", "Times-Roman", "Times-Bold", 10, 40,
            ("AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS · Informe Individual de Auditoría de Desempeño {numero}",
             "Página {n}"),
            "", True, False, "", "{n}.", 0, colgante=16, interlineado=1.2, espacio_cuerpo=0.5,
            espacio_item=0.25, espacio_titulo=0.8, titulo_procedimiento="Procedimiento número {n}",
            cierres="reservados-4", referencia="clave", titulo_con_siguiente=True, variado=True,
            bloques="revision", numeraciones=("{n}.", "R-{n}.", "•"), titulo_cierre="Valoración",
            columnas=2, notas_pie=True, encabezado_seccion=True),
    Maqueta("reservada-renglones", "Helvetica", "Helvetica-Bold", 8, 76,
            ("AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS",),
            "Hoja {n} de {t}", True, False, "", "{n}°", 0, colgante=10, interlineado=1.0,
            espacio_cuerpo=0, espacio_item=0, espacio_titulo=0, alinear_pie="derecha",
            titulo_procedimiento="Procedimiento {r}", area="banda", cierres="reservados-4",
            titulo_con_siguiente=True, variado=True, bloques="procedimiento",
            numeraciones=("–", "<b>Recomendación {n}.</b>", "{n}°"), recomendacion_en_etiqueta=True,
            titulo_cierre="Análisis de la justificación", numeros_renglon=True, bandas=True,
            anexo_girado=True),
    Maqueta("reservada-tabla", "Helvetica", "Helvetica-Bold", 10, 64,
            ("AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS", "Informe Individual de Auditoría de Desempeño {numero}",
             "Página {n} de {t}"),
            "", True, False, "", "{n}.", 0, interlineado=1.25, espacio_cuerpo=0.8, espacio_titulo=1.0,
            alinear_encabezado="izquierda", logotipo_derecha=True, pie_legal=LEYENDA, tablas=True,
            justificacion_prosa=True, bloque_fuente="cursiva", cierre_en_linea="Conclusión:",
            cierres="reservados-3", referencia="prosa", titulo_con_siguiente=True, variado=True),
    Maqueta("reservada-guiones", "Vera", "Vera-Bold", 10, 70, ("Auditoría Superior del Estado de Tamaulipas",),
            "{n}/{t}", True, False, ":", "{l}.-", 0, colgante=22, interlineado=1.3, espacio_cuerpo=0.5,
            espacio_item=0.3, espacio_titulo=0.9, sangria_parrafo=24, alinear_pie="derecha", area="antes",
            titulo_procedimiento="PROCEDIMIENTO No.\u00a0{n}", bloque_fuente="negrita-cursiva", en_linea=True,
            marca_agua="VERSIÓN PÚBLICA", guiones=True, tipografia=True, sello=True, cierres="reservados-3",
            referencia="inciso", titulo_con_siguiente=True, variado=True),
    Maqueta("reservada-romana", "Times-Roman", "Times-Roman", 11, 72,
            ("AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS", "Auditoría Especial de Desempeño"),
            "Página {n} de {t}", True, False, ":", "{r}.", 0, colgante=28, interlineado=1.15,
            espacio_cuerpo=6 / 11, espacio_item=6 / 11, espacio_titulo=6 / 11, sangria_parrafo=36,
            alinear_encabezado="alterna", encabezado_par=("Informe Individual de Auditoría de Desempeño No. {numero}",),
            seccion_arabiga=True, titulo_capital=True, estilo_titulo="subrayado", area="renglon",
            titulo_procedimiento="Procedimiento {n}:", cierres="reservados", referencia="{r}",
            titulo_con_siguiente=True, variado=True),
    Maqueta("reservada-marginal", "Helvetica", "Helvetica", 10, 54,
            ("ASE Tamaulipas · Informe Individual de Auditoría de Desempeño {numero}",),
            "{n}", True, False, "", "{p}.{n}", 0, colgante=26, interlineado=1.35, espacio_cuerpo=0.8,
            espacio_item=0.4, espacio_titulo=0.8, alinear_encabezado="izquierda", numero_arriba=True,
            margen_izquierdo=160, notas_margen=True, estilo_titulo="versalitas", area="titulo",
            titulo_procedimiento="Procedimiento {n}.-", cierres="reservados", referencia="{p}.{n}",
            titulo_con_siguiente=True, variado=True),
    Maqueta("reservada-oficio", "Times-Roman", "Times-Bold", 11.5, 70,
            ("GOBIERNO DEL ESTADO DE TAMAULIPAS", "AUDITORÍA SUPERIOR DEL ESTADO"),
            "Página {n} de informe", True, True, ".-", "{n}.-", 0, colgante=0, interlineado=1.4,
            espacio_cuerpo=1.1, espacio_item=0.0, sangria_parrafo=28, alinear_pie="derecha",
            pie_extra=("Informe Individual de Auditoría de Desempeño",), logotipo=True,
            bloques_largos=True, area="renglon", cierre_pagina=0.2, variado=True),
    Maqueta("reservada-compacta", "Helvetica", "Helvetica-Bold", 9.5, 58, ("ASE TAMAULIPAS",),
            "{n}", False, False, ":", "{n})", 6, colgante=16, interlineado=1.05,
            espacio_cuerpo=1.0, espacio_item=0.45, espacio_titulo=2.0, justificado=False,
            alinear_encabezado="alterna", alinear_pie="izquierda", titulos_dos_renglones=True,
            area="dos-renglones", titulo_procedimiento="Procedimiento {n}:", variado=True),
]  # fmt: skip
TODAS = {m.nombre: m for m in MAQUETAS + RESERVADAS + RESERVADAS_MEDIDAS}
# Colores de las franjas de `bandas` (como los de una plantilla institucional de Word).
AZUL = Color(0.12, 0.24, 0.45)
AZUL_CLARO = Color(0.80, 0.87, 0.95)
GRIS_BANDA = Color(0.90, 0.90, 0.90)


def _estilos(m: Maqueta) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("cuerpo", fontName=m.fuente, fontSize=m.tamano, leading=m.tamano * m.interlineado,
                          alignment=TA_JUSTIFY if m.justificado else TA_LEFT,
                          spaceAfter=m.tamano * m.espacio_cuerpo, firstLineIndent=m.sangria_parrafo)  # fmt: skip
    titulo = ParagraphStyle("titulo", parent=base, fontName=m.negrita,
                            spaceBefore=m.tamano * m.espacio_titulo, firstLineIndent=0)  # fmt: skip
    if m.titulo_con_siguiente:
        titulo.keepWithNext = 1
    if m.guiones:  # reportlab parte las palabras en sus guiones blandos
        base.embeddedHyphenation = 1
    return {
        # Para encabezados de bloque en cursivas sin negritas (`bloque_fuente`).
        "bloque": ParagraphStyle("bloque", parent=titulo, fontName=m.fuente),
        "celda": ParagraphStyle(
            "celda", parent=base, alignment=TA_LEFT, firstLineIndent=0, spaceAfter=0
        ),
        "cuerpo": base,
        "titulo": titulo,
        "area": ParagraphStyle("area", parent=titulo, spaceBefore=0, alignment=TA_LEFT),
        "item": ParagraphStyle(
            "item",
            parent=base,
            leftIndent=m.sangria + m.colgante,
            firstLineIndent=-m.colgante,
            spaceAfter=m.tamano * m.espacio_item,
        ),  # fmt: skip
        "nota": ParagraphStyle(
            "nota", parent=base, fontSize=m.tamano * 0.7, leading=m.tamano * 0.8
        ),
        # Quinta tanda: los renglones de la ficha del procedimiento (el primero, con el espacio
        # de un encabezado) y las justificaciones transcritas en cursivas con sangría a los lados.
        "ficha": ParagraphStyle(
            "ficha",
            parent=base,
            alignment=TA_LEFT,
            firstLineIndent=0,
            spaceBefore=m.tamano * m.espacio_titulo,
            spaceAfter=m.tamano * 0.15,
            keepWithNext=1,
        ),
        "ficha_medio": ParagraphStyle(
            "ficha_medio",
            parent=base,
            alignment=TA_LEFT,
            firstLineIndent=0,
            spaceAfter=m.tamano * 0.15,
            keepWithNext=1,
        ),
        "cita": ParagraphStyle(
            "cita",
            parent=base,
            fontName=_cursiva(m),
            leftIndent=m.sangria + m.colgante + 28,
            rightIndent=28,
            firstLineIndent=-m.colgante,
            spaceAfter=m.tamano * m.espacio_item,
        ),
        # Franjas de color de `bandas`: la sección en azul oscuro con letra blanca, el
        # procedimiento en azul claro y los bloques en gris; una vez y media el renglón, y
        # apenas separadas del renglón de arriba (para no taparle los rasgos de abajo).
        "banda_seccion": ParagraphStyle(
            "banda_seccion",
            parent=titulo,
            alignment=TA_LEFT,
            leading=m.tamano * 1.6,
            backColor=AZUL,
            textColor=white,
            leftIndent=3,
            spaceBefore=m.tamano * 0.3,
        ),
        "banda_procedimiento": ParagraphStyle(
            "banda_procedimiento",
            parent=titulo,
            alignment=TA_LEFT,
            leading=m.tamano * 1.5,
            backColor=AZUL_CLARO,
            leftIndent=3,
            spaceBefore=m.tamano * 0.3,
        ),
        "banda_bloque": ParagraphStyle(
            "banda_bloque",
            parent=titulo,
            alignment=TA_LEFT,
            leading=m.tamano * 1.4,
            backColor=GRIS_BANDA,
            leftIndent=3,
            spaceBefore=m.tamano * 0.3,
        ),
    }


def _registrar_vera() -> None:
    """La letra Vera (TrueType, viene con reportlab) con sus negritas y cursivas, como la que
    incrusta LibreOffice: tiene comillas tipográficas, guion blando y ligaduras fi y fl."""
    from pathlib import Path as Ruta

    import reportlab
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "Vera" in pdfmetrics.getRegisteredFontNames():
        return
    carpeta = Ruta(reportlab.__file__).parent / "fonts"
    for nombre, archivo, negrita, cursiva in (("Vera", "Vera.ttf", 0, 0), ("Vera-Bold", "VeraBd.ttf", 1, 0),
                                              ("Vera-Italic", "VeraIt.ttf", 0, 1),
                                              ("Vera-BoldItalic", "VeraBI.ttf", 1, 1)):  # fmt: skip
        pdfmetrics.registerFont(TTFont(nombre, str(carpeta / archivo)))
        addMapping("Vera", negrita, cursiva, nombre)


VOCALES = set("aeiouáéíóúü")
INSEPARABLES = {"pr", "br", "tr", "dr", "cr", "gr", "fr", "pl", "bl", "cl", "gl", "fl", "ch", "ll",
                "rr"}  # fmt: skip


def _cortes(palabra: str) -> list[int]:
    """Dónde se parte una palabra española al final del renglón (antes de qué letra), por
    sílabas: V-CV, VC-CV, V-CCV con grupo inseparable (pr, bl, ch, ll, rr…); nunca entre
    vocales; al menos dos letras antes y tres después."""
    w = palabra.lower()
    cortes = set()
    for i in range(1, len(w) - 1):
        if w[i] in VOCALES or w[i + 1] not in VOCALES:
            continue
        if w[i - 1] in VOCALES or w[i - 1 : i + 1] not in INSEPARABLES:
            cortes.add(i)
        else:
            cortes.add(i - 1)
    return sorted(c for c in cortes if c >= 2 and len(w) - c >= 3)


def _silabear(palabra: re.Match) -> str:
    texto = palabra[0]
    if texto.isupper():  # siglas y palabras en mayúsculas: Word no las parte
        return texto
    partes, previo = [], 0
    for corte in _cortes(texto):
        partes.append(texto[previo:corte])
        previo = corte
    return "\u00ad".join([*partes, texto[previo:]])


MARCAS = re.compile(r"(<[^>]*>|&#?\w+;)")
# Una palabra que se puede partir; no la última antes de una marca (reportlab se come el espacio
# entre una palabra con guiones blandos y la marca que la sigue).
LETRA = "A-Za-zÁÉÍÓÚÜÑáéíóúüñ"
PALABRA = re.compile(rf"(?<![{LETRA}])[{LETRA}]{{6,}}(?![{LETRA}])(?!\s*$)")


def _tipografia(m: Maqueta, texto: str, estilo: str) -> str:
    """El texto de un párrafo como lo deja el procesador de textos de la maqueta: guiones
    blandos para partir palabras al final del renglón (sólo en el cuerpo y los incisos),
    espacio de no separación tras «No.» y entre un número y «días», ligaduras fi y fl. Sólo
    toca el texto, no las marcas de reportlab; sin `guiones` ni `tipografia`, no cambia nada."""
    if not (m.guiones or m.tipografia):
        return texto
    partes = MARCAS.split(texto)
    for i in range(0, len(partes), 2):  # los impares son marcas
        parte = partes[i]
        if m.guiones and estilo in ("cuerpo", "item"):
            parte = PALABRA.sub(_silabear, parte)
        if m.tipografia:
            parte = re.sub(r"\bNo\. ", "No.\u00a0", parte)
            parte = re.sub(r"(\d) días", "\\1\u00a0días", parte)
            parte = parte.replace("fi", "\ufb01").replace("fl", "\ufb02")
        partes[i] = parte
    return "".join(partes)


BLOQUES_LARGOS = {"Resultados": "Resultados obtenidos", "Resultado": "Resultado obtenido",
                  "Justificación": "Justificación de la entidad fiscalizada"}  # fmt: skip
# Otras redacciones de los encabezados de bloque (`bloques`), de las reservadas de la cuarta tanda.
NOMBRES_BLOQUES = {
    "revision": {"Resultados": "Resultados de la revisión", "Resultado": "Resultado de la revisión",
                 "Recomendaciones": "Recomendaciones al desempeño", "Recomendación": "Recomendación al desempeño",
                 "Justificación": "Respuesta de la entidad fiscalizada"},
    "procedimiento": {"Resultados": "Resultados del Procedimiento", "Resultado": "Resultado del Procedimiento",
                      "Recomendaciones": "Recomendaciones emitidas", "Recomendación": "Recomendación emitida",
                      "Justificación": "Justificaciones y aclaraciones de la entidad"},
    # Quinta tanda.
    "hallazgos": {"Resultados": "Hallazgos", "Resultado": "Hallazgo",
                  "Justificación": "Respuesta del ente fiscalizado"},
    "comentarios": {"Recomendaciones": "Recomendaciones de mejora", "Recomendación": "Recomendación de mejora",
                    "Justificación": "Argumentos y documentación presentados por el ente"},
}  # fmt: skip


def _dos_renglones(texto: str) -> str:
    """Parte un texto en dos renglones por la palabra más cercana a la mitad."""
    palabras = texto.split()
    if len(palabras) < 2:
        return texto
    corte = min(range(1, len(palabras)),
                key=lambda i: abs(len(" ".join(palabras[:i])) - len(texto) / 2))  # fmt: skip
    return " ".join(palabras[:corte]) + "<br/>" + " ".join(palabras[corte:])


def _versalitas(texto: str, tamano: float) -> str:
    """«Resultados» → «R» y «ESULTADOS» en letra más chica (versalitas simuladas)."""

    def segmento(parte: str) -> str:
        return "".join(f'<font size="{tamano * 0.78:.2f}">{"".join(g).upper()}</font>' if chica
                       else "".join(g) for chica, g in groupby(parte, key=str.islower))  # fmt: skip

    return "<br/>".join(segmento(parte) for parte in texto.split("<br/>"))


def _marcar(m: Maqueta, titulo: str) -> str:
    """El encabezado subrayado o en versalitas, según la maqueta (por omisión, igual)."""
    if m.estilo_titulo == "subrayado":
        return f"<u>{titulo}</u>"
    if m.estilo_titulo == "versalitas":
        return _versalitas(titulo, m.tamano)
    return titulo


def _bloque(m: Maqueta, nombre: str) -> str:
    if m.bloques_largos:
        nombre = BLOQUES_LARGOS.get(nombre, nombre)
    if m.bloques:
        nombre = NOMBRES_BLOQUES[m.bloques].get(nombre, nombre)
    titulo = (nombre.upper() if m.mayusculas else nombre) + m.sufijo_bloque
    titulo = _dos_renglones(titulo) if m.titulos_dos_renglones and len(titulo) > 30 else titulo
    return _marcar(m, titulo)


MENORES_TITULO = MENORES | {"que", "al", "por", "o", "e"}


def _capital(texto: str) -> str:
    """«Criterios de selección» → «Criterios de Selección» (mayúsculas de título)."""
    return " ".join(p if p in MENORES_TITULO else p[0].upper() + p[1:] for p in texto.split())


def _seccion(m: Maqueta, indice: int) -> str:
    titulo = _capital(SECCIONES[indice]) if m.titulo_capital else SECCIONES[indice]
    numeral = str(indice + 1) if m.seccion_arabiga else ROMANOS[indice]
    titulo = f"{numeral}. {titulo}" if m.numeral else titulo
    titulo = _dos_renglones(titulo) if m.titulos_dos_renglones and len(titulo) > 40 else titulo
    return _marcar(m, titulo)


def _inciso(m: Maqueta, numero: int, procedimiento: int = 0, bloque: int = 0) -> str:
    """El número del inciso; con `numeraciones`, el del `bloque` (0: resultados, 1:
    recomendaciones, 2: justificaciones)."""
    formato = m.numeraciones[bloque] if m.numeraciones else m.numeracion
    letra = "abcdefghijklmnopqrstuvwxyz"[numero - 1] if numero <= 26 else ""  # corrida: > 26
    return formato.format(n=numero, l=letra, r=romano(numero), p=procedimiento)


class ConNota(Flowable):
    """Un párrafo con una nota en la columna del margen izquierdo, a la altura de su primer
    renglón (si el párrafo se parte entre páginas, la nota va con la primera parte)."""

    def __init__(self, contenido: Flowable, nota: str, m: Maqueta) -> None:
        super().__init__()
        self.contenido, self.nota, self.m = contenido, nota, m

    def wrap(self, ancho: float, alto: float) -> tuple[float, float]:
        self.width, self.height = self.contenido.wrap(ancho, alto)
        return self.width, self.height

    def split(self, ancho: float, alto: float) -> list:
        partes = self.contenido.split(ancho, alto)
        return [ConNota(partes[0], self.nota, self.m), *partes[1:]] if partes else []

    def getSpaceBefore(self) -> float:  # noqa: N802 (nombre de reportlab)
        return self.contenido.getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802 (nombre de reportlab)
        return self.contenido.getSpaceAfter()

    def getKeepWithNext(self) -> bool:  # noqa: N802 (nombre de reportlab)
        return self.contenido.getKeepWithNext()

    def draw(self) -> None:
        self.contenido.drawOn(self.canv, 0, 0)
        tamano = self.m.tamano * 0.75
        columna = self.m.margen_izquierdo - self.m.margen
        self.canv.saveState()
        self.canv.setFont(self.m.fuente, tamano)
        self.canv.setFillGray(0.25)
        y = self.height - self.m.tamano
        for renglon in simpleSplit(self.nota, self.m.fuente, tamano, columna - 18):
            self.canv.drawString(-columna, y, renglon)
            y -= tamano * 1.2
        self.canv.restoreState()


class Sello(Flowable):
    """Un sello circular de la Auditoría junto a la firma (su texto queda en la capa de texto)."""

    def __init__(self, m: Maqueta, radio: float = 42) -> None:
        super().__init__()
        self.m, self.radio = m, radio

    def wrap(self, ancho: float, alto: float) -> tuple[float, float]:
        return 2 * self.radio + 4, 2 * self.radio + 4

    def draw(self) -> None:
        c, r = self.canv, self.radio
        c.saveState()
        c.setStrokeGray(0.35)
        c.setFillGray(0.35)
        c.setLineWidth(1.4)
        c.circle(r + 2, r + 2, r)
        c.setLineWidth(0.6)
        c.circle(r + 2, r + 2, r - 5)
        renglones = ("AUDITORÍA SUPERIOR", "DEL ESTADO", "TAMAULIPAS", "DESPACHO DEL TITULAR")
        for i, renglon in enumerate(renglones):
            y = 14 - i * 9  # respecto al centro; cada renglón cabe en su cuerda del círculo
            cuerda = 2 * ((r - 9) ** 2 - (abs(y) + 3) ** 2) ** 0.5
            tamano = min(6.5, 6.5 * cuerda / stringWidth(renglon, self.m.negrita, 6.5))
            c.setFont(self.m.negrita, tamano)
            c.drawCentredString(r + 2, r + 2 + y - 2, renglon)
        c.restoreState()


def _nota(m: Maqueta, contenido: Flowable, nota: str) -> Flowable:
    return ConNota(contenido, nota, m) if m.notas_margen else contenido


GRIS = (0.85, 0.85, 0.85)


def _tabla(filas: list, anchos: list[float], etiquetas: int = 0, encabezado: bool = False) -> Table:
    """Una tabla con bordes como las de Word: las primeras `etiquetas` columnas (o el renglón
    de encabezado, repetido si la tabla se parte entre páginas) sombreadas."""
    estilo = [("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)), ("VALIGN", (0, 0), (-1, -1), "TOP"),
              ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]  # fmt: skip
    if encabezado:
        estilo.append(("BACKGROUND", (0, 0), (-1, 0), GRIS))
    for columna in range(0, len(anchos), 2) if etiquetas else ():
        estilo.append(("BACKGROUND", (columna, 0), (columna, -1), GRIS))
    tabla = Table(filas, colWidths=anchos, repeatRows=1 if encabezado else 0, hAlign="LEFT")
    tabla.setStyle(TableStyle(estilo))
    return tabla


def _ancho_cuerpo(m: Maqueta) -> float:
    return letter[0] - (m.margen_izquierdo or m.margen) - m.margen - 12  # los bordes del marco


def _ficha(m: Maqueta, informe: InformeSintetico, p) -> list:
    """La ficha de datos de la auditoría al principio del informe, en una tabla."""
    datos = [("Número de auditoría", informe.numero), ("Tipo de auditoría", "Desempeño"),
             ("Entidad fiscalizada", informe.ente), ("Programa", informe.programa),
             ("Ejercicio fiscal", str(informe.ejercicio))]  # fmt: skip
    filas = [
        [p(f"<b>{etiqueta}</b>", "celda"), p(escape(valor), "celda")] for etiqueta, valor in datos
    ]
    return [_tabla(filas, [130, _ancho_cuerpo(m) - 130], etiquetas=1), Spacer(1, m.tamano)]


def _tabla_incisos(m: Maqueta, columna: str, items: list[str], p) -> Table:
    """«No. | Recomendación» y un renglón por inciso (el número en su celda, sin punto)."""
    filas = [[p("<b>No.</b>", "celda"), p(f"<b>{columna}</b>", "celda")]]
    filas += [[p(str(i), "celda"), p(escape(t), "celda")] for i, t in enumerate(items, 1)]
    return _tabla(filas, [34, _ancho_cuerpo(m) - 34], encabezado=True)


def _marca_bloque(m: Maqueta, nombre: str) -> str:
    """El encabezado de un bloque con la letra de la maqueta (para el estilo «bloque»)."""
    titulo = _bloque(m, nombre)
    if m.bloque_fuente == "cursiva":
        return f"<i>{titulo}</i>"
    if m.bloque_fuente == "negrita-cursiva":
        return f"<b><i>{titulo}</i></b>"
    return titulo


def _titulo_bloque(m: Maqueta, nombre: str, p, nota: int = 0) -> Flowable:
    """El encabezado del bloque; con `nota`, con su llamada a la nota al pie de ese número."""
    if m.bandas:
        return p(_versalitas(_bloque(m, nombre), m.tamano), "banda_bloque")
    if m.color_titulos:
        return p(_en_color(_bloque(m, nombre)), "titulo")
    if nota:
        return p(f"{_bloque(m, nombre)}<super>{nota}</super>", "titulo", notas=(nota,))
    return (
        p(_marca_bloque(m, nombre), "bloque")
        if m.bloque_fuente
        else p(_bloque(m, nombre), "titulo")
    )


def _bloque_incisos(m: Maqueta, nombre: str, items: list[str], procedimiento: int, p,
                    desde: int = 0, intro: str = "") -> list:  # fmt: skip
    """Un bloque (resultados o recomendaciones): encabezado e incisos numerados; en una tabla
    «No. | …» (`tablas`) o, con un solo inciso y `en_linea`, sin número tras el encabezado en
    el mismo renglón («Recomendación: Diseñar…»). Los números empiezan tras `desde` (la
    numeración corrida de `consecutiva`); `intro`, una frase entre el encabezado y los incisos."""
    if m.en_linea and len(items) == 1:
        return [p(f"{_marca_bloque(m, nombre)} {escape(items[0])}")]
    bloque = 0 if nombre.startswith("Resultado") else 1
    if m.recomendacion_en_etiqueta and bloque == 1:  # «Recomendación 2. Diseñar…», sin encabezado
        return [p(f"{_inciso(m, i, procedimiento, bloque)} {escape(t)}", "item")
                for i, t in enumerate(items, 1)]  # fmt: skip
    encabezado = _titulo_bloque(m, nombre, p)
    if m.tablas:
        # Como «conservar con el siguiente» de Word: el encabezado va con los primeros renglones
        # de la tabla, pero la tabla sí se parte entre páginas (y repite su renglón de títulos).
        encabezado.keepWithNext = 0
        columna = "Resultado" if nombre.startswith("Resultado") else "Recomendación"
        return [CondPageBreak(m.tamano * m.interlineado * 6 + 24), encabezado,
                _tabla_incisos(m, columna, items, p), Spacer(1, m.tamano * 0.6)]  # fmt: skip
    previos = [encabezado, p(intro, "ficha_medio")] if intro else [encabezado]
    return previos + [p(f"{_inciso(m, i + desde, procedimiento, bloque)} {escape(t)}", "item")
                      for i, t in enumerate(items, 1)]  # fmt: skip


def _descripcion(m: Maqueta, proc, programa: str) -> str:
    """La descripción del procedimiento; con `tipografia`, el programa entre comillas."""
    descripcion = escape(proc.descripcion)
    if m.tipografia:
        descripcion = descripcion.replace(
            f"Programa {escape(programa)}", f"Programa “{escape(programa)}”"
        )
    return descripcion


def _encabezado_procedimiento(m: Maqueta, proc, p, programa: str = "", nota: int = 0) -> list:
    """«Procedimiento N.» y la descripción; el área en negritas dentro de ella o en su propio
    renglón (o dos renglones) bajo el número; o una fila de tabla «Procedimiento | N | Área
    evaluada | área» (`tablas`); o el área en mayúsculas antes del procedimiento («antes»); o
    «Procedimiento III – Diseño» en versalitas en una franja («banda»). Con `nota`, la
    descripción lleva la llamada a la nota al pie de ese número. En la quinta tanda, una ficha
    («Procedimiento: 3», «Área evaluada: …», «Descripción: …»; `ficha_procedimiento`) o una
    subsección numerada con el área («6.3 Cobertura y Focalización»; `subseccion`)."""
    if m.ficha_procedimiento:
        primero = p(f"<b>Procedimiento:</b> {proc.numero}", "ficha")
        primero.clave_indice = f"p{proc.numero}"
        return [primero, p(f"<b>Área evaluada:</b> {escape(proc.area)}", "ficha_medio"),
                p(f"<b>Descripción:</b> {_descripcion(m, proc, programa)}")]  # fmt: skip
    if m.subseccion:
        titulo = m.subseccion.format(n=proc.numero, area=escape(proc.area))
        return [p(_en_color(titulo), "titulo"), p(_descripcion(m, proc, programa))]
    if m.area == "banda":
        titulo = (
            f"{m.titulo_procedimiento.format(n=proc.numero, r=romano(proc.numero))} – {proc.area}"
        )
        return [p(_versalitas(escape(titulo), m.tamano), "banda_procedimiento"),
                p(_descripcion(m, proc, programa))]  # fmt: skip
    if m.tablas:
        celdas = [p("<b>Procedimiento</b>", "celda"), p(f"<b>{proc.numero}</b>", "celda"),
                  p("<b>Área evaluada</b>", "celda"), p(escape(proc.area), "celda")]  # fmt: skip
        fila = _tabla([celdas], [90, 30, 90, _ancho_cuerpo(m) - 210], etiquetas=1)
        return [CondPageBreak(m.tamano * m.interlineado * 8 + 40), Spacer(1, m.tamano * m.espacio_titulo),
                fila, Spacer(1, m.tamano * 0.5), p(_descripcion(m, proc, programa))]  # fmt: skip
    if m.area == "antes":
        return [p(escape(proc.area.upper()), "titulo"),
                p(m.titulo_procedimiento.format(n=proc.numero), "area"),
                p(_descripcion(m, proc, programa))]  # fmt: skip
    if m.area == "titulo":
        texto = f"{m.titulo_procedimiento.format(n=proc.numero)} {escape(proc.descripcion)}"
        return [_nota(m, p(f"<b>{texto}</b>", "titulo"), f"Área evaluada: {proc.area}")]
    titulo = p(_marcar(m, m.titulo_procedimiento.format(n=proc.numero)), "titulo")
    if not m.area:
        descripcion = escape(proc.descripcion).replace(
            escape(proc.area), f"<b>{escape(proc.area)}</b>", 1
        )
        if nota:
            return [titulo, p(f"{descripcion}<super>{nota}</super>", notas=(nota,))]
        return [titulo, p(descripcion)]
    area = escape(proc.area)
    if m.area == "dos-renglones":
        area = _dos_renglones(area)
    return [titulo, p(area, "area"), p(escape(proc.descripcion))]


# Las notas al pie de `notas_pie`, por su número (la 1 es la del ILPES, en todas las maquetas).
NOTAS_PIE = {
    1: "El ILPES es un organismo permanente de la CEPAL, Naciones Unidas.",
    2: "El Programa Anual de Auditorías se publica en el Periódico Oficial del Estado y en el portal de internet de la "
       "Auditoría Superior del Estado.",
    3: "Los procedimientos se aplicaron conforme a las Normas Profesionales de Auditoría del Sistema Nacional de "
       "Fiscalización y a la Guía para la Auditoría de Desempeño de la Auditoría Superior del Estado.",
    4: "La documentación que soporta la respuesta de la entidad fiscalizada obra en el expediente de la auditoría.",
    5: "Artículo 37 de la Ley de Fiscalización y Rendición de Cuentas del Estado de Tamaulipas.",
}  # fmt: skip
TAMANO_NOTA = 7
# Alto que dejan al pie las maquetas con `notas_pie` (como mucho cinco renglones de notas).
RESERVA_NOTAS = 5 * TAMANO_NOTA * 1.2 + 10


def _marcado(m: Maqueta) -> bool:
    """Si la maqueta necesita saber qué cae en cada página (renglones, notas, secciones)."""
    return m.numeros_renglon or m.notas_pie or m.encabezado_seccion


class Parrafo(Paragraph):
    """Un párrafo que, al dibujarse, anota en el lienzo lo que la página necesita saber: la
    altura de cada renglón (para numerarlos al margen), las notas al pie que llama y la
    sección que empieza. Si se parte entre páginas, las partes conservan sus marcas (cada nota
    se anota una sola vez, en la primera página donde cae)."""

    def __init__(self, texto, estilo, marcas: dict | None = None, **opciones) -> None:
        super().__init__(texto, estilo, **opciones)
        self.marcas = marcas or {}

    def split(self, ancho: float, alto: float) -> list:
        partes = super().split(ancho, alto)
        for parte in partes:
            parte.marcas = self.marcas
        return partes

    def drawOn(self, canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802 (reportlab)
        super().drawOn(canvas, x, y, _sW)
        renglones = getattr(canvas, "_renglones", None)
        if renglones is not None:  # la base de cada renglón (reportlab: alto - tamaño de letra)
            lineas = self.blPara.lines
            tamano = getattr(self.blPara, "fontSize", None) or lineas[0].fontSize
            renglones += [
                y + self.height - tamano - i * self.style.leading for i in range(len(lineas))
            ]
        vistas = canvas.__dict__.setdefault("_notas_vistas", set())
        for nota in self.marcas.get("notas", ()):
            if nota not in vistas:
                vistas.add(nota)
                canvas.__dict__.setdefault("_notas_pagina", []).append(nota)
        if "seccion" in self.marcas:
            canvas.__dict__.setdefault("_secciones_pagina", []).append(self.marcas["seccion"])


def _titulo_seccion(m: Maqueta, indice: int, p) -> Paragraph:
    """El encabezado de una sección: en versalitas dentro de una franja (`bandas`), o como
    siempre; con `encabezado_seccion`, marcado para que el encabezado corrido la nombre; en
    mayúsculas con una raya debajo (`seccion_raya`) o en color (`color_titulos`), con la clave
    del índice."""
    if m.seccion_raya or m.color_titulos:
        if m.seccion_raya:
            titulo = ConRaya(p(_seccion(m, indice).upper(), "titulo"), GUINDA)
        else:
            titulo = p(_en_color(_seccion(m, indice)), "titulo")
        titulo.clave_indice = f"s{indice}"
        return titulo
    if not (m.bandas or m.encabezado_seccion):
        return p(_seccion(m, indice), "titulo")
    nombre = f"{ROMANOS[indice]}. {SECCIONES[indice]}"
    if m.bandas:
        return p(_versalitas(_seccion(m, indice), m.tamano), "banda_seccion", seccion=nombre)
    return p(_seccion(m, indice), "titulo", seccion=nombre)


class Junto(Flowable):
    """Un encabezado con lo que lo sigue («conservar con el siguiente» dentro de las columnas,
    donde reportlab no lo hace): si no caben el encabezado y al menos el principio de lo que
    sigue, los dos pasan a la columna siguiente."""

    def __init__(self, titulo: Flowable, siguiente: Flowable) -> None:
        super().__init__()
        self.titulo, self.siguiente = titulo, siguiente

    def wrap(self, ancho: float, alto: float) -> tuple[float, float]:
        _, self.alto_titulo = self.titulo.wrap(ancho, alto)
        _, self.alto_siguiente = self.siguiente.wrap(ancho, alto)
        self.espacio = max(self.titulo.getSpaceAfter(), self.siguiente.getSpaceBefore())
        self.width, self.height = ancho, self.alto_titulo + self.espacio + self.alto_siguiente
        return self.width, self.height

    def split(self, ancho: float, alto: float) -> list:
        self.wrap(ancho, alto)
        resto = alto - self.alto_titulo - self.espacio
        partes = self.siguiente.split(ancho, resto) if resto > 0 else []
        return [Junto(self.titulo, partes[0]), *partes[1:]] if len(partes) > 1 else []

    def getSpaceBefore(self) -> float:  # noqa: N802 (nombre de reportlab)
        return self.titulo.getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802 (nombre de reportlab)
        return self.siguiente.getSpaceAfter()

    def draw(self) -> None:
        self.titulo.drawOn(self.canv, 0, self.alto_siguiente + self.espacio)
        self.siguiente.drawOn(self.canv, 0, 0)


def _juntar(flowables: list) -> list:
    """Cada encabezado que se conserva con el siguiente, en un `Junto` con lo que lo sigue."""
    juntos = []
    for flowable in reversed(flowables):
        if juntos and flowable.getKeepWithNext():
            juntos[-1] = Junto(flowable, juntos[-1])
        else:
            juntos.append(flowable)
    return juntos[::-1]


def _en_columnas(m: Maqueta, flowables: list) -> Flowable:
    """Los procedimientos en `columnas` columnas balanceadas con una raya entre ellas, que
    empiezan a media página y siguen en las páginas siguientes (sección continua de Word)."""
    return BalancedColumns(_juntar(flowables), nCols=m.columnas, innerPadding=9, leftPadding=0,
                           rightPadding=0, spaceBefore=4,
                           spaceAfter=m.tamano, vLinesStrokeColor=(0.3, 0.3, 0.3),
                           vLinesStrokeWidth=0.4)  # fmt: skip


class Girada(Flowable):
    """Lo que va en una página apaisada dentro de un informe vertical: ocupa todo el marco y
    se dibuja girado 90° (el renglón de arriba del cuadro queda hacia el margen izquierdo)."""

    def __init__(self, contenido: list[Flowable]) -> None:
        super().__init__()
        self.contenido = contenido

    def wrap(self, ancho: float, alto: float) -> tuple[float, float]:
        self.ancho, self.alto = ancho, alto - 1
        return self.ancho, self.alto

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.translate(self.ancho, 0)
        self.canv.rotate(90)
        arriba = self.ancho  # en el sistema girado, el ancho del marco es la altura
        for flowable in self.contenido:
            _, alto = flowable.wrap(self.alto, arriba)
            arriba -= alto
            flowable.drawOn(self.canv, 0, arriba)
            arriba -= 8
        self.canv.restoreState()


def _anexo(m: Maqueta, informe: InformeSintetico) -> list[Flowable]:
    """El cuadro resumen de los procedimientos (sin estatus: sólo lo que ya dice el informe)."""
    celda = ParagraphStyle("anexo", fontName=m.fuente, fontSize=m.tamano, leading=m.tamano * 1.2)
    negrita = ParagraphStyle("anexo_titulo", parent=celda, fontName=m.negrita)
    titulo = Paragraph("ANEXO ÚNICO. CUADRO RESUMEN DE LOS PROCEDIMIENTOS APLICADOS", negrita)
    filas = [[Paragraph(texto, negrita) for texto in ("Procedimiento", "Área evaluada", "Resultados",
                                                      "Recomendaciones", "Justificación de la entidad")]]  # fmt: skip
    for proc in informe.procedimientos:
        justificacion = "Sí" if proc.justificaciones else "No"
        filas.append([Paragraph(texto, celda) for texto in (romano(proc.numero), escape(proc.area),
                      str(len(proc.resultados)), str(len(proc.recomendaciones)), justificacion)])  # fmt: skip
    tabla = Table(filas, colWidths=[80, 200, 80, 100, 140], repeatRows=1, hAlign="LEFT")
    tabla.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0)),
                               ("BACKGROUND", (0, 0), (-1, 0), AZUL_CLARO),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))  # fmt: skip
    nota = Paragraph(
        f"Fuente: Informe Individual de Auditoría de Desempeño No. {informe.numero}.", celda
    )
    return [titulo, tabla, nota]


# Quinta tanda de reservadas (`reservada-portada`, `reservada-consecutiva`).
# Familias TrueType del sistema (sus cuatro variantes: normal, negritas, cursivas, ambas).
FAMILIAS_TTF = {
    "LiberationSansNarrow": ("/usr/share/fonts/truetype/liberation/LiberationSansNarrow-{}.ttf",
                             ("Regular", "Bold", "Italic", "BoldItalic")),
    "DejaVuSerif": ("/usr/share/fonts/truetype/dejavu/DejaVuSerif{}.ttf", ("", "-Bold", "-Italic", "-BoldItalic")),
    # Sexta tanda.
    "LiberationSerif": ("/usr/share/fonts/truetype/liberation/LiberationSerif-{}.ttf",
                        ("Regular", "Bold", "Italic", "BoldItalic")),
    "DejaVuSansCondensed": ("/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed{}.ttf",
                            ("", "-Bold", "-Oblique", "-BoldOblique")),
    # Séptima tanda.
    "LiberationSans": ("/usr/share/fonts/truetype/liberation/LiberationSans-{}.ttf",
                       ("Regular", "Bold", "Italic", "BoldItalic")),
    "DejaVuSerifCondensed": ("/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed{}.ttf",
                             ("", "-Bold", "-Italic", "-BoldItalic")),
}  # fmt: skip
GUINDA = Color(0.45, 0.09, 0.18)
DORADO = Color(0.74, 0.60, 0.33)
GUINDA_CLARO = Color(0.96, 0.92, 0.93)
VERDE = Color(0.05, 0.33, 0.38)


def _registrar_ttf(m: Maqueta) -> Maqueta:
    """Registra la familia TrueType de la maqueta con sus negritas y cursivas; si el sistema no
    la tiene, la maqueta con Helvetica (la verdad no cambia; el dibujo, sí)."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    plantilla, variantes = FAMILIAS_TTF[m.fuente]
    archivos = [Path(plantilla.format(variante)) for variante in variantes]
    if not all(archivo.exists() for archivo in archivos):
        return replace(m, fuente="Helvetica", negrita="Helvetica-Bold", fuente_ttf=False)
    if m.fuente not in pdfmetrics.getRegisteredFontNames():
        for (sufijo, negrita, cursiva), archivo in zip(
            (("", 0, 0), ("-Bold", 1, 0), ("-Italic", 0, 1), ("-BoldItalic", 1, 1)),
            archivos,
            strict=True,
        ):
            pdfmetrics.registerFont(TTFont(m.fuente + sufijo, str(archivo)))
            addMapping(m.fuente, negrita, cursiva, m.fuente + sufijo)
    return m


def _cursiva(m: Maqueta) -> str:
    if m.fuente_ttf:
        return m.fuente + "-Italic"
    return "Times-Italic" if m.fuente.startswith("Times") else "Helvetica-Oblique"


def _en_color(texto: str) -> str:
    """Un encabezado en el color de los títulos de `color_titulos`."""
    return f'<font color="#0d5461">{texto}</font>'


class ConRaya(Flowable):
    """Un encabezado con una raya de color debajo, a todo el ancho; se conserva con lo que
    sigue, como el encabezado que lleva dentro."""

    def __init__(self, titulo: Flowable, color: Color) -> None:
        super().__init__()
        self.titulo, self.color = titulo, color
        self.keepWithNext = 1

    def wrap(self, ancho: float, alto: float) -> tuple[float, float]:
        _, alto_titulo = self.titulo.wrap(ancho, alto)
        self.width, self.height = ancho, alto_titulo + 5
        return self.width, self.height

    def getSpaceBefore(self) -> float:  # noqa: N802 (nombre de reportlab)
        return self.titulo.getSpaceBefore()

    def getSpaceAfter(self) -> float:  # noqa: N802 (nombre de reportlab)
        return self.titulo.getSpaceAfter()

    def draw(self) -> None:
        self.titulo.drawOn(self.canv, 0, 5)
        self.canv.saveState()
        self.canv.setStrokeColor(self.color)
        self.canv.setLineWidth(1.0)
        self.canv.line(0, 2, self.width, 2)
        self.canv.restoreState()


class RenglonIndice(Flowable):
    """Una entrada del índice: el título (en uno o más renglones), puntos y su página."""

    def __init__(self, texto: str, pagina: str, m: Maqueta, sangria: float = 0) -> None:
        super().__init__()
        self.texto, self.pagina, self.m, self.sangria = texto, pagina, m, sangria
        self.fuente = m.fuente if sangria else m.negrita

    def wrap(self, ancho: float, alto: float) -> tuple[float, float]:
        self.width = ancho
        self.renglones = simpleSplit(
            self.texto, self.fuente, self.m.tamano, ancho - self.sangria - 48
        )
        self.height = len(self.renglones) * self.m.tamano * 1.25 + self.m.tamano * 0.6
        return self.width, self.height

    def draw(self) -> None:
        c, tamano = self.canv, self.m.tamano
        c.saveState()
        c.setFont(self.fuente, tamano)
        y = self.height - tamano
        for renglon in self.renglones:
            c.drawString(self.sangria, y, renglon)
            y -= tamano * 1.25
        y += tamano * 1.25
        c.setFont(self.m.fuente, tamano)
        c.drawRightString(self.width, y, self.pagina)
        desde = self.sangria + stringWidth(self.renglones[-1], self.fuente, tamano) + 4
        hasta = self.width - stringWidth(self.pagina, self.m.fuente, tamano) - 4
        punto = stringWidth(" .", self.m.fuente, tamano)
        puntos = int((hasta - desde) / punto)
        c.drawRightString(hasta, y, " ." * puntos)
        c.restoreState()


# Las páginas antes del oficio (portada e índice), que no cuentan en la numeración.
PAGINAS_PORTADA = 2


def _portada(m: Maqueta, informe: InformeSintetico, paginas: dict) -> list[Flowable]:
    """La portada y el índice (con las páginas de `paginas`, las de la pasada anterior), y el
    cambio a las plantillas del cuerpo."""
    from reportlab.lib.enums import TA_CENTER

    def estilo(tamano: float, negrita: bool = False, color: Color | None = None) -> ParagraphStyle:
        return ParagraphStyle("portada", fontName=m.negrita if negrita else m.fuente, fontSize=tamano,
                              leading=tamano * 1.3, alignment=TA_CENTER, spaceAfter=tamano * 0.5,
                              textColor=color or Color(0, 0, 0))  # fmt: skip

    ente, programa = escape(informe.ente), escape(informe.programa)
    partes = [
        Spacer(1, 150),
        Paragraph("AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS", estilo(15, True, GUINDA)),
        Paragraph("Auditoría Especial para el Desempeño", estilo(12)),
        Spacer(1, 110),
        Paragraph("INFORME INDIVIDUAL DE AUDITORÍA", estilo(22, True)),
        Paragraph(f"Auditoría de Desempeño No. {informe.numero}", estilo(14)),
        Spacer(1, 60),
        Paragraph(ente, estilo(14, True)),
        Paragraph(f"Programa {programa}", estilo(13)),
        Spacer(1, 30),
        Paragraph(f"Cuenta Pública {informe.ejercicio}", estilo(13, True, GUINDA)),
        NextPageTemplate("indice"),
        PageBreak(),
        Paragraph("ÍNDICE", estilo(14, True, GUINDA)),
        Spacer(1, 14),
    ]

    def numero(clave: str) -> str:
        return str(max(paginas.get(clave, 0) - PAGINAS_PORTADA, 0))

    partes.append(RenglonIndice("Oficio de remisión", numero("oficio"), m))
    for indice, seccion in enumerate(SECCIONES):
        partes.append(RenglonIndice(f"{ROMANOS[indice]}. {seccion}", numero(f"s{indice}"), m))
        if indice == 5:
            partes += [RenglonIndice(f"Procedimiento {proc.numero}. {proc.area}", numero(f"p{proc.numero}"), m, 18)
                       for proc in informe.procedimientos]  # fmt: skip
    return [*partes, NextPageTemplate("primera"), PageBreak()]


def _recuadro(m: Maqueta, titulo: str, cierre: list[str], p) -> list[Flowable]:
    """El cierre en un recuadro con su título en un renglón sombreado (no se parte entre
    páginas)."""
    filas = [[p(f"<b>{escape(titulo)}</b>", "celda")]] + [[p(escape(c), "celda")] for c in cierre]
    tabla = Table(filas, colWidths=[_ancho_cuerpo(m)], hAlign="LEFT")
    tabla.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, GUINDA), ("NOSPLIT", (0, 0), (-1, -1)), ("LINEBELOW", (0, 0), (-1, 0), 0.5, GUINDA),
                               ("BACKGROUND", (0, 0), (-1, 0), GUINDA_CLARO), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                               ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))  # fmt: skip
    return [Spacer(1, m.tamano * 0.4), tabla, Spacer(1, m.tamano * 0.8)]


def historia(informe: InformeSintetico, m: Maqueta, paginas: dict | None = None) -> list:
    e = _estilos(m)
    marcado = _marcado(m)

    def p(texto: str, estilo: str = "cuerpo", **marcas) -> Paragraph:
        """Un párrafo; en las maquetas que llevan la cuenta de lo que cae en cada página
        (renglones, notas al pie, secciones: `_marcado`), uno que la lleva (`Parrafo`)."""
        texto = _tipografia(m, texto, estilo)
        return Parrafo(texto, e[estilo], marcas) if marcado else Paragraph(texto, e[estilo])

    def t(indice: int) -> Paragraph:
        return _titulo_seccion(m, indice, p)

    def llamada(nota: int) -> str:  # la llamada a una nota al pie, si la maqueta las lleva
        return f"<super>{nota}</super>" if m.notas_pie else ""

    plural_res = lambda n: "Resultados" if n != 1 else "Resultado"  # noqa: E731
    programa = f"“{escape(informe.programa)}”" if m.tipografia else escape(informe.programa)
    partes = _ficha(m, informe, p) if m.tablas else []
    if m.portada:
        partes = _portada(m, informe, paginas or {}) + partes
    inicio = len(partes)
    partes += [
        p(f"{informe.lugar}, a {fecha_texto(informe.fecha)}"),
        p(f"{informe.titulo_destinatario} {escape(informe.destinatario.upper())}<br/>PRESIDENTE DE LA COMISIÓN DE VIGILANCIA<br/>"
          "DE LA AUDITORÍA SUPERIOR DEL ESTADO"),
        _nota(m, p("En cumplimiento a lo establecido en los artículos 116 fracción II de la Constitución Política de los Estados "
          "Unidos Mexicanos y 76 de la Constitución Política del Estado de Tamaulipas, me permito remitir a esa Comisión "
          f"de Vigilancia el <b>Informe Individual de la Auditoría de Desempeño No. {informe.numero}</b> practicada "
          f"{'a la' if informe.ente.startswith('Comisión') else 'al'} <b>{escape(informe.ente)}, al Programa {programa}</b>, "
          f"correspondiente a los recursos del ejercicio <b>{informe.ejercicio}</b>, respecto al cumplimiento de metas y "
          "objetivos, su consistencia y orientación a resultados. Otros marcos de referencia: la Metodología de Marco Lógico "
          "emitida por el Instituto Latinoamericano y del Caribe de Planificación Económica y Social<super>1</super> (ILPES), la "
          "Guía MIR y la información de Presupuesto Basado en Resultados emitidos por la Secretaría de Hacienda y Crédito "
          "Público, así como los Términos de Referencia del Consejo Nacional de Evaluación de la Política de Desarrollo Social "
          "para la evaluación de consistencia y resultados de los programas presupuestarios municipales y estatales.",
                   notas=(1,)),
              "Fundamento: art. 116 CPEUM y art. 76 CPET"),
        t(0),
        p(f"El Programa {programa}, que coordinó el {escape(informe.ente)} durante el ejercicio "
          f"{informe.ejercicio}, atiende a la población en situación de vulnerabilidad del municipio. " * 2),
        t(1),
        p("Esta Auditoría se realizó conforme a los criterios establecidos en el Programa Anual de Auditoría"
          f"{llamada(2)}, aprobado por la Comisión de Vigilancia mediante oficio número {informe.oficios[0][0]}, con fecha "
          f"{fecha_texto(informe.oficios[0][1])}, de conformidad con la Ley de Fiscalización y Rendición de Cuentas.",
          notas=(2,) if m.notas_pie else ()),
        t(2),
        p("Verificar el cumplimiento de metas y objetivos del programa, así como evaluar su consistencia y resultados."),
        t(3),
        p(f"Realizar la revisión del Programa <b>{programa}</b>, correspondiente al ejercicio "
          f"{informe.ejercicio}, instrumentado a través del {escape(informe.ente)}, en términos del objetivo de auditoría."),
        t(4),
        p("Para la realización de la auditoría se designó formalmente a los auditores CC. "
          + ", ".join(informe.auditores[:-1]) + f" y {informe.auditores[-1]}."),
        t(5),
    ]  # fmt: skip
    partes[inicio].clave_indice = "oficio"  # dónde empieza el oficio (para el índice)
    azar = random.Random(f"{informe.numero}|{m.nombre}")  # sólo para decisiones de la maqueta
    seccion_vi = [] if m.columnas > 1 else partes  # los procedimientos; aparte, si van en columnas
    # Las notas al pie de los procedimientos (`notas_pie`): la 3 en la primera descripción, la
    # 4 en el primer encabezado de justificación.
    notas = {3: m.notas_pie, 4: m.notas_pie}
    previos = [0, 0]  # resultados y recomendaciones de los procedimientos anteriores
    al = "a la" if informe.ente.startswith("Comisión") else "al"
    intro = escape(m.intro_recomendaciones.format(al=al, ente=informe.ente))
    for proc in informe.procedimientos:
        seccion_vi += _encabezado_procedimiento(m, proc, p, informe.programa, 3 if notas[3] else 0)
        notas[3] = False
        for titulo, items in ((plural_res(len(proc.resultados)), proc.resultados),
                              ("Recomendaciones" if len(proc.recomendaciones) != 1 else "Recomendación",
                               proc.recomendaciones)):  # fmt: skip
            if not items:
                continue
            bloque = 0 if titulo.startswith("Resultado") else 1
            desde = previos[bloque] if m.consecutiva else 0
            seccion_vi += _bloque_incisos(m, titulo, items, proc.numero, p, desde,
                                          intro if bloque == 1 else "")  # fmt: skip
        previos[0] += len(proc.resultados)
        previos[1] += len(proc.recomendaciones)
        if proc.justificaciones is not None and (proc.justificaciones or proc.recomendaciones):
            textos = [j.texto for j in proc.justificaciones]
            if m.en_linea and len(textos) <= 1:  # «Justificación: En atención a…» en un renglón
                texto = (
                    textos[0]
                    if textos
                    else "No se recibió justificación de la entidad fiscalizada."
                )
                seccion_vi.append(p(f"{_marca_bloque(m, 'Justificación')} {escape(texto)}"))
            else:
                encabezado = _titulo_bloque(m, "Justificación", p, 4 if notas[4] else 0)
                notas[4] = False
                seccion_vi.append(_nota(m, encabezado, "Solventación del ente"))
                if not proc.justificaciones:
                    seccion_vi.append(p("No se recibió justificación de la entidad fiscalizada."))
                if m.justificacion_prosa:  # párrafos sin número
                    seccion_vi += [p(escape(texto)) for texto in textos]
                else:
                    estilo = "cita" if m.justificacion_cita else "item"
                    seccion_vi += [p(f"{_inciso(m, i, proc.numero, 2)} {escape(texto)}", estilo)
                                   for i, texto in enumerate(textos, 1)]  # fmt: skip
            if proc.cierre and m.cierre_pagina and azar.random() < m.cierre_pagina:
                seccion_vi.append(PageBreak())  # el cierre arriba de la página siguiente
            if proc.cierre and m.titulo_cierre:
                seccion_vi.append(_titulo_bloque(m, m.titulo_cierre, p))
            previo = f"<b>{m.cierre_en_linea}</b> " if m.cierre_en_linea else ""
            if m.cierre_recuadro and proc.cierre:
                seccion_vi += _recuadro(m, m.cierre_recuadro, proc.cierre, p)
            elif m.cierre_negritas:
                seccion_vi += [p(f"<b>{escape(c)}</b>") for c in proc.cierre]
            else:
                seccion_vi += [
                    _nota(m, p(previo + escape(c)), "Valoración de la ASE") for c in proc.cierre
                ]
    if m.columnas > 1:  # una sección continua en columnas, como en Word, tras su encabezado
        titulo_vi = partes.pop()
        titulo_vi.keepWithNext = 0  # las columnas no caben enteras en ninguna página
        partes += [CondPageBreak(m.tamano * m.interlineado * 10), titulo_vi,
                   _en_columnas(m, seccion_vi)]  # fmt: skip
    notificacion, respuesta = informe.oficios[1], informe.oficios[2]
    excepcion = (", a excepción de aquellas que no se mencionaron en el apartado de justificación"
                 if informe.respuesta_general else "")  # fmt: skip
    partes += [
        t(6),
        p(f"Se turnó OFICIO No. {notificacion[0]} de fecha {fecha_texto(notificacion[1])}, mediante el cual se le "
          f"notificó la Cédula de Resultados y Observaciones Preliminares{llamada(5)}, y se estableció el plazo de 5 días "
          f"hábiles para presentar la solventación, obteniendo respuesta mediante Oficio número {respuesta[0]} recibido el "
          f"{fecha_texto(respuesta[1])}, mediante el cual la dependencia presentó la posición institucional a la "
          f"solventación de las recomendaciones con el debido soporte{excepcion}.", notas=(5,) if m.notas_pie else ()),
        _nota(m, t(7), "Opinión de la ASE"),
        p(f"La Auditoría de Desempeño No. {informe.numero} practicada al Programa {programa}, "
          f"correspondiente a los recursos del ejercicio {informe.ejercicio}, fue planeada y desarrollada conforme al "
          "objetivo y alcance establecidos, y se aplicaron los procedimientos de auditoría que se estimaron necesarios."),
    ]  # fmt: skip
    if informe.dictamen == "se abstiene de opinar":
        partes.append(p("Por las limitaciones en la evidencia proporcionada, esta Auditoría Superior "
                        f"<b>{informe.dictamen_texto}</b> sobre el desempeño del programa."))  # fmt: skip
    elif informe.dictamen:
        partes.append(p(f"En conclusión, sobre el desempeño del Programa, éste <b>{informe.dictamen_texto}</b> con los "
                        "objetivos del programa en términos de eficacia."))  # fmt: skip
    if m.sello:
        firma = [p("EL AUDITOR SUPERIOR DEL ESTADO", "celda"), Spacer(1, 30),
                 p(f"ING. {escape(informe.auditor_superior.upper())}", "celda")]  # fmt: skip
        tabla = Table([[firma, Sello(m)]], colWidths=[_ancho_cuerpo(m) - 120, 120], hAlign="LEFT")
        tabla.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        return [*partes, KeepTogether([Spacer(1, 20), tabla])]
    partes += [
        Spacer(1, 20),
        p("EL AUDITOR SUPERIOR DEL ESTADO"),
        Spacer(1, 30),
        p(f"ING. {escape(informe.auditor_superior.upper())}"),
    ]
    if m.anexo_girado:
        partes += [PageBreak(), Girada(_anexo(m, informe))]
    return partes


def _renglon(canvas, m: Maqueta, alinear: str, pagina: int, y: float, texto: str) -> None:
    """Un renglón de encabezado o pie: centrado, a un lado, o alternando páginas pares e impares."""
    ancho, _ = letter
    if alinear == "alterna":
        alinear = "derecha" if pagina % 2 else "izquierda"
    if alinear == "izquierda":
        canvas.drawString(m.margen, y, texto)
    elif alinear == "derecha":
        canvas.drawRightString(ancho - m.margen, y, texto)
    else:
        canvas.drawCentredString(ancho / 2, y, texto)


TAMANO_LEYENDA = 6.5


def _leyenda(m: Maqueta) -> list[str]:
    """Los renglones de la leyenda legal del pie, al ancho de la página."""
    ancho = letter[0] - (m.margen_izquierdo or m.margen) - m.margen
    return simpleSplit(m.pie_legal, m.fuente, TAMANO_LEYENDA, ancho) if m.pie_legal else []


def _alto_pie(m: Maqueta) -> float:
    if m.pie_legal:
        return len(_leyenda(m)) * TAMANO_LEYENDA * 1.2 + 8
    return len(m.pie_extra) * m.tamano * 0.9


def _marca_agua(canvas, m: Maqueta) -> None:
    """El texto en diagonal, gris claro, detrás del cuerpo (como la marca de agua de Word)."""
    ancho, alto = letter
    canvas.saveState()
    canvas.setFillGray(0.86)
    canvas.setFont(m.negrita, 60)
    canvas.translate(ancho / 2, alto / 2)
    canvas.rotate(52)
    canvas.drawCentredString(0, -20, m.marca_agua)
    canvas.restoreState()


def _dibujar_pagina(m: Maqueta, numero: str = "", total: int = 0):
    def dibujar(canvas, documento) -> None:
        canvas.saveState()
        ancho, alto = letter
        pagina = documento.page
        if m.marca_agua:
            _marca_agua(canvas, m)
        if _marcado(m):  # lo que anotan los párrafos de esta página (`Parrafo`)
            canvas._notas_pagina, canvas._secciones_pagina = [], []
            canvas._renglones = [] if m.numeros_renglon else None
        canvas.setFont(m.negrita, m.tamano * 0.8)
        encabezado = m.encabezado_par if m.encabezado_par and pagina % 2 == 0 else m.encabezado
        if m.encabezado_seccion:  # lo dibuja `_fin_pagina`, cuando ya sabe qué secciones hay
            encabezado = ()
        if m.bandas:  # el encabezado en blanco sobre una franja azul, con el número del informe
            canvas.setFillColor(AZUL)
            canvas.rect(m.margen, alto - 46, ancho - 2 * m.margen, 16, stroke=0, fill=1)
            canvas.setFillColor(white)
            canvas.drawString(m.margen + 4, alto - 40, encabezado[0])
            canvas.drawRightString(ancho - m.margen - 4, alto - 40, f"INFORME INDIVIDUAL {numero}")
            canvas.setFillGray(0)
            encabezado = ()
        for i, linea in enumerate(encabezado):
            linea = linea.replace("{numero}", numero)
            linea = linea.replace("{n}", str(pagina)).replace("{t}", str(total))
            _renglon(canvas, m, m.alinear_encabezado, pagina, alto - 40 - i * m.tamano, linea)
        if m.logotipo_derecha:  # recuadro del logotipo a la derecha y raya bajo el encabezado
            derecha, base = ancho - m.margen, alto - 40 - (len(encabezado) - 1) * m.tamano
            canvas.rect(derecha - 64, base, 64, 30, stroke=0, fill=1)
            canvas.setFillGray(1)
            canvas.setFont("Helvetica-Bold", 13)
            canvas.drawCentredString(derecha - 32, base + 14, "ASE")
            canvas.setFont("Helvetica", 5.5)
            canvas.drawCentredString(derecha - 32, base + 5, "TAMAULIPAS")
            canvas.setFillGray(0)
            raya = base - 8
            canvas.setLineWidth(0.8)
            canvas.line(m.margen, raya, derecha, raya)
        if m.logotipo:
            canvas.rect(m.margen, alto - 46, 40, 22, stroke=0, fill=1)
            canvas.setFillGray(1)
            canvas.setFont("Helvetica-Bold", 11)
            canvas.drawCentredString(m.margen + 20, alto - 39, "ASE")
            canvas.setFillGray(0)
            raya = alto - 40 - (len(m.encabezado) - 1) * m.tamano - 6
            canvas.setLineWidth(1.2)
            canvas.line(m.margen, raya, ancho - m.margen, raya)
        if m.pie_legal:
            leyenda = _leyenda(m)
            canvas.setLineWidth(0.5)
            canvas.line(m.margen, 34 + len(leyenda) * TAMANO_LEYENDA * 1.2, ancho - m.margen,
                        34 + len(leyenda) * TAMANO_LEYENDA * 1.2)  # fmt: skip
            canvas.setFont(m.fuente, TAMANO_LEYENDA)
            for i, linea in enumerate(leyenda):
                y = 30 + (len(leyenda) - 1 - i) * TAMANO_LEYENDA * 1.2
                canvas.drawString(m.margen, y, linea)
        canvas.setFont(m.fuente, m.tamano * 0.8)
        for i, linea in enumerate(m.pie_extra):
            canvas.drawCentredString(ancho / 2, 30 + (len(m.pie_extra) - i) * m.tamano * 0.9, linea)
        if m.numero_arriba:
            canvas.drawRightString(ancho - m.margen, alto - 40, m.pie.format(n=pagina, t=total))
        elif m.pie:
            _renglon(canvas, m, m.alinear_pie, pagina, 30, m.pie.format(n=pagina, t=total))
        if pagina == 1 and not m.notas_pie:
            canvas.setFont(m.fuente, m.tamano * 0.7)
            canvas.drawString(
                m.margen_izquierdo or m.margen,
                58 + _alto_pie(m),
                "1 El ILPES es un organismo permanente de la CEPAL, Naciones Unidas.",
            )
        canvas.restoreState()

    return dibujar


def _fin_pagina(m: Maqueta, numero: str = ""):
    """Lo que se dibuja al terminar cada página, cuando ya se sabe qué cayó en ella (lo anotan
    los `Parrafo`): el encabezado con la sección en curso, las notas al pie y los números de
    renglón."""
    estado = {"seccion": ""}  # la última sección que empezó (el encabezado la repite)

    def terminar(canvas, documento) -> None:
        ancho, alto = letter
        pagina = documento.page
        canvas.saveState()
        if m.encabezado_seccion:
            if pagina == 1:
                estado["seccion"] = ""
            secciones = canvas._secciones_pagina
            # Como el campo STYLEREF de Word: la primera sección que empieza en la página o,
            # si no empieza ninguna, la última de antes.
            seccion = secciones[0] if secciones else estado["seccion"]
            estado["seccion"] = secciones[-1] if secciones else estado["seccion"]
            y = alto - 40
            canvas.setFont(m.negrita, m.tamano * 0.8)
            canvas.drawString(m.margen, y, m.encabezado[0].replace("{numero}", numero))
            canvas.setFont(m.fuente, m.tamano * 0.8)
            canvas.drawString(m.margen, y - m.tamano, m.encabezado[1].replace("{n}", str(pagina)))
            cursiva = "Times-Italic" if m.fuente.startswith("Times") else "Helvetica-Oblique"
            canvas.setFont(cursiva, m.tamano * 0.8)
            canvas.drawRightString(ancho - m.margen, y - m.tamano, seccion or "Informe Individual")
            canvas.setLineWidth(0.6)
            canvas.line(m.margen, y - m.tamano - 5, ancho - m.margen, y - m.tamano - 5)
        if m.notas_pie and canvas._notas_pagina:  # raya corta y las notas, en letra chica
            arriba = 50 + _alto_pie(m) + RESERVA_NOTAS - 4
            canvas.setLineWidth(0.5)
            canvas.line(m.margen, arriba, m.margen + 144, arriba)
            y = arriba - TAMANO_NOTA * 1.3
            for nota in canvas._notas_pagina:
                canvas.setFont(m.fuente, TAMANO_NOTA * 0.7)
                canvas.drawString(m.margen, y + TAMANO_NOTA * 0.4, str(nota))
                canvas.setFont(m.fuente, TAMANO_NOTA)
                ancho_nota = ancho - 2 * m.margen - 8
                for renglon in simpleSplit(NOTAS_PIE[nota], m.fuente, TAMANO_NOTA, ancho_nota):
                    canvas.drawString(m.margen + 6, y, renglon)
                    y -= TAMANO_NOTA * 1.2
        if m.numeros_renglon and canvas._renglones:  # de 1 en cada página, como Word
            canvas.setFont("Helvetica", m.tamano * 0.75)
            canvas.setFillGray(0.4)
            for i, y in enumerate(sorted(set(canvas._renglones), reverse=True), 1):
                canvas.drawRightString(m.margen - 10, y, str(i))
        canvas.restoreState()

    return terminar


def dibujar(informe: InformeSintetico, m: Maqueta) -> bytes:
    """El PDF; con «{t}» en el pie («Página X de Y»), se arma dos veces para saber el total (las
    de la quinta tanda, siempre: también para las páginas del índice)."""
    if m.fuente_ttf:
        m = _registrar_ttf(m)
    if m.sexta:
        return _construir_6(informe, m)
    if m.septima:
        from tests.generador.septima import construir_7

        return construir_7(informe, m)
    if m.portada or m.espejo:
        _, total, paginas = _construir_5(informe, m)
        return _construir_5(informe, m, total, paginas)[0]
    con_total = "{t}" in m.pie or any("{t}" in linea for linea in m.encabezado)
    total = _construir(informe, m)[1] if con_total else 0
    return _construir(informe, m, total)[0]


def _construir(informe: InformeSintetico, m: Maqueta, total: int = 0) -> tuple[bytes, int]:
    if m.fuente == "Vera":
        _registrar_vera()
    memoria = io.BytesIO()
    ancho, alto = letter
    plantilla = SimpleDocTemplate if m.solo_primera else BaseDocTemplate
    documento = plantilla(memoria, pagesize=letter, invariant=1, title="informe")
    renglones = max(len(m.encabezado), len(m.encabezado_par))
    arriba = 50 + renglones * m.tamano + (10 if m.logotipo or m.logotipo_derecha or m.bandas else 0)
    abajo = 50 + _alto_pie(m) + (RESERVA_NOTAS if m.notas_pie else 0)
    izquierda = m.margen_izquierdo or m.margen
    ancho_cuerpo = ancho - izquierda - m.margen
    nota = 0 if m.notas_pie else 25  # la nota del ILPES, fija al pie de la primera página
    primera = Frame(
        izquierda, abajo + nota, ancho_cuerpo, alto - arriba - abajo - nota, id="primera"
    )
    resto = Frame(izquierda, abajo, ancho_cuerpo, alto - arriba - abajo, id="resto")
    pagina = _dibujar_pagina(m, informe.numero, total)
    fin = {"onPageEnd": _fin_pagina(m, informe.numero)} if _marcado(m) else {}
    documento.addPageTemplates([
        PageTemplate("primera", [primera], onPage=pagina, autoNextPageTemplate="resto", **fin),
        PageTemplate("resto", [resto], onPage=pagina, **fin),
    ])  # fmt: skip
    documento.build(historia(informe, m))
    return memoria.getvalue(), documento.page


class DocumentoConIndice(BaseDocTemplate):
    """Anota en `registro` la página donde cae cada flowable con `clave_indice` (para el
    índice de la pasada siguiente)."""

    def __init__(self, destino, registro: dict, **opciones) -> None:
        super().__init__(destino, **opciones)
        self.registro = registro

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (nombre de reportlab)
        clave = getattr(flowable, "clave_indice", None)
        if clave:
            self.registro.setdefault(clave, self.page)


NOTA_ILPES = "1 El ILPES es un organismo permanente de la CEPAL, Naciones Unidas."
ABAJO_5 = 64  # el alto del pie de las maquetas de la quinta tanda


def _arriba_5(m: Maqueta) -> float:
    return 50 + len(m.encabezado) * m.tamano + (22 if m.pleca else 14)


def _pagina_portada(canvas, m: Maqueta, numero: str, pagina: int, total: int) -> None:
    """Pleca arriba (el nombre de la Auditoría sobre dos franjas, guinda y dorada) y pie con
    raya y «Página X de Y», contando desde el oficio; la portada sólo lleva las franjas."""
    ancho, alto = m.pagina
    if pagina == 1:
        canvas.setFillColor(GUINDA)
        canvas.rect(0, alto - 54, ancho, 54, stroke=0, fill=1)
        canvas.rect(0, 0, ancho, 30, stroke=0, fill=1)
        canvas.setFillColor(DORADO)
        canvas.rect(0, alto - 60, ancho, 4, stroke=0, fill=1)
        canvas.rect(0, 30, ancho, 4, stroke=0, fill=1)
        return
    y = alto - 40
    canvas.setFont(m.negrita, m.tamano * 0.85)
    canvas.drawString(m.margen, y, m.encabezado[0])
    canvas.setFont(m.fuente, m.tamano * 0.8)
    canvas.drawString(m.margen, y - m.tamano, m.encabezado[1])
    canvas.drawRightString(ancho - m.margen, y, "Informe Individual de Auditoría")
    canvas.drawRightString(ancho - m.margen, y - m.tamano, numero)
    franja = y - m.tamano - 10
    canvas.setFillColor(GUINDA)
    canvas.rect(m.margen, franja, ancho - 2 * m.margen, 4, stroke=0, fill=1)
    canvas.setFillColor(DORADO)
    canvas.rect(m.margen, franja - 3, ancho - 2 * m.margen, 1.5, stroke=0, fill=1)
    canvas.setFillGray(0)
    if pagina <= PAGINAS_PORTADA:
        return
    canvas.setStrokeColor(GUINDA)
    canvas.setLineWidth(0.6)
    canvas.line(m.margen, 48, ancho - m.margen, 48)
    canvas.setFont(m.fuente, m.tamano * 0.75)
    canvas.drawString(
        m.margen, 36, "Auditoría Superior del Estado de Tamaulipas · Auditoría de Desempeño"
    )
    visible, paginas = pagina - PAGINAS_PORTADA, total - PAGINAS_PORTADA
    canvas.drawRightString(ancho - m.margen, 36, m.pie.format(n=visible, t=paginas))
    if pagina == PAGINAS_PORTADA + 1:
        canvas.setFont(m.fuente, m.tamano * 0.7)
        canvas.drawString(m.margen, ABAJO_5 + 8, NOTA_ILPES)


def _pagina_espejo(canvas, m: Maqueta, informe: InformeSintetico, pagina: int) -> None:
    """Márgenes en espejo: la franja vertical con el nombre de la Auditoría en el borde
    exterior, el encabezado del lado exterior con una raya, y el número de página en un
    cuadro en la esquina exterior de abajo."""
    ancho, alto = m.pagina
    impar = pagina % 2 == 1
    izquierda = m.margen_izquierdo if impar else m.margen
    derecha = ancho - (m.margen if impar else m.margen_izquierdo)
    franja = ancho - 16 if impar else 0
    canvas.setFillColor(VERDE)
    canvas.rect(franja, 0, 16, alto, stroke=0, fill=1)
    canvas.saveState()
    canvas.translate(franja + 11, alto / 2)
    canvas.rotate(90)
    canvas.setFillGray(1)
    canvas.setFont(m.negrita, 7)
    canvas.drawCentredString(0, 0, "AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS")
    canvas.restoreState()
    y = alto - 40
    renglones = (
        m.encabezado[0],
        f"Auditoría No. {informe.numero} · Cuenta Pública {informe.ejercicio}",
    )
    canvas.setFillColor(VERDE)
    for i, renglon in enumerate(renglones):
        canvas.setFont(m.negrita if i == 0 else m.fuente, m.tamano * 0.8)
        if impar:
            canvas.drawRightString(derecha, y - i * m.tamano, renglon)
        else:
            canvas.drawString(izquierda, y - i * m.tamano, renglon)
    canvas.setStrokeColor(VERDE)
    canvas.setLineWidth(0.5)
    canvas.line(izquierda, y - m.tamano - 6, derecha, y - m.tamano - 6)
    cuadro = derecha - 18 if impar else izquierda
    canvas.rect(cuadro, 28, 18, 18, stroke=0, fill=1)
    canvas.setFillGray(1)
    canvas.setFont(m.negrita, m.tamano * 0.8)
    canvas.drawCentredString(cuadro + 9, 34, m.pie.format(n=pagina))
    canvas.setFillGray(0)
    if pagina == 1:
        canvas.setFont(m.fuente, m.tamano * 0.7)
        canvas.drawString(izquierda, ABAJO_5 + 8, NOTA_ILPES)


def _construir_5(informe: InformeSintetico, m: Maqueta, total: int = 0,
                 paginas: dict | None = None) -> tuple[bytes, int, dict]:  # fmt: skip
    """Las maquetas de la quinta tanda: con portada e índice (`portada`, que necesita las
    páginas de una pasada anterior) o con márgenes en espejo (`espejo`). Devuelve el PDF, el
    total de páginas y la página de cada entrada del índice."""
    memoria, registro = io.BytesIO(), {}
    ancho, alto = m.pagina
    documento = DocumentoConIndice(
        memoria, registro, pagesize=m.pagina, invariant=1, title="informe"
    )
    arriba = _arriba_5(m)
    cuerpo = alto - arriba - ABAJO_5

    def dibujar(canvas, doc) -> None:
        canvas.saveState()
        if m.portada:
            _pagina_portada(canvas, m, informe.numero, doc.page, total)
        else:
            _pagina_espejo(canvas, m, informe, doc.page)
        canvas.restoreState()

    if m.portada:
        ancho_cuerpo = ancho - 2 * m.margen
        plantillas = [
            PageTemplate("portada", [Frame(m.margen, 72, ancho_cuerpo, alto - 144, id="portada")], onPage=dibujar),
            PageTemplate("indice", [Frame(m.margen, ABAJO_5, ancho_cuerpo, cuerpo, id="indice")], onPage=dibujar),
            PageTemplate("primera", [Frame(m.margen, ABAJO_5 + 25, ancho_cuerpo, cuerpo - 25, id="primera")],
                         onPage=dibujar, autoNextPageTemplate="resto"),
            PageTemplate("resto", [Frame(m.margen, ABAJO_5, ancho_cuerpo, cuerpo, id="resto")], onPage=dibujar),
        ]  # fmt: skip
    else:
        ancho_cuerpo = ancho - m.margen_izquierdo - m.margen
        impar, par = m.margen_izquierdo, m.margen
        plantillas = [
            PageTemplate("primera", [Frame(impar, ABAJO_5 + 25, ancho_cuerpo, cuerpo - 25, id="primera")],
                         onPage=dibujar, autoNextPageTemplate="par"),
            PageTemplate("par", [Frame(par, ABAJO_5, ancho_cuerpo, cuerpo, id="par")], onPage=dibujar,
                         autoNextPageTemplate="impar"),
            PageTemplate("impar", [Frame(impar, ABAJO_5, ancho_cuerpo, cuerpo, id="impar")], onPage=dibujar,
                         autoNextPageTemplate="par"),
        ]  # fmt: skip
    documento.addPageTemplates(plantillas)
    documento.build(historia(informe, m, paginas))
    return memoria.getvalue(), documento.page, registro


# Sexta tanda de reservadas (`tests/generador/RESERVADAS6.md`): se dibujan con su propia
# historia (`historia_6`), con los mismos textos del oficio y de las secciones que `historia`.
AZUL_CEDULA = Color(0.15, 0.24, 0.38)
GRIS_CEDULA = Color(0.92, 0.93, 0.95)
GRIS_ANEXO = Color(0.45, 0.45, 0.45)
# `cedula`: el formato controlado (código y revisión en el encabezado).
CODIGO_FORMATO = ("Código: FO-AED-12", "Revisión: 03")
LETRAS_SECCION = "ABCDEFGH"
ORDINALES_PROCEDIMIENTO = ["Primer", "Segundo", "Tercer", "Cuarto", "Quinto", "Sexto", "Séptimo",
                           "Octavo", "Noveno", "Décimo", "Undécimo", "Duodécimo"]  # fmt: skip
MARGENES_6 = {"cedula": (85, 57), "anexo": (72, 72)}  # izquierdo, derecho
APAISADA = (letter[1], letter[0])


def _ordinal_procedimiento(numero: int) -> str:
    """3 → «Tercer procedimiento» (más allá de los que tienen nombre, «Procedimiento 13»)."""
    if numero <= len(ORDINALES_PROCEDIMIENTO):
        return f"{ORDINALES_PROCEDIMIENTO[numero - 1]} procedimiento"
    return f"Procedimiento {numero}"


def _estilos_6(m: Maqueta) -> dict[str, ParagraphStyle]:
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT

    base = ParagraphStyle("cuerpo6", fontName=m.fuente, fontSize=m.tamano, leading=m.tamano * m.interlineado,
                          alignment=TA_JUSTIFY, spaceAfter=m.tamano * m.espacio_cuerpo)  # fmt: skip
    cedula = m.sexta == "cedula"
    seccion = ParagraphStyle(
        "seccion6",
        parent=base,
        fontName=m.negrita,
        fontSize=m.tamano + (1.5 if cedula else 0.5),
        leading=(m.tamano + 1.5) * 1.25,
        alignment=TA_LEFT if cedula else TA_CENTER,
        textColor=AZUL_CEDULA if cedula else Color(0, 0, 0),
        spaceBefore=m.tamano * m.espacio_titulo,
        spaceAfter=m.tamano * 0.5,
        keepWithNext=1,
    )
    celda = ParagraphStyle("celda6", parent=base, fontSize=m.tamano - 1, leading=(m.tamano - 1) * 1.2,
                           alignment=TA_LEFT, spaceAfter=m.tamano * 0.3)  # fmt: skip
    return {
        "cuerpo": base,
        "derecha": ParagraphStyle("derecha6", parent=base, alignment=TA_RIGHT),
        "centro": ParagraphStyle("centro6", parent=base, alignment=TA_CENTER),
        "seccion": seccion,
        "bloque": ParagraphStyle(
            "bloque6",
            parent=base,
            fontName=_cursiva(m),
            textColor=AZUL_CEDULA,
            spaceBefore=m.tamano * 0.6,
            spaceAfter=m.tamano * 0.3,
            keepWithNext=1,
        ),
        "procedimiento": ParagraphStyle(
            "procedimiento6",
            parent=base,
            fontName=m.negrita,
            fontSize=m.tamano + 1,
            leading=(m.tamano + 1) * 1.3,
            alignment=TA_LEFT,
            spaceAfter=m.tamano * 0.3,
            keepWithNext=1,
        ),
        "descripcion": ParagraphStyle("descripcion6", parent=base, fontName=_cursiva(m)),
        "introduccion": ParagraphStyle(
            "introduccion6",
            parent=base,
            spaceBefore=m.tamano * 0.5,
            spaceAfter=m.tamano * 0.35,
            keepWithNext=1,
        ),
        "resultado": ParagraphStyle(
            "resultado6",
            parent=base,
            leftIndent=28 if cedula else 16,
            firstLineIndent=-28 if cedula else -16,
            spaceAfter=m.tamano * m.espacio_item,
        ),
        # En `anexo`, el ordinal va en el mismo renglón y los siguientes renglones, al margen.
        "recomendacion": ParagraphStyle(
            "recomendacion6",
            parent=base,
            leftIndent=48 if cedula else 0,
            firstLineIndent=-48 if cedula else 0,
            spaceAfter=m.tamano * m.espacio_item,
        ),
        "justificacion": ParagraphStyle(
            "justificacion6",
            parent=base,
            leftIndent=18,
            firstLineIndent=-18,
            spaceAfter=m.tamano * m.espacio_item,
        ),
        "celda": celda,
        "celda_titulo": ParagraphStyle(
            "celda_titulo6", parent=celda, fontName=m.negrita, spaceAfter=0
        ),
        "celda_item": ParagraphStyle(
            "celda_item6", parent=celda, leftIndent=20, firstLineIndent=-20
        ),
        "banda": ParagraphStyle(
            "banda6",
            parent=celda,
            fontName=m.negrita,
            fontSize=m.tamano,
            leading=m.tamano * 1.25,
            textColor=white,
            spaceAfter=0,
        ),
        "anexo": ParagraphStyle(
            "anexo6",
            parent=seccion,
            fontSize=m.tamano + 2,
            leading=(m.tamano + 2) * 1.3,
            spaceBefore=0,
        ),
    }


def _seccion_6(m: Maqueta, indice: int) -> str:
    """«A. Resumen Ejecutivo» (`cedula`, secciones con letra) o «RESUMEN EJECUTIVO»
    (`anexo`, centradas y sin número)."""
    if m.sexta == "cedula":
        return f"{LETRAS_SECCION[indice]}. {_capital(SECCIONES[indice])}"
    return SECCIONES[indice].upper()


def _cedula_procedimiento(m: Maqueta, proc, e: dict, ancho: float) -> list[Flowable]:
    """La cédula de un procedimiento (`cedula`): la banda con el número (dos cifras) y el área,
    la descripción debajo, y sus bloques."""
    banda = Paragraph(f"PROCEDIMIENTO {proc.numero:02d} — {escape(proc.area.upper())}", e["banda"])
    descripcion = Paragraph(escape(proc.descripcion), e["celda"])
    tabla = Table([[banda], [descripcion]], colWidths=[ancho], hAlign="LEFT")
    tabla.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, 0), AZUL_CEDULA), ("BACKGROUND", (0, 1), (-1, 1), GRIS_CEDULA),
                               ("BOX", (0, 0), (-1, -1), 0.6, AZUL_CEDULA), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                               ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6)]))  # fmt: skip
    partes: list[Flowable] = [tabla, Spacer(1, m.tamano * 0.6)]
    if proc.resultados:
        partes.append(Paragraph("Situación encontrada", e["bloque"]))
        partes += [Paragraph(f"{i:02d}&nbsp;&nbsp; {escape(texto)}", e["resultado"])
                   for i, texto in enumerate(proc.resultados, 1)]  # fmt: skip
    if proc.recomendaciones:
        singular = len(proc.recomendaciones) == 1
        titulo = (
            "Aspecto Susceptible de Mejora (ASM)"
            if singular
            else "Aspectos Susceptibles de Mejora (ASM)"
        )
        partes.append(Paragraph(titulo, e["bloque"]))
        partes += [Paragraph(f"<b>{asm(i)}</b>&nbsp; {escape(texto)}", e["recomendacion"])
                   for i, texto in enumerate(proc.recomendaciones, 1)]  # fmt: skip
    if proc.justificaciones is not None and (proc.justificaciones or proc.recomendaciones):
        izquierda: list[Flowable] = [
            Paragraph(f"{romano(i).lower()})&nbsp; {escape(j.texto)}", e["celda_item"])
            for i, j in enumerate(proc.justificaciones, 1)
        ]
        if not izquierda:
            izquierda = [
                Paragraph("No se recibió justificación de la entidad fiscalizada.", e["celda"])
            ]
        derecha = [Paragraph(escape(c), e["celda"]) for c in proc.cierre] or [
            Paragraph("", e["celda"])
        ]
        filas = [[Paragraph("Posicionamiento de la entidad fiscalizada", e["celda_titulo"]),
                  Paragraph("Pronunciamiento de la Auditoría Superior", e["celda_titulo"])],
                 [izquierda, derecha]]  # fmt: skip
        tabla = Table(filas, colWidths=[ancho * 0.58, ancho * 0.42], hAlign="LEFT")
        tabla.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, AZUL_CEDULA), ("BACKGROUND", (0, 0), (-1, 0), GRIS_CEDULA),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 4),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 3), ("LEFTPADDING", (0, 0), (-1, -1), 5),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 5)]))  # fmt: skip
        partes += [Spacer(1, m.tamano * 0.6), tabla]
    return partes


def _anexo_procedimiento(m: Maqueta, proc, e: dict, ancho: float) -> list[Flowable]:
    """Un procedimiento del anexo (`anexo`): «Tercer procedimiento: Área», la descripción en
    cursivas y sus bloques presentados con una frase, sin encabezados; las recomendaciones con
    su ordinal («PRIMERA.-», «ÚNICA.-»), las justificaciones con letra («A)») y el cierre al lado
    de una raya vertical."""
    from reportlab.platypus.flowables import HRFlowable

    titulo = f"{_ordinal_procedimiento(proc.numero)}: {escape(proc.area)}"
    partes: list[Flowable] = [
        CondPageBreak(m.tamano * m.interlineado * 6),
        HRFlowable(width="100%", thickness=0.6, color=GRIS_ANEXO, spaceBefore=m.tamano, spaceAfter=m.tamano * 0.5),
        Paragraph(titulo, e["procedimiento"]),
        Paragraph(escape(proc.descripcion), e["descripcion"]),
    ]  # fmt: skip
    if proc.resultados:
        cuantos = ("se obtuvo el siguiente resultado" if len(proc.resultados) == 1
                   else "se obtuvieron los siguientes resultados")  # fmt: skip
        partes.append(
            Paragraph(f"De la aplicación de este procedimiento {cuantos}:", e["introduccion"])
        )
        partes += [Paragraph(f"{i}.&nbsp; {escape(texto)}", e["resultado"])
                   for i, texto in enumerate(proc.resultados, 1)]  # fmt: skip
    if proc.recomendaciones:
        total = len(proc.recomendaciones)
        cuantas = "la siguiente recomendación" if total == 1 else "las siguientes recomendaciones"
        partes.append(Paragraph(f"En consecuencia, la Auditoría Superior del Estado emite {cuantas}:",
                                e["introduccion"]))  # fmt: skip
        partes += [Paragraph(f"<b>{ordinal(i, total)}.-</b>&nbsp; {escape(texto)}", e["recomendacion"])
                   for i, texto in enumerate(proc.recomendaciones, 1)]  # fmt: skip
    if proc.justificaciones is not None and (proc.justificaciones or proc.recomendaciones):
        if proc.justificaciones:
            partes.append(
                Paragraph(
                    "En respuesta, la entidad fiscalizada manifestó lo siguiente:",
                    e["introduccion"],
                )
            )
            partes += [Paragraph(f"{'ABCDEFGHIJ'[i]})&nbsp; {escape(j.texto)}", e["justificacion"])
                       for i, j in enumerate(proc.justificaciones)]  # fmt: skip
        else:
            partes.append(Paragraph("La entidad fiscalizada no presentó justificación ni documentación respecto "
                                    "de lo señalado en este procedimiento.", e["cuerpo"]))  # fmt: skip
        for cierre in proc.cierre:
            caja = Table(
                [[Paragraph(escape(cierre), e["celda"])]], colWidths=[ancho - 18], hAlign="RIGHT"
            )
            caja.setStyle(TableStyle([("LINEBEFORE", (0, 0), (0, -1), 2.5, GRIS_ANEXO), ("LEFTPADDING", (0, 0), (-1, -1), 9),
                                      ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
            partes += [Spacer(1, m.tamano * 0.3), caja, Spacer(1, m.tamano * 0.5)]
    return partes


def historia_6(informe: InformeSintetico, m: Maqueta) -> list[Flowable]:
    """El informe de una maqueta de la sexta tanda: el oficio y las secciones con los mismos
    textos que `historia`; los procedimientos como cédulas, uno por página (`cedula`), o en un
    anexo apaisado tras la firma (`anexo`)."""
    e = _estilos_6(m)
    cedula = m.sexta == "cedula"
    izquierda, derecha = MARGENES_6[m.sexta]
    ancho = letter[0] - izquierda - derecha - 12

    def p(texto: str, estilo: str = "cuerpo") -> Paragraph:
        return Paragraph(texto, e[estilo])

    def t(indice: int) -> Paragraph:
        return p(_seccion_6(m, indice), "seccion")

    programa, ente = escape(informe.programa), escape(informe.ente)
    al = "a la" if informe.ente.startswith("Comisión") else "al"
    fecha = p(f"{informe.lugar}, a {fecha_texto(informe.fecha)}", "derecha" if cedula else "cuerpo")
    partes: list[Flowable] = [
        p("<b>ASUNTO:</b> Se remite el Informe Individual de Auditoría de Desempeño.", "derecha"),
        fecha,
    ] if cedula else [fecha]  # fmt: skip
    partes += [
        p(f"<b>{informe.titulo_destinatario} {escape(informe.destinatario.upper())}<br/>PRESIDENTE DE LA COMISIÓN DE "
          "VIGILANCIA<br/>DE LA AUDITORÍA SUPERIOR DEL ESTADO</b>"),
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
        t(0),
        p(f"El Programa {programa}, que coordinó el {ente} durante el ejercicio {informe.ejercicio}, atiende a la "
          "población en situación de vulnerabilidad del municipio. " * 2),
        t(1),
        p("Esta Auditoría se realizó conforme a los criterios establecidos en el Programa Anual de Auditoría, aprobado por "
          f"la Comisión de Vigilancia mediante oficio número {informe.oficios[0][0]}, con fecha "
          f"{fecha_texto(informe.oficios[0][1])}, de conformidad con la Ley de Fiscalización y Rendición de Cuentas."),
        t(2),
        p("Verificar el cumplimiento de metas y objetivos del programa, así como evaluar su consistencia y resultados."),
        t(3),
        p(f"Realizar la revisión del Programa <b>{programa}</b>, correspondiente al ejercicio {informe.ejercicio}, "
          f"instrumentado a través del {ente}, en términos del objetivo de auditoría."),
        t(4),
        p("Para la realización de la auditoría se designó formalmente a los auditores CC. "
          + ", ".join(informe.auditores[:-1]) + f" y {informe.auditores[-1]}."),
        t(5),
    ]  # fmt: skip
    if cedula:
        partes.append(p("Cada procedimiento se presenta en su cédula, con la situación encontrada, los aspectos "
                        "susceptibles de mejora (ASM) que de ella derivan, el posicionamiento de la entidad fiscalizada "
                        "y el pronunciamiento de esta Auditoría Superior."))  # fmt: skip
        for i, proc in enumerate(informe.procedimientos):
            partes += ([PageBreak()] if i else []) + _cedula_procedimiento(m, proc, e, ancho)
    else:
        partes.append(p("Los procedimientos de auditoría aplicados, sus resultados, las recomendaciones emitidas, la "
                        "respuesta de la entidad fiscalizada y su valoración se detallan en el Anexo Único de este "
                        "Informe Individual, que forma parte integrante del mismo."))  # fmt: skip
    notificacion, respuesta = informe.oficios[1], informe.oficios[2]
    excepcion = (", a excepción de aquellas que no se mencionaron en el apartado de justificación"
                 if informe.respuesta_general else "")  # fmt: skip
    partes += [
        t(6),
        p(f"Se turnó OFICIO No. {notificacion[0]} de fecha {fecha_texto(notificacion[1])}, mediante el cual se le "
          "notificó la Cédula de Resultados y Observaciones Preliminares, y se estableció el plazo de 5 días hábiles para "
          f"presentar la solventación, obteniendo respuesta mediante Oficio número {respuesta[0]} recibido el "
          f"{fecha_texto(respuesta[1])}, mediante el cual la dependencia presentó la posición institucional a la "
          f"solventación de las recomendaciones con el debido soporte{excepcion}."),
        t(7),
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
    firma = [Spacer(1, 24), p("EL AUDITOR SUPERIOR DEL ESTADO", "centro"), Spacer(1, 30),
             p(f"ING. {escape(informe.auditor_superior.upper())}", "centro")]  # fmt: skip
    partes.append(KeepTogether(firma))
    if not cedula:
        ancho_anexo = APAISADA[0] - 2 * 54 - 12
        partes += [NextPageTemplate("apaisada"), PageBreak(), p("ANEXO ÚNICO", "anexo"),
                   p(SECCIONES[5].upper(), "anexo")]  # fmt: skip
        for proc in informe.procedimientos:
            partes += _anexo_procedimiento(m, proc, e, ancho_anexo)
    return partes


def _pagina_cedula(canvas, m: Maqueta, informe: InformeSintetico, pagina: int, total: int) -> None:
    """Encabezado en un cuadro de tres celdas (emblema, nombre de la Auditoría y del informe,
    código del formato y «Foja X de Y») y pie con raya."""
    ancho, alto = letter
    izquierda, derecha = MARGENES_6["cedula"]
    x0, x1 = izquierda, ancho - derecha
    y1 = alto - 30
    y0 = y1 - 46
    canvas.setStrokeColor(AZUL_CEDULA)
    canvas.setLineWidth(0.8)
    canvas.rect(x0, y0, x1 - x0, y1 - y0, stroke=1, fill=0)
    canvas.line(x0 + 64, y0, x0 + 64, y1)
    canvas.line(x1 - 118, y0, x1 - 118, y1)
    canvas.setFillColor(AZUL_CEDULA)
    canvas.circle(x0 + 32, y0 + 23, 18, stroke=0, fill=1)
    canvas.setFillGray(1)
    canvas.setFont("Helvetica-Bold", 10)
    canvas.drawCentredString(x0 + 32, y0 + 23, "ASE")
    canvas.setFont("Helvetica", 4.2)
    canvas.drawCentredString(x0 + 32, y0 + 15, "TAMAULIPAS")
    canvas.setFillColor(AZUL_CEDULA)
    medio = (x0 + 64 + x1 - 118) / 2
    canvas.setFont(m.negrita, 9)
    canvas.drawCentredString(medio, y0 + 28, "AUDITORÍA SUPERIOR DEL ESTADO DE TAMAULIPAS")
    canvas.setFont(m.fuente, 8.5)
    canvas.drawCentredString(medio, y0 + 15, "Informe Individual de Auditoría de Desempeño")
    canvas.setFont(m.fuente, 7.5)
    for i, renglon in enumerate((*CODIGO_FORMATO, f"Foja {pagina} de {total}")):
        canvas.drawString(x1 - 112, y0 + 34 - i * 12, renglon)
    canvas.setStrokeGray(0.5)
    canvas.setLineWidth(0.4)
    canvas.line(x0, 46, x1, 46)
    canvas.setFillGray(0.35)
    canvas.setFont(m.fuente, 7)
    canvas.drawString(x0, 36, "Auditoría Especial para el Desempeño")
    canvas.drawRightString(x1, 36, f"Cuenta Pública {informe.ejercicio}")


def _pagina_anexo(canvas, m: Maqueta, informe: InformeSintetico, pagina: int) -> None:
    """Encabezado en cursivas con el ente y el programa a la izquierda y la cuenta pública y el
    informe a la derecha, sobre una raya doble; el número del informe y el de la página
    separados por una barra, abajo a la derecha (vale igual en las páginas apaisadas)."""
    ancho, alto = canvas._pagesize
    margen = MARGENES_6["anexo"][0] if ancho < alto else 54
    x0, x1 = margen, ancho - margen
    canvas.setFillGray(0.3)
    canvas.setFont(_cursiva(m), 7.5)
    canvas.drawString(x0, alto - 32, informe.ente)
    canvas.drawString(x0, alto - 41, f"Programa {informe.programa}")
    canvas.drawRightString(x1, alto - 32, f"Cuenta Pública {informe.ejercicio}")
    canvas.drawRightString(x1, alto - 41, "Informe Individual de Auditoría")
    canvas.setStrokeGray(0.3)
    canvas.setLineWidth(0.8)
    canvas.line(x0, alto - 46, x1, alto - 46)
    canvas.setLineWidth(0.3)
    canvas.line(x0, alto - 48.5, x1, alto - 48.5)
    canvas.setFillGray(0)
    canvas.setFont(m.fuente, 8)
    canvas.drawRightString(x1 - 16, 34, informe.numero)
    canvas.setLineWidth(0.8)
    canvas.line(x1 - 11, 31, x1 - 11, 43)
    canvas.setFont(m.negrita, 8)
    canvas.drawRightString(x1, 34, str(pagina))


def _construir_6(informe: InformeSintetico, m: Maqueta) -> bytes:
    """Las maquetas de la sexta tanda. `cedula` se arma dos veces (la foja lleva el total)."""

    def armar(total: int) -> tuple[bytes, int]:
        memoria = io.BytesIO()
        ancho, alto = letter
        documento = BaseDocTemplate(memoria, pagesize=letter, invariant=1, title="informe")

        def dibujar(canvas, doc) -> None:
            canvas.saveState()
            if m.sexta == "cedula":
                _pagina_cedula(canvas, m, informe, doc.page, total)
            else:
                _pagina_anexo(canvas, m, informe, doc.page)
            if doc.page == 1:
                izquierda = MARGENES_6[m.sexta][0]
                canvas.setFillGray(0)
                canvas.setFont(m.fuente, m.tamano * 0.7)
                canvas.drawString(izquierda, 66, NOTA_ILPES)
            canvas.restoreState()

        izquierda, derecha = MARGENES_6[m.sexta]
        arriba = 90 if m.sexta == "cedula" else 62
        abajo = 58
        cuerpo = ancho - izquierda - derecha
        plantillas = [
            PageTemplate("primera", [Frame(izquierda, abajo + 22, cuerpo, alto - arriba - abajo - 22, id="primera")],
                         onPage=dibujar, autoNextPageTemplate="resto"),
            PageTemplate("resto", [Frame(izquierda, abajo, cuerpo, alto - arriba - abajo, id="resto")], onPage=dibujar),
        ]  # fmt: skip
        if m.sexta == "anexo":
            apaisado, bajo = APAISADA
            plantillas.append(PageTemplate("apaisada", [Frame(54, abajo, apaisado - 108, bajo - arriba - abajo,
                                                              id="apaisada")],
                                           onPage=dibujar, pagesize=APAISADA))  # fmt: skip
        documento.addPageTemplates(plantillas)
        documento.build(historia_6(informe, m))
        return memoria.getvalue(), documento.page

    total = armar(0)[1] if m.sexta == "cedula" else 0
    return armar(total)[0]


@dataclass(frozen=True)
class Escaneo:
    ppp: int = 200
    giro: float = 1.0  # grados, como máximo, a uno u otro lado
    motas: bool = True


# Escaneos del corpus: 200 ppp, giro de hasta 1°, ruido y motas de polvo.
ESCANEO = Escaneo()
# Como escaneaba el generador antes (150 ppp, hasta 0.8°, sin motas): lo usa test_evaluar.
ESCANEO_ANTERIOR = Escaneo(ppp=150, giro=0.8, motas=False)


MOTAS_POR_MILLON = 200  # puntos de polvo por millón de píxeles


def _motas(imagen, r: random.Random) -> None:
    """Puntos oscuros sueltos de 1 a 2 píxeles (polvo del vidrio del escáner)."""
    from PIL import ImageDraw

    lapiz = ImageDraw.Draw(imagen)
    ancho, alto = imagen.size
    for _ in range(ancho * alto * MOTAS_POR_MILLON // 1_000_000):
        x, y, lado = r.randrange(ancho), r.randrange(alto), r.choice((0, 0, 1))
        lapiz.rectangle((x, y, x + lado, y + lado), fill=r.randint(0, 90))


def escanear(
    pdf: bytes, semilla: int, ppp: int = 150, giro: float = 0.8, motas: bool = False
) -> bytes:
    """Un escaneo: cada página como imagen gris, un poco girada (hasta `giro` grados) y con
    ruido (y, con `motas`, puntos negros sueltos de polvo); sin capa de texto."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageFilter

    r = random.Random(semilla)
    documento = pdfium.PdfDocument(pdf)
    imagenes = []
    for pagina in documento:
        imagen = pagina.render(scale=ppp / 72, grayscale=True).to_pil().convert("L")
        imagen = imagen.rotate(r.uniform(-giro, giro), fillcolor=255, resample=Image.BICUBIC)
        ruido = ruido_de_escaner(imagen.size, r)
        imagen = Image.blend(imagen, ruido, 0.08).filter(ImageFilter.GaussianBlur(0.3))
        if motas:
            _motas(imagen, r)
        imagenes.append(imagen)
    documento.close()
    salida = io.BytesIO()
    imagenes[0].save(
        salida, "PDF", save_all=True, append_images=imagenes[1:], resolution=ppp,
        creationDate=FECHA_ESCANEO, modDate=FECHA_ESCANEO,
    )  # fmt: skip
    return salida.getvalue()


# La fecha que lleva todo escaneo (Pillow pondría la de la corrida): el mismo informe con la
# misma semilla da el mismo archivo, byte por byte.
FECHA_ESCANEO = time.gmtime(1_700_000_000)
# El ruido del escáner: gaussiano alrededor del gris medio, con esta desviación (como
# `Image.effect_noise(tamaño, 18)`, que no se puede sembrar).
DESVIACION_RUIDO = 18


def ruido_de_escaner(
    tamano: tuple[int, int], r: random.Random, desviacion: float = DESVIACION_RUIDO
):
    """Ruido gaussiano en gris, sembrado con `r` (el mismo en cada corrida)."""
    import numpy as np
    from PIL import Image

    azar = np.random.default_rng(r.getrandbits(64))
    ancho, alto = tamano
    valores = azar.normal(128, desviacion, (alto, ancho))
    return Image.fromarray(np.clip(valores, 0, 255).astype(np.uint8), "L")


def escribir(informe: InformeSintetico, m: Maqueta, destino: Path, escaneado: bool = False,
             semilla: int = 0, ppp: int = 150, giro: float = 0.8, motas: bool = False) -> Path:  # fmt: skip
    pdf = dibujar(informe, m)
    destino.write_bytes(escanear(pdf, semilla, ppp, giro, motas) if escaneado else pdf)
    return destino


def maqueta(nombre: str, **cambios) -> Maqueta:
    """Una maqueta por su nombre (de ajuste o reservada), con cambios opcionales
    (`maqueta("word", cierre_pagina=1.0)`)."""
    return replace(TODAS[nombre], **cambios)
