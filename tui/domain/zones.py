"""Time zones as people type them ("Chicago", "London", "CET", "Eastern"), to the IANA name the clock needs."""

from __future__ import annotations

from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from .errors import ValidationError

__all__ = ["normal_zone"]

#: Short names and the everyday words for the zones people mean by them. "CET" and its kin are
#: IANA names already, with their daylight saving, so they pass through as they are.
_SAID = {
    "eastern": "America/New_York", "et": "America/New_York", "est": "America/New_York", "edt": "America/New_York",
    "central": "America/Chicago", "ct": "America/Chicago", "cst": "America/Chicago", "cdt": "America/Chicago",
    "mountain": "America/Denver", "mt": "America/Denver", "mst": "America/Denver", "mdt": "America/Denver",
    "pacific": "America/Los_Angeles", "pt": "America/Los_Angeles", "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles", "alaska": "America/Anchorage", "hawaii": "Pacific/Honolulu",
    "gmt": "Europe/London", "bst": "Europe/London", "uk": "Europe/London", "uk time": "Europe/London",
    "jst": "Asia/Tokyo", "aest": "Australia/Sydney", "aedt": "Australia/Sydney", "nzst": "Pacific/Auckland",
    "nzdt": "Pacific/Auckland", "sgt": "Asia/Singapore", "hkt": "Asia/Hong_Kong", "cest": "CET", "eest": "EET",
    "west": "WET", "utc": "UTC", "z": "UTC",
}  # fmt: skip
#: Cities people name that are not themselves the name of a zone.
_CITIES = {
    "san francisco": "America/Los_Angeles", "seattle": "America/Los_Angeles", "portland": "America/Los_Angeles",
    "san diego": "America/Los_Angeles", "san jose": "America/Los_Angeles", "boston": "America/New_York",
    "washington": "America/New_York", "washington dc": "America/New_York", "philadelphia": "America/New_York",
    "atlanta": "America/New_York", "miami": "America/New_York", "dallas": "America/Chicago",
    "austin": "America/Chicago", "houston": "America/Chicago", "minneapolis": "America/Chicago",
    "salt lake city": "America/Denver", "montreal": "America/Toronto", "ottawa": "America/Toronto",
    "manchester": "Europe/London", "edinburgh": "Europe/London", "glasgow": "Europe/London",
    "munich": "Europe/Berlin", "frankfurt": "Europe/Berlin", "hamburg": "Europe/Berlin", "milan": "Europe/Rome",
    "barcelona": "Europe/Madrid", "geneva": "Europe/Zurich", "bangalore": "Asia/Kolkata",
    "bengaluru": "Asia/Kolkata", "mumbai": "Asia/Kolkata", "delhi": "Asia/Kolkata", "new delhi": "Asia/Kolkata",
    "beijing": "Asia/Shanghai", "melbourne": "Australia/Melbourne", "tel aviv": "Asia/Jerusalem",
}  # fmt: skip
_AMBIGUOUS = {
    "ist": "IST is India, Ireland or Israel",
    "cst china": "CST is also China's",
    "ast": "AST is Atlantic or Arabia time",
    "bst bangladesh": "BST is also Bangladesh's",
}


def normal_zone(text: str, field: str) -> str:
    """The IANA name for what was typed, or "" for nothing; a message that helps when it cannot be told."""
    typed = " ".join(text.split())
    if not typed:
        return ""
    key = typed.lower().replace("_", " ").removesuffix(" time")
    if key in _AMBIGUOUS:
        raise ValidationError(field, f"{_AMBIGUOUS[key]}; type the city instead, e.g. Asia/Kolkata or Europe/Dublin.")
    found = _SAID.get(key) or _CITIES.get(key) or _by_name().get(key) or _by_city().get(key)
    if found is None:
        raise ValidationError(
            field, f"“{typed}” is not a time zone I know; type a city (Chicago, London) or a name like Europe/London."
        )
    try:
        ZoneInfo(found)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(field, f"This machine has no time zone data for {found}.") from None
    return found


@cache
def _by_name() -> dict[str, str]:
    """Every IANA name, looked up without regard to case ("europe/london")."""
    return {name.lower().replace("_", " "): name for name in available_timezones()}


@cache
def _by_city() -> dict[str, str]:
    """The city part of the canonical zones ("chicago", "new york"); a city in two regions keeps the first."""
    from .workdays import zone_countries

    found: dict[str, str] = {}
    for name in sorted(zone_countries()):
        city = name.rsplit("/", 1)[-1].lower().replace("_", " ")
        found.setdefault(city, name)
    return found
