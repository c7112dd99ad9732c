"""Publicar: de los resultados por archivo a las tablas de CONTRATO.md y un JSON por informe.

Escribe de forma determinista (mismas entradas, CSV idénticos byte a byte salvo los tiempos de
`documentos`) y atómica (cada archivo se escribe aparte y se renombra al final).
"""

from __future__ import annotations

import json
import re
import shutil
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import asdict, fields
from pathlib import Path
from typing import TYPE_CHECKING

from extractores import normalizacion, plazos
from extractores.catalogos import areas
from flows import almacen, formatos_salida
from flows.archivos import escritura_atomica, ruta_temporal
from modelos.registros import Documento, Informe, Item, Procedimiento, Resultado
from modelos.tablas import TABLAS, Tabla

if TYPE_CHECKING:  # pandas se importa al armar las tablas: copiar un PDF no lo necesita
    import pandas as pd


def nombre_de_archivo(informe_id: str) -> str:
    """'ase-tamaulipas:AED/017/2021' -> 'ase-tamaulipas_AED-017-2021' (seguro como archivo)."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", informe_id.replace(":", "_")).strip("-.")


def vigentes(resultados: Iterable[Resultado]) -> dict[str, Resultado]:
    """Por informe, la versión publicada: la descargada más recientemente; a igual fecha, la
    que necesitó menos OCR; luego por nombre de archivo (para que sea determinista)."""
    elegidos: dict[str, Resultado] = {}
    for resultado in resultados:
        if resultado.informe is None or resultado.documento.estado not in ("ok", "parcial"):
            continue
        clave = resultado.informe.informe_id
        actual = elegidos.get(clave)
        if actual is None or _preferencia(resultado.documento) < _preferencia(actual.documento):
            elegidos[clave] = resultado
    return elegidos


def _preferencia(documento: Documento) -> tuple:
    return (
        "".join(chr(0x10FFFF - ord(c)) for c in documento.fecha_descarga),  # más reciente primero
        documento.estado != "ok",
        documento.paginas_ocr,
        documento.archivo,
        documento.sha256,
    )


def _lista(numeros: list[int]) -> str:
    return ";".join(str(n) for n in numeros)


def filas_de_informe(resultado: Resultado) -> dict[str, list[dict]]:
    informe: Informe = resultado.informe  # type: ignore[assignment]
    documento = resultado.documento
    sha = documento.sha256
    base = {"informe_id": informe.informe_id, "sha256": sha}
    filas: dict[str, list[dict]] = {t.nombre: [] for t in TABLAS}
    ente = normalizacion.entes().normalizar(informe.ente_fiscalizado)
    programa = normalizacion.programas().normalizar(informe.programa)
    filas["informes"].append(
        {
            **_escalares(informe),
            "ente_id": ente.id,
            "ente_normalizado": ente.nombre,
            "ente_tipo": ente.tipo,
            "municipio": ente.municipio,
            "programa_id": programa.id,
            "programa_normalizado": programa.nombre,
            **_oportunidad(informe),
            "sha256": sha,
            "archivo": documento.archivo,
            "url_fuente": documento.url_fuente,
            "fecha_descarga": documento.fecha_descarga,
            "paginas": documento.paginas,
            "paginas_ocr": documento.paginas_ocr,
            "formato": documento.formato,
            "version_extractor": documento.version_extractor,
            "resumen_resultados": (informe.resumen or {}).get("resultados"),
        }
    )
    _filas_de_resultados(informe, base, filas)
    for p in informe.procedimientos:
        lugar = {**base, "procedimiento": p.numero}
        filas["procedimientos"].append(
            {**lugar, "area": p.area, "area_normalizada": p.area_normalizada,
             "descripcion": p.descripcion, "pagina": p.pagina}
        )  # fmt: skip
        for r in p.resultados:
            filas["resultados"].append(
                {**lugar, "numero": r.numero, "texto": r.texto, "pagina": r.pagina, **_caja(r)}
            )
        for r in p.recomendaciones:
            filas["recomendaciones"].append(
                {**lugar, "numero": r.numero, "texto": r.texto, "pagina": r.pagina, **_caja(r),
                 "estatus": r.estatus, "motivo": r.motivo,
                 "justificaciones": _lista(r.justificaciones)}
            )  # fmt: skip
        for j in p.justificaciones:
            filas["justificaciones"].append(
                {**lugar, "numero": j.numero, "texto": j.texto, "pagina": j.pagina, **_caja(j),
                 "recomendaciones": _lista(j.recomendaciones)}
            )  # fmt: skip
        filas["recomendacion_justificacion"].extend(
            {**lugar, "recomendacion": r, "justificacion": j} for r, j in _pares(p)
        )
    cargos = {p.nombre: p.cargo for p in informe.personas}
    personas = [(p.nombre, p.rol) for p in informe.personas] or [
        (n, "auditor") for n in informe.auditores
    ]
    personas += [
        (informe.auditor_superior, "auditor superior"),
        (informe.destinatario, "destinatario"),
    ]
    for nombre, rol in personas:
        if nombre:
            filas["personas"].append(
                {**base, "nombre": nombre, "rol": rol, "cargo": cargos.get(nombre, "")}
            )
    for o in informe.oficios:
        filas["oficios"].append(
            {**base, "numero_oficio": o.numero_oficio, "fecha": o.fecha, "contexto": o.contexto,
             "pagina": o.pagina}
        )  # fmt: skip
    for a in informe.alertas:
        filas["alertas"].append(
            {**base, "procedimiento": a.procedimiento, "tipo": a.tipo, "detalle": a.detalle}
        )
    filas["normalizacion"] = _filas_normalizacion(informe)
    return filas


def _escalares(informe: Informe) -> dict:
    """Los campos del informe que no son listas (sin `asdict`, que copiaría también sus
    procedimientos enteros para descartarlos)."""
    valores = {f.name: getattr(informe, f.name) for f in fields(informe)}
    return {k: v for k, v in valores.items() if not isinstance(v, list)}


def _filas_de_resultados(informe: Informe, base: dict, filas: dict[str, list[dict]]) -> None:
    """Los formatos cuya unidad es el resultado (la ASF): resultados sin procedimiento, sus
    acciones y la respuesta del ente como justificación (número = el del resultado)."""
    for r in informe.resultados:
        lugar = {**base, "procedimiento": None}
        filas["resultados"].append(
            {**lugar, "numero": r.numero, "titulo": r.titulo, "texto": r.texto,
             "pagina": r.pagina, **_caja(r), "estado": r.estado}
        )  # fmt: skip
        for a in r.acciones:
            filas["acciones"].append(
                {**base, "resultado": r.numero, "clave": a.clave, "tipo": a.tipo,
                 "texto": a.texto, "monto": a.monto, "pagina": a.pagina}
            )  # fmt: skip
        if r.justificacion:
            j = r.justificacion
            filas["justificaciones"].append(
                {**lugar, "numero": j.numero, "texto": j.texto, "pagina": j.pagina, **_caja(j),
                 "recomendaciones": ""}
            )  # fmt: skip


def _caja(item: Item) -> dict:
    """La caja de la primera línea, redondeada a décimas de punto (CSV estables)."""
    return {
        lado: None if getattr(item, lado) is None else round(getattr(item, lado), 1)
        for lado in ("x0", "top", "x1", "bottom")
    }


def _pares(procedimiento: Procedimiento) -> list[tuple[int, int]]:
    """(recomendación, justificación) que se mencionan, de cualquiera de los dos lados, sólo
    entre incisos que existen (una referencia a un número que no está no se inventa)."""
    recomendaciones = {r.numero for r in procedimiento.recomendaciones}
    justificaciones = {j.numero for j in procedimiento.justificaciones}
    pares = {(r.numero, j) for r in procedimiento.recomendaciones for j in r.justificaciones}
    pares |= {(r, j.numero) for j in procedimiento.justificaciones for r in j.recomendaciones}
    return sorted((r, j) for r, j in pares if r in recomendaciones and j in justificaciones)


def _oportunidad(informe: Informe) -> dict:
    """Días hábiles entre la notificación y la respuesta, contra el plazo (extractores/plazos.py:
    sin fines de semana, días festivos ni los días inhábiles declarados por el auditor)."""
    return plazos.oportunidad(informe)


def _filas_normalizacion(informe: Informe) -> list[dict]:
    filas = []
    for n in (
        normalizacion.entes().normalizar(informe.ente_fiscalizado),
        normalizacion.programas().normalizar(informe.programa),
    ):
        if n.valor:
            filas.append(
                {"campo": n.campo, "valor": n.valor, "id": n.id, "nombre": n.nombre,
                 "puntaje": n.puntaje, "metodo": n.metodo, "revisar": n.revisar}
            )  # fmt: skip
    for area in sorted({p.area for p in informe.procedimientos if p.area}):
        nombre, puntaje, metodo = areas().resolver(area)
        filas.append(
            {"campo": "area", "valor": area, "id": normalizacion.slug(nombre), "nombre": nombre,
             "puntaje": puntaje, "metodo": metodo, "revisar": metodo != "exacto"}
        )  # fmt: skip
    return filas


def marcos(
    resultados: list[Resultado], copias: dict[str, str] | None = None
) -> dict[str, pd.DataFrame]:
    """Un DataFrame por tabla, con las columnas del contrato, ordenado por su llave. `copias`:
    sha256 -> ruta de la copia del PDF junto a las tablas (`pdf/<sha256>.pdf`)."""
    copias = copias or {}
    publicados = vigentes(resultados)
    filas: dict[str, list[dict]] = {t.nombre: [] for t in TABLAS}
    for resultado in publicados.values():
        for nombre, renglones in filas_de_informe(resultado).items():
            filas[nombre].extend(renglones)
    unicas = {(f["campo"], f["valor"]): f for f in filas["normalizacion"]}
    filas["normalizacion"] = list(unicas.values())
    vigentes_sha = {r.documento.sha256 for r in publicados.values()}
    for resultado in resultados:
        filas["documentos"].append(
            {**asdict(resultado.documento), "vigente": resultado.documento.sha256 in vigentes_sha,
             "pdf": copias.get(resultado.documento.sha256, "")}
        )  # fmt: skip
    return {t.nombre: _marco(t, filas[t.nombre]) for t in TABLAS}


def _marco(tabla: Tabla, renglones: list[dict]) -> pd.DataFrame:
    import pandas as pd

    marco = pd.DataFrame(renglones, columns=tabla.columnas)
    for campo in tabla.campos:
        if campo.tipo == "integer":
            marco[campo.nombre] = marco[campo.nombre].astype("Int64")
        elif campo.tipo == "number":
            marco[campo.nombre] = marco[campo.nombre].astype("Float64")
        elif campo.tipo == "boolean":
            marco[campo.nombre] = marco[campo.nombre].astype("boolean")
        else:
            marco[campo.nombre] = marco[campo.nombre].astype("string")
    orden = list(tabla.llave) + [c for c in tabla.columnas if c not in tabla.llave]
    marco = marco.sort_values(orden, kind="mergesort", na_position="first")
    if tabla.unica:
        # Un informe con la numeración rota (dos «Procedimiento 3») no debe romper la llave
        # de la tabla: se publica el primero; la alerta de numeración ya lo señala.
        marco = marco.drop_duplicates(subset=list(tabla.llave), keep="first")
    return marco.reset_index(drop=True)


def calentar() -> None:
    """Lo que la primera publicación haría una vez, antes de tener qué publicar: cargar los
    catálogos y armar, convertir y ordenar una tabla vacía de cada una (la primera vez pandas y
    pyarrow importan módulos y arman cachés)."""
    normalizacion.entes()
    normalizacion.programas()
    areas()
    for tabla in TABLAS:
        marco = _marco(tabla, [])
        formatos_salida.tabla_arrow(tabla, marco)
        formatos_salida.valores_sqlite(marco[tabla.columnas[0]])


def escribir_csv(marco: pd.DataFrame, destino: Path) -> None:
    with escritura_atomica(destino) as archivo:
        marco.to_csv(archivo, index=False, lineterminator="\n")


def escribir_json_informe(
    resultado: Resultado, carpeta: Path, copia_de: Path | None = None
) -> Path:
    """`carpeta/<informe>.json`: el documento y el informe. `copia_de`: la entrada de la caché
    de ese resultado, que tiene exactamente ese contenido; copiarla evita volver a serializar."""
    informe = resultado.informe
    assert informe is not None
    destino = carpeta / f"{nombre_de_archivo(informe.informe_id)}.json"
    if copia_de is not None and copia_de.is_file():
        with ruta_temporal(destino) as temporal:
            shutil.copyfile(copia_de, temporal)
        return destino
    datos = {"documento": asdict(resultado.documento), "informe": asdict(informe)}
    with escritura_atomica(destino) as archivo:
        archivo.write(json.dumps(datos, ensure_ascii=False))
    return destino


CARPETA_PDF = "pdf"


def copias_pdf(salida: Path) -> dict[str, str]:
    """sha256 -> `pdf/<sha256>.pdf` de las copias de los PDF que hay junto a las tablas."""
    carpeta = salida / CARPETA_PDF
    if not carpeta.is_dir():
        return {}
    return {a.stem: f"{CARPETA_PDF}/{a.name}" for a in sorted(carpeta.glob("*.pdf"))}


def copiar_pdf(origen: Path, sha256: str, salida: Path) -> Path:
    """Guarda una copia del PDF publicado en `salida/pdf/<sha256>.pdf` (una vez: el nombre es
    su contenido), para enlazar cada fila a su página aunque el sitio cambie o desaparezca."""
    destino = salida / CARPETA_PDF / f"{sha256}.pdf"
    if not destino.is_file():
        with ruta_temporal(destino) as temporal:
            shutil.copyfile(origen, temporal)
    return destino


def terminar(salida: Path, bases: almacen.Bases | None = None) -> None:
    """Lo que sale de las bases ya escritas: CSV y Parquet, datapackage.json y el diccionario.
    `bases`: las de la publicación, si siguen abiertas."""
    if bases is None:
        almacen.exportar(salida)
    else:
        bases.exportar()
    formatos_salida.escribir_datapackage(salida / "datapackage.json")
    formatos_salida.escribir_diccionario(salida / "diccionario.md")


def quitar_json_sobrantes(salida: Path, indice: dict[str, almacen.Publicado]) -> None:
    """Tras reconstruir: fuera los `json/*.json` de informes que ya no tienen versión vigente."""
    esperados = {
        f"{nombre_de_archivo(p.documento.informe_id)}.json" for p in indice.values() if p.vigente
    }
    for sobrante in (salida / "json").glob("*.json"):
        if sobrante.name not in esperados:
            sobrante.unlink()


def _vigentes_de(documentos: Iterable[Documento], informes: set[str]) -> dict[str, str]:
    """informe_id -> sha256 de su versión publicada, entre los documentos de esos informes."""
    candidatos: dict[str, list[Documento]] = defaultdict(list)
    for documento in documentos:
        if documento.informe_id in informes and documento.estado in ("ok", "parcial"):
            candidatos[documento.informe_id].append(documento)
    return {i: min(ds, key=_preferencia).sha256 for i, ds in candidatos.items()}


def publicar_cambios(
    cambios: list[Resultado],
    indice: dict[str, almacen.Publicado],
    salida: Path,
    leer_resultado: Callable[[str], Resultado | None],
    cache: Path | None = None,
    bases: almacen.Bases | None = None,
) -> None:
    """Agrega o reemplaza en las bases sólo los informes que tocan `cambios` (resultados nuevos o
    cambiados): cuesta sus filas, no el tamaño del archivo. `indice`: lo publicado antes
    (`almacen.leer_indice`), que se pone al día aquí; `leer_resultado(sha256)`: un resultado de
    la caché (la versión vigente de un informe puede ser un documento que no cambió). Los CSV y
    Parquet se exportan después, una vez (`terminar`). `cache`: la carpeta de la caché, de donde
    se copia el JSON de cada informe; `bases`: las bases abiertas de la publicación (si no, se
    abren y se cierran aquí)."""
    por_sha = {r.documento.sha256: r for r in cambios}
    documentos = {sha: p.documento for sha, p in indice.items()}
    documentos.update({sha: r.documento for sha, r in por_sha.items()})
    afectados = {r.documento.informe_id for r in cambios}
    afectados |= {indice[sha].documento.informe_id for sha in por_sha if sha in indice}
    afectados.discard("")
    antes = {p.documento.informe_id: sha for sha, p in indice.items() if p.vigente}
    ahora = _vigentes_de(documentos.values(), afectados)
    reemplazados = {i for i in afectados if ahora.get(i) != antes.get(i) or ahora.get(i) in por_sha}
    filas: dict[str, list[dict]] = {t.nombre: [] for t in TABLAS}
    carpeta_json = salida / "json"
    for informe_id in sorted(reemplazados):
        sha = ahora.get(informe_id)
        if sha is None:  # ya no hay versión publicable de este informe
            (carpeta_json / f"{nombre_de_archivo(informe_id)}.json").unlink(missing_ok=True)
            continue
        resultado = por_sha.get(sha) or leer_resultado(sha)
        if resultado is None:  # su caché se borró: el informe queda fuera hasta que se relea
            ahora.pop(informe_id)
            continue
        for nombre, renglones in filas_de_informe(resultado).items():
            filas[nombre].extend(renglones)
        copia = None if cache is None else cache / f"{sha}.json"
        escribir_json_informe(resultado, carpeta_json, copia)
    actualizados = set(por_sha) | {
        sha for sha, d in documentos.items() if d.informe_id in afectados
    }
    publicados = set(ahora.values())
    for sha in sorted(actualizados):
        copia = salida / CARPETA_PDF / f"{sha}.pdf"
        filas["documentos"].append(
            {**asdict(documentos[sha]), "vigente": sha in publicados,
             "pdf": f"{CARPETA_PDF}/{copia.name}" if copia.is_file() else ""}
        )  # fmt: skip
    marcos_ = {t.nombre: _marco(t, filas[t.nombre]) for t in TABLAS}
    cambio = almacen.Cambio(informes=reemplazados, documentos=actualizados, filas=marcos_)
    if bases is None:
        almacen.actualizar(salida, cambio)
    else:
        bases.actualizar(cambio)
    for sha in actualizados:
        indice[sha] = almacen.Publicado(documentos[sha], sha in publicados)
