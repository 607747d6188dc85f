"""The domain and the store stand without Textual (STYLE: the boundary is enforced)."""

from __future__ import annotations

import subprocess
import sys

import pytest

CHECK = """
import importlib, pkgutil, sys
import tui.domain, tui.store
for package in (tui.domain, tui.store):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
leaked = sorted(name for name in sys.modules if name == "textual" or name.startswith("textual."))
print(",".join(leaked))
"""


def test_domain_and_store_do_not_import_textual():
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_importing_the_package_touches_no_files(tmp_path):
    """Nothing at import time opens files, makes folders or reads the clock's data dir."""
    code = "import tui.cli, tui.locations, tui.store, tui.domain.models"
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []


#: Each verb as a user starts it, on a small workbook; none should pull in the UI or the date parser.
VERB_RUNS = [
    ["--help"],
    ["locate"],
    ["list"],
    ["list", "--json"],
    ["add", "--company", "Acme", "--role", "Designer", "--phone", "(312) 555-0123"],
    ["log-call", "ID", "--outcome", "voicemail-left", "--decision", "by Friday"],
    ["profile"],
    ["profile", "--name", "Sam Lee"],
    ["script", "ID", "--kind", "voicemail"],
    ["export", "--format", "csv"],
    ["export", "--format", "json"],
    ["export", "--format", "md"],
    ["import", "IN.csv"],
    ["agenda"],
    ["agenda", "--json", "--days", "14"],
    ["stats"],
    ["result", "ID", "offer"],
]

RUN_VERB = """
import os, sys
from tui.cli import main
try:
    status = main(sys.argv[1:])
except SystemExit as exit_:
    status = exit_.code
heavy = sorted(m for m in sys.modules if m == "textual" or m.startswith("textual.") or m == "dateutil.parser")
with open(os.environ["HYGIENE_OUT"], "w") as out:
    out.write(f"{status} {','.join(heavy)}")
"""


def test_the_help_and_every_verb_start_without_textual_or_the_date_parser(tmp_path):
    db = tmp_path / "wb.json"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "FOLLOWUP_NOW": "2026-11-26T10:00:00-05:00"}

    out = tmp_path / "hygiene.txt"

    def run(argv: list[str]) -> tuple[str, str]:
        command = [sys.executable, "-c", RUN_VERB, "--db", str(db), *argv]
        result = subprocess.run(
            command, capture_output=True, text=True, env={**env, "HYGIENE_OUT": str(out)}, timeout=60
        )
        assert result.returncode == 0, result.stderr
        status, _, heavy = out.read_text().partition(" ")
        return status, heavy

    assert run(["add", "--company", "Seed", "--role", "Role"])[0] == "0"
    short = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(db), "list", "--json"], capture_output=True, text=True, env=env
    ).stdout.split('"id": "')[1][:8]
    (tmp_path / "IN.csv").write_text("company,role\nGlobex,Analyst\n", encoding="utf-8")
    for argv in VERB_RUNS:
        argv = [short if arg == "ID" else str(tmp_path / arg) if arg == "IN.csv" else arg for arg in argv]
        status, heavy = run(argv)
        assert status == "0", argv
        assert heavy == "", f"{' '.join(argv)} imported {heavy}"


def test_the_session_imports_no_textual():
    code = (
        "import sys, tui.session, tui.formats.csvfile, tui.formats.jsonfile, tui.formats.mdfile, tui.formats.icsfile\n"
    )
    code += "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


#: Loaded when first used: reading a decision day, a call's scripts, practising, the role-play card,
#: a keymap file, a date typed in the form; the editor (an empty workbook's first frame shows none).
ON_FIRST_USE = (
    "timeline",
    "phrases",
    "scripts",
    "templates",
    "practice",
    "card",
    "tomllib",
    "relativedelta",
    "_text_area",
    "notes_editor",
)


def test_the_app_starts_without_what_it_needs_only_once_a_call_or_a_rehearsal_begins():
    """Not a cost of every start: the first frame needs none of them."""
    code = "import sys, tui.app, tui.cli.run\n"
    code += f"print(','.join(sorted(m for m in sys.modules if m.split('.')[-1] in {ON_FIRST_USE!r})))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


OPENING_ONLY = [
    [],
    ["--demo"],
    ["--db", "wb.json"],
    ["--db=wb.json"],
    ["--db=-wb.json"],
    ["--demo", "--db", "list"],
    ["--db", "a", "--db", "b"],
]
FOR_THE_PARSER = [
    ["list"],
    ["--help"],
    ["--version"],
    ["--db"],
    ["--db", ""],
    ["--db="],
    ["--db", "-x"],
    ["--dem"],
    ["x"],
]


def test_a_start_that_only_opens_the_workbook_reads_its_arguments_as_the_full_parser_does(monkeypatch):
    """Nearly every start is `followup`, `--db PATH` or `--demo`: those open the app without the parser
    of every verb (nor argparse) being built; anything else, help and mistakes included, goes to it."""
    import tui.cli
    import tui.cli.run
    from tui.cli.parser import build_parser

    for argv in OPENING_ONLY:
        parsed = build_parser().parse_args(argv)
        assert tui.cli._only_opening(argv) == (parsed.db, parsed.demo), argv
        assert parsed.verb is None
    for argv in FOR_THE_PARSER:
        assert tui.cli._only_opening(argv) is None, argv

    opened: list[tuple[str | None, bool]] = []
    monkeypatch.setattr(tui.cli.run, "run_app", lambda db, demo, ahead: opened.append((db, demo)) or 0)
    monkeypatch.setattr("tui.cli.parser.build_parser", lambda: pytest.fail("the full parser was built"))
    assert tui.cli.main(["--db", "wb.json", "--demo"]) == 0
    assert opened == [("wb.json", True)]


def test_the_app_starts_with_the_cycle_collector_off_and_turns_it_on_at_its_first_frame(monkeypatch):
    """What a start makes stays: the collector walking it over and over would only delay the first frame."""
    import gc

    import tui.cli
    import tui.cli.run

    collecting: list[bool] = []
    monkeypatch.setattr(tui.cli.run, "run_app", lambda db, demo, ahead: collecting.append(gc.isenabled()) or 0)
    assert tui.cli.main(["--db", "wb.json"]) == 0
    assert collecting == [False]
    assert gc.isenabled()  # on again however the app ended


def test_opening_the_app_loads_no_argument_parser():
    code = "import sys, tui.cli, tui.cli.run\ntui.cli._only_opening(['--db', 'wb.json'])\n"
    code += "print('argparse' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
