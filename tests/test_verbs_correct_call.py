"""`followup calls`, `correct-call` and `delete-call`: the call record put right from the shell, by the
same session functions as the app; the next step follows the corrected record."""

from __future__ import annotations

from verbs_support import followup, seed

from tui.session import Session
from tui.store import Workbook


def _logged(db) -> tuple[str, str]:
    """Log a missed call on the interview that is due; return (interview id, call id)."""
    listed = followup(db, "list", "--json").stdout
    interview = listed.split('"id": "')[1][:8]
    logged = followup(db, "log-call", interview, "--outcome", "no-answer", "--minutes", "1")
    assert logged.returncode == 0, logged.stderr
    call = logged.stdout.split("the call is ")[1][:8]
    return interview, call


def test_calls_lists_the_attempts_with_their_ids(tmp_path):
    db = tmp_path / "wb.json"
    seed(db)
    interview, call = _logged(db)
    shown = followup(db, "calls", interview)
    assert shown.returncode == 0
    assert call in shown.stdout and "No answer, no message" in shown.stdout


def test_correct_call_changes_the_outcome_and_the_next_step_follows(tmp_path):
    db = tmp_path / "wb.json"
    seed(db)
    interview, call = _logged(db)
    assert "Call, leave a message" in followup(db, "list").stdout
    fixed = followup(db, "correct-call", call, "--outcome", "voicemail-left", "--minutes", "2", "--notes", "left word")
    assert fixed.returncode == 0, fixed.stderr
    assert "Voicemail left" in fixed.stdout and "Next: Wait" in fixed.stdout
    with Workbook.open(db, autosave=False) as book:
        session = Session(book).load()
        (corrected,) = [c for c in session.calls_for(session.find(interview).id) if c.id.startswith(call)]
        assert corrected.outcome.value == "voicemail_left" and corrected.notes == "left word"
        assert corrected.duration_seconds == 120


def test_correct_call_refuses_bad_input_and_writes_nothing(tmp_path):
    db = tmp_path / "wb.json"
    seed(db)
    _, call = _logged(db)
    before = db.read_bytes()
    for argv, said in (
        (["correct-call", call, "--outcome", "teleported"], "“teleported” is not an outcome"),
        (["correct-call", call, "--minutes", "-3"], "--minutes: -3 minutes is not a call length"),
        (["correct-call", "zzzz"], "No call has an id starting with “zzzz”"),
    ):
        result = followup(db, *argv)
        assert result.returncode == 2 and said in result.stderr, result.stderr
    assert db.read_bytes() == before


def test_delete_call_asks_unless_yes_and_then_the_call_is_gone(tmp_path):
    db = tmp_path / "wb.json"
    seed(db)
    interview, call = _logged(db)
    refused = followup(db, "delete-call", call)  # no terminal to ask at
    assert refused.returncode == 2 and "--yes" in refused.stderr
    done = followup(db, "delete-call", call, "--yes")
    assert done.returncode == 0 and "Deleted" in done.stdout
    assert call not in followup(db, "calls", interview).stdout
