"""Add or edit an interview: every field, dates typed as people say them, nothing saved until valid."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any

from rich.markup import escape
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static, TextArea

from ..domain.dates import parse_when
from ..domain.errors import ValidationError
from ..domain.fields import FieldProblems, decision_day, interview_from_text, phone, zone_name
from ..domain.models import Interview, Profile
from ..domain.phones import display_phone, region_for_zone, zone_for_number
from ..widgets.field_error import FieldError
from ..widgets.soft_wrapped import SoftWrapped
from ..widgets.tick import Tick
from .keys import FORM_KEYS

__all__ = ["InterviewForm"]

#: (field id, label, placeholder) for the one-line inputs, in the order shown.
_INPUTS = (
    ("company", "Company *", "e.g. Acme"),
    ("role", "Role (job title) *", "e.g. Product Designer"),
    ("interviewed_at", "Interviewed", "e.g. yesterday 2pm, Tue 10:30, 25 Nov 3pm"),
    ("round", "Round", "1 for a first interview"),
    ("interviewer_name", "Interviewer", "Who you spoke with"),
    ("interviewer_greeting", "You greet them as", "e.g. Ms. Reyes, or Dana; empty: their first name"),
    ("interviewer_title", "Their title", "e.g. Head of Design"),
    ("interviewer_phone", "Their direct number", "From their card"),
    ("interviewer_email", "Their email", ""),
    ("interviewer_tz", "Their time zone", "e.g. Chicago, London, CET; empty: from their number, else yours"),
    ("resume_path", "Resume file", "e.g. ~/cv/resume.pdf"),
    ("decision_expected", "Decision expected", "e.g. Friday, 4 Dec"),
    ("posting_url", "Job posting", "Its web address, e.g. https://acme.example/jobs/42"),
    ("salary", "Salary or range", "e.g. $90-110k"),
    ("location", "Location", "e.g. Remote, Berlin"),
    ("applied_on", "Applied on", "e.g. 2026-11-02, last Monday"),
)
_AREAS = (
    ("references", "References: one per line, name | relation | contact"),
    ("qualifications", "Key qualifications: one per line, qualification | what the employer needs"),
    ("wish_said", "What you wish you had said"),
)
_DATES = {"interviewed_at": True, "decision_expected": False}
#: The fields whose reading is shown under them as they are typed.
_PREVIEWED = (*_DATES, "interviewer_tz")


def _when(value: datetime | None) -> str:
    return "" if value is None else f"{value:%Y-%m-%d %H:%M}"


def _lines(items: Sequence[Any], fields: tuple[str, ...]) -> str:
    return "\n".join(" | ".join(getattr(item, f) for f in fields).rstrip(" |") for item in items)


def _day(value: date | None) -> str:
    return "" if value is None else f"{value:%a} {value.day} {value:%b} {value.year}"


class InterviewForm(ModalScreen[Interview | None]):
    """Dismisses the checked interview (ctrl+s), or None (escape)."""

    BINDINGS = [
        *FORM_KEYS,
        Binding("ctrl+s", "save", "Save", tooltip="Check every field and save", id="form-save"),
        Binding("escape", "cancel", "Cancel", tooltip="Close without saving", id="form-cancel"),
        Binding("ctrl+b", "card", "Card", tooltip="Fill the interviewer from a business card (.vcf)", id="form-card"),
    ]

    def __init__(
        self, clock: Callable[[], datetime], interview: Interview | None = None, profile: Profile | None = None
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.clock = clock
        self.original = interview
        #: The user's own settings: how short dates are written, and the region of numbers typed without +.
        self.profile = profile or Profile()
        self.home_region = region_for_zone(self.profile.timezone)
        #: The fields whose message is on screen now.
        self._shown_errors: set[str] = set()

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
            "interviewer_greeting": who.greet_as,
            "interviewer_title": who.title,
            "interviewer_phone": display_phone(who.phone, self.home_region),
            "interviewer_email": who.email,
            "interviewer_tz": i.interviewer_tz,
            "resume_path": i.resume_path,
            "decision_expected": _day(i.decision_expected),
            "references": _lines(i.references, ("name", "relation", "contact")),
            "qualifications": _lines(i.qualifications, ("qualification", "employer_need")),
            "wish_said": i.wish_said,
            "posting_url": i.posting_url,
            "salary": i.salary,
            "location": i.location,
            "applied_on": i.applied_on.isoformat() if i.applied_on else "",
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
                            if name in _PREVIEWED:
                                yield Static("", classes="parsed", id=f"f-{name}-parsed")
                            yield FieldError(id=f"f-{name}-error")
                    if name == "interviewer_email":
                        decides = self.original.interviewer.decision_maker if self.original else True
                        yield Tick("They make the hiring decision", decides, id="f-decision_maker")
                for name, label in _AREAS:
                    yield Label(label, classes="field-label area-label")
                    yield SoftWrapped(values.get(name, ""), id=f"f-{name}", classes="form-area", tab_behavior="focus")
                    yield FieldError(id=f"f-{name}-error")
            yield FieldError(id="form-summary")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (esc)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#form-fields").can_focus = False
        self.query_one("#f-company").focus()
        for name in _PREVIEWED:
            self._preview(name)

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        name = (event.input.id or "")[2:]
        if name in _PREVIEWED:
            self._preview(name)
        if name == "interviewer_phone":
            self._preview("interviewer_tz")
        if self._shown_errors:
            self._check()  # a message that no longer holds goes as soon as the field is right

    @on(Input.Blurred)
    def _left(self, event: Input.Blurred) -> None:
        """Leaving a field says at once what is wrong with it, not only on save."""
        name = (event.input.id or "")[2:]
        if event.input.value.strip():
            self._check(also=name)

    def _check(self, also: str = "", save: bool = False) -> Interview | None:
        """Check every field; show the messages already shown (and `also`'s), or every one on save."""
        errors: dict[str, str] = {}
        interview = self._build(errors)
        shown = set(errors) if save else (self._shown_errors | {also}) & set(errors)
        for name in [n for n, _, _ in _INPUTS] + [n for n, _ in _AREAS]:
            # a date's reading, right under it, already says what is wrong with it
            message = errors.get(name, "") if name in shown and name not in _DATES else ""
            self.query_one(f"#f-{name}-error", FieldError).show(message)
        self._shown_errors = shown
        summary = self.query_one("#form-summary", FieldError)
        count = len(errors)
        summary.show(
            f"Not saved: {count} field{'s' if count != 1 else ''} to fix."
            if (save or summary.display) and errors
            else ""
        )
        return interview if not errors else None

    def _preview(self, name: str) -> None:
        """Show how a typed date or zone reads before anything is saved."""
        text = self.query_one(f"#f-{name}", Input).value.strip()
        shown = self.query_one(f"#f-{name}-parsed", Static)
        unreadable = False
        try:
            said = self._reading(name, text)
        except ValidationError as error:
            said, unreadable = error.message, True
        shown.display = bool(said)
        shown.set_class(unreadable, "-unreadable")
        shown.update(escape(said))

    def _reading(self, name: str, text: str) -> str:
        """How the form's checks read a field as typed: '→ Tue 24 Nov 2026, 14:00', '→ America/Chicago'."""
        if name == "interviewer_tz":
            if text:
                return f"→ {zone_name(text, name)}"
            suggested = zone_for_number(self._phone())
            return f"From their number: {suggested} (kept unless you type another)" if suggested else ""
        if not text:
            return ""
        if name == "interviewed_at":
            now = self.clock()
            moment = parse_when(text, now, past=True, field=name, day_first=self.profile.day_first)
            zone = getattr(now.tzinfo, "key", "") or moment.tzname() or ""  # typed on the user's clock: say so
            return f"→ {moment:%a %-d %b %Y, %H:%M} your time ({zone})"
        if self.original is not None and text == _day(self.original.decision_expected):
            return f"→ recorded at the call: “{self.original.decision_text}”" if self.original.decision_text else ""
        probe = self.original or Interview("-", "-")
        day = decision_day(text, self.clock(), name, probe, day_first=self.profile.day_first)
        return f"→ {day:%a %-d %b %Y}" if day else ""

    def _phone(self) -> str:
        try:
            return phone(self.query_one("#f-interviewer_phone", Input).value, "interviewer_phone", self.home_region)
        except ValidationError:
            return ""

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save() if event.button.id == "save" else self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @work
    async def action_card(self) -> None:
        """A business card's name, title, company, number and email fill the form; the company only if empty."""
        from ..session.cards import read_card
        from .text_prompt import TextPrompt

        found: dict[str, str] = {}

        def check(text: str) -> str:
            found.clear()
            found.update(read_card(text))
            return text

        prompt = TextPrompt("Business card (.vcf)", placeholder="~/Downloads/card.vcf", check=check)
        if await self.app.push_screen_wait(prompt) is None:
            return
        filled = []
        for name, value in found.items():
            box = self.query_one(f"#f-{name}", Input)
            if name != "company" or not box.value.strip():
                box.value = value
                filled.append(name.removeprefix("interviewer_").replace("_", " "))
        said = ", ".join(filled) if filled else "nothing new"
        self.notify(f"From the card: {said}. Check them, then save.", markup=False)

    def action_save(self) -> None:
        interview = self._check(save=True)
        if interview is None:
            order = [n for n, _, _ in _INPUTS] + [n for n, _ in _AREAS]
            first = next((name for name in order if name in self._shown_errors), None)
            if first:
                self.query_one(f"#f-{first}").focus()
            return
        self.dismiss(interview)

    def _build(self, errors: dict[str, str]) -> Interview | None:
        """Check every field; collect one message per bad field; return the interview when all is well."""
        value = {name: self.query_one(f"#f-{name}", Input).value for name, _, _ in _INPUTS}
        area = {name: self.query_one(f"#f-{name}", TextArea).text for name, _ in _AREAS}
        decides = self.query_one("#f-decision_maker", Checkbox).value
        initial = self._initial()
        # An edit re-reads only what was changed, so a date typed long ago keeps the moment it meant.
        typed = {
            name: text for name, text in {**value, **area}.items() if self.original is None or text != initial.get(name)
        }
        # The decision day recorded at the call stays as it was unless another is typed here (D17).
        try:
            return interview_from_text(
                typed,
                self.clock(),
                self.original,
                decision_maker=decides,
                region=self.home_region,
                day_first=self.profile.day_first,
            )
        except FieldProblems as problems:
            errors.update(problems.problems)
            return None
