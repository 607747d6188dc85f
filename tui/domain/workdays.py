"""Working days in someone's country: weekends and public holidays (D11, D19), from the `holidays` package.

The country comes from a phone number's region or from a time zone (the tz database says which
country each zone belongs to). Without a country only weekends count as days off.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path
from zoneinfo import TZPATH

from dateutil.easter import easter

__all__ = [
    "WEEKDAYS_ONLY",
    "WorkCalendar",
    "calendar_for",
    "country_answers",
    "country_for_phone",
    "country_for_zone",
    "country_name",
    "holiday_tables",
    "remember_countries",
    "remember_holidays",
    "zone_countries",
]

#: Countries said with "the", or whose tz database name is not how people say it.
_SAID_WITH_THE = {
    "GB": "the United Kingdom",
    "US": "the United States",
    "NL": "the Netherlands",
    "PH": "the Philippines",
    "AE": "the United Arab Emirates",
    "CZ": "the Czech Republic",
}

#: How far a search for the next working day goes before it gives up (a run of holidays is never this long).
_LONGEST_BREAK = 30


@dataclass(frozen=True)
class WorkCalendar:
    """Which days are working days for one person: Monday to Friday, less their country's public holidays."""

    country: str = ""

    def holiday(self, day: date) -> str:
        """The public holiday on that day in this country ("Thanksgiving Day"), or ""."""
        return _holidays(self.country, day.year).get(day, "") if self.country else ""

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and not self.holiday(day)

    def next_working_day(self, day: date) -> date:
        """The first working day on or after `day`."""
        for _ in range(_LONGEST_BREAK):
            if self.is_working_day(day):
                return day
            day += timedelta(days=1)
        return day

    def last_working_day(self, day: date) -> date:
        """The last working day on or before `day`."""
        for _ in range(_LONGEST_BREAK):
            if self.is_working_day(day):
                return day
            day -= timedelta(days=1)
        return day

    def add_working_days(self, day: date, count: int) -> date:
        """The working day `count` working days after `day` ("in 3 business days")."""
        while count > 0:
            day += timedelta(days=1)
            count -= self.is_working_day(day)
        return day

    def holidays_between(self, first: date, last: date) -> list[tuple[date, str]]:
        """The public holidays on weekdays from `first` to `last`, both included: what moved a call."""
        found = []
        day = first
        while day <= last:
            name = self.holiday(day)
            if name and day.weekday() < 5:
                found.append((day, name))
            day += timedelta(days=1)
        return found

    def named(self, words: str, on_or_after: date) -> tuple[date, str] | None:
        """The next day, from `on_or_after`, of the holiday people call `words` ("christmas", "thanksgiving")."""
        key = words.strip().lower()
        for year in (on_or_after.year, on_or_after.year + 1):
            for day, name in sorted(self._named_in(key, year)):
                if day >= on_or_after:
                    return day, name
        return None

    def _named_in(self, key: str, year: int) -> list[tuple[date, str]]:
        if key == "easter":
            return [(easter(year), "Easter")]
        if key in ("christmas", "xmas"):
            # Christmas is 25 December wherever it is kept, a day off or not.
            return [(date(year, 12, 25), "Christmas")]
        if key in ("new year", "new year's", "new years", "the new year", "new year's day"):
            return [(date(year, 1, 1), "New Year's Day")]
        pattern = re.compile(rf"\b{re.escape(key)}", re.IGNORECASE)
        table = _holidays(self.country, year) if self.country else {}
        return [(day, name) for day, name in table.items() if pattern.search(name) and "observed" not in name]


#: Weekends off and nothing else: for someone whose country is not known.
WEEKDAYS_ONLY = WorkCalendar()


@lru_cache(maxsize=1024)
def calendar_for(*, phone: str = "", zone: str = "", fallback: str = "") -> WorkCalendar:
    """A person's working days: their phone number's country, else their zone's, else `fallback`'s.

    Kept for the last numbers asked about: the list asks once per interview, and most share a few.
    """
    return WorkCalendar(country_for_phone(phone) or country_for_zone(zone) or fallback)


#: The country of each number's prefix, worked out here or handed in from a copy kept on disk.
_COUNTRIES: dict[str, str] = {}


def country_for_phone(e164: str) -> str:
    """The country (ISO 3166 code) a number in E.164 belongs to, or "" when it cannot be told.

    A country code shared by several countries says its main one, except +1, where the area code
    tells the United States from Canada and the Caribbean.
    """
    if not e164.startswith("+") or not e164[1:].isdigit():
        return ""
    # All the answer depends on: the country code (three digits at most), and after +1 the area code.
    prefix = e164[:5] if e164[1] == "1" else e164[:4]
    found = _COUNTRIES.get(prefix)
    if found is None:
        found = _COUNTRIES[prefix] = _work_out_country(prefix)
    return found


def _work_out_country(prefix: str) -> str:
    import phonenumbers  # here, not at the top: it takes a start 20 ms, and a kept answer needs none of it

    for size in (1, 2, 3):
        regions = phonenumbers.COUNTRY_CODE_TO_REGION_CODE.get(int(prefix[1 : 1 + size]))
        if regions:
            if size == 1 and prefix[1] == "1":
                return _north_american(prefix)
            return "" if regions[0] == "001" else regions[0]
    return ""


def remember_countries(answers: Mapping[str, str]) -> None:
    """Take the countries of number prefixes worked out before (read back from disk)."""
    for prefix, country in answers.items():
        _COUNTRIES.setdefault(prefix, country)


def country_answers() -> dict[str, str]:
    """Every number prefix's country known so far, to keep on disk for the next start."""
    return dict(_COUNTRIES)


def _north_american(prefix: str) -> str:
    """The country of a +1 area code ("+1416" is CA), from a number of that area code."""
    import phonenumbers

    try:
        number = phonenumbers.parse(prefix + "5550100", None)
    except phonenumbers.NumberParseException:
        return "US"
    return phonenumbers.region_code_for_number(number) or "US"


def country_for_zone(name: str) -> str:
    """The country of an IANA zone ("Europe/London" is GB), or "" for zones of no country ("UTC", "CET")."""
    return zone_countries().get(name.strip(), "") if name else ""


def country_name(code: str) -> str:
    """'the United States', 'the United Kingdom', 'Germany': for a sentence that says where a holiday is kept."""
    return _SAID_WITH_THE.get(code) or _country_names().get(code, code)


#: Holiday tables by (country, year): worked out here, or handed in from a copy kept on disk.
_TABLES: dict[tuple[str, int], dict[date, str]] = {}


def _holidays(country: str, year: int) -> dict[date, str]:
    """That country's public holidays in that year, named in English where the package can; {} if unknown."""
    found = _TABLES.get((country, year))
    if found is None:
        found = _TABLES[(country, year)] = _work_out_holidays(country, year)
    return found


def _work_out_holidays(country: str, year: int) -> dict[date, str]:
    import holidays  # only when a country is known and no kept copy has it: it takes a tenth of a second

    try:
        table = holidays.country_holidays(country, years=year, language="en_US")
    except NotImplementedError:
        return {}
    return {day: str(name) for day, name in table.items()}


def remember_holidays(tables: Mapping[tuple[str, int], Mapping[date, str]]) -> None:
    """Take holiday tables worked out before (read back from disk); those worked out here stay."""
    for key, table in tables.items():
        _TABLES.setdefault(key, dict(table))


def holiday_tables() -> dict[tuple[str, int], dict[date, str]]:
    """Every table known so far, to keep on disk for the next start."""
    return dict(_TABLES)


def _tz_file(name: str) -> str:
    """A table shipped with the tz database: from the system's copy, else the `tzdata` package's."""
    for folder in TZPATH:
        path = Path(folder) / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    from importlib import resources  # only without the system's copy: it takes a start more than a millisecond

    try:
        return resources.files("tzdata.zoneinfo").joinpath(name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        return ""


def _table_rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in _tz_file(name).splitlines() if line and not line.startswith("#")]


@cache
def zone_countries() -> dict[str, str]:
    """zone.tab: each zone's one country (zone1970.tab lists several for some zones, so it is not used)."""
    return {row[2]: row[0] for row in _table_rows("zone.tab") if len(row) >= 3}


@cache
def _country_names() -> dict[str, str]:
    return {row[0]: row[1] for row in _table_rows("iso3166.tab") if len(row) >= 2}
