"""The dialogs a user goes through, each sequence one coroutine read top to bottom.

The main screen runs each as a worker (`push_screen_wait` needs one); each asks, then calls one
session intent, and returns what the screen should show.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from rich.markup import escape
from textual.app import App

from ..domain.errors import ValidationError
from ..domain.models import Channel, Interview, Outcome, Profile, ThankYou
from ..domain.recording import Recorded
from ..session import Session

__all__ = [
    "ask_follow_up",
    "ask_profile",
    "confirm",
    "edit_interview",
    "edit_references",
    "end_call",
    "record_thank_you",
    "show_drafts",
]


async def confirm(app: App[Any], question: str, yes: str, no: str) -> bool:
    from ..dialogs.confirm import ConfirmDialog

    answer: bool | None = await app.push_screen_wait(ConfirmDialog(question, yes, no))
    return bool(answer)


async def edit_interview(app: App[Any], session: Session, interview_id: str | None = None) -> Interview | None:
    """The form, for a new interview or the selected one; saved when the user saves it."""
    from ..dialogs.interview_form import InterviewForm

    original = session.get(interview_id)
    interview = await app.push_screen_wait(InterviewForm(session.now, original, session.profile))
    if interview is None:
        return None
    return session.update_interview(interview) if original is not None else session.add_interview(interview)


async def end_call(app: App[Any], session: Session, ended: datetime) -> Recorded | None:
    """How did it go (D18); after a conversation, when they expect to decide (D17). None: back to the call."""
    from ..dialogs.decision import DecisionDialog
    from ..dialogs.outcome import OutcomeDialog

    call = session.active_call
    if call is None:
        return None
    outcome = await app.push_screen_wait(OutcomeDialog())
    if outcome is None:
        return None
    decision, follow_up_on = "", None
    if outcome is Outcome.SPOKE:

        def preview(text: str) -> str:
            return escape(session.read_day(call.interview_id, text, ended).describe())

        decision = await app.push_screen_wait(DecisionDialog(preview)) or ""
        if decision and not session.read_day(call.interview_id, decision, ended).ok:
            follow_up_on = await ask_follow_up(app, session, call.interview_id, decision, ended)
    return session.end_call(call.id, ended, outcome, decision, follow_up_on)


async def ask_follow_up(app: App[Any], session: Session, interview_id: str, said: str, ended: datetime) -> date:
    """D17, D19: their words stay as typed; which day to follow up is asked, a week on offered (escape takes it)."""
    from ..dialogs.text_prompt import TextPrompt
    from ..domain.rounds import short_date

    offered = session.default_follow_up(interview_id, ended)

    def check(text: str) -> str:
        reading = session.read_day(interview_id, text, ended)
        if not reading.ok:
            raise ValidationError("follow_up_on", reading.message)
        return text

    title = f"“{escape(said)}” is kept as typed, but it is not a day. Follow up on which day?"
    typed = await app.push_screen_wait(TextPrompt(title, short_date(offered), "e.g. Friday, in two weeks", check))
    chosen = session.read_day(interview_id, typed, ended).date if typed else None
    return chosen or offered


async def record_thank_you(app: App[Any], session: Session, interview_id: str) -> ThankYou | None:
    """Which way it went out (D20, a discouraged channel said once a session) and when."""
    from ..dialogs.text_prompt import TextPrompt
    from ..dialogs.thank_you import ChannelDialog
    from ..domain.dates import parse_when

    channel = await app.push_screen_wait(ChannelDialog(warned=not session.first_time("text-message-warning", False)))
    if channel is None:
        return None
    if not channel.advisable:
        session.first_time("text-message-warning")

    def when(text: str) -> datetime:
        now = session.now()
        if text.strip().lower() == "now":
            return now
        moment = parse_when(text, now, past=True, field="sent_at", day_first=session.profile.day_first)
        if moment > now:
            raise ValidationError("sent_at", "That is still to come; record a thank-you once it has gone out.")
        return moment

    def check(text: str) -> str:
        when(text)
        return text

    prompt = TextPrompt(
        f"When did the {channel.label.lower()} go out?", "now", "e.g. now, today 9am, yesterday 5pm", check
    )
    typed = await app.push_screen_wait(prompt)
    if typed is None:
        return None
    return session.record_thank_you(interview_id, Channel(channel), when(typed))


async def show_drafts(app: App[Any], session: Session, interview_id: str, first: str) -> None:
    """The voicemail, talking points and email; `e` puts one in the user's own words, then back to them."""
    from ..dialogs.drafts import DRAFT_KEYS, DraftsDialog
    from ..dialogs.template_editor import TemplateEditor
    from ..domain.scripts import draft, render_template
    from ..domain.templates import ScriptKind, template_for

    interview = session.interview(interview_id)
    while True:
        templates, now = session.templates, session.now()
        drafts = {kind: draft(kind, interview, session.profile, now, templates) for kind in DRAFT_KEYS}
        kind = await app.push_screen_wait(DraftsDialog(drafts, first=first))
        if kind is None:
            return
        script = ScriptKind(kind)
        subject = (
            template_for(ScriptKind.THANK_YOU_SUBJECT, templates)[0] if script is ScriptKind.THANK_YOU_EMAIL else None
        )

        def preview(_: str, text: str) -> str:
            return render_template(text, interview, session.profile, session.now())

        changed = await app.push_screen_wait(
            TemplateEditor(script, template_for(script, templates)[0], preview, subject)
        )
        if changed is not None:
            session.save_templates(changed)
            app.notify("Saved your template; the drafts use it from now on.", timeout=4)
        first = kind


async def ask_profile(app: App[Any], session: Session, first_run: bool) -> Profile | None:
    from ..dialogs.profile import ProfileDialog

    if first_run:
        session.set_setting("profile_asked", True)
    profile = await app.push_screen_wait(ProfileDialog(session.profile, first_run=first_run))
    if profile is not None:
        session.save_profile(profile)
        app.notify("Profile saved.", timeout=3)
    return profile


async def edit_references(app: App[Any], session: Session, interview_id: str) -> Interview | None:
    from ..dialogs.references import ReferencesDialog

    references = await app.push_screen_wait(ReferencesDialog(session.interview(interview_id).references))
    return None if references is None else session.set_references(interview_id, references)


async def add_item(app: App[Any], session: Session, interview_id: str) -> Interview | None:
    from ..dialogs.text_prompt import TextPrompt

    check = session.item_check(interview_id)
    label = await app.push_screen_wait(
        TextPrompt("A checklist item of your own", placeholder="e.g. Charge the phone", check=check)
    )
    return session.add_item(interview_id, label) if label else None


async def rename_item(app: App[Any], session: Session, interview_id: str, item_id: str) -> Interview | None:
    from ..dialogs.text_prompt import TextPrompt

    item = next((c for c in session.interview(interview_id).custom_items if c.id == item_id), None)
    if item is None:
        return None
    label = await app.push_screen_wait(
        TextPrompt("Rename the item", item.label, check=session.item_check(interview_id, item_id))
    )
    return session.rename_item(interview_id, item_id, label) if label else None


async def remove_item(app: App[Any], session: Session, interview_id: str, item_id: str) -> Interview | None:
    item = next((c for c in session.interview(interview_id).custom_items if c.id == item_id), None)
    if item is None or not await confirm(app, f"Remove “{escape(item.label)}” from the checklist?", "Remove", "Keep"):
        return None
    return session.remove_item(interview_id, item_id)
