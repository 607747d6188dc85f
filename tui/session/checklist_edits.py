"""What the user changes on an interview's checklist and practice: each edit one method of the session."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..domain import checklist
from ..domain.models import Interview, Qualification, Reference, Rehearsal

__all__ = ["ChecklistEdits"]


class ChecklistEdits:
    """Mixed into the session, which provides `interview` and `_edit` (change, index, save)."""

    def interview(self, interview_id: str) -> Interview:
        raise NotImplementedError

    def _edit(self, interview_id: str, change: Callable[[Interview], object]) -> Interview:
        raise NotImplementedError

    def tick(self, interview_id: str, key: str, ticked: bool, custom: bool = False) -> Interview:
        return self._edit(interview_id, lambda i: checklist.tick(i, key, ticked, custom))

    def set_qualifications(self, interview_id: str, qualifications: Iterable[Qualification]) -> Interview:
        return self._edit(interview_id, lambda i: setattr(i, "qualifications", tuple(qualifications)))

    def set_references(self, interview_id: str, references: Iterable[Reference]) -> Interview:
        return self._edit(interview_id, lambda i: setattr(i, "references", tuple(references)))

    def item_check(self, interview_id: str, item_id: str | None = None) -> Callable[[str], str]:
        return checklist.label_check(self.interview(interview_id), item_id)

    def add_item(self, interview_id: str, label: str) -> Interview:
        return self._edit(interview_id, lambda i: checklist.add_item(i, label))

    def rename_item(self, interview_id: str, item_id: str, label: str) -> Interview:
        return self._edit(interview_id, lambda i: checklist.rename_item(i, item_id, label))

    def remove_item(self, interview_id: str, item_id: str) -> Interview:
        return self._edit(interview_id, lambda i: checklist.remove_item(i, item_id))

    def record_rehearsal(self, interview_id: str, rehearsal: Rehearsal) -> Interview:
        """A practice run kept on its interview (D6); it is no attempt, so the next step stays as it was."""
        from ..domain import practice  # with the practice screen, which is the only way here

        return self._edit(interview_id, lambda i: practice.record_rehearsal(i, rehearsal))
