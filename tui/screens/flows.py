"""The dialogs a user goes through, each sequence one coroutine read top to bottom.

The main screen runs each as a worker (`push_screen_wait` needs one); each asks, then calls one
session intent, and returns what the screen should show.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime
from typing import Any

from rich.markup import escape
from textual.app import App

from ..domain.errors import ValidationError
from ..domain.models import Channel, Interview, Outcome, Profile
from ..domain.recording import Recorded
from ..keymap import hint
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
    if original is not None:
        return session.update_interview(interview)
    app.notify(f"Added {escape(interview.title)}.", timeout=3)
    return session.add_interview(interview)


async def archive(app: App[Any], session: Session, interview_id: str) -> Interview | None:
    """Out of the list after asking; nothing is deleted."""
    title = escape(session.interview(interview_id).title)
    question = f"Archive {title}?\nIt leaves the list; nothing is deleted, and u brings it back."
    if not await confirm(app, question, "Archive", "Keep"):
        return None
    shown, back = hint("toggle-archived", "v"), hint("restore", "u")
    app.notify(f"Archived {title}. {shown} shows archived interviews; {back} restores.", timeout=5)
    return session.archive(interview_id)


async def end_call(app: App[Any], session: Session, ended: datetime) -> Recorded | None:
    """How did it go (D18); after a conversation, when they expect to decide (D17). None: back to the call."""
    from ..dialogs.outcome import OutcomeDialog

    call = session.active_call
    if call is None:
        return None
    outcome = await app.push_screen_wait(OutcomeDialog())
    if outcome is None:
        return None
    decision, follow_up_on = (
        await _decision(app, session, call.interview_id, ended) if outcome is Outcome.SPOKE else ("", None)
    )
    return session.end_call(call.id, ended, outcome, decision, follow_up_on)


async def _decision(app: App[Any], session: Session, interview_id: str, ended: datetime) -> tuple[str, date | None]:
    """D17: when they expect to decide, read as a day or kept as typed ("" when they did not say);
    words that are not a day bring the question of which day to follow up (D19)."""
    from ..dialogs.decision import DecisionDialog

    def preview(text: str) -> str:
        return escape(session.read_day(interview_id, text, ended).describe())

    decision = await app.push_screen_wait(DecisionDialog(preview)) or ""
    if decision and not session.read_day(interview_id, decision, ended).ok:
        return decision, await ask_follow_up(app, session, interview_id, decision, ended)
    return decision, None


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


async def record_thank_you(app: App[Any], session: Session, interview_id: str) -> Interview | None:
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
    session.record_thank_you(interview_id, Channel(channel), when(typed))
    app.notify(f"Recorded: thank-you by {escape(channel.label.lower())}.", timeout=4)
    return session.interview(interview_id)


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


async def ask_profile(app: App[Any], session: Session, first_run: bool = False) -> Profile | None:
    from ..dialogs.profile import ProfileDialog

    if first_run:
        session.set_setting("profile_asked", True)
    profile = await app.push_screen_wait(ProfileDialog(session.profile, first_run=first_run))
    if profile is not None:
        session.save_profile(profile)
        app.notify("Profile saved.", timeout=3)
    return profile


async def edit_references(app: App[Any], session: Session, interview_id: str, _: str = "") -> Interview | None:
    from ..dialogs.references import ReferencesDialog

    references = await app.push_screen_wait(ReferencesDialog(session.interview(interview_id).references))
    return None if references is None else session.set_references(interview_id, references)


async def add_item(app: App[Any], session: Session, interview_id: str, _: str = "") -> Interview | None:
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


async def correct_call(app: App[Any], session: Session, call_id: str, delete: bool = False) -> Interview | None:
    """Change a logged call's outcome, length, notes or decision; or delete it, after asking."""
    from ..dialogs.correct_call import CallCorrection, CorrectCallDialog
    from ..session.corrections import correct_call as correct
    from ..session.corrections import delete_call

    call = session.call(call_id)
    local = call.started_at.astimezone(session.now().tzinfo)
    when = f"{local:%a} {local.day} {local:%b}, {local.hour}:{local:%M}"
    change = CallCorrection(delete=True) if delete else await app.push_screen_wait(CorrectCallDialog(call, when))
    if change is None:
        return None
    if change.delete:
        question = f"Delete the call of {when}?\nIt goes for good; the next step is worked out without it."
        if not await confirm(app, question, "Delete", "Keep"):
            return None
        delete_call(session, call_id)
        app.notify(f"Deleted the call of {when}.", timeout=4)
    else:
        correct(
            session,
            call_id,
            outcome=change.outcome,
            minutes=change.minutes,
            notes=change.notes,
            decision=change.decision,
        )
        app.notify(f"Corrected the call of {when}.", timeout=4)
    return session.interview(call.interview_id)


async def interrupted_call(app: App[Any], session: Session) -> str | None:
    """Once, on opening: a call cut off by a crash or a closed terminal. Returns its id if the call carries on."""
    from ..session.corrections import interrupted_call as find_interrupted

    call = find_interrupted(session)
    if call is None:
        return None  # nearly every start: the dialog and what it needs are not loaded
    from ..dialogs.interrupted import RESUME, InterruptedCallDialog
    from ..domain.dates import humanize_since
    from ..session.corrections import asked_about
    from ..session.corrections import correct_call as correct

    interview = session.interview(call.interview_id)
    who = interview.interviewer.name or "the interviewer"
    question = f"Your call with {who} ({interview.title}) was cut off; it began {humanize_since(call.started_at, session.now())}."
    choice = await app.push_screen_wait(InterruptedCallDialog(escape(question)))
    if choice == RESUME:  # carried on: if it is cut off again, that is a new question
        return session.resume_call(call.id).id
    asked_about(session, call.id)
    if choice in {outcome.value for outcome in Outcome}:
        outcome = Outcome(choice)
        decision, follow_up_on = ("", None)
        if outcome is Outcome.SPOKE:
            decision, follow_up_on = await _decision(app, session, call.interview_id, call.started_at)
        correct(session, call.id, outcome=outcome, decision=decision, follow_up_on=follow_up_on)
        app.notify(f"Recorded: {outcome.label}.", timeout=4)
    return None


#: The checklist's dialogs, by what the checklist asked for.
CHECKLIST_FLOWS: dict[str, Callable[[App[Any], Session, str, str], Awaitable[Interview | None]]] = {
    "references": edit_references,
    "add_item": add_item,
    "rename_item": rename_item,
    "remove_item": remove_item,
}
