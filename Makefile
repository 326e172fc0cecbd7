# The two commands: `make run` (a local Kassa with a demo merchant) and `make test` (the suite).
.PHONY: run test requirements vendor vendor-api-docs api-types clean bench-load screenshots

run:
	@scripts/run.sh

test:
	@scripts/test.sh

# Compile requirements.in and requirements-dev.in into the hashed requirements*.txt the two commands install
# (README, "Dependencies"). Every pin already in a .txt file is kept unless its .in file asks for another version;
# BUMP=name moves that package (a dependency of a dependency too) to its newest release that fits.
COMPILE = .venv/bin/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
	--custom-compile-command "make requirements" $(if $(BUMP),--upgrade-package $(BUMP))
requirements:
	@scripts/ensure-venv.sh requirements-dev.txt
	$(COMPILE) requirements.in -o requirements.txt
	$(COMPILE) requirements-dev.in -o requirements-dev.txt

# The checkout under load (bench/checkout_load.py): its own servers, database and Redis on loopback ports, wrk
# as the generator; prints issue 12's table for PostgreSQL and the SQLite default (about 10 minutes).
bench-load:
	@scripts/ensure-venv.sh requirements-dev.txt && scripts/ensure-postgres.sh && scripts/ensure-redis.sh \
	  && scripts/ensure-load-tools.sh && .venv/bin/python bench/checkout_load.py

# Refresh docs/screenshots/ (the README's pictures): its own servers and SQLite database, the demo catalog and a
# week of sandbox-paid orders, Debian's Chromium at 1280×800 and 390×844 (scripts/screenshots.py; about 20 s).
screenshots:
	@scripts/ensure-venv.sh requirements-dev.txt && scripts/ensure-chromium.sh && scripts/ensure-redis.sh \
	  && .venv/bin/python scripts/screenshots.py

# Re-vendor front-end libraries from npm into static/vendor (the results are committed);
# axe-core only serves the accessibility tests, so it goes to tests/vendor, never to shoppers.
vendor:
	cd static/vendor && npm ci --no-audit --no-fund && cp node_modules/htmx.org/dist/htmx.min.js htmx-2.0.11.min.js \
	  && cp node_modules/chart.js/dist/chart.umd.min.js chart-4.6.1.umd.min.js \
	  && cp node_modules/axe-core/axe.min.js ../../tests/vendor/axe-core-4.14.1.min.js

# Re-vendor the /docs/api renderer (Redoc, pinned in tools/api-docs/package.json) into static/vendor/redoc: its
# standalone bundle is self-contained (no fonts or telemetry) but for the sidebar's "API docs by Redocly" logo,
# an image it loads from cdn.redoc.ly; that becomes a blank inline image (no outside request). The source map
# is not vendored, so its comment goes too. Install scripts never run.
REDOC_LOGO := https://cdn.redoc.ly/redoc/logo-mini.svg
BLANK_SVG := data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%221%22 height=%221%22/%3E
# After an API change: the served OpenAPI document into sdk/openapi.json, the SDK's TypeScript types generated from
# it (sdk/src/api-schema.ts) and the SDK rebuilt into static/sdk. Commit all three; `make test` fails while stale.
api-types:
	@scripts/ensure-venv.sh requirements-dev.txt
	.venv/bin/flask --app wsgi kassa api-document sdk/openapi.json
	cd sdk && npm ci --no-audit --no-fund --loglevel=error && npm run build

vendor-api-docs:
	cd tools/api-docs && npm ci --no-audit --no-fund --ignore-scripts
	mkdir -p static/vendor/redoc
	grep -q '$(REDOC_LOGO)' tools/api-docs/node_modules/redoc/bundles/redoc.standalone.js \
	  || { echo "Redoc no longer loads $(REDOC_LOGO): check what it fetches now"; exit 1; }
	sed -e '/^\/\/# sourceMappingURL=/d' -e 's|$(REDOC_LOGO)|$(BLANK_SVG)|' \
	  tools/api-docs/node_modules/redoc/bundles/redoc.standalone.js > static/vendor/redoc/redoc.standalone.js
	cp tools/api-docs/node_modules/redoc/LICENSE static/vendor/redoc/LICENSE
	cp tools/api-docs/node_modules/redoc/bundles/redoc.standalone.js.LICENSE.txt static/vendor/redoc/
	node -p '"vendored redoc " + require("./tools/api-docs/node_modules/redoc/package.json").version'

# Remove local state (databases, Redis data, demo credentials) but keep .venv.
clean:
	rm -rf var/
