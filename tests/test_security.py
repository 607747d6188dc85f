"""Private files and no ways in: the workbook, its backups, lock and rescue files are 0600 whatever
the umask; exports are 0600 unless the user named an existing file; no shell, nothing evaluated."""

from __future__ import annotations

import ast
import contextlib
import os
import stat
import typing
from pathlib import Path

import orjson
import pytest
from test_ui_flows import acme
from ui_support import seed

from tui.cli import main
from tui.store import Workbook
from tui.store.rescue import write_rescue

PACKAGE = Path(__file__).resolve().parent.parent / "tui"


@pytest.fixture
def open_umask():
    """The loosest umask a user might have: only the code's own modes keep files private."""
    old = os.umask(0)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_database_backup_and_lock_are_private(tmp_path, open_umask):
    path = tmp_path / "wb.json"
    seed(path, [acme()])
    with Workbook.open(path, autosave=False):  # a second open takes the .bak; the lock is there while open
        for made in (path, path.with_name("wb.json.bak"), path.with_name("wb.json.lock")):
            assert mode(made) == 0o600, made


def test_the_schema_copy_kept_before_a_migration_is_private(tmp_path, open_umask):
    path = tmp_path / "wb.json"
    seed(path, [acme()])
    data = orjson.loads(path.read_bytes())
    data["meta"] = {"1": {"schema_version": 0}}
    path.write_bytes(orjson.dumps(data))
    with contextlib.suppress(Exception):
        Workbook.open(path, autosave=False).close()
    for kept in tmp_path.glob("wb.json.schema*.bak"):
        assert mode(kept) == 0o600


def test_rescue_files_are_private_and_never_follow_a_planted_link(tmp_path, open_umask):
    first = write_rescue(tmp_path / "wb.json", b"{}")
    assert mode(first) == 0o600
    target = tmp_path / "victim"
    target.write_text("keep")
    second_name = first.name.replace(".rescue-", ".rescue2-", 1)
    (tmp_path / second_name).symlink_to(target)
    second = write_rescue(tmp_path / "wb.json", b"{}")  # same second: the next free name
    assert second != first and not second.is_symlink() and mode(second) == 0o600
    assert target.read_text() == "keep"


@pytest.mark.parametrize("kind", ["csv", "json", "md", "ics"])
def test_exports_are_private_unless_the_user_named_an_existing_file(tmp_path, monkeypatch, open_umask, kind):
    monkeypatch.setenv("FOLLOWUP_NOW", "2026-11-26T10:00:00-05:00")
    db = tmp_path / "wb.json"
    seed(db, [acme()])
    fresh = tmp_path / f"new.{kind}"
    assert main(["--db", str(db), "export", "--format", kind, "-o", str(fresh)]) == 0
    assert mode(fresh) == 0o600
    shared = tmp_path / f"shared.{kind}"
    shared.write_text("old")
    shared.chmod(0o644)
    assert main(["--db", str(db), "export", "--format", kind, "-o", str(shared)]) == 0
    assert mode(shared) == 0o644


def _calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = (
                func.id
                if isinstance(func, ast.Name)
                else f"{getattr(func.value, 'id', '?')}.{func.attr}"
                if isinstance(func, ast.Attribute)
                else ""
            )
            yield node, name


#: The one place code is compiled: the function that makes each stored class from its document, written from
#: the class's own fields (as `dataclasses` writes `__init__`). What it compiles is checked below to hold the
#: fields' places and fixed words alone, so nothing a file or a user wrote can reach it.
COMPILED_FROM_OUR_OWN_CLASSES = {("makers.py", "exec"), ("makers.py", "compile")}


def test_no_user_text_reaches_a_shell_and_nothing_is_evaluated():
    """Source scan: a shell, eval/exec or pickle anywhere in the package fails this test (the code written
    from the stored classes' own fields aside, checked by the test after this one)."""
    banned = {
        "eval",
        "exec",
        "compile",
        "os.system",
        "os.popen",
        "pickle.loads",
        "pickle.load",
        "yaml.load",
        "subprocess.getoutput",
        "subprocess.getstatusoutput",
    }
    found = []
    for source in PACKAGE.rglob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node, name in _calls(tree):
            if name in banned and (source.name, name) not in COMPILED_FROM_OUR_OWN_CLASSES:
                found.append(f"{source.name}:{node.lineno} {name}")
            for keyword in node.keywords:
                if keyword.arg == "shell" and not (
                    isinstance(keyword.value, ast.Constant) and keyword.value.value is False
                ):
                    found.append(f"{source.name}:{node.lineno} shell=")
            if name.startswith("subprocess.") and node.args and not isinstance(node.args[0], (ast.List, ast.Tuple)):
                found.append(f"{source.name}:{node.lineno} {name} without an argument list")
    assert not found, found


def test_the_code_compiled_to_read_records_holds_no_text_but_the_fields_places():
    """No string, no name of a field, no value: what `makers` compiles is made of the fields' places and
    fixed words, whatever the records hold, for every class the workbook stores."""
    import dataclasses
    import re

    from tui.domain import documents, makers
    from tui.store.checking import KINDS

    words = {"def", "make", "doc", "if", "type", "is", "not", "dict", "return", "slowly", "cls", "try"}
    words |= {"except", "KeyError", "pick", "or", "None", "else", "ValidationError"}
    classes = set(KINDS)
    while classes:  # the stored classes, and the classes of their fields (an interviewer, a reference)
        cls = classes.pop()
        plan = documents._PLANS.get(cls) or documents._plan(cls)
        code = makers.maker_source(plan, documents._REQUIRED)
        assert not set(code) & set("\"'\\#"), code
        assert set(re.findall(r"[A-Za-z_]+[0-9]*", code)) - words <= {
            f"{kind}{index}" for kind in "vtcd" for index in range(len(plan.names))
        }, code
        for field in dataclasses.fields(cls):
            hint = typing.get_type_hints(cls)[field.name]
            classes |= {arg for arg in (hint, *typing.get_args(hint)) if dataclasses.is_dataclass(arg)}


def test_the_scan_catches_a_shell(tmp_path):
    """The scan above can fail: it flags a planted shell call."""
    tree = ast.parse("import subprocess\nsubprocess.run(f'open {path}', shell=True)\neval(x)\n")
    names = [name for _, name in _calls(tree)]
    assert "eval" in names and "subprocess.run" in names
    assert any(k.arg == "shell" for node, _ in _calls(tree) for k in node.keywords)
