"""Scripts drafted from the record in the user's own voice (D14, D16, D17, D20).

A draft never leaves a blank: a missing value shows as a [bracketed] marker in the text, and the
draft lists, in plain words, what is missing and where to add it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from string import Template

from .dates import humanize_day
from .models import Interview, Profile
from .phones import DEFAULT_REGION, display_phone, region_for_zone
from .speaking import VOICEMAIL_SECONDS, spoken_seconds
from .templates import (
    DEFAULT_TEMPLATES,
    VOICEMAIL_PLACEHOLDERS,
    ScriptKind,
    VoicemailPart,
    template_for,
    voicemail_template_gaps,
)
from .windows import interviewer_zone, user_zone

__all__ = [
    "VOICEMAIL_SECONDS",
    "Draft",
    "draft",
    "fill",
    "opening_line",
    "render_template",
    "said_slowly",
    "script_values",
    "spoken_seconds",
    "talking_points",
    "thank_you_email",
    "voicemail",
]

#: What stands in the text for a value the record does not have yet.
MARKERS = {
    "my_name": "[your name]",
    "my_phone": "[your phone number]",
    "my_phone_slowly": "[your phone number, slowly]",
    "my_email": "[your email]",
    "my_pitch": "[your pitch]",
    "interviewer_name": "[their name]",
    "interviewed_when": "[when you interviewed]",
    "interview_day": "[the interview date]",
    "qualifications": "  – [your key qualifications]",
    "match": "[how your key qualifications meet what they need]",
    "wish_said": "[what you wish you had said]",
}
#: What to tell the user about each missing value, and where to fix it.
_MISSING = {
    "my_name": "Your name is missing; add it to your profile.",
    "my_phone": "Your phone number is missing; add it to your profile.",
    "my_phone_slowly": "Your phone number is missing; add it to your profile.",
    "my_email": "Your email address is missing; add it to your profile.",
    "my_pitch": "Your pitch is empty; add a line about yourself to your profile.",
    "interviewer_name": "The interviewer's name is missing; add it to the interview.",
    "interviewed_when": "When you interviewed is missing; add the interview's date and time.",
    "interview_day": "When you interviewed is missing; add the interview's date and time.",
    "qualifications": "No key qualifications yet; list a few, each tied to something they need.",
    "match": "No key qualifications yet; list a few, each tied to something they need.",
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


def _match(interview: Interview) -> str:
    """D4, D20: each qualification tied to the need it answers, in a sentence or two of prose."""
    sentences: list[str] = []
    for item in interview.qualifications:
        claim, need = _claim(item.qualification), _lower_first(item.employer_need.strip().rstrip("."))
        if not claim:
            continue
        if need:
            sentences.append(f"{'On' if sentences else 'You mentioned'} {need}, {'' if sentences else 'and '}{claim}.")
        else:
            sentences.append(f"Also, {claim}." if sentences else f"{claim[0].upper()}{claim[1:]}.")
    return " ".join(sentences)


#: Verbs a qualification often starts with ("Led the redesign"): said as "I led the redesign".
_DID = re.compile(r"^(?:\w+ed|led|built|grew|ran|made|wrote|won|taught|drove|set|took|brought|rebuilt|cut|"
                  r"have|hold|speak|know|am|can|wrote)\b", re.IGNORECASE)  # fmt: skip


def _claim(qualification: str) -> str:
    """'Grew a team from 2 to 9' as 'I grew a team from 2 to 9'; 'Ten years of research' as 'I bring ten years of research'."""
    text = _lower_first(qualification.strip().rstrip("."))
    if not text:
        return ""
    return f"I {text}" if _DID.match(text) else f"I bring {text}"


def _lower_first(text: str) -> str:
    """'Scaling the team' to 'scaling the team' inside a sentence; 'UX research' and 'iOS' stay as typed."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def said_slowly(e164: str, region: str = DEFAULT_REGION) -> str:
    """'415, 555, 0134': the number in its groups, for saying slowly the second time (D14)."""
    if not e164.startswith("+"):
        return e164.strip()
    shown = display_phone(e164, region)
    groups = [part for part in re.split(r"[^\d]+", shown) if part]
    return ("+" if shown.startswith("+") else "") + ", ".join(groups)


def _when_held(interview: Interview, now: datetime, theirs: tzinfo) -> tuple[str, str]:
    """When you interviewed, said naturally, and its date; ("", "") before it has taken place."""
    held = interview.interviewed_at
    if held is None or held > now:
        return "", ""
    local = held.astimezone(theirs)
    return humanize_day(local, now.astimezone(theirs)), f"{local:%A} {local.day} {local:%B}"


def script_values(interview: Interview, profile: Profile | None, now: datetime) -> dict[str, str]:
    """Every placeholder's value from the record; "" where the record has nothing yet.

    When you interviewed is said on the interviewer's calendar, since they are the one listening;
    an interview still to come has no such words yet.
    """
    profile = profile or Profile()
    person = interview.interviewer
    theirs = interviewer_zone(interview, user_zone(profile, now))
    when, day = _when_held(interview, now, theirs)
    region = region_for_zone(profile.timezone)
    phone = display_phone(profile.phone, region) if profile.phone.startswith("+") else profile.phone.strip()
    name = person.name.strip()
    greet = person.greeting
    values = {
        "my_name": profile.name.strip(),
        "my_phone": phone,
        "my_phone_slowly": said_slowly(profile.phone, region),
        "my_email": profile.email.strip(),
        "my_pitch": profile.pitch.strip(),
        "company": interview.company,
        "job_title": interview.role,
        "interviewer_name": name,
        "greeting": f"Hello {greet}" if greet else "Hello",
        "interviewed_when": when,
        "interview_day": day,
        "qualifications": _qualification_lines(interview),
        "match": _match(interview),
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


def _gaps(
    text: str, values: Mapping[str, str], interview: Interview | None = None, now: datetime | None = None
) -> list[str]:
    """Plain-words notes for each placeholder this template uses whose value is missing."""
    used = Template(text).get_identifiers()
    if "signature" in used:
        used = [*used, "my_name"]
    held = interview.interviewed_at if interview is not None else None
    to_come = ""
    if held is not None and now is not None and held > now:
        to_come = f"The interview is still to come ({humanize_day(held, now)}); this is for after it."
    notes = []
    for name in used:
        if name in _MISSING and not values.get(name):
            notes.append(to_come if to_come and name in ("interviewed_when", "interview_day") else _MISSING[name])
    return list(dict.fromkeys(notes))


def opening_line(interview: Interview, profile: Profile | None, now: datetime) -> str:
    """D16: the first words when they pick up: 'Hi Ms. Reyes, it's Sam Lee — we met yesterday about the Product Designer role'."""
    profile = profile or Profile()
    greet = interview.interviewer.greeting
    me = profile.name.strip() or MARKERS["my_name"]
    theirs = interviewer_zone(interview, user_zone(profile, now))
    held = interview.interviewed_at
    if held is None:
        met = "we met"
    elif held > now:
        met = f"we are meeting {humanize_day(held.astimezone(theirs), now.astimezone(theirs))}"
    else:
        met = f"we met {humanize_day(held.astimezone(theirs), now.astimezone(theirs))}"
    hello = f"Hi {greet}" if greet else "Hi"
    return f"{hello}, it's {me} — {met} about the {interview.role} role"


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
    missing += _gaps(text, values, interview, now)
    said = fill(text, values)
    if text != DEFAULT_TEMPLATES[ScriptKind.VOICEMAIL] and (seconds := spoken_seconds(said)) > VOICEMAIL_SECONDS[1]:
        missing.append(f"Said aloud this takes about {seconds} seconds; keep it to 20-30 by shortening your template.")
    return Draft(ScriptKind.VOICEMAIL, said, missing=tuple(dict.fromkeys(missing)))


def talking_points(
    interview: Interview, profile: Profile | None, now: datetime, templates: Mapping[str, str] | None = None
) -> Draft:
    """D16, D17: thanks, the match, what you meant to say, the offer, and the question about timing."""
    text, note = template_for(ScriptKind.TALKING_POINTS, templates)
    values = script_values(interview, profile, now)
    missing = [note] if note else []
    missing += _gaps(text, values, interview, now)
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
    missing += _gaps(subject, values, interview, now) + _gaps(body, values, interview, now)
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
