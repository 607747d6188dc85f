"""Every record of the open workbook, by id and by interview, calls and thank-yous oldest first."""

from __future__ import annotations

import bisect
from collections import defaultdict

from ..domain.models import CallAttempt, Interview, ThankYou
from ..domain.records import Records
from ..store import Workbook

__all__ = ["Index"]


class Index:
    """What the session reads from: built once from the file, kept in step by each intent."""

    def __init__(self) -> None:
        self.interviews: dict[str, Interview] = {}
        self.calls: defaultdict[str, list[CallAttempt]] = defaultdict(list)
        self.call_by_id: dict[str, CallAttempt] = {}
        self.thanks: defaultdict[str, list[ThankYou]] = defaultdict(list)

    @classmethod
    def of(cls, book: Workbook) -> Index:
        index = cls()
        index.interviews = {i.id: i for i in book.interviews(include_archived=True)}
        for call in sorted(book.all_calls(), key=lambda c: c.started_at):
            index.calls[call.interview_id].append(call)
            index.call_by_id[call.id] = call
        for thanks in sorted(book.all_thank_yous(), key=lambda t: t.sent_at):
            index.thanks[thanks.interview_id].append(thanks)
        return index

    def add_call(self, call: CallAttempt) -> None:
        bisect.insort(self.calls[call.interview_id], call, key=lambda c: c.started_at)
        self.call_by_id[call.id] = call

    def remove_call(self, call: CallAttempt) -> None:
        self.calls[call.interview_id] = [c for c in self.calls[call.interview_id] if c.id != call.id]
        self.call_by_id.pop(call.id, None)

    def remove_interview(self, interview_id: str) -> None:
        for call in self.calls.pop(interview_id, []):
            self.call_by_id.pop(call.id, None)
        self.thanks.pop(interview_id, None)
        self.interviews.pop(interview_id, None)

    def resort_calls(self, interview_id: str) -> None:
        self.calls[interview_id].sort(key=lambda c: c.started_at)

    def add_thanks(self, thanks: ThankYou) -> None:
        bisect.insort(self.thanks[thanks.interview_id], thanks, key=lambda t: t.sent_at)

    def records(self, book: Workbook) -> Records:
        return Records(
            profile=book.profile,
            interviews=list(self.interviews.values()),
            calls=self.calls,
            thank_yous=self.thanks,
            settings=book.settings(),
            has_profile=book.has_profile,
        )
