"""Apps in the 0.20/0.21 styles (tests/apps, written for these tests) run unchanged under the testing kit.

The same apps are in the behaviour comparison with upstream 0.21.2 (tools/compare/behaviour.py).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

import flet as ft
from flet.testing import App
from flet.testing import open as open_app

APPS = Path(__file__).parent / "apps"


def load(name: str) -> ModuleType:
    """An app module of tests/apps (plain modules, so upstream's flet can serve them too)."""
    spec = importlib.util.spec_from_file_location(f"kit_app_{name}", APPS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# these apps use the 0.20-era APIs on purpose (UserControl, *_async): they must keep working
pytestmark = [pytest.mark.asyncio, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


async def test_shopping_list_with_user_controls() -> None:
    async with open_app(load("shopping_list").main) as tab:
        field = tab.find(type=ft.TextField)
        for name in ("bread", "tea"):
            await tab.type(field, name)
            await tab.submit(field)
        assert tab.sees("2 to buy")
        await tab.click(tab.find_all(type=ft.IconButton, where=lambda e: e.get("tooltip") == "One more")[0])
        assert tab.sees("x2")
        await tab.click(tab.find("bread"))
        assert tab.sees("1 to buy")
        await tab.click(tab.find("Still to buy"))
        assert not tab.sees("bread") and tab.sees("tea")
        await tab.click(tab.find("All"))
        await tab.click(tab.find("Drop what I have"))
        assert not tab.sees("bread")
        await tab.click(tab.find(type=ft.IconButton, where=lambda e: e.get("tooltip") == "Rename"))
        await tab.type(tab.find("tea", type=ft.TextField), "green tea")
        await tab.click(tab.find("Save"))
        assert tab.sees("green tea") and tab.sees("1 to buy")


async def test_library_routes_and_back() -> None:
    async with open_app(load("library").main) as tab:
        await tab.click(tab.find("Knots for sailors"))
        assert tab.sees("by T. Bowline")
        await tab.click(tab.find("Borrow"))
        assert tab.sees("My loans") and tab.sees("Knots for sailors")
        await tab.back()
        assert tab.sees("Catalogue")
    async with open_app(load("library").main, "/book/3") as tab:
        assert tab.sees("A year of soups") and tab.sees("by L. Leek")


async def test_thermostat_styles_dialog_and_inputs() -> None:
    async with open_app(load("thermostat").main) as tab:
        await tab.set_value(tab.find(type=ft.Slider), 23.5)
        assert tab.sees("23.5 °C")
        await tab.click(tab.find("Cool"))
        assert tab.sees("Mode: cool")
        await tab.click(tab.find(type=ft.IconButton, where=lambda e: e.get("tooltip") == "Reset"))
        assert tab.sees("Reset the schedule?")
        await tab.click(tab.find("Reset", type=ft.TextButton))
        assert tab.sees("20.0 °C") and tab.sees("reset to 20 °C") and tab.sees("Back to 20 °C")
        await tab.click(tab.find("Child lock"))
        assert tab.sees("lock True")
        await tab.set_value(tab.find(type=ft.Dropdown), "high")
        assert tab.sees("fan high")


async def test_async_board_between_two_sessions() -> None:
    async with App(load("async_board").main) as app:
        first, second = await app.open_tab(), await app.open_tab()
        await first.type(first.find("guest", type=ft.TextField), "ann")
        await first.type(first.find(type=ft.TextField, where=lambda e: e.get("label") == "Message"), "hello")
        await first.click(first.find("Post"))
        await second.wait_for(lambda: second.sees("ann: hello"))
        assert first.sees("ann: hello")
