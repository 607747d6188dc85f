"""The list's order, most urgent first and then by company and role, quick enough for thousands of interviews."""

from __future__ import annotations

import heapq
import operator
from collections.abc import Callable, Iterable
from datetime import datetime

from ..domain.guidance import NextStep, attention_key
from ..domain.models import Interview

__all__ = ["ListOrder", "first_rows"]

#: An interview's place in the list: archived last, then urgency and when due, then its name's place (or,
#: for the first rows of a start, its name).
Key = tuple[bool, int, float, int | str]
#: A row found at a start: its key, then its position in the list given.
Rank = tuple[bool, int, float, int | str, int]


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
        places = self._places_of(shown, everyone)
        return sorted(shown, key=_keyed(lambda i: places[i.id], step, now))

    def _places_of(self, shown: list[Interview], everyone: Iterable[Interview]) -> dict[str, int]:
        """Each interview's place by name, worked out again when one of `shown` has none yet."""
        if any(i.id not in self._places for i in shown):
            self._places = _places(everyone)
        return self._places


def _keyed(
    name: Callable[[Interview], int | str], step: Callable[[Interview], NextStep], now: datetime
) -> Callable[[Interview], Key]:
    """An interview's key: archived last, then urgency at `now`, then `name`: company and role (both any
    case) as a place among every interview's, or as one string."""

    def key(i: Interview) -> Key:
        return (i.archived, *attention_key(step(i), now), name(i))

    return key


def _name(i: Interview) -> str:
    """Company then role, both any case, as one string ("\0" sorts before any letter)."""
    return f"{i.company.lower()}\0{i.role.lower()}"


def first_rows(
    shown: list[Interview],
    step: Callable[[Interview], NextStep],
    most_urgent: Callable[[Interview], tuple[int, float] | None],
    now: datetime,
    count: int,
) -> list[Interview]:
    """`shown` with its first `count` as `ListOrder.sort` puts them, working out only the steps those
    need; the others after them as given, until `sort` puts them right.

    `most_urgent(i)`: the most urgent `i` can be, whatever its step (None: only its step tells). The
    interviews are taken most urgent first and their steps worked out, until the `count` most urgent
    found come before the most any interview left can be: none left can come before them. Most lists
    stop after a few hundred; one whose steps are all far less urgent than they could be (every
    interview waiting) works every step out. Neither every name's place nor the whole list's order is
    needed: the rows found compare by their names, and the others are only picked from a heap.
    """
    count = max(count, 1)
    key = _keyed(_name, step, now)
    found: list[_Found] = []  # the `count` most urgent found, the least urgent of them on top

    def take(i: Interview, position: int) -> None:
        entry = _Found((*key(i), position), i)
        if len(found) < count:
            heapq.heappush(found, entry)
        elif entry.rank < found[0].rank:
            heapq.heapreplace(found, entry)

    guessed: list[tuple[bool, int, float, int, Interview]] = []
    for position, i in enumerate(shown):  # the position keeps alike keys in `sort`'s order
        bound = most_urgent(i)
        if bound is None:
            take(i, position)
        else:
            guessed.append((i.archived, *bound, position, i))
    heapq.heapify(guessed)
    # An interview left comes no earlier than its bound: once the last of the `count` found comes before
    # the next bound (a tie may still go either way, by name), none left can come before them.
    while guessed and (len(found) < count or found[0].rank[:3] >= guessed[0][:3]):
        *_, position, i = heapq.heappop(guessed)
        take(i, position)
    first = [entry.interview for entry in sorted(found, key=operator.attrgetter("rank"))]
    taken = {id(i) for i in first}
    return first + [i for i in shown if id(i) not in taken]


class _Found:
    """A row found, in a heap whose top is the least urgent of those found."""

    __slots__ = ("interview", "rank")

    def __init__(self, rank: Rank, interview: Interview) -> None:
        self.rank, self.interview = rank, interview

    def __lt__(self, other: _Found) -> bool:
        return self.rank > other.rank


def _places(interviews: Iterable[Interview]) -> dict[str, int]:
    """Interviews of the same company and role share a place, so the sort keeps them in the order given."""
    # One string a name, company then role ("\0" sorts before any letter): a pair of strings in a tuple
    # each would hold twice the memory, for a moment, at 10,000 interviews.
    named = sorted((_name(i), i.id) for i in interviews)
    places: dict[str, int] = {}
    place, last = -1, None
    for name, interview_id in named:
        if name != last:
            place, last = place + 1, name
        places[interview_id] = place
    return places
