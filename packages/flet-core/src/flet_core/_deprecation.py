"""The deprecated ``*_async`` twins of 0.21, generated in one place."""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, TypeVar

__all__ = ["deprecated_twin", "warn_deprecated"]

P = ParamSpec("P")
R = TypeVar("R")


def warn_deprecated(name: str, replacement: str, *, stacklevel: int = 3) -> None:
    """Warn that ``name`` is deprecated since 0.21.0 in favour of ``replacement``."""
    warnings.warn(
        f"{name} is deprecated since version 0.21.0 and will be removed in version 1.0. Use {replacement} instead.",
        DeprecationWarning,
        stacklevel=stacklevel,
    )


def deprecated_twin(method: Callable[P, R]) -> Callable[P, Coroutine[Any, Any, R]]:
    """Make ``name_async`` from the method ``name``: an awaitable that warns, then calls it.

    The twin looks the method up on the instance, so subclasses' overrides are honoured.
    """
    name = method.__name__

    async def twin(*args: P.args, **kwargs: P.kwargs) -> R:
        # level 3 from warn_deprecated: this coroutine, then the frame that awaited it (the caller)
        warn_deprecated(f"{name}_async()", f"{name}()", stacklevel=3)
        instance, *rest = args
        sync: Callable[..., R] = getattr(instance, name)
        return sync(*rest, **kwargs)

    functools.update_wrapper(twin, method)
    twin.__name__ = twin.__qualname__ = f"{name}_async"
    twin.__doc__ = f"Deprecated since 0.21.0: use ``{name}()``."
    return twin
