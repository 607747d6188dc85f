"""`followup profile`: show the job seeker's profile, or set parts of it."""

from __future__ import annotations

import argparse
import dataclasses

from ..domain.errors import ValidationError
from ..domain.models import Profile
from ..domain.phones import display_phone, parse_phone
from .common import check_zone, open_workbook

__all__ = ["register", "run"]

_FIELDS = (("name", "Name"), ("phone", "Phone"), ("email", "Email"), ("timezone", "Time zone"), ("pitch", "Pitch"))


def register(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser(
        "profile",
        help="show or set your name, phone, email, time zone and pitch",
        description="With no options, show your profile. With options, set those parts and show the result.",
    )
    parser.add_argument("--name", help="your name, as the voicemail script says it")
    parser.add_argument("--phone", help="your phone number, for them to call back")
    parser.add_argument("--email", help="your email")
    parser.add_argument("--tz", metavar="ZONE", help="your time zone, e.g. America/Chicago")
    parser.add_argument("--pitch", metavar="TEXT", help="one line on why you fit")
    order = parser.add_mutually_exclusive_group()
    order.add_argument("--day-first", dest="day_first", action="store_true", default=None, help="read 3/12 as 3 December")
    order.add_argument("--month-first", dest="day_first", action="store_false", help="read 3/12 as March 12 (the default)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    changes = _changes(args)
    with open_workbook(args, write=bool(changes)) as book:
        profile = book.profile
        if changes:
            profile = dataclasses.replace(profile, **changes)
            book.save_profile(profile)
    print(format_profile(profile))
    return 0


def _changes(args: argparse.Namespace) -> dict[str, object]:
    """Only what was given; every value checked before any is saved."""
    changes: dict[str, object] = {}
    if args.day_first is not None:
        changes["day_first"] = args.day_first
    if args.name is not None:
        changes["name"] = args.name.strip()
    if args.phone is not None:
        changes["phone"] = parse_phone(args.phone, field="--phone")
    if args.email is not None:
        email = args.email.strip()
        if email and "@" not in email:
            raise ValidationError("--email", f"“{email}” is not an email address.")
        changes["email"] = email
    if args.tz is not None:
        changes["timezone"] = check_zone(args.tz)
    if args.pitch is not None:
        changes["pitch"] = " ".join(args.pitch.split())
    return changes


def format_profile(profile: Profile) -> str:
    lines = []
    for name, label in _FIELDS:
        value = getattr(profile, name)
        if name == "phone":
            value = display_phone(value)
        lines.append(f"{label + ':':<11}{value or '(not set)'}")
    lines.append(f"{'Dates:':<11}{'day first (3/12 is 3 December)' if profile.day_first else 'month first (3/12 is March 12)'}")
    return "\n".join(lines)
