"""Phone numbers: validated with `phonenumbers`, stored E.164, shown in national format.

`phonenumbers` is imported when a number is first looked at (a workbook with none never pays for it)."""

from __future__ import annotations

import re
from functools import lru_cache

from .errors import ValidationError

__all__ = ["DEFAULT_REGION", "display_phone", "parse_phone", "region_for_zone", "zone_for_number"]

DEFAULT_REGION = "US"
_EXTENSION = re.compile(r"(ext\.?|x)\s*\d+\s*$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def parse_phone(text: str, region: str = DEFAULT_REGION, field: str = "phone") -> str:
    """Return the number as E.164, or "" for empty input; raise if it cannot be a number (kept: imports ask often)."""
    text = (text or "").strip()
    if not text:
        return ""
    import phonenumbers

    if any(ch.isalpha() for ch in _EXTENSION.sub("", text)):
        raise ValidationError(field, f"“{text}” has letters in it; type the number in digits.")
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        raise ValidationError(field, f"“{text}” is not a phone number; type it with its area code.") from None
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason == phonenumbers.ValidationResult.IS_POSSIBLE_LOCAL_ONLY:
        raise ValidationError(field, f"“{text}” is missing its area code; type the whole number.")
    if reason != phonenumbers.ValidationResult.IS_POSSIBLE:
        digits = sum(ch.isdigit() for ch in text)
        raise ValidationError(
            field,
            f"“{text}” has {digits} digits, which cannot be a phone number here; "
            "check the area code, or start with + and the country code.",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@lru_cache(maxsize=4096)
def display_phone(e164: str, region: str = DEFAULT_REGION) -> str:
    """National format for numbers of the user's region, international otherwise (kept: exports ask often)."""
    if not e164:
        return ""
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(number) == region:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def region_for_zone(zone_name: str) -> str:
    """The phone region of the user's own zone ("Europe/London" is GB): numbers typed without +44 are read so."""
    import phonenumbers

    from .workdays import country_for_zone

    region = country_for_zone(zone_name)
    return region if region and phonenumbers.country_code_for_region(region) else DEFAULT_REGION


@lru_cache(maxsize=4096)
def zone_for_number(e164: str) -> str:
    """The interviewer's time zone as their number tells it (one zone only; "" when it spans several).

    Kept, like the numbers read and shown: an import asks once per row, and rows share numbers."""
    if not e164.startswith("+"):
        return ""
    import phonenumbers
    from phonenumbers import timezone  # its tables load on first use only

    try:
        zones = timezone.time_zones_for_number(phonenumbers.parse(e164, None))
    except phonenumbers.NumberParseException:
        return ""
    known = [name for name in zones if name != "Etc/Unknown"]
    return known[0] if len(known) == 1 else ""
