#!/usr/bin/env bash
# Sets up .venv-demo (Python 3.11 or newer) with the web packages of this checkout, then serves
# the demo app (flet.demo) at http://127.0.0.1:8000 with the HTML renderer. Ctrl+C stops it.
# Override with FLET_SERVER_IP / FLET_SERVER_PORT; pass another script as the first argument.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv-demo/bin/python ]; then
  python=""
  for candidate in "${PYTHON:-}" python3.11 python3; do
    if [ -n "$candidate" ] && command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
      python=$candidate
      break
    fi
  done
  if [ -z "$python" ]; then
    echo "tools/run.sh: needs Python 3.11 or newer as python3.11 or python3 (or set PYTHON)" >&2
    exit 1
  fi
  "$python" -m venv .venv-demo
fi
# One pip command, so the sibling packages come from this tree and only third parties from PyPI.
.venv-demo/bin/python -m pip install --quiet --disable-pip-version-check \
  -e packages/flet-core -e packages/flet-runtime -e packages/flet-web-assets -e "packages/flet[oauth]"

export FLET_FORCE_WEB_SERVER=true
export FLET_WEB_RENDERER="${FLET_WEB_RENDERER:-html}"
export FLET_SERVER_IP="${FLET_SERVER_IP:-127.0.0.1}"
export FLET_SERVER_PORT="${FLET_SERVER_PORT:-8000}"
if [ "$#" -gt 0 ]; then
  exec .venv-demo/bin/python "$@"
fi
exec .venv-demo/bin/python -m flet.demo
