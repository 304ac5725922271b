"""The deprecated ``*_async`` twins of 0.21, generated in one place."""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable, Coroutine
from typing import Any, Concatenate, ParamSpec, TypeVar

__all__ = ["deprecated_twin", "warn_deprecated"]

S = TypeVar("S")
P = ParamSpec("P")
R = TypeVar("R")


def warn_deprecated(name: str, replacement: str, *, stacklevel: int = 3) -> None:
    """Warn that ``name`` is deprecated since 0.21.0 in favour of ``replacement``."""
    warnings.warn(
        f"{name} is deprecated since version 0.21.0 and will be removed in version 1.0. Use {replacement} instead.",
        DeprecationWarning,
        stacklevel=stacklevel,
    )


def deprecated_twin(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], Coroutine[Any, Any, R]]:
    """Make ``name_async``: an awaitable that warns, then calls the sync ``name`` method."""
    name = method.__name__

    @functools.wraps(method)
    async def twin(self: S, *args: P.args, **kwargs: P.kwargs) -> R:
        # level 3 from warn_deprecated: this coroutine, then the frame that awaited it (the caller)
        warn_deprecated(f"{name}_async()", f"{name}()", stacklevel=3)
        sync: Callable[P, R] = getattr(self, name)
        return sync(*args, **kwargs)

    twin.__name__ = twin.__qualname__ = f"{name}_async"
    twin.__doc__ = f"Deprecated since 0.21.0: use ``{name}()``."
    return twin
