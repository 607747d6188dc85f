"""Holiday tables, and the countries phone numbers belong to, kept on disk between starts, so the
`holidays` and `phonenumbers` packages are loaded only when they must be.

Loading `holidays` and working out one country's year takes a tenth of a second or more; loading
`phonenumbers` to tell a number's country, 20 ms. A workbook needs the same few tables and numbers on
every start. They are kept as JSON in the user's cache folder, marked with both packages' version
files, so a new release of either is worked out afresh. The copy is a cache: a missing, damaged or
stale one is ignored, and failing to write it is silent.
"""

from __future__ import annotations

import json
import re
from datetime import date
from importlib.util import find_spec
from pathlib import Path

from ..domain.workdays import country_answers, holiday_tables, remember_countries, remember_holidays
from ..reading import NotAFileError, read_regular
from .storage import write_atomic

__all__ = ["keep_holidays", "read_kept_holidays"]

#: How the file is laid out; a copy written another way is not read.
_LAYOUT = 2
#: A kept copy larger than this is not ours.
_AT_MOST = 4 * 1024 * 1024
#: A number's prefix as kept ("+1416", "+442"), and a country code or "" for none.
_PREFIX = re.compile(r"\+[0-9]{1,4}")
_COUNTRY = re.compile(r"(?:[A-Z]{2})?")


def _stamp() -> str:
    """Which releases of `holidays` and `phonenumbers` worked the answers out, without importing either:
    their version files' places, sizes and times."""
    marks = [str(_LAYOUT)]
    for package, version_file in (("holidays", "version.py"), ("phonenumbers", "__init__.py")):
        spec = find_spec(package)
        if spec is None or spec.origin is None:
            return ""
        version = Path(spec.origin).with_name(version_file)
        try:
            info = version.stat()
        except OSError:
            return ""
        marks.append(f"{version}:{info.st_size}:{info.st_mtime_ns}")
    return ":".join(marks)


def read_kept_holidays(path: Path) -> int:
    """Hand the tables and number countries kept at `path` to the working-day rules; how many answers
    were taken (0 when none fit)."""
    try:
        data = json.loads(read_regular(path, _AT_MOST).decode("utf-8"))
        if not isinstance(data, dict) or data.get("stamp") != _stamp() or not data["stamp"]:
            return 0
        tables = {
            (country, int(year)): {date.fromisoformat(day): str(name) for day, name in table.items()}
            for country, year, table in data["tables"]
        }
        countries = dict(data["countries"])
        if not all(_PREFIX.fullmatch(prefix) and _COUNTRY.fullmatch(country) for prefix, country in countries.items()):
            return 0  # not written by followup: none of it is taken
    except (OSError, NotAFileError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        return 0
    remember_holidays(tables)
    remember_countries(countries)
    return len(tables) + len(countries)


def keep_holidays(path: Path, known: int = 0) -> None:
    """Write every table and number country worked out so far to `path`, when there are more than the
    `known` read from it."""
    tables, countries = holiday_tables(), country_answers()
    stamp = _stamp()
    if len(tables) + len(countries) <= known or not stamp:
        return
    rows = [
        [country, year, {day.isoformat(): name for day, name in sorted(table.items())}]
        for (country, year), table in sorted(tables.items())
    ]
    kept = {"stamp": stamp, "tables": rows, "countries": dict(sorted(countries.items()))}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(kept).encode("utf-8"))
    except OSError:
        return
