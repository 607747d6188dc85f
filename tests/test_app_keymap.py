"""Keys the user moved in keymap.toml, and the theme the user chose: both kept across starts."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest
from ui_support import FIXED_NOW, running, seed, settle, stored

from tui.domain.models import Interview, Interviewer
from tui.locations import keymap_path, preferences_path
from tui.screens.help import key_groups
from tui.screens.main import MainScreen


def acme() -> Interview:
    return Interview(
        company="Acme",
        role="Product Designer",
        interviewed_at=FIXED_NOW - timedelta(days=1),
        interviewer=Interviewer(name="Dana Reyes", phone="+12025550123"),
    )


def write_keymap(text: str) -> Path:
    path = keymap_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def messages(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_a_remapped_start_call_key_starts_the_call_and_the_old_key_does_not(db):
    seed(db, [acme()])
    write_keymap('[keys]\nstart_call = "ctrl+k"\n')
    async with running(db) as pilot:
        main = pilot.app.main
        await pilot.press("c")
        await settle(pilot)
        assert not main.in_call
        await pilot.press("ctrl+k")
        await settle(pilot)
        assert main.in_call
        assert not any("Keymap" in message or "keymap" in message for message in messages(pilot.app))
        call_keys = {what: keys for keys, what, _why in dict(key_groups(pilot.app))["Call"]}
        assert call_keys["Call"] == "^k"  # help shows the key the user chose


@pytest.mark.parametrize(
    "text, says",
    [
        ("[keys\nstart_call = ", "not valid TOML"),
        ('start_call = "ctrl+k"\n', "no [keys] table"),
        ('[keys]\nlaunch_rocket = "ctrl+k"\n', "'launch_rocket' names no action"),
        ("[keys]\nstart_call = 5\n", "'start_call' needs a key"),
    ],
)
async def test_a_bad_keymap_is_explained_and_the_app_runs_with_the_usual_keys(db, text, says):
    seed(db, [acme()])
    write_keymap(text)
    async with running(db) as pilot:
        assert isinstance(pilot.app.screen, MainScreen)
        shown = "\n".join(messages(pilot.app))
        assert says in shown and str(keymap_path()) in shown
        await pilot.press("c")
        await settle(pilot)
        assert pilot.app.main.in_call


async def test_a_good_line_still_applies_beside_a_bad_one(db):
    seed(db, [acme()])
    write_keymap('[keys]\nstart-call = "f5"\nnonsense = "x"\n')
    async with running(db) as pilot:
        assert "The rest of the file is in use" in "\n".join(messages(pilot.app))
        await pilot.press("f5")
        await settle(pilot)
        assert pilot.app.main.in_call


async def test_the_theme_chosen_is_stored_and_applied_on_the_next_start(db):
    seed(db, [acme()])
    async with running(db) as pilot:
        assert pilot.app.theme != "nord"
        await pilot.press("ctrl+p")
        await settle(pilot)
        for typed in ("theme", "nord"):  # the palette's "Theme", then the theme picker by name
            for char in typed:
                await pilot.press(char)
            await pilot.pause(0.3)
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
        assert pilot.app.theme == "nord"
    assert json.loads(preferences_path().read_text())["theme"] == "nord"
    assert "theme" not in (stored(db).get("settings") or [{}])[0]  # the user's, not the workbook's
    async with running(db) as pilot:
        assert pilot.app.theme == "nord"
    other = db.with_name("other.json")  # a second workbook (or the demo) looks the same
    seed(other, [acme()])
    async with running(other) as pilot:
        assert pilot.app.theme == "nord"


async def test_the_theme_chosen_is_in_place_before_the_first_styles_are_worked_out(db, monkeypatch):
    """Set once the app was mounted, a theme had every style worked out again, and applied to every widget,
    before the first frame."""
    from textual.color import Color
    from textual.css.stylesheet import Stylesheet

    from tui.preferences import save_preference

    seed(db, [acme()])
    save_preference(preferences_path(), "theme", "nord")
    worked_out_again = []
    reparse = Stylesheet.reparse
    monkeypatch.setattr(Stylesheet, "reparse", lambda sheet: (worked_out_again.append(sheet), reparse(sheet))[1])
    async with running(db) as pilot:
        assert pilot.app.theme == "nord"
        assert pilot.app.screen.styles.background == Color.parse(pilot.app.get_theme("nord").background)
    assert worked_out_again == []


async def test_a_theme_an_older_workbook_remembered_is_still_used(db):
    seed(db, [acme()])
    from tui.store import Workbook

    book = Workbook.open(db, autosave=False)
    book.set_setting("theme", "nord")
    book.close()
    async with running(db) as pilot:
        assert pilot.app.theme == "nord"
    assert not preferences_path().exists()  # used, not made every workbook's choice


async def test_an_unknown_stored_theme_falls_back_quietly(db):
    seed(db, [acme()])
    from tui.store import Workbook

    book = Workbook.open(db, autosave=False)
    book.set_setting("theme", "no-such-theme")
    book.close()
    async with running(db) as pilot:
        assert pilot.app.theme == "textual-dark"
        assert isinstance(pilot.app.screen, MainScreen)


async def test_a_key_taken_from_another_action_is_named(db):
    seed(db, [acme()])
    write_keymap('[keys]\nstart-call = "e"\n')
    async with running(db) as pilot:
        assert "start-call takes 'e' from edit" in "\n".join(messages(pilot.app))
        await pilot.press("e")
        await settle(pilot)
        assert pilot.app.main.in_call  # the user's choice wins; edit lost its key, and they were told


def test_every_binding_of_the_app_has_an_id_a_keymap_can_name():
    from textual.binding import Binding

    from tui.app import binding_classes

    classes = list(binding_classes())
    assert {cls.__name__ for cls in classes} >= {
        "FollowupApp",
        "MainScreen",
        "Checklist",
        "InterviewList",
        "HelpScreen",
    }
    missing = [
        f"{cls.__name__}: {binding.key}"
        for cls in classes
        for binding in Binding.make_bindings(cls.__dict__["BINDINGS"])
        if not binding.id
    ]
    assert missing == []


@pytest.mark.parametrize(
    "keys, shown",
    [
        ('add = "ctrl+n"\nprofile = "ctrl+y"', ["Press ^n to add the interview you just had", "under ^y"]),
        ('add = "left_square_bracket"', ["Press [ to add the interview you just had"]),  # not read as markup
    ],
    ids=["moved", "reads-as-markup"],
)
async def test_the_welcome_names_the_keys_as_the_user_has_them(db, keys, shown):
    seed(db, [])
    write_keymap(f"[keys]\n{keys}\n")
    async with running(db) as pilot:
        welcome = str(pilot.app.screen.query_one("#welcome").render())
        assert all(words in welcome for words in shown), welcome
        await pilot.press(keys.split('"')[1])  # the key it names adds an interview
        await settle(pilot)
        assert "Add an interview" in str(pilot.app.screen.query_one(".dialog-title").render())
