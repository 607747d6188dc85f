"""After the call: the result of an application, and the views of the week and of what worked."""

from __future__ import annotations

from typing import Any

from rich.markup import escape
from textual.app import App

from ..domain.models import Interview, Result
from ..session import Session

__all__ = ["record_result", "show_agenda", "show_stats"]


async def show_stats(app: App[Any], session: Session) -> None:
    """What worked in the user's own record."""
    from ..session.views import what_worked
    from .stats import StatsScreen

    await app.push_screen_wait(StatsScreen(what_worked(session)))


async def show_agenda(app: App[Any], session: Session) -> Interview | None:
    """The next days as a small calendar; enter on a line opens its interview."""
    from ..session.views import agenda
    from .agenda import AgendaScreen

    chosen = await app.push_screen_wait(AgendaScreen(agenda(session)))
    return session.get(chosen)


async def record_result(app: App[Any], session: Session, interview_id: str) -> Interview | None:
    """Which result and the day it came; a next round opens (and shows) the next interview."""
    from ..dialogs.result import ResultDialog
    from ..dialogs.text_prompt import TextPrompt
    from ..domain.fields import result_day
    from ..session.results import set_result

    result = await app.push_screen_wait(ResultDialog())
    if result is None:
        return None
    on = None
    if result is not Result.WAITING:

        def check(text: str) -> str:
            result_day(text, session.now(), "when", day_first=session.profile.day_first)
            return text

        prompt = TextPrompt(f"{result.label}: when did word come?", "today", "e.g. today, yesterday, Mon 30 Nov", check)
        typed = await app.push_screen_wait(prompt)
        if typed is None:
            return None
        on = result_day(typed, session.now(), "when", day_first=session.profile.day_first)
    settled = set_result(session, interview_id, result, on)
    if settled.next_round is not None:
        later = settled.next_round
        said = "Opened" if settled.opened else "Showing"
        app.notify(f"{said} {escape(later.title)}; e adds when it takes place.", timeout=5)
        return later
    app.notify(f"{escape(settled.interview.title)}: {escape(session.step(interview_id).reason)}", timeout=5)
    return settled.interview
