"""Icon and colour constant modules, `colors.with_opacity`, and their generator.

The spec-driven tests read the lists in the spec folder (FLET_SPEC_DIR, else `../shared/spec`
beside the repository) and are skipped when it is absent.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
from pathlib import Path
from types import ModuleType

import pytest

from flet_core import colors, cupertino_colors, cupertino_icons, icons

REPO_ROOT = Path(__file__).resolve().parents[3]
SPEC_DIR = Path(os.environ.get("FLET_SPEC_DIR") or REPO_ROOT.parent / "shared" / "spec")
needs_spec = pytest.mark.skipif(not SPEC_DIR.is_dir(), reason=f"spec folder not found at {SPEC_DIR}")


def _spec_pairs(file_name: str, prefix: str = "") -> list[tuple[str, str]]:
    path = SPEC_DIR / file_name
    if not path.is_file():
        return []
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        name, _, value = line.partition("\t")
        if name.startswith(prefix):
            pairs.append((name.removeprefix(prefix), value))
    return pairs


LISTS = {
    "icons": _spec_pairs("icons.txt"),
    "cupertino_icons": _spec_pairs("cupertino_icons.txt"),
    "colors": _spec_pairs("colors.txt", "colors."),
    "cupertino_colors": _spec_pairs("colors.txt", "cupertino_colors."),
}


def _constants(module: ModuleType) -> dict[str, object]:
    return {name: value for name, value in vars(module).items() if name.isupper()}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (icons.ADD, "add"),
        (icons.TEN_K, "ten_k"),
        (icons.SETTINGS_OUTLINED, "settings_outlined"),
        (cupertino_icons.LEFT_CHEVRON, "cupertino_left_chevron"),
        (colors.AMBER_100, "amber100"),
        (colors.ON_PRIMARY, "onprimary"),
        (colors.WHITE, "white"),
        (cupertino_colors.WHITE, "cupertinoWhite"),
        (cupertino_colors.ACTIVE_BLUE, "activeBlue"),
    ],
)
def test_known_constants(value: str, expected: str) -> None:
    assert value == expected


@pytest.mark.parametrize(
    ("opacity", "color", "expected"),
    [(0.5, "red", "red,0.5"), (1.0, colors.AMBER_100, "amber100,1.0"), (0, "#ff0000", "#ff0000,0")],
)
def test_with_opacity(opacity: float, color: str, expected: str) -> None:
    assert colors.with_opacity(opacity, color) == expected


@pytest.mark.parametrize("opacity", [-0.1, 1.5])
def test_with_opacity_rejects_out_of_range(opacity: float) -> None:
    with pytest.raises(ValueError, match="between 0 and 1"):
        colors.with_opacity(opacity, "red")


@needs_spec
@pytest.mark.parametrize("module_name", sorted(LISTS))
def test_module_holds_exactly_the_spec_list(module_name: str) -> None:
    module = importlib.import_module(f"flet_core.{module_name}")
    assert _constants(module) == dict(LISTS[module_name])
    assert len(_constants(module)) == len(LISTS[module_name])


@needs_spec
def test_colors_list_covers_both_colour_modules() -> None:
    assert (len(LISTS["colors"]), len(LISTS["cupertino_colors"])) == (336, 48)
    assert len(LISTS["colors"]) + len(LISTS["cupertino_colors"]) == len(_spec_pairs("colors.txt"))


@needs_spec
def test_generated_modules_are_up_to_date() -> None:
    path = REPO_ROOT / "tools" / "codegen" / "constants.py"
    spec = importlib.util.spec_from_file_location("codegen_constants", path)
    assert spec is not None and spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    assert generator.main(["--check", "--spec-dir", str(SPEC_DIR)]) == 0, (
        "run `python tools/codegen/constants.py` and commit the result"
    )
