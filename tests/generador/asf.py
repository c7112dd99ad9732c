"""Informes individuales sintéticos de la ASF, como PDF reales (reportlab), con su verdad exacta
en la forma `forma_por_resultados` (`modelos/esperado.py`).

Imitan la redacción de las muestras reales (`tests/ejemplos/fuentes/asf-*.texto.txt`): portada
(ente, título, «Auditoría De <Tipo>: <clave>», «Modalidad: Presencial», «Núm. de Auditoría: N»),
Criterios de Selección, Objetivo, Alcance, Antecedentes, Resultados, Montos por Aclarar,
Resumen de Resultados…, Consideraciones para el seguimiento, Dictamen, Servidores públicos que
intervinieron en la auditoría (cargos y nombres en dos columnas), Comentarios de la Entidad
Fiscalizada y Apéndices. Cubre:

- las dos numeraciones: «Resultado núm. N» y «N. Título» / «N. <texto sin título>», con listas
  numeradas dentro de los resultados («1.- Ambiente de control», «1. De la partida…») que no son
  resultados;
- todos los tipos de acción de `modelos/catalogos/tipos_accion.csv` (la línea «<clave> <tipo>» a
  veces sigue en el renglón siguiente) y sus montos («por un monto de 1,234,567.89 pesos»);
- respuestas que solventan, que solventan parcialmente (con acciones) o con las que persiste lo
  observado (con acciones);
- encabezados corridos que alternan entre páginas impares («Grupo Funcional X» o «Gasto
  Federalizado») y pares («Informe Individual del Resultado de la Fiscalización Superior de la
  Cuenta Pública N»), con el número de página;
- tablas aplanadas en renglones y anexos escaneados (páginas de imagen con texto) después de los
  comentarios o de los apéndices, que nunca son resultados;
- una parte de los informes con un resumen propio que no cuadra con sus resultados: la verdad
  lleva entonces una alerta `resumen no coincide` con el detalle exacto del extractor y el
  documento queda `parcial`.

La página de cada resultado y de cada acción sale del dibujo mismo (el párrafo anota la página
en la que se dibuja), no del extractor.
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    Image,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from tests.generador.informe import MESES, fecha_iso
from tests.generador.pdf import escanear, ruido_de_escaner

CATALOGO_TIPOS = Path(__file__).resolve().parents[2] / "modelos" / "catalogos" / "tipos_accion.csv"
FORMATO = "asf-informe-individual"
ALERTA_RESUMEN = "resumen no coincide"
ESTADOS = ("sin observaciones", "solventado", "con acciones")
# Código de cada tipo en la clave de la acción («…-06-001 Pliego de Observaciones»).
CODIGOS = {
    "Recomendación": "01", "Solicitud de Aclaración": "03",
    "Promoción del Ejercicio de la Facultad de Comprobación Fiscal": "05",
    "Pliego de Observaciones": "06", "Recomendación al Desempeño": "07",
    "Promoción de Responsabilidad Administrativa Sancionatoria": "08",
    "Denuncia de Hechos": "09", "Informe de Presunta Responsabilidad Administrativa": "10",
    "Multa": "11",
}  # fmt: skip
# Orden en que el resumen del informe enumera las acciones.
ORDEN_RESUMEN = ["Recomendación", "Recomendación al Desempeño", "Solicitud de Aclaración",
                 "Promoción del Ejercicio de la Facultad de Comprobación Fiscal",
                 "Promoción de Responsabilidad Administrativa Sancionatoria",
                 "Pliego de Observaciones", "Denuncia de Hechos",
                 "Informe de Presunta Responsabilidad Administrativa", "Multa"]  # fmt: skip
# Tipos que pueden seguir en el renglón siguiente (largos: en el informe real no caben).
LARGOS = 38
ENCABEZADO_PAR = (
    "Informe Individual del Resultado de la Fiscalización Superior de la Cuenta Pública {ej}"
)

# (nombre, artículo, grupo funcional, letra de la clave, clave del ente)
ENTES = [
    ("Cámara de Diputados", "la", "Gobierno", "0", "01100"),
    ("Congreso del Estado de Nuevo León", "el", "Gasto Federalizado", "G", "19000"),
    ("Secretaría de Salud", "la", "Desarrollo Social", "0", "12100"),
    ("Gobierno del Estado de Tamaulipas", "el", "Gasto Federalizado", "A", "28000"),
    ("Municipio de Reynosa, Tamaulipas", "el", "Gasto Federalizado", "D", "28032"),
    ("Comisión Nacional del Agua", "la", "Desarrollo Económico", "0", "16101"),
    ("Instituto Mexicano del Seguro Social", "el", "Desarrollo Social", "1", "50019"),
    ("Universidad Autónoma de Zacatecas", "la", "Gasto Federalizado", "G", "32000"),
    ("Municipio de Ecatepec de Morelos, Estado de México", "el", "Gasto Federalizado", "D", "15033"),
    ("Secretaría de Infraestructura, Comunicaciones y Transportes", "la", "Desarrollo Económico", "0", "09100"),
]  # fmt: skip
TIPOS_AUDITORIA = ["Cumplimiento", "Cumplimiento Forense", "Cumplimiento Financiero",
                   "Desempeño", "Cumplimiento a Inversiones Físicas"]  # fmt: skip
TITULOS = [
    ["Gestión Financiera"],
    ["Contratos y Convenios Suscritos por {el_ente}; así como,",
     "Erogaciones Financiadas con Recursos del Gasto Federalizado del Ejercicio {ej},",
     "Incluidas las Participaciones Federales"],
    ["Participaciones Federales a Entidades Federativas"],
    ["Recursos del Fondo de Aportaciones para los Servicios de Salud"],
    ["Adquisiciones de Medicamentos y Material de Curación"],
    ["Programa de Mantenimiento de la Infraestructura Hidráulica", "y Obras Asociadas"],
]  # fmt: skip
FONDOS = ["Fondo General de Participaciones (Participaciones Federales)",
          "Fondo de Aportaciones para la Infraestructura Social",
          "Fondo de Aportaciones para los Servicios de Salud", "presupuesto autorizado"]  # fmt: skip
NOMBRES = ["Carlos Emiliano", "Ernesto", "José Manuel", "Sergio Giovani", "María Fernanda",
           "Laura", "Ricardo", "Ana Sofía", "Miguel Ángel", "Patricia", "Jorge", "Claudia"]  # fmt: skip
APELLIDOS = ["Huerta", "Durán", "Blanco", "Sandoval", "Nieto", "López", "Rubio", "Maldonado",
             "Ortega", "Salinas", "Vázquez", "Ibarra", "Cervantes", "Fuentes", "Aguilar"]  # fmt: skip
TITULOS_PERSONA = ["Mtro.", "Mtra.", "Lic.", "C.P.", "Ing.", "Dr.", "L.C.P."]
CARGOS = [("Director de Área", "Director General"), ("Directora de Área", "Director General"),
          ("Subdirector", "Director de Área"), ("Jefe de Departamento", "Subdirectora")]  # fmt: skip
PREFIJOS_OFICIO = ["THCE", "SG", "DGAJ", "AEGF", "UAI", "DGAFF-C", "CP", "DGRMS"]
LEYES = [
    "la Ley General de Contabilidad Gubernamental, artículos 42 y 43",
    "la Ley Federal de Presupuesto y Responsabilidad Hacendaria, artículo 66, fracción III",
    "el Código Fiscal de la Federación, artículos 29 y 29-A",
    "la Ley de Coordinación Fiscal, artículo 49, párrafo primero",
    "la Ley de Adquisiciones, Arrendamientos y Servicios del Sector Público, artículo 26",
]  # fmt: skip
FALTAS = [
    "realizó pagos sin contar con la documentación justificativa y comprobatoria del gasto",
    "pagó conceptos de obra que no fueron ejecutados",
    "realizó pagos a trabajadores que no acreditaron el perfil del puesto",
    "no presentó los comprobantes fiscales de las adquisiciones realizadas",
    "pagó bienes que no fueron localizados en la verificación física",
    "realizó pagos posteriores a la fecha de baja de los trabajadores",
]  # fmt: skip
DOCUMENTOS = ["pólizas de egresos, CFDI y transferencias bancarias",
              "los expedientes laborales y las constancias de los trabajadores",
              "las estimaciones de obra, los números generadores y el finiquito",
              "los resguardos, el inventario y la evidencia fotográfica de los bienes"]  # fmt: skip
ELEMENTOS_CONTROL = ["Ambiente de control", "Administración de riesgos", "Actividades de control",
                     "Información y comunicación", "Supervisión"]  # fmt: skip
PARTIDAS = [("1110", "Dietas"), ("1130", "Sueldos base al personal permanente"),
            ("1210", "Honorarios asimilables a salarios"), ("1330", "Horas extraordinarias"),
            ("1540", "Prestaciones contractuales"), ("1710", "Estímulos"),
            ("2610", "Combustibles, lubricantes y aditivos"), ("3570", "Instalación, reparación y mantenimiento")]  # fmt: skip
TERCEROS = [("Comisión Nacional Bancaria y de Valores (CNBV)", "CNBV", "los estados de cuenta bancarios"),
            ("Servicio de Administración Tributaria (SAT)", "SAT", "una relación de los CFDI timbrados por concepto de nómina"),
            ("Dirección General de Información en Salud (DGIS)", "DGIS", "un listado de defunciones")]  # fmt: skip
ANEXO_LINEAS = [
    "ANEXO {k}", "RELACIÓN DE DOCUMENTACIÓN PROPORCIONADA POR LA ENTIDAD FISCALIZADA",
    "Resultados", "Resultado núm. {r}",
    "1. Estados de cuenta bancarios del periodo de enero a diciembre de {ej}.",
    "2. Pólizas contables con su documentación soporte.",
    "3. Comprobantes fiscales digitales por internet y sus archivos XML.",
    "4. Constancias de situación fiscal de los proveedores.",
    "{r}. Relación de pagos realizados",
    "Se anexan las copias certificadas de la documentación señalada.",
]  # fmt: skip


def tipos_de_accion() -> list[str]:
    """Los tipos del catálogo (`modelos/catalogos/tipos_accion.csv`), en su orden."""
    with CATALOGO_TIPOS.open(encoding="utf-8", newline="") as archivo:
        return [fila["tipo"] for fila in csv.DictReader(archivo)]


def plural(tipo: str) -> str:
    with CATALOGO_TIPOS.open(encoding="utf-8", newline="") as archivo:
        return next(f["plural"] for f in csv.DictReader(archivo) if f["tipo"] == tipo)


# --- cifras en letra --------------------------------------------------------------------------

_UNIDADES = ["cero", "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte", "veintiún", "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete", "veintiocho", "veintinueve"]  # fmt: skip
_DECENAS = {3: "treinta", 4: "cuarenta", 5: "cincuenta", 6: "sesenta", 7: "setenta", 8: "ochenta",
            9: "noventa"}  # fmt: skip
_CENTENAS = {1: "ciento", 2: "doscientos", 3: "trescientos", 4: "cuatrocientos", 5: "quinientos",
             6: "seiscientos", 7: "setecientos", 8: "ochocientos", 9: "novecientos"}  # fmt: skip


def _menor_de_mil(n: int) -> str:
    if n == 100:
        return "cien"
    centenas, resto = divmod(n, 100)
    partes = [_CENTENAS[centenas]] if centenas else []
    if resto and resto < 30:
        partes.append(_UNIDADES[resto])
    elif resto:
        decena, unidad = divmod(resto, 10)
        partes.append(_DECENAS[decena] + (f" y {_UNIDADES[unidad]}" if unidad else ""))
    return " ".join(partes)


def en_letra(n: int) -> str:
    """121 -> «ciento veintiún»; 2681954 -> «dos millones seiscientos ochenta y un mil…»."""
    if n == 0:
        return "cero"
    millones, resto = divmod(n, 1_000_000)
    miles, unidades = divmod(resto, 1000)
    partes = []
    if millones:
        partes.append("un millón" if millones == 1 else f"{_menor_de_mil(millones)} millones")
    if miles:
        partes.append("mil" if miles == 1 else f"{_menor_de_mil(miles)} mil")
    if unidades:
        partes.append(_menor_de_mil(unidades))
    return " ".join(partes)


def pesos(monto: float) -> str:
    return f"{monto:,.2f}"


def pesos_en_letra(monto: float) -> str:
    entero, centavos = divmod(round(monto * 100), 100)
    return f"({en_letra(entero)} pesos {centavos:02d}/100 M.N.)"


# --- el informe -------------------------------------------------------------------------------


@dataclass
class AccionAsf:
    clave: str
    tipo: str
    parrafos: list[str]
    monto: float | None = None
    corte: int = 0  # palabras del tipo antes del salto de renglón (0: el tipo en un renglón)


@dataclass
class ResultadoAsf:
    numero: int
    titulo: str
    bloques: list[tuple[str, str]]  # (clase, texto): "p" párrafo, "sub" subtítulo, "item", "tabla"
    respuesta: str = ""  # el párrafo de la respuesta del ente (la justificación)
    estado: str = "sin observaciones"
    acciones: list[AccionAsf] = field(default_factory=list)
    en_linea: bool = False  # «N. <texto>»: el primer párrafo sigue al número en el mismo renglón


@dataclass
class InformeAsf:
    clave: str
    numero_corto: str
    tipo_auditoria: str
    grupo_funcional: str
    ente: str
    articulo: str
    titulo: list[str]
    ejercicio: int
    fondo: str
    estilo: str  # "palabra" («Resultado núm. N») o "numero» («N. …»)
    resultados: list[ResultadoAsf]
    resumen: dict
    resumen_texto: str
    alertas: list[dict]
    dictamen: str
    dictamen_parrafos: list[str]
    dictamen_texto: str
    fecha_dictamen: tuple[int, int, int] | None
    monto_por_aclarar: float | None
    monto_recuperado: float | None
    personas: list[tuple[str, str, str]]  # (título, nombre, cargo)
    oficios: list[tuple[str, tuple[int, int, int]]]  # en el orden en que aparecen
    comentarios: list[str]
    anexos: str  # "", "comentarios" o "apendices": dónde van las páginas escaneadas
    paginas_anexo: int
    tipo_foco: str

    @property
    def el_ente(self) -> str:
        return f"{self.articulo} {self.ente}"

    @property
    def del_ente(self) -> str:
        return f"del {self.ente}" if self.articulo == "el" else f"de la {self.ente}"

    @property
    def al_ente(self) -> str:
        return f"al {self.ente}" if self.articulo == "el" else f"a la {self.ente}"

    @property
    def El_ente(self) -> str:  # noqa: N802 - al principio de la oración
        return f"{self.articulo.capitalize()} {self.ente}"


class _Oficios:
    """Números de oficio únicos, con su fecha, en el orden en que el texto los cita."""

    def __init__(self, r: random.Random, anio: int) -> None:
        self.r, self.anio, self.citados = r, anio, []
        self._usados: set[str] = set()

    def nuevo(self, anio: int | None = None) -> tuple[str, tuple[int, int, int]]:
        anio = anio or self.anio
        while True:
            numero = f"{self.r.choice(PREFIJOS_OFICIO)}/{self.r.randint(1, 3999):03d}/{anio}"
            if numero not in self._usados:
                break
        self._usados.add(numero)
        oficio = (numero, (self.r.randint(1, 28), self.r.randint(1, 12), anio))
        self.citados.append(oficio)
        return oficio


def _texto_fecha(fecha: tuple[int, int, int]) -> str:
    return f"{fecha[0]} de {MESES[fecha[1] - 1]} de {fecha[2]}"


def _miles(r: random.Random) -> str:
    return f"{r.uniform(100, 900_000):,.1f}"


def _monto(r: random.Random) -> float:
    return round(r.choice([r.uniform(5_000, 90_000), r.uniform(100_000, 3_000_000)]), 2)


def _nombre(r: random.Random) -> str:
    apellidos = r.sample(APELLIDOS, 2)
    return f"{r.choice(NOMBRES)} {apellidos[0]} {apellidos[1]}"


# Los bloques de un resultado sin observaciones, por clase.
def _sin_observaciones(
    r: random.Random, inf: InformeAsf, ofs: _Oficios, clase: str
) -> list[tuple[str, str]]:
    ej, fondo, ente = inf.ejercicio, inf.fondo, inf.el_ente
    if clase == "registro":
        return [
            (
                "p",
                f"Con la revisión de los estados de cuenta bancarios de la cuenta en la que se recibieron los recursos del {fondo} del ejercicio fiscal {ej}, pólizas contables de los ingresos de las ministraciones con su documentación soporte y auxiliares contables, se verificó que {ente} registró presupuestal y contablemente los ingresos por {_miles(r)} miles de pesos, los cuales estuvieron debidamente actualizados, identificados y controlados; además, contaron con la documentación que justificó y comprobó su registro.",
            )
        ]
    if clase == "terceros":
        nombre, sigla, documento = r.choice(TERCEROS)
        solicitud, respuesta = ofs.nuevo(), ofs.nuevo()
        return [
            (
                "p",
                f"De la solicitud de información a la {nombre}, con el oficio número {solicitud[0]} de fecha {_texto_fecha(solicitud[1])}, la {sigla} proporcionó {documento} mediante el oficio número {respuesta[0]} de fecha {_texto_fecha(respuesta[1])}, en los que se constató que las operaciones seleccionadas para la revisión de la auditoría fueron pagadas con recursos del {fondo} del ejercicio fiscal {ej}.",
            )
        ]
    if clase == "destino":
        filas = [
            f"{n} {c} {_miles(r)} {_miles(r)} 0.0"
            for c, n in (
                ("1000", "Servicios Personales"),
                ("2000", "Materiales y Suministros"),
                ("3000", "Servicios Generales"),
            )
        ]
        return [
            ("p", f"{ente.capitalize()} reportó recursos ejercidos al 31 de diciembre de {ej} por {_miles(r)} miles de pesos del {fondo}, lo que representó el 100.0% de los recursos comprometidos de las operaciones seleccionadas, por lo que no se determinaron recursos pendientes de pago."),
            ("tabla", inf.ente.upper()), ("tabla", "DESTINO DE LOS RECURSOS"), ("tabla", f"CUENTA PÚBLICA {ej}"),
            ("tabla", "(Miles de pesos)"), ("tabla", "Capítulo Recursos asignados Recursos pagados Pendientes de pago"),
            *[("tabla", f) for f in filas],
            ("tabla", "FUENTE: Estado analítico del ejercicio del presupuesto de egresos proporcionado por la entidad fiscalizada."),
            ("p", "Las sumas parciales y totales pueden no coincidir debido al redondeo de cifras, y no se determinaron montos pendientes de reintegro."),
        ]  # fmt: skip
    if clase == "control":
        bloques = [
            (
                "p",
                f"Con el fin de verificar que, durante {ej}, {ente} contó con controles internos para el logro de sus objetivos y que éstos se implementaron conforme a las políticas y los procedimientos autorizados, se aplicó el cuestionario de control interno y se analizó la información y documentación proporcionada por la entidad fiscalizada, con lo que se determinó lo siguiente:",
            )
        ]
        for i, elemento in enumerate(r.sample(ELEMENTOS_CONTROL, r.randint(3, 5)), 1):
            bloques += [("sub", f"{i}.- {elemento}"),
                        ("p", f"Se constató que {ente}, durante el ejercicio {ej}, contó con normas, lineamientos y procedimientos en materia de {elemento.lower()}, los cuales se encontraron debidamente actualizados, aprobados y difundidos, en cumplimiento de la normativa.")]  # fmt: skip
        bloques.append(
            (
                "p",
                f"En conclusión, se constató que {ente} contó con un sistema de control interno que permite la toma de decisiones informadas y la rendición de cuentas.",
            )
        )
        return bloques
    if clase == "partidas":
        bloques = [("p", f"Con el análisis de la información y documentación proporcionada por {ente} para acreditar el pago de remuneraciones a su personal, se constató que los pagos correspondieron a los periodos en los que el personal ocupó sus respectivos cargos."),
                   ("p", "Adicionalmente, se constató lo siguiente:")]  # fmt: skip
        for i, (partida, nombre) in enumerate(r.sample(PARTIDAS, r.randint(2, 5)), 1):
            bloques.append(
                (
                    "item",
                    f"{i}. De la partida de gasto {partida} “{nombre}”, en la que se registraron recursos pagados por {_miles(r)} miles de pesos, se verificó que los pagos se realizaron en cumplimiento de la normativa.",
                )
            )
        bloques.append(
            (
                "p",
                f"En conclusión, los pagos realizados por {ente} se efectuaron de acuerdo con los importes autorizados para el ejercicio fiscal {ej}.",
            )
        )
        return bloques
    if clase == "bajas":
        return [
            ("p", f"Con la revisión de la plantilla de personal, XML timbrados de las nóminas y expedientes laborales correspondientes a las operaciones pagadas con recursos del {fondo}, se constató lo siguiente:"),
            ("item", f"• De {r.randint(40, 90)} trabajadores de base, {r.randint(5, 30)} causaron baja definitiva durante el ejercicio."),
            ("item", f"• De {r.randint(100, 300)} trabajadores de honorarios, ninguno recibió pagos posteriores a su baja."),
            ("p", "En todos los casos de baja definitiva no se identificaron pagos posteriores a la fecha registrada como baja."),
        ]  # fmt: skip
    # "contrato"
    return [
        ("sub", "Revisión al procedimiento de contratación"),
        ("p", f"El {_texto_fecha((r.randint(1, 28), r.randint(1, 12), ej))}, el Comité de Adquisiciones autorizó la contratación mediante el procedimiento de adjudicación directa con la empresa {r.choice(['Servicios Integrales del Norte', 'Elevadores del Centro', 'Distribuidora Médica Nacional'])}, S.A. de C.V., por un monto máximo de {_miles(r)} miles de pesos, en cumplimiento de la normativa."),
        ("sub", "Revisión del pago"),
        ("p", f"Se verificó que {ente} pagó {_miles(r)} miles de pesos con cargo al presupuesto del ejercicio fiscal {ej}, y que los comprobantes fiscales se encontraron vigentes, en cumplimiento de la normativa."),
    ]  # fmt: skip


TITULOS_RESULTADO = {
    "contrato": ["Contrato número DGAJ-{n:03d}/{ej}", "Revisión del contrato número LXVI-DGAJ-{n:03d}/{ej}",
                 "Pedido número {p}", "Orden de servicio número {p}"],
    "control": ["Evaluación del Control Interno"],
    "registro": ["Registro e información financiera"],
    "terceros": ["Solicitudes a terceros institucionales"],
    "destino": ["Destino de los recursos"],
    "partidas": ["Servicios personales"],
    "bajas": ["Bajas de personal"],
    "observacion": ["Verificación física de bienes adquiridos", "Pagos con documentación incompleta",
                    "Revisión del pedido {p}", "Erogaciones por gastos de operación"],
}  # fmt: skip


def _titulo_resultado(r: random.Random, clase: str, ej: int) -> str:
    return r.choice(TITULOS_RESULTADO[clase]).format(
        n=r.randint(1, 120), ej=ej, p=r.randint(110000, 129999)
    )


def _respuesta(r: random.Random, inf: InformeAsf, ofs: _Oficios, final: str) -> str:
    """El párrafo de la respuesta del ente: de «…en el transcurso de la auditoría…» (o «con
    motivo de la intervención…») a la valoración (`final`)."""
    anio = inf.ejercicio + 1
    forma = r.randrange(3)
    if forma == 0:
        oficio = ofs.nuevo(anio)
        inicio = (f"{inf.El_ente}, en el transcurso de la auditoría y con motivo de la intervención de la Auditoría Superior de la Federación, "
                  f"remitió el oficio número {oficio[0]} de fecha {_texto_fecha(oficio[1])}, mediante el cual proporcionó {r.choice(DOCUMENTOS)}")  # fmt: skip
    elif forma == 1:
        oficio = ofs.nuevo(anio)
        inicio = (f"Por lo anterior, con motivo de la intervención de la Auditoría Superior de la Federación, {inf.el_ente} proporcionó copia "
                  f"del oficio número {oficio[0]} del {_texto_fecha(oficio[1])}, con el cual instruyó a las áreas responsables que se integre en los expedientes la evidencia documental correspondiente")  # fmt: skip
    else:
        mes, dias = r.randint(1, 12), sorted(r.sample(range(1, 28), 2))
        primero = ofs.nuevo(anio)
        segundo = ofs.nuevo(anio)
        ofs.citados[-2] = (primero[0], (dias[0], mes, anio))
        ofs.citados[-1] = (segundo[0], (dias[1], mes, anio))
        inicio = (f"{inf.El_ente}, en el transcurso de la auditoría y con motivo de la intervención de la Auditoría Superior de la Federación, "
                  f"remitió los oficios números {primero[0]} y {segundo[0]} de fechas {dias[0]} y {dias[1]} de {MESES[mes - 1]} de {anio}, mediante los cuales proporcionó {r.choice(DOCUMENTOS)}")  # fmt: skip
    return f"{inicio}; {final}"


def _observacion(r: random.Random, inf: InformeAsf, monto: float | None) -> list[tuple[str, str]]:
    cifra = f", por {pesos(monto)} pesos" if monto else ""
    bloques = [
        (
            "p",
            f"Con la revisión de {r.choice(DOCUMENTOS)}, pagados con recursos del {inf.fondo} del ejercicio fiscal {inf.ejercicio}, se determinó que {inf.el_ente} {r.choice(FALTAS)}{cifra}, en incumplimiento de {r.choice(LEYES)}.",
        )
    ]
    if r.random() < 0.3:
        bloques += [("tabla", "Concepto Observación Referencia"),
                    ("tabla", f"Gastos de Operación {r.randint(2, 60)} CFDI no fueron emitidos a favor de la entidad Ver resultado {r.randint(1, 9)}"),
                    ("tabla", "FUENTE: Solicitudes de recursos, órdenes de pago, CFDI y pólizas contables.")]  # fmt: skip
    return bloques


def _parrafos_accion(
    r: random.Random, inf: InformeAsf, tipo: str, monto: float | None
) -> list[str]:
    ente, ley = inf.el_ente, r.choice(LEYES)
    terminos = ("Los términos de esta recomendación y los mecanismos para su atención, por parte de la entidad fiscalizada, quedan asentados en el Acta de la Reunión para "
                "la Presentación de Resultados Finales y Observaciones Preliminares, en términos del artículo 42 de la Ley de Fiscalización y Rendición de Cuentas de la Federación.")  # fmt: skip
    cifra = f"{pesos(monto)} pesos {pesos_en_letra(monto)}" if monto else ""
    if tipo == "Recomendación":
        return [
            f"Para que {ente} implemente mecanismos de control que garanticen la existencia de criterios normativos y controles internos, con el objeto de fortalecer los procesos de operación, manejo y aplicación de los recursos; asimismo, para que informe al Órgano Interno de Control los avances en su instrumentación.",
            terminos,
        ]
    if tipo == "Recomendación al Desempeño":
        return [
            f"Para que {ente} analice las causas por las que no se cumplieron las metas programadas y, con base en ello, defina e implemente las medidas necesarias para garantizar que los indicadores reflejen el avance de sus objetivos.",
            terminos,
        ]
    if tipo == "Pliego de Observaciones":
        return [
            f"Se presume un probable daño o perjuicio, o ambos, a la Hacienda Pública por un monto de {cifra}, más las cargas financieras generadas desde su disposición hasta su reintegro a la cuenta bancaria del {inf.fondo}, por haber realizado pagos sin contar con la totalidad de la documentación justificativa y comprobatoria del gasto, en incumplimiento de {ley}."
        ]
    if tipo == "Solicitud de Aclaración":
        return [
            f"Para que {ente} aclare y proporcione la documentación adicional justificativa y comprobatoria de {cifra}, por concepto de pagos cuya comprobación no se acreditó, en incumplimiento de {ley}."
        ]
    if tipo == "Promoción de Responsabilidad Administrativa Sancionatoria":
        return [
            f"La Auditoría Superior de la Federación comunica la Promoción de Responsabilidad Administrativa Sancionatoria para que el Órgano Interno de Control competente o su equivalente en {ente} realice las investigaciones pertinentes y, en su caso, inicie el procedimiento administrativo correspondiente por las irregularidades de las personas servidoras públicas que, en su gestión, autorizaron pagos sin contar con la documentación soporte, en incumplimiento de {ley}."
        ]
    if tipo == "Promoción del Ejercicio de la Facultad de Comprobación Fiscal":
        rfc = (
            "".join(r.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3))
            + f"{r.randint(100101, 191231)}"
            + r.choice(["AB1", "K23", "7Q9"])
        )
        return [
            f"Para que el Servicio de Administración Tributaria instruya a quien corresponda con el propósito de que audite a la persona moral con Registro Federal de Contribuyentes {rfc}, con domicilio fiscal en la Ciudad de México, a fin de constatar el cumplimiento de sus obligaciones fiscales, ya que emitió comprobantes por operaciones que no se acreditaron."
        ]
    if tipo == "Denuncia de Hechos":
        return [
            f"La Auditoría Superior de la Federación presentará ante la Fiscalía Especializada en Combate a la Corrupción la denuncia de hechos por los pagos realizados por {ente} sin sustento documental, por un monto de {cifra}."
        ]
    if tipo == "Informe de Presunta Responsabilidad Administrativa":
        return [
            f"La Auditoría Superior de la Federación emitirá el Informe de Presunta Responsabilidad Administrativa correspondiente ante la autoridad competente, por las irregularidades de las personas servidoras públicas {inf.del_ente} que autorizaron pagos improcedentes, en incumplimiento de {ley}."
        ]
    # Multa
    return [
        f"La Auditoría Superior de la Federación impondrá una multa por {cifra} {inf.al_ente}, por no atender en tiempo y forma los requerimientos de información formulados durante la auditoría, de conformidad con el artículo 17 Bis de la Ley de Fiscalización y Rendición de Cuentas de la Federación."
    ]


CON_MONTO = {"Pliego de Observaciones", "Solicitud de Aclaración", "Denuncia de Hechos", "Multa"}
POR_ACLARAR = {"Pliego de Observaciones", "Solicitud de Aclaración"}
# Acciones de un resultado con el que persiste lo observado o que se solventa parcialmente.
JUEGOS_PERSISTE = [["Pliego de Observaciones"], ["Solicitud de Aclaración"],
                   ["Promoción de Responsabilidad Administrativa Sancionatoria"],
                   ["Pliego de Observaciones", "Promoción de Responsabilidad Administrativa Sancionatoria"],
                   ["Denuncia de Hechos"], ["Informe de Presunta Responsabilidad Administrativa"],
                   ["Promoción del Ejercicio de la Facultad de Comprobación Fiscal", "Pliego de Observaciones"],
                   ["Multa"]]  # fmt: skip
JUEGOS_PARCIAL = [["Pliego de Observaciones"], ["Solicitud de Aclaración"],
                  ["Solicitud de Aclaración", "Promoción de Responsabilidad Administrativa Sancionatoria"]]  # fmt: skip


def _con_foco(juegos: list[list[str]], foco: str, r: random.Random) -> list[str]:
    propios = [j for j in juegos if foco in j]
    return list(r.choice(propios)) if propios else [foco]


def generar_asf(semilla: int) -> InformeAsf:
    r = random.Random(f"asf|{semilla}")
    ente, articulo, grupo, letra, clave_ente = ENTES[semilla % len(ENTES)]
    ejercicio = r.choice([2022, 2023, 2024])
    numero = r.choice([r.randint(1, 99), r.randint(100, 1999)])
    clave = f"{ejercicio}-{letra}-{clave_ente}-{r.choice(['19', '23', '04', '07', '02', '15'])}-{numero:04d}-{ejercicio + 1}"
    tipos = tipos_de_accion()
    inf = InformeAsf(
        clave=clave, numero_corto=str(numero), tipo_auditoria=r.choice(TIPOS_AUDITORIA),
        grupo_funcional=grupo, ente=ente, articulo=articulo, titulo=[], ejercicio=ejercicio,
        fondo=FONDOS[3] if grupo != "Gasto Federalizado" else r.choice(FONDOS[:3]),
        estilo=r.choice(["palabra", "numero"]), resultados=[], resumen={},
        resumen_texto="", alertas=[], dictamen="", dictamen_parrafos=[], dictamen_texto="",
        fecha_dictamen=None, monto_por_aclarar=None, monto_recuperado=None, personas=[],
        oficios=[], comentarios=[], anexos=r.choice(["", "comentarios", "apendices"]),
        paginas_anexo=r.randint(1, 2), tipo_foco=tipos[(semilla // 2) % len(tipos)],
    )  # fmt: skip
    inf.titulo = [t.format(el_ente=inf.el_ente, ej=ejercicio) for t in r.choice(TITULOS)]
    ofs = _Oficios(r, ejercicio + 1)
    n = r.randint(6, 11)
    clases = r.choices(
        ["sin", "solventado", "recomendacion", "persiste", "parcial"], [45, 15, 12, 16, 12], k=n
    )
    # El resumen real nunca dice «El 1 restante generó»: 0 o 2 o más resultados con acciones.
    if sum(c in ("recomendacion", "persiste", "parcial") for c in clases) == 1:
        clases[clases.index("sin") if "sin" in clases else 0] = "persiste"
    # Cada informe lleva al menos una acción de su tipo «foco» (así el corpus los cubre todos).
    foco = inf.tipo_foco
    if not any(c in ("recomendacion", "persiste", "parcial") for c in clases):
        clases[-1], clases[-2] = "persiste", "recomendacion"
    indice_foco = next(
        i for i, c in enumerate(clases) if c in ("recomendacion", "persiste", "parcial")
    )
    if foco.startswith("Recomendación"):
        clases[indice_foco] = "recomendacion"
    elif clases[indice_foco] == "recomendacion":
        clases[indice_foco] = "persiste"
    secuencias: dict[str, int] = {}
    por_aclarar = 0.0
    for i, clase in enumerate(clases, 1):
        resultado = _resultado(r, inf, ofs, i, clase, foco if i - 1 == indice_foco else "")
        for accion in resultado.acciones:
            codigo = CODIGOS[accion.tipo]
            secuencias[codigo] = secuencias.get(codigo, 0) + 1
            letra_accion = ("K" if letra in "GAD" else "9") if codigo == "08" else letra
            partes = clave.split("-")
            accion.clave = f"{partes[0]}-{letra_accion}-{partes[2]}-{partes[3]}-{partes[4]}-{codigo}-{secuencias[codigo]:03d}"
            if accion.tipo in POR_ACLARAR and accion.monto:
                por_aclarar += accion.monto
            if len(accion.tipo) > LARGOS and r.random() < 0.6:
                accion.corte = r.randint(2, len(accion.tipo.split()) - 1)
        inf.resultados.append(resultado)
    inf.monto_por_aclarar = round(por_aclarar, 2) if por_aclarar else None
    if any(x.estado == "solventado" for x in inf.resultados) and r.random() < 0.4:
        inf.monto_recuperado = _monto(r)
    _resumen(inf, r, desacuerdo=r.random() < 1 / 3)
    _dictamen(inf, r)
    cargos = r.sample(CARGOS, r.choice([1, 1, 2]))
    inf.personas = [
        (r.choice(TITULOS_PERSONA), _nombre(r), cargo) for par in cargos for cargo in par
    ]
    if r.random() < 0.5:
        respuesta = next((o for o in reversed(ofs.citados) if o[1][2] == ejercicio + 1), None)
        no_atendidos = [x.numero for x in inf.resultados if x.estado == "con acciones"]
        lista = (
            ", ".join(map(str, no_atendidos[:-1])) + f" y {no_atendidos[-1]}"
            if len(no_atendidos) > 1
            else str(no_atendidos[0])
            if no_atendidos
            else ""
        )
        inf.comentarios = [
            "Es importante señalar que la documentación proporcionada por la entidad fiscalizada para aclarar o justificar los resultados y las observaciones presentadas en las reuniones, fue analizada con el fin de determinar la procedencia de eliminar, rectificar o ratificar los resultados y las observaciones preliminares.",
            "El Informe de Auditoría puede consultarse en el Sistema Público de Consulta de Auditorías (SPCA).",
        ]  # fmt: skip
        if respuesta and lista:
            inf.comentarios.append(
                f"En atención a los hallazgos, la entidad fiscalizada remitió el oficio número {respuesta[0]} de fecha {_texto_fecha(respuesta[1])}, que se anexa a este informe, por lo cual los resultados números {lista} se consideran como no atendidos."
            )
    else:
        inf.comentarios = ["La entidad fiscalizada no emitió comentarios con motivo de las reuniones celebradas durante la revisión.",
                           "El Informe de Auditoría puede consultarse en el Sistema Público de Consulta de Auditorías (SPCA)."]  # fmt: skip
    inf.oficios = ofs.citados
    return inf


def _resultado(
    r: random.Random, inf: InformeAsf, ofs: _Oficios, numero: int, clase: str, foco: str
) -> ResultadoAsf:
    titulado = inf.estilo == "numero" and r.random() < 0.6
    if clase == "sin":
        tema = r.choice(
            ["registro", "terceros", "destino", "control", "partidas", "bajas", "contrato"]
        )
        bloques = _sin_observaciones(r, inf, ofs, tema)
        titulo = _titulo_resultado(r, tema, inf.ejercicio) if titulado else ""
        if tema == "contrato" and inf.estilo == "numero":
            titulo = titulo or _titulo_resultado(r, tema, inf.ejercicio)
        resultado = ResultadoAsf(numero, titulo, bloques)
    elif clase == "recomendacion":
        tipo = (
            foco
            if foco.startswith("Recomendación")
            else r.choice(["Recomendación", "Recomendación", "Recomendación al Desempeño"])
        )
        bloques = [
            ("p", f"Se realizó la evaluación del Sistema de Control Interno instrumentado por {inf.el_ente}, para el ejercicio fiscal {inf.ejercicio}, con base en el Marco Integrado de Control Interno; para ello, se aplicó un cuestionario y se determinó que existen fortalezas y debilidades en su diseño e implementación, entre las que destacan las siguientes:"),
            ("tabla", "FORTALEZAS Y DEBILIDADES DE CONTROL INTERNO"), ("tabla", f"CUENTA PÚBLICA {inf.ejercicio}"),
            ("tabla", "Elemento de control interno Fortalezas Debilidades"),
            ("tabla", "Ambiente de Control • Dispuso de normas generales en materia de control interno."),
            ("tabla", "Administración de Riesgos • No estableció el comité de administración de riesgos."),
            ("tabla", "FUENTE: Cuestionario de control interno aplicado y evidencia de sus respuestas."),
            ("p", f"Se obtuvo un promedio general de {r.randint(5, 45)} puntos de un total de 100 en la evaluación practicada, lo que ubica a la entidad en un nivel de cumplimiento bajo."),
        ]  # fmt: skip
        titulo = _titulo_resultado(r, "control", inf.ejercicio) if titulado else ""
        resultado = ResultadoAsf(numero, titulo, bloques, estado="con acciones")
        resultado.acciones = [AccionAsf("", tipo, _parrafos_accion(r, inf, tipo, None))]
    else:
        monto = _monto(r)
        titulo = _titulo_resultado(r, "observacion", inf.ejercicio) if titulado else ""
        bloques = _observacion(r, inf, monto)
        if clase == "solventado":
            final = r.choice([f"con su análisis se constató que la documentación acredita el destino de {pesos(monto)} pesos, con lo que se solventa lo observado.",
                              "con su análisis se constató que se integró la evidencia faltante, por lo que la observación se consideró atendida.",
                              "en lo sucesivo se contará con toda la documentación que soporte las operaciones, con lo que se atiende lo observado."])  # fmt: skip
            resultado = ResultadoAsf(
                numero, titulo, bloques, _respuesta(r, inf, ofs, final), "solventado"
            )
        else:
            if clase == "parcial":
                acreditado = round(monto * r.uniform(0.2, 0.8), 2)
                pendiente = round(monto - acreditado, 2)
                final = f"sin embargo, únicamente acreditó {pesos(acreditado)} pesos, y quedaron pendientes por acreditar {pesos(pendiente)} pesos pagados con recursos del {inf.fondo}, con lo que se solventa parcialmente lo observado."
                juego = _con_foco(JUEGOS_PARCIAL, foco, r) if foco else r.choice(JUEGOS_PARCIAL)
            else:
                pendiente = monto
                final = r.choice([f"sin embargo, la documentación no demuestra el destino de los recursos, por lo que no acreditó {pesos(monto)} pesos, con lo que persiste lo observado.",
                                  f"no obstante, la información es extemporánea e insuficiente y no acredita {pesos(monto)} pesos, por lo que persiste lo observado."])  # fmt: skip
                juego = _con_foco(JUEGOS_PERSISTE, foco, r) if foco else r.choice(JUEGOS_PERSISTE)
            resultado = ResultadoAsf(
                numero, titulo, bloques, _respuesta(r, inf, ofs, final), "con acciones"
            )
            for tipo in juego:
                monto_accion = (
                    pendiente
                    if tipo in CON_MONTO and tipo != "Multa"
                    else (round(r.uniform(40_000, 120_000), 2) if tipo == "Multa" else None)
                )
                resultado.acciones.append(
                    AccionAsf("", tipo, _parrafos_accion(r, inf, tipo, monto_accion), monto_accion)
                )
    if inf.estilo == "numero" and not resultado.titulo:
        resultado.en_linea = True
    return resultado


def contar(inf: InformeAsf) -> dict:
    acciones: dict[str, int] = {}
    for resultado in inf.resultados:
        for accion in resultado.acciones:
            acciones[accion.tipo] = acciones.get(accion.tipo, 0) + 1
    por_estado = {e: sum(x.estado == e for x in inf.resultados) for e in ESTADOS}
    return {"resultados": len(inf.resultados), "sin_observaciones": por_estado["sin observaciones"],
            "solventados": por_estado["solventado"], "con_acciones": por_estado["con acciones"],
            "acciones_por_tipo": acciones}  # fmt: skip


def _describir(cuenta: dict) -> str:
    return (f"{cuenta['resultados']} resultados: {cuenta['sin_observaciones']} sin observaciones, "
            f"{cuenta['solventados']} solventados, {cuenta['con_acciones']} con acciones")  # fmt: skip


def detalle_resumen(resumen: dict, contado: dict) -> str:
    """El detalle de la alerta `resumen no coincide`, con la misma redacción que el extractor."""
    orden = list(resumen["acciones_por_tipo"]) + [
        t for t in contado["acciones_por_tipo"] if t not in resumen["acciones_por_tipo"]
    ]
    dice, hay = _describir(resumen), _describir(contado)
    if resumen["acciones_por_tipo"] != contado["acciones_por_tipo"]:
        lista = lambda c: ", ".join(f"{c['acciones_por_tipo'].get(t, 0)} {t}" for t in orden)  # noqa: E731
        dice += "; acciones: " + lista(resumen)
        hay += "; acciones: " + lista(contado)
    return f"El resumen del informe dice {dice}, pero en los resultados hay {hay}."


def _resumen(inf: InformeAsf, r: random.Random, desacuerdo: bool) -> None:
    contado = contar(inf)
    resumen = {
        **contado,
        "acciones_por_tipo": {
            t: contado["acciones_por_tipo"][t]
            for t in ORDEN_RESUMEN
            if t in contado["acciones_por_tipo"]
        },
    }
    if desacuerdo:
        opciones = []
        if resumen["solventados"]:
            opciones.append("solventado-como-sin")
        if resumen["acciones_por_tipo"]:
            opciones.append("acciones")
        opciones.append("total")
        cambio = r.choice(opciones)
        if cambio == "solventado-como-sin":  # como en la muestra de la Cámara de Diputados
            resumen["solventados"] -= 1
            resumen["sin_observaciones"] += 1
        elif cambio == "acciones":
            tipo = r.choice(list(resumen["acciones_por_tipo"]))
            resumen["acciones_por_tipo"][tipo] += 1
        else:
            resumen["resultados"] += 1
            resumen["sin_observaciones"] += 1
        inf.alertas = [
            {
                "procedimiento": None,
                "tipo": ALERTA_RESUMEN,
                "detalle": detalle_resumen(resumen, contado),
            }
        ]
    inf.resumen = resumen
    partes = [f"Se determinaron {resumen['resultados']} resultados, de los cuales, "]
    sin, solv, resto = resumen["sin_observaciones"], resumen["solventados"], resumen["con_acciones"]
    if sin and solv:
        partes.append(
            f"en {sin} no se detectaron irregularidades y {solv} fueron solventados por la entidad fiscalizada antes de la emisión de este Informe."
        )
    elif sin:
        partes.append(f"en {sin} no se detectaron irregularidades.")
    else:
        partes.append(
            f"{solv} fueron solventados por la entidad fiscalizada antes de la emisión de este Informe."
        )
    if resto:
        acciones = [
            f"{n} {t if n == 1 else plural(t)}" for t, n in resumen["acciones_por_tipo"].items()
        ]
        lista = (
            acciones[0] if len(acciones) == 1 else ", ".join(acciones[:-1]) + f" y {acciones[-1]}"
        )
        partes.append(f" Los {resto} restantes generaron: {lista}.")
    inf.resumen_texto = "".join(partes)


def _dictamen(inf: InformeAsf, r: random.Random) -> None:
    ente = inf.el_ente
    inf.dictamen = r.choice(
        ["cumplió", "cumplió con salvedades", "no cumplió", "se abstiene de opinar"]
    )
    parrafos = []
    if r.random() < 0.5:
        inf.fecha_dictamen = (r.randint(1, 28), r.choice([10, 11, 12]), inf.ejercicio + 1)
        parrafos.append(
            f"El presente dictamen se emite el {_texto_fecha(inf.fecha_dictamen)}, fecha de conclusión de los trabajos de auditoría, la cual se practicó sobre la información proporcionada por la entidad fiscalizada y de cuya veracidad esta última es responsable."
        )
    else:
        parrafos.append(
            f"La Auditoría Superior de la Federación revisó la gestión financiera {inf.del_ente}, respecto de las operaciones seleccionadas del ejercicio fiscal {inf.ejercicio}; la auditoría se practicó sobre la información proporcionada por la entidad fiscalizada, de cuya veracidad es responsable."
        )
    if inf.dictamen == "cumplió":
        final = f"Con base en los resultados obtenidos en la auditoría practicada, y específicamente respecto de la muestra revisada que se establece en el apartado relativo al alcance, se concluye que, en términos generales, {ente} cumplió con las disposiciones legales y normativas que son aplicables en la materia."
    elif inf.dictamen == "cumplió con salvedades":
        final = f"En conclusión, {ente} realizó, en general, una gestión razonable en el cumplimiento de la legislación y normativa administrativa aplicable, excepto por las áreas de oportunidad identificadas en este informe, cuya atención permitirá fortalecer los mecanismos de control."
    elif inf.dictamen == "no cumplió":
        final = f"Con base en los resultados obtenidos en la auditoría practicada, se concluye que, en términos generales, {ente} no cumplió con las disposiciones legales y normativas que son aplicables en la materia."
    else:
        final = "Debido a las limitaciones en el alcance de la información proporcionada, la Auditoría Superior de la Federación se abstiene de emitir una opinión sobre la gestión de los recursos revisados."
    parrafos.append(
        "En el ejercicio de los recursos, la entidad fiscalizada presentó la información que se le requirió en los plazos establecidos para el efecto por la Auditoría Superior de la Federación."
    )
    parrafos.append(final)
    inf.dictamen_parrafos, inf.dictamen_texto = parrafos, final


# --- la verdad --------------------------------------------------------------------------------


def _texto_resultado(resultado: ResultadoAsf) -> str:
    partes = [t for _, t in resultado.bloques] + (
        [resultado.respuesta] if resultado.respuesta else []
    )
    return " ".join(" ".join(partes).split())


def esperado_asf(inf: InformeAsf, paginas: dict[str, int]) -> dict:
    """La respuesta exacta (forma `forma_por_resultados`), con las páginas del dibujo."""
    informe = {
        "informe_id": f"asf:{inf.clave}", "auditor": "ASF", "numero_auditoria": inf.clave,
        "numero_corto": inf.numero_corto, "tipo_auditoria": inf.tipo_auditoria, "modalidad": "Presencial",
        "grupo_funcional": inf.grupo_funcional, "ente_fiscalizado": inf.ente,
        "titulo": " ".join(" ".join(inf.titulo).split()), "programa": "", "ejercicio": inf.ejercicio,
        "dictamen": inf.dictamen, "dictamen_texto": inf.dictamen_texto,
        "fecha_dictamen": fecha_iso(inf.fecha_dictamen), "monto_por_aclarar": inf.monto_por_aclarar,
        "monto_recuperado": inf.monto_recuperado,
        "personas": [{"nombre": nombre, "rol": "auditor", "cargo": cargo.lower()} for _, nombre, cargo in inf.personas],
        "oficios": [{"numero_oficio": n, "fecha": fecha_iso(f)} for n, f in inf.oficios],
    }  # fmt: skip
    return {
        "formato": FORMATO,
        "estado": "parcial" if inf.alertas else "ok",
        "informe": informe,
        "resumen": inf.resumen,
        "resultados": [
            {
                "numero": x.numero,
                "titulo": x.titulo,
                "estado": x.estado,
                "pagina": paginas[f"r{x.numero}"],
                "texto": _texto_resultado(x),
            }
            for x in inf.resultados
        ],  # fmt: skip
        "acciones": [
            {
                "resultado": x.numero,
                "clave": a.clave,
                "tipo": a.tipo,
                "monto": a.monto,
                "pagina": paginas[f"a{a.clave}"],
                "texto": " ".join(" ".join(a.parrafos).split()),
            }
            for x in inf.resultados
            for a in x.acciones
        ],  # fmt: skip
        "justificaciones": [
            {"numero": x.numero, "texto": " ".join(x.respuesta.split())}
            for x in inf.resultados
            if x.respuesta
        ],  # fmt: skip
        "alertas": inf.alertas,
    }


# --- las maquetas -----------------------------------------------------------------------------


@dataclass(frozen=True)
class MaquetaAsf:
    nombre: str
    fuente: str
    negrita: str
    tamano: float
    interlineado: float
    margen: float
    titulos_negritas: bool
    encabezado: str  # "renglon": encabezado a la izquierda y número a la derecha en el mismo
    # renglón; "dos": encabezado centrado y número debajo; "alterna": encabezado del lado de
    # afuera (derecha en impares, izquierda en pares) y número al pie
    justificado: bool = True
    espacio: float = 0.5  # espacio tras un párrafo, en tamaños de letra
    sangria_lista: float = 0


MAQUETAS_ASF = [
    MaquetaAsf("asf-a", "Helvetica", "Helvetica-Bold", 10, 1.25, 72, True, "renglon", espacio=0.6, sangria_lista=18),
    MaquetaAsf("asf-b", "Times-Roman", "Times-Bold", 11, 1.2, 64, False, "dos", espacio=0.8),
    MaquetaAsf("asf-c", "Helvetica", "Helvetica-Bold", 9, 1.4, 85, True, "alterna", justificado=False, espacio=0.3, sangria_lista=24),
]  # fmt: skip
TODAS_ASF = {m.nombre: m for m in MAQUETAS_ASF}


class _Anotado(Paragraph):
    """Un párrafo que anota en `paginas[marca]` la página donde se dibuja su primer renglón."""

    def __init__(self, texto, estilo, marca: str = "", paginas: dict | None = None, **kw) -> None:
        super().__init__(texto, estilo, **kw)
        self._marca, self._paginas = marca, paginas

    def split(self, ancho, alto):
        partes = super().split(ancho, alto)
        if partes:
            partes[0]._marca, partes[0]._paginas = self._marca, self._paginas
        return partes

    def draw(self) -> None:
        if getattr(self, "_marca", "") and self._paginas is not None:
            self._paginas.setdefault(self._marca, self.canv.getPageNumber())
        super().draw()


def _estilos(m: MaquetaAsf) -> dict[str, ParagraphStyle]:
    cuerpo = ParagraphStyle("cuerpo", fontName=m.fuente, fontSize=m.tamano, leading=m.tamano * m.interlineado,
                            alignment=TA_JUSTIFY if m.justificado else TA_LEFT, spaceAfter=m.tamano * m.espacio,
                            embeddedHyphenation=0, splitLongWords=0)  # fmt: skip
    titulo = ParagraphStyle("titulo", parent=cuerpo, fontName=m.negrita if m.titulos_negritas else m.fuente,
                            alignment=TA_LEFT, spaceBefore=m.tamano * 0.4)  # fmt: skip
    return {
        "cuerpo": cuerpo,
        "titulo": titulo,
        "portada": ParagraphStyle("portada", parent=titulo, alignment=TA_CENTER),
        "tabla": ParagraphStyle("tabla", parent=cuerpo, alignment=TA_LEFT, spaceAfter=0),
        "item": ParagraphStyle(
            "item", parent=cuerpo, leftIndent=m.sangria_lista + 14, firstLineIndent=-14
        ),
        "clave": ParagraphStyle(
            "clave", parent=titulo, fontName=m.negrita, spaceBefore=m.tamano * 0.6
        ),
    }


def _clave_accion(accion: AccionAsf) -> str:
    if not accion.corte:
        return escape(f"{accion.clave} {accion.tipo}")
    palabras = accion.tipo.split()
    return (
        escape(f"{accion.clave} {' '.join(palabras[: accion.corte])}")
        + "<br/>"
        + escape(" ".join(palabras[accion.corte :]))
    )


def _imagen_anexo(inf: InformeAsf, k: int, ancho: float, alto: float) -> Image:
    """Una página escaneada con texto (un anexo): imagen sin capa de texto."""
    from PIL import Image as Imagen
    from PIL import ImageDraw, ImageFilter, ImageFont

    r = random.Random(f"anexo|{inf.clave}|{k}")
    lienzo = Imagen.new("L", (1275, 1650), 255)
    lapiz = ImageDraw.Draw(lienzo)
    try:
        letra = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 28)
    except OSError:
        letra = ImageFont.load_default()
    y = 140
    numero = r.randint(1, len(inf.resultados))
    for linea in ANEXO_LINEAS:
        lapiz.text((130, y), linea.format(k=k, r=numero, ej=inf.ejercicio), fill=25, font=letra)
        y += 62
    lapiz.rectangle((900, 1380, 1150, 1500), outline=60, width=3)  # sello
    lienzo = lienzo.rotate(r.uniform(-1.2, 1.2), fillcolor=255, resample=Imagen.BICUBIC)
    lienzo = Imagen.blend(lienzo, ruido_de_escaner(lienzo.size, r, 20), 0.1).filter(
        ImageFilter.GaussianBlur(0.5)
    )
    salida = io.BytesIO()
    lienzo.save(salida, "PNG")
    salida.seek(0)
    escala = min(ancho / 1275, alto / 1650)
    return Image(salida, width=1275 * escala, height=1650 * escala)


def historia(
    inf: InformeAsf, m: MaquetaAsf, paginas: dict[str, int], ancho: float, alto: float
) -> list:
    """Lo que se dibuja; `ancho` y `alto` son los del marco del cuerpo."""
    e = _estilos(m)

    def p(texto: str, estilo: str = "cuerpo", marca: str = "", crudo: bool = False):
        return _Anotado(texto if crudo else escape(texto), e[estilo], marca=marca, paginas=paginas)

    ej = inf.ejercicio
    partes = [p(inf.ente, "portada"), p("<br/>".join(escape(t) for t in inf.titulo), "portada", crudo=True),
              p(f"Auditoría De {inf.tipo_auditoria}: {inf.clave}", "portada"), p("Modalidad: Presencial", "portada"),
              p(f"Núm. de Auditoría: {inf.numero_corto}", "portada"), Spacer(1, m.tamano),
              p("Criterios de Selección", "titulo"),
              p("Esta auditoría se seleccionó con base en los criterios establecidos por la Auditoría Superior de la Federación para la integración del Programa Anual de Auditorías para la Fiscalización Superior de la Cuenta Pública."),
              p("Objetivo", "titulo"),
              p(f"Fiscalizar la gestión financiera para verificar que el presupuesto asignado {inf.al_ente} se ejerció y registró conforme a los montos aprobados, y de acuerdo con las disposiciones legales y normativas."),
              p("Alcance", "titulo"), p("EGRESOS", "tabla"), p("Miles de Pesos", "tabla"),
              p(f"Universo Seleccionado {_miles(random.Random(inf.clave))}", "tabla"),
              p(f"Muestra Auditada {_miles(random.Random(inf.clave + 'm'))}", "tabla"),
              p("Representatividad de la Muestra 95.7%", "tabla"), Spacer(1, m.tamano * 0.5),
              p(f"El universo de egresos corresponde al total de recursos reportados como pagados en el Analítico de Egresos de la Cuenta Pública {ej}, del cual se revisó una muestra de las operaciones seleccionadas."),
              p("Antecedentes", "titulo"),
              p(f"La estrategia de fiscalización de la Cuenta Pública {ej}, por parte de la Auditoría Superior de la Federación, consideró la revisión de los recursos ejercidos por {inf.el_ente}, con un enfoque focalizado en los rubros de gasto de mayor riesgo."),
              p("Resultados", "titulo")]  # fmt: skip
    for x in inf.resultados:
        marca = f"r{x.numero}"
        bloques = list(x.bloques)
        if inf.estilo == "palabra":
            partes.append(p(f"Resultado núm. {x.numero}", "titulo", marca))
        elif x.titulo:
            partes.append(p(f"{x.numero}. {x.titulo}", "titulo", marca))
        else:
            clase, texto = bloques.pop(0)
            partes.append(p(f"{x.numero}. {texto}", "cuerpo" if clase == "p" else "titulo", marca))
        for clase, texto in bloques:
            estilo = {"p": "cuerpo", "sub": "titulo", "item": "item", "tabla": "tabla"}[clase]
            partes.append(p(texto, estilo))
        if x.respuesta:
            partes.append(p(x.respuesta))
        for accion in x.acciones:
            partes.append(p(_clave_accion(accion), "clave", f"a{accion.clave}", crudo=True))
            partes += [p(t) for t in accion.parrafos]
    if inf.monto_recuperado:
        partes += [p("Recuperaciones Operadas", "titulo"),
                   p(f"En el transcurso de la revisión se recuperaron {pesos(inf.monto_recuperado)} pesos, con motivo de la intervención de la ASF.")]  # fmt: skip
    if inf.monto_por_aclarar:
        partes += [
            p("Montos por Aclarar", "titulo"),
            p(f"Se determinaron {pesos(inf.monto_por_aclarar)} pesos pendientes por aclarar."),
        ]
    partes += [p("Buen Gobierno", "titulo"),
               p("Impacto de lo observado por la ASF para buen gobierno: Planificación estratégica y operativa, Controles internos y Aseguramiento de calidad."),
               p("Resumen de Resultados, Observaciones, Acciones y Recomendaciones", "titulo"), p(inf.resumen_texto),
               p("Consideraciones para el seguimiento", "titulo"),
               p("Los resultados, observaciones y acciones contenidos en el presente informe de auditoría se comunicarán a la entidad fiscalizada, en términos de los artículos 79 de la Constitución Política de los Estados Unidos Mexicanos y 39 de la Ley de Fiscalización y Rendición de Cuentas de la Federación, para que en un plazo de 30 días hábiles presente la información y realice las consideraciones que estime pertinentes."),
               p("En tal virtud, las recomendaciones y acciones que se presentan en este informe de auditoría se encuentran sujetas al proceso de seguimiento, por lo que, debido a la información y consideraciones que en su caso proporcione la entidad fiscalizada podrán atenderse o no, solventarse o generar la acción superveniente que corresponda de conformidad con el marco jurídico que regule la materia."),
               p("Dictamen", "titulo"), *[p(t) for t in inf.dictamen_parrafos],
               p("Servidores públicos que intervinieron en la auditoría:", "titulo")]  # fmt: skip
    filas = []
    for i in range(0, len(inf.personas), 2):
        par = inf.personas[i : i + 2]
        filas += [[p(c, "tabla") for _, _, c in par], [p(f"{t} {n}", "tabla") for t, n, _ in par]]
    tabla = Table(filas, colWidths=[ancho / 2] * 2, hAlign="LEFT")
    tabla.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))  # fmt: skip
    partes += [
        tabla,
        p("Comentarios de la Entidad Fiscalizada", "titulo"),
        *[p(t) for t in inf.comentarios],
    ]
    if inf.anexos == "comentarios":
        for k in range(1, inf.paginas_anexo + 1):
            partes += [PageBreak(), _imagen_anexo(inf, k, ancho, alto)]
        partes.append(PageBreak())
    partes += [p("Apéndices", "titulo"), p("Procedimientos de Auditoría Aplicados", "titulo")]
    procedimientos = ["Control interno", "Registro e información financiera", "Destino y ejercicio de los recursos",
                      "Servicios personales", "Solicitudes a terceros institucionales"]  # fmt: skip
    partes += [p(f"{i}. {t}", "item") for i, t in enumerate(procedimientos, 1)]
    partes += [p("Áreas Revisadas", "titulo"),
               p(f"Las direcciones generales de Presupuesto, Contabilidad y Finanzas, y de Recursos Materiales y Servicios {inf.del_ente}."),
               p("Fundamento Jurídico de la ASF para Promover o Emitir Acciones y Recomendaciones", "titulo"),
               p("Las facultades de la Auditoría Superior de la Federación para promover o emitir las acciones y recomendaciones derivadas de la auditoría practicada encuentran su sustento jurídico en el artículo 79 de la Constitución Política de los Estados Unidos Mexicanos.")]  # fmt: skip
    if inf.anexos == "apendices":
        for k in range(1, inf.paginas_anexo + 1):
            partes += [PageBreak(), _imagen_anexo(inf, k, ancho, alto)]
    return partes


_ARRIBA = 62  # espacio para el encabezado corrido
_ABAJO = 54


def _dibujar_pagina(inf: InformeAsf, m: MaquetaAsf):
    impar = (
        "Gasto Federalizado"
        if inf.grupo_funcional == "Gasto Federalizado"
        else f"Grupo Funcional {inf.grupo_funcional}"
    )
    par = ENCABEZADO_PAR.format(ej=inf.ejercicio)

    def dibujar(canvas, documento) -> None:
        canvas.saveState()
        ancho, alto = letter
        pagina = documento.page
        texto = impar if pagina % 2 else par
        canvas.setFont(m.fuente, 8)
        if m.encabezado == "renglon":
            canvas.drawString(m.margen, alto - 36, texto)
            canvas.drawRightString(ancho - m.margen, alto - 36, str(pagina))
        elif m.encabezado == "dos":
            canvas.drawCentredString(ancho / 2, alto - 32, texto)
            canvas.drawCentredString(ancho / 2, alto - 43, str(pagina))
        else:
            if pagina % 2:
                canvas.drawRightString(ancho - m.margen, alto - 36, texto)
            else:
                canvas.drawString(m.margen, alto - 36, texto)
            canvas.drawRightString(ancho - m.margen, 30, str(pagina))
        canvas.restoreState()

    return dibujar


def dibujar_asf(inf: InformeAsf, m: MaquetaAsf) -> tuple[bytes, dict[str, int]]:
    """El PDF y la página donde empieza cada resultado (`r<N>`) y cada acción (`a<clave>`)."""
    memoria = io.BytesIO()
    ancho, alto = letter
    documento = BaseDocTemplate(memoria, pagesize=letter, invariant=1, title="informe")
    marco = Frame(m.margen, _ABAJO, ancho - 2 * m.margen, alto - _ARRIBA - _ABAJO, id="cuerpo")
    documento.addPageTemplates([PageTemplate("pagina", [marco], onPage=_dibujar_pagina(inf, m))])
    paginas: dict[str, int] = {}
    documento.build(historia(inf, m, paginas, marco._aW - 2, marco._aH - 2))
    return memoria.getvalue(), paginas


def escribir_asf(inf: InformeAsf, m: MaquetaAsf, destino: Path, escaneado: bool = False, semilla: int = 0,
                 ppp: int = 200, giro: float = 1.0, motas: bool = True) -> dict:  # fmt: skip
    """Escribe el PDF (o su escaneo) y devuelve su verdad."""
    pdf, paginas = dibujar_asf(inf, m)
    destino.write_bytes(escanear(pdf, semilla, ppp, giro, motas) if escaneado else pdf)
    return esperado_asf(inf, paginas)
