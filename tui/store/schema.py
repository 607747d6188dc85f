"""The file's layout: checking a loaded file, and migrating older formats forward."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..domain.documents import shown

__all__ = ["SCHEMA_VERSION", "TABLES", "check_layout", "empty_tables", "migrate", "schema_version"]

#: Version 1: nested interviewer, aware ISO datetimes, checks as {rule: bool}, a meta table.
SCHEMA_VERSION = 1
TABLES = ("interviews", "calls", "thank_yous", "profile", "settings", "meta")
#: Tables of one record each: a second one would be hidden behind the first.
SINGLE = ("profile", "settings")


def empty_tables() -> dict[str, Any]:
    return {"meta": {"1": {"schema_version": SCHEMA_VERSION}}}


def check_layout(data: Any) -> str | None:
    """Return why `data` is not a TinyDB layout of this app, or None when it is one."""
    if not isinstance(data, dict):
        return "it is not a workbook (the top level is not a table of tables)"
    for name, table in data.items():
        if not isinstance(table, dict):
            return f"its table “{name}” is not a table of records"
        for key, doc in table.items():
            if not _record_number(key):
                return f"its table “{name}” has a record with the id “{key[:20]}”, which is not a number"
            if not isinstance(doc, dict):
                return f"record {key} of table “{name}” is not a record"
        if name in SINGLE and len(table) > 1:
            return f"its table “{name}” has {len(table)} records; it holds one, and the others would be hidden"
    return _check_version(data.get("meta") or {})


def _record_number(key: str) -> bool:
    """TinyDB reads record ids with int(): only plain ASCII digits, written the way it writes them."""
    return key.isascii() and key.isdigit() and len(key) <= 18 and str(int(key)) == key


def _check_version(meta: dict[str, Any]) -> str | None:
    for doc in meta.values():
        if "schema_version" not in doc:
            continue
        version = doc["schema_version"]
        if type(version) is not int:
            return f"its 'schema_version' is {shown(version)}, not a whole number"
        if version < 0:
            return f"its 'schema_version' is {version}; versions start at 0"
        return None
    return None


def schema_version(data: dict[str, Any]) -> int:
    """The format the file was written in; call after check_layout, which vets it."""
    meta = data.get("meta") or {}
    for doc in meta.values():
        if "schema_version" in doc:
            return int(doc["schema_version"])
    return 0


def migrate(data: dict[str, Any], tz: Any) -> dict[str, Any]:
    """Bring an older layout up to SCHEMA_VERSION; `tz` gives naive old times their zone."""
    version = schema_version(data)
    if version == 0:
        data = _from_0(data, tz)
    return data


def _aware_iso(text: Any, tz: Any) -> Any:
    """A naive old time in the user's zone; anything unreadable is passed on for the record check to name."""
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return text
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz)
    return moment.isoformat()


def _ticked(checklist: Any) -> Any:
    if isinstance(checklist, list) and all(isinstance(rule, str) for rule in checklist):
        return {rule: True for rule in checklist}
    return checklist


def _from_0(data: dict[str, Any], tz: Any) -> dict[str, Any]:
    """Schema 0 kept the interviewer as flat fields, naive local times and a list of ticked rules."""
    interviews = {}
    for key, doc in (data.get("interviews") or {}).items():
        doc = dict(doc)
        doc["interviewer"] = {
            "name": doc.pop("interviewer", "") or "",
            "title": doc.pop("interviewer_title", "") or "",
            "phone": doc.pop("phone", "") or "",
            "email": doc.pop("email", "") or "",
            "decision_maker": True,
        }
        doc["interviewed_at"] = _aware_iso(doc.pop("date", None), tz)
        doc["checks"] = _ticked(doc.pop("checklist", []))
        doc.setdefault("id", f"v0-{key}")
        interviews[key] = doc
    calls = {}
    for key, doc in (data.get("calls") or {}).items():
        doc = dict(doc)
        if "interview" in doc:
            doc["interview_id"] = interviews.get(str(doc.pop("interview")), {}).get("id", "")
        doc["started_at"] = _aware_iso(doc.get("started_at"), tz)
        doc["ended_at"] = _aware_iso(doc.get("ended_at"), tz)
        doc.setdefault("id", f"v0-call-{key}")
        calls[key] = doc
    migrated = {name: table for name, table in data.items() if name not in ("interviews", "calls")}
    migrated["interviews"] = interviews
    migrated["calls"] = calls
    migrated["meta"] = {"1": {"schema_version": SCHEMA_VERSION}}
    return migrated
