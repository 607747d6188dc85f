"""Add or edit an interview: every field, dates typed as people say them, nothing saved until valid."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static, TextArea

from ..widgets.field_error import FieldError
from ..widgets.tick import Tick
from ..domain.dates import parse_when
from ..domain.errors import ValidationError
from ..domain.inputs import entry_problems
from ..domain.models import Interview, Interviewer, Qualification, Reference
from ..domain.phones import display_phone, parse_phone
from .profile import is_zone

__all__ = ["InterviewForm"]

#: (field id, label, placeholder) for the one-line inputs, in the order shown.
_INPUTS = (
    ("company", "Company *", "e.g. Acme"),
    ("role", "Role (job title) *", "e.g. Product Designer"),
    ("interviewed_at", "Interviewed", "e.g. yesterday 2pm, Tue 10:30, 25 Nov 3pm"),
    ("round", "Round", "1 for a first interview"),
    ("interviewer_name", "Interviewer", "Who you spoke with"),
    ("interviewer_title", "Their title", "e.g. Head of Design"),
    ("interviewer_phone", "Their direct number (D5)", "From their card"),
    ("interviewer_email", "Their email", ""),
    ("interviewer_tz", "Their time zone", "e.g. America/Chicago; empty: yours"),
    ("resume_path", "Resume file (D1)", "e.g. ~/cv/resume.pdf"),
    ("decision_expected", "Decision expected", "e.g. Friday, 4 Dec"),
)
_AREAS = (
    ("references", "References (D2): one per line, name | relation | contact"),
    ("qualifications", "Key qualifications (D4): one per line, qualification | employer need"),
    ("wish_said", "What you wish you had said (D8)"),
)
_DATES = {"interviewed_at": True, "decision_expected": False}


def _when(value: datetime | None) -> str:
    return "" if value is None else f"{value:%Y-%m-%d %H:%M}"


def _lines(items: list, fields: tuple[str, ...]) -> str:
    return "\n".join(" | ".join(getattr(item, f) for f in fields).rstrip(" |") for item in items)


def _split(text: str, width: int) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if line.strip():
            parts = [part.strip() for part in line.split("|")][:width]
            rows.append(parts + [""] * (width - len(parts)))
    return rows


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
            "interviewed_at": _when(i.interviewed_at),
            "round": str(i.round),
            "interviewer_name": who.name,
            "interviewer_title": who.title,
            "interviewer_phone": display_phone(who.phone),
            "interviewer_email": who.email,
            "interviewer_tz": i.interviewer_tz,
            "resume_path": i.resume_path,
            "decision_expected": i.decision_text or (i.decision_expected.isoformat() if i.decision_expected else ""),
            "references": _lines(i.references, ("name", "relation", "contact")),
            "qualifications": _lines(i.qualifications, ("qualification", "employer_need")),
            "wish_said": i.wish_said,
        }

    def compose(self) -> ComposeResult:
        values = self._initial()
        title = "Add an interview" if self.original is None else f"Edit {self.original.title}"
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
                    yield TextArea(values.get(name, ""), id=f"f-{name}", classes="form-area", soft_wrap=True, tab_behavior="focus")
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
            shown.update(f"? {error.message}")
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
        value = {name: self.query_one(f"#f-{name}", Input).value.strip() for name, _, _ in _INPUTS}
        area = {name: self.query_one(f"#f-{name}", TextArea).text for name, _ in _AREAS}
        now = self.clock()
        fields: dict[str, object] = {}
        for name, past in _DATES.items():
            fields[name] = None
            if value[name]:
                try:
                    fields[name] = parse_when(value[name], now, past=past, field=name)
                except ValidationError as error:
                    errors[name] = error.message
        if isinstance(fields["decision_expected"], datetime):
            fields["decision_text"] = value["decision_expected"]
            fields["decision_expected"] = fields["decision_expected"].date()
        else:
            fields["decision_text"] = ""
        if not value["company"]:
            errors["company"] = "Type the company's name."
        if not value["role"]:
            errors["role"] = "Type the job title you interviewed for."
        try:
            fields["round"] = int(value["round"] or "1")
            if fields["round"] < 1:  # type: ignore[operator]
                raise ValueError
        except ValueError:
            errors["round"] = "The round is a whole number from 1 up."
        phone = ""
        try:
            phone = parse_phone(value["interviewer_phone"], field="interviewer_phone")
        except ValidationError as error:
            errors["interviewer_phone"] = error.message
        if value["interviewer_tz"] and not is_zone(value["interviewer_tz"]):
            errors["interviewer_tz"] = f"“{value['interviewer_tz']}” is not a time zone name; try e.g. Europe/London."
        email = value["interviewer_email"]
        if email and ("@" not in email or " " in email):
            errors["interviewer_email"] = f"“{email}” is not an email address."
        references = [Reference(*row) for row in _split(area["references"], 3)]
        qualifications = [Qualification(*row) for row in _split(area["qualifications"], 2)]
        for name, message in entry_problems(value, area).items():
            errors.setdefault(name, message)
        if errors:
            return None
        interviewer = Interviewer(
            name=value["interviewer_name"],
            title=value["interviewer_title"],
            phone=phone,
            email=email,
            decision_maker=self.query_one("#f-decision_maker", Checkbox).value,
        )
        changes = dict(
            company=value["company"],
            role=value["role"],
            interviewed_at=fields["interviewed_at"],
            round=fields["round"],
            interviewer=interviewer,
            interviewer_tz=value["interviewer_tz"],
            resume_path=value["resume_path"],
            references=references,
            qualifications=qualifications,
            wish_said=area["wish_said"].strip(),
            decision_expected=fields["decision_expected"],
            decision_text=fields["decision_text"],
        )
        try:
            if self.original is None:
                return Interview(created_at=now, **changes)  # type: ignore[arg-type]
            return dataclasses.replace(self.original, **changes)  # type: ignore[arg-type]
        except ValidationError as error:
            errors[error.field if error.field in value else "company"] = error.message
            return None
