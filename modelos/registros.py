"""Los registros que produce la extracción: una línea del PDF, un informe y sus partes.

Todo registro de texto sabe en qué página empieza; el informe sabe el sha256 de su archivo.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Estatus = Literal["atendida", "no atendida", "sin determinar"]
Motivo = Literal[
    "aceptada en justificación",
    "rechazada en justificación",
    "no mencionada en justificación",
    "",
]
EstadoDocumento = Literal["ok", "parcial", "error", "no reconocido"]


@dataclass(slots=True)
class Linea:
    """Una línea de texto de una página, con su geometría (en puntos PDF)."""

    texto: str
    pagina: int
    x0: float
    top: float
    bottom: float
    tamano: float
    negritas: list[str] = field(default_factory=list)
    ocr: bool = False
    # La línea empieza un párrafo (hay un espacio vertical mayor antes de ella).
    parrafo: bool = False
    # Borde derecho (puntos PDF); None si el lector no lo dio.
    x1: float | None = None

    @property
    def alto(self) -> float:
        return self.bottom - self.top


@dataclass(slots=True)
class Palabra:
    """Una palabra de una página con su caja (en puntos PDF, origen arriba a la izquierda), antes
    de armar las líneas: la da pdfium en la capa de texto y tesseract en un escaneo (sin
    negritas). Es lo que miden `extractores/numeros_de_renglon.py` y `extractores/columnas.py`."""

    texto: str
    x0: float
    x1: float
    top: float
    bottom: float
    tamano: float
    negrita: bool = False


@dataclass(slots=True)
class Pagina:
    numero: int
    ancho: float
    alto: float
    lineas: list[Linea]
    ocr: bool = False
    aviso: str = ""
    # Encabezados y pies corridos que la limpieza quitó (algunos formatos leen datos de ahí).
    quitadas: list[Linea] = field(default_factory=list)


@dataclass(slots=True)
class Item:
    numero: int
    texto: str
    pagina: int
    # Caja de su primera línea en `pagina` (puntos PDF, origen arriba a la izquierda), para
    # resaltarla en un visor; None si no se encontró.
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None


@dataclass(slots=True)
class Recomendacion(Item):
    estatus: Estatus = "sin determinar"
    motivo: Motivo = ""
    justificaciones: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Justificacion(Item):
    recomendaciones: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Accion:
    """Una acción de la ASF: «2024-G-19000-23-1402-06-001 Pliego de Observaciones» y su texto."""

    clave: str
    tipo: str
    texto: str
    pagina: int
    monto: float | None = None


@dataclass(slots=True)
class ResultadoAuditoria(Item):
    """Un resultado numerado de los formatos cuya unidad es el resultado (la ASF)."""

    titulo: str = ""
    estado: str = ""  # sin observaciones, solventado, con acciones
    acciones: list[Accion] = field(default_factory=list)
    justificacion: Justificacion | None = None


@dataclass(slots=True)
class Procedimiento:
    numero: int
    pagina: int
    area: str = ""
    area_normalizada: str = ""
    descripcion: str = ""
    resultados: list[Item] = field(default_factory=list)
    recomendaciones: list[Recomendacion] = field(default_factory=list)
    justificaciones: list[Justificacion] = field(default_factory=list)
    cierre: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Oficio:
    numero_oficio: str
    fecha: str | None
    contexto: str
    pagina: int


@dataclass(slots=True)
class Persona:
    nombre: str
    rol: Literal["auditor", "auditor superior", "destinatario"]
    cargo: str = ""


@dataclass(slots=True)
class Alerta:
    procedimiento: int | None
    tipo: str
    detalle: str


@dataclass(slots=True)
class Informe:
    informe_id: str
    auditor: str
    numero_auditoria: str
    tipo_auditoria: str = ""
    ente_fiscalizado: str = ""
    programa: str = ""
    ejercicio: int | None = None
    fecha_informe: str | None = None
    lugar: str = ""
    dictamen: str = ""
    dictamen_texto: str = ""
    auditor_superior: str = ""
    destinatario: str = ""
    control_interno_puntaje: float | None = None
    # Sección VII: plazo para responder los resultados preliminares y fechas de ida y vuelta.
    plazo_dias_habiles: int | None = None
    oficio_notificacion: str = ""
    fecha_notificacion: str | None = None
    oficio_respuesta: str = ""
    fecha_respuesta: str | None = None
    auditores: list[str] = field(default_factory=list)
    oficios: list[Oficio] = field(default_factory=list)
    procedimientos: list[Procedimiento] = field(default_factory=list)
    alertas: list[Alerta] = field(default_factory=list)
    # Formatos cuya unidad es el resultado (la ASF): portada, montos, resultados y su resumen.
    titulo: str = ""
    grupo_funcional: str = ""
    modalidad: str = ""
    numero_corto: str = ""
    fecha_dictamen: str | None = None
    monto_por_aclarar: float | None = None
    monto_recuperado: float | None = None
    personas: list[Persona] = field(default_factory=list)
    resultados: list[ResultadoAuditoria] = field(default_factory=list)
    resumen: dict | None = None


@dataclass(slots=True)
class Documento:
    """Una fila de `documentos`: un archivo de entrada, pase lo que pase con él."""

    sha256: str
    archivo: str
    estado: EstadoDocumento
    error: str = ""
    url_fuente: str = ""
    fecha_descarga: str = ""
    paginas: int = 0
    paginas_ocr: int = 0
    segundos: float = 0.0
    formato: str = ""
    version_extractor: str = ""
    informe_id: str = ""
    # El fallo puede no repetirse (tiempo límite, proceso caído): no se guarda como definitivo.
    reintentar: bool = False


@dataclass(slots=True)
class Resultado:
    """Lo que sale de procesar un archivo: siempre un documento, y un informe si se reconoció."""

    documento: Documento
    informe: Informe | None = None

    def a_dict(self) -> dict:
        return asdict(self)
