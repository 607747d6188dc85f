"""Checks for records that arrive whole (an import, a file being opened): each field by the same
rules, and with the same words, as when it is typed into the form."""

from __future__ import annotations

from .fields import email, phone, plain, round_number, zone_name
from .job_fields import posting_url
from .models import CallAttempt, Interview, Profile, ThankYou

__all__ = ["check_call", "check_interview", "check_profile", "check_thank_you"]


def check_interview(interview: Interview) -> None:
    """The typed-text checks for an interview that arrives whole (an import): the first problem raised."""
    who = interview.interviewer
    for name, text in (
        ("company", interview.company),
        ("role", interview.role),
        ("interviewer_name", who.name),
        ("interviewer_title", who.title),
        ("interviewer_tz", interview.interviewer_tz),
        ("resume_path", interview.resume_path),
        ("decision_text", interview.decision_text),
        ("posting_url", interview.posting_url),
        ("salary", interview.salary),
        ("location", interview.location),
    ):
        plain(text, name)
    for name, text in (("notes", interview.notes), ("wish_said", interview.wish_said)):
        plain(text, name, one_line=False)
    email(who.email, "interviewer_email")
    posting_url(interview.posting_url, "posting_url")
    zone_name(interview.interviewer_tz, "interviewer_tz")
    round_number(interview.round, "round")
    if who.phone:
        phone(who.phone, "interviewer_phone")
    for item in interview.references:
        for text in (item.name, item.relation, item.contact):
            plain(text, "references")
    for quality in interview.qualifications:
        for text in (quality.qualification, quality.employer_need):
            plain(text, "qualifications")
    for own in interview.custom_items:
        plain(own.label, "checklist item")


def check_profile(profile: Profile) -> None:
    for name in ("name", "timezone", "pitch"):
        plain(getattr(profile, name), name)
    email(profile.email, "email")
    zone_name(profile.timezone, "timezone")
    if profile.phone:
        phone(profile.phone, "phone")


def check_call(call: CallAttempt) -> None:
    plain(call.notes, "notes", one_line=False)
    plain(call.next_step, "next_step")


def check_thank_you(thanks: ThankYou) -> None:
    plain(thanks.note, "note", one_line=False)
