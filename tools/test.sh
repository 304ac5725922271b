#!/usr/bin/env bash
# Sets up .venv (Python 3.11 or newer) with nox, then runs the nox sessions: by default all of
# them, in the order CI runs them; otherwise the nox arguments given, e.g. `-s lint`.
set -euo pipefail
cd "$(dirname "$0")/.."

NOX_REQUIREMENT="nox==2026.10.20"
SESSIONS=(lint typecheck version_check tests core_alone build integration)

if [ ! -x .venv/bin/python ]; then
  python=""
  for candidate in "${PYTHON:-}" python3.11 python3; do
    if [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      python=$candidate
      break
    fi
  done
  if [ -z "$python" ]; then
    echo "tools/test.sh: needs Python 3.11 or newer as python3.11 or python3 (or set PYTHON)" >&2
    exit 1
  fi
  "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check "$NOX_REQUIREMENT"

if [ "$#" -eq 0 ]; then
  set -- -s "${SESSIONS[@]}"
fi
exec .venv/bin/python -m nox "$@"
