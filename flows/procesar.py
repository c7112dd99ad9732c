"""Procesar un corpus: encontrar los PDF, extraer lo nuevo o cambiado, publicar las tablas.

Cada archivo se guarda en la caché `salidas/cache/<sha256>.json` con la versión del extractor:
un archivo sin cambios (mismo sha256, misma versión) no se vuelve a leer. Las tablas se
publican con todo lo que hay en la caché de esa carpeta de salida.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from flows import entorno
from flows.archivos import escritura_atomica
from flows.ejecucion import TIEMPO_LIMITE_PREDETERMINADO, Trabajo, ejecutar
from modelos.registros import Resultado
from modelos.serializacion import a_dict, resultado_desde_dict

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
    resultados: list[Resultado] = field(default_factory=list)


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


def leer_cache(salida: Path) -> dict[str, Resultado]:
    resultados: dict[str, Resultado] = {}
    for archivo in sorted(_cache(salida).glob("*.json")):
        try:
            datos = json.loads(archivo.read_text(encoding="utf-8"))
            resultado = resultado_desde_dict(datos)
        except (OSError, ValueError, TypeError, KeyError):
            continue  # una entrada dañada se vuelve a calcular
        resultados[resultado.documento.sha256] = resultado
    return resultados


def guardar_cache(resultado: Resultado, salida: Path) -> None:
    destino = _cache(salida) / f"{resultado.documento.sha256}.json"
    with escritura_atomica(destino) as archivo:
        json.dump(a_dict(resultado), archivo, ensure_ascii=False)


def _con_procedencia(
    resultado: Resultado, ruta: Path, manifiesto: dict[str, dict[str, str]]
) -> bool:
    """Pone el nombre de archivo, la URL y la fecha de descarga; ¿cambió algo?"""
    fila = manifiesto.get(resultado.documento.sha256, {})
    documento = resultado.documento
    antes = (documento.archivo, documento.url_fuente, documento.fecha_descarga)
    documento.archivo = ruta.name
    documento.url_fuente = fila.get("url", "")
    documento.fecha_descarga = fila.get("fecha_descarga", "")
    return antes != (documento.archivo, documento.url_fuente, documento.fecha_descarga)


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
    from extractores.documento import sha256_de, version_extractor
    from flows import publicar

    rutas = [CORPUS_PREDETERMINADO] if rutas is None else rutas
    archivos = buscar_archivos(rutas)
    carpetas = {r if r.is_dir() else r.parent for r in rutas} | {a.parent for a in archivos}
    manifiesto = leer_manifiesto(sorted(carpetas))
    cache = leer_cache(salida)
    version = version_extractor()
    resumen = Resumen(archivos=len(archivos))
    if al_empezar:
        al_empezar(len(archivos))
    trabajos: list[tuple[Path, Trabajo]] = []
    vistos: set[str] = set()
    origenes: dict[str, Path] = {}
    cambiados: set[str] = set()  # sha256 cuyo resultado es nuevo o cambió en esta corrida
    for ruta in archivos:
        sha = sha256_de(ruta)
        origenes.setdefault(sha, ruta)
        if sha in vistos:
            resumen.archivos -= 1  # una copia idéntica de otro archivo: se cuenta una vez
            continue
        vistos.add(sha)
        anterior = cache.get(sha)
        vigente = anterior and anterior.documento.version_extractor == version
        if vigente and not anterior.documento.reintentar:
            if _con_procedencia(anterior, ruta, manifiesto):
                guardar_cache(anterior, salida)  # sólo si cambió: no reescribir el archivo
                cambiados.add(sha)
            resumen.en_cache += 1
            resumen.resultados.append(anterior)
            if al_terminar:
                al_terminar(anterior)
        else:
            trabajos.append((ruta, Trabajo(ruta, sha)))
    rutas_por_sha = {t.sha256: r for r, t in trabajos}

    def terminado(resultado: Resultado) -> None:
        _con_procedencia(resultado, rutas_por_sha[resultado.documento.sha256], manifiesto)
        guardar_cache(resultado, salida)
        if al_terminar:
            al_terminar(resultado)

    if ejecutor is None:
        nuevos = ejecutar(
            [t for _, t in trabajos], trabajadores, tiempo_limite, terminado, al_leer_pagina
        )
    else:
        nuevos = ejecutor([t for _, t in trabajos], terminado)
    resumen.nuevos = len(nuevos)
    publicados_antes = {
        r.informe.informe_id: sha for sha, r in cache.items() if r.informe is not None
    }
    resumen.cambiados = sum(
        1
        for r in nuevos
        if r.informe is not None
        and publicados_antes.get(r.informe.informe_id, r.documento.sha256) != r.documento.sha256
    )
    resumen.resultados.extend(nuevos)
    if copiar_pdf:
        for resultado in resumen.resultados:
            sha = resultado.documento.sha256
            if resultado.informe is not None and sha in origenes:
                publicar.copiar_pdf(origenes[sha], sha, salida)
    # Lo publicado: la caché leída al empezar más lo nuevo (sin volver a leer cada archivo).
    todos = {**cache, **{r.documento.sha256: r for r in nuevos}}
    cambiados |= {r.documento.sha256 for r in nuevos}
    publicar.publicar(
        sorted(todos.values(), key=lambda r: r.documento.sha256), salida, cambiados=cambiados
    )
    _resumir(resumen)
    return resumen


def _resumir(resumen: Resumen) -> None:
    informes = {r.informe.informe_id for r in resumen.resultados if r.informe}
    resumen.informes = len(informes)
    for resultado in resumen.resultados:
        documento = resultado.documento
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
