"""The list's order, most urgent first and then by company and role, quick enough for thousands of interviews."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from ..domain.guidance import NextStep, attention_key
from ..domain.models import Interview

__all__ = ["ListOrder"]


class ListOrder:
    """Each interview's place by company and role, kept until an interview changes.

    Interviews as urgent as each other then compare by one number instead of two strings each.
    """

    def __init__(self) -> None:
        self._places: dict[str, int] = {}

    def forget(self) -> None:
        """An interview was added, changed or renamed: the places are worked out again when next needed."""
        self._places = {}

    def sort(
        self,
        shown: list[Interview],
        everyone: Iterable[Interview],
        step: Callable[[Interview], NextStep],
        now: datetime,
    ) -> list[Interview]:
        """`shown` by archived last, then urgency at `now`, then company and role (both any case)."""
        places = self._places
        if any(i.id not in places for i in shown):
            places = self._places = _places(everyone)

        def key(i: Interview) -> tuple[bool, int, float, int]:
            return (i.archived, *attention_key(step(i), now), places[i.id])

        return sorted(shown, key=key)


def _places(interviews: Iterable[Interview]) -> dict[str, int]:
    """Interviews of the same company and role share a place, so the sort keeps them in the order given."""
    # One string a name, company then role ("\0" sorts before any letter): a pair of strings in a tuple
    # each would hold twice the memory, for a moment, at 10,000 interviews.
    named = sorted((f"{i.company.lower()}\0{i.role.lower()}", i.id) for i in interviews)
    places: dict[str, int] = {}
    place, last = -1, None
    for name, interview_id in named:
        if name != last:
            place, last = place + 1, name
        places[interview_id] = place
    return places
