# Two commands: `make demo` (a brief of the bundled samples) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: demo test install dev clean

demo: $(VENV)/.installed
	$(BIN)/briefer brief seeds/ samples/inputs/ --date 2024-12-26 \
	    --title "Pakistani airstrikes in Paktika province" \
	    -o samples/brief.md -o samples/brief.json -o samples/brief.docx

test: $(VENV)/.dev-installed
	$(BIN)/pytest -q

install: $(VENV)/.installed

# torch is pinned first: ==2.13.0 is a CPU wheel on this machine's disk; an unpinned torch
# would pull a multi-GB CUDA build. Everything else comes pinned from requirements.lock.
$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $@

$(VENV)/.dev-installed: $(VENV)/.installed
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

clean:
	rm -rf $(VENV) .pytest_cache
