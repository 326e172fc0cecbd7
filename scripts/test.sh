#!/usr/bin/env bash
# `make test`: the whole suite on PostgreSQL (browser tests included), then the non-browser
# part again on SQLite, the embedded default. Extra arguments go to pytest.
source "$(dirname "$0")/lib.sh"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"

scripts/ensure-venv.sh requirements-dev.txt
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

export KASSA_TEST_REDIS_URL="${KASSA_TEST_REDIS_URL:-${REDIS_URL%/*}/14}"
PG_URL="${KASSA_TEST_DATABASE_URL:-postgresql+psycopg://postgres:postgres@127.0.0.1:5432/kassa_test}"

say "test suite on PostgreSQL"
KASSA_TEST_DATABASE_URL="$PG_URL" .venv/bin/python -m pytest "$@"

say "non-browser tests on SQLite"
sqlite_dir="$(mktemp -d)"
trap 'rm -rf "$sqlite_dir"' EXIT
KASSA_TEST_DATABASE_URL="sqlite:///$sqlite_dir/kassa_test.db" .venv/bin/python -m pytest -m "not e2e" -p no:playwright "$@"
