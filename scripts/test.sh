#!/usr/bin/env bash
# `make test`: the whole suite on PostgreSQL (browser tests included), then the non-browser
# part again on SQLite, the embedded default. Extra arguments go to pytest.
source "$(dirname "$0")/lib.sh"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
# Bytecode caches on (__pycache__/, git-ignored): with PYTHONDONTWRITEBYTECODE set, as some shells and containers
# set it, every pytest worker (six a run) and every process a test starts compiled the app, the migrations and
# the tests anew, and pytest rewrote every test module's asserts: about 11 s of CPU each on this 2-core machine.
unset PYTHONDONTWRITEBYTECODE

scripts/ensure-venv.sh requirements-dev.txt

# A few seconds, before anything slow: an arrow up the layers (DESIGN.md §2, the contracts in pyproject.toml), a
# lint finding, a file `ruff format` would change or a commit message without its why fails the run. All run, so
# one run lists every finding.
say "import layers (lint-imports), lint (ruff check), format (ruff format --check), commit messages"
failed=()
.venv/bin/lint-imports --no-logo || failed+=("lint-imports")
.venv/bin/ruff check . || failed+=("ruff check")
.venv/bin/ruff format --check . || failed+=("ruff format --check (.venv/bin/ruff format changes those files)")
.venv/bin/python scripts/check_commit_messages.py || failed+=("commit messages")
[ ${#failed[@]} -eq 0 ] || die "failed: ${failed[*]}"

scripts/ensure-chromium.sh
scripts/ensure-redis.sh
scripts/ensure-postgres.sh
scripts/ensure-node.sh

say "SDK: unit tests, then a rebuild that must equal the committed static/sdk"
(cd sdk && npm ci --no-audit --no-fund --loglevel=error && npm test && npm run build)
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git diff --exit-code --stat -- static/sdk \
    || die "static/sdk differs from a fresh build of sdk/: run 'cd sdk && npm run build' and commit the result"
  [ -z "$(git status --porcelain -- static/sdk)" ] \
    || die "the SDK build made files that are not committed: $(git status --porcelain -- static/sdk)"
fi

# Worker gwN of pytest-xdist uses Redis database 12+N (tests/conftest.py). Three workers on two cores: the tests
# mostly wait (HTTP, sleeps, the browser), so a third keeps both cores busy. Worksteal: an idle worker takes
# tests queued behind a slow (or hung) one instead of waiting for it.
export KASSA_TEST_REDIS_URL="${KASSA_TEST_REDIS_URL:-${REDIS_URL%/*}/12}"
WORKERS="${KASSA_TEST_WORKERS:-3}"
# The SQLite pass has no browser and waits more than it computes: a fourth worker took it from 310 s to 273 s on this
# 2-core machine (databases 12 to 15 of Redis, one each).
SQLITE_WORKERS="${KASSA_TEST_SQLITE_WORKERS:-4}"
PG_URL="${KASSA_TEST_DATABASE_URL:-postgresql+psycopg://postgres:postgres@127.0.0.1:5432/kassa_test}"

# tests/conftest.py writes here when a test left a database transaction open (it would have hung the wipe).
leaks=var/test-leaked-transactions.log
rm -f "$leaks"
sqlite_dir="$(mktemp -d)"
finish() {
  rm -rf "$sqlite_dir"
  if [ -s "$leaks" ]; then say "transactions tests left open (ended by the suite):"; cat "$leaks"; fi
}
trap finish EXIT

say "test suite on PostgreSQL"
KASSA_TEST_DATABASE_URL="$PG_URL" .venv/bin/python -m pytest -n "$WORKERS" --dist worksteal "$@"

say "non-browser tests on SQLite"
KASSA_TEST_DATABASE_URL="sqlite:///$sqlite_dir/kassa_test.db" .venv/bin/python -m pytest -n "$SQLITE_WORKERS" --dist worksteal -m "not e2e" -p no:playwright "$@"
