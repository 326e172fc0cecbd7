#!/usr/bin/env bash
# `make run`: everything a local Kassa needs, then web, the payment and batch workers, cron and the sandbox provider
# in one terminal (Ctrl-C stops them together). Safe to run again: nothing is duplicated.
source "$(dirname "$0")/lib.sh"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
export KASSA_PORT="${KASSA_PORT:-5000}" SANDBOX_PORT="${SANDBOX_PORT:-5001}" EXAMPLES_PORT="${EXAMPLES_PORT:-5002}"
# Order status streams live on the stream process (uvicorn; a socket per shopper, never a web thread): the web
# route redirects there and the order pages open it.
export STREAM_PORT="${STREAM_PORT:-5003}" STREAM_PUBLIC_URL="${STREAM_PUBLIC_URL:-http://127.0.0.1:${STREAM_PORT:-5003}}"
export KASSA_PUBLIC_URL="${KASSA_PUBLIC_URL:-http://127.0.0.1:$KASSA_PORT}"
# Webhook and fulfilment receivers of a local run live on this machine: allow loopback (refused otherwise, SSRF).
export OUTBOUND_ALLOWED_NETWORKS="${OUTBOUND_ALLOWED_NETWORKS:-127.0.0.0/8,::1/128}"
export SANDBOX_URL="${SANDBOX_URL:-http://127.0.0.1:$SANDBOX_PORT}" SANDBOX_PUBLIC_URL="${SANDBOX_PUBLIC_URL:-http://127.0.0.1:$SANDBOX_PORT}"
# Email receipts go to the local mail catcher (Procfile `mail`), listed at http://127.0.0.1:$MAIL_WEB_PORT/.
export MAIL_SMTP_PORT="${MAIL_SMTP_PORT:-1025}" MAIL_WEB_PORT="${MAIL_WEB_PORT:-5004}"
# An SMTP_HOST of your own (or an empty one: receipts off) is kept.
# The catcher keeps every email to itself, so the demo's test-mode receipts may go to any address typed.
if [ -z "${SMTP_HOST+set}" ]; then
  export SMTP_HOST=127.0.0.1 SMTP_PORT="$MAIL_SMTP_PORT" TEST_MODE_EMAILS="${TEST_MODE_EMAILS:-anyone}"
fi
# A backup a day into var/backups, the 7 newest kept (docs/production.md, "Backups"); BACKUP_DIR= turns it off.
export BACKUP_DIR="${BACKUP_DIR-${KASSA_VAR_DIR:-var}/backups}"
# The demo's sandbox bank pays each settlement payout by itself after 5 s (tests decide payouts by hand).
export SANDBOX_PAYOUT_AUTO_SECONDS="${SANDBOX_PAYOUT_AUTO_SECONDS-5}"

scripts/ensure-venv.sh requirements.txt
scripts/ensure-redis.sh
say "migrating the database"
# A database that cannot be migrated (one a Kassa before 0.1.0 made, say) stops the run here, with why and what to do.
if ! migrated="$(.venv/bin/flask --app wsgi db upgrade 2>&1)"; then
  printf '%s\n' "$migrated" >&2
  die "the database was not migrated (above), so nothing was started"
fi
[ -z "$migrated" ] || printf '%s\n' "$migrated" \
  | grep -v "^INFO  \[alembic.runtime.migration\] \(Context impl\|Will assume\)" || true
.venv/bin/flask --app wsgi kassa seed-demo
.venv/bin/flask --app wsgi kassa demo-info
if [ "$SMTP_HOST" = 127.0.0.1 ] && [ "${SMTP_PORT:-}" = "$MAIL_SMTP_PORT" ]; then
  echo "    Receipt emails:   http://127.0.0.1:$MAIL_WEB_PORT/  (the local mail catcher)"
fi
# The SDK examples play a merchant's site: a second origin (localhost, its own port).
.venv/bin/flask --app wsgi kassa sdk-examples-url --port "$EXAMPLES_PORT"
# Two workers (docs/production.md, "Workers"): `worker` on the payment queue, `batch` on the batch queue.
# KASSA_ONE_WORKER=1 starts one worker listening to both, payments first (a batch job then delays payments).
processes=()
workers="the payment and batch workers"
if [ -n "${KASSA_ONE_WORKER:-}" ]; then
  payments_queue="${KASSA_RQ_QUEUE:-kassa}"
  export KASSA_WORKER_QUEUES="$payments_queue ${KASSA_RQ_BATCH_QUEUE:-$payments_queue-batch}"
  processes=(web worker stream cron sandbox examples mail)
  workers="one worker ($KASSA_WORKER_QUEUES)"
fi
say "starting web :$KASSA_PORT, order streams :$STREAM_PORT, $workers, cron, sandbox :$SANDBOX_PORT, SDK examples :$EXAMPLES_PORT and the mail catcher :$MAIL_WEB_PORT (Ctrl-C stops all)"
exec .venv/bin/honcho start -f Procfile "${processes[@]}"
