#!/usr/bin/env bash
# The browser tests drive Debian's Chromium; Playwright's own browser download is never used.
source "$(dirname "$0")/lib.sh"
[ -x /usr/bin/chromium ] || apt_install chromium
