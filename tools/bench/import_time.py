"""`import flet` time: ours against upstream 0.21.2, measured in one run on this machine.

Upstream is installed into a throwaway venv outside the repository (never a dependency):

    python tools/bench/import_time.py --ours .venv/bin/python --upstream-venv /tmp/flet-upstream

It prints the median wall time of `python -c "import flet"` for both over several runs, the
ratio (ours must take less than a third of upstream's), and the control modules that
`-X importtime` shows loaded eagerly by our `import flet` (there must be none).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import venv
from pathlib import Path

# What upstream ran with in the 0.21.2 era (tools/bench/suite.py serves apps with it, too).
UPSTREAM = ["flet==0.21.2", "fastapi==0.110.0", "uvicorn[standard]==0.27.1"]
_CATALOG_QUERY = (
    "from flet_core._exports import EXPORTS; from flet_core.control import Control; import importlib; "
    "print(' '.join(sorted({m for n, m in EXPORTS.items() if not m.startswith('module:') "
    "and isinstance(getattr(importlib.import_module(m), n), type) "
    "and issubclass(getattr(importlib.import_module(m), n), Control) and m not in CORE})))"
)
CORE = (
    "flet_core.page",
    "flet_core.view",
    "flet_core.control",
    "flet_core.constrained_control",
    "flet_core.adaptive_control",
    "flet_core.scrollable_control",
)


def ensure_upstream(path: Path) -> Path:
    """The python of a venv at path holding UPSTREAM, created (or completed) when it does not yet."""
    python = path / "bin" / "python"
    if not python.exists():
        venv.create(path, with_pip=True)
    if subprocess.run([str(python), "-c", "import flet, fastapi, uvicorn"], capture_output=True).returncode:
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *UPSTREAM], check=True)
    return python


def run_seconds(python: str, code: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([python, "-c", code], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def import_seconds(python: str, runs: int) -> tuple[float, float]:
    """(whole process, import alone): the second subtracts the interpreter's own start-up."""
    whole = run_seconds(python, "import flet", runs)
    return whole, max(whole - run_seconds(python, "pass", runs), 0.0)


def control_modules(python: str) -> set[str]:
    """The modules that define the catalog's controls (the page model's own modules excepted)."""
    query = f"CORE = {CORE!r}; " + _CATALOG_QUERY
    result = subprocess.run([python, "-c", query], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def eager_control_modules(python: str) -> list[str]:
    result = subprocess.run([python, "-X", "importtime", "-c", "import flet"], capture_output=True, text=True)
    loaded = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line}
    return sorted(loaded & control_modules(python))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ours", default=sys.executable, help="python with our flet installed")
    parser.add_argument("--upstream-venv", type=Path, default=Path("/tmp/flet-upstream"))
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    upstream = ensure_upstream(args.upstream_venv)
    ours_whole, ours = import_seconds(args.ours, args.runs)
    theirs_whole, theirs = import_seconds(str(upstream), args.runs)
    eager = eager_control_modules(args.ours)
    print(f"whole process: ours {ours_whole * 1000:.1f} ms, upstream {theirs_whole * 1000:.1f} ms")
    print(f"import alone (minus interpreter start-up): ours {ours * 1000:.1f} ms, upstream {theirs * 1000:.1f} ms")
    print(f"ratio ours/upstream: import alone {ours / theirs:.2f}, whole process {ours_whole / theirs_whole:.2f}")
    print("(the import alone must take less than a third of upstream's)")
    print(f"control modules loaded eagerly: {eager or 'none'}")
    return 0 if ours / theirs < 1 / 3 and not eager else 1


if __name__ == "__main__":
    sys.exit(main())
