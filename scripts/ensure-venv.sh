#!/usr/bin/env bash
# Create .venv (Python >= 3.11) and install a compiled requirements file into it (every package pinned, each
# download checked against its hash), only when the file changed since the last install (a stamp holds its hash).
source "$(dirname "$0")/lib.sh"
REQS="${1:-requirements.txt}"
PY="${PYTHON:-python3}"

command -v "$PY" >/dev/null || die "python3 is not installed (Kassa needs Python 3.11 or newer)"
"$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || die "Kassa needs Python 3.11 or newer; found $("$PY" --version)"

if [ ! -x .venv/bin/python ]; then
  say "creating .venv"
  if ! "$PY" -m venv .venv 2>/dev/null; then
    rm -rf .venv
    apt_install python3-venv   # Debian ships venv's ensurepip separately
    "$PY" -m venv .venv
  fi
fi

stamp="var/.installed-$(basename "$REQS")"
want="$(sha256sum < "$REQS" | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  say "installing $REQS into .venv"
  .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes -r "$REQS"
  echo "$want" > "$stamp"
fi
