"""A small iCalendar (RFC 5545) writer: the components and value types the calendar export uses.

It writes what a general iCalendar library would, without building a parsed object model for
every property, so 10,000 interviews export in seconds rather than minutes.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

__all__ = ["Alarm", "Calendar", "Component", "Event", "Raw", "duration", "escape", "fold", "read_events", "utc_stamp"]

#: RFC 5545 3.1: content lines are folded after 75 octets, continuation lines start with a space.
_FOLD_AT = 75
#: Text with nothing to escape.
_PLAIN = re.compile(r"[^\\;,\n\r]*")


class Component:
    """BEGIN:NAME, its properties in the order added, its subcomponents, END:NAME."""

    name = ""
    #: Thousands of events in one export: no attribute dictionary each.
    __slots__ = ("_components", "_properties")

    def __init__(self) -> None:
        self._properties: list[tuple[str, Any]] = []
        self._components: list[Component] = []

    def add(self, name: str, value: Any) -> None:
        self._properties.append((name.upper(), value))

    def add_component(self, component: Component) -> None:
        self._components.append(component)

    def __getitem__(self, name: str) -> Any:
        return next(value for key, value in self._properties if key == name.upper())

    def content_lines(self, lines: list[str] | None = None) -> list[str]:
        """Every line of this component and its subcomponents, unfolded, appended to `lines`."""
        lines = [] if lines is None else lines
        lines.append(f"BEGIN:{self.name}")
        lines.extend([f"{name}:{_value(value)}" for name, value in self._properties])
        for component in self._components:
            component.content_lines(lines)
        lines.append(f"END:{self.name}")
        return lines

    def to_text(self) -> str:
        """This component as written in a file, folded, without the line break after its END line."""
        return "\r\n".join([fold(line) for line in self.content_lines()])

    def to_ical(self) -> bytes:
        return (self.to_text() + "\r\n").encode("utf-8")


class Calendar(Component):
    __slots__ = ()
    name = "VCALENDAR"


class Event(Component):
    __slots__ = ()
    name = "VEVENT"


class Alarm(Component):
    __slots__ = ()
    name = "VALARM"


class Raw(str):
    """A value already in iCalendar form (read back from a file): written as it is."""


def utc_stamp(value: datetime) -> str:
    """A date-time in UTC form: 20261126T140000Z."""
    return _utc_stamp(value, value.fold)


@lru_cache(maxsize=4096)
def _utc_stamp(value: datetime, fold: int) -> str:
    """Kept per moment: the same call windows and the same stamp recur across thousands of events.

    `fold` is part of the key because two moments an hour apart in a repeated hour compare equal.
    """
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def read_events(data: bytes) -> tuple[str, list[dict[str, Raw]]]:
    """The PRODID of a calendar file, and each VEVENT's own properties as written (unfolded,
    parameters dropped; its alarms left out)."""
    text = data.decode("utf-8", errors="replace").replace("\r\n", "\n")
    prodid, open_ = "", []  # `open_`: the components we are inside, outermost first
    events: list[dict[str, Raw]] = []
    for line in re.sub(r"\n[ \t]", "", text).split("\n"):
        name, _, value = line.partition(":")
        name = name.split(";", 1)[0].upper()
        if name == "BEGIN":
            open_.append(value.upper())
            if open_[-1] == "VEVENT":
                events.append({})
        elif name == "END":
            if open_:
                open_.pop()
        elif open_ and open_[-1] == "VEVENT":
            events[-1].setdefault(name, Raw(value))
        elif open_ == ["VCALENDAR"] and name == "PRODID":
            prodid = value
    return prodid, events


def _value(value: Any) -> str:
    if type(value) is str:
        return escape(value)
    if type(value) is Raw:
        return value
    if isinstance(value, datetime):
        return utc_stamp(value)
    if isinstance(value, timedelta):
        return duration(value)
    if isinstance(value, (list, tuple)):
        return ",".join(escape(str(item)) for item in value)
    if isinstance(value, int):
        return str(value)
    return escape(str(value))


def escape(text: str) -> str:
    """TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped."""
    if _PLAIN.fullmatch(text):
        return text
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


@lru_cache(maxsize=64)
def duration(gap: timedelta) -> str:
    """'-PT15M', 'P1DT2H' (RFC 5545 3.3.6)."""
    sign, seconds = ("-", -gap) if gap < timedelta(0) else ("", gap)
    days, rest = seconds.days, int(seconds.seconds)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    clock = "".join(f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (secs, "S")) if n)
    text = (f"{days}D" if days else "") + (f"T{clock}" if clock else "")
    return f"{sign}P{text or 'T0S'}"


def fold(line: str) -> str:
    """One content line folded at 75 octets (RFC 5545 3.1), never inside a character."""
    if line.isascii():  # an octet a character: cut by characters
        if len(line) <= _FOLD_AT:
            return line
        rest = range(_FOLD_AT, len(line), _FOLD_AT - 1)
        return "\r\n ".join([line[:_FOLD_AT], *[line[start : start + _FOLD_AT - 1] for start in rest]])
    raw = line.encode("utf-8")
    if len(raw) <= _FOLD_AT:
        return line
    parts, start, limit = [], 0, _FOLD_AT
    while len(raw) - start > limit:
        end = start + limit
        while raw[end] & 0xC0 == 0x80:  # a UTF-8 continuation byte: cut before its character
            end -= 1
        parts.append(raw[start:end])
        start, limit = end, _FOLD_AT - 1
    parts.append(raw[start:])
    return b"\r\n ".join(parts).decode("utf-8")
