"""The smaller holes: a file made read-only is respected, `--db ''` is refused, a key written twice
is refused rather than hiding a record, an export never lands on the workbook's own files, CR-only
and non-UTF-8 csv get plain messages, and the lock file is there only while the workbook is open."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import orjson
import pytest
from terminal_support import needs_tmux, tmux, wait_gone  # noqa: F401  (tmux is a fixture)
from test_faults_disk import until
from test_ui_flows import acme
from ui_support import running, seed, stored
from verbs_support import REPO, followup

from tui.widgets.save_warning import SaveWarning


def test_a_workbook_made_read_only_is_not_written_and_the_verb_says_why(tmp_path):
    path = tmp_path / "wb.json"
    seed(path, [acme()])
    path.chmod(0o400)
    before = path.read_bytes()
    for args in (["add", "--company", "Borealis", "--role", "Researcher"], ["profile", "--name", "Sam"]):
        done = followup(path, *args)
        assert done.returncode == 1, done.stderr
        assert f"cannot write {path}: its permissions let no one write it (chmod u+w makes it writable)" in done.stderr
    assert followup(path, "list").returncode == 0
    assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o400


async def test_the_app_opens_a_read_only_workbook_read_only_and_says_so(tmp_path):
    path = tmp_path / "wb.json"
    seed(path, [acme()])
    path.chmod(0o400)
    before = path.read_bytes()
    async with running(path) as pilot:
        warning = pilot.app.screen.query_one(SaveWarning)
        await until(pilot, lambda: warning.display, "the banner shown")
        assert "open read-only: its permissions let no one write it" in warning.problem
        assert pilot.app.workbook.read_only
    assert path.read_bytes() == before


@pytest.mark.parametrize("verb", [["locate"], ["list"], ["add", "--company", "A", "--role", "B"], []])
def test_an_empty_db_name_is_refused_not_taken_for_the_usual_workbook(tmp_path, verb):
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data"), "FOLLOWUP_NOW": "2026-11-26T10:00"}
    env.pop("FOLLOWUP_DB", None)
    done = subprocess.run(
        [sys.executable, "-m", "tui", "--db", "", *verb],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "--db: the file name is empty" in done.stderr and "Traceback" not in done.stderr
    assert not (home / "data").exists(), "the usual workbook was used"


def test_a_key_written_twice_in_the_file_is_refused_instead_of_hiding_a_record(tmp_path):
    path = tmp_path / "wb.json"
    first = json.dumps({"company": "Acme", "role": "Designer", "id": "aaaa1111"})
    second = json.dumps({"company": "Borealis", "role": "Researcher", "id": "bbbb2222"})
    content = '{"meta": {"1": {"schema_version": 1}}, "interviews": {"1": ' + first + ', "1": ' + second + "}}"
    path.write_text(content)
    done = followup(path, "list")
    assert done.returncode == 1
    assert "the key “1” appears twice in one table or record, so one of them would be lost" in done.stderr
    assert path.read_text() == content


def test_a_key_written_twice_in_an_import_is_refused_by_line(tmp_path):
    source = tmp_path / "in.json"
    source.write_text(
        '{"format": "followup-workbook", "version": 1, "interviews": [\n'
        '{"id": "a1", "company": "Acme", "role": "Designer"},\n'
        '{"id": "b2", "company": "Borealis", "company": "Cobalt", "role": "Researcher"}\n]}'
    )
    done = followup(tmp_path / "wb.json", "import", str(source), "--apply")
    assert done.returncode == 2
    assert f"{source} line 3: the record has “company” twice" in done.stderr


@pytest.mark.parametrize("name", ["wb.json.bak", "wb.json.lock", ".wb.json.tmp", "wb.json.schema0.bak", "wb.json"])
def test_an_export_never_lands_on_the_workbooks_own_files(tmp_path, name):
    path = tmp_path / "wb.json"
    seed(path, [acme()])
    followup(path, "list")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    done = followup(path, "export", "--format", "json", "-o", str(tmp_path / name))
    assert done.returncode == 2 and "-o:" in done.stderr and "name another file" in done.stderr
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_a_csv_with_old_mac_line_endings_imports(tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes(b"company,role,interviewer\rAcme,Designer,Dana\rBorealis,Researcher,Lee\r")
    done = followup(tmp_path / "wb.json", "import", str(source), "--apply")
    assert done.returncode == 0, done.stderr
    assert sorted(i["company"] for i in stored(tmp_path / "wb.json")["interviews"]) == ["Acme", "Borealis"]


def test_a_csv_that_is_not_utf_8_is_bad_input_named_by_line(tmp_path):
    source = tmp_path / "in.csv"
    source.write_bytes(b"company,role\r\nAcme,Designer\r\nCaf\xe9,Barista\r\n")
    done = followup(tmp_path / "wb.json", "import", str(source))
    assert done.returncode == 2
    assert f"{source} line 3: not UTF-8 text; save the file as UTF-8 and import again." in done.stderr


def test_the_lock_file_is_gone_when_a_verb_ends(tmp_path):
    path = tmp_path / "wb.json"
    for args in (["add", "--company", "A", "--role", "B"], ["profile", "--name", "Sam"]):
        assert followup(path, *args).returncode == 0
        assert not path.with_name("wb.json.lock").exists()
    refused = followup(path, "add", "--company", "", "--role", "B")
    assert refused.returncode == 2 and not path.with_name("wb.json.lock").exists()


@needs_tmux
def test_the_lock_file_is_there_while_the_app_runs_and_gone_after(tmp_path, tmux):  # noqa: F811
    path = tmp_path / "wb.json"
    seed(path, [acme()])
    lock = path.with_name("wb.json.lock")
    pid = tmux.start("lock", ["--db", str(path)])
    try:
        tmux.wait_for("lock", "Interviews")
        assert lock.exists()
        tmux.key("lock", "C-q")
        assert wait_gone(pid)
    finally:
        tmux.kill_session("lock")
    assert not lock.exists()
    assert orjson.loads(path.read_bytes())["interviews"]
