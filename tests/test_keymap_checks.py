"""Every keymap value is checked against Textual's own key names; a bad one is explained (with the
spelling meant, when there is one), and no keymap leaves the app without a key to quit or for help."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from ui_support import FIXED_NOW, running, seed, settle

from tui.app import binding_classes
from tui.domain.models import Interview
from tui.keymap import read_keymap
from tui.locations import keymap_path


def keymap_of(tmp_path: Path, text: str):
    path = tmp_path / "keymap.toml"
    path.write_text("[keys]\n" + text, encoding="utf-8")
    return read_keymap(path, binding_classes())


@pytest.mark.parametrize(
    "value, says",
    [
        ("not a key!!", "'not a key!!' is not a key; write one such as"),
        ("ctrl-q", "did you mean 'ctrl+q'?"),
        ("Ctrl+K", "did you mean 'ctrl+k'?"),
        ("ctrl+", "is not a key"),
        ("hyperdrive+k", "is not a key"),
        ("f5,fx", "'fx' is not a key"),
    ],
)
def test_a_value_that_is_no_key_is_explained_and_not_used(tmp_path, value, says):
    found = keymap_of(tmp_path, f'start-call = "{value}"\n')
    assert "start-call" not in found.keys
    assert any(says in problem and problem.startswith("'start-call'") for problem in found.problems), found.problems


@pytest.mark.parametrize(
    "value, kept",
    [("ctrl+k", "ctrl+k"), ("f6", "f6"), ("?", "question_mark"), ("ctrl+?", "ctrl+question_mark"), ("K", "K")],
)
def test_keys_textual_names_are_taken_in_its_own_spelling(tmp_path, value, kept):
    found = keymap_of(tmp_path, f'start-call = "{value}"\n')
    assert found.keys == {"start-call": kept}
    assert not [p for p in found.problems if "is not a key" in p]


def test_a_keymap_that_would_leave_no_key_to_quit_or_for_help_is_not_used_for_those_lines(tmp_path):
    found = keymap_of(tmp_path, 'add = "q"\nedit = "ctrl+q"\nfilter = "question_mark,f1"\nprofile = "x"\n')
    assert found.keys.get("profile") == "x"
    assert "add" not in found.keys and "edit" not in found.keys and "filter" not in found.keys
    said = "\n".join(found.problems)
    assert "it would leave no key to quit" in said and "it would leave no key to help" in said


def test_moving_quit_itself_is_fine_while_a_key_is_left(tmp_path):
    found = keymap_of(tmp_path, 'quit = "ctrl+k"\n')
    assert found.keys == {"quit": "ctrl+k"} and not found.problems


async def test_the_app_still_quits_with_q_when_a_keymap_tries_to_take_every_quit_key(db):
    seed(db, [Interview(company="Acme", role="Designer", interviewed_at=FIXED_NOW - timedelta(days=1))])
    path = keymap_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[keys]\nadd = "q"\nedit = "ctrl+q"\n', encoding="utf-8")
    async with running(db) as pilot:
        shown = "\n".join(n.message for n in pilot.app._notifications)
        assert "would leave no key to quit" in shown
        await pilot.press("q")
        await settle(pilot)
        assert pilot.app.return_code is not None or not pilot.app.is_running


async def test_hints_in_the_app_name_the_keys_as_the_user_moved_them(db):
    from tui.screens.rows import build_row, history
    from tui.widgets.checklist import describe

    interview = Interview(company="Acme", role="Designer", interviewed_at=FIXED_NOW - timedelta(days=1))
    seed(db, [interview])
    path = keymap_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[keys]\nstart-call = "f6"\nqualifications = "ctrl+j"\nrestore = "ctrl+u"\n', encoding="utf-8")
    async with running(db) as pilot:
        lines = "\n".join(line for line, _ in history([], [], FIXED_NOW))
        assert "Press f6 to start one." in lines and "Press t once" in lines
        assert "(^j to edit)" in describe("D4", interview)
        interview.archived = True
        assert build_row(interview, None, FIXED_NOW).next_step == "Archived (^u restores)"
        await settle(pilot)
