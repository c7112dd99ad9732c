"""El formato de la ASF en piezas: resumen, acciones, numeración, dictamen y la verificación
contra el resumen del propio informe, sobre líneas y PDF reales de las muestras."""

from __future__ import annotations

from pathlib import Path

from extractores import asf_informe_individual as asf
from extractores.documento import procesar_archivo
from modelos.registros import Accion, Linea, ResultadoAuditoria
from tests.conftest import EJEMPLOS


def _lineas(*textos: str, pagina: int = 1) -> list[Linea]:
    return [
        Linea(t, pagina, 56.0, 60.0 + 12 * i, 70.0 + 12 * i, 10.0) for i, t in enumerate(textos)
    ]


def test_resumen_de_nuevo_leon() -> None:
    texto = (
        "Se determinaron 23 resultados, de los cuales, en 11 no se detectaron irregularidades y 2 "
        "fueron solventados por la entidad fiscalizada antes de la emisión de este Informe. Los 10 "
        "restantes generaron: 4 Recomendaciones, 1 Promoción de Responsabilidad Administrativa "
        "Sancionatoria y 5 Pliegos de Observaciones."
    )
    assert asf._resumen(texto) == {
        "resultados": 23,
        "sin_observaciones": 11,
        "solventados": 2,
        "con_acciones": 10,
        "acciones_por_tipo": {
            "Recomendación": 4,
            "Promoción de Responsabilidad Administrativa Sancionatoria": 1,
            "Pliego de Observaciones": 5,
        },
    }


def test_tipo_de_accion_que_sigue_en_la_otra_linea() -> None:
    cuerpo, acciones = asf._acciones(
        _lineas(
            "Texto del resultado.",
            "2024-K-19000-23-1402-08-001 Promoción de Responsabilidad Administrativa",
            "Sancionatoria",
            "La Auditoría Superior de la Federación comunica al Órgano Interno de Control ...",
            "2024-G-19000-23-1402-06-002 Pliego de Observaciones",
            "Se presume un probable daño por un monto de 204,589.40 pesos (doscientos cuatro mil).",
        )
    )
    assert [x.texto for x in cuerpo] == ["Texto del resultado."]
    assert [(a.clave, a.tipo, a.monto) for a in acciones] == [
        (
            "2024-K-19000-23-1402-08-001",
            "Promoción de Responsabilidad Administrativa Sancionatoria",
            None,
        ),
        ("2024-G-19000-23-1402-06-002", "Pliego de Observaciones", 204589.4),
    ]


def test_lista_interna_no_es_resultado() -> None:
    crudos = asf._por_numero(
        _lineas(
            "1. Evaluación del Control Interno",
            "Se aplicó el cuestionario.",
            "2. La Cámara pagó un total de 5,968,035.5 miles de",
            "pesos como sigue:",
            "1. De la partida 1110 se verificó el pago.",
            "2. Las partidas 1130 y 1340 se comprobaron.",
            "3. En la partida 1210 se constató el pago.",
            "4. Por lo que hace a la partida 1230 se verificó.",
            "En conclusión, los pagos se realizaron conforme a la norma.",
            "3. El pago de aportaciones ascendió a 327,080.7 miles de pesos.",
        )
    )
    assert [(c.numero, c.titulo) for c in crudos] == [
        (1, "Evaluación del Control Interno"),
        (2, ""),
        (3, ""),
    ]


def test_dictamen_con_salvedades() -> None:
    from extractores.dictamen import dictamen

    frase = (
        "En conclusión, el Congreso realizó, en general, una gestión razonable de los recursos, "
        "excepto por las áreas de oportunidad identificadas en este informe."
    )
    assert dictamen(frase)[0] == "cumplió con salvedades"


def test_resumen_coincide_sin_alerta() -> None:
    resultados = [
        ResultadoAuditoria(1, "", 1, estado="sin observaciones"),
        ResultadoAuditoria(
            2, "", 1, estado="con acciones", acciones=[Accion("c", "Recomendación", "", 1)]
        ),
    ]
    informe = asf.Informe("asf:x", "ASF", "x", resultados=resultados)
    informe.resumen = asf.contar(resultados)
    assert asf._alertas(informe) == []
    informe.resumen = {**informe.resumen, "sin_observaciones": 2, "con_acciones": 0}
    assert [a.tipo for a in asf._alertas(informe)] == ["resumen no coincide"]


def test_pdf_al_que_le_faltan_lineas_no_cuadra_con_su_resumen() -> None:
    """El `informe.pdf` de la muestra de Nuevo León perdió las líneas que no cupieron en seis
    páginas: la verificación contra el resumen lo nota y el documento queda `parcial`."""
    obtenido = procesar_archivo(EJEMPLOS / "fuentes" / "asf-2024-1402.recortado.pdf")
    assert obtenido.documento.formato == "asf-informe-individual"
    assert obtenido.documento.estado == "parcial"
    assert "Resumen no coincide" in obtenido.documento.error
    assert [a.tipo for a in obtenido.informe.alertas] == ["resumen no coincide"]


def test_nuevo_leon_completo_cuadra() -> None:
    obtenido = procesar_archivo(Path(EJEMPLOS / "asf-2024-1402.texto.pdf"))
    informe = obtenido.informe
    assert obtenido.documento.estado == "ok"
    assert informe.resumen == asf.contar(informe.resultados)
    assert (
        sum(a.monto or 0 for r in informe.resultados for a in r.acciones)
        == informe.monto_por_aclarar
    )


def test_fuente_de_la_asf_como_datos() -> None:
    from flows import fuentes

    fuente = fuentes.cargar("asf")
    assert fuente.permitido(
        "https://www.asf.gob.mx/Trans/Informes/IR2024b/Documentos/Auditorias/2024_0031_a.pdf"
    )
    assert not fuente.permitido("https://ejemplo.com/2024_0031_a.pdf")
    assert fuente.es_informe(
        "https://www.asf.gob.mx/Trans/Informes/IR2024b/Documentos/Auditorias/2024_0031_a.pdf", ""
    )
    assert fuente.se_sigue("https://www.asf.gob.mx/Section/357_Informes_Individuales", "")
    assert not fuente.es_informe("https://www.asf.gob.mx/Section/58_Quienes_somos", "Quiénes somos")


def _escaneadas(*textos: str, pagina: int = 1) -> list[Linea]:
    """Renglones de OCR; su borde derecho, por su largo (un renglón lleno llega a 530)."""
    return [
        Linea(
            t,
            pagina,
            78.0,
            100.0 + 14 * i,
            108.0 + 14 * i,
            7.6,
            ocr=True,
            x1=min(530.0, 78.0 + 5.4 * len(t)),
        )
        for i, t in enumerate(textos)
    ]


def test_encabezado_de_resultado_con_coma_del_ocr() -> None:
    """El OCR lee el punto de «núm.» como coma («Resultado núm, 2», escaneo asf-63-003): sigue
    siendo el encabezado y los resultados que siguen no se pierden dentro del primero."""
    crudos = asf._por_palabra(
        _escaneadas(
            "Resultado núm. 1",
            "Se verificó el registro de los ingresos.",
            "Resultado núm, 2",
            "Con la revisión de la plantilla de personal se constató lo siguiente.",
            "Resultado núm. 3",
            "Se realizaron pagos sin documentación.",
        )
    )
    assert [(c.numero, len(c.lineas)) for c in crudos] == [(1, 1), (2, 1), (3, 1)]


def test_numero_de_resultado_mal_leido_por_el_ocr() -> None:
    """El OCR lee el 5 de «Resultado núm. 5» como «$» (escaneo asf-63-004) o como «S»: es el
    encabezado si es el número que sigue; en un PDF con texto, o si no es el que sigue, no."""
    crudos = asf._por_palabra(
        _escaneadas(
            "Resultado núm. 1",
            "Se verificó el registro de los ingresos.",
            "Resultado núm. $",
            "Se realizó la evaluación del control interno.",
            "Resultado núm. 3",
            "Se revisaron los expedientes.",
        )
    )
    assert [c.numero for c in crudos] == [1]  # «$» no es el 2
    crudos = asf._por_palabra(
        _escaneadas(
            *[t for n in range(1, 5) for t in (f"Resultado núm. {n}", f"Texto del {n}.")],
            "Resultado núm. $",
            "Se realizó la evaluación del control interno.",
            "Resultado núm. 6",
            "Se revisaron los expedientes.",
        )
    )
    assert [c.numero for c in crudos] == [1, 2, 3, 4, 5, 6]
    assert asf._es_encabezado_resultado(_escaneadas("Resultado núm. S")[0]) == 5
    assert asf._es_encabezado_resultado(_escaneadas("Resultado núm. l0")[0]) == 10
    assert asf._es_encabezado_resultado(_lineas("Resultado núm. $")[0]) is None
    assert asf._es_encabezado_resultado(_escaneadas("Resultado núm. la")[0]) is None


def test_conteo_del_resumen_mal_leido_por_el_ocr() -> None:
    """El OCR lee el 1 de «generaron: 1 Recomendación» como «|» (escaneos asf-b de las semillas
    63, 65 y 66): en un resumen escaneado cuenta como 1, y la verificación no da una alerta
    falsa. En un PDF con texto no se adivina."""
    texto = (
        "Se determinaron 7 resultados, de los cuales, en 3 no se detectaron irregularidades y 1 "
        "fueron solventados por la entidad fiscalizada antes de la emisión de este Informe. Los 3 "
        "restantes generaron: | Recomendación, 1 Promoción de Responsabilidad Administrativa "
        "Sancionatoria, 1 Pliego de Observaciones y l Denuncia de Hechos."
    )
    assert asf._resumen(texto, ocr=True)["acciones_por_tipo"] == {
        "Recomendación": 1,
        "Promoción de Responsabilidad Administrativa Sancionatoria": 1,
        "Pliego de Observaciones": 1,
        "Denuncia de Hechos": 1,
    }
    assert "Recomendación" not in asf._resumen(texto)["acciones_por_tipo"]
    total = asf._resumen(
        "Se determinaron l0 resultados, de los cuales, en O no se detectaron", ocr=True
    )
    assert (total["resultados"], total["sin_observaciones"]) == (10, 0)


def test_signo_tras_el_numero_del_encabezado_en_un_escaneo() -> None:
    """El OCR deja un punto o dos puntos después del número («Resultado núm. 4.», «Resultado
    núm. 7:», escaneos a 150 ppp de la semilla 67): sigue siendo el encabezado en un escaneo;
    en un PDF con texto, «Resultado núm. 4.» es el final de una oración."""
    assert asf._es_encabezado_resultado(_escaneadas("Resultado núm. 4.")[0]) == 4
    assert asf._es_encabezado_resultado(_escaneadas("Resultado núm. 7:")[0]) == 7
    assert asf._es_encabezado_resultado(_lineas("Resultado núm. 4.")[0]) is None
    crudos = asf._por_palabra(
        _escaneadas(
            "Resultado núm. 1",
            "Se verificó el registro de los ingresos.",
            "Resultado núm. 2.",
            "Se determinaron pagos sin documentación.",
            "2023-1-50019-15-0230-11-001 Multa",
            "La Auditoría Superior de la Federación impondrá una multa.",
        )
    )
    assert [(c.numero, len(c.lineas)) for c in crudos] == [(1, 1), (2, 3)]


def test_clave_de_accion_con_espacios_del_ocr() -> None:
    """El OCR mete espacios en la clave («2022-9-01100-1 9-1008-08-001», «…-0051 -06-001»,
    escaneos a 150 ppp de la semilla 67) o lee el 0 como O: en un escaneo es la acción, con su
    clave compacta, si sigue un tipo conocido; una fila de cifras no es una acción."""
    cuerpo, acciones = asf._acciones(
        _escaneadas(
            "acredita 1,538,997.80 pesos, por lo que persiste lo observado.",
            "2022-9-01100-1 9-1008-08-001 Promoción de Responsabilidad Administrativa",
            "Sancionatoria",
            "La Auditoría Superior de la Federación comunica la Promoción de Responsabilidad.",
            "2024-A-28000-04-0051 -06-001 Pliego de Observaciones",
            "Se presume un probable daño por un monto de 309,736.69 pesos.",
            "2O24-0-O1100-19-0031-01-00l Recomendación",
            "Para que la entidad fiscalizada implemente mecanismos de control.",
            "2024 0 01100 19 0031 01 002 99,563.7 471,928.5",
        )
    )
    assert len(cuerpo) == 1
    assert [(a.clave, a.tipo, a.monto) for a in acciones] == [
        (
            "2022-9-01100-19-1008-08-001",
            "Promoción de Responsabilidad Administrativa Sancionatoria",
            None,
        ),
        ("2024-A-28000-04-0051-06-001", "Pliego de Observaciones", 309736.69),
        ("2024-0-01100-19-0031-01-001", "Recomendación", None),
    ]
    assert acciones[2].texto.endswith("99,563.7 471,928.5")
    # En un PDF con texto la clave es la que está escrita.
    assert asf._acciones(_lineas("2024-A-28000-04-0051 -06-001 Pliego de Observaciones"))[1] == []


def test_clave_de_auditoria_con_espacios_del_ocr() -> None:
    texto = "Auditoría De Cumplimiento: 2024-0-12100-23-001 1-2025"
    clave = asf._clave_auditoria(texto, ocr=True)
    assert asf._compactar_clave(clave.group("clave"), asf.GRUPOS_CLAVE_AUDITORIA) == (
        "2024-0-12100-23-0011-2025"
    )
    assert asf._clave_auditoria(texto, ocr=False) is None


def test_tipo_de_accion_con_una_letra_mal_leida() -> None:
    """«… de la Facultad / de Comprobaeión Fiscal E» (escaneo a 150 ppp de la semilla 67): el
    tipo sigue en la otra línea y una palabra larga con una letra mal leída es la del tipo."""
    _, acciones = asf._acciones(
        _escaneadas(
            "29,352.89 pesos, con lo que persiste lo observado.",
            "2022-G-32000-02-0024-05-001 Promoción del Ejercicio de la Facultad",
            "de Comprobaeión Fiscal E",
            "Para que el Servicio de Administración Tributaria instruya a quien corresponda.",
        )
    )
    assert [(a.tipo, a.texto[:8]) for a in acciones] == [
        ("Promoción del Ejercicio de la Facultad de Comprobación Fiscal", "Para que")
    ]
    tipos = asf.tipos_accion()
    assert tipos.canonico("Recomendacion al Desempeno") == "Recomendación al Desempeño"
    assert tipos.incompleto("Recomendación al")
    assert tipos.canonico("Informe del auditor") == "Informe del auditor"
    resumen = asf._resumen(
        "Se determinaron 2 resultados. Los 2 restantes generaron: 2 Solicitudes de Aelaración."
    )
    assert resumen["acciones_por_tipo"] == {"Solicitud de Aclaración": 2}


def test_signos_sueltos_del_ocr_en_el_resumen() -> None:
    """«Se. determinaron», «en 2.no se detectaron» (escaneos a 150 ppp de la semilla 67) y «no:se
    detectaron» (69-003): en un resumen escaneado los signos sueltos no impiden leer los
    conteos."""
    resumen = asf._resumen(
        "Se determinaron 4 resultados, en 4 no:se detectaron irregularidades.", True
    )
    assert resumen["sin_observaciones"] == 4
    texto = (
        "Se. determinaron 7 resultados, de los cuáles, en 2.no se detectaron irregularidades y 2 "
        "fueron solventados por la entidad fiscalizada antes de la emisión de este Informe. Los 3 "
        "restantes generaron: 1 Promoción de Responsabilidad Administrativa Sancionatoria, 1 "
        "Pliego de Observaciones y 1 Denuncia de Hechos."
    )
    assert asf._resumen(texto, ocr=True) == {
        "resultados": 7,
        "sin_observaciones": 2,
        "solventados": 2,
        "con_acciones": 3,
        "acciones_por_tipo": {
            "Promoción de Responsabilidad Administrativa Sancionatoria": 1,
            "Pliego de Observaciones": 1,
            "Denuncia de Hechos": 1,
        },
    }


def test_monto_con_espacios_del_ocr() -> None:
    """«por un monto de 1,21 1 ,871.69 pesos» (escaneo a 150 ppp 67-008) se leía 871.69 sin
    avisar; «1,793,593. 19 paros (un millón…» no se leía (67-000). En un escaneo el monto se lee
    junto si así tiene la forma de un monto; si no, la acción queda sin monto."""
    assert asf._monto("por un monto de 1,21 1 ,871.69 pesos (un millón doscientos", True) == (
        1211871.69
    )
    assert asf._monto("por un monto de 1,793,593. 19 paros (un millón setecientos", True) == (
        1793593.19
    )
    assert asf._monto("por un monto de 1,21 ,871.69 pesos (un millón", True) is None
    assert asf._monto("por 8 meses (de enero a agosto) por 24,171.45 pesos (veinte", True) == (
        24171.45
    )
    assert asf._monto("por un monto de 24,171.45 pesos (veinticuatro mil", False) == 24171.45


def test_mota_tras_el_punto_final_antes_de_un_resultado() -> None:
    """«Federación. ?» (escaneo a 150 ppp 68-004): la mota después del punto no impide ver que
    la oración terminó, y «2. Registro e información financiera» abre el resultado 2."""
    crudos = asf._por_numero(
        _escaneadas(
            "1. Evaluación del Control Interno",
            "Los términos de esta recomendación quedan asentados en términos del artículo 42 de",
            "la Ley de Fiscalización y Rendición de Cuentas de la",
            "Federación. ?",
            "2. Registro e información financiera",
            "Con la revisión de los estados de cuenta se verificó el registro de los ingresos.",
        )
    )
    assert [(c.numero, c.titulo) for c in crudos] == [
        (1, "Evaluación del Control Interno"),
        (2, "Registro e información financiera"),
    ]


def test_mota_antes_del_encabezado_en_un_escaneo() -> None:
    """«- Resultado núm. 8» (escaneo a 150 ppp 68-003 perdía los resultados 8 a 11)."""
    assert asf._es_encabezado_resultado(_escaneadas("- Resultado núm. 8")[0]) == 8
    assert asf._es_encabezado_resultado(_lineas("- Resultado núm. 8")[0]) is None


def test_palabra_resultado_ilegible_en_el_encabezado() -> None:
    """«esilidó núm. 9» (escaneo a 150 ppp 68-001 perdía el resultado 9): en un escaneo, una
    palabra y «núm. N» solos en el renglón son el encabezado si N es el número que sigue."""
    lineas = [t for n in range(1, 9) for t in (f"Resultado núm. {n}", f"Texto del {n}.")]
    crudos = asf._por_palabra(
        _escaneadas(*lineas, "esilidó núm. 9", "Con la revisión de la plantilla de personal.")
    )
    assert [c.numero for c in crudos] == list(range(1, 10))
    assert asf._es_encabezado_resultado(_lineas("esilidó núm. 9")[0]) is None
    assert asf._es_encabezado_resultado(_escaneadas("de núm. 9")[0]) is None


def test_tipo_de_accion_con_signos_o_dos_letras_mal_leidas() -> None:
    """«Promoción del.» / «Ejercicio de la Facultad de Comprobación Fiscal» y «Promoción de
    Resporabilidad Administrativa» (escaneo a 150 ppp 68-003): el punto pegado no corta el
    tipo, y una palabra larga se reconoce con dos letras mal leídas."""
    _, acciones = asf._acciones(
        _escaneadas(
            "por lo que persiste lo observado.",
            "2022-A-28000-02-0054-05-001 Promoción del.",
            "Ejercicio de la Facultad de Comprobación Fiscal",
            "Para que el Servicio de Administración Tributaria instruya a quien corresponda.",
            "2022-K-28000-02-0054-08-001 Promoción de Resporabilidad Administrativa",
            "Sancionatoria",
            "La Auditoría Superior de la Federación comunica la Promoción.",
        )
    )
    assert [(a.tipo, a.texto[:8]) for a in acciones] == [
        ("Promoción del Ejercicio de la Facultad de Comprobación Fiscal", "Para que"),
        ("Promoción de Responsabilidad Administrativa Sancionatoria", "La Audit"),
    ]


def test_encabezado_con_el_numero_ilegible() -> None:
    """El OCR leyó «3. Revisión del contrato …» como «A Revisión del contrato …» (escaneo a 150
    ppp 68-000 perdía los resultados 3 a 10): al llegar «4.», el único renglón del resultado 2
    con forma de encabezado tras una o dos letras es el del 3. Sin ese renglón, no se salta."""
    renglones = [
        "1. De la solicitud de información a la Comisión Nacional Bancaria y de Valores (CNBV),",
        "se constató que las operaciones fueron pagadas con recursos del presupuesto autorizado.",
        "2. Con la revisión de pólizas de egresos, CFDI y transferencias bancarias, pagados con",
        "recursos del presupuesto autorizado, se determinó que la Cámara de Diputados no presentó",
        "los comprobantes fiscales, en incumplimiento de la Ley, artículo 66, fracción 111.",
        "A Revisión del contrato número LXVI-DGAJ-056/2023",
        "Revisión al procedimiento de contratación",
        "El Comité de Adquisiciones autorizó la contratación, en cumplimiento de la normativa.",
        "4. Con la revisión de los expedientes laborales y las constancias de los trabajadores,",
        "se determinó que la Cámara de Diputados realizó pagos sin contar con la documentación.",
    ]
    crudos = asf._por_numero(_escaneadas(*renglones))
    assert [(c.numero, c.titulo, len(c.lineas)) for c in crudos] == [
        (1, "", 2),
        (2, "", 3),
        (3, "Revisión del contrato número LXVI-DGAJ-056/2023", 2),
        (4, "", 2),
    ]
    sin_encabezado = [r for r in renglones if not r.startswith("A Revisión")]
    assert [c.numero for c in asf._por_numero(_escaneadas(*sin_encabezado))] == [1, 2]
    assert [c.numero for c in asf._por_numero(_lineas(*renglones))] == [1, 2]


def test_guion_pegado_al_numero_del_resultado() -> None:
    """«6.-Pagos con documentación incompleta» (escaneo a 150 ppp 69-001 perdía el resultado
    6): abre el resultado que sigue; «4.-Supervisión» tras el inciso 3 sigue la lista."""
    renglones = [
        "5. Con el fin de verificar los controles internos se determinó lo siguiente:",
        "1.- Información y comunicación",
        "Se constató que contó con normas en materia de información.",
        "2.- Actividades de control",
        "Se constató que contó con normas en materia de actividades de control.",
        "3.-Supervisión",
        "Se constató que contó con normas en materia de supervisión.",
        "En conclusión, se constató que contó con un sistema de control interno.",
        "6.-Pagos con documentación incompleta",
        "Con la revisión de pólizas de egresos se determinó que realizó pagos.",
    ]
    lineas = _escaneadas(*[t for n in range(1, 5) for t in (f"{n}. Título {n}", "Texto.")])
    crudos = asf._por_numero(lineas + _escaneadas(*renglones))
    assert [(c.numero, c.titulo) for c in crudos][4:] == [
        (5, ""),
        (6, "Pagos con documentación incompleta"),
    ]
    assert len(crudos[4].lineas) == 8
    supervision = _escaneadas(
        "4.-Supervisión", "Se constató que contó con normas en materia de supervisión y control."
    )
    assert asf._guion_del_ocr(supervision[0], supervision, esperado=4, interno=3) is None
    assert asf._guion_del_ocr(supervision[0], supervision, esperado=4, interno=0) is not None


def test_signo_entre_num_y_el_numero_en_un_escaneo() -> None:
    """«Resultado núm.:4» (escaneo a 150 ppp 69-002 perdía los resultados 4 a 9)."""
    assert asf._es_encabezado_resultado(_escaneadas("Resultado núm.:4")[0]) == 4
    assert asf._es_encabezado_resultado(_escaneadas("Resultado núm .,5")[0]) == 5
    assert asf._es_encabezado_resultado(_lineas("Resultado núm.:4")[0]) is None


def test_palabra_solventados_ilegible_en_el_resumen() -> None:
    """«y 1 fueron o / por la entidad fiscalizada» (escaneo a 150 ppp 69-007): en un resumen
    escaneado, «N fueron» cuenta los solventados."""
    texto = (
        "Se determinaron 7 resultados, de los cuales, en 4 no se detectaron irregularidades y 1 "
        "fueron o por la entidad fiscalizada antes de la emisión de este Informe. Los 2 "
        "restantes generaron: 1 Denuncia de Hechos y 1 Multa."
    )
    assert asf._resumen(texto, ocr=True)["solventados"] == 1
    assert asf._resumen(texto)["solventados"] == 0


def test_signo_entre_las_palabras_de_un_encabezado_de_seccion() -> None:
    """«Montos por. Aclarar» (escaneo a 150 ppp 69-006): sin reconocer la sección, el monto por
    aclarar del informe se perdía y quedaba como monto de la última acción (una recomendación)."""
    secciones = asf._partir_secciones(
        _escaneadas(
            "Resultados",
            "Resultado núm. 1",
            "2022-1-50019-02-0049-01-001 Recomendación",
            "Para que el Instituto implemente mecanismos de control.",
            "Montos por. Aclarar",
            "Se determinaron 37,036.94 pesos pendientes por aclarar.",
        )
    )
    assert [x.texto for x in secciones.por_nombre["montos"]] == [
        "Se determinaron 37,036.94 pesos pendientes por aclarar."
    ]
    assert asf._seccion_de(_lineas("Montos por. Aclarar")[0]) is None
