"""Practising the call and the card for a friend, as dialog sequences the main screen runs (D6)."""

from __future__ import annotations

import re
from typing import Any

from rich.markup import escape
from textual.app import App

from ..domain.models import Interview
from ..session import Session
from ..store.storage import describe, write_atomic

__all__ = ["practise", "show_card"]


async def practise(app: App[Any], session: Session, interview_id: str) -> Interview | None:
    """A rehearsal on its own screen; says what was kept, and when the practice item was ticked for the user."""
    from ..domain.practice import PRACTISED_ENOUGH, practised_line
    from .practice import PracticeScreen

    kept: Interview | None = await app.push_screen_wait(PracticeScreen(session, interview_id))
    if kept is None:
        app.notify("Rehearsal stopped; nothing kept.", timeout=3)
        return None
    line = practised_line(kept)
    ticked = " The practice item is ticked for you." if len(kept.rehearsals) == PRACTISED_ENOUGH else ""
    app.notify(f"Rehearsal kept. {escape(line)}.{ticked}", timeout=6)
    return kept


async def show_card(app: App[Any], session: Session, interview_id: str) -> None:
    """The card on screen, to copy or save beside the workbook as Markdown."""
    from ..dialogs.card import CardDialog
    from ..domain.card import practice_card
    from ..formats.cardfile import card_markdown, card_text

    interview = session.interview(interview_id)
    card = practice_card(interview, session.profile, session.now())
    markdown = card_markdown(card)
    if await app.push_screen_wait(CardDialog(card_text(card), markdown)) != "save":
        return
    slug = re.sub(r"[^\w]+", "-", interview.title.lower()).strip("-") or "interview"
    target = session.workbook.path.parent / f"role-play-card-{slug}.md"
    try:
        write_atomic(target, markdown.encode("utf-8"), 0o600)
    except OSError as error:
        app.notify(f"Could not save the card to {escape(str(target))}: {escape(describe(error))}.", severity="error")
        return
    app.notify(f"Saved the card to {escape(str(target))}.", timeout=8)
