"""`followup profile`: show the job seeker's profile, or set parts of it."""

from __future__ import annotations

import argparse

from ..domain.errors import ValidationError
from ..domain.fields import FieldProblems, profile_from_text
from ..domain.models import Profile
from ..domain.phones import display_phone
from .common import open_session

__all__ = ["format_profile", "run"]

_FIELDS = (("name", "Name"), ("phone", "Phone"), ("email", "Email"), ("timezone", "Time zone"), ("pitch", "Pitch"))
_OPTION_FOR = {"name": "--name", "phone": "--phone", "email": "--email", "timezone": "--tz", "pitch": "--pitch"}


def run(args: argparse.Namespace) -> int:
    typed = {"name": args.name, "phone": args.phone, "email": args.email, "timezone": args.tz, "pitch": args.pitch}
    given = {name: value for name, value in typed.items() if value is not None}
    changing = bool(given) or args.day_first is not None
    with open_session(args, write=changing) as session:
        profile = session.profile
        if changing:
            try:
                profile = profile_from_text(given, profile, day_first=args.day_first)
            except ValidationError as error:
                field = next(iter(error.problems)) if isinstance(error, FieldProblems) else error.field
                raise ValidationError(_OPTION_FOR.get(field, field), error.message) from None
            session.save_profile(profile)
    print(format_profile(profile))
    return 0


def format_profile(profile: Profile) -> str:
    lines = []
    for name, label in _FIELDS:
        value = getattr(profile, name)
        if name == "phone":
            value = display_phone(value)
        lines.append(f"{label + ':':<11}{value or '(not set)'}")
    order = "day first (3/12 is 3 December)" if profile.day_first else "month first (3/12 is March 12)"
    lines.append(f"{'Dates:':<11}{order}")
    return "\n".join(lines)
