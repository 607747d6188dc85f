"""The filter's search: every word typed must appear in the interview's names, its notes or its calls' notes.

Where a word was found only in notes, the list says so with a few words around it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .models import CallAttempt, Interview

__all__ = ["Found", "found_in"]

#: How many characters of the note are kept either side of the word found.
_AROUND = 14


@dataclass(frozen=True)
class Found:
    """Where the words were found: "" when the company, role or interviewer held them all."""

    where: str = ""
    snippet: str = ""

    @property
    def mark(self) -> str:
        """'notes: …the onboarding redesign…' for the list; "" when the names matched."""
        return f"{self.where}: {self.snippet}" if self.where else ""


def _snippet(text: str, word: str) -> str:
    flat = " ".join(text.split())
    at = flat.lower().find(word)
    start, end = max(0, at - _AROUND), min(len(flat), at + len(word) + _AROUND)
    if start > 0 and (space := flat.find(" ", start, at)) != -1:
        start = space + 1  # whole words either side
    if end < len(flat) and (space := flat.rfind(" ", at + len(word), end)) != -1:
        end = space
    return ("…" if start else "") + flat[start:end].strip() + ("…" if end < len(flat) else "")


def found_in(interview: Interview, calls: Iterable[CallAttempt], words: Sequence[str]) -> Found | None:
    """Whether every word (any case) is in the names, the notes or a call's notes; None when one is not."""
    if not words:
        return Found()
    names = f"{interview.company} {interview.role} {interview.interviewer.name}".lower()
    texts = [("notes", interview.notes), *(("call notes", call.notes) for call in calls)]
    first: Found | None = None
    for word in (w.lower() for w in words):
        if word in names:
            continue
        where = next(((label, text) for label, text in texts if word in text.lower()), None)
        if where is None:
            return None
        first = first or Found(where[0], _snippet(where[1], word))
    return first or Found()
