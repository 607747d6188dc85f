"""Checks at the point where text enters (form, checklist editor, CLI verbs, import).

They run on entry only, never on load: a workbook written before a check existed still opens.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from .errors import ValidationError
from .models import Interview

__all__ = ["check_interview_text", "check_item_label", "check_resume", "check_text", "entry_problems", "printable"]

#: C0 and C1 control characters (ESC, BEL, NUL ...) except tab and newline: they could drive the terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: Fields that hold one line of text.
ONE_LINE = ("company", "role", "interviewer_name", "interviewer_title", "interviewer_email", "interviewer_tz", "resume_path")


def check_text(text: str, field: str, one_line: bool = True) -> str:
    """Refuse control characters and escape sequences; a one-line field refuses line breaks too."""
    match = _CONTROL.search(text) or (re.search(r"[\n\r]", text) if one_line else None)
    if match:
        code = f"U+{ord(match.group()):04X}"
        raise ValidationError(field, f"Contains a control character ({code}), e.g. from a pasted escape sequence; retype it as plain text.")
    return text


def check_resume(text: str, field: str = "resume_path") -> str:
    """D1: the resume must be a file that is there now; empty means not given yet."""
    text = text.strip()
    if not text:
        return ""
    check_text(text, field)
    path = Path(text).expanduser()
    if path.is_dir():
        raise ValidationError(field, f"{path} is a folder; give the resume file inside it.")
    if not path.is_file():
        raise ValidationError(field, f"There is no file at {path}; check the path (e.g. ~/cv/resume.pdf).")
    return text


def check_item_label(label: str, existing: Iterable[str], field: str = "item") -> str:
    """A checklist item of the user's own: named, plain text, and not already on the list."""
    label = label.strip()
    if not label:
        raise ValidationError(field, "Type a name for the item; it cannot be blank.")
    check_text(label, field)
    if label.casefold() in {other.strip().casefold() for other in existing}:
        raise ValidationError(field, f"“{label}” is already on the checklist; give it another name.")
    return label


def entry_problems(values: Mapping[str, str], areas: Mapping[str, str] = {}) -> dict[str, str]:
    """One message per bad field of the interview form (one-line values and multi-line areas)."""
    problems: dict[str, str] = {}
    checks = [(name, text, name in ONE_LINE) for name, text in values.items()]
    checks += [(name, text, False) for name, text in areas.items()]
    for name, text, one_line in checks:
        try:
            if name == "resume_path":
                check_resume(text, name)
            else:
                check_text(text, name, one_line)
        except ValidationError as error:
            problems[name] = error.message
    return problems


def check_interview_text(interview: Interview) -> None:
    """The form's text checks for an interview that arrives another way (import): first problem raised."""
    who = interview.interviewer
    values = {
        "company": interview.company,
        "role": interview.role,
        "interviewer_name": who.name,
        "interviewer_title": who.title,
        "interviewer_email": who.email,
    }
    areas = {"notes": interview.notes, "wish_said": interview.wish_said}
    for field, message in entry_problems(values, areas).items():
        raise ValidationError(field, message)


def printable(text: str) -> str:
    """For display: control characters shown as visible symbols, never sent to the terminal."""
    return _CONTROL.sub(lambda m: chr(0x2400 + ord(m.group())) if ord(m.group()) < 0x20 else "�", text)
