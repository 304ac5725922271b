"""Update cost against page size: one changed Text on pages of 1k, 10k and 100k controls.

Prints per-update CPU time for each size, the 100k/1k ratio (must stay below 2: untouched
controls cost nothing), and initial-render time for 10k and 100k controls (the 100k/10k ratio
must stay below 12: rendering is linear in the number of siblings).

    python tools/bench/update_cost.py            # uses the Text control of flet_core
"""

from __future__ import annotations

import gc
import sys
import time
from typing import Any

from flet_core.connection import InMemoryConnection
from flet_core.page import Page


class _NullConnection(InMemoryConnection):
    """Counts frames without decoding them, so only the server side is measured."""

    def __init__(self) -> None:
        super().__init__()
        self.sent = 0
        self.bytes = 0

    def send(self, frame: str) -> None:
        self.sent += 1
        self.bytes += len(frame)


def _text_class() -> Any:
    import flet_core

    try:
        return flet_core.Text
    except AttributeError:  # the catalog is not installed: a stand-in with the same shape
        from flet_core._fields import control, prop
        from flet_core.constrained_control import ConstrainedControl

        @control("text", positional=("value",))
        class Text(ConstrainedControl):
            value: str | None = prop(default=None, kw_only=False)

        return Text


def build(size: int) -> tuple[Page, list[Any], float]:
    text = _text_class()
    page = Page(_NullConnection(), session_id="bench")
    controls = [text(f"item {i}") for i in range(size)]
    start = time.process_time()
    page.add(*controls)
    return page, controls, time.process_time() - start


def update_time(page: Page, controls: list[Any], rounds: int = 200) -> float:
    target = controls[len(controls) // 2]
    start = time.process_time()
    for i in range(rounds):
        target.value = f"changed {i}"
        page.update()
    return (time.process_time() - start) / rounds


def main() -> int:
    gc.disable()
    per_update: dict[int, float] = {}
    render: dict[int, float] = {}
    for size in (1_000, 10_000, 100_000):
        initial = float("inf")
        for _ in range(3):  # best of three: the first run also pays for growing the heap
            page, controls, elapsed = build(size)
            initial = min(initial, elapsed)
            if _ < 2:
                del page, controls
                gc.collect()
        render[size] = initial
        per_update[size] = update_time(page, controls)
        print(
            f"{size:>7} controls: initial render {initial * 1000:8.1f} ms, one update {per_update[size] * 1e6:8.1f} µs"
        )
        del page, controls
        gc.collect()
    update_ratio = per_update[100_000] / per_update[1_000]
    render_ratio = render[100_000] / render[10_000]
    print(f"update 100k/1k ratio: {update_ratio:.2f} (must be < 2)")
    print(f"initial render 10k: {render[10_000] * 1000:.1f} ms; 100k/10k ratio: {render_ratio:.2f} (must be < 12)")
    return 0 if update_ratio < 2 and render_ratio < 12 else 1


if __name__ == "__main__":
    sys.exit(main())
