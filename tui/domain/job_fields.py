"""Checks for the application's own details (posting, pay, place, day applied) and a result's day.

Part of the one set of input checks: reached through `fields.py`, which refuses unprintable text first.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urlsplit

from .errors import ValidationError

__all__ = ["JOB_FIELDS", "applied_day", "job_field", "posting_url", "result_day", "short_text"]

#: The application's fields, in the order the form shows them (after the interview's own).
JOB_FIELDS = ("posting_url", "salary", "location", "applied_on")
#: A salary or a place is a few words; more is a paste gone wrong.
SHORT_TEXT = 200


def _one_line(text: str, field: str) -> str:
    """The caller (`fields.py`) has refused control characters and line breaks already."""
    return (text or "").strip()


def posting_url(text: str, field: str = "posting_url") -> str:
    """The job posting's web address (http or https); "www.…" gets https:// in front; "" when none is given."""
    text = _one_line(text, field)
    if not text:
        return ""
    if re.match(r"(?i)www\.", text):
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or "." not in parts.netloc or " " in text:
        raise ValidationError(field, f"“{text}” is not a web address; paste it from the browser (https://…).")
    return text


def short_text(text: str, field: str) -> str:
    """A salary ("$90-110k", "£55,000") or a location ("Remote", "Berlin"): one line, a few words."""
    text = " ".join(_one_line(text, field).split())
    if len(text) > SHORT_TEXT:
        raise ValidationError(field, f"This is {len(text)} characters; keep it to {SHORT_TEXT} or fewer.")
    return text


def _day(text: str, now: datetime, field: str, day_first: bool) -> date | None:
    from .dates import parse_when  # the date parser loads only when a date is read

    text = _one_line(text, field)
    if not text:
        return None
    return parse_when(text, now, past=True, field=field, day_first=day_first).astimezone(now.tzinfo).date()


def applied_day(text: str, now: datetime, field: str = "applied_on", *, day_first: bool = False) -> date | None:
    """The day the application went in ("2026-11-02", "2 Nov", "last Friday"): not in the future."""
    day = _day(text, now, field, day_first)
    if day is not None and day > now.date():
        raise ValidationError(field, "The application went in on a day still to come; check the date.")
    return day


def result_day(text: str, now: datetime, field: str = "when", *, day_first: bool = False) -> date:
    """The day a result came ("today" when nothing is typed): not in the future."""
    day = _day(text, now, field, day_first) or now.date()
    if day > now.date():
        raise ValidationError(field, "A result is recorded once it has come; the day is still to come.")
    return day


def job_field(name: str, text: str, now: datetime, *, day_first: bool = False) -> str | date | None:
    """One of JOB_FIELDS from its typed text."""
    if name == "posting_url":
        return posting_url(text, name)
    if name == "applied_on":
        return applied_day(text, now, name, day_first=day_first)
    return short_text(text, name)
