"""The main screen's keys, and when each is on offer: the footer shows only what works right now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding, BindingType

if TYPE_CHECKING:
    from ..domain.models import Interview

__all__ = ["MAIN_BINDINGS", "allowed"]

#: Actions whose key is a letter or digit: while an editor has focus those keys are text, not actions.
TYPED_KEYS = frozenset(
    {
        "add",
        "edit",
        "start_call",
        "filter",
        "archive",
        "restore",
        "toggle_archived",
        "drafts",
        "thank_you",
        "profile",
        "practise",
        "practice_card",
        "result",
        "agenda",
        "stats",
    }
)
#: What a call in progress leaves on offer (besides the panes and ending it).
IN_CALL = frozenset({"drafts", "switch_script", "scroll_script"})


def _pane(name: str, label: str, key: str, fkey: str) -> list[Binding]:
    """A pane's digit (outside editors) and its function key (shown and working while typing)."""
    tip = f"Go to the {label.lower()}"
    return [
        Binding(fkey, f"editor_pane('{name}')", label, tooltip=tip, id=f"pane-{label.lower()}-from-editor"),
        Binding(key, f"pane('{name}')", label, tooltip=tip, id=f"pane-{label.lower()}", show=False, priority=True),
    ]


#: Keys that move the focus into an editor are priority keys: they act the moment they are read, so the
#: keys typed right after them (a fast typist's burst) already go where the focus now is.
MAIN_BINDINGS: list[BindingType] = [
    Binding("a", "add", "Add", tooltip="Add an interview", id="add"),
    Binding("e", "edit", "Edit", tooltip="Edit the selected interview", id="edit"),
    Binding("c", "start_call", "Call", tooltip="Start a call: timer, notes, talking points", id="start-call", priority=True),
    Binding("ctrl+e", "end_call", "End call", tooltip="End the call and record how it went", id="end-call", priority=True),
    Binding("f5", "switch_script", "Other script", tooltip="Talking points or the voicemail", id="switch-script", priority=True),
    Binding("ctrl+down", "scroll_script(3)", "Script ↓", tooltip="Scroll the script on", id="scroll-script-down", priority=True),
    Binding("ctrl+up", "scroll_script(-3)", "Script ↑", tooltip="Scroll the script back", id="scroll-script-up", priority=True, show=False),
    Binding("slash", "filter", "Filter", tooltip="Filter by company, role, interviewer or notes", id="filter", priority=True),
    Binding("x", "archive", "Archive", tooltip="Archive the selected interview (asks first)", id="archive"),
    Binding("u", "restore", "Restore", tooltip="Bring an archived interview back", id="restore"),
    Binding("v", "toggle_archived", "Archived", tooltip="Show or hide archived interviews", id="toggle-archived"),
    Binding("s", "drafts", "Scripts", tooltip="Voicemail, talking points and thank-you email, to copy", id="drafts"),
    Binding("t", "thank_you", "Thanked", tooltip="Record that a thank-you went out, and how", id="thank-you"),
    Binding("p", "profile", "Profile", tooltip="Your name, phone, time zone and pitch", id="profile"),
    Binding("h", "practise", "Rehearse", tooltip="Practise the call: nothing counts as an attempt", id="practise"),
    Binding("f", "practice_card", "Friend's card", tooltip="A role-play card for a friend playing the hiring manager", id="practice-card", show=False),
    Binding("o", "result", "Result", tooltip="How the application ended; next round carries it over", id="result"),
    Binding("w", "agenda", "Week", tooltip="The coming days: call windows, follow-ups, decisions", id="agenda"),
    Binding("i", "stats", "What worked", tooltip="Which call times got answers; what follow-ups led to", id="stats"),
    *_pane("list-pane", "List", "1", "f2"),
    *_pane("checklist", "Checklist", "2", "f3"),
    *_pane("notes-pane", "Notes", "3", "f4"),
]  # fmt: skip


def allowed(action: str, current: Interview | None, *, typing: bool, in_call: bool, leaving: bool) -> bool:
    """Whether an action is on offer now (and so in the footer and the palette): `current` is the
    interview shown, `typing` whether an editor has the focus, `leaving` whether the app is ending."""
    if leaving:
        return False
    if action in ("end_call", "switch_script", "scroll_script"):
        return in_call
    if action == "editor_pane":
        return typing and not in_call
    if action == "pane":
        return not in_call and not typing  # a digit typed in an editor is text
    if (typing and action in TYPED_KEYS) or (in_call and action not in IN_CALL):
        return False  # the key is text here, or the call has the screen
    if action in ("edit", "start_call", "drafts", "thank_you", "practise", "practice_card", "result"):
        return current is not None
    if action in ("archive", "restore"):
        return current is not None and current.archived == (action == "restore")
    return True
