"""Second instance, damaged file, newer schema, end to end through `followup` in a real terminal:
the app never starts, the message names the file, the status is 1 and the file is unchanged."""

from __future__ import annotations

import orjson
import pytest
from terminal_support import needs_tmux, tmux  # noqa: F401  (tmux is a fixture)
from test_ui_flows import acme
from ui_support import seed

from tui.store import Workbook


@needs_tmux
@pytest.mark.parametrize("case", ["second instance", "damaged", "newer schema"])
def test_followup_refuses_in_a_real_terminal(tmp_path, tmux, case):  # noqa: F811
    path = tmp_path / "my workbook.json"
    seed(path, [acme()])
    holder = None
    if case == "second instance":
        holder = Workbook.open(path, autosave=False)
        expected = "already open in another followup"
    elif case == "damaged":
        path.write_bytes(path.read_bytes()[:40])
        expected = "is not complete JSON"
    else:
        data = orjson.loads(path.read_bytes())
        data["meta"] = {"1": {"schema_version": 99}}
        path.write_bytes(orjson.dumps(data))
        expected = "newer followup"
    before = path.read_bytes()
    name = f"open-{case.replace(' ', '-')}"
    try:
        tmux.start_shell(name, ["--db", str(path)])
        screen = tmux.wait_for(name, "[exit status")
    finally:
        if holder is not None:
            holder.close()
        tmux.kill_session(name)
    assert "[exit status 1]" in screen
    assert str(path) in screen and expected in screen
    assert "Interviews" not in screen, "the app started"
    assert path.read_bytes() == before
