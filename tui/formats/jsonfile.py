"""The JSON export: the whole workbook as one document, one record per line, and reading it back.

One record per line keeps the file diff-friendly and lets `followup import` report a bad record
by its line number.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson

from ..domain.documents import KeyTwiceError, RecordError, from_doc, shown, to_doc, unique_keys
from ..domain.errors import ValidationError
from ..domain.fields import UNSHOWABLE, phone
from ..domain.models import CallAttempt, Interview, Profile, Settings, ThankYou
from ..domain.record_checks import check_call, check_interview, check_profile, check_thank_you
from ..domain.records import Records

__all__ = [
    "FORMAT",
    "LISTS",
    "VERSION",
    "JsonImport",
    "parse_document",
    "read_json",
    "render",
    "workbook_document",
]

FORMAT = "followup-workbook"
VERSION = 1
#: The tables exported as lists of records, in the order they must be imported.
LISTS = ("interviews", "calls", "thank_yous")


def workbook_document(records: Records, now: datetime) -> dict[str, Any]:
    """Everything in the workbook as plain JSON values (datetimes as ISO-8601 with offset)."""
    interviews = sorted(records.interviews, key=lambda i: (i.created_at or now, i.id))
    calls = sorted(records.all_calls(), key=lambda c: (c.started_at, c.id))
    thanks = sorted(records.all_thank_yous(), key=lambda t: (t.sent_at, t.id))
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": now.isoformat(),
        "profile": to_doc(records.profile) if records.has_profile else None,
        "settings": dict(records.settings),
        "interviews": [to_doc(i) for i in interviews],
        "calls": [to_doc(c) for c in calls],
        "thank_yous": [to_doc(t) for t in thanks],
    }


def render(document: dict[str, Any]) -> str:
    """Indented at the top level, one compact record per line.

    Control characters and direction marks a record holds are written as \\u escapes: the same
    JSON, read back unchanged, but nothing a terminal would obey when the export is printed.
    """

    def dump(value: Any) -> str:
        text = orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()
        return UNSHOWABLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)

    parts = []
    for key, value in document.items():
        if key in LISTS:
            if value:
                body = ",\n".join(f"    {dump(record)}" for record in value)
                parts.append(f'  "{key}": [\n{body}\n  ]')
            else:
                parts.append(f'  "{key}": []')
        else:
            parts.append(f"  {dump(key)}: {dump(value)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def parse_document(text: str) -> tuple[dict[str, Any], dict[tuple[str, int], int]]:
    """The document and, for each record of LISTS, the line it starts on.

    Raises ValidationError (field "line N") when the text is not JSON or not a followup export.
    """
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValidationError(f"line {error.lineno}", f"this is not valid JSON ({error.msg}).") from None
    except RecursionError:
        raise ValidationError("line 1", "this JSON is nested far deeper than an export is.") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ValidationError("line 1", "this JSON is not a followup export (made by `followup export --format json`).")
    version = document.get("version")
    if type(version) is not int or version < 1:
        raise ValidationError(
            "line 1", f"its “version” is {shown(version)}; an export says a whole number, like {VERSION}."
        )
    if version > VERSION:
        raise ValidationError("line 1", "this export comes from a newer followup; update followup to import it.")
    for key in LISTS:
        if not isinstance(document.get(key, []), list):
            raise ValidationError("line 1", f"“{key}” should be a list of records.")
    return document, _record_lines(text)


def _record_lines(text: str) -> dict[tuple[str, int], int]:
    """Walk the top-level object with the json scanner, noting where each list element starts.

    A key written twice anywhere is refused with the line of the record (or key) it is in.
    """
    decoder = json.JSONDecoder(object_pairs_hook=unique_keys)
    lines: dict[tuple[str, int], int] = {}
    keys: set[str] = set()
    line_at = _LineCounter(text)
    pos = _skip(text, 0) + 1  # past "{"
    while True:
        pos = _skip(text, pos)
        if pos >= len(text) or text[pos] == "}":
            return lines
        key, pos = decoder.raw_decode(text, pos)
        if key in keys:
            raise ValidationError(f"line {_line(text, pos)}", f"“{key}” appears twice; only one of them would be read.")
        keys.add(key)
        pos = _skip(text, _skip(text, pos) + 1)  # past ":"
        if key in LISTS and text.startswith("[", pos):
            pos += 1
            index = 0
            while True:
                pos = _skip(text, pos)
                if text.startswith("]", pos):
                    pos += 1
                    break
                lines[(key, index)] = line_at(pos)
                _, pos = _decode(decoder, text, pos)
                pos = _skip(text, pos)
                if text.startswith(",", pos):
                    pos += 1
                index += 1
        else:
            _, pos = _decode(decoder, text, pos)
        pos = _skip(text, pos)
        if text.startswith(",", pos):
            pos += 1


def _decode(decoder: json.JSONDecoder, text: str, pos: int) -> tuple[Any, int]:
    try:
        return decoder.raw_decode(text, pos)
    except KeyTwiceError as error:
        raise ValidationError(
            f"line {_line(text, pos)}", f"the record has “{error.key[:40]}” twice; only one of them would be read."
        ) from None


def _line(text: str, pos: int) -> int:
    return text.count("\n", 0, pos) + 1


class _LineCounter:
    """Line numbers of positions met in order, counted on from the last one: linear in the file, not quadratic."""

    def __init__(self, text: str) -> None:
        self._text, self._pos, self._line = text, 0, 1

    def __call__(self, pos: int) -> int:
        if pos < self._pos:
            self._pos, self._line = 0, 1
        self._line += self._text.count("\n", self._pos, pos)
        self._pos = pos
        return self._line


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


@dataclass
class JsonImport:
    """The records of a JSON export, each with its line, and the problems found by line."""

    interviews: list[tuple[int, Interview]] = field(default_factory=list)
    calls: list[tuple[int, CallAttempt]] = field(default_factory=list)
    thank_yous: list[tuple[int, ThankYou]] = field(default_factory=list)
    profile: Profile | None = None
    settings: dict[str, Any] = field(default_factory=dict)
    problems: list[tuple[int, str]] = field(default_factory=list)


_KINDS: dict[str, tuple[type, str]] = {
    "interviews": (Interview, "interview"),
    "calls": (CallAttempt, "call"),
    "thank_yous": (ThankYou, "thank-you"),
}


def read_json(text: str) -> JsonImport:
    """Every record checked as the app checks it; nothing is half-read."""
    result = JsonImport()
    try:
        document, lines = parse_document(text)
    except ValidationError as error:
        line = int(error.field.removeprefix("line ")) if error.field.startswith("line ") else 1
        result.problems.append((line, error.message))
        return result
    first_line: dict[str, int] = {}
    for table, (cls, word) in _KINDS.items():
        for index, record in enumerate(document.get(table) or []):
            line = lines.get((table, index), 1)
            try:
                obj = _record(cls, record, word)
            except ValidationError as error:
                result.problems.append((line, _problem(word, error)))
                continue
            key = f"{table}:{obj.id}"
            if key in first_line:
                result.problems.append((line, f"this {word} has the same id as the one on line {first_line[key]}."))
                continue
            first_line[key] = line
            getattr(result, table).append((line, obj))
    profile = document.get("profile")
    if profile:
        try:
            result.profile = _record(Profile, profile, "profile")
        except ValidationError as error:
            result.problems.append((1, _problem("profile", error)))
    settings = document.get("settings") or {}
    try:
        _record(Settings, settings, "settings")
    except ValidationError as error:
        result.problems.append((1, _problem("settings", error)))
    else:
        result.settings = dict(settings)
    return result


def _problem(word: str, error: ValidationError) -> str:
    """'interview 'round' is not a whole number', or 'interview company: The company is required ...'."""
    if isinstance(error, RecordError):
        return f"{word} {error.message}"
    return f"{word} {error.field}: {error.message}"


def _record(cls: type, record: Any, word: str) -> Any:
    """One record through the store's converter and the model's own checks, plus the app's."""
    if not isinstance(record, dict):
        raise ValidationError("record", f"this {word} is not a JSON object.")
    try:
        obj: Any = from_doc(cls, record)
    except ValidationError:
        raise
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        raise ValidationError("record", _explain(error)) from None
    if isinstance(obj, Interview):
        obj.interviewer.phone = phone(obj.interviewer.phone, "interviewer_phone")
        check_interview(obj)
    elif isinstance(obj, Profile):
        obj.phone = phone(obj.phone, "phone")
        check_profile(obj)
    elif isinstance(obj, CallAttempt):
        check_call(obj)
    elif isinstance(obj, ThankYou):
        check_thank_you(obj)
    if not getattr(obj, "id", "x"):
        raise ValidationError("id", "the record has an empty id.")
    return obj


def _explain(error: Exception) -> str:
    text = str(error)
    if "required positional argument" in text:
        missing = text.rsplit(":", 1)[-1].strip()
        return f"it lacks {missing}."
    return f"a value cannot be read ({text})."
