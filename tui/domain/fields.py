"""Typed text to model fields: the one set of checks that the form, every dialog, every verb and
both imports use, so the same bad value gets the same message wherever it is typed.

Each check takes the text as typed and the field's name (used only to say where the problem is)
and returns the clean value or raises ValidationError. The whole-record builders collect one
message per bad field and raise FieldProblems.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from .display import UNSHOWABLE, printable
from .errors import ValidationError
from .job_fields import JOB_FIELDS, job_field
from .job_fields import result_day as _result_day
from .models import (
    MAX_ROUND,
    REQUIRED_MESSAGES,
    ROUND_MESSAGE,
    Interview,
    Interviewer,
    Profile,
    Qualification,
    Reference,
)
from .phones import DEFAULT_REGION, parse_phone, region_for_zone, zone_for_number
from .zones import normal_zone

__all__ = [
    "INTERVIEW_FIELDS",
    "MAX_TEXT",
    "PROFILE_FIELDS",
    "UNSHOWABLE",
    "FieldProblems",
    "decision_day",
    "email",
    "interview_from_text",
    "item_label",
    "moment",
    "phone",
    "plain",
    "printable",
    "profile_from_text",
    "required",
    "result_day",
    "resume_path",
    "round_number",
    "zone_name",
]

P = ParamSpec("P")
R = TypeVar("R")

#: C0 and C1 control characters (ESC, BEL, NUL ...) but tab and newline: they could drive the terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Marks that turn the direction of the text around, so a name can read other than it is stored.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")
#: Halves of characters: what is left of bytes that were not UTF-8 (they cannot be saved or printed).
_BROKEN = re.compile(r"[\ud800-\udfff]")
#: What ends a line, in a field of one line.
_LINE_BREAK = re.compile(r"[\n\r\u2028\u2029]")
#: The longest text one field takes (about 2,000 pages); more is a paste gone wrong, not a note.
MAX_TEXT = 4_000_000
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

#: The interview's typed fields, in the order the form shows them; the rest are one line each.
INTERVIEW_FIELDS = (
    "company",
    "role",
    "interviewed_at",
    "round",
    "interviewer_name",
    "interviewer_greeting",
    "interviewer_title",
    "interviewer_phone",
    "interviewer_email",
    "interviewer_tz",
    "resume_path",
    "references",
    "qualifications",
    "wish_said",
    "notes",
    "decision_expected",
    *JOB_FIELDS,
)
_MULTI_LINE = frozenset({"references", "qualifications", "wish_said", "notes"})
PROFILE_FIELDS = ("name", "phone", "email", "timezone", "pitch")


class FieldProblems(ValidationError):
    """One message per bad field, in the order they were found; the first is the error's own."""

    def __init__(self, problems: Mapping[str, str]) -> None:
        first, message = next(iter(problems.items()))
        super().__init__(first, message)
        self.problems = dict(problems)


def plain(text: str, field: str, *, one_line: bool = True) -> str:
    """Refuse control characters and escape sequences; a one-line field refuses line breaks and direction marks."""
    if len(text) > MAX_TEXT:
        raise ValidationError(
            field, f"This is {len(text):,} characters; a field holds at most {MAX_TEXT:,}. Keep the essentials here."
        )
    if _BROKEN.search(text):
        raise ValidationError(field, "Contains bytes that are not UTF-8 text; save or type it again as UTF-8.")
    if match := _CONTROL.search(text):
        code = f"U+{ord(match.group()):04X}"
        raise ValidationError(
            field,
            f"Contains a control character ({code}), e.g. from a pasted escape sequence; retype it as plain text.",
        )
    if one_line:
        if match := _LINE_BREAK.search(text):
            raise ValidationError(
                field, f"Contains a line break (U+{ord(match.group()):04X}); this field holds one line."
            )
        if match := _BIDI.search(text):
            code = f"U+{ord(match.group()):04X}"
            raise ValidationError(
                field,
                f"Contains a hidden direction mark ({code}) that makes text read otherwise than it is; retype it as plain text.",
            )
    return text


def required(text: str, field: str) -> str:
    """A field that cannot be left empty (spaces of any kind count as empty)."""
    text = plain(text or "", field).strip()
    if not text:
        raise ValidationError(field, REQUIRED_MESSAGES.get(field, "This cannot be left empty."))
    return text


def email(text: str, field: str) -> str:
    """An email address, or "" when none is given."""
    text = plain(text or "", field).strip()
    if text and not _EMAIL.fullmatch(text):
        raise ValidationError(field, f"“{text}” is not an email address (name@example.com).")
    return text


def phone(text: str, field: str, region: str = DEFAULT_REGION) -> str:
    """A phone number as E.164, or "" when none is given."""
    return parse_phone(plain(text or "", field), region=region, field=field)


def zone_name(text: str, field: str) -> str:
    """A time zone as people type it ("Chicago", "London", "CET", "Eastern") as its IANA name; "" when none is given."""
    return normal_zone(plain(text or "", field), field)


def decision_day(text: str, now: datetime, field: str, interview: Interview, *, day_first: bool = False) -> date | None:
    """A decision day typed into the form ("Fri 4 Dec", "next Friday"), read on the interviewer's calendar (D17)."""
    from .recording import read_day

    text = plain(text or "", field).strip()
    if not text:
        return None
    reading = read_day(interview, text, now, now.tzinfo, day_first)
    if reading.date is None:
        raise ValidationError(field, reading.message)
    return reading.date


def round_number(text: str | int, field: str) -> int:
    """Which interview round: a whole number from 1 up (an empty field is round 1)."""
    typed = str(text).strip() if text is not None else ""
    if not typed:
        return 1
    if not re.fullmatch(r"[+-]?\d{1,6}", typed) or not 1 <= int(typed) <= MAX_ROUND:
        raise ValidationError(field, ROUND_MESSAGE)
    return int(typed)


def resume_path(text: str, field: str) -> str:
    """The resume to have in front of you (D1): a file that is there now; "" when not given yet."""
    text = plain(text or "", field).strip()
    if not text:
        return ""
    path = Path(text).expanduser()
    if path.is_dir():
        raise ValidationError(field, f"{path} is a folder; give the resume file inside it.")
    if not path.is_file():
        raise ValidationError(field, f"There is no file at {path}; check the path (e.g. ~/cv/resume.pdf).")
    return text


def item_label(label: str, existing: Iterable[str], field: str = "item") -> str:
    """A checklist item of the user's own: named, plain text, and not already on the list."""
    label = plain(label or "", field).strip()
    if not label:
        raise ValidationError(field, "Type a name for the item; it cannot be blank.")
    if label.casefold() in {other.strip().casefold() for other in existing}:
        raise ValidationError(field, f"“{label}” is already on the checklist; give it another name.")
    return label


def moment(text: str, now: datetime, field: str, *, past: bool = True, day_first: bool = False) -> datetime | None:
    """A day and time typed as people say it ("yesterday 2pm", "24/11 2pm" day first), or None when nothing was typed."""
    from .dates import parse_when

    text = plain(text or "", field).strip()
    return parse_when(text, now, past=past, field=field, day_first=day_first) if text else None


def result_day(text: str, now: datetime, field: str = "when", *, day_first: bool = False) -> date:
    """The day a result came, as people say it; today when nothing is typed."""
    return _result_day(plain(text or "", field), now, field, day_first=day_first)


def _rows(text: str, width: int) -> list[list[str]]:
    """Lines of "a | b | c" as cells, padded to `width`; empty lines skipped."""
    rows = []
    for line in text.splitlines():
        if line.strip():
            parts = [part.strip() for part in line.split("|")][:width]
            rows.append(parts + [""] * (width - len(parts)))
    return rows


class _Collect:
    """Runs checks, keeping the first message per field instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: dict[str, str] = {}

    def __call__(self, check: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return check(*args, **kwargs)
        except ValidationError as error:
            self.problems.setdefault(error.field, error.message)
            return None

    def done(self) -> None:
        if self.problems:
            raise FieldProblems(self.problems)


def interview_from_text(
    values: Mapping[str, str],
    now: datetime,
    original: Interview | None = None,
    *,
    decision_maker: bool | None = None,
    region: str = DEFAULT_REGION,
    day_first: bool = False,
) -> Interview:
    """An interview from typed values (keys from INTERVIEW_FIELDS; a missing key keeps the original's).

    `region` reads numbers typed without a country code; `day_first` reads "3/11" as 3 November.
    Without a zone typed, the interviewer's number suggests one. A decision day typed here is read
    on the interviewer's calendar; not typing one keeps the day recorded at the call.
    Raises FieldProblems with one message per bad field; nothing is built half-way.
    """
    check = _Collect()
    given = {name: values[name] for name in INTERVIEW_FIELDS if name in values and values[name] is not None}
    for name, text in given.items():
        check(plain, text, name, one_line=name not in _MULTI_LINE)
    base = original or Interview("-", "-")
    who = base.interviewer
    changes: dict[str, Any] = {}
    if "company" in given or original is None:
        changes["company"] = check(required, given.get("company", ""), "company")
    if "role" in given or original is None:
        changes["role"] = check(required, given.get("role", ""), "role")
    if "interviewed_at" in given:
        changes["interviewed_at"] = check(
            moment, given["interviewed_at"], now, "interviewed_at", past=True, day_first=day_first
        )
    if "round" in given:
        changes["round"] = check(round_number, given["round"], "round")
    if "interviewer_tz" in given:
        changes["interviewer_tz"] = check(zone_name, given["interviewer_tz"], "interviewer_tz")
    if "resume_path" in given:
        changes["resume_path"] = check(resume_path, given["resume_path"], "resume_path")
    if "references" in given:
        changes["references"] = tuple(Reference(*row) for row in _rows(given["references"], 3))
    if "qualifications" in given:
        changes["qualifications"] = tuple(Qualification(*row) for row in _rows(given["qualifications"], 2))
    for name in JOB_FIELDS:
        if name in given:
            changes[name] = check(job_field, name, given[name], now, day_first=day_first)
    for name in ("wish_said", "notes"):
        if name in given:
            changes[name] = given[name].strip() if name == "wish_said" else given[name]
    person: dict[str, Any] = {
        "name": given.get("interviewer_name", who.name).strip(),
        "title": given.get("interviewer_title", who.title).strip(),
        "phone": check(phone, given["interviewer_phone"], "interviewer_phone", region)
        if "interviewer_phone" in given
        else who.phone,
        "email": check(email, given["interviewer_email"], "interviewer_email")
        if "interviewer_email" in given
        else who.email,
        "decision_maker": who.decision_maker if decision_maker is None else decision_maker,
        "greet_as": " ".join(given.get("interviewer_greeting", who.greet_as).split()),
    }
    zone_typed = changes.get("interviewer_tz", base.interviewer_tz)
    if not zone_typed and person["phone"] and "interviewer_phone" in given:
        changes["interviewer_tz"] = zone_for_number(person["phone"])
    changes["interviewer"] = Interviewer(**person)
    if "decision_expected" in given:
        ahead = replace(base, **{k: v for k, v in changes.items() if v is not None or k == "interviewed_at"})
        day = check(decision_day, given["decision_expected"], now, "decision_expected", ahead, day_first=day_first)
        changes["decision_expected"] = day
        changes["decision_text"] = given["decision_expected"].strip() if day is not None else ""
    check.done()
    if original is None:
        return Interview(created_at=now, **changes)
    return replace(original, **changes)


def profile_from_text(
    values: Mapping[str, str],
    original: Profile | None = None,
    *,
    day_first: bool | None = None,
    region: str | None = None,
) -> Profile:
    """The user's profile from typed values (keys from PROFILE_FIELDS; a missing key keeps the original's).

    A number typed without a country code is read in the region of the profile's time zone.
    """
    check = _Collect()
    base = original or Profile()
    changes: dict[str, Any] = {}
    if region is None:
        typed_zone = values.get("timezone")
        try:
            zone = zone_name(typed_zone, "timezone") if typed_zone is not None else base.timezone
        except ValidationError:
            zone = base.timezone
        region = region_for_zone(zone)
    for name in PROFILE_FIELDS:
        if name not in values or values[name] is None:
            continue
        text = values[name]
        if check(plain, text, name, one_line=name != "pitch") is None:
            continue
        if name == "phone":
            changes[name] = check(phone, text, name, region)
        elif name == "email":
            changes[name] = check(email, text, name)
        elif name == "timezone":
            changes[name] = check(zone_name, text, name)
        else:
            changes[name] = " ".join(text.split())
    check.done()
    if day_first is not None:
        changes["day_first"] = day_first
    return replace(base, **changes)
