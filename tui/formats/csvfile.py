"""The spreadsheet file: one row per interview out, interviews in, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from ..domain.errors import ValidationError
from ..domain.fields import FieldProblems, interview_from_text, printable
from ..domain.guidance import next_follow_up, next_step
from ..domain.job_fields import JOB_FIELDS
from ..domain.models import Interview
from ..domain.phones import DEFAULT_REGION, display_phone
from ..domain.records import Records
from ..domain.windows import user_zone
from .trackers import TRACKER_ALIASES, status_result

__all__ = ["BOM", "COLUMNS", "CsvImport", "neutralise", "parse_csv", "render_csv", "restore"]

#: The export's header. Import reads the first group (what you type); the rest are worked out.
COLUMNS = (
    "id",
    "company",
    "role",
    "interviewer",
    "interviewer_title",
    "interviewer_phone",
    "interviewer_email",
    "interviewed_at",
    "interviewer_tz",
    "round",
    "archived",
    "notes",
    "calls",
    "latest_outcome",
    "latest_call_at",
    "next_step",
    "next_step_due",
    "next_follow_up",
    "decision_expected",
    *JOB_FIELDS,
    "result",
    "result_on",
)
#: Other names people give the columns import reads.
_ALIASES = {
    "phone": "interviewer_phone",
    "email": "interviewer_email",
    "title": "interviewer_title",
    "when": "interviewed_at",
    "date": "interviewed_at",
    "interview_date": "interviewed_at",
    "tz": "interviewer_tz",
    "time_zone": "interviewer_tz",
    "job_title": "role",
    **TRACKER_ALIASES,
}
#: The columns import reads: from the company to the notes; the rest of the export is worked out.
_READ = frozenset(COLUMNS[COLUMNS.index("company") : COLUMNS.index("notes") + 1]) | {*JOB_FIELDS, "status"}
#: A spreadsheet treats a cell starting with one of these as a formula (CSV injection); some read
#: the full-width and small forms (＝ ＋ － ＠ ﹦ ﹢ ﹣) as the plain ones.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20", "\ufe66", "\ufe62", "\ufe63")
#: What `--excel` puts first, so a spreadsheet reads the file as UTF-8 and accents survive.
BOM = "\ufeff"


def _guarded(cell: str) -> bool:
    """A would-be formula, or text that already looks guarded ("'+1 Agency"), which must survive a round trip."""
    return cell.lstrip("'").startswith(_FORMULA_START)


def neutralise(cell: str) -> str:
    """Prefix a would-be formula with an apostrophe so the spreadsheet shows it as text."""
    return "'" + cell if _guarded(cell) else cell


def restore(cell: str) -> str:
    """Undo `neutralise` when reading our own export back: exactly one apostrophe comes off."""
    return cell[1:] if cell.startswith("'") and _guarded(cell) else cell


def _moment(value: datetime | None) -> str:
    return value.isoformat(timespec="minutes") if value else ""


def render_csv(records: Records, now: datetime, include_archived: bool = True, excel: bool = False) -> str:
    """A header and one row per interview: its details, latest outcome and next follow-up."""
    out = io.StringIO()
    if excel:
        out.write(BOM)
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    profile = records.profile
    mine = user_zone(profile, now)
    shown = records.interviews if include_archived else records.open_interviews()
    for interview in sorted(shown, key=lambda i: (i.created_at or now, i.id)):
        calls = records.calls_for(interview.id)
        finished = [c for c in calls if c.outcome is not None]
        latest = finished[-1] if finished else None
        follow = next_follow_up(interview, calls, tz=mine)
        step = next_step(interview, calls, records.thank_yous_for(interview.id), now, profile)
        person = interview.interviewer
        row = (
            interview.id,
            interview.company,
            interview.role,
            person.name,
            person.title,
            display_phone(person.phone),
            person.email,
            _moment(interview.interviewed_at),
            interview.interviewer_tz,
            str(interview.round),
            "yes" if interview.archived else "no",
            interview.notes,
            str(len(finished)),
            latest.outcome.label if latest and latest.outcome else "",
            _moment(latest.started_at) if latest else "",
            step.label,
            _moment(step.due),
            follow.due.isoformat() if follow else "",
            interview.decision_expected.isoformat() if interview.decision_expected else "",
            interview.posting_url,
            interview.salary,
            interview.location,
            interview.applied_on.isoformat() if interview.applied_on else "",
            interview.result.value,
            interview.result_on.isoformat() if interview.result_on else "",
        )
        writer.writerow([neutralise(printable(cell)) for cell in row])
    return out.getvalue()


@dataclass
class CsvImport:
    """What a CSV file holds: interviews by line, the problems by line, columns not read."""

    interviews: list[tuple[int, Interview]] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)


def _records(text: str) -> Iterator[tuple[int, list[str]]]:
    """Each record with the line it starts on (a quoted cell may span lines); any line ending will do."""
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    for record in reader:
        yield start, record
        start = reader.line_num + 1


def _column(name: str) -> str:
    key = "_".join(name.strip().lower().replace("-", " ").split())
    return _ALIASES.get(key, key)


def parse_csv(text: str, now: datetime, *, region: str = DEFAULT_REGION, day_first: bool = False) -> CsvImport:
    """Read interviews from CSV; every bad row is reported by line, none is half-read.

    Numbers without a country code are read in `region` and dates such as 3/11 day first if the
    user writes them so, as the form reads them."""
    result = CsvImport()
    records = _records(text.removeprefix("\ufeff"))
    try:
        first = next(records, None)
        if first is None:
            result.problems.append((1, "the file is empty; it needs a header row with company and role."))
            return result
        header = [_column(restore(cell)) for cell in first[1]]
        missing = [name for name in ("company", "role") if name not in header]
        if missing:
            result.problems.append((1, f"the header row has no {' or '.join(missing)} column."))
            return result
        result.ignored = [name for name in header if name not in _READ and name]
        for line, record in records:
            if not any(cell.strip() for cell in record):
                continue
            if len(record) > len(header):
                result.problems.append((line, f"it has {len(record)} cells but the header has {len(header)}."))
                continue
            cells = {name: restore(value).strip() for name, value in zip(header, record, strict=False)}
            try:
                result.interviews.append((line, _interview(cells, now, region, day_first)))
            except FieldProblems as error:
                result.problems.append((line, "; ".join(f"{name}: {why}" for name, why in error.problems.items())))
            except ValidationError as error:
                result.problems.append((line, f"{error.field}: {error.message}"))
    except csv.Error as error:
        result.problems.append((0, f"the file is not readable CSV ({error})."))
    return result


#: The csv column for each of the interview's typed fields (the form's names).
_FIELD_FOR = {"interviewer": "interviewer_name", "interviewer_title": "interviewer_title"}


def _interview(cells: dict[str, str], now: datetime, region: str, day_first: bool) -> Interview:
    """One row through the same checks as the form; the archived flag is the only csv-only column."""
    archived = cells.get("archived", "").lower()
    if archived not in ("", "yes", "no", "true", "false", "1", "0"):
        raise ValidationError("archived", f"“{archived}” is not yes or no.")
    typed = {_FIELD_FOR.get(name, name): value for name, value in cells.items()}
    typed.setdefault("company", "")
    typed.setdefault("role", "")
    interview = interview_from_text(typed, now, region=region, day_first=day_first)
    interview.archived = archived in ("yes", "true", "1")
    interview.result = status_result(cells.get("status", ""))  # a tracker's status; ours is the result column
    return interview
