"""Exports as their readers take them: csv for Excel (a byte-order mark, full-width formula signs,
guarded text that round-trips), Markdown that keeps user text as text (markdown-it), `-o -`."""

from __future__ import annotations

import csv
import io
from datetime import datetime

from markdown_it import MarkdownIt
from verbs_support import NY, followup, ready, seed, tables

from tui.domain.models import CallAttempt, Interviewer, Outcome
from tui.formats.csvfile import neutralise, restore
from tui.store import Workbook


def test_excel_csv_starts_with_a_byte_order_mark_and_plain_csv_does_not(tmp_path):
    db = tmp_path / "wb.json"
    seed(db)
    excel, plain = tmp_path / "excel.csv", tmp_path / "plain.csv"
    assert followup(db, "export", "--format", "csv", "--excel", "-o", str(excel)).returncode == 0
    assert followup(db, "export", "--format", "csv", "-o", str(plain)).returncode == 0
    assert excel.read_bytes().startswith(b"\xef\xbb\xbfid,company,")
    assert plain.read_bytes().startswith(b"id,company,")
    assert excel.read_bytes()[3:] == plain.read_bytes()
    rows = list(csv.DictReader(io.StringIO(excel.read_text(encoding="utf-8-sig"))))
    assert {row["company"] for row in rows} == {"Acme", "Borealis", "Cobalt"}


def test_excel_is_refused_for_other_formats(tmp_path):
    db = tmp_path / "wb.json"
    seed(db)
    refused = followup(db, "export", "--format", "md", "--excel")
    assert refused.returncode == 2 and "--excel" in refused.stderr and "csv" in refused.stderr


def test_full_width_and_small_formula_signs_are_guarded():
    for sign in ("\uff1d", "\uff0b", "\uff0d", "\uff20", "\ufe66", "\ufe62", "\ufe63"):
        cell = f"{sign}SUM(A1)"
        assert neutralise(cell) == "'" + cell
        assert restore(neutralise(cell)) == cell


def test_text_that_already_looks_guarded_survives_the_round_trip(tmp_path):
    source, target = tmp_path / "a.json", tmp_path / "b.json"
    kept = ["'+1 Agency", "''=x", "'plain quote", "\uff1dTOTAL", "+Lead"]
    with Workbook.open(source, autosave=False) as book:
        for name in kept:
            book.save_interview(ready(company=name, role="Engineer"))
    out = tmp_path / "out.csv"
    assert followup(source, "export", "--format", "csv", "--excel", "-o", str(out)).returncode == 0
    assert followup(target, "import", str(out), "--apply").returncode == 0
    assert sorted(doc["company"] for doc in tables(target)["interviews"]) == sorted(kept)


def test_export_to_a_dash_writes_to_standard_output(tmp_path):
    db = tmp_path / "wb.json"
    seed(db)
    dashed = followup(db, "export", "--format", "json", "-o", "-")
    plain = followup(db, "export", "--format", "json")
    assert dashed.returncode == 0 and dashed.stdout == plain.stdout and dashed.stdout.startswith("{")
    assert not (tmp_path / "-").exists()


HOSTILE = "# Not a heading\n<script>alert(1)</script> [click](http://evil.example) ![img](x.png) *bold* `code`\n1. one\n- two\n> quote\n---"


def _text_of(tokens) -> str:
    return "".join(
        child.content for token in tokens if token.children for child in token.children if child.type == "text"
    )


def test_markdown_keeps_headings_links_and_html_in_user_text_as_text(tmp_path):
    db = tmp_path / "wb.json"
    hostile = ready(
        company="<b>Evil</b> [Corp](http://x)",
        role="# Lead",
        interviewer=Interviewer("Dana *Reyes*", title="_Boss_", email="<dana@evil.example>"),
        interviewed_at=datetime(2026, 11, 25, 9, 0, tzinfo=NY),
        notes=HOSTILE,
        wish_said="## wish",
    )
    with Workbook.open(db, autosave=False) as book:
        book.save_interview(hostile)
        book.save_call(
            CallAttempt(
                hostile.id,
                datetime(2026, 11, 25, 16, 0, tzinfo=NY),
                datetime(2026, 11, 25, 16, 5, tzinfo=NY),
                Outcome.SPOKE,
                notes=HOSTILE,
            )
        )
    result = followup(db, "export", "--format", "md")
    assert result.returncode == 0, result.stderr
    tokens = MarkdownIt("commonmark").parse(result.stdout)
    kinds = {token.type for token in tokens} | {c.type for t in tokens if t.children for c in t.children}
    assert not kinds & {"html_block", "html_inline", "link_open", "image", "em_open", "code_inline", "hr"}
    assert not kinds & {"ordered_list_open"}
    strong = [
        t.children[i + 1].content
        for t in tokens
        if t.children
        for i, c in enumerate(t.children)
        if c.type == "strong_open"
    ]
    assert strong == ["Next step:"]  # the export's own emphasis, and only that
    headings = [_text_of([tokens[i + 1]]) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == [
        "Interview follow-ups",
        "<b>Evil</b> [Corp](http://x) – # Lead",
        "Notes",
        "What I wish I had said",
        "Calls",
    ]
    text = _text_of(tokens)
    for piece in ("# Not a heading", "<script>alert(1)</script>", "[click](http://evil.example)", "*bold*", "`code`"):
        assert piece in text
    assert "## wish" in text and "Dana *Reyes*, _Boss_" in text and "<dana@evil.example>" in text
