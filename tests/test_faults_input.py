"""Bad input on the command line and in imported files: each a clear message, exit 2, nothing written,
never a traceback. Real `followup` processes."""

from __future__ import annotations

import json
import subprocess

import pytest
from verbs_support import followup_raw

HUGE = "9" * 25  # far above 64 bits


def run(tmp_path, *args: str | bytes, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return followup_raw("--db", tmp_path / "wb.json", *args, stdin=stdin)


def source(tmp_path, name: str, content: str | bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return str(path)


def export_json(**top) -> str:
    document = {"format": "followup-workbook", "version": 1, "interviews": [], **top}
    return json.dumps(document)


ONE = {"id": "i1", "company": "Acme", "role": "Designer"}

#: case -> (arguments, what goes to stdin, what the message says). Files are written by `source`.
CASES = {
    "add --round above 64 bits": (
        ["add", "--company", "A", "--role", "B", "--round", HUGE],
        None,
        "--round: The round",
    ),
    "csv round above 64 bits": (["import", ("r.csv", f"company,role,round\nA,B,{HUGE}\n")], None, "line 2: round:"),
    "json round above 64 bits": (
        ["import", ("r.json", export_json(interviews=[{**ONE, "round": int(HUGE)}]))],
        None,
        "interview round: The round is a whole number",
    ),
    "add --notes - not UTF-8": (
        ["add", "--company", "A", "--role", "B", "--notes", "-"],
        b"caf\xe9 au lait",
        "--notes: Standard input is not UTF-8 text",
    ),
    "add --company not UTF-8": (["add", "--company", b"Caf\xe9", "--role", "B"], None, "--company: Contains bytes"),
    "json version text": (["import", ("v.json", export_json(version="abc"))], None, 'its “version” is "abc"'),
    "json version a list": (["import", ("v.json", export_json(version=[2]))], None, "its “version” is [2]"),
    "json version null": (["import", ("v.json", export_json(version=None))], None, "its “version” is null"),
    "json version a fraction": (["import", ("v.json", export_json(version=1.5))], None, "its “version” is 1.5"),
    "json nested deeply": (
        ["import", ("d.json", export_json()[:-1] + ', "settings": ' + "[" * 100_000 + "]" * 100_000 + "}")],
        None,
        "nested far deeper than an export is",
    ),
    "json records nested deeply": (
        [
            "import",
            (
                "d.json",
                '{"format": "followup-workbook", "version": 1, "interviews": [' + "[" * 5000 + "]" * 5000 + "]}",
            ),
        ],
        None,
        "nested far deeper than an export is",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_gets_a_clear_message_and_exit_2(tmp_path, case):
    args, stdin, says = CASES[case]
    argv = [source(tmp_path, *arg) if isinstance(arg, tuple) else arg for arg in args]
    done = run(tmp_path, *argv, stdin=stdin)
    assert done.returncode == 2, done.stdout + done.stderr
    assert says in done.stderr, done.stderr
    assert "Traceback" not in done.stderr and "Error:" not in done.stderr
    workbook = tmp_path / "wb.json"
    assert not workbook.exists() or b'"company"' not in workbook.read_bytes(), "something was written"


def test_log_call_notes_that_are_not_utf_8_are_refused(tmp_path):
    added = run(tmp_path, "add", "--company", "Acme", "--role", "Designer")
    before = (tmp_path / "wb.json").read_bytes()
    done = run(tmp_path, "log-call", added.stdout.strip(), "--outcome", "spoke", "--notes", "-", stdin=b"\xff\xfe")
    assert done.returncode == 2 and "--notes: Standard input is not UTF-8 text" in done.stderr
    assert "Traceback" not in done.stderr
    assert (tmp_path / "wb.json").read_bytes() == before
