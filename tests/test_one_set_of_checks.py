"""One set of checks: the same bad value gets the same message wherever it is typed or read.

Each row is fed to the interview form, to `add`, to a csv import and to a json import; the message
every one of them shows is the one the domain's checks give for that field, word for word, and
nothing is saved."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path
from typing import Any

import orjson
import pytest
from test_faults_values import export_of
from test_ui_flows import fill
from ui_support import FIXED_NOW, running, seed, stored
from verbs_support import followup

from tui.domain.fields import FieldProblems, interview_from_text
from tui.widgets.field_error import FieldError

#: field (the form's name) -> (`add` flag, csv column, where the value goes in a json interview)
ENTRY = {
    "company": ("--company", "company", ("company",)),
    "role": ("--role", "role", ("role",)),
    "interviewer_name": ("--interviewer", "interviewer", ("interviewer", "name")),
    "interviewer_title": ("--title", "interviewer_title", ("interviewer", "title")),
    "interviewer_email": ("--email", "interviewer_email", ("interviewer", "email")),
    "interviewer_tz": ("--tz", "interviewer_tz", ("interviewer_tz",)),
    "round": ("--round", "round", ("round",)),
}

#: (field, the bad value)
BAD = [
    ("company", "Evil\x1b[2J"),
    ("company", "   "),
    ("role", "Designer\x07"),
    ("interviewer_name", "Dana\u202eReyes"),
    ("interviewer_title", "Head\nof design"),
    ("interviewer_email", "dana-at-acme"),
    ("interviewer_tz", "Mars/Olympus"),
    ("round", "0"),
]
IDS = [f"{field}-{i}" for i, (field, _) in enumerate(BAD)]


def message_for(field: str, value: str, now: datetime = FIXED_NOW) -> str:
    """What the domain's checks say about this value in this field."""
    typed = {"company": "Acme", "role": "Designer", field: value}
    with pytest.raises(FieldProblems) as refused:
        interview_from_text(typed, now)
    return refused.value.problems[field]


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize(("field", "value"), BAD, ids=IDS)
async def test_the_form_shows_the_message_under_the_field(db, field, value):
    expected = message_for(field, value)
    seed(db, [])
    before = db.read_bytes()
    async with running(db) as pilot:
        await pilot.press("a")
        await pilot.pause()
        for name, text in (("company", "Acme"), ("role", "Designer"), (field, value)):
            await fill(pilot, f"#f-{name}", text)
        await pilot.press("ctrl+s")
        await pilot.pause()
        shown = str(pilot.app.screen.query_one(f"#f-{field}-error", FieldError).render())
    assert one_line(expected) in one_line(shown)
    assert db.read_bytes() == before


@pytest.mark.parametrize(("field", "value"), BAD, ids=IDS)
def test_add_says_the_same(tmp_path, field, value):
    flag = ENTRY[field][0]
    values = {"--company": "Acme", "--role": "Designer", flag: value}
    path = tmp_path / "wb.json"
    done = followup(path, "add", *(part for pair in values.items() for part in pair))
    assert done.returncode == 2
    assert one_line(message_for(field, value)) in one_line(done.stderr)
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(("field", "value"), BAD, ids=IDS)
def test_a_csv_import_says_the_same_on_the_row(tmp_path, field, value):
    column = ENTRY[field][1]
    row = {"company": "Acme", "role": "Designer", column: value}
    sheet = io.StringIO()
    writer = csv.DictWriter(sheet, fieldnames=list(row))
    writer.writeheader()
    writer.writerow(row)
    source = tmp_path / "in.csv"
    source.write_text(sheet.getvalue(), encoding="utf-8")
    path = tmp_path / "wb.json"
    done = followup(path, "import", str(source))
    assert done.returncode != 0
    assert one_line(message_for(field, value)) in one_line(done.stderr)
    assert not path.exists() or not stored(path).get("interviews")


@pytest.mark.parametrize(("field", "value"), BAD, ids=IDS)
def test_a_json_import_says_the_same(tmp_path, field, value):
    document = export_of(tmp_path)
    where: Any = document["interviews"][0]
    *parents, key = ENTRY[field][2]
    for part in parents:
        where = where[part]
    where[key] = int(value) if field == "round" else value
    source = tmp_path / "in.json"
    source.write_bytes(orjson.dumps(document))
    path: Path = tmp_path / "wb.json"
    done = followup(path, "import", str(source))
    assert done.returncode != 0
    assert one_line(message_for(field, value)) in one_line(done.stderr)
    assert not path.exists() or not stored(path).get("interviews")
