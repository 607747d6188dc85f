"""Scripts drafted from the record in the user's own voice (D14, D16, D17, D20).

A draft never leaves a blank: a missing value shows as a [bracketed] marker in the text, and the
draft lists, in plain words, what is missing and where to add it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from string import Template

from .dates import humanize_day
from .models import Interview, Profile
from .phones import display_phone
from .templates import (
    VOICEMAIL_PLACEHOLDERS,
    ScriptKind,
    VoicemailPart,
    template_for,
    voicemail_template_gaps,
)
from .windows import interviewer_zone, user_zone

__all__ = [
    "Draft",
    "draft",
    "fill",
    "render_template",
    "script_values",
    "talking_points",
    "thank_you_email",
    "voicemail",
]

#: What stands in the text for a value the record does not have yet.
MARKERS = {
    "my_name": "[your name]",
    "my_phone": "[your phone number]",
    "my_email": "[your email]",
    "my_pitch": "[your pitch]",
    "interviewer_name": "[their name]",
    "interviewed_when": "[when you interviewed]",
    "interview_day": "[the interview date]",
    "qualifications": "  – [your key qualifications]",
    "wish_said": "[what you wish you had said]",
}
#: What to tell the user about each missing value, and where to fix it.
_MISSING = {
    "my_name": "Your name is missing; add it to your profile.",
    "my_phone": "Your phone number is missing; add it to your profile.",
    "my_email": "Your email address is missing; add it to your profile.",
    "my_pitch": "Your pitch is empty; add a line about yourself to your profile.",
    "interviewer_name": "The interviewer's name is missing; add it to the interview.",
    "interviewed_when": "When you interviewed is missing; add the interview's date and time.",
    "interview_day": "When you interviewed is missing; add the interview's date and time.",
    "qualifications": "No key qualifications yet; list a few, each tied to something they need.",
    "wish_said": "Nothing noted yet about what you wish you had said.",
}
_VOICEMAIL_FIXES = {
    VoicemailPart.THANKS: "The message has no thank-you; add one to your voicemail template.",
    VoicemailPart.INVITATION: "The message does not invite a call back; add that to your voicemail template.",
}


@dataclass(frozen=True)
class Draft:
    """A script ready to read or copy, and what it still lacks, in plain words."""

    kind: ScriptKind
    text: str
    subject: str = ""
    to: str = ""
    missing: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return not self.missing

    def clipboard(self) -> str:
        """What a copy key puts on the clipboard: the subject line first for an email."""
        return f"Subject: {self.subject}\n\n{self.text}" if self.subject else self.text


def _qualification_lines(interview: Interview) -> str:
    """D4: each qualification led by the need it answers, so the match is heard."""
    lines = []
    for item in interview.qualifications:
        need = item.employer_need.strip()
        lines.append(f"  – {need}: {item.qualification.strip()}" if need else f"  – {item.qualification.strip()}")
    return "\n".join(lines)


def script_values(interview: Interview, profile: Profile | None, now: datetime) -> dict[str, str]:
    """Every placeholder's value from the record; "" where the record has nothing yet.

    When you interviewed is said on the interviewer's calendar, since they are the one listening.
    """
    profile = profile or Profile()
    person = interview.interviewer
    theirs = interviewer_zone(interview, user_zone(profile, now))
    held = interview.interviewed_at
    when = day = ""
    if held is not None:
        local = held.astimezone(theirs)
        when = humanize_day(local, now.astimezone(theirs))
        day = f"{local:%A} {local.day} {local:%B}"
    phone = display_phone(profile.phone) if profile.phone.startswith("+") else profile.phone.strip()
    name = person.name.strip()
    values = {
        "my_name": profile.name.strip(),
        "my_phone": phone,
        "my_email": profile.email.strip(),
        "my_pitch": profile.pitch.strip(),
        "company": interview.company,
        "job_title": interview.role,
        "interviewer_name": name,
        "greeting": f"Hello {name}" if name else "Hello",
        "interviewed_when": when,
        "interview_day": day,
        "qualifications": _qualification_lines(interview),
        "wish_said": interview.wish_said.strip(),
    }
    signature = [values["my_name"] or MARKERS["my_name"], values["my_phone"], values["my_email"]]
    values["signature"] = "\n".join(line for line in signature if line)
    return values


def fill(text: str, values: Mapping[str, str]) -> str:
    """Put the values in; an empty one shows its [marker]. Unknown `$names` are left as typed."""
    shown = {name: value or MARKERS.get(name, "") for name, value in values.items()}
    return Template(text).safe_substitute(shown)


def render_template(text: str, interview: Interview, profile: Profile | None, now: datetime) -> str:
    """A given template (e.g. one being edited) rendered with this record, for a preview."""
    return fill(text, script_values(interview, profile, now))


def _gaps(text: str, values: Mapping[str, str]) -> list[str]:
    """Plain-words notes for each placeholder this template uses whose value is missing."""
    used = Template(text).get_identifiers()
    if "signature" in used:
        used = [*used, "my_name"]
    notes = [_MISSING[name] for name in used if name in _MISSING and not values.get(name)]
    return list(dict.fromkeys(notes))


def voicemail(
    interview: Interview, profile: Profile | None, now: datetime, templates: Mapping[str, str] | None = None
) -> Draft:
    """D14: the message with exactly its six parts, and which of them the record cannot fill yet."""
    text, note = template_for(ScriptKind.VOICEMAIL, templates)
    values = script_values(interview, profile, now)
    missing: list[str] = [note] if note else []
    for part in voicemail_template_gaps(text):
        placeholder = VOICEMAIL_PLACEHOLDERS.get(part)
        if placeholder:
            missing.append(f"The message does not say {part}; add ${placeholder} to your voicemail template.")
        else:
            missing.append(_VOICEMAIL_FIXES[part])
    missing += _gaps(text, values)
    return Draft(ScriptKind.VOICEMAIL, fill(text, values), missing=tuple(dict.fromkeys(missing)))


def talking_points(
    interview: Interview, profile: Profile | None, now: datetime, templates: Mapping[str, str] | None = None
) -> Draft:
    """D16, D17: thanks, the match, what you meant to say, the offer, and the question about timing."""
    text, note = template_for(ScriptKind.TALKING_POINTS, templates)
    values = script_values(interview, profile, now)
    missing = [note] if note else []
    missing += _gaps(text, values)
    if "qualifications" in Template(text).get_identifiers():
        missing += [
            f"Tie “{item.qualification.strip()}” to something they said they need."
            for item in interview.qualifications
            if not item.employer_need.strip()
        ]
    return Draft(ScriptKind.TALKING_POINTS, fill(text, values), missing=tuple(dict.fromkeys(missing)))


def thank_you_email(
    interview: Interview, profile: Profile | None, now: datetime, templates: Mapping[str, str] | None = None
) -> Draft:
    """D20: the thank-you email interviewers like best, subject and body, addressed if we can."""
    subject, subject_note = template_for(ScriptKind.THANK_YOU_SUBJECT, templates)
    body, body_note = template_for(ScriptKind.THANK_YOU_EMAIL, templates)
    values = script_values(interview, profile, now)
    missing = [note for note in (subject_note, body_note) if note]
    missing += _gaps(subject, values) + _gaps(body, values)
    to = interview.interviewer.email.strip()
    if not to:
        missing.append("No email address for the interviewer; add it to the interview to send this.")
    return Draft(
        ScriptKind.THANK_YOU_EMAIL,
        fill(body, values),
        subject=" ".join(fill(subject, values).split()),
        to=to,
        missing=tuple(dict.fromkeys(missing)),
    )


_DRAFTERS = {
    ScriptKind.VOICEMAIL: voicemail,
    ScriptKind.TALKING_POINTS: talking_points,
    ScriptKind.THANK_YOU_SUBJECT: thank_you_email,
    ScriptKind.THANK_YOU_EMAIL: thank_you_email,
}


def draft(
    kind: ScriptKind | str,
    interview: Interview,
    profile: Profile | None,
    now: datetime,
    templates: Mapping[str, str] | None = None,
) -> Draft:
    """Any script by kind; both email kinds give the whole email."""
    return _DRAFTERS[ScriptKind(kind)](interview, profile, now, templates)
