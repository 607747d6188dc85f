"""The open workbook in memory: the one owner of its records, their indexes and next steps.

Every intent a user has (add an interview, tick an item, start, type into and end a call, thank,
reload) is one method here, used alike by the app and by every verb that writes. No Textual.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from ..domain.guardrails import before_the_call
from ..domain.models import (
    CallAttempt,
    Channel,
    Interview,
    Outcome,
    Profile,
    ThankYou,
)
from ..domain.recording import Recorded, default_follow_up, read_day, record_outcome
from ..domain.records import Records
from ..domain.windows import user_zone
from ..store import NotFoundError, SaveState, Workbook
from .checklist_edits import ChecklistEdits
from .index import Index
from .kinds import TEMPLATES_SETTING, CallStarted, NotesOwner, StepsWorkedOut
from .order import ListOrder
from .steps import NextSteps

if TYPE_CHECKING:
    from ..domain.timeline import Timeline

__all__ = ["TEMPLATES_SETTING", "CallStarted", "NotesOwner", "Session", "StepsWorkedOut"]

T = TypeVar("T")


def _machine_now() -> datetime:
    return datetime.now().astimezone()


class Session(ChecklistEdits, NextSteps):
    """Records in, answers out: the UI renders what this returns and holds ids, never copies."""

    def __init__(self, workbook: Workbook, clock: Callable[[], datetime] | None = None) -> None:
        self.workbook = workbook
        self._clock = clock or _machine_now
        self.loaded = False
        self._profile = Profile()
        self._index = Index()
        self._start_steps()
        self._order = ListOrder()
        #: The call the user is on now, in the app (at most one).
        self.active_call: CallAttempt | None = None
        self._said: set[str] = set()

    # reading the file
    def load(self) -> Session:
        """Read every record and build the indexes; safe to call again after the file changed."""
        self._profile = self.workbook.profile
        self._index = Index.of(self.workbook)
        self._forget_steps()
        self._order.forget()
        self.loaded = True
        return self

    def now(self) -> datetime:
        """Now on the user's own clock: the profile's zone, else the clock's."""
        moment = self._clock()
        return moment.astimezone(user_zone(self._profile, moment))

    @property
    def profile(self) -> Profile:
        return self._profile

    @property
    def save_state(self) -> SaveState:
        return self.workbook.save_state

    def interview(self, interview_id: str) -> Interview:
        try:
            return self._index.interviews[interview_id]
        except KeyError:
            raise NotFoundError(self.workbook.path, f"No interview has the id {interview_id}.") from None

    def get(self, interview_id: str | None) -> Interview | None:
        return self._index.interviews.get(interview_id) if interview_id is not None else None

    def find(self, prefix: str) -> Interview:
        """By id or a unique start of it, as the verbs take it."""
        return self._by_prefix(self._index.interviews, prefix, "interview")

    def _by_prefix(self, records: dict[str, T], prefix: str, what: str) -> T:
        prefix = prefix.strip().lower()
        found = [record for key, record in records.items() if key.startswith(prefix)] if prefix else []
        if len(found) == 1:
            return found[0]
        many = f"{len(found)} {what}s have ids starting with “{prefix}”; type more of it."
        raise NotFoundError(self.workbook.path, many if found else f"No {what} has an id starting with “{prefix}”.")

    @property
    def count(self) -> int:
        return len(self._index.interviews)

    def interviews(self, include_archived: bool = False) -> list[Interview]:
        return [i for i in self._index.interviews.values() if include_archived or not i.archived]

    def calls_for(self, interview_id: str) -> Sequence[CallAttempt]:
        return self._index.calls.get(interview_id, [])

    def thank_yous_for(self, interview_id: str) -> Sequence[ThankYou]:
        return self._index.thanks.get(interview_id, [])

    def records(self) -> Records:
        """Everything, for an export or a report."""
        return self._index.records(self.workbook)

    def setting(self, key: str, default: T) -> T:
        return self.workbook.setting(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        self.workbook.set_setting(key, value)

    @property
    def templates(self) -> dict[str, str]:
        """The user's own script templates by kind ({} for the defaults)."""
        stored = self.workbook.setting(TEMPLATES_SETTING, None)
        return dict(stored) if isinstance(stored, dict) else {}

    def save_templates(self, changed: dict[str, str]) -> None:
        templates = {**self.templates, **changed}
        self.workbook.set_setting(TEMPLATES_SETTING, {k: v for k, v in templates.items() if v})

    def first_time(self, what: str, mark: bool = True) -> bool:
        """Whether a word said once a session (`what` names it) is still to be said; `mark` says it now."""
        first = what not in self._said
        if mark:
            self._said.add(what)
        return first

    # intents: the interview
    def _changed(self, interview: Interview, *, save: bool = True) -> Interview:
        if save:
            self.workbook.save_interview(interview)
        self._index.interviews[interview.id] = interview
        self._forget_steps(interview.id)
        self._order.forget()
        return interview

    def add_interview(self, interview: Interview) -> Interview:
        return self._changed(interview)

    def update_interview(self, interview: Interview) -> Interview:
        """An edited interview (same id) takes the place of the stored one."""
        self.interview(interview.id)
        return self._changed(interview)

    def _edit(self, interview_id: str, change: Callable[[Interview], object]) -> Interview:
        interview = self.interview(interview_id)
        change(interview)
        return self._changed(interview)

    def archive(self, interview_id: str, archived: bool = True) -> Interview:
        """Out of the list (nothing is deleted), or back into it with `archived=False`."""
        return self._edit(interview_id, lambda i: setattr(i, "archived", archived))

    def delete_interview(self, interview_id: str) -> Interview:
        """Gone for good with its calls and thank-yous (archiving only puts one aside)."""
        interview = self.interview(interview_id)
        self.workbook.remove_interview(interview)
        self._index.remove_interview(interview.id)
        self._forget_steps(interview.id)
        return interview

    def type_notes(self, owner: NotesOwner | None, text: str) -> None:
        """The typing path: the text goes to the record it was typed for, in memory; saved soon after."""
        if owner is None:
            return
        kind, record_id = owner
        if kind == "call":
            call = self._index.call_by_id.get(record_id)
            if call is not None and call.notes != text:
                self.workbook.set_call_notes(call, text)
        elif (interview := self._index.interviews.get(record_id)) is not None and interview.notes != text:
            self.workbook.set_interview_notes(interview, text)

    # intents: calls
    def start_call(self, interview_id: str) -> CallStarted:
        """A new attempt, saved at once; says which preparations are missing, but lets the user go on."""
        interview = self.interview(interview_id)
        now = self.now()
        cautions = before_the_call(interview, self.calls_for(interview_id), now, self._profile)
        dialled = interview.interviewer.phone
        self.active_call = self._add_call(CallAttempt(interview_id, started_at=now, dialled=dialled))
        return CallStarted(self.active_call, cautions)

    def _add_call(self, call: CallAttempt) -> CallAttempt:
        self.workbook.save_call(call)
        self._index.add_call(call)
        self._forget_steps(call.interview_id)
        return call

    def end_call(
        self,
        call_id: str,
        ended: datetime,
        outcome: Outcome | None,
        decision: str = "",
        follow_up_on: date | None = None,
    ) -> Recorded:
        """Close the attempt (D18), keep their decision date (D17) and set when to follow up (D19).

        The one way a call is recorded: the app's end of a call and `followup log-call` both come here.
        """
        call = self._index.call_by_id[call_id]
        interview = self.interview(call.interview_id)
        if follow_up_on is not None:
            call.follow_up_on = follow_up_on
        recorded = record_outcome(
            interview,
            call,
            self.calls_for(interview.id),
            ended,
            outcome,
            decision,
            tz=self.now().tzinfo,
            day_first=self._profile.day_first,
        )
        if recorded.decision is not None:
            self.workbook.save_interview(interview)
        self.workbook.save_call(call)
        if self.active_call is not None and self.active_call.id == call_id:
            self.active_call = None
        self._forget_steps(interview.id)
        return recorded

    def log_call(
        self,
        interview_id: str,
        started: datetime,
        ended: datetime,
        outcome: Outcome,
        notes: str = "",
        decision: str = "",
        follow_up_on: date | None = None,
    ) -> tuple[CallAttempt, Recorded]:
        """A call made away from the app, recorded exactly as the app records one."""
        interview = self.interview(interview_id)
        call = self._add_call(CallAttempt(interview.id, started, notes=notes, dialled=interview.interviewer.phone))
        return call, self.end_call(call.id, ended, outcome, decision, follow_up_on)

    def call(self, call_id: str) -> CallAttempt:
        try:
            return self._index.call_by_id[call_id]
        except KeyError:
            raise NotFoundError(self.workbook.path, f"No call has the id {call_id}.") from None

    def find_call(self, prefix: str) -> CallAttempt:
        """By id or a unique start of it, as the verbs take it."""
        return self._by_prefix(self._index.call_by_id, prefix, "call")

    def remove_call(self, call: CallAttempt) -> None:
        self.workbook.remove_call(call)
        self._index.remove_call(call)
        self._forget_steps(call.interview_id)

    def resume_call(self, call_id: str) -> CallAttempt:
        """Still on the phone: the attempt runs on from when it started, its notes as they were."""
        call = self.call(call_id)
        call.ended_at = None
        self.workbook.save_call(call)
        self.active_call = call
        self._forget_steps(call.interview_id)
        return call

    def read_day(self, interview_id: str, text: str, at: datetime) -> Timeline:
        """A day said on a call ("by Friday") as of `at`, on the interviewer's calendar, in the user's date order."""
        return read_day(self.interview(interview_id), text, at, self.now().tzinfo, self._profile.day_first)

    def default_follow_up(self, interview_id: str, at: datetime) -> date:
        """The follow-up day to offer when what they said cannot be read (a week on, a working day of theirs)."""
        return default_follow_up(self.interview(interview_id), at, self.now().tzinfo)

    def finish_active_call(self) -> None:
        """Quitting (or the terminal closing) mid-call: the attempt ends now, its outcome unknown."""
        if self.active_call is not None:
            self.end_call(self.active_call.id, self.now(), None)

    def record_thank_you(self, interview_id: str, channel: Channel, sent_at: datetime) -> ThankYou:
        thanks = ThankYou(self.interview(interview_id).id, channel, sent_at)
        self.workbook.save_thank_you(thanks)
        self._index.add_thanks(thanks)
        self._forget_steps(interview_id)
        return thanks

    # intents: the user and the file
    def save_profile(self, profile: Profile) -> None:
        self.workbook.save_profile(profile)
        self._profile = profile
        self.restep()

    def load_many(self, records: Iterable[Any]) -> None:
        """Many records at once (an import): one table rewrite, one save, then the indexes again."""
        self.workbook.load_many(records)
        self.load()

    def reload(self, owner: NotesOwner | None = None, text: str = "") -> None:
        """Take the file as another program left it, then put back what is being typed and the call under way.

        The text in the editor may be newer than any save; a call in progress (and its interview)
        survives even if the other program removed it. When the file itself is gone, FileGoneError
        is raised before anything changes: everything stays in memory, to be written back.
        """
        book = self.workbook
        call = self.active_call
        keep_id = call.interview_id if call is not None else (owner[1] if owner and owner[0] == "interview" else None)
        ours = self._index.interviews.get(keep_id) if keep_id else None
        book.reload()
        fresh = {i.id: i for i in book.interviews(include_archived=True)}
        if ours is not None and ours.id not in fresh:
            if owner == ("interview", ours.id):
                ours.notes = text
            book.save_interview(ours)  # it has a call under way, or the notes being typed
        elif owner is not None and owner[0] == "interview" and owner[1] in fresh:
            book.set_interview_notes(fresh[owner[1]], text)
        if call is not None:
            fresh_call = next((c for c in book.all_calls() if c.id == call.id), None)
            if fresh_call is None:
                if owner == ("call", call.id):
                    call.notes = text
                book.save_call(call)
            elif owner == ("call", call.id):
                book.set_call_notes(fresh_call, text)
        book.flush()
        self.load()
        if call is not None:
            self.active_call = self._index.call_by_id.get(call.id)

    def keep_mine(self) -> None:
        """Write this version over a file another program changed, because the user said so."""
        self.workbook.keep_mine()
