# RegionKit: `make export` and `make test` install what is missing, build, and run.
SHELL := /bin/bash
SWIFT ?= swift
PYTHON ?= python3
REGIONKIT := .build/debug/regionkit
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# Debian packages the build needs (pkg-config names the C libraries) and the tests need.
BUILD_PACKAGES := pkg-config libyaml-dev libxlsxwriter-dev libexpat1-dev zlib1g-dev
# util-linux and mount: unshare, mount, setpriv and prlimit make folders read-only or full for the write safety tests;
# valgrind: the benchmark harness's test counts instructions under callgrind.
TEST_PACKAGES := gdal-bin librsvg2-bin libreoffice-calc-nogui time gcc bsdutils util-linux mount valgrind
# PyPI tools the tests use to check exports independently (console script name = package name).
PYPI_TOOLS := check-jsonschema frictionless
# PyPI libraries the tests' Python scripts import (import name = package name).
PYPI_LIBRARIES := polars openpyxl
# Python libraries the tests import whose PyPI name differs (PyPI-name:module-name): the benchmark harness's test
# runs the PyYAML peer; the XLSX tests read workbooks with python-calamine.
TEST_PYPI := PyYAML:yaml python-calamine:python_calamine

# libFuzzer harnesses (FuzzTesting/): seconds each explores with `make fuzz`, runs each makes in `make test`;
# FUZZ_RUNS_<harness> sets one harness's own count (a workbook run imports, exports and imports a whole workbook).
# `make fuzz` builds them optimised (several times more runs a second), `make test` in debug (a quicker build).
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?= 3000
FUZZ_RUNS_FuzzXLSX ?= 200
FUZZ_RUNS_FuzzGeoJSON ?= 1000
FUZZ_HARNESSES := FuzzYAML FuzzXLSX FuzzCSV FuzzGeoJSON
FUZZ_CONFIG ?= debug
FUZZ_BUILD = $(SWIFT) build --package-path FuzzTesting -c $(FUZZ_CONFIG) --sanitize=fuzzer --sanitize=address \
	-Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp

# `make bench`: sizes of the generated datasets (indicator rows), and what the benchmark installs for its peers.
BENCH_SIZES ?= 100000,1000000
BENCH_PACKAGES := time gcc libc6-dev pkg-config libyaml-dev libxlsxwriter-dev valgrind
# Python libraries the peers import, as PyPI-name:module-name.
BENCH_PYPI := XlsxWriter:xlsxwriter openpyxl:openpyxl python-calamine:python_calamine fastexcel:fastexcel \
	polars:polars orjson:orjson PyYAML:yaml check-jsonschema:check_jsonschema

.PHONY: all deps test-deps build export schema check test format lint clean fuzz fuzz-build fuzz-short bench bench-deps bench-profile

all: build

# Installs a Debian package only when dpkg does not list it; runs apt-get update once per call.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
endef

# Installs a Python library from PyPI unless the interpreter can already import it: $(1) is PyPI-name:module-name.
define pip_module
	@for pair in $(1); do \
		package=$${pair%%:*}; module=$${pair##*:}; \
		$(PYTHON) -c "import $$module" >/dev/null 2>&1 || { echo "installing $$package from PyPI"; \
		$(PYTHON) -m pip install --quiet --disable-pip-version-check $$package 2>/dev/null \
		|| $(PYTHON) -m pip install --quiet --disable-pip-version-check --break-system-packages $$package; }; \
	done
endef

deps:
	$(call apt_install,$(BUILD_PACKAGES))

test-deps: deps
	$(if $(strip $(TEST_PACKAGES)),$(call apt_install,$(TEST_PACKAGES)))
	@for tool in $(PYPI_TOOLS); do \
		command -v $$tool >/dev/null 2>&1 || { echo "installing $$tool from PyPI"; \
		$(PYTHON) -m pip install --quiet --disable-pip-version-check $$tool 2>/dev/null \
		|| $(PYTHON) -m pip install --quiet --disable-pip-version-check --break-system-packages $$tool; }; \
	done
	@for library in $(PYPI_LIBRARIES); do \
		$(PYTHON) -c "import $$library" >/dev/null 2>&1 || { echo "installing $$library from PyPI"; \
		$(PYTHON) -m pip install --quiet --disable-pip-version-check $$library 2>/dev/null \
		|| $(PYTHON) -m pip install --quiet --disable-pip-version-check --break-system-packages $$library; }; \
	done
	$(call pip_module,$(TEST_PYPI))

build: deps
	$(SWIFT) build

# The main job: every registered format of the canonical dataset into Exports/, and the schemas into Schemas/.
export: build
	$(REGIONKIT) schema --output Schemas
	$(REGIONKIT) export --output Exports

schema: build
	$(REGIONKIT) schema --output Schemas

check: build
	$(REGIONKIT) check

# The fuzzers' short runs go first, so the test runner's summary is the last thing printed.
test: test-deps build fuzz-short
	$(SWIFT) test

# A second try: after RegionKit's package graph changes, SwiftPM's first incremental build of a package that
# depends on it by path can plan with the old graph.
fuzz-build: deps
	$(FUZZ_BUILD) || $(FUZZ_BUILD)

# `make fuzz` then runs the property tests (Tests/PropertyTests) with PROPERTY_FUZZ_CASES cases each (a 25th of
# that through LibreOffice) from a random seed, which it prints before and, on a failure, after the run.
PROPERTY_FUZZ_CASES ?= 1000

fuzz: FUZZ_CONFIG = release
fuzz: fuzz-build test-deps
	@for h in $(FUZZ_HARNESSES); do FUZZ_CONFIG=$(FUZZ_CONFIG) FuzzTesting/fuzz.sh $$h time $(FUZZ_SECONDS) || exit 1; done
	@seed=$$(od -An -N8 -tu8 /dev/urandom | tr -d ' '); \
	echo "property tests from REGIONKIT_PROPERTY_SEED=$$seed REGIONKIT_PROPERTY_CASES=$(PROPERTY_FUZZ_CASES)"; \
	REGIONKIT_PROPERTY_SEED=$$seed REGIONKIT_PROPERTY_CASES=$(PROPERTY_FUZZ_CASES) $(SWIFT) test --filter PropertyTests \
		|| { echo "property tests failed from REGIONKIT_PROPERTY_SEED=$$seed (each failure names its case's seed)"; exit 1; }

fuzz-short: fuzz-build
	@$(foreach h,$(FUZZ_HARNESSES),FUZZ_CONFIG=$(FUZZ_CONFIG) FuzzTesting/fuzz.sh $(h) runs $(or $(FUZZ_RUNS_$(h)),$(FUZZ_RUNS)) &&) true

bench-deps: deps
	$(call apt_install,$(BENCH_PACKAGES))
	$(call pip_module,$(BENCH_PYPI))

# RegionKit against its peers at BENCH_SIZES rows (Benchmarks/run.py says what else it reads from the environment);
# prints the table and writes Benchmarks/RESULTS.md. Not part of `make test`: nothing in it asserts a time.
bench: bench-deps
	$(SWIFT) build -c release --product regionkit
	BENCH_SIZES=$(BENCH_SIZES) BENCH_COMMAND="$(strip $(if $(filter command line environment,$(origin BENCH_SIZES)),BENCH_SIZES=$(BENCH_SIZES)) $(if $(BENCH_RUNS),BENCH_RUNS=$(BENCH_RUNS)) $(if $(BENCH_JOBS),BENCH_JOBS=$(BENCH_JOBS)) make bench)" \
		$(PYTHON) Benchmarks/run.py

# Where RegionKit's side of one job spends its time, under perf: `make bench-profile JOB=yaml-load BENCH_SIZES=100000`
# (JOB= skips it). Then the instructions per row of RegionKit's side of every job (BENCH_JOBS picks some), each run
# once under callgrind at PROFILE_ROWS rows, go into their own section of Benchmarks/RESULTS.md.
JOB ?= yaml-load
PROFILE_ROWS ?= 100000
bench-profile: bench-deps
	$(if $(JOB),$(call apt_install,linux-perf))
	$(SWIFT) build -c release --product regionkit
	$(if $(JOB),BENCH_SIZES=$(BENCH_SIZES) $(PYTHON) Benchmarks/run.py --profile $(JOB))
	BENCH_PROFILE_ROWS=$(PROFILE_ROWS) $(PYTHON) Benchmarks/run.py --instructions

format:
	swift-format format --in-place --recursive --configuration .swift-format Package.swift Sources Tests

lint:
	swift-format lint --strict --recursive --configuration .swift-format Package.swift Sources Tests

clean:
	rm -rf .build
