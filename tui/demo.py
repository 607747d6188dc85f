"""The demo workbook: a fresh copy of the shipped file, its dates moved so they stand relative to today.

The shipped data/demo.json is only ever read. Its dates are shifted by whole days so the newest
interview was yesterday; times of day stay as they were on the clock they were recorded on, so a
call at 9:40 stays at 9:40 across a daylight-saving change.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import orjson

from .locations import demo_source
from .store.storage import write_atomic

__all__ = ["DEMO_FILE_NAME", "make_demo_copy", "shift_demo"]

DEMO_FILE_NAME = "demo.json"

#: The fields that hold moments (aware ISO datetimes) and calendar days (ISO dates), per table.
_MOMENTS = {
    "interviews": ("interviewed_at", "created_at"),
    "calls": ("started_at", "ended_at"),
    "thank_yous": ("sent_at",),
}
_DAYS = {
    "interviews": ("decision_expected",),
    "calls": ("follow_up_on",),
}


def make_demo_copy(folder: Path, today: date | None = None) -> Path:
    """Write `folder/demo.json`: the shipped demo with its newest interview on the day before `today`."""
    data = orjson.loads(demo_source().read_bytes())
    shift_demo(data, today or date.today())
    path = Path(folder) / DEMO_FILE_NAME
    write_atomic(path, orjson.dumps(data), 0o600)
    return path


def shift_demo(data: dict[str, Any], today: date) -> int:
    """Move every date in the tables (in place) so the newest interview is yesterday; return the days moved."""
    newest = _newest_interview_day(data)
    if newest is None:
        return 0
    days = (today - timedelta(days=1) - newest).days
    zones = _zones_by_interview(data)
    home = _zone(((data.get("profile") or {}).get("1") or {}).get("timezone"))
    for table, fields in _MOMENTS.items():
        for doc in (data.get(table) or {}).values():
            owner = doc.get("id") if table == "interviews" else doc.get("interview_id")
            candidates = [zone for zone in (home, zones.get(owner)) if zone is not None]
            for name in fields:
                if doc.get(name):
                    doc[name] = _shift_moment(doc[name], days, candidates)
    for table, fields in _DAYS.items():
        for doc in (data.get(table) or {}).values():
            for name in fields:
                if doc.get(name):
                    doc[name] = (date.fromisoformat(doc[name]) + timedelta(days=days)).isoformat()
    for doc in (data.get("meta") or {}).values():
        if "demo_anchor" in doc:
            doc["demo_anchor"] = today.isoformat()
    return days


def _newest_interview_day(data: dict[str, Any]) -> date | None:
    """The latest interview day, read on the clock the moment was recorded with."""
    days = [
        datetime.fromisoformat(doc["interviewed_at"]).date()
        for doc in (data.get("interviews") or {}).values()
        if doc.get("interviewed_at")
    ]
    return max(days, default=None)


def _zone(name: str | None) -> tzinfo | None:
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _zones_by_interview(data: dict[str, Any]) -> dict[str, tzinfo]:
    zones = {}
    for doc in (data.get("interviews") or {}).values():
        found = _zone(doc.get("interviewer_tz"))
        if found is not None and doc.get("id"):
            zones[doc["id"]] = found
    return zones


def _shift_moment(text: str, days: int, candidates: list[tzinfo]) -> str:
    """Same wall-clock time `days` later, on the zone whose offset the stored moment carries.

    If no known zone matches the stored offset, the offset itself is kept. A time that falls in a
    spring-forward gap is moved to the first valid moment after it, so the result is always real.
    """
    moment = datetime.fromisoformat(text)
    offset = moment.utcoffset()
    for zone in candidates:
        local = moment.astimezone(zone)
        if local.utcoffset() == offset:
            moved = datetime.combine(local.date() + timedelta(days=days), local.time(), zone)
            return moved.astimezone(UTC).astimezone(zone).isoformat()
    return (moment + timedelta(days=days)).isoformat()
