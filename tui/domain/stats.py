"""What worked, from the user's own record: which call times got answers, whether messages got a call
back, what the follow-ups led to, how long results took, and results by thank-you channel. Pure.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import tzinfo
from statistics import median

from .models import CallAttempt, Channel, Interview, Outcome, Result
from .records import Records
from .windows import EARLY, LATE, interviewer_zone

__all__ = ["MIN_CALLS", "MIN_RESULTS", "Rate", "Stats", "work_out"]

#: Fewer finished calls than this, and rates by time would be noise.
MIN_CALLS = 10
#: Fewer results than this, and what they led to would be noise.
MIN_RESULTS = 3
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_GOOD = (Result.NEXT_ROUND, Result.OFFER)


@dataclass(frozen=True)
class Rate:
    """`hits` out of `tries`, with a name for the bar."""

    name: str
    hits: int
    tries: int

    @property
    def share(self) -> float:
        return self.hits / self.tries if self.tries else 0.0


@dataclass(frozen=True)
class Stats:
    """Every figure the view and `followup stats` show; rates are empty while there is too little to say."""

    calls: int
    results: int
    by_window: tuple[Rate, ...] = ()
    by_weekday: tuple[Rate, ...] = ()
    voicemails: int = 0
    called_back: int = 0
    callback_days: float | None = None
    followed_up: Rate | None = None
    days_to_result: float | None = None
    by_channel: tuple[Rate, ...] = ()
    results_seen: dict[str, int] = field(default_factory=dict)

    @property
    def calls_needed(self) -> int:
        return max(0, MIN_CALLS - self.calls)

    @property
    def results_needed(self) -> int:
        return max(0, MIN_RESULTS - self.results)


def _part(call: CallAttempt, tz: tzinfo) -> str:
    """Which part of the interviewer's day a call was made in: early window, late window, or between."""
    at = call.started_at.astimezone(tz).time()
    if EARLY[0] <= at < EARLY[1]:
        return "Early window"
    if LATE[0] <= at < LATE[1]:
        return "Late window"
    return "Other times"


def work_out(records: Records, mine: tzinfo) -> Stats:
    """The figures from every interview (archived too: they are the user's history)."""
    finished: list[tuple[Interview, CallAttempt]] = [
        (i, c) for i in records.interviews for c in records.calls_for(i.id) if c.outcome is not None
    ]
    settled = [i for i in records.interviews if i.settled and i.result is not Result.WAITING]
    stats = Stats(
        calls=len(finished), results=len(settled), results_seen=dict(Counter(i.result.label for i in settled))
    )
    parts: dict[str, list[int]] = {"Early window": [0, 0], "Late window": [0, 0], "Other times": [0, 0]}
    days: dict[str, list[int]] = {}
    for interview, call in finished:
        tz = interviewer_zone(interview, mine)
        spoke = int(call.outcome is Outcome.SPOKE)
        parts[_part(call, tz)][0] += spoke
        parts[_part(call, tz)][1] += 1
        day = days.setdefault(_WEEKDAYS[call.started_at.astimezone(tz).weekday()], [0, 0])
        day[0] += spoke
        day[1] += 1
    voicemails, backs, gaps = _callbacks(records)
    changes: dict[str, object] = {"voicemails": voicemails, "called_back": backs,
                                  "callback_days": median(gaps) if gaps else None}  # fmt: skip
    if stats.calls >= MIN_CALLS:
        changes["by_window"] = tuple(Rate(name, hit, all_) for name, (hit, all_) in parts.items() if all_)
        changes["by_weekday"] = tuple(Rate(d, *days[d]) for d in _WEEKDAYS if d in days)
    if stats.results >= MIN_RESULTS:
        changes.update(_results(records, settled))
    return replace(stats, **changes)  # type: ignore[arg-type]


def _callbacks(records: Records) -> tuple[int, int, list[int]]:
    """Messages left, how many were followed by speaking with them, and the days it took each time."""
    left = backs = 0
    gaps: list[int] = []
    for interview in records.interviews:
        calls = sorted(records.calls_for(interview.id), key=lambda c: c.started_at)
        for n, call in enumerate(calls):
            if call.outcome is not Outcome.VOICEMAIL_LEFT:
                continue
            left += 1
            after = next((c for c in calls[n + 1 :] if c.outcome is not None and c.outcome is not Outcome.NO_ANSWER
                          and c.outcome is not Outcome.BUSY), None)  # fmt: skip
            if after is not None and after.outcome is Outcome.SPOKE:
                backs += 1
                gaps.append((after.started_at.date() - call.started_at.date()).days)
    return left, backs, gaps


def _results(records: Records, settled: list[Interview]) -> dict[str, object]:
    """What followed up interviews led to, the days from interview to result, and results by thank-you channel."""
    called = [i for i in settled if any(c.outcome is not None for c in records.calls_for(i.id))]
    waits = [(i.result_on - i.interviewed_at.date()).days for i in settled if i.result_on and i.interviewed_at]
    channels: dict[str, list[int]] = {}
    for interview in settled:
        thanks = sorted(records.thank_yous_for(interview.id), key=lambda t: t.sent_at)
        name = thanks[0].channel.label if thanks else "No thank-you"
        entry = channels.setdefault(name, [0, 0])
        entry[0] += int(interview.result in _GOOD)
        entry[1] += 1
    order = [c.label for c in Channel] + ["No thank-you"]
    return {
        "followed_up": Rate("Followed up by phone", sum(i.result in _GOOD for i in called), len(called)),
        "days_to_result": median(waits) if waits else None,
        "by_channel": tuple(Rate(name, *channels[name]) for name in order if name in channels),
    }
