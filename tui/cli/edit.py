"""`followup edit`: change the parts of an interview named on the line, by the form's own checks."""

from __future__ import annotations

import argparse

from ..domain.errors import ValidationError
from ..domain.fields import interview_from_text
from ..domain.phones import region_for_zone
from .add import OPTION_FOR, as_options, card_values
from .common import open_session, read_text_arg, short_id

__all__ = ["run"]


def changed_values(args: argparse.Namespace) -> dict[str, str]:
    """Only the fields whose option was given; the rest keep what the interview holds."""
    values = {field: getattr(args, option[2:].replace("-", "_"), None) for field, option in OPTION_FOR.items()}
    values["notes"] = read_text_arg(values["notes"])
    given = {field: value for field, value in values.items() if value is not None}
    return {**card_values(args.card), **given}


def run(args: argparse.Namespace) -> int:
    values = changed_values(args)
    decision_maker = None if args.not_decision_maker is None else not args.not_decision_maker
    if not values and decision_maker is None:
        raise ValidationError("options", "name at least one part to change, e.g. --role or --phone (see --help).")
    with open_session(args) as session:
        original = session.find(args.id)
        profile = session.profile
        try:
            edited = interview_from_text(
                values,
                session.now(),
                original,
                decision_maker=decision_maker,
                region=region_for_zone(profile.timezone),
                day_first=profile.day_first,
            )
        except ValidationError as error:
            raise as_options(error) from None
        session.update_interview(edited)
        step, now = session.step(edited.id), session.now()
    print(f"Saved {edited.title} ({short_id(edited.id)}).")
    due = step.due_phrase(now)
    print(f"Next: {step.label}{f' ({due})' if due else ''}. {step.reason}")
    return 0
