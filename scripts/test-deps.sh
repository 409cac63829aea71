#!/usr/bin/env bash
# System packages the test suite needs beyond the venv. Idempotent; quiet when everything is present.
#
# - chromium: the browser tests (tests/test_browser*.py) drive Debian's Chromium through Playwright
#   with executable_path=/usr/bin/chromium. `playwright install` would download its own browser
#   build, which is not possible here, so the distribution package is used instead.
# - postgresql: the Postgres store tests (tests/test_store_postgres.py) start a throwaway server from
#   /usr/lib/postgresql/*/bin (tests/pgserver.py); no system service is used or left running.
#
# An install that cannot happen (not root, no apt-get, apt failure) is reported and the script exits 0:
# the browser tests then skip with a message saying so, and the rest of the suite still runs.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)

[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO=(sudo -n)
    else
        echo "test-deps: ${missing[*]} missing and not root: the tests that need them will be skipped" >&2
        exit 0
    fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "test-deps: ${missing[*]} missing and no apt-get: the tests that need them will be skipped" >&2
    exit 0
fi

echo "test-deps: installing ${missing[*]} from Debian" >&2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
# Keep package scripts from starting services (postgresql's cluster): the tests start their own server.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ] && [ "$(id -u)" -eq 0 ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy"
    trap 'rm -f "$log" "$policy"' EXIT
fi
if ! { "${SUDO[@]}" apt-get update -qq && \
       "${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    echo "test-deps: installing ${missing[*]} failed: the tests that need them will be skipped" >&2
    exit 0
fi
[ -x /usr/bin/chromium ] || echo "test-deps: chromium is not at /usr/bin/chromium: browser tests will be skipped" >&2
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || echo "test-deps: no PostgreSQL server binaries: Postgres tests will be skipped" >&2
exit 0
