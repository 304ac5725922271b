"""flet.testing queries and snapshots: what is found, what is on screen, what failures say."""

from __future__ import annotations

import re

import pytest

import flet as ft
import flet.testing
from flet.testing import (
    AmbiguousControlError,
    AppFactory,
    ControlNotFoundError,
    Element,
    FletTestError,
)


def catalog(page: ft.Page) -> None:
    page.title = "Shop"
    page.add(
        ft.Text("Apples", key="apples"),
        ft.Text("Green apples"),
        ft.TextField(label="Quantity", hint_text="How many?", value="2", key="qty"),
        ft.ElevatedButton("Buy", tooltip="Buy now"),
        ft.Text("Secret", visible=False),
        ft.Container(ft.Column([ft.Text("Inside")], visible=False)),
        ft.Tabs(
            selected_index=0,
            tabs=[
                ft.Tab(text="One", content=ft.Text("first page")),
                ft.Tab(text="Two", content=ft.Text("second page")),
            ],
        ),
    )


@pytest.mark.asyncio
async def test_find_by_text_type_key_contains_and_pattern(flet_app: AppFactory) -> None:
    app = await flet_app(catalog)
    assert app.find("Apples").key == "apples"
    assert app.find(key="apples").text == "Apples"
    assert app.find(type=ft.ElevatedButton).text == "Buy"
    assert app.find(type="elevatedbutton") == app.find("Buy")
    assert app.find("Buy now").type == "elevatedbutton"  # the tooltip is a text attribute too
    assert app.find("How many?") == app.find(key="qty") == app.find("Quantity") == app.find("2")
    assert [e.text for e in app.find_all(contains="pples")] == ["Apples", "Green apples"]
    assert [e.text for e in app.find_all(re.compile(r"^\w+ apples$"))] == ["Green apples"]
    assert app.find_all("Nothing like this") == []
    assert app.find(type=ft.Text, where=lambda e: (e.text or "").startswith("G")).text == "Green apples"


@pytest.mark.asyncio
async def test_hidden_controls_are_not_on_screen(flet_app: AppFactory) -> None:
    app = await flet_app(catalog)
    assert not app.sees("Secret") and not app.sees("Inside")
    assert app.find("Secret", hidden=True).hidden_reason() == "visible=false"
    assert app.find("Inside", hidden=True).hidden_reason() == "inside content: column: visible=false"
    assert app.sees("first page") and not app.sees("second page")
    assert app.find("second page", hidden=True).hidden_reason() == "in an unselected tab"
    await app.click("Two")
    assert app.sees("second page") and not app.sees("first page")
    assert app.find(type=ft.Tabs)["selectedindex"] == "1"


@pytest.mark.asyncio
async def test_element_reads_the_live_tree(flet_app: AppFactory) -> None:
    def main(page: ft.Page) -> None:
        label = ft.Text("before")

        def change(e: ft.ControlEvent) -> None:
            label.value = "after"
            page.update()

        page.add(label, ft.ElevatedButton("Change", on_click=change))
        page.add(ft.ElevatedButton("Remove", on_click=lambda e: page.remove(label)))

    app = await flet_app(main)
    label = app.find("before")
    await app.click("Change")
    assert label.text == "after" and label.attrs == {"value": "after"}
    assert label.parent.type == "view"
    assert label in label.parent.children
    await app.click("Remove")
    with pytest.raises(ControlNotFoundError, match="no longer on the page"):
        label.text  # noqa: B018  # the property raises


@pytest.mark.asyncio
async def test_not_found_says_what_was_looked_for_and_shows_the_screen(flet_app: AppFactory) -> None:
    app = await flet_app(catalog)
    with pytest.raises(ControlNotFoundError) as caught:
        app.find("Apple", type=ft.Text)
    message = str(caught.value)
    assert message.startswith("no control on screen matches text='Apple', type=text")
    assert "texts on screen that come close: 'Apples'" in message
    assert 'What is on screen:\npage route="/" title="Shop"\n' in message
    assert '├─ text "Apples" key="apples"' in message

    with pytest.raises(ControlNotFoundError, match=r"text \"Secret\" .*matches but is not on screen \(visible=false\)"):
        app.find("Secret")
    with pytest.raises(ControlNotFoundError, match="no control on screen matches"):
        app.should_see("Bananas")
    with pytest.raises(FletTestError, match="expected to see nothing matching text='Apples', saw:\n  text \"Apples\""):
        app.should_not_see("Apples")


@pytest.mark.asyncio
async def test_several_matches_are_listed(flet_app: AppFactory) -> None:
    app = await flet_app(catalog)
    with pytest.raises(AmbiguousControlError) as caught:
        app.find(type=ft.Text)
    assert str(caught.value).startswith("3 controls match type=text; narrow the query")
    assert '  text "Green apples"\n' in str(caught.value)


@pytest.mark.asyncio
async def test_scoped_queries_look_inside_an_element(flet_app: AppFactory) -> None:
    def main(page: ft.Page) -> None:
        for fruit in ("Apple", "Pear"):
            page.add(ft.Row([ft.Text(fruit), ft.IconButton(ft.icons.DELETE, tooltip="Delete")], key=fruit))

    app = await flet_app(main)
    pear = app.find(key="Pear")
    assert isinstance(pear, Element)
    assert pear.find("Delete").parent == pear
    assert pear.texts == ["Pear", "Delete"]
    with pytest.raises(AmbiguousControlError):
        app.find("Delete")


@pytest.mark.asyncio
async def test_snapshot_shows_slots_hidden_controls_and_details(flet_app: AppFactory) -> None:
    def main(page: ft.Page) -> None:
        page.appbar = ft.AppBar(title=ft.Text("Inbox"), actions=[ft.IconButton(ft.icons.REFRESH)])
        page.dialog = ft.AlertDialog(title=ft.Text("Sure?"))
        page.add(
            ft.Card(content=ft.Text("Hello\nworld")),
            ft.Checkbox(label="Done", value=True, disabled=True),
            ft.Text("gone", visible=False),
        )

    app = await flet_app(main)
    assert app.snapshot() == (
        'page route="/"\n'
        "└─ view\n"
        "   ├─ appbar\n"
        '   │  ├─ title: text "Inbox"\n'
        '   │  └─ action: iconbutton icon="refresh"\n'
        "   ├─ card\n"
        '   │  └─ content: text "Hello\\nworld"\n'
        '   └─ checkbox value="true" label="Done" disabled=true'
    )
    hidden = app.snapshot(hidden=True)
    assert '│  └─ text "gone"  [hidden: visible=false]\n' in hidden
    assert "└─ offstage\n   └─ alertdialog  [hidden: not open]\n" in hidden
    assert hidden.endswith('      └─ title: text "Sure?"  [hidden]')
    detailed = app.snapshot(details=True)
    assert 'page route="/" clientip="127.0.0.1"' in detailed
    assert app.find(type=ft.Card).snapshot() == 'card\n└─ content: text "Hello\\nworld"'


def test_open_sync_finds_and_acts_like_the_async_tab() -> None:
    with flet.testing.open_sync(catalog) as app:
        assert app.find("Apples").key == "apples"
        app.click("Two")
        assert app.sees("second page")
        assert app.snapshot().startswith('page route="/" title="Shop"')
