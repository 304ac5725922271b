"""Icon and colour constant modules, and `colors.with_opacity`.

The lists of names and values are test data of this package (tests/data/README.md); a missing
file fails the module.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path
from types import ModuleType

import pytest

from flet_core import colors, cupertino_colors, cupertino_icons, icons

DATA = Path(__file__).resolve().parent / "data"


def _spec_pairs(file_name: str, prefix: str = "") -> list[tuple[str, str]]:
    pairs = []
    for line in (DATA / file_name).read_text(encoding="utf-8").splitlines():
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


@pytest.mark.parametrize("module_name", sorted(LISTS))
def test_module_holds_exactly_the_spec_list(module_name: str) -> None:
    module = importlib.import_module(f"flet_core.{module_name}")
    assert _constants(module) == dict(LISTS[module_name])
    assert len(_constants(module)) == len(LISTS[module_name])


@pytest.mark.parametrize("module", [icons, cupertino_icons], ids=lambda module: module.__name__)
def test_type_declarations_name_each_constant_with_its_value(module: ModuleType) -> None:
    """The icon modules make their constants at run time; the .pyi beside each declares them."""
    assert module.__file__ is not None
    declared: dict[str, object] = {}
    for node in ast.parse(Path(module.__file__).with_suffix(".pyi").read_text(encoding="utf-8")).body:
        if isinstance(node, ast.AnnAssign):
            assert isinstance(node.target, ast.Name) and isinstance(node.value, ast.Constant)
            assert ast.unparse(node.annotation) == "Final"
            declared[node.target.id] = node.value.value
    assert declared == _constants(module)


def test_colors_list_covers_both_colour_modules() -> None:
    assert (len(LISTS["colors"]), len(LISTS["cupertino_colors"])) == (336, 48)
    assert len(LISTS["colors"]) + len(LISTS["cupertino_colors"]) == len(_spec_pairs("colors.txt"))
