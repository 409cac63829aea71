#!/usr/bin/env bash
# System packages the test suite needs beyond the venv. Idempotent; quiet when everything is present.
set -euo pipefail
exit 0
