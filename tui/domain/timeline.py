"""Decision timelines as people say them on a call ("by Friday", "2-3 weeks", "before Christmas"), read as a date.

Read on the interviewer's calendar: the caller gives the moment of the call in their zone and their
working days. A span resolves to its last day, and a range or a choice ("Tuesday or Wednesday")
to its latest end, since the follow-up comes after they expect to decide (D17, D19). What cannot
be read is kept verbatim with a message; nothing is guessed silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from .phrase_words import MAX_AHEAD, NUMBERS, Refused, Said, short
from .phrases import read_phrase
from .workdays import WEEKDAYS_ONLY, WorkCalendar

__all__ = ["MAX_AHEAD", "Timeline", "parse_timeline"]

_FILLER = re.compile(
    r"^(?:by|on|around|just|right|shortly|straight||about|approximately|approx|probably|hopefully|maybe|sometime|some time|"
    r"within|no later than|not later than|on or before|on or around|until|till|til|the|say|roughly|"
    r"likely|ideally|hopefully by|latest by|at the latest by|sometime in|some time in|in the|"
    r"they said|they say|they expect|they expect to decide|they hope to decide|they'?ll decide|"
    r"they will decide|we'?ll decide|we will decide|we'?ll know|we expect|expect|expecting|"
    r"decision|a decision|decide|decision by|aiming for|aim for|targeting|should be|it'?ll be|"
    r"i think|they think|as early as|first thing|any time|anytime|at some point|"
    r"(?:we(?:'ll| will)|they(?:'ll| will)) (?:let you know|get back to you|be in touch))\s+"
)
_TRAILING = re.compile(
    r"\s+(?:at the latest|at latest|latest|or so|or thereabouts|give or take|hopefully|i think|probably|"
    r"at some point|sometime|or sooner|or earlier|if not sooner|at the earliest|ish|or before|or around then|"
    r"at the very latest|max|tops|or thereabout)$|-ish$"
)
_TIME_OF_DAY = re.compile(
    r"\s+(?:at\s+\d{1,2}(?::\d{2})?\s*(?:am|pm)?|\d{1,2}(?::\d{2})?\s*(?:am|pm)|\d{1,2}:\d{2}|"
    r"morning|afternoon|evening|noon|midday|lunchtime|at noon|by noon|eod|cob|eob|end of (?:the )?day|"
    r"close of business|end of business|first thing|at the end of the day)$"
)
_TIME_FIRST = re.compile(
    r"^(?:first thing|eod|cob|eob|end of (?:the )?day|close of business|end of business)\s+(?:on\s+)?(?=\S)"
)
_ABBREVIATIONS = (
    (r"\b(?:tmrw|tmw|tmrow|tomo|tmorrow|2morrow|tomorow)\b", "tomorrow"),
    (r"\bwks\b", "weeks"),
    (r"\bwk\b", "week"),
    (r"\b(?:mos|mths|mnths)\b", "months"),
    (r"\b(?:mo|mth)\b", "month"),
    (r"\bhrs?\b", "hours"),
    (r"\b(?:biz|bus\.?|bus) days\b", "business days"),
    (r"\bnxt\b", "next"),
    (r"\beow\b", "end of week"),
    (r"\beonw\b", "end of next week"),
    (r"\beom\b", "end of month"),
    (r"\beoq\b", "end of quarter"),
    (r"\beoy\b", "end of year"),
    (r"\b(?:a |one )?fortnight\b", "2 weeks"),
    (r"\b(?:a week today|this time next week|a week from today)\b", "in 1 week"),
    (r"\bmid-", "mid "),
    (r"\b(?:at |by )?the (end|beginning|start|middle) of\b", r"\1 of"),
    (r"\byear's end\b", "year end"),
    (r"\bxmas\b", "christmas"),
    (r"^in the new year$", "after the new year"),
    (r"\bmonth end\b", "end of month"),
    (r"\b(in|within) (?:about|around|roughly|approximately|maybe) ", r"\1 "),
    (r"\bnew year's\b", "new year"),
)
_AMOUNT_WORD = r"\d+|" + "|".join(word for word in NUMBERS if " " not in word)
_UNIT = r"(?=\s+(?:business |working )?(?:days?|weeks?|months?|hours?)\b)"
_CHOICE = re.compile(
    r"\s*,?\s+(?:or maybe|or possibly|or perhaps|or|maybe|possibly|perhaps|if not|to|through|thru)\s+|\s*,\s+|\s+/\s+|\s+[-–—]\s+"
)
_VAGUE = re.compile(
    r"^(?:soon|asap|as soon as possible|shortly|later|eventually|in a while|a while|not sure|unsure|"
    r"don'?t know|no idea|tbd|tba|tbc|unknown|whenever|sometime soon|any day now|depends|it depends|"
    r"no timeline|no timeframe|no time frame|they didn'?t say|didn'?t say|no date|\?+)$"
)
_PAST = re.compile(r"^(?:yesterday|the day before yesterday|last\s+\w+|.+\s+ago|earlier today|this morning)$")
_HINT = "try “Friday”, “next week”, “Dec 3”, “2-3 weeks” or “end of the month”"


@dataclass(frozen=True)
class Timeline:
    """What they said about their decision, verbatim, and the date it means (None if unread)."""

    text: str
    date: date | None
    message: str = ""

    @property
    def ok(self) -> bool:
        return self.date is not None

    def describe(self) -> str:
        """'by Friday → Fri 4 Dec', or the verbatim words and why they stay words."""
        if self.date is None:
            return f"“{self.text}” (kept as typed) — {self.message}" if self.text else self.message
        return f"{self.text} → {self.date:%a} {self.date.day} {self.date:%b}"


def parse_timeline(
    text: str, now: datetime, *, day_first: bool = False, calendar: WorkCalendar = WEEKDAYS_ONLY
) -> Timeline:
    """Read `text` as of `now`, the moment of the call on the interviewer's clock; never raises on user words.

    `day_first` says how "3/12" reads: 3 December when True, March 12 (the default) when False.
    `calendar` holds the interviewer's working days and holidays ("before Thanksgiving").
    """
    raw = (text or "").strip()
    phrase = _normalise(raw)
    if not phrase:
        return Timeline(raw, None, "Nothing was typed.")
    said = Said(now.date(), day_first, calendar)
    try:
        found = _read(phrase, said)
    except Refused as why:
        return Timeline(raw, None, str(why))
    if found is None:
        return Timeline(raw, None, f"Not a date I can read; {_HINT}.")
    if found < said.today:
        return Timeline(raw, None, f"That reads as {short(found)}, which has passed; a decision date is still to come.")
    if found > said.today + MAX_AHEAD:
        return Timeline(raw, None, f"That reads as {short(found)}, more than nine months away; check it.")
    return Timeline(raw, found)


def _normalise(raw: str) -> str:
    phrase = " ".join(raw.lower().replace("’", "'").split()).strip(" .,!;?")
    for pattern, replacement in _ABBREVIATIONS:
        phrase = re.sub(pattern, replacement, phrase)
    phrase = re.sub(rf"\b({_AMOUNT_WORD})\s*(?:-|–|—|to)\s*({_AMOUNT_WORD})" + _UNIT, r"\1 or \2", phrase)
    phrase = re.sub(r"(?:'s|s')?\s+time$", "", phrase)
    phrase = re.sub(r"^between\s+(.+?)\s+and\s+(.+)$", r"\1 or \2", phrase)
    if any(word in _MONTH_WORDS for word in re.findall(r"[a-z]+", phrase)):
        # "Dec 3-4", "3rd–4th December": a choice of days.
        phrase = re.sub(
            r"(?<![\d/.])(\d{1,2})(st|nd|rd|th)?\s*[-–]\s*(\d{1,2})(st|nd|rd|th)?(?![\d/.])", r"\1\2 or \3\4", phrase
        )
    return _trim(phrase)


_MONTH_WORDS = frozenset(
    [
        "jan",
        "january",
        "feb",
        "february",
        "mar",
        "march",
        "apr",
        "april",
        "may",
        "jun",
        "june",
        "jul",
        "july",
        "aug",
        "august",
        "sep",
        "sept",
        "september",
        "oct",
        "october",
        "nov",
        "november",
        "dec",
        "december",
    ]
)


def _trim(phrase: str) -> str:
    """Strip the words around a date that do not move it: "probably", "at the latest", "at 3pm"."""
    previous = None
    while previous != phrase:
        previous = phrase
        phrase = _FILLER.sub("", phrase)
        phrase = _TRAILING.sub("", phrase).strip(" ,")
        phrase = _TIME_OF_DAY.sub("", phrase).strip(" ,")
        phrase = _TIME_FIRST.sub("", phrase)
    return phrase


def _read(phrase: str, said: Said) -> date | None:
    """The whole phrase, else each side of a choice or range read and the latest taken."""
    found = _read_one(phrase, said)
    if found is not None:
        return found
    parts = [_trim(part) for part in _CHOICE.split(phrase) if part.strip()]
    if len(parts) < 2:
        return None
    days = []
    for index, part in enumerate(parts):
        neighbours = parts[:index] + parts[index + 1 :]
        day = _read_one(part, said)
        if day is None:
            day = _completed(part, neighbours, said)
        if day is None:
            return None
        days.append(day)
    return max(days)


def _read_one(phrase: str, said: Said) -> date | None:
    if _VAGUE.match(phrase):
        raise Refused("Too vague to put on a calendar; ask for a day next time you speak.")
    if _PAST.match(phrase):
        raise Refused("That is in the past; a decision date is still to come.")
    return read_phrase(phrase, said)


def _completed(part: str, others: list[str], said: Said) -> date | None:
    """One side of a choice said short, read with words from the other ("end of this week or early next")."""
    for other in others:
        words = other.split()
        for size in range(1, min(3, len(words)) + 1):
            for candidate in (f"{part} {' '.join(words[-size:])}", f"{' '.join(words[:size])} {part}"):
                try:
                    found = read_phrase(candidate, said)
                except Refused:
                    continue
                if found is not None:
                    return found
    return None
