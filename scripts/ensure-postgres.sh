#!/usr/bin/env bash
# Make sure PostgreSQL answers on 127.0.0.1:5432 for the test suite: start an installed but
# stopped cluster; install Debian's package first when root. On a fresh install the postgres
# user gets the password "postgres" so the suite can connect over TCP.
source "$(dirname "$0")/lib.sh"

answers() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }

if ! command -v pg_ctlcluster >/dev/null; then
  apt_install postgresql
  fresh=1
fi
if ! answers; then
  say "starting PostgreSQL"
  for version in $(ls /etc/postgresql 2>/dev/null); do
    pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>/dev/null || true
  done
  for _ in $(seq 50); do answers && break; sleep 0.2; done
  answers || die "PostgreSQL did not start; try: pg_ctlcluster <version> main start"
fi
if [ -n "${fresh:-}" ] && is_root; then
  su postgres -c "psql -qc \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null
fi
