"""What the agenda and the record of what worked are built from: one door for the app's views and their verbs."""

from __future__ import annotations

from ..domain.agenda import DEFAULT_DAYS, Agenda, build_agenda
from ..domain.stats import Stats, work_out
from ..domain.windows import user_zone
from . import Session

__all__ = ["agenda", "what_worked"]


def agenda(session: Session, days: int = DEFAULT_DAYS) -> Agenda:
    """The next `days` days of the open interviews, with the next steps the session has worked out."""
    now = session.now()
    return build_agenda(session.interviews(), lambda i: session.step(i.id), now, user_zone(session.profile, now), days)


def what_worked(session: Session) -> Stats:
    """The user's own record of calls and results, worked out on their clock."""
    now = session.now()
    return work_out(session.records(), user_zone(session.profile, now))
