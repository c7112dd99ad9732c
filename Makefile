# Las dos órdenes del README: `make procesar` (el trabajo principal) y `make pruebas`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
ESTAMPA := $(VENV)/.instalado

.PHONY: procesar pruebas instalar sistema lint limpiar diccionario servidor bench bench-escala

procesar: instalar
	$(BIN)/informes procesar

pruebas: instalar
	$(BIN)/python -m pytest

instalar: sistema $(ESTAMPA)

sistema:
	@bash scripts/instalar-sistema.sh

$(ESTAMPA): pyproject.toml
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Falta $(PYTHON)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(ESTAMPA)

lint: instalar
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

limpiar:
	rm -rf salidas/tablas salidas/json salidas/cache salidas/pdf salidas/reporte salidas/*.duckdb salidas/*.sqlite salidas/datapackage.json salidas/diccionario.md salidas/datasette.json

diccionario: instalar
	$(BIN)/python scripts/diccionario_readme.py

# Un servidor de Prefect real en 127.0.0.1:4200 (las programaciones sólo se disparan ahí).
servidor: instalar
	PREFECT_HOME=$(CURDIR)/.prefect $(BIN)/prefect server start --host 127.0.0.1 --port 4200

# Benchmark: imprime cifras y escribe salidas/bench.json.
bench: instalar
	$(BIN)/python scripts/bench.py

# Benchmark de escala (largo: 2000 informes generados, una décima parte escaneados).
bench-escala: instalar
	$(BIN)/python scripts/bench_escala.py
