"""The list's order, most urgent first and then by company and role, quick enough for thousands of interviews."""

from __future__ import annotations

import heapq
import operator
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import cast

from ..domain.guidance import NextStep, attention_key
from ..domain.models import Interview

__all__ = ["ListOrder", "first_rows"]

#: An interview's place among the first rows of a start: archived last, then urgency and when due, then its name.
Key = tuple[bool, int, float, str]
#: A row found at a start: its key, then its position in the list given.
Rank = tuple[bool, int, float, str, int]


class ListOrder:
    """Every interview's id in order of company and role, kept until an interview changes.

    The list's order is then one stable sort, by urgency alone, of the interviews taken in that order:
    interviews as urgent as each other stay in it, with no name, nor any number for one, to compare.
    """

    def __init__(self) -> None:
        self._by_name: list[str] = []

    def forget(self) -> None:
        """An interview was added, changed or renamed: the order by name is worked out again when next needed."""
        self._by_name = []

    def sort(
        self,
        everyone: Mapping[str, Interview],
        keep: Callable[[Interview], bool],
        step: Callable[[Interview], NextStep],
        now: datetime,
    ) -> list[Interview]:
        """The interviews `keep` keeps, by archived last, then urgency at `now`, then company and role (both any
        case; interviews alike in all three in the order of `everyone`)."""
        return sorted(filter(keep, self._by_names(everyone)), key=_urgency(step, now))

    def _by_names(self, everyone: Mapping[str, Interview]) -> list[Interview]:
        """Every interview by company and role, worked out again unless the ids kept are exactly everyone's."""
        ids = self._by_name
        found = [everyone.get(i) for i in ids]
        if len(ids) == len(everyone) and None not in found:
            return cast(list[Interview], found)
        named = sorted(everyone.values(), key=_name)  # a stable sort: alike names stay in the order given
        self._by_name = [i.id for i in named]
        return named


def _urgency(step: Callable[[Interview], NextStep], now: datetime) -> Callable[[Interview], tuple[bool, int, float]]:
    """An interview's urgency, smallest first: archived last, then how urgent its step is at `now` and when due."""
    return lambda i: (i.archived, *attention_key(step(i), now))


def _keyed(step: Callable[[Interview], NextStep], now: datetime) -> Callable[[Interview], Key]:
    """An interview's key among the first rows: its urgency, then its name."""
    urgency = _urgency(step, now)
    return lambda i: (*urgency(i), _name(i))


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
    key = _keyed(step, now)
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
