"""The record kept between ``page.login()`` and the provider's redirect to the OAuth callback."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

__all__ = ["OAuthState"]


@dataclass
class OAuthState:
    """One pending sign-in, keyed by its ``state`` value; used once, then forgotten.

    ``session_id``, ``expires_at``, ``complete_page_url`` and ``complete_page_html`` are the
    0.21 fields. ``flow`` is what completes the sign-in for the page that started it.
    """

    session_id: str
    expires_at: datetime
    complete_page_url: str | None = None
    complete_page_html: str | None = None
    flow: Any = field(default=None, repr=False, compare=False)
