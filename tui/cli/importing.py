"""`followup import`: interviews from a CSV or a JSON export; a dry run unless --apply, all or nothing.

Importing the same file twice adds nothing the second time: JSON records are matched by id, CSV
rows by company, role, interviewer and interview day.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from ..domain.errors import ValidationError
from ..domain.models import Interview
from ..domain.phones import region_for_zone
from ..formats.csvfile import parse_csv
from ..formats.jsonfile import read_json
from ..reading import MAX_WORKBOOK_BYTES, NotAFileError, read_regular
from ..session import Session
from ..store.storage import describe
from .common import open_session, short_id

__all__ = ["Plan", "run"]


@dataclass
class Plan:
    """What an import would do: records to add, what is already there, and every problem by line."""

    interviews: list[tuple[int, Interview]] = field(default_factory=list)
    calls: list[Any] = field(default_factory=list)
    thank_yous: list[Any] = field(default_factory=list)
    profile: Any = None
    settings: dict[str, Any] = field(default_factory=dict)
    skipped: list[tuple[int, str]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.interviews or self.calls or self.thank_yous or self.profile or self.settings)


def run(args: argparse.Namespace) -> int:
    source = Path(args.file).expanduser()
    text = _read(source)
    kind = args.format or _kind(source, text)
    with open_session(args, write=args.apply) as session:
        now = session.now()
        plan = _plan_json(session, text) if kind == "json" else _plan_csv(session, text, now)
        if plan.problems:
            for line, reason in sorted(plan.problems):
                where = f"{source} line {line}" if line else str(source)
                print(f"{where}: {reason}", file=sys.stderr)
            count = len(plan.problems)
            rows = f"{count} bad row{'s' if count != 1 else ''}"
            print(
                f"Nothing was imported: {rows}. Fix {'them' if count != 1 else 'it'} and import again.", file=sys.stderr
            )
            return 2
        if args.apply and not plan.empty:
            session.load_many([*(interview for _, interview in plan.interviews), *plan.calls, *plan.thank_yous])
            if plan.profile is not None:
                session.save_profile(plan.profile)
            for key, value in plan.settings.items():
                session.set_setting(key, value)
    _report(plan, source, args.apply, now.tzinfo or UTC)
    return 0


#: The largest file import reads: as much as a workbook may hold.
MAX_IMPORT_BYTES = MAX_WORKBOOK_BYTES


def _read(source: Path) -> str:
    """The file as text; a pipe, a device, a huge file or bytes that are not UTF-8 are refused (exit 2)."""
    try:
        raw = read_regular(source, MAX_IMPORT_BYTES)
    except NotAFileError as error:
        raise ValidationError(str(source), f"{error}; name the csv or json file to import.") from None
    except OSError as error:
        raise ValidationError(str(source), f"cannot be read: {describe(error)}.") from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = len((raw[: error.start] + b"x").splitlines())  # any line ending, old Macs' CR too
        raise ValidationError(
            f"{source} line {line}", "not UTF-8 text; save the file as UTF-8 and import again."
        ) from None


def _kind(source: Path, text: str) -> str:
    suffix = source.suffix.lower()
    if suffix in (".csv", ".json"):
        return suffix[1:]
    return "json" if text.lstrip().startswith("{") else "csv"


def _day_key(interview: Interview, tz: tzinfo) -> tuple[str, str, str, str]:
    """Same company, role, interviewer and interview day: the same interview (CSV dedupe)."""
    when = interview.interviewed_at.astimezone(tz).date().isoformat() if interview.interviewed_at else ""
    names = (interview.company, interview.role, interview.interviewer.name)
    fold = [" ".join(text.split()).casefold() for text in names]
    return fold[0], fold[1], fold[2], when


def _plan_csv(session: Session, text: str, now: datetime) -> Plan:
    profile = session.profile
    parsed = parse_csv(text, now, region=region_for_zone(profile.timezone), day_first=profile.day_first)
    plan = Plan(problems=list(parsed.problems))
    if parsed.ignored:
        plan.notes.append("Columns not imported (worked out by followup): " + ", ".join(parsed.ignored) + ".")
    tz = now.tzinfo or UTC
    seen = {_day_key(i, tz): 0 for i in session.interviews(include_archived=True)}
    for line, interview in parsed.interviews:
        key = _day_key(interview, tz)
        if key in seen:
            where = f"same as line {seen[key]}" if seen[key] else "already in the workbook"
            plan.skipped.append((line, f"{interview.title} ({where})"))
            continue
        seen[key] = line
        plan.interviews.append((line, interview))
    return plan


def _plan_json(session: Session, text: str) -> Plan:
    found = read_json(text)
    plan = Plan(problems=list(found.problems))
    records = session.records()
    have = {i.id for i in records.interviews}
    known = have | {i.id for _, i in found.interviews}
    for line, interview in found.interviews:
        if interview.id in have:
            plan.skipped.append((line, f"{interview.title} (already in the workbook)"))
        else:
            plan.interviews.append((line, interview))
    for table, found_records, existing in (
        ("calls", found.calls, {c.id for c in records.all_calls()}),
        ("thank_yous", found.thank_yous, {t.id for t in records.all_thank_yous()}),
    ):
        kind = "call" if table == "calls" else "thank-you"
        for line, record in found_records:
            if record.interview_id not in known:
                why = f"this {kind} belongs to interview {record.interview_id}, which is neither in this file nor in the workbook."
                plan.problems.append((line, why))
            elif record.id in existing:
                plan.skipped.append((line, f"a {kind} (already in the workbook)"))
            else:
                getattr(plan, table).append(record)
    if found.profile is not None and not records.has_profile:
        plan.profile = found.profile
    elif found.profile is not None and found.profile != records.profile:
        plan.notes.append("The file's profile was not imported: the workbook already has yours.")
    plan.settings = {k: v for k, v in found.settings.items() if k not in records.settings}
    return plan


def _report(plan: Plan, source: Path, applied: bool, tz: tzinfo) -> None:
    verb = "Added" if applied else "Would add"
    lines = []
    for line, interview in plan.interviews:
        when = (
            f", interviewed {interview.interviewed_at.astimezone(tz):%a %d %b %Y}" if interview.interviewed_at else ""
        )
        lines.append(f"+ {short_id(interview.id)}  {interview.title}{when}  (line {line})")
    extra = []
    if plan.calls:
        extra.append(f"{len(plan.calls)} call{'s' if len(plan.calls) != 1 else ''}")
    if plan.thank_yous:
        extra.append(f"{len(plan.thank_yous)} thank-you{'s' if len(plan.thank_yous) != 1 else ''}")
    if plan.profile is not None:
        extra.append("your profile")
    if plan.settings:
        extra.append("settings: " + ", ".join(sorted(plan.settings)))
    count = len(plan.interviews)
    head = f"{verb} {count} interview{'s' if count != 1 else ''}" + (f", {', '.join(extra)}" if extra else "")
    print(f"{head} from {source}." if not plan.empty else f"Nothing new to add from {source}.")
    for text in lines:
        print(text)
    for line, what in plan.skipped:
        print(f"= skipped line {line}: {what}")
    for note in plan.notes:
        print(note)
    if not applied and not plan.empty:
        print("Nothing was written (dry run). Run again with --apply to add these.")
