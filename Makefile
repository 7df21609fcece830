# The README's commands. Every target does its own set-up on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
MINUTES ?= ../shared/minutes
LIMERICK ?= ../shared/corpora/limerick
LAYOUTS ?= ../shared/corpora/layouts
QUESTIONS ?= ../shared/questions
INDEX  ?= index
STAMP  := $(VENV)/.installed

.PHONY: setup run ingest serve test test-all lint eval bench rules clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	# the CPU build of torch first: a bare 'torch' requirement pulls GBs of CUDA packages
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

ingest: setup
	$(BIN)/minutes ingest $(MINUTES) --index $(INDEX)

run: ingest
	$(BIN)/minutes serve --index $(INDEX)

serve: setup
	$(BIN)/minutes serve --index $(INDEX)

# the test files spread over the cores (pytest-xdist; a file's tests stay together, as
# several share a module-scoped index or corpus read); `pytest` alone runs them in one process
test: setup
	$(BIN)/python -m pytest -n auto --maxprocesses=4 --dist loadfile

test-all: setup
	$(BIN)/python -m pytest -m ''

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

eval: setup
	$(BIN)/python -m minutesqa.reports.split_report --out eval/out $(LAYOUTS) $(LIMERICK) samples=$(MINUTES)
	$(BIN)/python eval/run.py --questions eval/questions.yaml --out eval/out/samples.jsonl \
		--corpus $(MINUTES) --index eval/out/index-samples --baselines
	$(BIN)/python eval/run.py --questions eval/limerick_questions.yaml --out eval/out/limerick.jsonl \
		--corpus $(LIMERICK) --index eval/out/index-limerick --baselines
	$(BIN)/python eval/run.py --questions $(QUESTIONS)/limerick_a.yaml \
		--out eval/out/limerick_a.jsonl --corpus $(LIMERICK) --index eval/out/index-limerick
	$(BIN)/python eval/run.py --questions eval/limerick_b_questions.yaml \
		--out eval/out/limerick_b.jsonl --corpus $(LIMERICK) --index eval/out/index-limerick
	$(BIN)/python eval/run.py --questions eval/layouts_questions.yaml --out eval/out/layouts.jsonl \
		--corpus $(LAYOUTS) --index eval/out/index-layouts --baselines
	$(BIN)/python -m minutesqa.evaluation.briefing --topics eval/briefing_topics.yaml --out eval/out \
		--index samples=eval/out/index-samples --index limerick=eval/out/index-limerick

bench: setup
	$(BIN)/python bench/run.py --samples $(MINUTES) --limerick $(LIMERICK) --out bench/out

# RULES.md: every named rule of segment/, answer/, lexicon.py and tuning.py with the tests
# that name it (written, not committed: .gitignore)
rules: setup
	$(BIN)/python -m minutesqa.reports.rules

clean:
	rm -rf $(INDEX) RULES.md eval/out bench/out .pytest_cache .mypy_cache .ruff_cache
