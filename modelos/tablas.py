"""Las tablas que publicamos (CONTRATO.md): columnas, tipos, descripciones y llaves.

Se pueden agregar columnas; ninguna del contrato se renombra ni se quita sin nota de migración.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Campo:
    nombre: str
    tipo: str  # tipos de Frictionless: string, integer, number, date, boolean
    descripcion: str
    categorias: tuple[str, ...] = ()
    # Texto libre: entra al índice de búsqueda (FTS5 en informes.sqlite).
    buscable: bool = False


@dataclass(frozen=True, slots=True)
class Tabla:
    nombre: str
    descripcion: str
    campos: tuple[Campo, ...]
    llave: tuple[str, ...]  # orden de las filas y, si `unica`, llave primaria
    unica: bool = True
    # Columnas que conviene ofrecer como facetas al explorar (Datasette).
    facetas: tuple[str, ...] = ()

    @property
    def columnas(self) -> list[str]:
        return [campo.nombre for campo in self.campos]

    @property
    def buscables(self) -> list[str]:
        return [campo.nombre for campo in self.campos if campo.buscable]


def _c(nombre: str, tipo: str, descripcion: str, *categorias: str) -> Campo:
    return Campo(nombre, tipo, descripcion, tuple(categorias))


def _texto(nombre: str, descripcion: str) -> Campo:
    return Campo(nombre, "string", descripcion, buscable=True)


INFORME_ID = _c("informe_id", "string", "Identificador estable: auditor y número de auditoría.")
SHA256 = _c("sha256", "string", "sha256 del PDF del que salió la fila.")
PAGINA = _c("pagina", "integer", "Página del PDF (desde 1) donde empieza el texto.")
PROCEDIMIENTO = _c("procedimiento", "integer", "Número del procedimiento de auditoría.")
NUMERO = _c("numero", "integer", "Número del inciso dentro de su bloque.")
TEXTO = _texto("texto", "Texto del inciso, con espacios normalizados.")
# La caja de la primera línea del inciso en `pagina` (puntos PDF, origen arriba a la izquierda).
CAJA = (
    _c("x0", "number", "Borde izquierdo de la primera línea del inciso (puntos PDF)."),
    _c("top", "number", "Borde superior de la primera línea, desde arriba de la página."),
    _c("x1", "number", "Borde derecho de la primera línea del inciso."),
    _c("bottom", "number", "Borde inferior de la primera línea, desde arriba de la página."),
)

ESTATUS = ("atendida", "no atendida", "sin determinar")
MOTIVOS = (
    "aceptada en justificación",
    "rechazada en justificación",
    "no mencionada en justificación",
)
DICTAMENES = ("cumplió", "cumplió con salvedades", "no cumplió", "se abstiene de opinar")
# El estado de un resultado de la ASF (sus propias categorías, las de su resumen).
ESTADOS_RESULTADO = ("sin observaciones", "solventado", "con acciones")
ESTADOS = ("ok", "parcial", "error", "no reconocido")

TABLAS: tuple[Tabla, ...] = (
    Tabla(
        "informes",
        "Un renglón por informe individual de auditoría.",
        (
            INFORME_ID,
            _c("auditor", "string", "Órgano auditor (p. ej. ASE Tamaulipas)."),
            _c(
                "numero_auditoria", "string", "Número de auditoría tal como aparece (AED/017/2021)."
            ),
            _c("tipo_auditoria", "string", "Tipo de auditoría (Desempeño, ...)."),
            _c("ente_fiscalizado", "string", "Ente fiscalizado, tal como está escrito."),
            _c("ente_id", "string", "Ente normalizado: el mismo para todas sus grafías."),
            _c("ente_normalizado", "string", "Nombre del ente según el catálogo."),
            _c("ente_tipo", "string", "Tipo de ente (municipio, dif, agua, estatal, organismo)."),
            _c("municipio", "string", "Municipio del ente, si es municipal."),
            _c("programa", "string", "Programa auditado, tal como está escrito."),
            _c("programa_id", "string", "Programa normalizado."),
            _c("programa_normalizado", "string", "Nombre del programa según el catálogo."),
            _c("ejercicio", "integer", "Ejercicio fiscal auditado."),
            _c("fecha_informe", "date", "Fecha del informe."),
            _c("lugar", "string", "Lugar donde se firma el informe."),
            _c("dictamen", "string", "Dictamen; vacío si el informe no lo trae.", *DICTAMENES),
            _c("dictamen_texto", "string", "Las palabras del dictamen (p. ej. SÍ CUMPLIÓ)."),
            _c("auditor_superior", "string", "Auditor Superior que firma."),
            _c("destinatario", "string", "Persona a quien se dirige el informe."),
            _c("control_interno_puntaje", "number", "Puntaje de la evaluación de Control Interno."),
            _c("plazo_dias_habiles", "integer", "Días hábiles que dio la ASE para responder."),
            _c("oficio_notificacion", "string", "Oficio que notificó los resultados preliminares."),
            _c("fecha_notificacion", "date", "Fecha de ese oficio."),
            _c("oficio_respuesta", "string", "Oficio con la respuesta del ente."),
            _c("fecha_respuesta", "date", "Fecha en que se recibió la respuesta."),
            _c(
                "dias_habiles_respuesta",
                "integer",
                "Días hábiles del día siguiente a la notificación a la respuesta (incluida), "
                "sin fines de semana, festivos ni días inhábiles del auditor.",
            ),
            _c("respuesta_extemporanea", "boolean", "La respuesta llegó después del plazo."),
            _c("titulo", "string", "Título de la auditoría en la portada (ASF)."),
            _c(
                "grupo_funcional",
                "string",
                "Grupo funcional (ASF: Gobierno, Gasto Federalizado...).",
            ),
            _c("modalidad", "string", "Modalidad de la auditoría (ASF: Presencial...)."),
            _c(
                "numero_corto", "string", "Número corto de la auditoría (ASF: «Núm. de Auditoría»)."
            ),
            _c("fecha_dictamen", "date", "Fecha en que se emite el dictamen, si la da."),
            _c(
                "monto_por_aclarar", "number", "Pesos pendientes por aclarar, si el informe los da."
            ),
            _c("monto_recuperado", "number", "Pesos recuperados (operados), si el informe los da."),
            _c("resumen_resultados", "integer", "Resultados según el resumen del propio informe."),
            SHA256,
            _c("archivo", "string", "Nombre del archivo PDF."),
            _c("url_fuente", "string", "URL de donde se descargó el PDF."),
            _c("fecha_descarga", "string", "Fecha de descarga del PDF."),
            _c("paginas", "integer", "Páginas del PDF."),
            _c("paginas_ocr", "integer", "Páginas leídas por OCR."),
            _c("formato", "string", "Formato (extractor) que leyó el informe."),
            _c("version_extractor", "string", "Versión del extractor y de sus reglas."),
        ),
        ("informe_id",),
        facetas=("ente_normalizado", "ejercicio", "dictamen", "auditor", "respuesta_extemporanea"),
    ),
    Tabla(
        "procedimientos",
        "Procedimientos de auditoría aplicados (sección VI).",
        (
            INFORME_ID,
            PROCEDIMIENTO,
            _c("area", "string", "Área o tema del procedimiento, tal como está escrito."),
            _c("area_normalizada", "string", "Área según el catálogo de áreas."),
            _c("descripcion", "string", "Descripción del procedimiento."),
            PAGINA,
            SHA256,
        ),
        ("informe_id", "procedimiento"),
        facetas=("area_normalizada",),
    ),
    Tabla(
        "resultados",
        "Resultados de cada procedimiento; en los formatos cuya unidad es el resultado (la ASF), "
        "cada resultado numerado, sin procedimiento.",
        (
            INFORME_ID,
            PROCEDIMIENTO,
            NUMERO,
            _c("titulo", "string", "Título del resultado, tal como está escrito (ASF)."),
            TEXTO,
            PAGINA,
            *CAJA,
            _c(
                "estado",
                "string",
                "Estado del resultado (ASF); vacío en otros formatos.",
                *ESTADOS_RESULTADO,
            ),
            SHA256,
        ),
        ("informe_id", "procedimiento", "numero"),
        facetas=("estado", "informe_id"),
    ),
    Tabla(
        "acciones",
        "Acciones que promueve la ASF al cierre de un resultado (clave, tipo, texto y monto).",
        (
            INFORME_ID,
            _c("resultado", "integer", "Número del resultado que la generó."),
            _c("clave", "string", "Clave de la acción (2024-G-19000-23-1402-06-001)."),
            _c("tipo", "string", "Tipo de acción tal como la nombra el informe."),
            _texto("texto", "Texto de la acción, con espacios normalizados."),
            _c("monto", "number", "Pesos que la acción señala, si señala alguno."),
            PAGINA,
            SHA256,
        ),
        ("informe_id", "clave"),
        facetas=("tipo", "informe_id"),
    ),
    Tabla(
        "recomendaciones",
        "Recomendaciones de cada procedimiento, con su estatus según la justificación.",
        (
            INFORME_ID,
            PROCEDIMIENTO,
            NUMERO,
            TEXTO,
            PAGINA,
            *CAJA,
            _c("estatus", "string", "Si la recomendación se atendió.", *ESTATUS),
            _c("motivo", "string", "Por qué tiene ese estatus.", *MOTIVOS),
            _c("justificaciones", "string", "Números de las justificaciones que la mencionan (;)."),
            SHA256,
        ),
        ("informe_id", "procedimiento", "numero"),
        facetas=("estatus", "motivo", "procedimiento", "informe_id"),
    ),
    Tabla(
        "justificaciones",
        "Justificaciones (respuestas de la entidad valoradas por la ASE).",
        (
            INFORME_ID,
            PROCEDIMIENTO,
            NUMERO,
            TEXTO,
            PAGINA,
            *CAJA,
            _c("recomendaciones", "string", "Números de las recomendaciones a que se refiere (;)."),
            SHA256,
        ),
        ("informe_id", "procedimiento", "numero"),
        facetas=("informe_id",),
    ),
    Tabla(
        "recomendacion_justificacion",
        "Qué justificación responde a qué recomendación (una fila por par, del mismo "
        "procedimiento).",
        (
            INFORME_ID,
            PROCEDIMIENTO,
            _c("recomendacion", "integer", "Número de la recomendación."),
            _c("justificacion", "integer", "Número de la justificación que la menciona."),
            SHA256,
        ),
        ("informe_id", "procedimiento", "recomendacion", "justificacion"),
        facetas=("informe_id",),
    ),
    Tabla(
        "personas",
        "Personas que nombra el informe.",
        (
            INFORME_ID,
            _c("nombre", "string", "Nombre sin título."),
            _c(
                "rol",
                "string",
                "Papel en el informe.",
                "auditor",
                "auditor superior",
                "destinatario",
            ),
            _c("cargo", "string", "Cargo, si el informe lo da (ASF: Director de Área...)."),
            SHA256,
        ),
        ("informe_id", "rol", "nombre"),
        facetas=("rol",),
    ),
    Tabla(
        "oficios",
        "Oficios que cita el informe.",
        (
            INFORME_ID,
            _c("numero_oficio", "string", "Número del oficio tal como aparece."),
            _c("fecha", "date", "Fecha del oficio o de su recepción; vacía si no la da."),
            _texto("contexto", "La oración donde se cita."),
            PAGINA,
            SHA256,
        ),
        ("informe_id", "numero_oficio"),
    ),
    Tabla(
        "alertas",
        "Cosas que un lector cuidadoso señalaría (contradicciones, numeración irregular...).",
        (
            INFORME_ID,
            _c("procedimiento", "integer", "Procedimiento al que se refiere; vacío si a todo."),
            _c("tipo", "string", "Tipo de alerta."),
            _c("detalle", "string", "Explicación para una persona."),
            SHA256,
        ),
        ("informe_id", "procedimiento", "tipo", "detalle"),
        unica=False,
        facetas=("tipo",),
    ),
    Tabla(
        "documentos",
        "Un renglón por archivo de entrada, pase lo que pase con él.",
        (
            SHA256,
            _c("archivo", "string", "Nombre del archivo."),
            _c("url_fuente", "string", "URL de origen, si se descargó."),
            _c("estado", "string", "Resultado del procesamiento.", *ESTADOS),
            _c("error", "string", "Qué pasó, en una oración; vacío si todo salió bien."),
            _c("paginas", "integer", "Páginas del PDF."),
            _c("paginas_ocr", "integer", "Páginas leídas por OCR."),
            _c("segundos", "number", "Segundos de procesamiento (varía entre corridas)."),
            _c("formato", "string", "Formato que lo reconoció."),
            _c("informe_id", "string", "Informe que contiene, si se reconoció."),
            _c("fecha_descarga", "string", "Fecha de descarga."),
            _c("version_extractor", "string", "Versión del extractor."),
            _c("vigente", "boolean", "Si es la versión publicada de su informe."),
            _c(
                "reintentar",
                "boolean",
                "Si el fallo puede no repetirse (tiempo límite, proceso caído): se vuelve a "
                "intentar en la siguiente corrida.",
            ),
            _c(
                "pdf",
                "string",
                "Copia del PDF publicada con las tablas (pdf/<sha256>.pdf); "
                "vacía si no se copió (entonces se enlaza url_fuente).",
            ),
        ),
        ("sha256",),
        facetas=("estado", "formato", "vigente"),
    ),
    Tabla(
        "normalizacion",
        "Cada valor escrito de ente, programa o área y el id al que se normalizó, para revisión.",
        (
            _c("campo", "string", "Qué se normalizó.", "ente", "programa", "area"),
            _c("valor", "string", "El valor tal como está escrito en el informe."),
            _c("id", "string", "Id normalizado (sin-catalogo-... si no se parece a nada)."),
            _c("nombre", "string", "Nombre según el catálogo."),
            _c("puntaje", "number", "Similitud con el catálogo (0 a 100)."),
            _c(
                "metodo",
                "string",
                "Cómo se decidió.",
                "exacto",
                "reglas",
                "difuso",
                "siglas",
                "sin coincidencia",
            ),
            _c("revisar", "boolean", "Conviene que una persona lo revise."),
        ),
        ("campo", "valor"),
        facetas=("campo", "metodo", "revisar"),
    ),
)


def tabla(nombre: str) -> Tabla | None:
    return next((t for t in TABLAS if t.nombre == nombre), None)


def _referencia(campos: list[str], recurso: str, destino: list[str]) -> dict:
    return {"fields": campos, "reference": {"resource": recurso, "fields": destino}}


# Tablas cuyo procedimiento puede faltar (formatos cuya unidad es el resultado, como la ASF):
# SQLite no revisa una llave foránea con un valor nulo, pero Frictionless sí; en el
# datapackage no se declara su llave hacia `procedimientos`.
PROCEDIMIENTO_OPCIONAL = frozenset({"resultados", "justificaciones"})


def referencias_datapackage(tabla: Tabla) -> list[dict]:
    """Las llaves foráneas que puede revisar Frictionless (sin las que admiten nulos)."""
    return [
        r
        for r in referencias(tabla)
        if not (
            tabla.nombre in PROCEDIMIENTO_OPCIONAL
            and r["reference"]["resource"] == "procedimientos"
        )
    ]


def referencias(tabla: Tabla) -> list[dict]:
    """Llaves foráneas (Frictionless), deducidas del esquema para que una tabla nueva las tenga
    sin código aparte:

    - toda tabla con `informe_id` (salvo `informes` y `documentos`, que incluye archivos que no
      se publicaron) apunta a `informes`;
    - toda tabla cuya llave primaria lleva `informe_id` y `procedimiento` (salvo
      `procedimientos`) apunta a su procedimiento; `alertas`, donde el procedimiento puede
      faltar (una alerta del informe entero), no;
    - `recomendacion_justificacion` apunta a su recomendación y a su justificación;
    - `informes` apunta a `documentos` por su sha256 (el archivo del que salió).
    """
    columnas = tabla.columnas
    salida: list[dict] = []
    if tabla.nombre == "informes":
        return [_referencia(["sha256"], "documentos", ["sha256"])]
    if tabla.nombre == "documentos" or "informe_id" not in columnas:
        return salida
    salida.append(_referencia(["informe_id"], "informes", ["informe_id"]))
    if tabla.unica and "procedimiento" in tabla.llave and tabla.nombre != "procedimientos":
        par = ["informe_id", "procedimiento"]
        salida.append(_referencia(par, "procedimientos", par))
    for columna, recurso in (("recomendacion", "recomendaciones"),
                             ("justificacion", "justificaciones")):  # fmt: skip
        if columna in columnas:
            salida.append(
                _referencia(
                    ["informe_id", "procedimiento", columna],
                    recurso,
                    ["informe_id", "procedimiento", "numero"],
                )
            )
    return salida
