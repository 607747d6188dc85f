"""Everything a workbook holds, as domain objects with their indexes: what exports and reports read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .models import CallAttempt, Interview, Profile, ThankYou

__all__ = ["Records"]

_NONE: tuple[Any, ...] = ()


@dataclass(frozen=True)
class Records:
    """A read-only view: every interview, its calls and thank-yous (oldest first), the profile and settings."""

    profile: Profile = field(default_factory=Profile)
    interviews: Sequence[Interview] = ()
    calls: Mapping[str, Sequence[CallAttempt]] = field(default_factory=dict)
    thank_yous: Mapping[str, Sequence[ThankYou]] = field(default_factory=dict)
    settings: Mapping[str, Any] = field(default_factory=dict)
    #: False while the profile was never saved (an import may then bring one).
    has_profile: bool = False

    def calls_for(self, interview_id: str) -> Sequence[CallAttempt]:
        return self.calls.get(interview_id, _NONE)

    def thank_yous_for(self, interview_id: str) -> Sequence[ThankYou]:
        return self.thank_yous.get(interview_id, _NONE)

    def open_interviews(self) -> list[Interview]:
        return [i for i in self.interviews if not i.archived]

    def all_calls(self) -> list[CallAttempt]:
        return [call for calls in self.calls.values() for call in calls]

    def all_thank_yous(self) -> list[ThankYou]:
        return [thanks for found in self.thank_yous.values() for thanks in found]
