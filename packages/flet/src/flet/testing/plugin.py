"""The pytest plugin of ``flet`` (entry point ``pytest11``): the ``flet_app`` fixtures.

It only adds fixtures: nothing runs unless a test asks for one, and no pytest or
pytest-asyncio setting is changed. ``flet.testing`` itself is imported when a fixture is
first used, so the plugin costs nothing to pytest runs that do not use it.

* ``flet_app``: ``tab = await flet_app(main, route="/", **options)`` in ``async`` tests
  (needs pytest-asyncio; mark the test with ``@pytest.mark.asyncio`` in its strict mode).
* ``flet_app_sync``: ``tab = flet_app_sync(main, ...)`` in plain tests.

Both take the arguments of ``flet.testing.open`` and close every app they opened when the
test ends.
"""

from __future__ import annotations

import contextlib
import importlib.util
from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from flet.testing import AppFactory, SyncAppFactory, Tab

__all__ = ["flet_app", "flet_app_sync"]


if importlib.util.find_spec("pytest_asyncio") is not None:
    import pytest_asyncio

    @pytest_asyncio.fixture
    async def flet_app() -> AsyncIterator[AppFactory]:
        """Open apps in an async test: ``tab = await flet_app(main, route="/", **options)``."""
        from flet.testing import open as open_app

        async with contextlib.AsyncExitStack() as stack:

            async def open_tab(main: Any, route: str = "/", **options: Any) -> Tab:
                return await stack.enter_async_context(open_app(main, route, **options))

            yield open_tab

else:  # async tests need pytest-asyncio; the sync fixture works without it

    @pytest.fixture(name="flet_app")
    def _flet_app_without_pytest_asyncio() -> AppFactory:
        """Open apps in an async test (needs pytest-asyncio, which is not installed)."""
        raise pytest.UsageError(
            "the flet_app fixture runs on pytest-asyncio: pip install pytest-asyncio "
            "(or use the flet_app_sync fixture in a plain def test)"
        )


@pytest.fixture
def flet_app_sync() -> Iterator[SyncAppFactory]:
    """Open apps in a plain test: ``tab = flet_app_sync(main, route="/", **options)``."""
    from flet.testing import open_sync

    with contextlib.ExitStack() as stack:

        def open_tab(main: Any, route: str = "/", **options: Any) -> Any:
            return stack.enter_context(open_sync(main, route, **options))

        yield open_tab
