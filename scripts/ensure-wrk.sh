#!/usr/bin/env bash
# The load benchmark's generator: Debian's wrk (compiled, with LuaJIT scripting), installed when missing.
source "$(dirname "$0")/lib.sh"
command -v wrk >/dev/null || apt_install wrk
