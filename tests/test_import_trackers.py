"""Csv exports of other trackers (Huntr, Teal, a plain sheet): their columns land in the application's fields."""

from __future__ import annotations

from datetime import date

import pytest
from verbs_support import NOW, followup, tables

from tui.domain.models import Result
from tui.formats.csvfile import parse_csv
from tui.formats.trackers import status_result

GENERIC = "Company,Job Title,URL,Status,Date Applied\nAcme,Designer,https://acme.example/j/1,Applied,2026-11-02\n"
HUNTR = (
    "Company,Job Title,Job URL,Salary,Location,Date Applied,List,Notes\n"
    'Borealis,UX Researcher,www.borealis.example/jobs/7,"$90,000 - $110,000",Chicago,11/03/2026,Offer,Nice team\n'
)
TEAL = "Company,Job Position,URL,Salary,Location,Status,Date Applied\nCobalt,Designer,https://c.example,£55k,Remote,Rejected,2 Nov 2026\n"


@pytest.mark.parametrize(
    ("sheet", "expected"),
    [
        (GENERIC, ("Acme", "Designer", "https://acme.example/j/1", "", "", date(2026, 11, 2), Result.WAITING)),
        (HUNTR, ("Borealis", "UX Researcher", "https://www.borealis.example/jobs/7", "$90,000 - $110,000",
                 "Chicago", date(2026, 11, 3), Result.OFFER)),
        (TEAL, ("Cobalt", "Designer", "https://c.example", "£55k", "Remote", date(2026, 11, 2), Result.REJECTED)),
    ],
    ids=["generic", "huntr", "teal"],
)  # fmt: skip
def test_a_trackers_columns_fill_the_applications_fields(sheet, expected):
    read = parse_csv(sheet, NOW)
    assert read.problems == []
    ((_, interview),) = read.interviews
    got = (interview.company, interview.role, interview.posting_url, interview.salary, interview.location,
           interview.applied_on, interview.result)  # fmt: skip
    assert got == expected


def test_a_column_named_title_is_the_job():
    ((_, interview),) = parse_csv("Company,Title\nAcme,Staff Engineer\n", NOW).interviews
    assert interview.role == "Staff Engineer" and interview.interviewer.title == ""


def test_bad_application_values_get_the_forms_messages_by_line():
    sheet = "Company,Title,URL,Date Applied\nAcme,Designer,ftp://x,2026-11-02\nB,C,https://b.example,next week\n"
    problems = dict(parse_csv(sheet, NOW).problems)
    assert problems[2].startswith("posting_url: “ftp://x” is not a web address")
    assert problems[3].startswith("applied_on:")


@pytest.mark.parametrize(
    ("status", "result"),
    [("Offer", Result.OFFER), ("rejected", Result.REJECTED), ("Ghosted", Result.NO_REPLY),
     ("Interviewing", Result.WAITING), ("", Result.WAITING), ("next_round", Result.NEXT_ROUND)],
)  # fmt: skip
def test_a_trackers_status_is_read_as_a_result(status, result):
    assert status_result(status) is result


def test_our_own_export_brings_the_application_back(tmp_path):
    source, copy = tmp_path / "a.json", tmp_path / "b.json"
    sheet = tmp_path / "in.csv"
    sheet.write_text(HUNTR)
    assert followup(source, "import", str(sheet), "--apply").returncode == 0
    exported = tmp_path / "out.csv"
    assert followup(source, "export", "--format", "csv", "-o", str(exported)).returncode == 0
    assert followup(copy, "import", str(exported), "--apply").returncode == 0, "reads its own columns"
    (doc,) = tables(copy)["interviews"]
    assert (doc["posting_url"], doc["salary"], doc["location"], doc["applied_on"], doc["result"]) == (
        "https://www.borealis.example/jobs/7", "$90,000 - $110,000", "Chicago", "2026-11-03", "offer")  # fmt: skip


def test_add_takes_the_applications_details_with_the_same_checks(tmp_path):
    db = tmp_path / "wb.json"
    done = followup(db, "add", "--company", "Acme", "--role", "Designer", "--url", "www.acme.example/j",
                    "--salary", "$90-110k", "--location", "Remote", "--applied", "2026-11-02")  # fmt: skip
    assert done.returncode == 0, done.stderr
    (doc,) = tables(db)["interviews"]
    assert (doc["posting_url"], doc["salary"], doc["location"], doc["applied_on"]) == (
        "https://www.acme.example/j", "$90-110k", "Remote", "2026-11-02")  # fmt: skip
    bad = followup(db, "add", "--company", "B", "--role", "C", "--url", "not a link")
    assert bad.returncode == 2 and "--url: “not a link” is not a web address" in bad.stderr
