"""Add or edit an interview: every field, dates typed as people say them, nothing saved until valid."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from rich.markup import escape
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static, TextArea

from ..domain.dates import parse_when
from ..domain.errors import ValidationError
from ..domain.fields import FieldProblems, interview_from_text
from ..domain.models import Interview
from ..domain.phones import display_phone
from ..widgets.field_error import FieldError
from ..widgets.tick import Tick

__all__ = ["InterviewForm"]

#: (field id, label, placeholder) for the one-line inputs, in the order shown.
_INPUTS = (
    ("company", "Company *", "e.g. Acme"),
    ("role", "Role (job title) *", "e.g. Product Designer"),
    ("interviewed_at", "Interviewed", "e.g. yesterday 2pm, Tue 10:30, 25 Nov 3pm"),
    ("round", "Round", "1 for a first interview"),
    ("interviewer_name", "Interviewer", "Who you spoke with"),
    ("interviewer_title", "Their title", "e.g. Head of Design"),
    ("interviewer_phone", "Their direct number", "From their card"),
    ("interviewer_email", "Their email", ""),
    ("interviewer_tz", "Their time zone", "e.g. America/Chicago; empty: yours"),
    ("resume_path", "Resume file", "e.g. ~/cv/resume.pdf"),
    ("decision_expected", "Decision expected", "e.g. Friday, 4 Dec"),
)
_AREAS = (
    ("references", "References: one per line, name | relation | contact"),
    ("qualifications", "Key qualifications: one per line, qualification | what the employer needs"),
    ("wish_said", "What you wish you had said"),
)
_DATES = {"interviewed_at": True, "decision_expected": False}


def _when(value: datetime | None) -> str:
    return "" if value is None else f"{value:%Y-%m-%d %H:%M}"


def _lines(items: list, fields: tuple[str, ...]) -> str:
    return "\n".join(" | ".join(getattr(item, f) for f in fields).rstrip(" |") for item in items)


def _day(value: date | None) -> str:
    return "" if value is None else f"{value:%a} {value.day} {value:%b} {value.year}"


class InterviewForm(ModalScreen[Interview | None]):
    """Dismisses the checked interview (ctrl+s), or None (escape)."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", tooltip="Check every field and save", id="form-save"),
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving", id="form-cancel"),
    ]

    def __init__(self, clock: Callable[[], datetime], interview: Interview | None = None) -> None:
        super().__init__(classes="dialog-screen")
        self.clock = clock
        self.original = interview

    def _initial(self) -> dict[str, str]:
        i = self.original
        if i is None:
            return {"round": "1"}
        who = i.interviewer
        return {
            "company": i.company,
            "role": i.role,
            "interviewed_at": _when(i.interviewed_at.astimezone(self.clock().tzinfo) if i.interviewed_at else None),
            "round": str(i.round),
            "interviewer_name": who.name,
            "interviewer_title": who.title,
            "interviewer_phone": display_phone(who.phone),
            "interviewer_email": who.email,
            "interviewer_tz": i.interviewer_tz,
            "resume_path": i.resume_path,
            "decision_expected": _day(i.decision_expected),
            "references": _lines(i.references, ("name", "relation", "contact")),
            "qualifications": _lines(i.qualifications, ("qualification", "employer_need")),
            "wish_said": i.wish_said,
        }

    def compose(self) -> ComposeResult:
        values = self._initial()
        title = "Add an interview" if self.original is None else f"Edit {escape(self.original.title)}"
        with Vertical(classes="dialog form", id="interview-form"):
            yield Static(title, classes="dialog-title")
            with VerticalScroll(id="form-fields"):
                for name, label, placeholder in _INPUTS:
                    with Horizontal(classes="field-row"):
                        yield Label(label, classes="field-label")
                        with Vertical(classes="field-box"):
                            yield Input(values.get(name, ""), placeholder=placeholder, id=f"f-{name}")
                            if name in _DATES:
                                yield Static("", classes="parsed", id=f"f-{name}-parsed")
                            yield FieldError(id=f"f-{name}-error")
                    if name == "interviewer_email":
                        decides = self.original.interviewer.decision_maker if self.original else True
                        yield Tick("They make the hiring decision", decides, id="f-decision_maker")
                for name, label in _AREAS:
                    yield Label(label, classes="field-label area-label")
                    yield TextArea(
                        values.get(name, ""), id=f"f-{name}", classes="form-area", soft_wrap=True, tab_behavior="focus"
                    )
                    yield FieldError(id=f"f-{name}-error")
            yield FieldError(id="form-summary")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#form-fields").can_focus = False
        self.query_one("#f-company").focus()
        for name in _DATES:
            self._preview(name)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        name = (event.input.id or "")[2:]
        if name in _DATES:
            self._preview(name)

    def _preview(self, name: str) -> None:
        """Show how a typed date reads before anything is saved."""
        text = self.query_one(f"#f-{name}", Input).value.strip()
        shown = self.query_one(f"#f-{name}-parsed", Static)
        shown.display = bool(text)
        if not text:
            return
        try:
            moment = parse_when(text, self.clock(), past=_DATES[name], field=name)
        except ValidationError as error:
            shown.update(f"? {escape(error.message)}")
            shown.set_class(True, "-unreadable")
            return
        shown.set_class(False, "-unreadable")
        shown.update(f"→ {moment:%a %-d %b %Y, %H:%M}" if name == "interviewed_at" else f"→ {moment:%a %-d %b %Y}")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save() if event.button.id == "save" else self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        errors: dict[str, str] = {}
        interview = self._build(errors)
        for name, _, _ in _INPUTS:
            # a date's reading, right under it, already says what is wrong with it
            self.query_one(f"#f-{name}-error", FieldError).show("" if name in _DATES else errors.get(name, ""))
        for name, _ in _AREAS:
            self.query_one(f"#f-{name}-error", FieldError).show(errors.get(name, ""))
        summary = self.query_one("#form-summary", FieldError)
        if errors or interview is None:
            summary.show(f"Not saved: {len(errors)} field{'s' if len(errors) != 1 else ''} to fix.")
            first = next(iter(errors), None)
            if first:
                self.query_one(f"#f-{first}").focus()
            return
        self.dismiss(interview)

    def _build(self, errors: dict[str, str]) -> Interview | None:
        """Check every field; collect one message per bad field; return the interview when all is well."""
        value = {name: self.query_one(f"#f-{name}", Input).value for name, _, _ in _INPUTS}
        area = {name: self.query_one(f"#f-{name}", TextArea).text for name, _ in _AREAS}
        decides = self.query_one("#f-decision_maker", Checkbox).value
        decision = self._decision(value.pop("decision_expected").strip(), errors)
        initial = self._initial()
        # An edit re-reads only what was changed, so a date typed long ago keeps the moment it meant.
        typed = {
            name: text for name, text in {**value, **area}.items() if self.original is None or text != initial.get(name)
        }
        try:
            interview = interview_from_text(typed, self.clock(), self.original, decision_maker=decides)
        except FieldProblems as problems:
            errors.update({name: message for name, message in problems.problems.items() if name not in errors})
            return None
        if errors:
            return None
        interview.decision_expected, interview.decision_text = decision
        return interview

    def _decision(self, typed: str, errors: dict[str, str]) -> tuple[date | None, str]:
        """The decision date as recorded at the call, unless the user typed another date here."""
        original = self.original
        if original is not None and typed == _day(original.decision_expected):
            return original.decision_expected, original.decision_text
        if not typed:
            return None, ""
        try:
            return parse_when(typed, self.clock(), past=False, field="decision_expected").date(), typed
        except ValidationError as error:
            errors["decision_expected"] = error.message
            return None, ""
