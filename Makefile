# The two commands: `make run` (a local Kassa with a demo merchant) and `make test` (the suite).
.PHONY: run test vendor clean

run:
	@scripts/run.sh

test:
	@scripts/test.sh

# Re-vendor front-end libraries from npm into static/vendor (the results are committed);
# axe-core only serves the accessibility tests, so it goes to tests/vendor, never to shoppers.
vendor:
	cd static/vendor && npm ci --no-audit --no-fund && cp node_modules/htmx.org/dist/htmx.min.js htmx-2.0.11.min.js \
	  && cp node_modules/chart.js/dist/chart.umd.min.js chart-4.6.1.umd.min.js \
	  && cp node_modules/axe-core/axe.min.js ../../tests/vendor/axe-core-4.14.1.min.js

# Remove local state (databases, Redis data, demo credentials) but keep .venv.
clean:
	rm -rf var/
