"""The workbook's data model, in the job seeker's own words. No Textual, no TinyDB."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from .errors import ValidationError

__all__ = [
    "CHECKLIST_RULES",
    "QUALIFICATIONS_AT_MOST",
    "REQUIRED_RULES",
    "CallAttempt",
    "Channel",
    "ChecklistItem",
    "Interview",
    "Interviewer",
    "Outcome",
    "Profile",
    "Qualification",
    "Reference",
    "Rehearsal",
    "RehearsalBranch",
    "Result",
    "Settings",
    "ThankYou",
    "new_id",
]


def new_id() -> str:
    """A random id; the CLI accepts any unique prefix of it."""
    return uuid.uuid4().hex


class Outcome(StrEnum):
    """What came of one call attempt (D18)."""

    NO_ANSWER = "no_answer"
    VOICEMAIL_LEFT = "voicemail_left"
    SPOKE = "spoke"
    SOMEONE_ELSE = "someone_else"
    BUSY = "busy"
    WRONG_NUMBER = "wrong_number"
    WILL_CALL_BACK = "will_call_back"

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]

    @property
    def unanswered(self) -> bool:
        """Nobody picked up and nothing was said: counts toward D12/D13."""
        return self in (Outcome.NO_ANSWER, Outcome.BUSY)

    @property
    def ends_round(self) -> bool:
        """A message was left or a person was reached: wait now (D15)."""
        return self in (Outcome.VOICEMAIL_LEFT, Outcome.SPOKE, Outcome.WILL_CALL_BACK)


_OUTCOME_LABELS = {
    Outcome.NO_ANSWER: "No answer, no message",
    Outcome.VOICEMAIL_LEFT: "Voicemail left",
    Outcome.SPOKE: "Spoke with the interviewer",
    Outcome.SOMEONE_ELSE: "Someone else answered",
    Outcome.BUSY: "Line busy",
    Outcome.WRONG_NUMBER: "Wrong number",
    Outcome.WILL_CALL_BACK: "They will call back",
}


class Channel(StrEnum):
    """How a thank-you went out (D20)."""

    EMAIL = "email"
    HANDWRITTEN = "handwritten"
    PHONE = "phone"
    LINKEDIN = "linkedin"
    TEXT_MESSAGE = "text_message"

    @property
    def label(self) -> str:
        return _CHANNEL_LABELS[self]

    @property
    def advisable(self) -> bool:
        """D20: a text message is not how interviewers like to be thanked."""
        return self is not Channel.TEXT_MESSAGE


_CHANNEL_LABELS = {
    Channel.EMAIL: "Email",
    Channel.HANDWRITTEN: "Handwritten note",
    Channel.PHONE: "Phone call",
    Channel.LINKEDIN: "LinkedIn message",
    Channel.TEXT_MESSAGE: "Text message",
}


class Result(StrEnum):
    """How the application ended, or that it is still open (a result closes the follow-up)."""

    WAITING = "waiting"
    NEXT_ROUND = "next_round"
    OFFER = "offer"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    NO_REPLY = "no_reply"

    @property
    def label(self) -> str:
        return _RESULT_LABELS[self]


_RESULT_LABELS = {
    Result.WAITING: "Still waiting",
    Result.NEXT_ROUND: "Next round",
    Result.OFFER: "Offer",
    Result.REJECTED: "Rejected",
    Result.WITHDRAWN: "Withdrawn",
    Result.NO_REPLY: "No reply",
}

#: The pre-call practice, D1-D9, as (rule id, short label).
CHECKLIST_RULES: tuple[tuple[str, str], ...] = (
    ("D1", "Resume in front of you"),
    ("D2", "References ready"),
    ("D3", "A quiet, private place"),
    ("D4", "Key qualifications listed"),
    ("D5", "Decision-maker's number"),
    ("D6", "Practised the call"),
    ("D7", "A reason to call"),
    ("D8", "What you wish you had said"),
    ("D9", "Smile while you speak"),
)
#: D1-D4 must be ticked before a call counts as prepared.
REQUIRED_RULES: tuple[str, ...] = ("D1", "D2", "D3", "D4")
#: D4: a handful of key qualifications, not an essay; past this the list says to keep the best.
QUALIFICATIONS_AT_MOST = 6


#: What an empty required field is told, wherever it is left empty (the form, a verb, an import).
REQUIRED_MESSAGES = {
    "company": "The company is required; type its name.",
    "role": "The role is required; type the job title you interviewed for.",
    "label": "The item's name is required; it cannot be left empty.",
}
#: The most rounds an interview can plausibly have, and what a round outside 1..MAX_ROUND is told.
MAX_ROUND = 99
ROUND_MESSAGE = f"The round is a whole number from 1 to {MAX_ROUND}."


def _required(value: str, field_name: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError(field_name, REQUIRED_MESSAGES[field_name])
    return value


def _aware(value: datetime | None, field_name: str) -> None:
    if value is not None and (value.tzinfo is None or value.utcoffset() is None):
        raise ValidationError(field_name, "The time needs a time zone.")


@dataclass(slots=True)
class Profile:
    """The job seeker: what the scripts sign with (D14)."""

    name: str = ""
    phone: str = ""
    email: str = ""
    timezone: str = ""
    pitch: str = ""
    #: How the user writes short dates: True reads "3/12" as 3 December, False as March 12.
    day_first: bool = False


@dataclass(slots=True)
class Interviewer:
    """The person who interviewed you; usually the decision-maker (D5)."""

    name: str = ""
    title: str = ""
    phone: str = ""
    email: str = ""
    decision_maker: bool = True
    #: How the user greets them: "Ms. Reyes", "Dana"; "" means their first name (see `greeting`).
    greet_as: str = ""

    @property
    def greeting(self) -> str:
        """The name a greeting uses: the user's choice, else "Dr. Lee" for a titled name, else the first name."""
        if self.greet_as.strip():
            return self.greet_as.strip()
        words = self.name.split()
        if not words:
            return ""
        if words[0].rstrip(".").lower() in _HONORIFICS:
            return f"{words[0]} {words[-1]}" if len(words) > 1 else words[0]
        return words[0]


#: Titles a name may start with; a greeting keeps them with the surname ("Dr. Lee", never "Dr.").
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame"})


@dataclass(slots=True)
class Reference:
    """Someone who will vouch for you (D2)."""

    name: str
    relation: str = ""
    contact: str = ""


@dataclass(slots=True)
class Qualification:
    """A reason you fit, tied to something the employer said it needs (D4)."""

    qualification: str
    employer_need: str = ""


@dataclass(slots=True)
class ChecklistItem:
    """A pre-call item of the user's own, beside D1-D9."""

    label: str
    ticked: bool = False
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        self.label = _required(self.label, "label")


class RehearsalBranch(StrEnum):
    """Which way a practice call went (D6): the person picked up, or the voicemail answered."""

    PICKED_UP = "picked_up"
    VOICEMAIL = "voicemail"

    @property
    def label(self) -> str:
        return "They picked up" if self is RehearsalBranch.PICKED_UP else "Voicemail"


@dataclass(slots=True)
class Rehearsal:
    """One practice run of the call (D6): never a call attempt, kept on the interview it was for."""

    at: datetime
    branch: RehearsalBranch = RehearsalBranch.PICKED_UP
    seconds: int = 0
    #: The self-check afterwards, by question key ("parts", "short", "points", "timing"). Read-only, like
    #: the interview's: an answer changed is a new table.
    checks: Mapping[str, bool] = field(default_factory=dict)
    #: What the user typed while practising, apart from the real call notes.
    notes: str = ""

    def __post_init__(self) -> None:
        _aware(self.at, "at")
        if self.seconds < 0:
            raise ValidationError("seconds", "A rehearsal cannot take less than no time.")


@dataclass(slots=True)
class Interview:
    """One interview you are following up on."""

    company: str
    role: str
    interviewed_at: datetime | None = None
    interviewer: Interviewer = field(default_factory=Interviewer)
    interviewer_tz: str = ""
    round: int = 1
    resume_path: str = ""
    references: tuple[Reference, ...] = ()
    qualifications: tuple[Qualification, ...] = ()
    wish_said: str = ""
    #: The practice items ticked, by rule id. Read-only: a tick sets a new table, since interviews read
    #: with the same ticks share one.
    checks: Mapping[str, bool] = field(default_factory=dict)
    custom_items: tuple[ChecklistItem, ...] = ()
    decision_expected: date | None = None
    decision_text: str = ""
    notes: str = ""
    archived: bool = False
    created_at: datetime | None = None
    id: str = field(default_factory=new_id)
    #: Practice runs of the call (D6), oldest first; none of them is an attempt.
    rehearsals: tuple[Rehearsal, ...] = ()
    #: How the application ended (WAITING while it is open), the day word came, and what was said.
    result: Result = Result.WAITING
    result_on: date | None = None
    result_notes: str = ""
    #: The id of the round before this one ("" for a first interview).
    previous_round: str = ""
    posting_url: str = ""
    salary: str = ""
    location: str = ""
    applied_on: date | None = None

    def __post_init__(self) -> None:
        self.company = _required(self.company, "company")
        self.role = _required(self.role, "role")
        _aware(self.interviewed_at, "interviewed_at")
        _aware(self.created_at, "created_at")
        if not 1 <= self.round <= MAX_ROUND:
            raise ValidationError("round", ROUND_MESSAGE)

    @property
    def title(self) -> str:
        """How the interview is named in lists and the palette; a later round says which."""
        return f"{self.company} – {self.role}" + (f" (round {self.round})" if self.round > 1 else "")

    @property
    def settled(self) -> bool:
        """A result has come: nothing more to follow up on for this round."""
        return self.result is not Result.WAITING

    def ticked(self, rule: str) -> bool:
        return bool(self.checks.get(rule, False))

    @property
    def missing_required(self) -> list[str]:
        """The D1-D4 items not yet ticked."""
        return [rule for rule in REQUIRED_RULES if not self.ticked(rule)]

    @property
    def ready_to_call(self) -> bool:
        return not self.missing_required


@dataclass(slots=True)
class CallAttempt:
    """One try at reaching the interviewer, and what came of it (D18)."""

    interview_id: str
    started_at: datetime
    ended_at: datetime | None = None
    outcome: Outcome | None = None
    notes: str = ""
    next_step: str = ""
    follow_up_on: date | None = None
    #: The number rung (E.164), kept so a wrong number stops counting once the number is fixed (D5).
    dialled: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _aware(self.started_at, "started_at")
        _aware(self.ended_at, "ended_at")
        if self.ended_at is not None and self.ended_at < self.started_at:
            raise ValidationError("ended_at", "A call cannot end before it started.")

    @property
    def in_progress(self) -> bool:
        return self.ended_at is None

    @property
    def duration_seconds(self) -> int | None:
        if self.ended_at is None:
            return None
        return int((self.ended_at - self.started_at).total_seconds())


@dataclass(slots=True)
class ThankYou:
    """A thank-you that went out, by which channel and when (D20, D21)."""

    interview_id: str
    channel: Channel
    sent_at: datetime
    note: str = ""
    id: str = field(default_factory=new_id)

    def __post_init__(self) -> None:
        _aware(self.sent_at, "sent_at")


@dataclass(slots=True)
class Settings:
    """The choices the workbook remembers, by the kind of value each must be (checked on open and import)."""

    theme: str = ""
    #: The user's own script templates by kind; an empty dict means the defaults.
    templates: dict[str, str] = field(default_factory=dict)
    profile_asked: bool = False
