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
