"""`followup practice-card`: the role-play card for the friend who plays the hiring manager (D6)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.card import practice_card
from ..formats.cardfile import card_markdown, card_text
from .common import open_session, workbook_path
from .export import check_target, deliver

__all__ = ["run"]


def run(args: argparse.Namespace) -> int:
    target = Path(args.output).expanduser().absolute() if args.output else None
    if target is not None:
        check_target(target, workbook_path(args))
    with open_session(args, write=False) as session:
        card = practice_card(session.find(args.id), session.profile, session.now())
    plain = args.plain or (target is not None and target.suffix.lower() == ".txt")
    payload = (card_text(card) if plain else card_markdown(card)).encode("utf-8")
    deliver(payload, target)
    return 0
