"""The pre-call checklist's edits, handled for the main screen (D1-D9 and the user's own items)."""

from __future__ import annotations

from functools import partial

from rich.markup import escape

from ..domain.inputs import check_item_label
from ..domain.models import ChecklistItem
from ..widgets.checklist import Checklist

__all__ = ["ChecklistDesk"]


class ChecklistDesk:
    """Mixed into the main screen: every change is saved the moment it is made."""

    def on_checklist_ticked(self, event: Checklist.Ticked) -> None:
        interview = self.current
        if interview is None:
            return
        if event.custom:
            for item in interview.custom_items:
                if item.id == event.key:
                    item.ticked = event.ticked
        else:
            interview.checks[event.key] = event.ticked
        self.changed(interview)

    def on_checklist_qualifications_changed(self, event: Checklist.QualificationsChanged) -> None:
        if self.current is not None:
            self.current.qualifications = event.qualifications
            self.changed(self.current, relist=False)

    def on_checklist_edit_references(self) -> None:
        from ..dialogs.references import ReferencesDialog

        interview = self.current
        if interview is None:
            return

        def done(references: list | None) -> None:
            if references is not None:
                interview.references = references
                self.changed(interview)

        self.app.push_screen(ReferencesDialog(interview.references), done)

    def on_checklist_add_item(self) -> None:
        from ..dialogs.text_prompt import TextPrompt

        interview = self.current
        if interview is None:
            return

        def done(label: str | None) -> None:
            if label:
                interview.custom_items.append(ChecklistItem(label))
                self.changed(interview)

        labels = [item.label for item in interview.custom_items]
        check = partial(check_item_label, existing=labels)
        self.app.push_screen(TextPrompt("A checklist item of your own", placeholder="e.g. Charge the phone", check=check), done)

    def on_checklist_rename_item(self, event: Checklist.RenameItem) -> None:
        from ..dialogs.text_prompt import TextPrompt

        interview = self.current
        item = next((c for c in interview.custom_items if c.id == event.item_id), None) if interview else None
        if interview is None or item is None:
            return

        def done(label: str | None) -> None:
            if label:
                item.label = label
                self.changed(interview)

        others = [c.label for c in interview.custom_items if c is not item]
        self.app.push_screen(TextPrompt("Rename the item", item.label, check=partial(check_item_label, existing=others)), done)

    def on_checklist_remove_item(self, event: Checklist.RemoveItem) -> None:
        from ..dialogs.confirm import ConfirmDialog

        interview = self.current
        item = next((c for c in interview.custom_items if c.id == event.item_id), None) if interview else None
        if interview is None or item is None:
            return

        def done(yes: bool | None) -> None:
            if yes:
                interview.custom_items.remove(item)
                self.changed(interview)
                self.query_one(Checklist).focus_first()

        self.app.push_screen(ConfirmDialog(f"Remove “{escape(item.label)}” from the checklist?", "Remove", "Keep"), done)
