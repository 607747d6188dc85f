"""Script templates: the defaults, the placeholders a user may use, and the check of a user's own.

Templates use `string.Template` (`$name` / `${name}`): substitution only, no attribute access or
evaluation, so a template typed by the user cannot run anything.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from string import Template
from types import MappingProxyType

__all__ = [
    "DEFAULT_TEMPLATES",
    "PLACEHOLDERS",
    "VOICEMAIL_PLACEHOLDERS",
    "ScriptKind",
    "TemplateCheck",
    "VoicemailPart",
    "template_for",
    "validate_template",
    "voicemail_template_gaps",
]


class ScriptKind(StrEnum):
    """Which script a template drafts; the value is the key in the user's stored templates."""

    VOICEMAIL = "voicemail"
    TALKING_POINTS = "talking_points"
    THANK_YOU_SUBJECT = "thank_you_subject"
    THANK_YOU_EMAIL = "thank_you_email"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    ScriptKind.VOICEMAIL: "Voicemail message",
    ScriptKind.TALKING_POINTS: "Talking points",
    ScriptKind.THANK_YOU_SUBJECT: "Thank-you email subject",
    ScriptKind.THANK_YOU_EMAIL: "Thank-you email",
}

#: Every placeholder a template may use, with what it stands for (shown as help in the editor).
PLACEHOLDERS: Mapping[str, str] = MappingProxyType({
    "my_name": "your name, from your profile",
    "my_phone": "your phone number, from your profile",
    "my_phone_slowly": "your phone number again, in groups to say slowly (“415, 555, 0134”)",
    "my_email": "your email address, from your profile",
    "my_pitch": "your one-line pitch, from your profile",
    "signature": "your name, phone and email, one per line",
    "company": "the company",
    "job_title": "the job title you interviewed for",
    "interviewer_name": "the interviewer's name",
    "greeting": "“Hello Ms. Reyes” or “Hello Dana”, as you greet them; just “Hello” when the name is not known",
    "interviewed_when": "when you interviewed, said naturally: “yesterday”, “on Tuesday”, “last week”",
    "interview_day": "the interview date, e.g. “Tuesday 24 November”",
    "qualifications": "your key qualifications, each with the need it answers, one per line",
    "match": "a sentence or two tying each key qualification to what they said they need",
    "wish_said": "what you wish you had said in the interview",
})  # fmt: skip


class VoicemailPart(StrEnum):
    """D14: the six things a voicemail says, no more, no fewer."""

    NAME = "your name"
    JOB_TITLE = "the job title"
    WHEN = "when you interviewed"
    THANKS = "a thank-you"
    INVITATION = "an invitation to call back"
    PHONE = "your phone number"


#: The placeholder that carries each data part of a voicemail.
VOICEMAIL_PLACEHOLDERS = {
    VoicemailPart.NAME: "my_name",
    VoicemailPart.JOB_TITLE: "job_title",
    VoicemailPart.WHEN: "interviewed_when",
    VoicemailPart.PHONE: "my_phone",
}
#: The placeholder that can carry the number, if the first is not used.
_PHONE_ALSO = "my_phone_slowly"
#: D14: the ways a message says thank you, and the ways it invites a call back (checked in the text
#: around the placeholders). An invitation said with a "don't" or "no need" before it is no invitation.
_THANKS = re.compile(r"\b(thank|thanks|grateful|appreciate[ds]?|appreciation)\b", re.IGNORECASE)
_INVITATION = re.compile(
    r"\b(call(?:ing)? (?:me )?back|give me a (?:call|ring)|call me|ring me(?: back)?|reach me|reach out|"
    r"get back to me|get in touch|be in touch|contact me|let me know|drop me a line|"
    r"(?:happy|glad|pleased) to (?:answer|talk|send|share|help|tell|go over)|"
    r"you can (?:call|reach|contact)|feel free to (?:call|contact|reach|get in touch))\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"\b(?:don'?t|do not|no need to|not|never|needn'?t|no need for you to|won'?t need to)\s+(?:\w+\s+){0,2}$",
    re.IGNORECASE,
)

_VOICEMAIL = (
    "$greeting, this is $my_name. I interviewed with you $interviewed_when for the $job_title "
    "position at $company. Thank you again for your time. If it would help to know more about "
    "my background or experience, please call me back at $my_phone. That's $my_phone_slowly. Have a good day."
)
_TALKING_POINTS = """\
• Thanks: "Thank you for taking my call, and for your time $interviewed_when."
• Why I fit what they need:
$qualifications
• What I meant to mention: $wish_said
• Offer: "Is there anything else you'd like to know? I'm glad to send more on my background or experience."
• Ask: "When do you expect to make a decision?" (note the date they give)"""
_SUBJECT = "Thank you: $job_title interview"
_EMAIL = """\
$greeting,

Thank you for meeting with me $interviewed_when about the $job_title position at $company. \
I enjoyed our conversation and came away even keener on the role.

$match

If anything more about my background or experience would help your decision, I would be glad \
to send it.

Best regards,
$signature"""

#: The templates the workbook ships with, written for it.
DEFAULT_TEMPLATES: Mapping[ScriptKind, str] = MappingProxyType({
    ScriptKind.VOICEMAIL: _VOICEMAIL,
    ScriptKind.TALKING_POINTS: _TALKING_POINTS,
    ScriptKind.THANK_YOU_SUBJECT: _SUBJECT,
    ScriptKind.THANK_YOU_EMAIL: _EMAIL,
})  # fmt: skip


@dataclass(frozen=True)
class TemplateCheck:
    """Errors stop a template being used; warnings say what a draft from it would lack."""

    errors: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


def validate_template(kind: ScriptKind | str, text: str) -> TemplateCheck:
    """Check a user's template: unknown placeholders and stray `$` are errors, D14 gaps warnings."""
    kind = ScriptKind(kind)
    if not (text or "").strip():
        return TemplateCheck(errors=("The template is empty; write the text, or reset it to the default.",))
    errors: list[str] = []
    for match in Template.pattern.finditer(text):
        if match["invalid"] is not None:
            line = text.count("\n", 0, match.start()) + 1
            errors.append(f"A lone $ on line {line}; write $$ for a dollar sign, or $name for a placeholder.")
            continue
        name = match["named"] or match["braced"]
        if name is not None and name not in PLACEHOLDERS:
            errors.append(_unknown(name))
    if kind is ScriptKind.THANK_YOU_SUBJECT and "\n" in text.strip():
        errors.append("A subject is a single line; remove the line breaks.")
    warnings: tuple[str, ...] = ()
    if kind is ScriptKind.VOICEMAIL:
        warnings = tuple(f"The message would not say {part}." for part in voicemail_template_gaps(text))
    return TemplateCheck(tuple(dict.fromkeys(errors)), warnings)


def _unknown(name: str) -> str:
    aliases = {alias: full for full in PLACEHOLDERS for alias in (full, full.removeprefix("my_"))}
    close = difflib.get_close_matches(name.lower(), aliases, n=1, cutoff=0.6)
    if close:
        return f"${name} is not a placeholder; did you mean ${aliases[close[0]]}?"
    return f"${name} is not a placeholder; the ones you can use are: " + ", ".join(f"${p}" for p in PLACEHOLDERS) + "."


def voicemail_template_gaps(text: str) -> tuple[VoicemailPart, ...]:
    """D14: the parts a voicemail template leaves out, whatever the record holds."""
    used = set(Template(text).get_identifiers())
    if _PHONE_ALSO in used:
        used.add(VOICEMAIL_PLACEHOLDERS[VoicemailPart.PHONE])
    gaps = [part for part, name in VOICEMAIL_PLACEHOLDERS.items() if name not in used]
    bare = Template.pattern.sub(" ", text)
    if not _THANKS.search(bare):
        gaps.append(VoicemailPart.THANKS)
    if not _invites(bare):
        gaps.append(VoicemailPart.INVITATION)
    return tuple(sorted(gaps, key=list(VoicemailPart).index))


def _invites(text: str) -> bool:
    """An invitation to call back that is not turned round: "please call me back", not "don't call me back"."""
    for match in _INVITATION.finditer(text):
        before = text[: match.start()]
        clause = re.split(r"[.!?;,]", before)[-1]
        if _NEGATED.search(clause) and "hesitate" not in clause.lower():
            continue
        return True
    return False


def template_for(kind: ScriptKind | str, overrides: Mapping[str, str] | None = None) -> tuple[str, str]:
    """The template to draft with, and a note when the user's own had to be set aside.

    `overrides` is the stored dict {kind: text}; an empty or broken entry falls back to the default.
    """
    kind = ScriptKind(kind)
    own = (overrides or {}).get(kind.value, "")
    if not own or not own.strip():
        return DEFAULT_TEMPLATES[kind], ""
    check = validate_template(kind, own)
    if not check.ok:
        return DEFAULT_TEMPLATES[kind], f"Your own {kind.label.lower()} template was set aside: {check.errors[0]}"
    return own, ""
