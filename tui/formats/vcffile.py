"""Interviewers as vCards (RFC 6350's rules, written as vCard 3.0, which every phone reads), and a
business card read back into the interview's fields (D5: the decision-maker's direct number)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import tzinfo

from ..domain.fields import printable
from ..domain.models import Interview

__all__ = ["card_fields", "render_vcf"]

#: A content line longer than this many octets is folded (RFC 6350 3.2).
_FOLD_AT = 75


def render_vcf(interviews: Iterable[Interview], tz: tzinfo) -> bytes:
    """One card per interviewer with a name, number or email: name, title, company, number, email, a note."""
    cards = [_card(interview, tz) for interview in interviews if _has_person(interview)]
    return "".join(cards).encode("utf-8")


def _has_person(interview: Interview) -> bool:
    person = interview.interviewer
    return bool(person.name.strip() or person.phone or person.email)


def _card(interview: Interview, tz: tzinfo) -> str:
    person = interview.interviewer
    name = person.name.strip() or f"Interviewer at {interview.company}"
    given, _, family = name.rpartition(" ") if " " in name else ("", "", name)
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"UID:urn:uuid:{_uuid(interview.id)}",
        f"FN:{_text(name)}",
        f"N:{_text(family)};{_text(given)};;;",
        f"ORG:{_text(interview.company)}",
    ]
    if person.title:
        lines.append(f"TITLE:{_text(person.title)}")
    if person.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{_text(person.phone)}")
    if person.email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{_text(person.email)}")
    when = interview.interviewed_at
    on = f" on {when.astimezone(tz):%a %d %b %Y}" if when is not None else ""
    lines.append(f"NOTE:{_text(f'Interviewed you for {interview.role} at {interview.company}{on}.')}")
    lines.append("END:VCARD")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _uuid(identifier: str) -> str:
    """The interview's id (32 hex digits) as a UUID; any other id is used as it is."""
    hexed = identifier.lower()
    if re.fullmatch(r"[0-9a-f]{32}", hexed):
        return f"{hexed[:8]}-{hexed[8:12]}-{hexed[12:16]}-{hexed[16:20]}-{hexed[20:]}"
    return identifier


def _text(value: str) -> str:
    """A TEXT value escaped (RFC 6350 3.4), and nothing a terminal would obey."""
    value = printable(value)
    return (
        value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\r\n", "\n").replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Lines over 75 octets go on in lines that start with a space, never splitting a character."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > _FOLD_AT:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


#: The form's field for each vCard property a business card gives.
_FIELD_FOR = {"FN": "interviewer_name", "TITLE": "interviewer_title", "ORG": "company", "EMAIL": "interviewer_email"}


def card_fields(text: str) -> dict[str, str]:
    """The first card in `text` as the interview form's fields (name, title, company, number, email).

    Reads vCard 2.1, 3.0 and 4.0: folded lines, grouped properties (item1.TEL), escapes; the work
    or preferred number wins over the others. Raises ValueError when the text holds no card.
    """
    lines = _unfold(text)
    try:
        start = next(i for i, line in enumerate(lines) if line.strip().upper() == "BEGIN:VCARD")
    except StopIteration:
        raise ValueError("it holds no vCard (no BEGIN:VCARD line)") from None
    found: dict[str, str] = {}
    phones: list[tuple[int, str]] = []
    parts = ""
    for line in lines[start + 1 :]:
        if line.strip().upper() == "END:VCARD":
            break
        head, colon, value = line.partition(":")
        if not colon:
            continue
        name, *params = head.split(";")
        name = name.rpartition(".")[2].upper()
        kinds = ",".join(params).upper()
        if name == "TEL":
            rank = 0 if "WORK" in kinds or "PREF" in kinds else 1 if "CELL" not in kinds else 2
            phones.append((rank, _untext(value.removeprefix("tel:"))))
        elif name in _FIELD_FOR and _FIELD_FOR[name] not in found:
            found[_FIELD_FOR[name]] = _untext(_parts(value)[0] if name == "ORG" else value)
        elif name == "N":
            family, given = ([*_parts(value), "", ""])[:2]
            parts = " ".join(p for p in (_untext(given), _untext(family)) if p)
    if "interviewer_name" not in found and parts:
        found["interviewer_name"] = parts
    if phones:
        found["interviewer_phone"] = min(phones, key=lambda p: p[0])[1]
    return {field: value.strip() for field, value in found.items() if value.strip()}


def _parts(value: str) -> list[str]:
    """A structured value's components (ORG, N): split at each ";" that is not escaped."""
    return re.split(r"(?<!\\);", value)


def _unfold(text: str) -> list[str]:
    return re.sub(r"\r?\n[ \t]", "", text.removeprefix("\ufeff")).splitlines()


def _untext(value: str) -> str:
    return re.sub(r"\\([\\,;nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)
