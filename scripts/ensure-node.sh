#!/usr/bin/env bash
# Node and npm for the SDK's tests and build (Debian's packages when missing; root only).
source "$(dirname "$0")/lib.sh"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi
