"""`followup add`: a new interview from the shell, validated as the app validates it."""

from __future__ import annotations

import argparse

from ..domain.dates import parse_when
from ..domain.errors import ValidationError
from ..domain.inputs import entry_problems
from ..domain.models import Interview, Interviewer
from ..domain.phones import parse_phone
from .common import check_zone, open_workbook, read_text_arg, short_id, user_now

__all__ = ["register", "run"]

#: The model's field names, said as the option the user typed.
#: Text options checked as they enter (control characters; the resume must be a file).
_TEXT_OPTIONS = {"company": "company", "role": "role", "interviewer": "interviewer_name", "title": "interviewer_title", "resume": "resume_path"}
_OPTION_FOR = {"company": "--company", "role": "--role", "round": "--round", "interviewed_at": "--when"}


def register(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser(
        "add",
        help="add an interview and print its id",
        description="Add an interview to follow up on. Prints the new interview's short id.",
    )
    parser.add_argument("--company", required=True, help="the company")
    parser.add_argument("--role", required=True, help="the job title you interviewed for")
    parser.add_argument("--interviewer", default="", metavar="NAME", help="who interviewed you")
    parser.add_argument("--title", default="", help="the interviewer's job title")
    parser.add_argument("--phone", default="", help="the interviewer's direct number (D5)")
    parser.add_argument("--email", default="", help="the interviewer's email")
    parser.add_argument(
        "--not-decision-maker",
        action="store_true",
        help="the interviewer does not make the hiring decision",
    )
    parser.add_argument("--when", default="", help='when the interview was, on your clock, e.g. "yesterday 2pm"')
    parser.add_argument("--tz", default="", metavar="ZONE", help="the interviewer's time zone, e.g. Europe/London")
    parser.add_argument("--round", type=int, default=1, help="which interview round (1, 2, ...)")
    parser.add_argument("--resume", default="", metavar="PATH", help="the resume you sent (D1)")
    parser.add_argument("--wish", default="", metavar="TEXT", help="what you wish you had said (D8)")
    parser.add_argument("--notes", default="", metavar="TEXT", help="notes on the interview; - reads them from stdin")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    with open_workbook(args) as book:
        interview = build_interview(args, user_now(book.profile))
        book.save_interview(interview)
    print(short_id(interview.id))
    return 0


def build_interview(args: argparse.Namespace, now: object) -> Interview:
    """Every field checked before anything is saved; a ValidationError names the option."""
    phone = parse_phone(args.phone, field="--phone")
    email = args.email.strip()
    if email and "@" not in email:
        raise ValidationError("--email", f"“{email}” is not an email address.")
    tz = check_zone(args.tz)
    problems = entry_problems({field: getattr(args, arg) for arg, field in _TEXT_OPTIONS.items()})
    if problems:
        field, message = next(iter(problems.items()))
        raise ValidationError(next(f"--{arg}" for arg, f in _TEXT_OPTIONS.items() if f == field), message)
    when = parse_when(args.when, now, past=True, field="--when") if args.when.strip() else None  # type: ignore[arg-type]
    interviewer = Interviewer(
        name=args.interviewer.strip(),
        title=args.title.strip(),
        phone=phone,
        email=email,
        decision_maker=not args.not_decision_maker,
    )
    try:
        return Interview(
            company=args.company,
            role=args.role,
            interviewed_at=when,
            interviewer=interviewer,
            interviewer_tz=tz,
            round=args.round,
            resume_path=args.resume.strip(),
            wish_said=args.wish.strip(),
            notes=read_text_arg(args.notes) or "",
            created_at=now,  # type: ignore[arg-type]
        )
    except ValidationError as error:
        raise ValidationError(_OPTION_FOR.get(error.field, error.field), error.message) from None
