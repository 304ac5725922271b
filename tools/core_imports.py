"""Import every module of flet_core and fail if anything outside the standard library came along.

`nox -s core_alone` runs it as `python -I tools/core_imports.py` in a venv holding flet-core alone.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from importlib import metadata


def main() -> int:
    """Import flet_core's modules; return 0 if they needed the standard library only."""
    before = set(sys.modules)
    package = importlib.import_module("flet_core")
    names = ["flet_core"]
    names += [module.name for module in pkgutil.walk_packages(package.__path__, "flet_core.")]
    for name in names:
        importlib.import_module(name)
    loaded = {name.partition(".")[0] for name in set(sys.modules) - before}
    outside = sorted(loaded - set(sys.stdlib_module_names) - {"flet_core"})
    requires = metadata.requires("flet-core") or []
    if outside or requires:
        message = f"flet-core needs more than the standard library: {outside=} {requires=}"
        print(message, file=sys.stderr)
        return 1
    print(f"flet-core alone: {len(names)} module(s) imported with the standard library only")
    return 0


if __name__ == "__main__":
    sys.exit(main())
