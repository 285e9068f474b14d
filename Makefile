# Two commands from a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE ?= examples/three-tier.weaklink.json

.PHONY: run test bench venv clean dist

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { \
	  echo "Weaklink needs Python 3.11 or newer; $(PYTHON) is older. Try: make PYTHON=python3.12 $(MAKECMDGOALS)"; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(BIN)/weaklink $(EXAMPLE)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -p no:cacheprovider; \
	  rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest collected no tests"; exit 1; fi; exit $$rc

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

# The desktop bundle (packaging/README.md): built from a wheel install in its
# own venv, never from the source tree, then smoke-tested away from it.
DIST_VENV := build/dist-venv
dist:
	rm -rf $(DIST_VENV) dist/weaklink build/pyinstaller
	$(PYTHON) -m venv $(DIST_VENV)
	$(DIST_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(DIST_VENV)/bin/python -m pip install --quiet . 'pyinstaller>=6.10'
	cd build && dist-venv/bin/pyinstaller --noconfirm --log-level ERROR \
	  --distpath ../dist --workpath pyinstaller ../packaging/weaklink.spec
	packaging/finish-bundle.sh dist/weaklink $(DIST_VENV)/bin/python
	packaging/smoke-test.sh dist/weaklink

clean:
	rm -rf $(VENV) build dist *.egg-info
