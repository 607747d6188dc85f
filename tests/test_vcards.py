"""Interviewers as vCards for the phone, read back by vobject (a second parser), and a business card
(D5) read into a new interview by `add --card` and into an existing one by `edit --card`."""

from __future__ import annotations

from datetime import datetime

import pytest
from verbs_support import NY, followup, ready, seed, tables

from tui.domain.models import Interviewer
from tui.formats.vcffile import card_fields, render_vcf
from tui.store import Workbook

vobject = pytest.importorskip("vobject")


def test_every_interviewer_becomes_a_card_a_second_parser_reads_whole(tmp_path):
    db = tmp_path / "wb.json"
    seeded = seed(db)
    odd = ready(
        company="Smith, Jones; Partners",
        role="Analyst\nSenior",
        interviewer=Interviewer("Zoë Ångström-Lee", "VP, Data; Platform", "+442079460958", "zoe@sj.example"),
        interviewed_at=datetime(2026, 11, 24, 9, 0, tzinfo=NY),
    )
    with Workbook.open(db, autosave=False) as book:
        book.save_interview(odd)
    out = tmp_path / "people.vcf"
    done = followup(db, "export", "--format", "vcf", "-o", str(out))
    assert done.returncode == 0, done.stderr
    raw = out.read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    cards = {card.fn.value: card for card in vobject.readComponents(raw.decode("utf-8"))}
    assert set(cards) == {"Dana Reyes", "Lee Park", "Zoë Ångström-Lee"}  # the archived one has nobody
    zoe = cards["Zoë Ångström-Lee"]
    assert zoe.org.value == ["Smith, Jones; Partners"]
    assert zoe.title.value == "VP, Data; Platform"
    assert zoe.tel.value == "+442079460958" and zoe.email.value == "zoe@sj.example"
    assert zoe.note.value == "Interviewed you for Analyst\nSenior at Smith, Jones; Partners on Tue 24 Nov 2026."
    assert (zoe.n.value.given, zoe.n.value.family) == ("Zoë", "Ångström-Lee")
    dana = cards["Dana Reyes"]
    assert dana.uid.value == "urn:uuid:" + str(__import__("uuid").UUID(seeded["due"].id))

    one = followup(db, "export", "--format", "vcf", "--id", seeded["waiting"].id[:6])
    assert [c.fn.value for c in vobject.readComponents(one.stdout)] == ["Lee Park"]
    refused = followup(db, "export", "--format", "csv", "--id", seeded["waiting"].id)
    assert refused.returncode == 2 and "--id" in refused.stderr


def test_a_card_exported_reads_back_into_the_same_fields():
    interview = ready(
        company="Acme; Inc",
        role="Designer",
        interviewer=Interviewer("Dana Reyes", "Design, Lead", "+12125550100", "dana@acme.example"),
    )
    assert card_fields(render_vcf([interview], NY).decode()) == {
        "interviewer_name": "Dana Reyes",
        "interviewer_title": "Design, Lead",
        "company": "Acme; Inc",
        "interviewer_phone": "+12125550100",
        "interviewer_email": "dana@acme.example",
    }


def test_a_phone_app_card_with_folds_groups_and_several_numbers_gives_the_work_number():
    card = vobject.vCard()
    card.add("fn").value = "Priya Natarajan"
    card.add("n").value = vobject.vcard.Name(family="Natarajan", given="Priya")
    card.add("org").value = ["Globex Corporation International Holdings Limited, Research Division"]
    card.add("title").value = "Director"
    home = card.add("tel")
    home.value, home.type_param = "+1 415 555 0100", "HOME"
    work = card.add("tel")
    work.value, work.type_param = "+1 415 555 0199", "WORK"
    fields = card_fields(card.serialize())
    assert fields["interviewer_phone"] == "+1 415 555 0199"
    assert fields["company"] == "Globex Corporation International Holdings Limited, Research Division"
    assert fields["interviewer_name"] == "Priya Natarajan" and fields["interviewer_title"] == "Director"
    with pytest.raises(ValueError):
        card_fields("not a card at all")


def test_add_and_edit_take_a_business_card_and_typed_options_win(tmp_path):
    db = tmp_path / "wb.json"
    card = tmp_path / "card.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Sam Okafor\r\nORG:Initech\r\nTITLE:Eng Manager\r\n"
        "TEL;TYPE=work;VALUE=uri:tel:+1-312-555-0142\r\nEMAIL:sam@initech.example\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    done = followup(db, "add", "--card", str(card), "--role", "Engineer", "--title", "CTO")
    assert done.returncode == 0, done.stderr
    (doc,) = tables(db)["interviews"]
    assert doc["company"] == "Initech" and doc["interviewer"]["name"] == "Sam Okafor"
    assert doc["interviewer"]["title"] == "CTO" and doc["interviewer"]["phone"] == "+13125550142"
    bad = tmp_path / "bad.vcf"
    bad.write_text("BEGIN:VCARD\r\nFN:X\r\nTEL:12\r\nEND:VCARD\r\n", encoding="utf-8")
    before = db.read_bytes()
    refused = followup(db, "edit", doc["id"], "--card", str(bad))
    assert refused.returncode == 2 and "--phone" in refused.stderr and db.read_bytes() == before
    missing = followup(db, "add", "--card", str(tmp_path / "none.vcf"), "--role", "x")
    assert missing.returncode == 2 and missing.stderr.startswith("followup add: --card:")


async def test_the_interview_form_takes_a_business_card(db, tmp_path):
    from textual.widgets import Input
    from ui_support import running, settle
    from ui_support import seed as seed_app

    from tui.dialogs.interview_form import InterviewForm

    seed_app(db)
    card = tmp_path / "card.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sam Okafor\r\nORG:Initech\r\nTITLE:Eng Manager\r\n"
        "TEL;TYPE=WORK:+1 312 555 0142\r\nEMAIL:sam@initech.example\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    async with running(db) as pilot:
        await pilot.press("a")
        await settle(pilot)
        form = pilot.app.screen
        assert isinstance(form, InterviewForm)
        form.query_one("#f-company", Input).value = "Initech Labs"  # typed already: the card leaves it
        await pilot.press("ctrl+b")
        await pilot.pause(0.3)  # the prompt is open: its worker waits for an answer
        pilot.app.screen.query_one(Input).value = str(tmp_path / "missing.vcf")
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert not isinstance(pilot.app.screen, InterviewForm)  # the prompt stays, saying why
        prompt = pilot.app.screen.query_one(Input)
        prompt.value = str(card)
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.screen is form
        value = {
            name: form.query_one(f"#f-{name}", Input).value
            for name in ("company", "interviewer_name", "interviewer_title", "interviewer_phone", "interviewer_email")
        }
        assert value == {
            "company": "Initech Labs",
            "interviewer_name": "Sam Okafor",
            "interviewer_title": "Eng Manager",
            "interviewer_phone": "+1 312 555 0142",
            "interviewer_email": "sam@initech.example",
        }
