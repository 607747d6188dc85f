"""Scripting verbs: the same store, rules and validation as the app, from the shell."""

from __future__ import annotations

import argparse

__all__ = ["add_verbs", "run_verb"]


def add_verbs(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register each verb's sub-parser."""


def run_verb(args: argparse.Namespace) -> int:
    raise SystemExit(f"followup: unknown verb {args.verb}")
