"""Your profile: what the voicemail and thank-you drafts sign with (D14)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from ..domain.fields import FieldProblems, profile_from_text
from ..domain.models import Profile
from ..domain.phones import display_phone
from ..widgets.field_error import FieldError
from ..widgets.tick import Tick
from .keys import FORM_KEYS

__all__ = ["ProfileDialog"]

_FIELDS = (
    ("name", "Your name", "As you say it on the phone"),
    ("phone", "Your phone", "The number they can call back"),
    ("email", "Your email", ""),
    ("timezone", "Your time zone", "e.g. Europe/Berlin; empty: this computer's"),
    ("pitch", "Your pitch", "One sentence on what you bring"),
)


class ProfileDialog(ModalScreen[Profile | None]):
    """Dismisses the checked profile (ctrl+s), or None (escape: skip or cancel)."""

    BINDINGS = [
        *FORM_KEYS,
        Binding("ctrl+s", "save", "Save", tooltip="Keep this profile", id="profile-save"),
        Binding("escape", "cancel", "Skip", tooltip="Not now; p opens this again", id="profile-skip"),
    ]

    def __init__(self, profile: Profile, first_run: bool = False) -> None:
        super().__init__(classes="dialog-screen")
        self.profile = profile
        self.first_run = first_run

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog form", id="profile-form"):
            yield Static("Your profile", classes="dialog-title")
            if self.first_run:
                yield Static(
                    "The voicemail draft and thank-you notes sign with these. "
                    "Skip with escape if you like; p opens this later.",
                    classes="dialog-text",
                )
            with VerticalScroll(id="profile-fields"):
                yield from self._fields()
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Skip (esc)" if self.first_run else "Cancel (esc)", id="cancel")

    def _fields(self) -> ComposeResult:
        for name, label, placeholder in _FIELDS:
            value = getattr(self.profile, name)
            if name == "phone":
                value = display_phone(value)
            with Horizontal(classes="field-row"):
                yield Label(label, classes="field-label")
                with Vertical(classes="field-box"):
                    yield Input(value, placeholder=placeholder, id=f"profile-{name}")
                    yield FieldError(id=f"profile-{name}-error")
        yield Tick("I write dates day first (3/12 is 3 December)", self.profile.day_first, id="profile-day_first")

    def on_mount(self) -> None:
        self.query_one("#profile-name", Input).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_save() if event.button.id == "save" else self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        values = {name: self.query_one(f"#profile-{name}", Input).value for name, _, _ in _FIELDS}
        if values["phone"] == display_phone(self.profile.phone):
            del values["phone"]  # shown as typed nationally; the stored number stays as it is
        day_first = self.query_one("#profile-day_first", Checkbox).value
        try:
            profile = profile_from_text(values, self.profile, day_first=day_first)
        except FieldProblems as problems:
            errors = problems.problems
        else:
            errors = {}
        for name, _, _ in _FIELDS:
            self.query_one(f"#profile-{name}-error", FieldError).show(errors.get(name, ""))
        if not errors:
            self.dismiss(profile)
