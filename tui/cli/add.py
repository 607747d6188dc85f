"""`followup add`: a new interview from the shell, checked by the form's own checks."""

from __future__ import annotations

import argparse
import sys

from ..domain.errors import ValidationError
from ..domain.fields import FieldProblems, interview_from_text
from ..domain.phones import region_for_zone
from .common import open_session, read_text_arg, short_id

__all__ = ["run"]

#: The option the user typed for each of the interview's fields.
OPTION_FOR = {
    "company": "--company",
    "role": "--role",
    "interviewed_at": "--when",
    "round": "--round",
    "interviewer_name": "--interviewer",
    "interviewer_title": "--title",
    "interviewer_greeting": "--greet-as",
    "interviewer_phone": "--phone",
    "interviewer_email": "--email",
    "interviewer_tz": "--tz",
    "resume_path": "--resume",
    "wish_said": "--wish",
    "notes": "--notes",
    "posting_url": "--url",
    "salary": "--salary",
    "location": "--location",
    "applied_on": "--applied",
}


def card_values(path: str | None) -> dict[str, str]:
    """The interviewer's fields from a business card (.vcf), checked later with the typed ones."""
    if not path:
        return {}
    from ..session.cards import read_card

    return read_card(path, "--card")


def typed_values(args: argparse.Namespace) -> dict[str, str]:
    """The interview's fields as the options gave them, the card filling what they left empty."""
    typed = {
        "company": args.company,
        "role": args.role,
        "interviewed_at": args.when,
        "round": args.round,
        "interviewer_name": args.interviewer,
        "interviewer_title": args.title,
        "interviewer_greeting": args.greet_as,
        "interviewer_phone": args.phone,
        "interviewer_email": args.email,
        "interviewer_tz": args.tz,
        "resume_path": args.resume,
        "wish_said": args.wish,
        "notes": read_text_arg(args.notes) or "",
        "posting_url": args.url,
        "salary": args.salary,
        "location": args.location,
        "applied_on": args.applied,
    }
    card = card_values(args.card)
    return {**typed, **{name: value for name, value in card.items() if not (typed.get(name) or "").strip()}}


def as_options(error: ValidationError) -> ValidationError:
    """The same message, said of the option the user typed rather than the field."""
    field = error.field if not isinstance(error, FieldProblems) else next(iter(error.problems))
    return ValidationError(OPTION_FOR.get(field, field), error.message)


def run(args: argparse.Namespace) -> int:
    with open_session(args) as session:
        try:
            profile = session.profile
            interview = interview_from_text(
                typed_values(args),
                session.now(),
                decision_maker=not args.not_decision_maker,
                region=region_for_zone(profile.timezone),
                day_first=profile.day_first,
            )
        except ValidationError as error:
            raise as_options(error) from None
        session.add_interview(interview)
    print(short_id(interview.id))
    if interview.interviewer_tz and not (args.tz or "").strip():
        print(f"Their time zone: {interview.interviewer_tz}, from their number; --tz sets another.", file=sys.stderr)
    return 0
