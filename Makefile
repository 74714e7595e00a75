# RegionKit: `make export` and `make test` install what is missing, build, and run.
SHELL := /bin/bash
SWIFT ?= swift
PYTHON ?= python3
REGIONKIT := .build/debug/regionkit
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

# Debian packages the build needs (pkg-config names the C libraries) and the tests need.
BUILD_PACKAGES := pkg-config libyaml-dev
TEST_PACKAGES := gdal-bin librsvg2-bin libreoffice-calc-nogui
# PyPI tools the tests use to check exports independently (console script name = package name).
PYPI_TOOLS := check-jsonschema frictionless
# PyPI libraries the tests' Python scripts import (import name = package name).
PYPI_LIBRARIES := polars

# libFuzzer harnesses (FuzzTesting/): seconds each explores with `make fuzz`, runs each makes in `make test`.
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?= 3000
FUZZ_HARNESSES := FuzzYAML
FUZZ_BUILD := $(SWIFT) build --package-path FuzzTesting --sanitize=fuzzer --sanitize=address \
	-Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp

.PHONY: all deps test-deps build export schema check test format lint clean fuzz fuzz-build fuzz-short

all: build

# Installs a Debian package only when dpkg does not list it; runs apt-get update once per call.
define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
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

fuzz-build: deps
	$(FUZZ_BUILD)

fuzz: fuzz-build
	@for h in $(FUZZ_HARNESSES); do FuzzTesting/fuzz.sh $$h time $(FUZZ_SECONDS) || exit 1; done

fuzz-short: fuzz-build
	@for h in $(FUZZ_HARNESSES); do FuzzTesting/fuzz.sh $$h runs $(FUZZ_RUNS) || exit 1; done

format:
	swift-format format --in-place --recursive --configuration .swift-format Package.swift Sources Tests

lint:
	swift-format lint --strict --recursive --configuration .swift-format Package.swift Sources Tests

clean:
	rm -rf .build
