"""`followup script`: the voicemail, talking points or thank-you email the app would draft now (D14, D16, D20)."""

from __future__ import annotations

import argparse
import sys

from ..domain.scripts import Draft, draft
from ..domain.speaking import spoken_length
from ..domain.templates import ScriptKind
from .common import open_session

__all__ = ["KINDS", "render_draft", "run"]

#: What the user types, and the script it means.
KINDS = {
    "voicemail": ScriptKind.VOICEMAIL,
    "talking-points": ScriptKind.TALKING_POINTS,
    "thank-you": ScriptKind.THANK_YOU_EMAIL,
}


def run(args: argparse.Namespace) -> int:
    with open_session(args, write=False) as session:
        interview = session.find(args.id)
        result = draft(KINDS[args.kind], interview, session.profile, session.now(), session.templates or None)
    print(render_draft(result))
    if result.kind is ScriptKind.VOICEMAIL:
        print(spoken_length(result.text).line, file=sys.stderr)
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
