"""What the session hands out besides the records themselves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..domain.models import CallAttempt

if TYPE_CHECKING:
    from ..domain.guidance import NextStep

__all__ = ["TEMPLATES_SETTING", "CallStarted", "NotesOwner", "StepsWorkedOut"]

#: Whose text the notes editor holds: an interview's own notes, or one call's.
NotesOwner = tuple[Literal["interview", "call"], str]
#: Where the user's own script templates are kept (shared by the app and `followup script`).
TEMPLATES_SETTING = "templates"


@dataclass(frozen=True)
class CallStarted:
    """A call just begun, and what to say about it before the user dials (never a refusal)."""

    call: CallAttempt
    cautions: tuple[str, ...] = ()


class StepsWorkedOut:
    """Next steps worked out off the UI thread, by interview id, and how many changes the session had
    seen when they were begun: they are stale if it has seen more since."""

    __slots__ = ("edits", "steps")

    def __init__(self, steps: dict[str, NextStep], edits: int) -> None:
        self.steps, self.edits = steps, edits
