"""Informes sintéticos de la familia ASE desempeño, con su respuesta exacta (forma esperado.json).

La verdad se construye junto con el texto: cada justificación se escribe a partir de cómo debe
responder (por número, por varios números, «la recomendación emitida», por contenido, rechazo,
silencio, sin justificación) y el estatus esperado sale de las reglas de CONTRATO.md, no del
extractor.

Para las maquetas reservadas nuevas, `generar(..., cierres="reservados")` cambia la redacción
de los cierres por la de `CIERRES_RESERVADOS` (que las reglas de `modelos/reglas/cierres.jsonl`
no tienen literalmente) y `referencia` reescribe las citas de las justificaciones con la
numeración de la maqueta («recomendación número III», «recomendaciones 3.1 y 3.4»); sin ellos,
el informe es el mismo que antes. Para la tercera tanda de reservadas, `cierres="reservados-3"`
usa `CIERRES_RESERVADOS_3` y `referencia` puede ser «prosa» (justificaciones en párrafos sin
número que empiezan «En relación con la recomendación 2, …»: `citar_en_prosa`) o «inciso»
(«la recomendación del inciso b)»: `citar_incisos`). Para la cuarta tanda,
`cierres="reservados-4"` usa `CIERRES_RESERVADOS_4` y `referencia="clave"` cita las
recomendaciones por su clave («la recomendación R-2», «las recomendaciones R-1 y R-3»:
`citar_claves`). Para la quinta tanda, `cierres="reservados-5"` usa `CIERRES_RESERVADOS_5` y
`referencia="consecutiva"` cita las recomendaciones con la numeración que sigue de un
procedimiento al otro en todo el informe (`citar_consecutivas`). Para la sexta tanda,
`cierres="reservados-6"` usa `CIERRES_RESERVADOS_6` y `referencia` puede ser «asm» (las
recomendaciones citadas por su clave de aspecto susceptible de mejora: `citar_asm`) u «ordinal»
(por su ordinal: `citar_ordinales`). Para la séptima, `cierres="reservados-7"` usa
`CIERRES_RESERVADOS_7` y `referencia` puede ser «expediente» (`citar_expediente`) u
«ordinal-previo» (`citar_ordinal_previo`); ver `tests/generador/RESERVADAS7.md`.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date

MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
         "octubre", "noviembre", "diciembre"]  # fmt: skip
MUNICIPIOS = ["Reynosa", "Matamoros", "Nuevo Laredo", "Victoria", "Tampico", "Altamira",
              "Ciudad Madero", "El Mante", "Río Bravo", "Valle Hermoso", "San Fernando",
              "Xicoténcatl", "Soto la Marina", "Tula", "Jaumave"]  # fmt: skip
ENTES = ["Sistema DIF {m}", "Municipio de {m}", "R. Ayuntamiento de {m}",
         "Comisión Municipal de Agua Potable y Alcantarillado de {m}"]  # fmt: skip
PROGRAMAS = [
    "Centros de Asistencia Infantil Comunitarios CAIC", "Desayunos Escolares",
    "Asistencia Alimentaria a Sujetos Vulnerables", "Unidades Básicas de Rehabilitación UBR",
    "Alumbrado Público", "Recolección de Residuos Sólidos", "Seguridad Pública",
    "Atención al Adulto Mayor", "Agua Potable y Alcantarillado", "Protección Civil",
]  # fmt: skip
AREAS = [
    ("Diseño", "Análisis y evaluación del {a} del Programa {p}, conforme a la Metodología de Marco Lógico (MML)."),
    ("Planeación y Orientación a Resultados", "Análisis y evaluación de la {a} del Programa {p}, conforme a los Términos de Referencia del CONEVAL."),
    ("Cobertura y Focalización", "Identificación y análisis de la {a} del Programa {p}, mediante la revisión del Cuestionario de Evaluación."),
    ("Operación", "Análisis de la {a} del Programa {p}, conforme a la Metodología de Marco Lógico (MML)."),
    ("Percepción de la Población Atendida", "Identificación de la medición de la {a} del Programa {p}."),
    ("Medición de Resultados", "Identificación y análisis de la {a} del Programa {p}, conforme a los Términos de Referencia."),
    ("Eficacia", "Evaluación de la {a} en el cumplimiento de metas del Programa {p}."),
    ("Eficiencia", "Evaluación de la {a} en el uso de los recursos del Programa {p}."),
    ("Economía", "Análisis de la {a} en el ejercicio del gasto del Programa {p}."),
]  # fmt: skip
NOMBRES = ["Jorge", "Erika", "Natalia", "Angélica", "Luis", "María", "José", "Ana", "Carlos",
           "Laura", "Miguel", "Patricia", "Ricardo", "Sofía", "Fernando", "Claudia"]  # fmt: skip
APELLIDOS = ["Guzmán", "Ruiz", "Mota", "Martínez", "Hernández", "García", "López", "Pérez",
             "Sánchez", "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Cruz",
             "Morales", "Reyes", "Castillo", "Ortiz"]  # fmt: skip
# Objetos de recomendación: el verbo va aparte; la justificación por contenido los repite.
OBJETOS = [
    "el diagnóstico del programa con la problemática específica que se pretende atender",
    "el árbol de problemas y de objetivos conforme a la metodología del marco lógico",
    "la matriz de indicadores para resultados con indicadores estratégicos y de gestión",
    "las fichas técnicas de los indicadores del programa",
    "un padrón de beneficiarios con sus características socioeconómicas",
    "un manual de procedimientos para la entrega de los apoyos",
    "un diagrama de flujo del proceso general de operación",
    "instrumentos para medir la satisfacción de la población atendida",
    "una estrategia de cobertura documentada para atender a la población objetivo",
    "un análisis FODA con alternativas para los riesgos identificados",
    "un programa anual de trabajo con metas calendarizadas",
    "mecanismos de transparencia y rendición de cuentas del programa",
    "reportes trimestrales de avance físico y financiero",
    "la vinculación del programa con los objetivos del Plan Estatal de Desarrollo",
    "un sistema de control y monitoreo del cumplimiento de metas",
    "evidencia documental del presupuesto aprobado y ejercido",
    "un programa de capacitación para el personal operativo",
    "lineamientos de operación publicados en el periódico oficial",
]  # fmt: skip
VERBOS = ["Diseñar", "Elaborar", "Integrar", "Implementar", "Establecer", "Documentar"]
RESULTADOS = [
    "No presenta {o}.", "El programa no cuenta con {o}.", "Presenta {o}, sin embargo, está incompleto.",
    "No se aprecia {o} que permita valorar su desempeño.", "Cuenta con {o} actualizado al ejercicio.",
]  # fmt: skip
RAZONES = ["los indicadores se encuentran mal diseñados", "la evidencia no corresponde al ejercicio auditado",
           "el documento no está autorizado por la instancia competente",
           "no incluye los elementos mínimos que señala la metodología"]  # fmt: skip
MODOS = ("numero", "varios", "emitida", "contenido", "rechazo", "aceptacion", "nada", "contradice")


@dataclass
class Justificacion:
    texto: str
    recomendaciones: list[int]
    modo: str = ""  # cómo responde (MODOS); "contenido-libre" si la redacción variada la parafrasea
    objeto: str = ""  # el objeto de la recomendación a la que responde (una sola)


@dataclass
class Procedimiento:
    numero: int
    area: str
    descripcion: str
    resultados: list[str] = field(default_factory=list)
    recomendaciones: list[str] = field(default_factory=list)
    justificaciones: list[Justificacion] | None = field(default_factory=list)
    cierre: list[str] = field(default_factory=list)
    estatus: list[tuple[str, str]] = field(default_factory=list)
    alertas: list[dict] = field(default_factory=list)
    oficios: list[str] = field(default_factory=list)
    veredicto_cierre: str = "ninguno"  # "acepta", "rechaza" o "ninguno" (sin cierre)
    plural_cierre: bool = False


@dataclass
class InformeSintetico:
    numero: str
    ente: str
    programa: str
    ejercicio: int
    fecha: tuple[int, int, int]
    lugar: str
    destinatario: str
    titulo_destinatario: str
    auditores: list[str]
    auditor_superior: str
    dictamen: str
    dictamen_texto: str
    oficios: list[tuple[str, tuple[int, int, int] | None]]
    procedimientos: list[Procedimiento]
    respuesta_general: bool


def _nombre(r: random.Random) -> str:
    return f"{r.choice(NOMBRES)} {r.choice(APELLIDOS)} {r.choice(APELLIDOS)}"


def _fecha(r: random.Random, anio: int) -> tuple[int, int, int]:
    return (r.randint(1, 28), r.randint(1, 12), anio)


def _despues(fecha: tuple[int, int, int], r: random.Random) -> tuple[int, int, int]:
    """Una fecha entre 3 y 25 días después (la respuesta llega después de la notificación)."""
    from datetime import date, timedelta

    nueva = date(fecha[2], fecha[1], fecha[0]) + timedelta(days=r.randint(3, 25))
    return (nueva.day, nueva.month, nueva.year)


def fecha_texto(fecha: tuple[int, int, int]) -> str:
    return f"{fecha[0]} de {MESES[fecha[1] - 1]} de {fecha[2]}"


def fecha_iso(fecha: tuple[int, int, int] | None) -> str | None:
    return None if fecha is None else f"{fecha[2]:04d}-{fecha[1]:02d}-{fecha[0]:02d}"


def _procedimiento(r: random.Random, numero: int, area: tuple[str, str], programa: str,
                   respuesta_general: bool) -> Procedimiento:  # fmt: skip
    nombre, plantilla = area
    p = Procedimiento(numero, nombre, plantilla.format(a=nombre, p=programa))
    objetos = r.sample(OBJETOS, k=r.randint(0, 8))
    p.resultados = [r.choice(RESULTADOS).format(o=o) for o in r.sample(OBJETOS, k=r.randint(0, 8))]
    p.resultados = [t[0].upper() + t[1:] for t in p.resultados]
    p.recomendaciones = [f"{r.choice(VERBOS)} {o}." for o in objetos]
    total = len(objetos)
    estatus = [("no atendida", "no mencionada en justificación")] * total
    if total == 0 or r.random() < 0.12:
        p.justificaciones = None if r.random() < 0.5 else []
        p.estatus = estatus
        return p
    mencionadas: set[int] = set()
    rechazadas: set[int] = set()
    aceptadas: set[int] = set()
    justificaciones: list[Justificacion] = []
    disponibles = list(range(1, total + 1))
    r.shuffle(disponibles)
    contradice = False
    for _ in range(r.randint(1, min(4, total))):
        if not disponibles:
            break
        modo = r.choice(MODOS)
        n = disponibles.pop()
        objeto = objetos[n - 1]
        if modo == "emitida" and total != 1:
            modo = "numero"
        if modo == "varios" and disponibles:
            m = disponibles.pop()
            a, b = sorted((n, m))
            texto = f"En atención a las recomendaciones {a} y {b}, el ente público presenta evidencia documental de las acciones realizadas."
            refs = [a, b]
        elif modo == "emitida":
            texto = "En atención a la recomendación emitida, el ente público presenta evidencia de las acciones implementadas."
            refs = [n]
        elif modo == "contenido":
            texto = f"El ente público presenta {objeto}, debidamente autorizado."
            refs = [n]
        elif modo in ("rechazo", "contradice"):
            texto = (f"El ente público presenta documentación en atención a la recomendación número {n}, "
                     f"sin embargo, no se considera atendida ya que {r.choice(RAZONES)}.")  # fmt: skip
            refs = [n]
            rechazadas.add(n)
            contradice = contradice or modo == "contradice"
        elif modo == "aceptacion":
            texto = f"Atendiendo a la recomendación número {n}, se presenta la evidencia correspondiente, por lo que se considera atendida."
            refs = [n]
            aceptadas.add(n)
        elif modo == "nada":
            oficio = f"ASE/AEA/{r.randint(100, 999)}/{r.randint(2020, 2023)}"
            p.oficios.append(oficio)
            texto = f"De acuerdo con el Oficio No. {oficio}, se practicó la evaluación al Control Interno de la entidad."
            refs = []
            disponibles.append(n)
        else:
            texto = f"En atención a la recomendación número {n}, el ente público presenta {r.choice(['evidencia documental', 'el documento solicitado', 'oficios de instrucción'])}."
            refs = [n]
        mencionadas.update(refs)
        justificaciones.append(Justificacion(texto, refs, modo, objeto if len(refs) == 1 else ""))
    p.justificaciones = justificaciones
    neutras = mencionadas - rechazadas - aceptadas
    veredicto_cierre = "acepta"
    if contradice or (neutras and r.random() < 0.6) or (rechazadas and r.random() < 0.3):
        plural = len(mencionadas) > 1
        veredicto_cierre = "rechaza" if (not contradice and r.random() < 0.25) else "acepta"
        if veredicto_cierre == "acepta":
            frase = ("Las recomendaciones mencionadas en el apartado de justificación se consideran atendidas con sustento en la evidencia exhibida."
                     if plural else "La recomendación mencionada en el apartado de justificación se considera atendida con sustento en la evidencia exhibida.")  # fmt: skip
        else:
            frase = ("Las recomendaciones mencionadas en el apartado de justificación no se consideran atendidas, al no contar con evidencia suficiente."
                     if plural else "La recomendación mencionada en el apartado de justificación no se considera atendida, al no contar con evidencia suficiente.")  # fmt: skip
        p.cierre = [frase]
        # La justificación que dice lo contrario del cierre es una alerta.
        acepta = veredicto_cierre == "acepta"
        contrarias = rechazadas if acepta else aceptadas
        negacion_cierre, negacion_justificacion = ("", "no ") if acepta else ("no ", "")
        sujeto = (f"las recomendaciones mencionadas {negacion_cierre}se consideran atendidas" if plural
                  else f"la recomendación mencionada {negacion_cierre}se considera atendida")  # fmt: skip
        for j, justificacion in enumerate(justificaciones, start=1):
            for n in justificacion.recomendaciones:
                if n in contrarias:
                    p.alertas.append({"procedimiento": numero, "tipo": "cierre contradice justificación",
                                      "detalle": f"El cierre dice que {sujeto}, pero la justificación {j} dice que la recomendación {n} {negacion_justificacion}se considera atendida."})  # fmt: skip
        p.plural_cierre = plural
    else:
        veredicto_cierre = "ninguno"
    p.veredicto_cierre = veredicto_cierre
    for n in range(1, total + 1):
        if n not in mencionadas:
            continue
        if n in rechazadas:
            estatus[n - 1] = ("no atendida", "rechazada en justificación")
        elif (
            n in aceptadas
            or veredicto_cierre == "acepta"
            or (veredicto_cierre == "ninguno" and respuesta_general)
        ):
            estatus[n - 1] = ("atendida", "aceptada en justificación")
        elif veredicto_cierre == "rechaza":
            estatus[n - 1] = ("no atendida", "rechazada en justificación")
        else:
            estatus[n - 1] = ("sin determinar", "")
    p.estatus = estatus
    return p


def generar(semilla: int, procedimientos: int | None = None, variado: bool = False,
            cierres: str = "", referencia: str = "") -> InformeSintetico:  # fmt: skip
    """Un informe al azar (reproducible por su semilla); `procedimientos` fija cuántos (para
    informes largos, como el de cientos de páginas del benchmark). Con `variado`, el mismo
    informe con otra redacción (cierres en varias formas, justificaciones por contenido
    parafraseadas): ver `variar`. `cierres="reservados"` redacta los cierres como
    `CIERRES_RESERVADOS` y `referencia` cita las recomendaciones con otra numeración (ver
    `renumerar`; «prosa» e «inciso»: `citar_en_prosa`, `citar_incisos`); los dos son sólo para
    las maquetas reservadas (`cierres="reservados-3"`: `CIERRES_RESERVADOS_3`;
    `cierres="reservados-4"`: `CIERRES_RESERVADOS_4`; `referencia="clave"`: `citar_claves`;
    `cierres="reservados-5"`: `CIERRES_RESERVADOS_5`; `referencia="consecutiva"`:
    `citar_consecutivas`; `cierres="reservados-6"`: `CIERRES_RESERVADOS_6`; `referencia="asm"`
    y `referencia="ordinal"`: `citar_asm`, `citar_ordinales`; `cierres="reservados-7"`:
    `CIERRES_RESERVADOS_7`; `referencia="expediente"` y `referencia="ordinal-previo"`:
    `citar_expediente`, `citar_ordinal_previo`)."""
    informe = _generar(semilla, procedimientos)
    informe = variar(informe, semilla) if variado else informe
    if cierres == "reservados":
        informe = cerrar_distinto(informe, semilla)
    elif cierres == "reservados-3":
        informe = cerrar_distinto(informe, semilla, CIERRES_RESERVADOS_3)
    elif cierres == "reservados-4":
        informe = cerrar_distinto(informe, semilla, CIERRES_RESERVADOS_4)
    elif cierres == "reservados-5":
        informe = cerrar_distinto(informe, semilla, CIERRES_RESERVADOS_5)
    elif cierres == "reservados-6":
        informe = cerrar_distinto(informe, semilla, CIERRES_RESERVADOS_6)
    elif cierres == "reservados-7":
        informe = cerrar_distinto(informe, semilla, CIERRES_RESERVADOS_7)
    elif cierres:
        raise ValueError(f"Cierres desconocidos: {cierres}")
    if referencia == "prosa":
        return citar_en_prosa(informe)
    if referencia == "inciso":
        return citar_incisos(informe)
    if referencia == "clave":
        return citar_claves(informe)
    if referencia == "consecutiva":
        return citar_consecutivas(informe)
    if referencia == "asm":
        return citar_asm(informe)
    if referencia == "ordinal":
        return citar_ordinales(informe)
    if referencia == "expediente":
        return citar_expediente(informe)
    if referencia == "ordinal-previo":
        return citar_ordinal_previo(informe)
    return renumerar(informe, referencia) if referencia else informe


def _generar(semilla: int, procedimientos: int | None) -> InformeSintetico:
    r = random.Random(semilla)
    ejercicio = r.randint(2018, 2024)
    municipio = r.choice(MUNICIPIOS)
    ente = r.choice(ENTES).format(m=municipio)
    programa = r.choice(PROGRAMAS)
    numero = f"AED/{r.randint(1, 150):03d}/{ejercicio + 1}"
    fecha_informe = _fecha(r, ejercicio + 2)
    respuesta_general = r.random() < 0.8
    if procedimientos is None:
        areas = r.sample(AREAS, k=r.randint(4, 9))
    else:
        areas = [AREAS[i % len(AREAS)] for i in range(procedimientos)]
    lista = [_procedimiento(r, i, a, programa, respuesta_general) for i, a in enumerate(areas, 1)]
    dictamen, texto = r.choice([("cumplió", "SÍ CUMPLIÓ"), ("no cumplió", "NO CUMPLIÓ"),
                                ("se abstiene de opinar", "se abstiene de emitir opinión"), ("", "")])  # fmt: skip
    oficio_pat = f"CVASE LXIV/{ejercicio} {r.randint(1, 99):03d}"
    aviso = _fecha(r, ejercicio + 2)
    notificacion = f"ASE/AED/{r.randint(1, 999):04d}/{ejercicio + 2}"
    respuesta = f"DIF/DG/{r.randint(1, 999)}/{ejercicio + 2}"
    return InformeSintetico(
        numero=numero, ente=ente, programa=programa, ejercicio=ejercicio, fecha=fecha_informe,
        lugar="Ciudad Victoria, Tamaulipas", destinatario=_nombre(r),
        titulo_destinatario=r.choice(["DIP.", "LIC.", "ING."]),
        auditores=[_nombre(r) for _ in range(r.randint(2, 5))], auditor_superior=_nombre(r),
        dictamen=dictamen, dictamen_texto=texto,
        oficios=[(oficio_pat, _fecha(r, ejercicio)), (notificacion, aviso), (respuesta, _despues(aviso, r))],
        procedimientos=lista, respuesta_general=respuesta_general,
    )  # fmt: skip


# Cierres por (veredicto, plural): la redacción cambia, el veredicto y el número no.
CIERRES = {
    ("acepta", False): [
        "La recomendación mencionada en el apartado de justificación se considera atendida con sustento en la evidencia exhibida.",
        "La recomendación mencionada en el apartado de justificación del Análisis de {area} del Programa {programa} se considera atendida con sustento en la evidencia exhibida.",
        "Con base en lo anterior, la recomendación se considera atendida.",
        "Por lo anterior, la recomendación señalada se considera atendida.",
        "En virtud de lo expuesto, la recomendación se considera atendida con la documentación presentada por el ente público.",
    ],
    ("acepta", True): [
        "Las recomendaciones mencionadas en el apartado de justificación se consideran atendidas con sustento en la evidencia exhibida.",
        "Las recomendaciones mencionadas en el apartado de justificación del Análisis de {area} del Programa {programa} se consideran atendidas con sustento en la evidencia exhibida.",
        "Con base en lo anterior, las recomendaciones se consideran atendidas.",
        "Por lo anterior, las recomendaciones señaladas se consideran atendidas.",
        "En virtud de lo expuesto, las recomendaciones se consideran atendidas con la documentación presentada por el ente público.",
    ],
    ("rechaza", False): [
        "La recomendación mencionada en el apartado de justificación no se considera atendida, al no contar con evidencia suficiente.",
        "La recomendación mencionada en el apartado de justificación del Análisis de {area} del Programa {programa} no se considera atendida, al no contar con evidencia suficiente.",
        "Por lo anterior, la recomendación señalada se considera no atendida.",
        "Con base en lo anterior, la recomendación no se considera atendida.",
    ],
    ("rechaza", True): [
        "Las recomendaciones mencionadas en el apartado de justificación no se consideran atendidas, al no contar con evidencia suficiente.",
        "Las recomendaciones mencionadas en el apartado de justificación del Análisis de {area} del Programa {programa} no se consideran atendidas, al no contar con evidencia suficiente.",
        "Por lo anterior, las recomendaciones señaladas se consideran no atendidas.",
        "Con base en lo anterior, las recomendaciones no se consideran atendidas.",
    ],
}  # fmt: skip
# Sólo para las maquetas reservadas: otras formas del mismo veredicto, plausibles en un informe
# de la ASE, que no están literalmente en `modelos/reglas/cierres.jsonl` (verbo antes del sujeto,
# «ha sido atendida», «referida en la justificación», «objeto de la justificación»). Todas se
# refieren a las recomendaciones que la justificación menciona, como las de `CIERRES`.
CIERRES_RESERVADOS = {
    ("acepta", False): [
        "En virtud de lo expuesto, se determina que la recomendación referida en la justificación se considera solventada.",
        "En virtud de lo expuesto, se tiene por solventada la recomendación objeto de la justificación presentada por el ente público.",
        "Derivado del análisis a la documentación remitida, esta Auditoría Superior determina que la recomendación referida en la justificación ha sido atendida.",
    ],
    ("acepta", True): [
        "En virtud de lo expuesto, se determina que las recomendaciones referidas en la justificación se consideran solventadas.",
        "En virtud de lo expuesto, se tienen por solventadas las recomendaciones objeto de la justificación presentada por el ente público.",
        "Derivado del análisis a la documentación remitida, esta Auditoría Superior determina que las recomendaciones referidas en la justificación han sido atendidas.",
    ],
    ("rechaza", False): [
        "En virtud de lo expuesto, se determina que la recomendación referida en la justificación se considera no solventada.",
        "En virtud de lo expuesto, no se tiene por solventada la recomendación objeto de la justificación presentada por el ente público.",
        "Derivado del análisis a la documentación remitida, esta Auditoría Superior determina que la recomendación referida en la justificación no ha sido atendida, por lo que subsiste.",
    ],
    ("rechaza", True): [
        "En virtud de lo expuesto, se determina que las recomendaciones referidas en la justificación se consideran no solventadas.",
        "En virtud de lo expuesto, no se tienen por solventadas las recomendaciones objeto de la justificación presentada por el ente público.",
        "Derivado del análisis a la documentación remitida, esta Auditoría Superior determina que las recomendaciones referidas en la justificación no han sido atendidas, por lo que subsisten.",
    ],
}  # fmt: skip
# Tercera tanda de maquetas reservadas (`reservada-tabla`, `reservada-guiones`): otras formas
# más del mismo veredicto, aparte de `CIERRES_RESERVADOS` (ésas ya se midieron): «queda
# atendida», «se da por solventada», «permanece sin solventar», «aludida por el ente público».
# Como las demás, se refieren a las recomendaciones que la justificación menciona.
CIERRES_RESERVADOS_3 = {
    ("acepta", False): [
        "Por lo anterior, esta Auditoría Superior determina que la recomendación a la que se refiere la justificación queda atendida.",
        "Analizada la documentación presentada, la recomendación aludida por el ente público se da por solventada.",
        "Con la evidencia remitida por la entidad fiscalizada, se da por atendida la recomendación a que hace referencia su justificación.",
    ],
    ("acepta", True): [
        "Por lo anterior, esta Auditoría Superior determina que las recomendaciones a las que se refiere la justificación quedan atendidas.",
        "Analizada la documentación presentada, las recomendaciones aludidas por el ente público se dan por solventadas.",
        "Con la evidencia remitida por la entidad fiscalizada, se dan por atendidas las recomendaciones a que hace referencia su justificación.",
    ],
    ("rechaza", False): [
        "Por lo anterior, esta Auditoría Superior determina que la recomendación a la que se refiere la justificación queda sin atender.",
        "Analizada la documentación presentada, la recomendación aludida por el ente público no se da por solventada.",
        "La evidencia remitida por la entidad fiscalizada resulta insuficiente, por lo que la recomendación a que hace referencia su justificación permanece sin solventar.",
    ],
    ("rechaza", True): [
        "Por lo anterior, esta Auditoría Superior determina que las recomendaciones a las que se refiere la justificación quedan sin atender.",
        "Analizada la documentación presentada, las recomendaciones aludidas por el ente público no se dan por solventadas.",
        "La evidencia remitida por la entidad fiscalizada resulta insuficiente, por lo que las recomendaciones a que hace referencia su justificación permanecen sin solventar.",
    ],
}  # fmt: skip
# Cuarta tanda de maquetas reservadas (`reservada-columnas`, `reservada-renglones`): otras
# formas más del mismo veredicto, aparte de las anteriores (ésas ya se midieron): el verbo
# «solventar» en activa o refleja sin «considerar» («se solventa la recomendación», «estima
# solventada»), «esta instancia fiscalizadora», «dio cumplimiento a», «a la que alude su
# justificación», «misma que se solventa». Como las demás, se refieren a las recomendaciones
# que la justificación menciona.
CIERRES_RESERVADOS_4 = {
    ("acepta", False): [
        "Valorados los argumentos y la evidencia que aportó la entidad, esta instancia fiscalizadora estima solventada la recomendación a la que alude su justificación.",
        "Toda vez que el ente acreditó las acciones emprendidas, se solventa la recomendación a la que responde su justificación.",
        "De lo anterior se desprende que la entidad fiscalizada dio cumplimiento a la recomendación que refiere en su justificación, misma que se solventa.",
    ],
    ("acepta", True): [
        "Valorados los argumentos y la evidencia que aportó la entidad, esta instancia fiscalizadora estima solventadas las recomendaciones a las que alude su justificación.",
        "Toda vez que el ente acreditó las acciones emprendidas, se solventan las recomendaciones a las que responde su justificación.",
        "De lo anterior se desprende que la entidad fiscalizada dio cumplimiento a las recomendaciones que refiere en su justificación, mismas que se solventan.",
    ],
    ("rechaza", False): [
        "Valorados los argumentos y la evidencia que aportó la entidad, esta instancia fiscalizadora no estima solventada la recomendación a la que alude su justificación.",
        "Toda vez que el ente no acreditó las acciones emprendidas, no se solventa la recomendación a la que responde su justificación.",
        "De lo anterior se desprende que la entidad fiscalizada no dio cumplimiento a la recomendación que refiere en su justificación, misma que continúa pendiente de solventar.",
    ],
    ("rechaza", True): [
        "Valorados los argumentos y la evidencia que aportó la entidad, esta instancia fiscalizadora no estima solventadas las recomendaciones a las que alude su justificación.",
        "Toda vez que el ente no acreditó las acciones emprendidas, no se solventan las recomendaciones a las que responde su justificación.",
        "De lo anterior se desprende que la entidad fiscalizada no dio cumplimiento a las recomendaciones que refiere en su justificación, mismas que continúan pendientes de solventar.",
    ],
}  # fmt: skip
# Quinta tanda de maquetas reservadas (`reservada-portada`, `reservada-consecutiva`): otras
# formas más del mismo veredicto, aparte de las anteriores (ésas ya se midieron); se describen en
# `tests/generador/RESERVADAS5.md`. Como las demás, se refieren a las recomendaciones que la
# justificación menciona.
CIERRES_RESERVADOS_5 = {
    ("acepta", False): [
        "Con base en el análisis de la información remitida, se advierte que el ente auditado subsanó la deficiencia que dio origen a la recomendación a la que da respuesta su justificación.",
        "Atento a lo anterior, al haberse acreditado la implementación de la acción recomendada, procede dar por concluida la recomendación sobre la que versa la justificación.",
        "La documentación aportada por el ente auditado demuestra el cumplimiento de la recomendación que motivó su justificación, por lo que ésta se tiene por cumplida.",
    ],
    ("acepta", True): [
        "Con base en el análisis de la información remitida, se advierte que el ente auditado subsanó las deficiencias que dieron origen a las recomendaciones a las que da respuesta su justificación.",
        "Atento a lo anterior, al haberse acreditado la implementación de las acciones recomendadas, procede dar por concluidas las recomendaciones sobre las que versa la justificación.",
        "La documentación aportada por el ente auditado demuestra el cumplimiento de las recomendaciones que motivaron su justificación, por lo que éstas se tienen por cumplidas.",
    ],
    ("rechaza", False): [
        "Con base en el análisis de la información remitida, se advierte que el ente auditado no subsanó la deficiencia que dio origen a la recomendación a la que da respuesta su justificación.",
        "Atento a lo anterior, al no haberse acreditado la implementación de la acción recomendada, no procede dar por concluida la recomendación sobre la que versa la justificación.",
        "La documentación aportada por el ente auditado no demuestra el cumplimiento de la recomendación que motivó su justificación, por lo que ésta se reitera en sus términos.",
    ],
    ("rechaza", True): [
        "Con base en el análisis de la información remitida, se advierte que el ente auditado no subsanó las deficiencias que dieron origen a las recomendaciones a las que da respuesta su justificación.",
        "Atento a lo anterior, al no haberse acreditado la implementación de las acciones recomendadas, no procede dar por concluidas las recomendaciones sobre las que versa la justificación.",
        "La documentación aportada por el ente auditado no demuestra el cumplimiento de las recomendaciones que motivaron su justificación, por lo que éstas se reiteran en sus términos.",
    ],
}  # fmt: skip
# Sexta tanda de maquetas reservadas: otras formas más del mismo veredicto, aparte de las
# anteriores (ésas ya se midieron); se describen en `tests/generador/RESERVADAS6.md`. Como las
# demás, se refieren a las recomendaciones que la justificación menciona.
CIERRES_RESERVADOS_6 = {
    ("acepta", False): [
        "Una vez valorada la respuesta, se acredita que la entidad fiscalizada corrigió lo señalado en la recomendación que aborda su justificación, la cual se da de baja del registro de seguimiento.",
        "Con los elementos aportados, la Auditoría Superior del Estado determina el cierre de la recomendación a la que se contrae la respuesta de la entidad.",
        "Las acciones descritas por el ente son suficientes y pertinentes para resolver la recomendación señalada en su respuesta; en consecuencia, se archiva como resuelta.",
    ],
    ("acepta", True): [
        "Una vez valorada la respuesta, se acredita que la entidad fiscalizada corrigió lo señalado en las recomendaciones que aborda su justificación, las cuales se dan de baja del registro de seguimiento.",
        "Con los elementos aportados, la Auditoría Superior del Estado determina el cierre de las recomendaciones a las que se contrae la respuesta de la entidad.",
        "Las acciones descritas por el ente son suficientes y pertinentes para resolver las recomendaciones señaladas en su respuesta; en consecuencia, se archivan como resueltas.",
    ],
    ("rechaza", False): [
        "Una vez valorada la respuesta, no se acredita que la entidad fiscalizada corrigiera lo señalado en la recomendación que aborda su justificación, la cual se mantiene en el registro de seguimiento.",
        "Con los elementos aportados, la Auditoría Superior del Estado determina que no es factible el cierre de la recomendación a la que se contrae la respuesta de la entidad, que sigue vigente.",
        "Las acciones descritas por el ente no son suficientes ni pertinentes para resolver la recomendación señalada en su respuesta; en consecuencia, no se archiva y su seguimiento continuará en la siguiente revisión.",
    ],
    ("rechaza", True): [
        "Una vez valorada la respuesta, no se acredita que la entidad fiscalizada corrigiera lo señalado en las recomendaciones que aborda su justificación, las cuales se mantienen en el registro de seguimiento.",
        "Con los elementos aportados, la Auditoría Superior del Estado determina que no es factible el cierre de las recomendaciones a las que se contrae la respuesta de la entidad, que siguen vigentes.",
        "Las acciones descritas por el ente no son suficientes ni pertinentes para resolver las recomendaciones señaladas en su respuesta; en consecuencia, no se archivan y su seguimiento continuará en la siguiente revisión.",
    ],
}  # fmt: skip
# Séptima tanda de maquetas reservadas: otras formas más del mismo veredicto, aparte de las
# anteriores (ésas ya se midieron); se describen en `tests/generador/RESERVADAS7.md`. Como las
# demás, se refieren a las recomendaciones que la justificación menciona.
CIERRES_RESERVADOS_7 = {
    ("acepta", False): [
        "Del examen de la documentación proporcionada, esta Auditoría Superior declara superada la recomendación invocada por la entidad en su respuesta.",
        "La evidencia exhibida permite constatar la implementación de la mejora propuesta en la recomendación citada en la respuesta del ente, por lo que ésta se cancela en el sistema de seguimiento de acciones.",
        "En opinión de esta Auditoría Superior, la respuesta de la entidad resuelve de fondo la problemática que originó la recomendación de que se trata; en tal virtud, se emite opinión favorable sobre su implementación.",
    ],
    ("acepta", True): [
        "Del examen de la documentación proporcionada, esta Auditoría Superior declara superadas las recomendaciones invocadas por la entidad en su respuesta.",
        "La evidencia exhibida permite constatar la implementación de las mejoras propuestas en las recomendaciones citadas en la respuesta del ente, por lo que éstas se cancelan en el sistema de seguimiento de acciones.",
        "En opinión de esta Auditoría Superior, la respuesta de la entidad resuelve de fondo la problemática que originó las recomendaciones de que se trata; en tal virtud, se emite opinión favorable sobre su implementación.",
    ],
    ("rechaza", False): [
        "Del examen de la documentación proporcionada, esta Auditoría Superior no puede declarar superada la recomendación invocada por la entidad en su respuesta, que se conserva abierta.",
        "La evidencia exhibida no permite constatar la implementación de la mejora propuesta en la recomendación citada en la respuesta del ente, por lo que ésta se conserva activa en el sistema de seguimiento de acciones.",
        "En opinión de esta Auditoría Superior, la respuesta de la entidad no resuelve de fondo la problemática que originó la recomendación de que se trata; en tal virtud, se emite opinión desfavorable sobre su implementación.",
    ],
    ("rechaza", True): [
        "Del examen de la documentación proporcionada, esta Auditoría Superior no puede declarar superadas las recomendaciones invocadas por la entidad en su respuesta, que se conservan abiertas.",
        "La evidencia exhibida no permite constatar la implementación de las mejoras propuestas en las recomendaciones citadas en la respuesta del ente, por lo que éstas se conservan activas en el sistema de seguimiento de acciones.",
        "En opinión de esta Auditoría Superior, la respuesta de la entidad no resuelve de fondo la problemática que originó las recomendaciones de que se trata; en tal virtud, se emite opinión desfavorable sobre su implementación.",
    ],
}  # fmt: skip
# Cómo nombra la justificación por contenido a cada objeto, sin repetirlo completo: «presenta
# el diagrama de flujo» responde a «Diseñar un diagrama de flujo del proceso general...».
CORTOS = {
    "el diagnóstico del programa con la problemática específica que se pretende atender": "el diagnóstico del programa",
    "el árbol de problemas y de objetivos conforme a la metodología del marco lógico": "el árbol de problemas y de objetivos",
    "la matriz de indicadores para resultados con indicadores estratégicos y de gestión": "la matriz de indicadores para resultados",
    "las fichas técnicas de los indicadores del programa": "las fichas técnicas de los indicadores",
    "un padrón de beneficiarios con sus características socioeconómicas": "el padrón de beneficiarios",
    "un manual de procedimientos para la entrega de los apoyos": "el manual de procedimientos",
    "un diagrama de flujo del proceso general de operación": "el diagrama de flujo",
    "instrumentos para medir la satisfacción de la población atendida": "los instrumentos para medir la satisfacción",
    "una estrategia de cobertura documentada para atender a la población objetivo": "la estrategia de cobertura",
    "un análisis FODA con alternativas para los riesgos identificados": "el análisis FODA",
    "un programa anual de trabajo con metas calendarizadas": "el programa anual de trabajo",
    "mecanismos de transparencia y rendición de cuentas del programa": "los mecanismos de transparencia y rendición de cuentas",
    "reportes trimestrales de avance físico y financiero": "los reportes trimestrales de avance",
    "la vinculación del programa con los objetivos del Plan Estatal de Desarrollo": "la vinculación con el Plan Estatal de Desarrollo",
    "un sistema de control y monitoreo del cumplimiento de metas": "el sistema de control y monitoreo",
    "evidencia documental del presupuesto aprobado y ejercido": "la evidencia del presupuesto aprobado y ejercido",
    "un programa de capacitación para el personal operativo": "el programa de capacitación",
    "lineamientos de operación publicados en el periódico oficial": "los lineamientos de operación",
}  # fmt: skip
SUFIJOS_CONTENIDO = [".", ", debidamente autorizado.", " con su evidencia documental.",
                     " elaborado durante el periodo de solventación."]  # fmt: skip
MENORES = {"de", "del", "la", "las", "los", "el", "y", "con", "para", "a", "en"}


def _titulo(texto: str) -> str:
    """«diagrama de flujo» → «Diagrama de Flujo» (como se escribe a veces en las recomendaciones)."""
    return " ".join(p if p in MENORES else p[0].upper() + p[1:] for p in texto.split())


def variar(informe: InformeSintetico, semilla: int) -> InformeSintetico:
    """Otra redacción del mismo informe, con la misma verdad de estatus y referencias: cierres en
    varias formas y justificaciones «por número» reescritas como respuesta sólo por contenido
    (parafraseada, a veces con la recomendación en mayúsculas de título)."""
    r = random.Random(semilla * 7919 + 17)
    for p in informe.procedimientos:
        if p.cierre:
            plantilla = r.choice(CIERRES[(p.veredicto_cierre, p.plural_cierre)])
            p.cierre = [plantilla.format(area=p.area, programa=informe.programa)]
        for j in p.justificaciones or []:
            por_numero = j.texto.startswith("En atención a la recomendación número")
            if not (j.objeto and (j.modo == "contenido" or por_numero) and r.random() < 0.6):
                continue
            corto = CORTOS[j.objeto]
            j.texto = f"El ente público presenta {corto}{r.choice(SUFIJOS_CONTENIDO)}"
            j.modo = "contenido-libre"
            if r.random() < 0.5:
                nucleo = corto.split(" ", 1)[1]
                indice = j.recomendaciones[0] - 1
                p.recomendaciones[indice] = p.recomendaciones[indice].replace(
                    nucleo, _titulo(nucleo), 1
                )
    return informe


def cerrar_distinto(informe: InformeSintetico, semilla: int,
                    redacciones: dict | None = None) -> InformeSintetico:  # fmt: skip
    """Los cierres del informe con la redacción de `redacciones` (por omisión,
    `CIERRES_RESERVADOS`): mismo veredicto y número; la verdad no cambia."""
    redacciones = redacciones or CIERRES_RESERVADOS
    r = random.Random(semilla * 104729 + 3)
    for p in informe.procedimientos:
        if p.cierre:
            p.cierre = [r.choice(redacciones[(p.veredicto_cierre, p.plural_cierre)])]
    return informe


def romano(numero: int) -> str:
    """12 → «XII»."""
    cifras = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
              (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]  # fmt: skip
    texto = ""
    for valor, letras in cifras:
        cuantas, numero = divmod(numero, valor)
        texto += letras * cuantas
    return texto


def renumerar(informe: InformeSintetico, formato: str) -> InformeSintetico:
    """Las citas de las justificaciones («recomendación número 3», «recomendaciones 1 y 3») con
    la numeración de los incisos de la maqueta: `formato` con `{n}` (el número), `{r}` (en
    romanos) y `{p}` (el procedimiento): «{r}» → «número III», «{p}.{n}» → «número 2.3». Las
    referencias de la verdad siguen siendo el orden del inciso (1, 2, 3…)."""
    for p in informe.procedimientos:

        def cita(x: str, p: Procedimiento = p) -> str:
            return formato.format(n=int(x), r=romano(int(x)), p=p.numero)

        def una(m: re.Match, cita=cita) -> str:
            return f"recomendación número {cita(m[1])}"

        def dos(m: re.Match, cita=cita) -> str:
            return f"recomendaciones {cita(m[1])} y {cita(m[2])}"

        for j in p.justificaciones or []:
            j.texto = re.sub(r"recomendación número (\d+)", una, j.texto)
            j.texto = re.sub(r"recomendaciones (\d+) y (\d+)", dos, j.texto)
    return informe


# Justificaciones en prosa (`citar_en_prosa`): cada párrafo empieza citando su recomendación.
PROSA = [
    (re.compile(r"^El ente público presenta documentación en atención a la recomendación número (\d+), sin embargo,"),
     r"En relación con la recomendación \1, el ente público presenta documentación; sin embargo,"),
    (re.compile(r"^(?:En atención a|Atendiendo a) la recomendación número (\d+),"),
     r"En relación con la recomendación \1,"),
    (re.compile(r"^En atención a las recomendaciones (\d+) y (\d+),"),
     r"En relación con las recomendaciones \1 y \2,"),
]  # fmt: skip


def citar_en_prosa(informe: InformeSintetico) -> InformeSintetico:
    """Las justificaciones que citan por número, reescritas para ir en párrafos sin número
    («En relación con la recomendación 2, el ente público presenta…»); las que responden por
    contenido o no citan ninguna quedan igual. La verdad no cambia."""
    for p in informe.procedimientos:
        for j in p.justificaciones or []:
            for patron, reemplazo in PROSA:
                j.texto = patron.sub(reemplazo, j.texto)
    return informe


def citar_incisos(informe: InformeSintetico) -> InformeSintetico:
    """Las citas por número con la letra del inciso: «la recomendación del inciso b)», «las
    recomendaciones de los incisos a) y c)»; con una sola recomendación (que va sin letra),
    «la recomendación emitida». La verdad no cambia."""
    letra = "abcdefghijklmnopqrstuvwxyz"
    for p in informe.procedimientos:
        una_sola = len(p.recomendaciones) == 1

        def una(m: re.Match, una_sola: bool = una_sola) -> str:
            return (
                "recomendación emitida"
                if una_sola
                else f"recomendación del inciso {letra[int(m[1]) - 1]})"
            )

        def dos(m: re.Match) -> str:
            return (
                f"recomendaciones de los incisos {letra[int(m[1]) - 1]}) y {letra[int(m[2]) - 1]})"
            )

        for j in p.justificaciones or []:
            j.texto = re.sub(r"recomendación número (\d+)", una, j.texto)
            j.texto = re.sub(r"recomendaciones (\d+) y (\d+)", dos, j.texto)
    return informe


def citar_claves(informe: InformeSintetico, clave: str = "R-{n}") -> InformeSintetico:
    """Las citas por número con la clave de la recomendación, sin «número»: «la recomendación
    R-2», «las recomendaciones R-1 y R-3». La verdad no cambia."""
    for p in informe.procedimientos:
        for j in p.justificaciones or []:
            j.texto = re.sub(
                r"recomendación número (\d+)",
                lambda m: f"recomendación {clave.format(n=int(m[1]))}",
                j.texto,
            )
            j.texto = re.sub(
                r"recomendaciones (\d+) y (\d+)",
                lambda m: (
                    f"recomendaciones {clave.format(n=int(m[1]))} y {clave.format(n=int(m[2]))}"
                ),
                j.texto,
            )
    return informe


def citar_consecutivas(informe: InformeSintetico) -> InformeSintetico:
    """Las citas por número con la numeración de las recomendaciones que no reinicia en cada
    procedimiento, sino que sigue en todo el informe (como una lista numerada de Word que
    continúa): si el procedimiento 1 tiene tres, la primera del 2 es la «recomendación número
    4». Las referencias de la verdad siguen siendo el orden dentro del procedimiento."""
    previas = 0
    for p in informe.procedimientos:

        def una(m: re.Match, previas: int = previas) -> str:
            return f"recomendación número {int(m[1]) + previas}"

        def dos(m: re.Match, previas: int = previas) -> str:
            return f"recomendaciones {int(m[1]) + previas} y {int(m[2]) + previas}"

        for j in p.justificaciones or []:
            j.texto = re.sub(r"recomendación número (\d+)", una, j.texto)
            j.texto = re.sub(r"recomendaciones (\d+) y (\d+)", dos, j.texto)
        previas += len(p.recomendaciones)
    return informe


def asm(numero: int) -> str:
    """3 → «ASM-03» (la clave del aspecto susceptible de mejora, con dos cifras)."""
    return f"ASM-{numero:02d}"


def citar_asm(informe: InformeSintetico) -> InformeSintetico:
    """Las citas por número con la clave del aspecto susceptible de mejora, en masculino («en
    atención al ASM-02», «a los ASM-01 y ASM-03», «al ASM emitido»; la justificación que
    acepta o rechaza la cita dice «se considera atendido»). La verdad no cambia."""
    for p in informe.procedimientos:
        for j in p.justificaciones or []:
            texto = re.sub(
                r"a la recomendación número (\d+)", lambda m: f"al {asm(int(m[1]))}", j.texto
            )
            texto = re.sub(
                r"a las recomendaciones (\d+) y (\d+)",
                lambda m: f"a los {asm(int(m[1]))} y {asm(int(m[2]))}",
                texto,
            )
            texto = texto.replace("a la recomendación emitida", "al ASM emitido")
            if texto != j.texto:
                texto = texto.replace("se considera atendida", "se considera atendido")
            j.texto = texto
    return informe


ORDINALES = ["PRIMERA", "SEGUNDA", "TERCERA", "CUARTA", "QUINTA", "SEXTA", "SÉPTIMA", "OCTAVA",
             "NOVENA", "DÉCIMA", "UNDÉCIMA", "DUODÉCIMA"]  # fmt: skip


def ordinal(numero: int, total: int) -> str:
    """La recomendación 2 de varias → «SEGUNDA»; la única de su procedimiento → «ÚNICA» (como
    los puntos de una resolución); más allá de las que tienen nombre, el número."""
    if total == 1:
        return "ÚNICA"
    return ORDINALES[numero - 1] if numero <= len(ORDINALES) else str(numero)


def citar_ordinales(informe: InformeSintetico) -> InformeSintetico:
    """Las citas por número con el ordinal de la recomendación, en mayúsculas como su rótulo:
    «la recomendación SEGUNDA», «las recomendaciones PRIMERA y TERCERA», «la recomendación
    ÚNICA» («la recomendación emitida» queda igual). La verdad no cambia."""
    for p in informe.procedimientos:
        total = len(p.recomendaciones)
        for j in p.justificaciones or []:
            j.texto = re.sub(
                r"recomendación número (\d+)",
                lambda m, total=total: f"recomendación {ordinal(int(m[1]), total)}",
                j.texto,
            )
            j.texto = re.sub(
                r"recomendaciones (\d+) y (\d+)",
                lambda m, total=total: (
                    f"recomendaciones {ordinal(int(m[1]), total)} y {ordinal(int(m[2]), total)}"
                ),
                j.texto,
            )
    return informe


def clave_expediente(informe: InformeSintetico, procedimiento: int, numero: int) -> str:
    """La clave de una recomendación con el ejercicio, el número de la auditoría, el
    procedimiento y su orden: «2021-AED-091-03-002» (séptima tanda)."""
    auditoria = informe.numero.split("/")[1]
    return f"{informe.ejercicio}-AED-{auditoria}-{procedimiento:02d}-{numero:03d}"


def citar_expediente(informe: InformeSintetico) -> InformeSintetico:
    """Las citas por número con la clave de expediente de la recomendación
    (`clave_expediente`): «la recomendación 2021-AED-091-03-002», «las recomendaciones
    2021-AED-091-03-001 y 2021-AED-091-03-003». La verdad no cambia."""
    for p in informe.procedimientos:

        def clave(x: str, p: Procedimiento = p) -> str:
            return clave_expediente(informe, p.numero, int(x))

        for j in p.justificaciones or []:
            j.texto = re.sub(
                r"recomendación número (\d+)", lambda m: f"recomendación {clave(m[1])}", j.texto
            )
            j.texto = re.sub(r"recomendaciones (\d+) y (\d+)",
                             lambda m: f"recomendaciones {clave(m[1])} y {clave(m[2])}", j.texto)  # fmt: skip
    return informe


ORDINALES_MINUSCULAS = ["primera", "segunda", "tercera", "cuarta", "quinta", "sexta", "séptima",
                        "octava", "novena", "décima", "undécima", "duodécima"]  # fmt: skip


def ordinal_previo(numero: int) -> str:
    """2 → «segunda» (más allá de las que tienen nombre, «12.ª»)."""
    if numero <= len(ORDINALES_MINUSCULAS):
        return ORDINALES_MINUSCULAS[numero - 1]
    return f"{numero}.ª"


def citar_ordinal_previo(informe: InformeSintetico) -> InformeSintetico:
    """Las citas por número con el ordinal antes del nombre, en minúsculas: «la segunda
    recomendación», «las recomendaciones primera y tercera»; la única de su procedimiento, «la
    única recomendación» («la recomendación emitida» queda igual). La verdad no cambia."""
    for p in informe.procedimientos:
        total = len(p.recomendaciones)

        def una(m: re.Match, total: int = total) -> str:
            return (
                "la única recomendación"
                if total == 1
                else f"la {ordinal_previo(int(m[1]))} recomendación"
            )

        for j in p.justificaciones or []:
            j.texto = re.sub(r"la recomendación número (\d+)", una, j.texto)
            j.texto = re.sub(
                r"recomendaciones (\d+) y (\d+)",
                lambda m: (
                    f"recomendaciones {ordinal_previo(int(m[1]))} y {ordinal_previo(int(m[2]))}"
                ),
                j.texto,
            )
    return informe


def _oficios(informe: InformeSintetico, anexo: bool = False) -> list[dict]:
    """En orden de aparición: sección II, justificaciones, sección VII; sin repetir. Con
    `anexo` (los procedimientos en un anexo tras la firma), los de la sección VII van antes que
    los de las justificaciones."""
    primero, *resto = informe.oficios
    justificaciones = [(o, None) for p in informe.procedimientos for o in p.oficios]
    todos = [primero] + (resto + justificaciones if anexo else justificaciones + resto)
    vistos: dict[str, dict] = {}
    for numero, fecha in todos:
        vistos.setdefault(numero, {"numero_oficio": numero, "fecha": fecha_iso(fecha)})
    return list(vistos.values())


# Días hábiles que da el informe para responder (el texto de la sección VII dice 5).
PLAZO_DIAS_HABILES = 5


def _alerta_de_plazo(informe: InformeSintetico) -> list[dict]:
    """La respuesta llegó fuera de plazo y el informe valoró sus justificaciones: una alerta.
    Los días hábiles salen del calendario (fines de semana, festivos y días inhábiles del
    auditor: `extractores/plazos.py`), que es un dato, no una lectura del PDF."""
    from extractores.plazos import calendario

    (notificacion, aviso), (respuesta, llegada) = informe.oficios[1], informe.oficios[2]
    tomada = any(p.justificaciones for p in informe.procedimientos)
    dias = calendario("ase-tamaulipas").dias_habiles(
        date(aviso[2], aviso[1], aviso[0]), date(llegada[2], llegada[1], llegada[0])
    )
    if dias is None or dias <= PLAZO_DIAS_HABILES or not tomada:
        return []
    return [{"procedimiento": None, "tipo": "respuesta fuera de plazo",
             "detalle": f"La respuesta del ente (oficio {respuesta}, recibida el {fecha_iso(llegada)}) "
                        f"llegó {dias} días hábiles después de la notificación (oficio {notificacion}, "
                        f"del {fecha_iso(aviso)}), con un plazo de {PLAZO_DIAS_HABILES} días hábiles, "
                        "y el informe la tomó en cuenta."}]  # fmt: skip


def _sin_bloques(p: Procedimiento) -> bool:
    return not p.resultados and not p.recomendaciones and not p.justificaciones


def esperado(informe: InformeSintetico, anexo: bool = False) -> dict:
    """La respuesta exacta en la forma de `esperado.json`; con `anexo`, la de una maqueta que
    pone los procedimientos en un anexo tras la firma (cambia el orden de los oficios)."""
    alertas = [a for p in informe.procedimientos for a in p.alertas]
    # Un procedimiento sin bloques es estructura dudosa (el documento queda `parcial`).
    alertas += [
        {"procedimiento": p.numero, "tipo": "estructura dudosa",
         "detalle": "No tiene bloques de resultados ni recomendaciones."}
        for p in informe.procedimientos if _sin_bloques(p)
    ]  # fmt: skip
    alertas += _alerta_de_plazo(informe)
    return {
        "informe": {
            "numero_auditoria": informe.numero,
            "tipo_auditoria": "Desempeño",
            "ente_fiscalizado": informe.ente,
            "programa": informe.programa,
            "ejercicio": informe.ejercicio,
            "fecha_informe": fecha_iso(informe.fecha),
            "lugar": informe.lugar,
            "dictamen": informe.dictamen,
            "auditor_superior": informe.auditor_superior,
            "auditores": informe.auditores,
            "auditor": "ASE Tamaulipas",
            "dictamen_texto": informe.dictamen_texto,
            "destinatario": informe.destinatario,
            "oficios": _oficios(informe, anexo),
        },
        "procedimientos": [
            {
                "numero": p.numero,
                "resultados": [{"numero": i, "texto": t} for i, t in enumerate(p.resultados, 1)],
                "recomendaciones": [
                    {"numero": i, "texto": t, "estatus": e, "motivo": m}
                    for i, (t, (e, m)) in enumerate(
                        zip(p.recomendaciones, p.estatus, strict=True), 1
                    )
                ],
                "justificaciones": [
                    {"numero": i, "texto": j.texto, "recomendaciones": j.recomendaciones}
                    for i, j in enumerate(p.justificaciones or [], 1)
                ],
                "cierre": p.cierre,
                "area_normalizada": p.area,
            }
            for p in informe.procedimientos
        ],
        "alertas": alertas,
    }
