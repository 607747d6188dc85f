"""The pre-call checklist (D1-D9 and the user's own items), each item showing what it refers to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Checkbox, Static

from ..domain.models import CHECKLIST_RULES, QUALIFICATIONS_AT_MOST, REQUIRED_RULES, Interview, Qualification
from ..keymap import hint
from .tick import Tick

if TYPE_CHECKING:
    from .qualifications import QualificationsEditor

__all__ = ["Checklist"]

_ORDER = list(REQUIRED_RULES) + [rule for rule, _ in CHECKLIST_RULES if rule not in REQUIRED_RULES]
_LABELS = dict(CHECKLIST_RULES)


class Item(Tick):
    """One tickable item: a rule (D1-D9) or a custom item's id."""

    def __init__(self, key: str, label: str, value: bool, custom: bool) -> None:
        super().__init__(label, value, id=f"item-{key}", classes="custom" if custom else "rule")
        self.key = key
        self.custom = custom


def describe(rule: str, interview: Interview) -> str:
    """The data an item carries, in one or two short lines."""
    if rule == "D1":
        path = interview.resume_path.strip()
        if not path:
            return f"No resume file set ({hint('edit', 'e')} to edit the interview)."
        exists = Path(path).expanduser().is_file()
        return escape(path) if exists else f"{escape(path)} [b]— file not found[/b]"
    if rule == "D2":
        count = len(interview.references)
        names = escape(", ".join(r.name for r in interview.references[:3]))
        more = "…" if count > 3 else ""
        head = f"{count} reference{'s' if count != 1 else ''}" if count else "No references yet"
        return f"{head}{': ' + names + more if names else ''}  ({hint('references', 'r')} to edit)"
    if rule == "D4":
        quals = interview.qualifications
        if not quals:
            return f"None listed yet  ({hint('qualifications', 'k')} to edit)"
        lines = [escape(f"• {q.qualification}" + (f" → {q.employer_need}" if q.employer_need else "")) for q in quals]
        if len(quals) > QUALIFICATIONS_AT_MOST:
            lines.append(f"[b]{len(quals)} is a lot: keep the best {QUALIFICATIONS_AT_MOST}.[/b]")
        return "\n".join(lines) + f"  ({hint('qualifications', 'k')} to edit)"
    if rule == "D5":
        from ..domain.phones import display_phone

        who = interview.interviewer
        number = display_phone(who.phone)
        if not number:
            return f"No number for {escape(who.name or 'the interviewer')} yet ({hint('edit', 'e')} to edit)."
        return escape(f"{number} — {who.name or 'interviewer'}") + (
            "" if who.decision_maker else " (not the decision-maker)"
        )
    if rule == "D6":
        from ..domain.practice import practised_line

        return escape(practised_line(interview))
    if rule == "D8":
        return escape(interview.wish_said.strip().splitlines()[0]) if interview.wish_said.strip() else ""
    return ""


class Checklist(VerticalScroll, can_focus=False):
    """Ticks go up as messages; the screen writes them and sends the interview back down."""

    BINDINGS = [
        Binding("down", "app.focus_next", "Next item", show=False, id="checklist-next"),
        Binding("up", "app.focus_previous", "Previous item", show=False, id="checklist-previous"),
        Binding("r", "references", "References", tooltip="Edit the list of references", id="references"),
        Binding(
            "k",
            "qualifications",
            "Qualifications",
            tooltip="Edit key qualifications in place",
            id="qualifications",
        ),
        Binding("n", "add_item", "New item", tooltip="Add an item of your own to the checklist", id="add-item"),
        Binding("m", "rename_item", "Rename", tooltip="Rename the selected item of your own", id="rename-item"),
        Binding("delete", "remove_item", "Remove", tooltip="Remove the selected item of your own", id="remove-item"),
    ]

    interview: reactive[Interview | None] = reactive(None, always_update=True, init=False)
    """The interview whose checklist is shown; set by the screen's `current`."""

    @dataclass
    class Ticked(Message):
        interview_id: str
        key: str
        ticked: bool
        custom: bool

    @dataclass
    class QualificationsChanged(Message):
        interview_id: str
        qualifications: list[Qualification]

    @dataclass
    class Asked(Message):
        """The user wants a dialog: "references", "add_item", "rename_item" or "remove_item"."""

        what: str
        interview_id: str
        item_id: str = ""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._shape: tuple[str | None, tuple[str, ...]] = (None, ())
        self._editing = False

    def compose(self) -> ComposeResult:
        yield Static("", id="ready")

    def watch_interview(self, interview: Interview | None) -> None:
        self.call_after_refresh(self._show, interview)  # the list paints first; this rebuild can wait a frame

    async def _show(self, interview: Interview | None) -> None:
        """Rebuild when the items differ, else set values quietly (no write-back)."""
        if interview is None:
            await self.query("Item, .item-data, QualificationsEditor, .own-title").remove()
            self._shape = (None, ())
            self.query_one("#ready", Static).update("Select or add an interview.")
            return
        # Another interview with the same items (none of its own, most often) only changes values:
        # moving down the list must not rebuild the checklist on every row.
        other = interview.id != self._shape[0]
        shape = (interview.id, tuple(item.id + item.label for item in interview.custom_items))
        if self._shape[0] is None or shape[1] != self._shape[1] or (other and self._editing):
            focused = self.app.focused
            ready = self.query_one("#ready", Static)
            ready.can_focus = True  # while the items are rebuilt the focus waits on the heading,
            if focused is not None and self in focused.ancestors:  # so a key that moves it elsewhere wins
                self.screen.set_focus(ready)
            if other:
                self._editing = False
            await self.query("Item, .item-data, QualificationsEditor, .own-title").remove()
            await self.mount_all(self._build(interview))
            self._shape = shape
            ready.can_focus = False
            if self.app.focused is ready:
                if focused is not None and focused.id and self.query(f"#{focused.id}"):
                    self.screen.set_focus(self.query_one(f"#{focused.id}"))
                else:
                    self.focus_first()
        else:
            self._shape = shape
            with self.prevent(Checkbox.Changed):
                for item in self.query(Item):
                    item.value = self._ticked(interview, item)
            for rule in _ORDER:
                if data := self.query(f"#data-{rule}"):
                    text = describe(rule, interview)
                    data.first(Static).update(text)
                    data.first().display = bool(text)
        self._show_ready(interview)

    def _build(self, interview: Interview) -> list:
        widgets: list = []
        for rule in _ORDER:
            widgets.append(Item(rule, _LABELS[rule], interview.ticked(rule), custom=False))
            text = describe(rule, interview)
            data = Static(text, id=f"data-{rule}", classes="item-data")
            data.display = bool(text)
            widgets.append(data)
            if rule == "D4" and self._editing:
                from .qualifications import QualificationsEditor

                widgets.append(QualificationsEditor(interview.qualifications, id="qual-editor"))
        if interview.custom_items:
            widgets.append(Static("Your own", classes="own-title"))
        for item in interview.custom_items:
            widgets.append(Item(item.id, escape(item.label), item.ticked, custom=True))
        return widgets

    @staticmethod
    def _ticked(interview: Interview, item: Item) -> bool:
        if item.custom:
            return next((c.ticked for c in interview.custom_items if c.id == item.key), False)
        return interview.ticked(item.key)

    def _show_ready(self, interview: Interview) -> None:
        ready = self.query_one("#ready", Static)
        missing = interview.missing_required
        ready.set_class(not missing, "-ready")
        if missing:
            ready.update(f"Not ready yet: tick {', '.join(_LABELS[rule].lower() for rule in missing)}")
        else:
            ready.update("✔ Ready to call")

    @on(Checkbox.Changed)
    def _ticked_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        item = event.checkbox
        if isinstance(item, Item) and self.interview is not None:
            self.post_message(self.Ticked(self.interview.id, item.key, event.value, item.custom))

    def on_qualifications_editor_changed(self, event: QualificationsEditor.Changed) -> None:
        event.stop()
        if self.interview is not None:
            self.post_message(self.QualificationsChanged(self.interview.id, event.qualifications))

    async def on_qualifications_editor_done(self, event: QualificationsEditor.Done) -> None:
        event.stop()
        if self._editing:
            await self.action_qualifications()

    def focus_first(self) -> None:
        """Focus the first item (or nothing when no interview is shown)."""
        ready = self.query_one("#ready", Static)
        if ready.can_focus:  # the items are being rebuilt: the first of the new ones gets it
            self.screen.set_focus(ready)
        elif items := self.query(Item):
            self.screen.set_focus(items.first())

    # actions
    def _focused_custom(self) -> Item | None:
        focused = self.app.focused
        return focused if isinstance(focused, Item) and focused.custom else None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("rename_item", "remove_item"):
            return self._focused_custom() is not None
        if action in ("references", "qualifications", "add_item"):
            return self.interview is not None
        return True

    def action_references(self) -> None:
        if self.interview is not None:
            self.post_message(self.Asked("references", self.interview.id))

    async def action_qualifications(self) -> None:
        """Open (or close) the in-place editor under D4."""
        from .qualifications import QualificationsEditor

        self._editing = not self._editing
        if self._editing:
            editor = QualificationsEditor(self.interview.qualifications if self.interview else [], id="qual-editor")
            await self.mount(editor, after=self.query_one("#data-D4"))
            self.screen.set_focus(editor.query_one("Input"))
            editor.scroll_visible()
        else:
            await self.query("QualificationsEditor").remove()
            self.screen.set_focus(self.query_one("#item-D4"))

    def action_add_item(self) -> None:
        if self.interview is not None:
            self.post_message(self.Asked("add_item", self.interview.id))

    def action_rename_item(self) -> None:
        if (item := self._focused_custom()) and self.interview is not None:
            self.post_message(self.Asked("rename_item", self.interview.id, item.key))

    def action_remove_item(self) -> None:
        if (item := self._focused_custom()) and self.interview is not None:
            self.post_message(self.Asked("remove_item", self.interview.id, item.key))
