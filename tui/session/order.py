"""The list's order, most urgent first and then by company and role, quick enough for thousands of interviews."""

from __future__ import annotations

import heapq
import operator
from collections.abc import Callable, Iterable
from datetime import datetime

from ..domain.guidance import NextStep, attention_key
from ..domain.models import Interview

__all__ = ["ListOrder"]

#: An interview's place in the list: archived last, then urgency and when due, then its name's place.
Key = tuple[bool, int, float, int]


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
        return sorted(shown, key=_keyed(self._places_of(shown, everyone), step, now))

    def first(
        self,
        shown: list[Interview],
        everyone: Iterable[Interview],
        step: Callable[[Interview], NextStep],
        most_urgent: Callable[[Interview], tuple[int, float] | None],
        now: datetime,
        count: int,
    ) -> list[Interview]:
        """`shown` with its first `count` as `sort` puts them, working out only the steps those need; the
        others after them, in an order that only guesses until `sort` puts them right.

        `most_urgent(i)`: the most urgent `i` can be, whatever its step (None: only its step tells). The
        interviews are taken most urgent first and their steps worked out, until the `count` most urgent
        found come before the most any interview left can be: none left can come before them. Most lists
        stop after a few hundred; one whose steps are all far less urgent than they could be (every
        interview waiting) works every step out, as `sort` does.
        """
        count = max(count, 1)
        places = self._places_of(shown, everyone)
        key = _keyed(places, step, now)
        known: list[tuple[Key, int, Interview]] = []
        guessed: list[tuple[Key, int, Interview]] = []
        for position, i in enumerate(shown):  # the position keeps alike keys in `sort`'s order
            bound = most_urgent(i)
            if bound is None:
                known.append((key(i), position, i))
            else:
                guessed.append(((i.archived, *bound, places[i.id]), position, i))
        guessed.sort(key=_ranked)
        # The `count` most urgent found so far, the least urgent of them on top (a heap of negated keys),
        # and that one's key and position once there are `count`.
        worst: list[tuple[float, ...]] = []
        last: list[tuple[float, ...]] = []

        def found(entry: tuple[Key, int, Interview]) -> None:
            (archived, bucket, due, place), position, _ = entry
            negated = (-archived, -bucket, -due, -place, -position)
            if len(worst) < count:
                heapq.heappush(worst, negated)
            elif negated > worst[0]:
                heapq.heapreplace(worst, negated)
            else:
                return
            if len(worst) == count:
                last[:] = [tuple(-part for part in worst[0])]

        for entry in known:
            found(entry)
        taken = 0
        for least, position, i in guessed:
            if last and last[0] < (*least, position):
                break  # every interview left comes after the `count` found
            known.append(entry := (key(i), position, i))
            found(entry)
            taken += 1
        known.sort(key=_ranked)
        rest = sorted(known[count:] + guessed[taken:], key=_ranked)
        return [i for *_, i in known[:count]] + [i for *_, i in rest]

    def _places_of(self, shown: list[Interview], everyone: Iterable[Interview]) -> dict[str, int]:
        """Each interview's place by name, worked out again when one of `shown` has none yet."""
        if any(i.id not in self._places for i in shown):
            self._places = _places(everyone)
        return self._places


def _keyed(places: dict[str, int], step: Callable[[Interview], NextStep], now: datetime) -> Callable[[Interview], Key]:
    """An interview's key: archived last, then urgency at `now`, then company and role (both any case)."""

    def key(i: Interview) -> Key:
        return (i.archived, *attention_key(step(i), now), places[i.id])

    return key


#: An entry's key, then its position in the list given: alike keys stay in that order.
_ranked = operator.itemgetter(0, 1)


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
