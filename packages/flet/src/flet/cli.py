"""The `flet` command line. Only `flet --version` works so far."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from flet.version import version


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="flet", description="Flet command line.")
    parser.add_argument("--version", action="version", version=version)
    parser.add_argument("command", nargs="?", help="the command to run")
    parser.add_argument("arguments", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `flet` command with argv (default: sys.argv[1:]) and return its exit status."""
    parser = _parser()
    options = parser.parse_args(argv)
    if options.command is None:
        parser.print_usage(sys.stderr)
        print(
            "flet: error: a command is required (only `flet --version` works so far)",
            file=sys.stderr,
        )
        return 2
    print(
        f"flet: error: the command {options.command!r} is not available in flet {version} yet; "
        "only `flet --version` works so far",
        file=sys.stderr,
    )
    return 2
