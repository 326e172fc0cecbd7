#!/usr/bin/env bash
# The browser tests drive Debian's Chromium; Playwright's own browser download is never used. The suite runs on
# its headless build (chromium-headless-shell, the one Playwright itself runs headless tests on); the benches and
# KASSA_TEST_CHROMIUM=/usr/bin/chromium use the full browser.
source "$(dirname "$0")/lib.sh"
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromium-headless-shell ] || missing+=(chromium-headless-shell)
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
