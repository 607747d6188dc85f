"""What the session hands out besides the records themselves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..domain.models import CallAttempt

__all__ = ["TEMPLATES_SETTING", "CallStarted", "NotesOwner"]

#: Whose text the notes editor holds: an interview's own notes, or one call's.
NotesOwner = tuple[Literal["interview", "call"], str]
#: Where the user's own script templates are kept (shared by the app and `followup script`).
TEMPLATES_SETTING = "templates"


@dataclass(frozen=True)
class CallStarted:
    """A call just begun, and what to say about it before the user dials (never a refusal)."""

    call: CallAttempt
    cautions: tuple[str, ...] = ()
