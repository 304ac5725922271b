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

UPSTREAM = ["flet==0.21.2"]
CONTROL_MODULE_HINTS = ("flet_core.layout", "flet_core.material", "flet_core.cupertino", "flet_core.icons")


def ensure_upstream(path: Path) -> Path:
    python = path / "bin" / "python"
    if not python.exists():
        venv.create(path, with_pip=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *UPSTREAM], check=True)
    return python


def import_seconds(python: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([python, "-c", "import flet"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def eager_control_modules(python: str) -> list[str]:
    result = subprocess.run([python, "-X", "importtime", "-c", "import flet"], capture_output=True, text=True)
    loaded = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line]
    return [name for name in loaded if name.startswith(CONTROL_MODULE_HINTS)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ours", default=sys.executable, help="python with our flet installed")
    parser.add_argument("--upstream-venv", type=Path, default=Path("/tmp/flet-upstream"))
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    upstream = ensure_upstream(args.upstream_venv)
    baseline = import_seconds(sys.executable, args.runs)  # interpreter start-up alone, for reference
    ours = import_seconds(args.ours, args.runs)
    theirs = import_seconds(str(upstream), args.runs)
    eager = eager_control_modules(args.ours)
    print(f"python start-up alone: {baseline * 1000:7.1f} ms")
    print(f"import flet (ours):     {ours * 1000:7.1f} ms")
    print(f"import flet (upstream): {theirs * 1000:7.1f} ms")
    print(f"ratio ours/upstream: {ours / theirs:.2f} (must be < 0.33)")
    print(f"control modules loaded eagerly: {eager or 'none'}")
    return 0 if ours / theirs < 1 / 3 and not eager else 1


if __name__ == "__main__":
    sys.exit(main())
