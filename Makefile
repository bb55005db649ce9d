# GoalBridge — the two set-up commands are `make demo` and `make test`.
SHELL := /bin/bash
APT_PACKAGES := pkg-config libxlsxwriter-dev libzip-dev libxml2-dev libsqlite3-dev
SWIFT ?= swift

.PHONY: deps build demo test bench bench-collect fuzz fixtures templates clean

# Installs the C libraries with apt-get when pkg-config cannot find them.
deps:
	@if ! pkg-config --exists xlsxwriter libzip libxml-2.0 2>/dev/null; then \
		echo "Installing $(APT_PACKAGES)"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] && echo "" || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $(APT_PACKAGES); \
	fi

build: deps
	$(SWIFT) build

# The main job on the bundled examples: import every example workbook, export it again, re-import and compare.
demo: deps
	$(SWIFT) build
	$(SWIFT) run -q goalbridge demo Examples --out out/demo

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install -q jsonschema
	python3 scripts/check-schema.py
	python3 scripts/check-docs.py

bench: deps
	$(SWIFT) build -c release --product goalbridge-bench
	.build/release/goalbridge-bench

# The bureau's batch: generate N workbooks, collect them, export the dataset (N=10000 by default).
bench-collect: deps
	$(SWIFT) build -c release --product goalbridge-bench
	.build/release/goalbridge-bench collect $(or $(N),10000)

fuzz: deps
	bash scripts/fuzz.sh

# Regenerates the reader fixtures from other writers (needs LibreOffice, gnumeric, openpyxl).
fixtures:
	python3 scripts/make-fixtures.py

# Regenerates the committed blank templates from the layout files.
templates: deps
	$(SWIFT) run -q goalbridge template --all -o Templates/

clean:
	rm -rf .build out
