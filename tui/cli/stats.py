"""`followup stats`: what worked in your own record, with bars; JSON with --json."""

from __future__ import annotations

import argparse

import orjson

from ..formats.report import render_stats, stats_json
from ..session.views import what_worked
from .common import open_session

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    with open_session(args, write=False) as session:
        stats = what_worked(session)
    print(orjson.dumps(stats_json(stats), option=orjson.OPT_INDENT_2).decode() if args.json else render_stats(stats))
    return 0
