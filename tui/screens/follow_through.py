"""Beyond the call: the drafts to copy (D14, D16, D20) and recording a thank-you (D20, D21)."""

from __future__ import annotations

from datetime import datetime

from rich.markup import escape

from ..domain.errors import ValidationError
from ..domain.models import Channel, Interview, ThankYou
from .call import TEMPLATES_SETTING

__all__ = ["FollowThrough"]


class FollowThrough:
    """Mixed into the main screen beside CallDesk."""

    #: The D20 word about text messages is said once a session.
    _warned_text_message = False

    def action_drafts(self, first: str = "") -> None:
        """s: the voicemail, talking points and thank-you email for the selected interview."""
        from ..dialogs.drafts import DRAFT_KEYS, DraftsDialog
        from ..domain.scripts import draft

        interview = self.current
        if interview is None:
            return
        templates = self.workbook.setting(TEMPLATES_SETTING, None)
        now = self.clock()
        drafts = {kind: draft(kind, interview, self.profile, now, templates) for kind in DRAFT_KEYS}
        first = first or ("talking_points" if self.in_call else "voicemail")
        self.app.push_screen(DraftsDialog(drafts, first=first), self._edit_template)

    def _edit_template(self, kind: str | None) -> None:
        """The user's own words for a script, kept in the workbook (shared with `followup script`)."""
        from ..dialogs.template_editor import TemplateEditor
        from ..domain.scripts import render_template
        from ..domain.templates import ScriptKind, template_for

        interview = self.current
        if kind is None or interview is None:
            return
        templates = dict(self.workbook.setting(TEMPLATES_SETTING, None) or {})
        script = ScriptKind(kind)
        subject = template_for(ScriptKind.THANK_YOU_SUBJECT, templates)[0] if script is ScriptKind.THANK_YOU_EMAIL else None

        def preview(_: str, text: str) -> str:
            return render_template(text, interview, self.profile, self.clock())

        def done(changed: dict[str, str] | None) -> None:
            if changed is not None:
                templates.update(changed)
                self.workbook.set_setting(TEMPLATES_SETTING, {k: v for k, v in templates.items() if v})
                self.notify("Saved your template; the drafts use it from now on.", timeout=4)
            self.action_drafts(first=kind)

        editor = TemplateEditor(script, template_for(script, templates)[0], preview, subject)
        self.app.push_screen(editor, done)

    def action_thank_you(self) -> None:
        """t: record that a thank-you went out, by which channel and when."""
        from ..dialogs.text_prompt import TextPrompt
        from ..dialogs.thank_you import ChannelDialog
        from ..domain.dates import parse_when

        interview = self.current
        if interview is None:
            return

        def when(text: str) -> datetime:
            if text.strip().lower() == "now":
                return self.clock()
            moment = parse_when(text, self.clock(), past=True, field="sent_at")
            if moment > self.clock():
                raise ValidationError("sent_at", "That is still to come; record a thank-you once it has gone out.")
            return moment

        def check(text: str) -> str:
            when(text)
            return text

        def chosen(channel: Channel | None) -> None:
            if channel is None:
                return
            if not channel.advisable:
                FollowThrough._warned_text_message = True

            def dated(text: str | None) -> None:
                if text is not None:
                    self.record_thank_you(interview, channel, when(text))

            prompt = TextPrompt(f"When did the {channel.label.lower()} go out?", "now", "e.g. now, today 9am, yesterday 5pm", check)
            self.app.push_screen(prompt, dated)

        self.app.push_screen(ChannelDialog(warned=FollowThrough._warned_text_message), chosen)

    def record_thank_you(self, interview: Interview, channel: Channel, sent_at: datetime) -> None:
        thanks = ThankYou(interview.id, channel, sent_at)
        self.workbook.save_thank_you(thanks)
        self.thanks[interview.id].append(thanks)
        self.changed(interview, save=False)
        self.notify(f"Recorded: thank-you by {escape(channel.label.lower())}.", timeout=4)
