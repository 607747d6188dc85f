"""`followup script`: the voicemail, talking points or thank-you email the app would draft now (D14, D16, D20)."""

from __future__ import annotations

import argparse
import sys

from ..domain.scripts import Draft, draft
from ..domain.templates import ScriptKind
from .common import open_workbook, user_now

__all__ = ["KINDS", "TEMPLATES_SETTING", "register", "run"]

#: What the user types, and the script it means.
KINDS = {
    "voicemail": ScriptKind.VOICEMAIL,
    "talking-points": ScriptKind.TALKING_POINTS,
    "thank-you": ScriptKind.THANK_YOU_EMAIL,
}
#: The setting holding the user's own templates, by ScriptKind value.
TEMPLATES_SETTING = "templates"


def register(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser(
        "script",
        help="print a voicemail, talking points or thank-you draft",
        description="Print the draft the app would show for this interview now. Parts the record "
        "cannot fill yet show as [brackets] in the text and are listed on standard error.",
    )
    parser.add_argument("id", metavar="ID", help="the interview's id (any unique start of it)")
    parser.add_argument("--kind", required=True, choices=tuple(KINDS), help="which script")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    with open_workbook(args, write=False) as book:
        interview = book.find_interview(args.id)
        profile = book.profile
        templates = book.setting(TEMPLATES_SETTING, None)
        result = draft(KINDS[args.kind], interview, profile, user_now(profile), templates or None)
    print(render_draft(result))
    if result.missing:
        print("Missing:", file=sys.stderr)
        for note in result.missing:
            print(f"- {note}", file=sys.stderr)
    return 0


def render_draft(result: Draft) -> str:
    """The text to read or paste; an email gets its To and Subject lines first."""
    if result.kind is ScriptKind.THANK_YOU_EMAIL:
        head = f"To: {result.to or '[their email]'}\nSubject: {result.subject}\n\n"
        return head + result.text.rstrip("\n")
    return result.text.rstrip("\n")
