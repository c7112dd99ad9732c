"""Procesar un corpus: encontrar los PDF, extraer lo nuevo o cambiado, publicar las tablas.

Cada archivo se guarda en la caché `salidas/cache/<sha256>.json` con la versión del extractor:
un archivo sin cambios (mismo sha256, misma versión) no se vuelve a leer. Lo publicado es todo lo
que hay en la caché de esa carpeta de salida; una corrida sólo agrega o reemplaza los informes que
cambiaron (`flows/almacen.py`), y reconstruye todo desde la caché cuando no puede hacerlo por
partes.
"""

from __future__ import annotations

import csv
import gc
import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from flows import entorno
from flows.archivos import escritura_atomica
from flows.ejecucion import TIEMPO_LIMITE_PREDETERMINADO, Trabajo, ejecutar, sin_recolector
from modelos.registros import Documento, Resultado
from modelos.serializacion import a_json, resultado_desde_dict

RAIZ = entorno.RAIZ  # la raíz del repositorio, o la carpeta actual si está instalado
CORPUS_PREDETERMINADO = RAIZ / "corpus"
SALIDA_PREDETERMINADA = RAIZ / "salidas"
MANIFIESTO = "manifiesto.csv"
EXTENSIONES_PDF = {".pdf"}


# Quien ejecuta los trabajos: recibe trabajos y una función a llamar con cada resultado.
Ejecutor = Callable[[list[Trabajo], Callable[[Resultado], None]], list[Resultado]]


@dataclass(slots=True)
class Resumen:
    archivos: int = 0
    nuevos: int = 0
    cambiados: int = 0  # versiones nuevas de un informe ya publicado
    en_cache: int = 0
    informes: int = 0
    paginas: int = 0
    paginas_ocr: int = 0
    fallidos: list[tuple[str, str, str]] = field(default_factory=list)  # archivo, estado, error
    # Los documentos de los archivos de esta corrida (sus resultados, en la caché:
    # `leer_resultado`).
    documentos: list[Documento] = field(default_factory=list)


def buscar_archivos(rutas: Iterable[Path]) -> list[Path]:
    """Archivos indicados tal cual; en carpetas, los PDF (recursivamente). Sin repetir."""
    encontrados: dict[Path, None] = {}
    for ruta in rutas:
        if ruta.is_dir():
            for archivo in sorted(ruta.rglob("*")):
                if archivo.is_file() and archivo.suffix.lower() in EXTENSIONES_PDF:
                    encontrados[archivo.resolve()] = None
        else:
            encontrados[ruta.resolve()] = None
    return list(encontrados)


def leer_manifiesto(carpetas: Iterable[Path]) -> dict[str, dict[str, str]]:
    """sha256 -> fila de `manifiesto.csv` (url, fecha_descarga, ...) de las carpetas dadas."""
    filas: dict[str, dict[str, str]] = {}
    for carpeta in carpetas:
        archivo = carpeta / MANIFIESTO
        if not archivo.is_file():
            continue
        with archivo.open(encoding="utf-8", newline="") as f:
            for fila in csv.DictReader(f):
                if fila.get("sha256"):
                    filas[fila["sha256"]] = fila
    return filas


def _cache(salida: Path) -> Path:
    return salida / "cache"


def _leer_entrada(archivo: Path) -> Resultado | None:
    try:
        datos = json.loads(archivo.read_text(encoding="utf-8"))
        return resultado_desde_dict(datos)
    except (OSError, ValueError, TypeError, KeyError):
        return None  # una entrada dañada se vuelve a calcular


def leer_resultado(salida: Path, sha256: str) -> Resultado | None:
    """El resultado guardado de un archivo, o None si no está (o está dañado)."""
    return _leer_entrada(_cache(salida) / f"{sha256}.json")


def leer_cache(salida: Path) -> dict[str, Resultado]:
    resultados: dict[str, Resultado] = {}
    for archivo in sorted(_cache(salida).glob("*.json")):
        resultado = _leer_entrada(archivo)
        if resultado is not None:
            resultados[resultado.documento.sha256] = resultado
    return resultados


def guardar_cache(resultado: Resultado, salida: Path) -> None:
    destino = _cache(salida) / f"{resultado.documento.sha256}.json"
    with escritura_atomica(destino) as archivo:
        archivo.write(a_json(resultado))


def _procedencia(ruta: Path, sha256: str, manifiesto: dict[str, dict[str, str]]) -> tuple:
    """(archivo, url_fuente, fecha_descarga): el nombre del archivo y lo que diga el manifiesto."""
    fila = manifiesto.get(sha256, {})
    return ruta.name, fila.get("url", ""), fila.get("fecha_descarga", "")


def _de_documento(documento: Documento) -> tuple:
    return documento.archivo, documento.url_fuente, documento.fecha_descarga


def _con_procedencia(
    resultado: Resultado, ruta: Path, manifiesto: dict[str, dict[str, str]]
) -> bool:
    """Pone el nombre de archivo, la URL y la fecha de descarga; ¿cambió algo?"""
    documento = resultado.documento
    antes = _de_documento(documento)
    procedencia = _procedencia(ruta, documento.sha256, manifiesto)
    documento.archivo, documento.url_fuente, documento.fecha_descarga = procedencia
    return antes != procedencia


def procesar(
    rutas: list[Path] | None = None,
    salida: Path = SALIDA_PREDETERMINADA,
    trabajadores: int = 1,
    tiempo_limite: float = TIEMPO_LIMITE_PREDETERMINADO,
    al_empezar: Callable[[int], None] | None = None,
    al_terminar: Callable[[Resultado], None] | None = None,
    ejecutor: Ejecutor | None = None,
    copiar_pdf: bool = True,
    al_leer_pagina: Callable[[Trabajo, int, int], None] | None = None,
) -> Resumen:
    """Extrae lo nuevo o cambiado de `rutas` y publica todo lo que hay en `salida`.

    `ejecutor` decide dónde corre cada documento (por omisión, procesos locales con tiempo
    límite; los flujos de Prefect pasan el suyo). Con `copiar_pdf`, cada PDF publicado se copia
    a `salida/pdf/<sha256>.pdf` para enlazar cada fila a su página; sin copia, los enlaces van a
    `url_fuente`. `al_leer_pagina(trabajo, hechas, total)` se llama con el avance de cada
    archivo, página por página (sólo con el ejecutor predeterminado).
    """
    from extractores.version import sha256_de, version_extractor
    from flows import almacen

    rutas = [CORPUS_PREDETERMINADO] if rutas is None else rutas
    archivos = buscar_archivos(rutas)
    carpetas = {r if r.is_dir() else r.parent for r in rutas} | {a.parent for a in archivos}
    manifiesto = leer_manifiesto(sorted(carpetas))
    # Lo publicado: el índice de las bases; sin él (primera corrida, otro esquema, una corrida
    # interrumpida), las bases se crean vacías y se vuelve a publicar toda la caché.
    indice = almacen.leer_indice(salida)
    reconstruir = indice is None
    indice = {} if indice is None else indice
    version = version_extractor()
    resumen = Resumen(archivos=len(archivos))
    if al_empezar:
        al_empezar(len(archivos))
    trabajos: list[tuple[Path, Trabajo]] = []
    vistos: set[str] = set()
    origenes: dict[str, Path] = {}
    releidos: list[str] = []  # sha256 en la caché con otra procedencia o aún sin publicar
    for ruta in archivos:
        sha = sha256_de(ruta)
        origenes.setdefault(sha, ruta)
        if sha in vistos:
            resumen.archivos -= 1  # una copia idéntica de otro archivo: se cuenta una vez
            continue
        vistos.add(sha)
        documento = _al_dia(sha, ruta, indice, manifiesto, version, salida, releidos)
        if documento is None:
            trabajos.append((ruta, Trabajo(ruta, sha)))
            continue
        resumen.en_cache += 1
        resumen.documentos.append(documento)
        if al_terminar:
            al_terminar(Resultado(documento))
    rutas_por_sha = {t.sha256: r for r, t in trabajos}

    def terminado(resultado: Resultado) -> None:
        ruta = rutas_por_sha[resultado.documento.sha256]
        _con_procedencia(resultado, ruta, manifiesto)
        guardar_cache(resultado, salida)
        if copiar_pdf and resultado.documento.informe_id:  # mientras se leen los demás
            from flows import publicar

            publicar.copiar_pdf(ruta, resultado.documento.sha256, salida)
        if al_terminar:
            al_terminar(resultado)

    def preparar() -> None:
        with sin_recolector():
            _preparar_publicacion(salida, reconstruir)

    nuevos, publicar_todo = _extraer(
        [t for _, t in trabajos], ejecutor, preparar, terminado,
        trabajadores, tiempo_limite, al_leer_pagina,
    )  # fmt: skip
    from flows import publicar

    resumen.nuevos = len(nuevos)
    informes_antes = {p.documento.informe_id for p in indice.values() if p.documento.informe_id}
    resumen.cambiados = sum(
        1 for r in nuevos if r.documento.informe_id in informes_antes and r.documento.sha256
        not in indice
    )  # fmt: skip
    if copiar_pdf:  # los que no se leyeron ahora (los leídos, en `terminado`)
        for documento in resumen.documentos:
            if documento.informe_id and documento.sha256 in origenes:
                publicar.copiar_pdf(origenes[documento.sha256], documento.sha256, salida)
    resumen.documentos.extend(r.documento for r in nuevos)
    if reconstruir:  # también lo que está en la caché aunque no haya venido en esta corrida
        releidos += sorted({a.stem for a in _cache(salida).glob("*.json")} - vistos)
    publicar_todo(salida, indice, releidos, nuevos, reconstruir)
    _resumir(resumen)
    return resumen


def _extraer(
    trabajos: list[Trabajo],
    ejecutor: Ejecutor | None,
    preparar: Callable[[], None],
    terminado: Callable[[Resultado], None],
    trabajadores: int,
    tiempo_limite: float,
    al_leer_pagina: Callable[[Trabajo, int, int], None] | None,
) -> tuple[list[Resultado], Callable[..., None]]:
    """Extrae los trabajos y prepara la publicación; devuelve lo extraído y la función que
    publica (los argumentos de `_publicar`). Con los procesos locales, la publicación se prepara
    y se hace en un proceso aparte, creado antes de cargar spaCy (`flows/publicador.py`)."""
    if ejecutor is not None:
        try:
            preparar()
            return ejecutor(trabajos, terminado), _publicar
        finally:
            gc.unfreeze()  # ver `sin_recolector`
    if not trabajos:
        return ejecutar([], mientras=preparar), _publicar
    from flows.publicador import Publicador

    def preparar_y_calentar() -> None:
        preparar()
        _calentar_publicacion()

    publicador = Publicador(preparar_y_calentar, _publicar)
    try:
        nuevos = ejecutar(trabajos, trabajadores, tiempo_limite, terminado, al_leer_pagina)
    except BaseException:
        publicador.cerrar()
        raise
    return nuevos, publicador.publicar


def _preparar_publicacion(salida: Path, reconstruir: bool) -> None:
    """Lo que publicar necesita y no depende de lo extraído: importar pandas, pyarrow y DuckDB
    (~0.4 s) y, si hay que reconstruir, crear las bases vacías. Con los procesos locales, en el
    publicador mientras el proceso principal carga spaCy."""
    import duckdb  # noqa: F401 (importarlos es lo que se adelanta)
    import pandas  # noqa: F401
    import pyarrow  # noqa: F401

    from flows import almacen, publicar  # noqa: F401

    if reconstruir:
        almacen.crear(salida)


def _calentar_publicacion() -> None:
    """En el publicador, que si no esperaría sin hacer nada: cargar los días festivos, los
    catálogos y lo que pandas arma la primera vez (~0.13 s que ya no esperan al final). Sin
    publicador no se adelanta: una corrida sin cambios no lo necesita."""
    from flows import publicar
    from flows.ejecucion import precargar_festivos

    precargar_festivos()  # para los días hábiles de cada informe
    publicar.calentar()


def _al_dia(
    sha: str,
    ruta: Path,
    indice: dict,
    manifiesto: dict[str, dict[str, str]],
    version: str,
    salida: Path,
    releidos: list[str],
) -> Documento | None:
    """El documento de un archivo que no hace falta volver a leer (misma versión del extractor,
    sin un fallo pasajero), o None. Si está en la caché pero no publicado, o cambió su
    procedencia (otro nombre, URL o fecha de descarga), se anota en `releidos`."""
    publicado = indice.get(sha)
    documento = publicado.documento if publicado else None
    if documento is None or _procedencia(ruta, sha, manifiesto) != _de_documento(documento):
        resultado = leer_resultado(salida, sha)
        if resultado is None:
            return None
        if _con_procedencia(resultado, ruta, manifiesto):
            guardar_cache(resultado, salida)  # sólo si cambió: no reescribir el archivo
        documento = resultado.documento
        releido = True
    else:
        releido = False
    if documento.version_extractor != version or documento.reintentar:
        return None
    if releido:
        releidos.append(sha)
    return documento


# Cuántos informes se publican por transacción: acota la memoria al reconstruir un archivo
# grande (las filas de un lote, no las de todo el archivo).
LOTE = 200


def _publicar(
    salida: Path,
    indice: dict,
    releidos: list[str],
    nuevos: list[Resultado],
    reconstruir: bool,
) -> None:
    """Publica por lotes lo releído de la caché y lo nuevo; si una base está ocupada o dañada,
    las crea de nuevo y publica toda la caché. Al final exporta CSV y Parquet y sella. Cada
    base se abre una vez para todo eso (`almacen.Bases`)."""
    import duckdb

    from flows import almacen, publicar

    def leer(sha: str) -> Resultado | None:
        return leer_resultado(salida, sha)

    def lotes(shas: list[str]) -> Iterable[list[Resultado]]:
        for inicio in range(0, len(shas), LOTE):
            yield [r for r in map(leer, shas[inicio : inicio + LOTE]) if r is not None]
        for inicio in range(0, len(nuevos), LOTE):
            yield nuevos[inicio : inicio + LOTE]

    with almacen.Bases(salida) as bases:
        try:
            for lote in lotes(releidos):
                publicar.publicar_cambios(lote, indice, salida, leer, _cache(salida), bases)
        except (duckdb.Error, sqlite3.Error) as error:
            if reconstruir:
                raise
            print(f"No se pudo actualizar por partes ({error}); se reconstruye todo.")
            bases.cerrar()  # se vuelven a abrir, ya nuevas, con el primer lote
            almacen.crear(salida)
            indice.clear()
            nuevos = []  # ya están en la caché: `lotes` los lee de ahí con todo lo demás
            todos = sorted(a.stem for a in _cache(salida).glob("*.json"))
            for lote in lotes(todos):
                publicar.publicar_cambios(lote, indice, salida, leer, _cache(salida), bases)
            reconstruir = True
        publicar.terminar(salida, bases)
        if reconstruir:
            publicar.quitar_json_sobrantes(salida, indice)
            bases.sellar()


def _resumir(resumen: Resumen) -> None:
    informes = {d.informe_id for d in resumen.documentos if d.informe_id}
    resumen.informes = len(informes)
    for documento in resumen.documentos:
        resumen.paginas += documento.paginas
        resumen.paginas_ocr += documento.paginas_ocr
        if documento.estado != "ok":
            resumen.fallidos.append((documento.archivo, documento.estado, documento.error))


def markdown(resumen: Resumen) -> str:
    """El resumen de una corrida para una persona (artefacto de Prefect)."""
    filas = [
        ("Archivos", resumen.archivos),
        ("Procesados ahora", resumen.nuevos),
        ("Versiones nuevas de informes ya publicados", resumen.cambiados),
        ("Sin cambios (caché)", resumen.en_cache),
        ("Informes", resumen.informes),
        ("Páginas", resumen.paginas),
        ("Páginas con OCR", resumen.paginas_ocr),
        ("Con problemas", len(resumen.fallidos)),
    ]
    partes = ["# Resumen de la corrida\n\n| | |\n|---|---:|\n"]
    partes += [f"| {nombre} | {valor} |\n" for nombre, valor in filas]
    if resumen.fallidos:
        partes.append(
            "\n## Archivos con problemas\n\n| archivo | estado | error |\n|---|---|---|\n"
        )
        partes += [f"| {a} | {e} | {m} |\n" for a, e, m in resumen.fallidos]
    return "".join(partes)
