# The two commands: `make run` (a local Kassa with a demo merchant) and `make test` (the suite).
.PHONY: run test vendor clean

run:
	@scripts/run.sh

test:
	@scripts/test.sh

# Re-vendor front-end libraries from npm into static/vendor (the results are committed).
vendor:
	cd static/vendor && npm ci --no-audit --no-fund && cp node_modules/htmx.org/dist/htmx.min.js htmx-2.0.11.min.js

# Remove local state (databases, Redis data, demo credentials) but keep .venv.
clean:
	rm -rf var/
