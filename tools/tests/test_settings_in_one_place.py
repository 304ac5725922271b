"""Every FLET_* variable is read through flet_runtime.config: no other source reads the environment."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "packages" / "flet-runtime" / "src" / "flet_runtime" / "config.py"

# Modules that may touch os.environ, and why; none of them parses a FLET_* variable.
ENVIRONMENT_READERS = {
    "packages/flet-runtime/src/flet_runtime/config.py": "the settings themselves",
    "packages/flet/src/flet/environment.py": "DISPLAY / WAYLAND_DISPLAY (host detection)",
    "packages/flet/src/flet/cli.py": "copies the environment for the app's child process",
    "packages/flet/src/flet/auth/_http.py": "OAUTHLIB_INSECURE_TRANSPORT (oauthlib's own switch)",
    "packages/flet/src/flet/fastapi/workers.py": "WEB_CONCURRENCY (the worker count uvicorn and gunicorn read)",
    "packages/flet-runtime/src/flet_runtime/metrics.py": "PROMETHEUS_MULTIPROC_DIR (prometheus_client's own switch)",
    "packages/flet/src/flet/desktop.py": "copies the environment for the desktop client's process",
    "packages/flet-desktop/src/flet_desktop/__init__.py": "XDG_CACHE_HOME (where a macOS app bundle is unpacked)",
}
# Constants of the 0.21 API that are not variables (AppView values), the two variables of
# flet-web-assets' build hook, which cannot import flet-runtime (its README describes them), and
# the variable flet writes for the desktop client and never reads.
NOT_SETTINGS = {
    "FLET_APP",
    "FLET_APP_WEB",
    "FLET_APP_HIDDEN",
    "FLET_WEB_ASSETS_WHEEL",
    "FLET_WEB_ASSETS_CACHE",
    "FLET_HIDE_WINDOW_ON_START",
}


def sources() -> list[Path]:
    return sorted(ROOT.glob("packages/*/src/**/*.py"))


def declared_settings() -> set[str]:
    """The names declared in config.py (read as text: this session does not install flet-runtime)."""
    return set(re.findall(r'_declare\(\s*"(FLET_[A-Z_]+)"', CONFIG.read_text(encoding="utf-8")))


def test_only_known_modules_touch_the_environment() -> None:
    readers = {
        path.relative_to(ROOT).as_posix()
        for path in sources()
        if re.search(r"\bos\.environ\b|\bgetenv\b|\bputenv\b", path.read_text(encoding="utf-8"))
    }
    assert readers == set(ENVIRONMENT_READERS)


def test_every_flet_variable_named_in_the_sources_is_declared() -> None:
    declared = declared_settings()
    assert len(declared) >= 20
    undeclared = {
        f"{path.relative_to(ROOT).as_posix()}: {name}"
        for path in sources()
        if path != CONFIG
        for name in re.findall(r"\bFLET_[A-Z][A-Z_]*[A-Z]\b", path.read_text(encoding="utf-8"))
        if name not in declared and name not in NOT_SETTINGS
    }
    assert not undeclared, "declare these in flet_runtime/config.py, or stop naming them"
