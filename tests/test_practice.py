"""Rehearsing the call (D6): the spoken length of a draft, the line to cut, the talking points in order,
the self-check, the runs kept on the interview and the role-play card."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tui.domain.card import practice_card
from tui.domain.checklist import tick
from tui.domain.documents import from_doc, to_doc
from tui.domain.errors import ValidationError
from tui.domain.models import Interview, Interviewer, Profile, Qualification, Rehearsal, RehearsalBranch
from tui.domain.practice import (
    PRACTISED_ENOUGH,
    practised_line,
    record_rehearsal,
    self_checks,
    talking_steps,
    voicemail_keep,
)
from tui.domain.scripts import talking_points, voicemail
from tui.domain.speaking import line_to_cut, said_words, spoken_length, spoken_seconds, took_word
from tui.formats.cardfile import card_markdown, card_text

NY = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 25, 9, 15, tzinfo=NY)
PROFILE = Profile("Sam Lee", "+14155550134", timezone="America/New_York")


def acme(**changes) -> Interview:
    base = dict(
        company="Acme",
        role="Product Designer",
        interviewed_at=NOW - timedelta(days=1),
        interviewer=Interviewer("Dana Reyes", "Head of Design"),
        qualifications=(Qualification("Led a design system", "consistency across products"),),
        wish_said="my accessibility audit work",
    )
    return Interview(**{**base, **changes})


# the spoken-length estimate
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Thank you for your time.", 5),
        ("It's Sam, that's all.", 4),
        ("Call me at 415 555 0134.", 3 + 10),
        ("(415) 555-0134", 10),
        ("Room 12B", 1 + 2 + 1),
        ("", 0),
    ],
)
def test_d6_words_said_count_each_digit_of_a_number(text, words):
    assert said_words(text) == words


def test_d6_spoken_length_is_about_150_words_a_minute():
    assert spoken_seconds(" ".join(["word"] * 150)) == 60
    assert spoken_seconds(" ".join(["word"] * 75)) == 30
    assert spoken_seconds("0123456789" * 5) == 20  # fifty digits, read one by one


def test_d6_the_default_voicemail_is_said_in_20_to_30_seconds():
    draft = voicemail(acme(), PROFILE, NOW)
    length = spoken_length(draft.text)
    assert 20 <= length.seconds <= 30 and not length.long
    assert length.line == f"Said aloud: about {length.seconds} seconds. A good length for a voicemail."


def test_d6_a_long_message_is_called_a_little_long_not_wrong():
    length = spoken_length(" ".join(["word"] * 100))
    assert length.long and length.seconds == 40
    assert "A little long" in length.line and "20-30" in length.line


def test_d14_the_line_to_cut_says_none_of_the_six_parts_and_saves_the_most():
    draft = voicemail(acme(), PROFILE, NOW)
    keep = voicemail_keep(acme(), PROFILE, NOW)
    assert (
        line_to_cut(draft.text, keep) == "That's 415, 555, 0134."
    )  # the number said again, a longer spare than the goodbye


def test_d14_a_line_with_a_part_said_first_there_is_kept():
    text = (
        "Hello Dana, this is Sam Lee. I interviewed for the Product Designer role yesterday. "
        "Thank you for your time. Please call me back at 415 555 0134. Have a lovely day."
    )
    assert line_to_cut(text, ("Sam Lee", "Product Designer", "yesterday")) == "Have a lovely day."


def test_d6_every_line_needed_means_the_longest_is_to_say_shorter():
    text = "This is Sam Lee. Thank you so very much for all of the time you gave me."
    assert line_to_cut(text, ("Sam Lee",)) == "Thank you so very much for all of the time you gave me."


def test_d6_took_word_is_calm_and_names_the_line_to_cut():
    draft = voicemail(acme(), PROFILE, NOW)
    keep = voicemail_keep(acme(), PROFILE, NOW)
    assert took_word(24, draft.text, keep) == "That took 24 seconds: well within 30."
    long = took_word(41, draft.text, keep)
    assert long.startswith("That took 41 seconds, a little over 30.")
    assert "“That's 415, 555, 0134.”" in long


# practising
def test_d16_d17_talking_points_are_steps_with_the_timeline_question_last():
    steps = talking_steps(talking_points(acme(), PROFILE, NOW).text)
    assert steps[0].startswith("Thanks:")
    assert "consistency across products" in steps[1]  # the qualifications stay under their point
    assert "decision" in steps[-1]
    assert len(steps) == 5


def test_d17_a_script_without_the_timeline_question_gets_it_last():
    steps = talking_steps("• Ask: when do you decide?\n• Thanks for your time")
    assert steps == ["Thanks for your time", "Ask: when do you decide?"]
    added = talking_steps("• Thanks\n• Offer more")
    assert added[-1] == "Ask: “When do you expect to make a decision?”"


def test_d6_self_check_knows_the_time_and_asks_the_rest():
    voice = {check.key: check for check in self_checks(RehearsalBranch.VOICEMAIL, 31)}
    assert set(voice) == {"parts", "short"}
    assert voice["short"].answer is False and voice["parts"].answer is None
    talk = {check.key for check in self_checks(RehearsalBranch.PICKED_UP, 90)}
    assert "timing" in talk


def test_d6_two_rehearsals_tick_the_item_and_the_user_may_untick_it():
    interview = acme()
    record_rehearsal(interview, Rehearsal(NOW, RehearsalBranch.VOICEMAIL, 24))
    assert not interview.ticked("D6")
    assert practised_line(interview) == "Practised once, on Wed 25 Nov"
    record_rehearsal(interview, Rehearsal(NOW + timedelta(days=1), RehearsalBranch.PICKED_UP, 95))
    assert interview.ticked("D6") and len(interview.rehearsals) == PRACTISED_ENOUGH
    assert practised_line(interview) == "Practised twice, last on Thu 26 Nov"
    tick(interview, "D6", False)  # the user unticks it; a third run leaves it so
    record_rehearsal(interview, Rehearsal(NOW + timedelta(days=2), RehearsalBranch.PICKED_UP, 80))
    assert not interview.ticked("D6")
    assert practised_line(interview) == "Practised 3 times, last on Fri 27 Nov"


def test_d6_a_rehearsal_round_trips_through_its_document():
    interview = acme(rehearsals=(Rehearsal(NOW, RehearsalBranch.VOICEMAIL, 27, {"parts": True}, "slow down"),))
    doc = to_doc(interview)
    assert doc["rehearsals"][0] == {
        "at": NOW.isoformat(),
        "branch": "voicemail",
        "seconds": 27,
        "checks": {"parts": True},
        "notes": "slow down",
    }
    assert from_doc(Interview, doc) == interview
    del doc["rehearsals"]  # a record written before rehearsals were kept
    assert from_doc(Interview, doc).rehearsals == ()


def test_d6_a_rehearsal_needs_an_aware_time_and_no_negative_length():
    with pytest.raises(ValidationError):
        Rehearsal(datetime(2026, 11, 25, 9, 0), RehearsalBranch.VOICEMAIL)
    with pytest.raises(ValidationError):
        Rehearsal(NOW, RehearsalBranch.VOICEMAIL, -1)


# the role-play card
def test_d6_the_card_is_drawn_from_the_record():
    card = practice_card(acme(), PROFILE, NOW)
    assert [heading for heading, _ in card.parts] == [
        "Who you are",
        "How to answer",
        "Questions to ask",
        "What to listen for",
    ]
    who = " ".join(card.who)
    assert "Dana Reyes, Head of Design, at Acme" in who
    assert "Product Designer role on Tuesday 24 November" in who
    questions = " ".join(card.questions)
    assert "Led a design system" in questions and "consistency across products" in questions
    assert "my accessibility audit work" in questions
    assert "“When could you start?”" in card.questions and "“Any questions for me?”" in card.questions
    listen = " ".join(card.listen).lower()
    for heard in ("thank", "fit", "more information", "decide", "brevity"):
        assert heard in listen
    assert any("voicemail" in line for line in card.how) and any("busy" in line for line in card.how)


def test_d6_the_card_says_what_the_record_lacks():
    bare = Interview("Acme", "Designer")
    card = practice_card(bare, Profile(), NOW)
    assert card.parts[-1][0] == "Not in the record yet"
    missing = " ".join(card.missing)
    for lack in (
        "interviewer's name",
        "job title",
        "When the interview was",
        "Key qualifications",
        "wish",
        "Your name",
    ):
        assert lack in missing
    assert "“What makes you a good fit for this role?”" in card.questions


def test_d6_the_card_as_markdown_and_as_plain_text():
    card = practice_card(acme(), PROFILE, NOW)
    markdown = card_markdown(card)
    assert markdown.startswith("# Role-play card: Acme – Product Designer\n")
    assert "## Questions to ask" in markdown and "- “Any questions for me?”" in markdown
    text = card_text(card)
    assert "#" not in text and "QUESTIONS TO ASK" in text and "  * “Any questions for me?”" in text
