"""The version of this Flet distribution, shared by all six packages of the monorepo."""

from __future__ import annotations

version = "0.21.2.post1"
