-- Vistas listas para consultar (DuckDB y SQLite). Una sentencia por vista, terminada en «;».

-- Atención de recomendaciones por ente (todas sus auditorías).
CREATE VIEW atencion_por_ente AS
SELECT i.ente_id,
       MIN(i.ente_normalizado) AS ente,
       COUNT(DISTINCT i.informe_id) AS informes,
       COUNT(*) AS recomendaciones,
       CAST(SUM(CASE WHEN r.estatus = 'atendida' THEN 1 ELSE 0 END) AS INTEGER) AS atendidas,
       CAST(SUM(CASE WHEN r.estatus = 'no atendida' THEN 1 ELSE 0 END) AS INTEGER) AS no_atendidas,
       CAST(SUM(CASE WHEN r.estatus = 'sin determinar' THEN 1 ELSE 0 END) AS INTEGER) AS sin_determinar,
       ROUND(1.0 * SUM(CASE WHEN r.estatus = 'atendida' THEN 1 ELSE 0 END) / COUNT(*), 4) AS tasa_atencion
FROM recomendaciones r JOIN informes i ON i.informe_id = r.informe_id
GROUP BY i.ente_id
ORDER BY i.ente_id;

-- Atención de recomendaciones por área del procedimiento.
CREATE VIEW atencion_por_area AS
SELECT p.area_normalizada AS area,
       COUNT(*) AS recomendaciones,
       CAST(SUM(CASE WHEN r.estatus = 'atendida' THEN 1 ELSE 0 END) AS INTEGER) AS atendidas,
       CAST(SUM(CASE WHEN r.estatus = 'no atendida' THEN 1 ELSE 0 END) AS INTEGER) AS no_atendidas,
       CAST(SUM(CASE WHEN r.estatus = 'sin determinar' THEN 1 ELSE 0 END) AS INTEGER) AS sin_determinar,
       ROUND(1.0 * SUM(CASE WHEN r.estatus = 'atendida' THEN 1 ELSE 0 END) / COUNT(*), 4) AS tasa_atencion
FROM recomendaciones r
JOIN procedimientos p ON p.informe_id = r.informe_id AND p.procedimiento = r.procedimiento
GROUP BY p.area_normalizada
ORDER BY p.area_normalizada;

-- Atención de recomendaciones por ejercicio fiscal auditado.
CREATE VIEW atencion_por_ejercicio AS
SELECT i.ejercicio,
       COUNT(DISTINCT i.informe_id) AS informes,
       COUNT(*) AS recomendaciones,
       CAST(SUM(CASE WHEN r.estatus = 'atendida' THEN 1 ELSE 0 END) AS INTEGER) AS atendidas,
       CAST(SUM(CASE WHEN r.estatus = 'no atendida' THEN 1 ELSE 0 END) AS INTEGER) AS no_atendidas,
       CAST(SUM(CASE WHEN r.estatus = 'sin determinar' THEN 1 ELSE 0 END) AS INTEGER) AS sin_determinar,
       ROUND(1.0 * SUM(CASE WHEN r.estatus = 'atendida' THEN 1 ELSE 0 END) / COUNT(*), 4) AS tasa_atencion
FROM recomendaciones r JOIN informes i ON i.informe_id = r.informe_id
GROUP BY i.ejercicio
ORDER BY i.ejercicio;

-- Dictámenes por ente.
CREATE VIEW dictamen_por_ente AS
SELECT ente_id,
       MIN(ente_normalizado) AS ente,
       COUNT(*) AS informes,
       CAST(SUM(CASE WHEN dictamen = 'cumplió' THEN 1 ELSE 0 END) AS INTEGER) AS cumplio,
       CAST(SUM(CASE WHEN dictamen = 'no cumplió' THEN 1 ELSE 0 END) AS INTEGER) AS no_cumplio,
       CAST(SUM(CASE WHEN dictamen = 'se abstiene de opinar' THEN 1 ELSE 0 END) AS INTEGER) AS se_abstiene,
       CAST(SUM(CASE WHEN dictamen IS NULL OR dictamen = '' THEN 1 ELSE 0 END) AS INTEGER) AS sin_dictamen
FROM informes
GROUP BY ente_id
ORDER BY ente_id;

-- Atención de recomendaciones por órgano auditor.
CREATE VIEW atencion_por_auditor AS
SELECT i.auditor,
       COUNT(DISTINCT i.informe_id) AS informes,
       COUNT(*) AS recomendaciones,
       CAST(SUM(CASE WHEN r.estatus = 'atendida' THEN 1 ELSE 0 END) AS INTEGER) AS atendidas,
       CAST(SUM(CASE WHEN r.estatus = 'no atendida' THEN 1 ELSE 0 END) AS INTEGER) AS no_atendidas,
       CAST(SUM(CASE WHEN r.estatus = 'sin determinar' THEN 1 ELSE 0 END) AS INTEGER) AS sin_determinar,
       ROUND(1.0 * SUM(CASE WHEN r.estatus = 'atendida' THEN 1 ELSE 0 END) / COUNT(*), 4) AS tasa_atencion
FROM recomendaciones r JOIN informes i ON i.informe_id = r.informe_id
GROUP BY i.auditor
ORDER BY i.auditor;

-- Atención de recomendaciones por auditor (persona que firmó la auditoría).
CREATE VIEW atencion_por_persona AS
SELECT pe.nombre AS persona,
       COUNT(DISTINCT r.informe_id) AS informes,
       COUNT(*) AS recomendaciones,
       CAST(SUM(CASE WHEN r.estatus = 'atendida' THEN 1 ELSE 0 END) AS INTEGER) AS atendidas,
       CAST(SUM(CASE WHEN r.estatus = 'no atendida' THEN 1 ELSE 0 END) AS INTEGER) AS no_atendidas,
       CAST(SUM(CASE WHEN r.estatus = 'sin determinar' THEN 1 ELSE 0 END) AS INTEGER) AS sin_determinar,
       ROUND(1.0 * SUM(CASE WHEN r.estatus = 'atendida' THEN 1 ELSE 0 END) / COUNT(*), 4) AS tasa_atencion
FROM recomendaciones r
JOIN personas pe ON pe.informe_id = r.informe_id AND pe.rol = 'auditor'
GROUP BY pe.nombre
ORDER BY pe.nombre;

-- Por informe: su dictamen y cuántas de sus recomendaciones no se atendieron.
CREATE VIEW dictamen_por_informe AS
SELECT i.informe_id,
       i.ente_normalizado AS ente,
       i.dictamen,
       COUNT(r.numero) AS recomendaciones,
       CAST(SUM(CASE WHEN r.estatus = 'no atendida' THEN 1 ELSE 0 END) AS INTEGER) AS no_atendidas,
       CASE WHEN COUNT(r.numero) = 0 THEN 0.0
            ELSE ROUND(1.0 * SUM(CASE WHEN r.estatus = 'no atendida' THEN 1 ELSE 0 END) / COUNT(r.numero), 4)
       END AS fraccion_no_atendidas
FROM informes i LEFT JOIN recomendaciones r ON r.informe_id = i.informe_id
GROUP BY i.informe_id, i.ente_normalizado, i.dictamen
ORDER BY i.informe_id;

-- Oportunidad de la respuesta de cada informe (días hábiles: extractores/plazos.py) y cuántas
-- recomendaciones se dieron por atendidas con ella.
CREATE VIEW oportunidad_por_informe AS
SELECT i.informe_id,
       i.oficio_notificacion,
       i.fecha_notificacion,
       i.oficio_respuesta,
       i.fecha_respuesta,
       i.dias_habiles_respuesta,
       i.plazo_dias_habiles,
       i.respuesta_extemporanea,
       CAST(SUM(CASE WHEN r.estatus = 'atendida' THEN 1 ELSE 0 END) AS INTEGER) AS atendidas
FROM informes i LEFT JOIN recomendaciones r ON r.informe_id = i.informe_id
WHERE i.dias_habiles_respuesta IS NOT NULL
GROUP BY i.informe_id, i.oficio_notificacion, i.fecha_notificacion, i.oficio_respuesta,
         i.fecha_respuesta, i.dias_habiles_respuesta, i.plazo_dias_habiles, i.respuesta_extemporanea
ORDER BY i.informe_id;

-- Cada recomendación con su informe, su área y dónde ver su PDF (copia publicada o URL de origen).
CREATE VIEW recomendaciones_detalle AS
SELECT r.informe_id, r.procedimiento, r.numero, r.pagina, r.texto, r.estatus, r.motivo, r.sha256,
       i.ente_id, i.ente_normalizado AS ente, i.ejercicio, i.auditor, i.dictamen,
       COALESCE(p.area_normalizada, '') AS area,
       d.pdf, i.url_fuente
FROM recomendaciones r
JOIN informes i ON i.informe_id = r.informe_id
LEFT JOIN procedimientos p ON p.informe_id = r.informe_id AND p.procedimiento = r.procedimiento
LEFT JOIN documentos d ON d.sha256 = r.sha256
ORDER BY r.informe_id, r.procedimiento, r.numero;

-- Cada alerta con la página de su procedimiento (si tiene) y dónde ver su PDF.
CREATE VIEW alertas_detalle AS
SELECT a.informe_id, a.procedimiento, p.pagina, a.tipo, a.detalle, a.sha256,
       d.pdf, i.url_fuente
FROM alertas a
JOIN informes i ON i.informe_id = a.informe_id
LEFT JOIN procedimientos p ON p.informe_id = a.informe_id AND p.procedimiento = a.procedimiento
LEFT JOIN documentos d ON d.sha256 = a.sha256
ORDER BY a.informe_id, a.procedimiento, a.tipo;

-- Acciones de la ASF por tipo y ente: cuántas y cuántos pesos señalan.
CREATE VIEW acciones_por_tipo_y_ente AS
SELECT i.ente_id, i.ente_normalizado AS ente, a.tipo,
       COUNT(*) AS acciones,
       COUNT(DISTINCT a.informe_id) AS informes,
       COALESCE(SUM(a.monto), 0) AS monto
FROM acciones a JOIN informes i ON i.informe_id = a.informe_id
GROUP BY i.ente_id, i.ente_normalizado, a.tipo
ORDER BY i.ente_id, a.tipo;

-- Montos por ente y ejercicio: por aclarar y recuperados (del informe) y los de sus acciones.
CREATE VIEW montos_por_ente_y_ejercicio AS
SELECT i.ente_id, i.ente_normalizado AS ente, i.ejercicio,
       COUNT(*) AS informes,
       COALESCE(SUM(i.monto_por_aclarar), 0) AS monto_por_aclarar,
       COALESCE(SUM(i.monto_recuperado), 0) AS monto_recuperado,
       COALESCE(SUM((SELECT SUM(a.monto) FROM acciones a WHERE a.informe_id = i.informe_id)), 0)
           AS monto_en_acciones
FROM informes i
WHERE i.monto_por_aclarar IS NOT NULL OR i.monto_recuperado IS NOT NULL
   OR EXISTS (SELECT 1 FROM acciones a WHERE a.informe_id = i.informe_id)
GROUP BY i.ente_id, i.ente_normalizado, i.ejercicio
ORDER BY i.ente_id, i.ejercicio;

-- Resultados por estado (los formatos que lo declaran, como la ASF), por informe.
CREATE VIEW resultados_por_estado AS
SELECT r.informe_id, i.ente_normalizado AS ente, i.ejercicio,
       COUNT(*) AS resultados,
       CAST(SUM(CASE WHEN r.estado = 'sin observaciones' THEN 1 ELSE 0 END) AS INTEGER)
           AS sin_observaciones,
       CAST(SUM(CASE WHEN r.estado = 'solventado' THEN 1 ELSE 0 END) AS INTEGER) AS solventados,
       CAST(SUM(CASE WHEN r.estado = 'con acciones' THEN 1 ELSE 0 END) AS INTEGER) AS con_acciones,
       MAX(i.resumen_resultados) AS resultados_segun_resumen
FROM resultados r JOIN informes i ON i.informe_id = r.informe_id
WHERE r.estado IS NOT NULL AND r.estado <> ''
GROUP BY r.informe_id, i.ente_normalizado, i.ejercicio
ORDER BY r.informe_id;
