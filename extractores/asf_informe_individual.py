"""Formato `asf-informe-individual`: informes individuales de la Auditoría Superior de la
Federación (y de las ASE que los imitan). La unidad es el *resultado* («Resultado núm. 7» o
«7. Revisión del contrato …»); la respuesta del ente va dentro del resultado y un resultado que
persiste termina en una o más *acciones* («<clave> <tipo>» y su texto). El informe cierra con su
propio resumen, que se compara con lo leído (alerta `resumen no coincide`).

Reglas como datos: `modelos/reglas/asf.jsonl`; estructura:
`modelos/formatos/asf-informe-individual.toml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractores import dictamen, oficios, reglas
from extractores.catalogos import tipos_accion
from extractores.formato import TIPO_DUDA, Formato, Lectura
from extractores.segmentador import DIGITOS_OCR, FIN_DE_ORACION, con_texto, unir_lineas
from extractores.texto import FECHA, TITULO, espacios, fecha_iso, oraciones
from modelos.registros import (
    Accion,
    Alerta,
    Informe,
    Justificacion,
    Linea,
    Persona,
    ResultadoAuditoria,
)

# "Auditoría De Cumplimiento Forense: 2024-G-19000-23-1402-2025"
CLAVE_AUDITORIA = re.compile(
    r"Auditor[ií]a\s+(?:de\s+)?(?P<tipo>[^:]{3,80}?)\s*:\s*"
    r"(?P<clave>\d{4}-[A-Z0-9]-\d{5}-\d{2}-\d{4}-\d{4})",
    re.IGNORECASE,
)
# "Modalidad: Presencial"
MODALIDAD = re.compile(r"^Modalidad\s*:\s*(?P<valor>.+)$", re.IGNORECASE)
# "Núm. de Auditoría: 1402"
NUMERO_CORTO = re.compile(
    r"^N[úu]m(?:ero|\.)?\s+de\s+Auditor[ií]a\s*:\s*(?P<valor>\d+)", re.IGNORECASE
)
# Encabezado corrido de páginas impares: "Grupo Funcional Gobierno", "Gasto Federalizado"
GRUPO_FUNCIONAL = re.compile(
    r"^(?:Grupo\s+Funcional\s+(?P<grupo>\D+?)|(?P<gasto>Gasto\s+Federalizado))\s*\d*\s*$",
    re.IGNORECASE,
)
# "2024-G-19000-23-1402-06-001 Pliego de Observaciones"
CLAVE_ACCION = re.compile(
    r"^\s*(?P<clave>\d{4}-[A-Z0-9]-\d{5}-\d{2}-\d{4}-\d{2}-\d{3})\s*(?P<tipo>.*)$"
)
# Las claves escaneadas, por sus grupos: el OCR mete espacios ("2022-9-01100-1 9-1008-08-001",
# "2024-A-28000-04-0051 -06-001 Pliego de Observaciones", "2024-0-12100-23-001 1-2025"), pierde
# guiones o lee el 0 como O y el 1 como l, I o |. El segundo grupo es una letra o un dígito.
GRUPOS_CLAVE_AUDITORIA = (4, 1, 5, 2, 4, 4)
GRUPOS_CLAVE_ACCION = (4, 1, 5, 2, 4, 2, 3)
DIGITO_CLAVE_OCR = r"[0-9OoIil|]"
DIGITOS_CLAVE_OCR = str.maketrans("OoIil|", "001111")
SEPARADOR_CLAVE_OCR = r"\s?[-–—]?\s?"


def _clave_ocr(grupos: tuple[int, ...]) -> str:
    """La expresión de una clave escaneada con esos grupos (ver `GRUPOS_CLAVE_ACCION`)."""
    partes = [
        r"[0-9A-Z]" if indice == 1 else r"\s?".join([DIGITO_CLAVE_OCR] * tamano)
        for indice, tamano in enumerate(grupos)
    ]
    return SEPARADOR_CLAVE_OCR.join(partes) + r"(?![0-9])"


def _compactar_clave(leida: str, grupos: tuple[int, ...]) -> str:
    """«2022-9-01100-1 9-1008-08-001» -> «2022-9-01100-19-1008-08-001»."""
    seguida = re.sub(r"[\s\-–—]", "", leida)
    partes, inicio = [], 0
    for indice, tamano in enumerate(grupos):
        parte = seguida[inicio : inicio + tamano]
        partes.append(parte if indice == 1 else parte.translate(DIGITOS_CLAVE_OCR))
        inicio += tamano
    return "-".join(partes)


CLAVE_AUDITORIA_OCR = re.compile(
    r"Auditor[ií]a\s+(?:de\s+)?(?P<tipo>[^:]{3,80}?)\s*:\s*"
    r"(?P<clave>" + _clave_ocr(GRUPOS_CLAVE_AUDITORIA) + ")",
    re.IGNORECASE,
)
CLAVE_ACCION_OCR = re.compile(
    r"^\s*(?P<clave>" + _clave_ocr(GRUPOS_CLAVE_ACCION) + r")\s*(?P<tipo>.*)$"
)
# "7. Revisión del contrato número LXVI-DGAJ-068/2024" (no "1.- Ambiente de control")
RESULTADO_NUMERADO = re.compile(r"^\s*(?P<numero>\d{1,3})\.(?!-)\s+(?P<resto>\S.*)$")
# El OCR lee a veces el punto como coma: "14, Contrato número DGAJ-035/2024"
# y los dígitos como letras: "S. Pagos con documentación incompleta" (5)
RESULTADO_NUMERADO_OCR = re.compile(
    r"^\s*(?P<numero>[0-9SIlO|]{1,2}[0-9]?)[.,](?!-)\s+(?P<resto>\S.*)$"
)
# El número de «Resultado núm. $» (5) en el texto normalizado (minúsculas) de la regla
# `resultado-num-digito-ocr`: las letras y signos que el OCR pone en lugar de un dígito.
DIGITOS_OCR_ENCABEZADO = str.maketrans("silo|$", "511015")
# Signos que el OCR deja después del número de un encabezado: "Resultado núm. 4.", "… núm. 7:"
SIGNOS_TRAS_ENCABEZADO_OCR = ".,:;'`´ "
# Las reglas de encabezado de resultado que sólo valen en un renglón de OCR: "Resultado núm. $"
# (un dígito mal leído) y "esilidó núm. 9" (la palabra «Resultado» ilegible).
RESULTADO_SOLO_OCR = {"resultado-num-digito-ocr", "resultado-num-palabra-ocr"}
# Signos que el OCR dejó entre «núm» y el número: "Resultado núm.:4"
SIGNOS_TRAS_NUM_OCR = re.compile(r"(?<=n[uú]m)[\s.,:;'`´]+(?=\S)", re.IGNORECASE)
# Una mota que el OCR dejó antes de un encabezado: "- Resultado núm. 8"
MOTA_ANTES_DE_ENCABEZADO_OCR = re.compile(r"^[^\w\s]{1,2}\s*")
# Motas que el OCR dejó después del punto final de un renglón: "Federación. ?", "normativas. : ?"
MOTA_TRAS_PUNTO_OCR = re.compile(r"(?<=[.:;])(?:\s+[^\w\s]{1,2})+\s*$")
# Un encabezado «N. Título» cuyo número el OCR no leyó: "A Revisión del contrato número
# LXVI-DGAJ-056/2023" (el 3.), "ES Verificación física de bienes adquiridos" (el 7.)
NUMERO_ILEGIBLE_OCR = re.compile(r"^\s*\S{1,2}\s+(?P<resto>[A-ZÁÉÍÓÚÑ].*)$")
# El OCR pega un guion al punto del número: "6.-Pagos con documentación incompleta" (una lista
# interna se escribe con espacio: "1.- Información y comunicación")
RESULTADO_GUION_OCR = re.compile(r"^\s*(?P<numero>\d{1,2})\.-(?P<resto>[A-ZÁÉÍÓÚÑ]\S*(?:\s.*)?)$")
# Lo que queda de un encabezado o número de página mal leído: "z1" (menos de tantos caracteres)
RESIDUO_MAXIMO = 3
# "1.- Ambiente de control", "2) Ingresos": una lista dentro de un resultado
INCISO_INTERNO = re.compile(r"^\s*(?P<numero>\d{1,2})\s*(?:\.-|\.|\))\s*\S")
# Palabras con que acaba una línea que sigue en la siguiente (no es un título).
CONECTORES_FINALES = {
    "de", "del", "la", "las", "el", "los", "y", "e", "o", "u", "en", "por", "para", "con", "a",
    "al", "que", "se", "su", "sus", "un", "una",
}  # fmt: skip
PALABRAS_MAXIMAS_TITULO = 16
# Un renglón que llega a esta fracción del ancho del texto de su página no es un título.
FRACCION_RENGLON_LLENO = 0.9
# "por un monto de 2,681,954.00 pesos", "por 204,589.40 pesos"
MONTO = re.compile(r"(?P<monto>\d{1,3}(?:,\d{3})*\.\d{2})\s+pesos", re.IGNORECASE)
# Un monto escaneado con espacios dentro, antes de «pesos» o de una palabra mal leída y la
# cantidad con letra: "por un monto de 1,21 1 ,871.69 pesos", "1,793,593. 19 paros (un millón"
MONTO_OCR = re.compile(
    r"(?<![\d,.])(?P<monto>\d[\d,.\s]*\d)\s+(?:pesos\b|[a-záéíóú]{4,6}\s+\()", re.IGNORECASE
)
MONTO_COMPLETO = re.compile(r"\d{1,3}(?:,\d{3})*\.\d{2}")
# Un monto del texto pegado a una cifra de antes (el OCR partió el monto): no se adivina.
MONTO_PARTIDO_OCR = re.compile(r"[\d,.]\s?$")
# "Se determinaron 4,507,703.95 pesos pendientes por aclarar."
POR_ACLARAR = re.compile(
    r"(?P<monto>\d{1,3}(?:,\d{3})*\.\d{2})\s+pesos\s+pendientes\s+por\s+aclarar", re.IGNORECASE
)
# "Recuperaciones Operadas ... 1,234.56 pesos" / "se recuperaron 1,234.56 pesos"
RECUPERADO = re.compile(
    r"(?:recuperaci[oó]n(?:es)?\s+operadas?|se\s+recuperaron|reintegr\w+)\D{0,200}?"
    r"(?P<monto>\d{1,3}(?:,\d{3})*\.\d{2})\s+pesos",
    re.IGNORECASE,
)
# "Se determinaron 23 resultados, de los cuales, en 11 no se detectaron irregularidades y 2
#  fueron solventados por la entidad fiscalizada antes de la emisión de este Informe. Los 10
#  restantes generaron: 4 Recomendaciones, 1 Promoción de Responsabilidad Administrativa
#  Sancionatoria y 5 Pliegos de Observaciones."
RESUMEN_TOTAL = re.compile(r"Se\s+determin[óo]?(?:aron)?\s+(?P<n>\d+)\s+resultados?", re.IGNORECASE)
RESUMEN_SIN = re.compile(r"en\s+(?P<n>\d+)\s+no\s+se\s+detectaron\s+irregularidades", re.IGNORECASE)
RESUMEN_SOLVENTADOS = re.compile(r"(?P<n>\d+)\s+fueron\s+solventad[oa]s", re.IGNORECASE)
# En el resumen, «fueron» sólo cuenta los solventados: en un escaneo basta aunque la palabra
# que sigue sea ilegible ("y 1 fueron o / por la entidad fiscalizada antes de la emisión").
RESUMEN_SOLVENTADOS_OCR = re.compile(r"(?P<n>\d+)\s+fueron\b", re.IGNORECASE)
RESUMEN_RESTANTES = re.compile(
    r"(?:L[oa]s|El)\s+(?P<n>\d+)\s+restantes?\s+generaron?\s*:?\s*(?P<lista>.+?)\.(?:\s|$)",
    re.IGNORECASE,
)
# Un conteo del resumen que el OCR leyó como letra o signo, antes de una palabra: «Los 3
# restantes generaron: | Recomendación, 1 Promoción…» (el 1), «en l0 no se detectaron» (10).
CONTEO_OCR = re.compile(r"(?<!\S)(?P<conteo>[|lIOS$]|(?=\S*\d)[\dOIl|S$]{2,3})(?=\s+[^\W\d_])")
DIGITOS_CONTEO_OCR = str.maketrans("|lIOS$", "111055")
# Un signo que el OCR dejó antes de una palabra en minúsculas: «Se. determinaron 10
# resultados», «en 2.no se detectaron», «en 4 no:se detectaron» (el resumen no los necesita).
SIGNO_SUELTO_OCR = re.compile(r"(?<=\w)[.,:;](?=\s?[a-záéíóúñ])")
RESUMEN_ACCION = re.compile(r"(?P<n>\d+)\s+(?P<tipo>[A-ZÁÉÍÓÚÑ][^,]+?)(?=,|\s+y\s+\d|$)")
# "El presente dictamen se emite el 10 de octubre de 2025"
FECHA_DICTAMEN = re.compile(r"dictamen\s+se\s+emite\s+el\s+" + FECHA.pattern, re.IGNORECASE)
# El cargo de quien intervino: "Director de Área Director General"
CARGO = re.compile(
    r"(?:Auditor(?:a)?\s+Especial|Director(?:a)?\s+General(?:\s+Adjunt[oa])?|Director(?:a)?\s+de\s+[ÁA]rea"
    r"|Subdirector(?:a)?|Jefe\s+de\s+Departamento|Auditor(?:a)?|Supervisor(?:a)?|Coordinador(?:a)?)",
)
NOMBRE_CON_TITULO = re.compile(
    r"(?:(?:Mtro|Mtra|Lic|Ing|C\.\s?P|Dr|Dra|Arq|Act|L\.C\.P)\.\s*)+(?P<nombre>.+?)"
    r"(?=\s+(?:(?:Mtro|Mtra|Lic|Ing|C\.\s?P|Dr|Dra|Arq|Act|L\.C\.P)\.)|$)"
)
# Un signo que el OCR dejó entre dos palabras de un encabezado: "Montos por. Aclarar"
SIGNO_ENTRE_PALABRAS_OCR = re.compile(r"(?<=\w)[.,:;](?=\s+\w)")
# Un encabezado de sección de tantos tokens o más puede seguir en la misma línea.
TOKENS_ENCABEZADO_LARGO = 3
# La valoración termina en su punto (lo que sigue, como «9 Artículos 43…», es una nota al pie).
FIN_DE_VALORACION = re.compile(
    r"(?:solventa(?:\s+parcialmente)?|persiste|atendid[ao]|atiende|promovida)\b[^.]*\.",
    re.IGNORECASE,
)
# Fin de una oración aunque la anteceda un numeral («fracción V. El Congreso»).
PUNTO_Y_MAYUSCULA = re.compile(r"\.\s+(?=[A-ZÁÉÍÓÚÑ][a-záéíóúñ])")
ESTADOS = ("sin observaciones", "solventado", "con acciones")


class AsfInformeIndividual(Formato):
    """Informes individuales de la ASF (`modelos/formatos/asf-informe-individual.toml`)."""

    nombre = "asf-informe-individual"

    def extraer(self, lectura: Lectura) -> Informe:
        return extraer(lectura, self.estructura)

    def unidad(self) -> str:
        return "resultado"

    def revisar_unidades(self, informe: Informe) -> list[str]:
        return [] if informe.resultados else ["No se encontraron resultados."]


FORMATO = AsfInformeIndividual()


@dataclass(slots=True)
class _Secciones:
    portada: list[Linea] = field(default_factory=list)
    por_nombre: dict[str, list[Linea]] = field(default_factory=dict)


def _seccion_de(linea: Linea) -> str | None:
    """El id de la sección si la línea entera es su encabezado («Resultados», «Dictamen»); en un
    renglón de OCR, también con un signo suelto entre sus palabras («Montos por. Aclarar»)."""
    seccion = _seccion_del_texto(linea.texto)
    if seccion is None and linea.ocr and SIGNO_ENTRE_PALABRAS_OCR.search(linea.texto):
        seccion = _seccion_del_texto(SIGNO_ENTRE_PALABRAS_OCR.sub("", linea.texto))
    return seccion


def _seccion_del_texto(texto: str) -> str | None:
    buscador = reglas.asf()
    texto = texto.strip()
    doc = buscador.doc(texto)
    for c in buscador.buscar(doc):
        if c.etiqueta == "SECCION" and c.inicio == 0:
            resto = doc[c.fin :].text.strip(" :.")
            # «Resumen de Resultados, Observaciones, …», «Servidores públicos que … auditoría:»
            largo = c.fin - c.inicio >= TOKENS_ENCABEZADO_LARGO and not FIN_DE_ORACION.search(
                texto.rstrip(":").rstrip()
            )
            if not resto or largo:
                return c.id
    return None


def _partir_secciones(lineas: list[Linea]) -> _Secciones:
    secciones = _Secciones()
    actual = secciones.portada
    for linea in lineas:
        seccion = _seccion_de(linea)
        if seccion and seccion not in secciones.por_nombre:
            actual = secciones.por_nombre.setdefault(seccion, [])
            continue
        actual.append(linea)
    return secciones


def extraer(lectura: Lectura, estructura: dict) -> Informe:
    secciones = _partir_secciones(lectura.lineas)
    portada = secciones.portada
    texto_portada = unir_lineas([x.texto for x in portada])
    clave = _clave_auditoria(texto_portada, any(x.ocr for x in portada))
    numero = _compactar_clave(clave.group("clave"), GRUPOS_CLAVE_AUDITORIA) if clave else ""
    prefijo = estructura["prefijo_id"]
    informe = Informe(
        informe_id=f"{prefijo}:{numero}"
        if numero
        else f"{prefijo}:sin-numero-{lectura.sha256[:12]}",
        auditor=estructura["auditor"],
        numero_auditoria=numero,
        tipo_auditoria=espacios(clave.group("tipo")) if clave else "",
    )
    _portada(informe, portada)
    informe.grupo_funcional = _grupo_funcional(lectura.encabezados + portada[:3])
    if numero:
        informe.ejercicio = int(numero[:4])
    resultados = _resultados(secciones.por_nombre.get("resultados", []))
    informe.resultados = resultados
    _montos(informe, secciones)
    _dictamen(informe, secciones.por_nombre.get("dictamen", []))
    informe.personas = _personas(secciones.por_nombre.get("servidores", []))
    informe.auditores = [p.nombre for p in informe.personas]
    informe.oficios = oficios.extraer_oficios([lectura.lineas])
    resumen = secciones.por_nombre.get("resumen", [])
    informe.resumen = _resumen(
        unir_lineas([x.texto for x in resumen]), ocr=any(x.ocr for x in resumen)
    )
    informe.alertas.extend(_alertas(informe))
    return informe


def _clave_auditoria(texto: str, ocr: bool) -> re.Match | None:
    """«Auditoría De Cumplimiento: 2024-0-12100-23-0011-2025»; en un escaneo, la clave también
    con espacios o dígitos mal leídos (`CLAVE_AUDITORIA_OCR`)."""
    return CLAVE_AUDITORIA.search(texto) or (CLAVE_AUDITORIA_OCR.search(texto) if ocr else None)


def _portada(informe: Informe, portada: list[Linea]) -> None:
    """Ente (primera línea), título (hasta la línea de la clave), modalidad y número corto."""
    indice_clave = next(
        (i for i, x in enumerate(portada) if _clave_auditoria(x.texto, x.ocr)), None
    )
    if indice_clave is not None and indice_clave >= 1:
        informe.ente_fiscalizado = espacios(portada[0].texto)
        informe.titulo = unir_lineas([x.texto for x in portada[1:indice_clave]])
    for linea in portada:
        if m := MODALIDAD.match(linea.texto.strip()):
            informe.modalidad = espacios(m.group("valor"))
        if m := NUMERO_CORTO.match(linea.texto.strip()):
            informe.numero_corto = m.group("valor")


def _grupo_funcional(lineas: list[Linea]) -> str:
    for linea in lineas:
        if m := GRUPO_FUNCIONAL.match(linea.texto.strip()):
            return espacios(m.group("grupo") or m.group("gasto"))
    return ""


@dataclass(slots=True)
class _Crudo:
    numero: int
    pagina: int
    titulo: str = ""
    lineas: list[Linea] = field(default_factory=list)


def _resultados(lineas: list[Linea]) -> list[ResultadoAuditoria]:
    crudos = _por_palabra(lineas) or _por_numero(lineas)
    return [_resultado(c) for c in crudos]


def _es_encabezado_resultado(linea: Linea) -> int | None:
    """«Resultado núm. 7» solo en su línea: el número. En un renglón de OCR también con motas
    antes, en medio o después («- Resultado núm. 8», «Resultado núm.:4», «Resultado núm. 4.»),
    un dígito mal leído («Resultado núm. $») o la palabra ilegible («esilidó núm. 9»), que
    `_por_palabra` acepta sólo si es el número que sigue."""
    texto = linea.texto.strip()
    if linea.ocr:
        texto = MOTA_ANTES_DE_ENCABEZADO_OCR.sub("", texto).rstrip(SIGNOS_TRAS_ENCABEZADO_OCR)
        texto = SIGNOS_TRAS_NUM_OCR.sub(". ", texto)
    buscador = reglas.asf()
    doc = buscador.doc(texto)
    for c in buscador.buscar(doc):
        if c.id in RESULTADO_SOLO_OCR and not linea.ocr:
            continue
        if c.etiqueta == "RESULTADO" and c.inicio == 0 and c.fin == len(doc):
            numero = doc[c.fin - 1].text.translate(DIGITOS_OCR_ENCABEZADO)
            return int(re.search(r"\d+", numero).group())
    return None


def _por_palabra(lineas: list[Linea]) -> list[_Crudo]:
    crudos: list[_Crudo] = []
    for linea in lineas:
        numero = _es_encabezado_resultado(linea)
        if numero is not None and numero == len(crudos) + 1:
            crudos.append(_Crudo(numero, linea.pagina))
        elif crudos:
            crudos[-1].lineas.append(linea)
    return crudos


def _por_numero(lineas: list[Linea]) -> list[_Crudo]:
    """«N. Título» con N el que sigue; las listas numeradas dentro de un resultado (que empiezan
    otra vez en 1) no son resultados: ante la duda, gana la lista interna."""
    crudos: list[_Crudo] = []
    interno = 0  # último número de la lista interna del resultado actual
    anterior: Linea | None = None
    for linea in lineas:
        patron = RESULTADO_NUMERADO_OCR if linea.ocr else RESULTADO_NUMERADO
        m = patron.match(linea.texto) or _guion_del_ocr(linea, lineas, len(crudos) + 1, interno)
        inicia = _inicia(linea, anterior) or not crudos
        numero = int(m.group("numero").translate(DIGITOS_OCR)) if m else None
        resto = m.group("resto").strip() if m else ""
        ambiguo = bool(interno) and numero == interno + 1
        # «N+1. …» cuando se esperaba N: si el resultado anterior tiene un solo renglón con forma
        # de encabezado cuyo número el OCR no leyó, ahí empieza el resultado N.
        if (
            m
            and inicia
            and linea.ocr
            and crudos
            and numero == len(crudos) + 2
            and not (interno and numero <= interno + 1)
            and (perdido := _encabezado_sin_numero(crudos[-1], lineas))
        ):
            crudos.append(perdido)
            interno = 0
        # Ante la duda (el que sigue de la lista interna y también del resultado), decide la
        # forma de las palabras: un título («5. Pagos con documentación incompleta») abre un
        # resultado; una oración («4. Por lo que hace a las partidas…») sigue la lista.
        if (
            m
            and inicia
            and numero == len(crudos) + 1
            and (not ambiguo or _es_titulo(resto, linea, lineas))
        ):
            crudos.append(_Crudo(numero, linea.pagina))
            interno = 0
            if _es_titulo(resto, linea, lineas):
                crudos[-1].titulo = espacios(resto)
            else:
                crudos[-1].lineas.append(con_texto(linea, resto))
        elif crudos:
            if interno and inicia and _cierra_lista(linea.texto):
                interno = 0  # «En conclusión, …» vuelve al nivel del resultado
            if (i := INCISO_INTERNO.match(linea.texto)) and inicia:
                valor = int(i.group("numero"))
                if valor == 1 or valor == interno + 1:
                    interno = valor
            crudos[-1].lineas.append(linea)
        anterior = linea
    return crudos


def _guion_del_ocr(
    linea: Linea, lineas: list[Linea], esperado: int, interno: int
) -> re.Match | None:
    """«6.-Pagos con documentación incompleta» en un renglón de OCR: el encabezado del resultado
    `esperado` si es un título y no puede ser el que sigue de la lista interna («4.-Supervisión»
    tras «3.- Actividades de control»)."""
    if not linea.ocr or not (m := RESULTADO_GUION_OCR.match(linea.texto)):
        return None
    numero = int(m.group("numero"))
    if numero != esperado or (interno and numero == interno + 1):
        return None
    return m if _es_titulo(m.group("resto").strip(), linea, lineas) else None


def _encabezado_sin_numero(crudo: _Crudo, lineas: list[Linea]) -> _Crudo | None:
    """El resultado que sigue a `crudo` si éste tiene un solo renglón de OCR que empieza algo
    nuevo con un título tras una o dos letras o signos («A Revisión del contrato …»): el
    encabezado del resultado que falta. Lo quita de `crudo`; con ninguno o varios, nada."""
    candidatos = [
        (indice, m.group("resto").strip())
        for indice, linea in enumerate(crudo.lineas)
        if indice
        and linea.ocr
        and _inicia(linea, crudo.lineas[indice - 1])
        and (m := NUMERO_ILEGIBLE_OCR.match(linea.texto))
        and _es_titulo(m.group("resto").strip(), linea, lineas)
    ]
    if len(candidatos) != 1:
        return None
    indice, titulo = candidatos[0]
    perdido = _Crudo(crudo.numero + 1, crudo.lineas[indice].pagina, espacios(titulo))
    perdido.lineas = crudo.lineas[indice + 1 :]
    del crudo.lineas[indice:]
    return perdido


def _cierra_lista(texto: str) -> bool:
    """¿Empieza la línea con lo que cierra una lista interna («En conclusión, …»)?"""
    buscador = reglas.asf()
    return any(
        c.etiqueta == "FIN_DE_LISTA" and c.inicio == 0 for c in buscador.buscar(buscador.doc(texto))
    )


def _inicia(linea: Linea, anterior: Linea | None) -> bool:
    """¿Empieza aquí algo nuevo? Tras un fin de oración, en otra página, tras un residuo de
    encabezado que el OCR no dejó quitar («z1») o un punto leído como coma, o en párrafo
    aparte. En un escaneo, el fin de oración también con motas después («Federación. ?»)."""
    if anterior is None:
        return True
    texto = MOTA_TRAS_PUNTO_OCR.sub("", anterior.texto) if anterior.ocr else anterior.texto
    if FIN_DE_ORACION.search(texto):
        return True
    residuo = sum(c.isalnum() for c in anterior.texto) <= RESIDUO_MAXIMO
    # El OCR lee a veces el punto final como coma: «…ejercicio fiscal 2024,».
    coma_ocr = linea.ocr and anterior.texto.rstrip().endswith(",")
    return anterior.pagina != linea.pagina or residuo or coma_ocr or (linea.ocr and linea.parrafo)


def _es_titulo(resto: str, linea: Linea, lineas: list[Linea]) -> bool:
    """¿Es el resto de «N. …» un título? Corto, sin comas, no empieza una lista, no termina en
    conector ni en puntuación, y la línea siguiente empieza con mayúscula."""
    palabras = resto.split()
    if not palabras or INCISO_INTERNO.match(resto) or "," in resto:
        return False
    if len(palabras) > PALABRAS_MAXIMAS_TITULO or palabras[-1].lower() in CONECTORES_FINALES:
        return False
    if resto.rstrip()[-1:] in ".;:":
        return False
    indice = next((i for i, x in enumerate(lineas) if x is linea), -1)
    siguiente = lineas[indice + 1].texto.strip() if 0 <= indice < len(lineas) - 1 else ""
    if _llena_el_renglon(linea, lineas):
        return False  # una oración que siguió en el renglón de abajo, no un título
    return not siguiente or siguiente[:1].isupper() or siguiente[:1].isdigit()


def _llena_el_renglon(linea: Linea, lineas: list[Linea]) -> bool:
    """¿Llega la línea hasta el margen derecho de su página (medido en la página)?"""
    if linea.x1 is None:
        return False
    bordes = [x.x1 for x in lineas if x.pagina == linea.pagina and x.x1 is not None]
    margen_izquierdo = min(x.x0 for x in lineas if x.pagina == linea.pagina)
    ancho = max(bordes) - margen_izquierdo
    return ancho > 0 and (linea.x1 - margen_izquierdo) >= FRACCION_RENGLON_LLENO * ancho


def _resultado(crudo: _Crudo) -> ResultadoAuditoria:
    cuerpo, acciones = _acciones(crudo.lineas)
    texto = unir_lineas([x.texto for x in cuerpo])
    resultado = ResultadoAuditoria(
        numero=crudo.numero, texto=texto, pagina=crudo.pagina, titulo=crudo.titulo
    )
    resultado.acciones = acciones
    resultado.estado = _estado(texto, acciones)
    respuesta = _respuesta(texto)
    if respuesta:
        resultado.justificacion = Justificacion(crudo.numero, respuesta, crudo.pagina)
    return resultado


def _acciones(lineas: list[Linea]) -> tuple[list[Linea], list[Accion]]:
    """Parte las líneas de un resultado en su cuerpo y sus acciones (una línea «<clave> <tipo>»,
    cuyo tipo puede seguir en la línea siguiente, y el texto hasta la siguiente acción)."""
    cuerpo: list[Linea] = []
    grupos: list[tuple[Linea, str, str, list[Linea]]] = []
    pendiente_tipo = False
    for linea in lineas:
        leida = _clave_accion(linea)
        if leida:
            clave, tipo = leida
            grupos.append((linea, clave, tipo, []))
            pendiente_tipo = tipos_accion().incompleto(tipo)
        elif grupos and pendiente_tipo:
            clave_linea, clave, tipo, texto = grupos[-1]
            grupos[-1] = (clave_linea, clave, espacios(f"{tipo} {linea.texto}"), texto)
            pendiente_tipo = tipos_accion().incompleto(grupos[-1][2])
        elif grupos:
            grupos[-1][3].append(linea)
        else:
            cuerpo.append(linea)
    acciones = []
    for clave_linea, clave, tipo, texto_lineas in grupos:
        texto = unir_lineas([x.texto for x in texto_lineas])
        monto = _monto(texto, clave_linea.ocr)
        acciones.append(
            Accion(
                clave=clave,
                tipo=tipos_accion().canonico(tipo),
                texto=texto,
                pagina=clave_linea.pagina,
                monto=monto,
            )
        )
    return cuerpo, acciones


def _clave_accion(linea: Linea) -> tuple[str, str] | None:
    """La clave y el principio del tipo si la línea empieza una acción. En un renglón de OCR la
    clave puede traer espacios o dígitos mal leídos (`CLAVE_ACCION_OCR`), pero entonces el tipo
    tiene que ser uno conocido o su principio: una fila de cifras no es una acción."""
    if m := CLAVE_ACCION.match(linea.texto):
        return m.group("clave"), espacios(m.group("tipo"))
    if linea.ocr and (m := CLAVE_ACCION_OCR.match(linea.texto)):
        tipo = espacios(m.group("tipo"))
        if tipos_accion().conocido(tipo):
            return _compactar_clave(m.group("clave"), GRUPOS_CLAVE_ACCION), tipo
    return None


def _monto(texto: str, ocr: bool) -> float | None:
    """El primer monto en pesos del texto de una acción. En un escaneo, un monto con espacios
    dentro se lee junto si así tiene la forma de un monto («1,21 1 ,871.69»); si no la tiene,
    no se toma el pedazo final («871.69»): mejor sin monto que uno equivocado."""
    if not ocr:
        monto = MONTO.search(texto)
        return _pesos(monto.group("monto")) if monto else None
    for partido in MONTO_OCR.finditer(texto):
        junto = re.sub(r"\s", "", partido.group("monto"))
        if MONTO_COMPLETO.fullmatch(junto):
            return _pesos(junto)
    monto = MONTO.search(texto)
    if monto is None or MONTO_PARTIDO_OCR.search(texto[: monto.start()]):
        return None
    return _pesos(monto.group("monto"))


def _pesos(texto: str) -> float:
    return float(texto.replace(",", ""))


def _etiquetas(texto: str) -> set[str]:
    buscador = reglas.asf()
    return {c.etiqueta for c in buscador.buscar(buscador.doc(texto))}


def _estado(texto: str, acciones: list[Accion]) -> str:
    if acciones:
        return "con acciones"
    if "SOLVENTADO" in _etiquetas(texto):
        return "solventado"
    return "sin observaciones"


def _respuesta(texto: str) -> str:
    """Las oraciones de la respuesta del ente: de la que empieza la respuesta («en el transcurso
    de la auditoría», «con motivo de la intervención») a la que la valora («se solventa»,
    «persiste lo observado», «se consideró atendida»)."""
    frases = oraciones(texto)
    inicio = next((i for i, f in enumerate(frases) if "RESPUESTA" in _etiquetas(f)), None)
    if inicio is None:
        return ""
    valoracion = {"SOLVENTADO", "PARCIAL", "PERSISTE"}
    fin = next((i for i in range(inicio, len(frases)) if _etiquetas(frases[i]) & valoracion), None)
    if fin is None:
        return ""
    frases = [*frases[:inicio], _desde_la_respuesta(frases[inicio]), *frases[inicio + 1 :]]
    ultima = frases[fin]
    corte = FIN_DE_VALORACION.search(ultima)
    return " ".join([*frases[inicio:fin], ultima[: corte.end()] if corte else ultima])


def _desde_la_respuesta(frase: str) -> str:
    """La oración desde donde empieza la respuesta: si el separador de oraciones no cortó
    («… fracción V. El Congreso …, en el transcurso de la auditoría …»), se corta en el último
    punto seguido de mayúscula antes de la frase de respuesta."""
    buscador = reglas.asf()
    doc = buscador.doc(frase)
    respuesta = next(c for c in buscador.buscar(doc) if c.etiqueta == "RESPUESTA")
    antes = frase[: doc[respuesta.inicio].idx]
    cortes = list(PUNTO_Y_MAYUSCULA.finditer(antes))
    return frase[cortes[-1].end() :] if cortes else frase


def _montos(informe: Informe, secciones: _Secciones) -> None:
    montos = unir_lineas([x.texto for x in secciones.por_nombre.get("montos", [])])
    if m := POR_ACLARAR.search(montos):
        informe.monto_por_aclarar = _pesos(m.group("monto"))
    recuperaciones = unir_lineas(
        [x.texto for x in secciones.por_nombre.get("recuperaciones", [])]
        + [x.texto for x in secciones.por_nombre.get("montos", [])]
    )
    if m := RECUPERADO.search(recuperaciones):
        informe.monto_recuperado = _pesos(m.group("monto"))


def _dictamen(informe: Informe, lineas: list[Linea]) -> None:
    texto = unir_lineas([x.texto for x in lineas])
    for frase in reversed(oraciones(texto)):
        valor, _ = dictamen.dictamen(frase)
        if valor:
            informe.dictamen, informe.dictamen_texto = valor, frase
            break
    if m := FECHA_DICTAMEN.search(texto):
        informe.fecha_dictamen = fecha_iso(m)


def _personas(lineas: list[Linea]) -> list[Persona]:
    """Dos columnas: una línea de cargos («Director de Área Director General») y debajo la de
    nombres con título («Mtro. Carlos … Mtro. Ernesto …»), en el mismo orden."""
    personas: list[Persona] = []
    cargos: list[str] = []
    for linea in lineas:
        texto = linea.texto.strip()
        encontrados = CARGO.findall(texto)
        if encontrados and not TITULO.match(texto):
            cargos = [espacios(c).lower() for c in encontrados]
            continue
        nombres = [espacios(m.group("nombre")) for m in NOMBRE_CON_TITULO.finditer(texto)]
        for indice, nombre in enumerate(nombres):
            cargo = cargos[indice] if indice < len(cargos) else ""
            personas.append(Persona(nombre=nombre, rol="auditor", cargo=cargo))
        if nombres:
            cargos = []
    return personas


def _resumen(texto: str, ocr: bool = False) -> dict | None:
    if ocr:
        texto = SIGNO_SUELTO_OCR.sub(" ", texto)
        texto = CONTEO_OCR.sub(lambda m: m.group("conteo").translate(DIGITOS_CONTEO_OCR), texto)
    total = RESUMEN_TOTAL.search(texto)
    if not total:
        return None
    sin = RESUMEN_SIN.search(texto)
    solventados = RESUMEN_SOLVENTADOS.search(texto) or (
        RESUMEN_SOLVENTADOS_OCR.search(texto) if ocr else None
    )
    restantes = RESUMEN_RESTANTES.search(texto)
    acciones: dict[str, int] = {}
    if restantes:
        for m in RESUMEN_ACCION.finditer(restantes.group("lista")):
            tipo = tipos_accion().canonico(espacios(m.group("tipo")))
            acciones[tipo] = acciones.get(tipo, 0) + int(m.group("n"))
    return {
        "resultados": int(total.group("n")),
        "sin_observaciones": int(sin.group("n")) if sin else 0,
        "solventados": int(solventados.group("n")) if solventados else 0,
        "con_acciones": int(restantes.group("n")) if restantes else 0,
        "acciones_por_tipo": acciones,
    }


def contar(resultados: list[ResultadoAuditoria]) -> dict:
    """Lo que dicen los resultados, en la forma del resumen."""
    acciones: dict[str, int] = {}
    for resultado in resultados:
        for accion in resultado.acciones:
            acciones[accion.tipo] = acciones.get(accion.tipo, 0) + 1
    por_estado = {e: sum(r.estado == e for r in resultados) for e in ESTADOS}
    return {
        "resultados": len(resultados),
        "sin_observaciones": por_estado["sin observaciones"],
        "solventados": por_estado["solventado"],
        "con_acciones": por_estado["con acciones"],
        "acciones_por_tipo": acciones,
    }


def _describir(cuenta: dict) -> str:
    return (
        f"{cuenta['resultados']} resultados: {cuenta['sin_observaciones']} sin observaciones, "
        f"{cuenta['solventados']} solventados, {cuenta['con_acciones']} con acciones"
    )


def _alertas(informe: Informe) -> list[Alerta]:
    alertas: list[Alerta] = []
    for resultado in informe.resultados:
        if not resultado.acciones and "PERSISTE" in _etiquetas(resultado.texto):
            alertas.append(
                Alerta(
                    resultado.numero,
                    TIPO_DUDA,
                    f"El resultado {resultado.numero} dice que persiste lo observado, pero no "
                    "se encontraron sus acciones.",
                )
            )
    resumen = informe.resumen
    if resumen is None:
        return alertas
    contado = contar(informe.resultados)
    if contado != resumen:
        orden = list(resumen["acciones_por_tipo"]) + [
            t for t in contado["acciones_por_tipo"] if t not in resumen["acciones_por_tipo"]
        ]
        dice, hay = _describir(resumen), _describir(contado)
        if resumen["acciones_por_tipo"] != contado["acciones_por_tipo"]:
            dice += "; acciones: " + _lista_acciones(resumen, orden)
            hay += "; acciones: " + _lista_acciones(contado, orden)
        alertas.append(
            Alerta(
                None,
                "resumen no coincide",
                f"El resumen del informe dice {dice}, pero en los resultados hay {hay}.",
            )
        )
    return alertas


def _lista_acciones(cuenta: dict, orden: list[str]) -> str:
    return ", ".join(f"{cuenta['acciones_por_tipo'].get(t, 0)} {t}" for t in orden)
