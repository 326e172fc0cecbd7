#!/usr/bin/env bash
# The load benchmark's tools, installed when missing: Debian's wrk (the generator, with LuaJIT scripting) and
# nginx (the reverse proxy that routes order streams to the stream process, as in production).
source "$(dirname "$0")/lib.sh"
command -v wrk >/dev/null || apt_install wrk
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || apt_install nginx-light
