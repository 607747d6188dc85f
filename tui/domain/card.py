"""A one-page role-play card for the friend who plays the hiring manager in a practice call (D6).

Drawn from the record: who they play, how to answer, what to ask, what to listen for, and what the
record does not say yet (so the friend is told to improvise there, and the user knows what to add).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .models import Interview, Profile
from .windows import interviewer_zone, user_zone

__all__ = ["PracticeCard", "practice_card"]


@dataclass(frozen=True)
class PracticeCard:
    """The card's parts in order; each part is a heading and its lines."""

    title: str
    who: tuple[str, ...]
    how: tuple[str, ...]
    questions: tuple[str, ...]
    listen: tuple[str, ...]
    missing: tuple[str, ...] = ()

    @property
    def parts(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        parts = (
            ("Who you are", self.who),
            ("How to answer", self.how),
            ("Questions to ask", self.questions),
            ("What to listen for", self.listen),
        )
        return (*parts, ("Not in the record yet", self.missing)) if self.missing else parts


def practice_card(interview: Interview, profile: Profile | None, now: datetime) -> PracticeCard:
    """The card for this interview as the record has it now."""
    profile = profile or Profile()
    person = interview.interviewer
    caller = profile.name.strip() or "the caller"
    missing: list[str] = []
    name = person.name.strip()
    if not name:
        missing.append("The interviewer's name: play a hiring manager of your own making.")
    who_line = f"You are {name or 'the hiring manager'}" + (f", {person.title.strip()}" if person.title.strip() else "")
    if not person.title.strip():
        missing.append("The interviewer's job title.")
    who = [f"{who_line}, at {interview.company}.", f"{caller} interviewed with you for the {interview.role} role"]
    held = interview.interviewed_at
    if held is not None:
        theirs = interviewer_zone(interview, user_zone(profile, now))
        local = held.astimezone(theirs)
        who[-1] += f" on {local:%A} {local.day} {local:%B}."
    else:
        who[-1] += "."
        missing.append("When the interview was.")
    who.append(f"{profile.name.strip() or 'The caller'} is calling you to follow up.")
    if not profile.name.strip():
        missing.append("Your name, in your profile.")
    how = (
        "Pick up for one run; for another, let it go to voicemail and just listen to the message.",
        "Be a bit busy: you are between meetings and have a few minutes at most.",
        "Be friendly but do not help: let them lead, and wait for them to ask about your timeline.",
    )
    questions: list[str] = []
    quals = [q for q in interview.qualifications if q.qualification.strip()]
    if quals:
        first = quals[0]
        need = first.employer_need.strip()
        follow = f" How would that help with {need.rstrip('.')}?" if need else ""
        questions.append(f"“You mentioned this: {first.qualification.strip().rstrip('.')}. Tell me more.{follow}”")
    else:
        missing.append("Key qualifications: ask what makes them a fit for the role.")
        questions.append("“What makes you a good fit for this role?”")
    wish = interview.wish_said.strip()
    if wish:
        questions.append(f"“Is there anything you didn't get to say last time?” (they meant to mention: {wish})")
    else:
        missing.append("What they wish they had said: ask if anything was left out.")
        questions.append("“Is there anything you didn't get to say last time?”")
    questions += ["“When could you start?”", "“Any questions for me?”"]
    listen = (
        "A thank-you for your time, early on.",
        "Why they fit: a qualification tied to something you said you need.",
        "An offer of more information about their background or experience.",
        "The question about when you expect to decide.",
        "Brevity: a few minutes if you pick up; 20 to 30 seconds for a voicemail.",
    )
    return PracticeCard(
        title=f"Role-play card: {interview.title}",
        who=tuple(who),
        how=how,
        questions=tuple(questions),
        listen=listen,
        missing=tuple(missing),
    )
