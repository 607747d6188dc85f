"""Scripts from the record (D14, D16, D17, D20) and the user's own templates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.domain.dates import humanize_day
from tui.domain.models import Interview, Interviewer, Profile, Qualification
from tui.domain.scripts import (
    Draft,
    draft,
    fill,
    render_template,
    script_values,
    talking_points,
    thank_you_email,
    voicemail,
)
from tui.domain.templates import (
    DEFAULT_TEMPLATES,
    PLACEHOLDERS,
    ScriptKind,
    VoicemailPart,
    template_for,
    validate_template,
    voicemail_template_gaps,
)

LA = ZoneInfo("America/Los_Angeles")
AKL = ZoneInfo("Pacific/Auckland")
HELD = datetime(2026, 11, 24, 14, 0, tzinfo=LA)  # a Tuesday
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=LA)
SAM = Profile(name="Sam Lee", phone="+14155550134", email="sam@example.com", timezone="America/Los_Angeles")


def make(**kw) -> Interview:
    base = {
        "interviewed_at": HELD,
        "interviewer": Interviewer(name="Dana", email="dana@acme.example"),
        "interviewer_tz": "America/Los_Angeles",
        "qualifications": [Qualification("Grew a design team from 2 to 9", "scaling the team")],
        "wish_said": "my accessibility audit at Beta",
    }
    return Interview("Acme", "Product Designer", **{**base, **kw})


def test_d14_default_voicemail_has_the_six_parts():
    found = voicemail(make(), SAM, NOW)
    assert found.text == (
        "Hello Dana, this is Sam Lee. I interviewed with you yesterday for the Product Designer position "
        "at Acme. Thank you again for your time. If it would help to know more about my background or "
        "experience, please call me back at (415) 555-0134. That's 415, 555, 0134. Have a good day."
    )
    assert found.missing == () and found.complete
    assert voicemail_template_gaps(DEFAULT_TEMPLATES[ScriptKind.VOICEMAIL]) == ()


@pytest.mark.parametrize(
    ("now", "said"),
    [
        (datetime(2026, 11, 24, 17, 0, tzinfo=LA), "today"),
        (NOW, "yesterday"),
        (datetime(2026, 11, 27, 9, 0, tzinfo=LA), "on Tuesday"),
        (datetime(2026, 12, 3, 9, 0, tzinfo=LA), "last week"),
        (datetime(2026, 12, 15, 9, 0, tzinfo=LA), "3 weeks ago"),
    ],
)
def test_d14_when_you_interviewed_is_said_the_way_people_say_it(now, said):
    assert f"I interviewed with you {said} for" in voicemail(make(), SAM, now).text


def test_d14_when_is_said_on_the_interviewers_calendar():
    """Wed 10:00 in Auckland is Tue 13:00 in LA; drafting at 00:30 Thursday in LA (21:30 Thursday in
    Auckland), the Auckland interviewer hears 'yesterday', not 'on Tuesday'."""
    iv = make(interviewed_at=datetime(2026, 11, 25, 10, 0, tzinfo=AKL), interviewer_tz="Pacific/Auckland")
    now = datetime(2026, 11, 26, 0, 30, tzinfo=LA)
    assert "with you yesterday for" in voicemail(iv, SAM, now).text
    assert script_values(iv, SAM, now)["interview_day"] == "Wednesday 25 November"
    assert (
        "with you on Tuesday for" in voicemail(make(interviewed_at=iv.interviewed_at, interviewer_tz=""), SAM, now).text
    )


@pytest.mark.parametrize(
    ("profile", "kwargs", "markers", "notes"),
    [
        (Profile(name="Sam Lee"), {}, ["[your phone number]"], ["Your phone number is missing; add it to your profile."]),
        (Profile(phone="+14155550134"), {}, ["[your name]"], ["Your name is missing; add it to your profile."]),
        (SAM, {"interviewed_at": None}, ["[when you interviewed]"],
         ["When you interviewed is missing; add the interview's date and time."]),
        (None, {}, ["[your name]", "[your phone number]"],
         ["Your name is missing; add it to your profile.", "Your phone number is missing; add it to your profile."]),
    ],
)  # fmt: skip
def test_d14_missing_parts_are_marked_and_listed_not_left_blank(profile, kwargs, markers, notes):
    found = voicemail(make(**kwargs), profile, NOW)
    assert all(marker in found.text for marker in markers)
    assert list(found.missing) == notes
    assert "  " not in found.text and " ." not in found.text


def test_d14_a_user_template_without_a_part_is_reported():
    own = {"voicemail": "Hi $interviewer_name, it's $my_name about the $job_title role, $interviewed_when. Bye!"}
    found = voicemail(make(), SAM, NOW, own)
    assert found.text == "Hi Dana, it's Sam Lee about the Product Designer role, yesterday. Bye!"
    assert found.missing == (
        "The message has no thank-you; add one to your voicemail template.",
        "The message does not invite a call back; add that to your voicemail template.",
        "The message does not say your phone number; add $my_phone to your voicemail template.",
    )
    assert voicemail_template_gaps(own["voicemail"]) == (
        VoicemailPart.THANKS,
        VoicemailPart.INVITATION,
        VoicemailPart.PHONE,
    )


def test_d16_d17_talking_points():
    found = talking_points(make(), SAM, NOW)
    lines = found.text.splitlines()
    assert lines[0] == '• Thanks: "Thank you for taking my call, and for your time yesterday."'
    assert "  – scaling the team: Grew a design team from 2 to 9" in lines
    assert "• What I meant to mention: my accessibility audit at Beta" in lines
    assert any("anything else you'd like to know" in line for line in lines)  # D16: the offer
    assert lines[-1].startswith('• Ask: "When do you expect to make a decision?"')  # D17
    assert found.missing == ()


def test_d4_d8_talking_points_list_what_is_missing():
    iv = make(qualifications=(Qualification("Shipped a design system"),), wish_said="")
    found = talking_points(iv, SAM, NOW)
    assert "  – Shipped a design system" in found.text
    assert "[what you wish you had said]" in found.text
    assert found.missing == (
        "Nothing noted yet about what you wish you had said.",
        "Tie “Shipped a design system” to something they said they need.",
    )
    empty = talking_points(make(qualifications=()), SAM, NOW)
    assert "[your key qualifications]" in empty.text
    assert "No key qualifications yet; list a few, each tied to something they need." in empty.missing


def test_d20_thank_you_email():
    found = thank_you_email(make(), SAM, NOW)
    assert found.subject == "Thank you: Product Designer interview"
    assert found.to == "dana@acme.example"
    assert found.text.startswith("Hello Dana,\n\nThank you for meeting with me yesterday about the Product Designer")
    assert found.text.endswith("Best regards,\nSam Lee\n(415) 555-0134\nsam@example.com")
    assert found.missing == ()
    assert found.clipboard().startswith("Subject: Thank you: Product Designer interview\n\nHello Dana,")


def test_d20_thank_you_email_without_addresses():
    found = thank_you_email(make(interviewer=Interviewer()), Profile(name="Sam Lee"), NOW)
    assert found.text.startswith("Hello,\n\n")
    assert found.text.endswith("Best regards,\nSam Lee")
    assert found.missing == ("No email address for the interviewer; add it to the interview to send this.",)


def test_draft_by_kind():
    iv = make()
    assert draft("voicemail", iv, SAM, NOW) == voicemail(iv, SAM, NOW)
    assert draft("talking_points", iv, SAM, NOW) == talking_points(iv, SAM, NOW)
    assert draft(ScriptKind.THANK_YOU_SUBJECT, iv, SAM, NOW) == thank_you_email(iv, SAM, NOW)
    with pytest.raises(ValueError):
        draft("sonnet", make(), SAM, NOW)


def test_user_templates_override_the_defaults():
    own = {"thank_you_subject": "Thanks from $my_name", "talking_points": "Say thanks to $greeting!"}
    assert thank_you_email(make(), SAM, NOW, own).subject == "Thanks from Sam Lee"
    assert talking_points(make(), SAM, NOW, own).text == "Say thanks to Hello Dana!"
    assert voicemail(make(), SAM, NOW, own) == voicemail(make(), SAM, NOW)


def test_a_broken_user_template_falls_back_with_a_note():
    own = {"voicemail": "Hi $nmae, call $my_phone"}
    found = voicemail(make(), SAM, NOW, own)
    assert found.text == voicemail(make(), SAM, NOW).text
    assert found.missing == (
        "Your own voicemail message template was set aside: $nmae is not a placeholder; did you mean $my_name?",
    )
    assert template_for("voicemail", {"voicemail": "   "}) == (DEFAULT_TEMPLATES[ScriptKind.VOICEMAIL], "")


@pytest.mark.parametrize(
    ("kind", "text", "errors"),
    [
        ("voicemail", "Hi $nmae", ["$nmae is not a placeholder; did you mean $my_name?"]),
        ("voicemail", "Hi ${phone}", ["$phone is not a placeholder; did you mean $my_phone?"]),
        ("talking_points", "Cost: $ 5", ["A lone $ on line 1; write $$ for a dollar sign, or $name for a placeholder."]),
        ("talking_points", "Cost: $$5 for $company", []),
        ("thank_you_subject", "Thanks\nagain", ["A subject is a single line; remove the line breaks."]),
        ("thank_you_email", "", ["The template is empty; write the text, or reset it to the default."]),
        ("thank_you_email", "$xyzzy", ["$xyzzy is not a placeholder; the ones you can use are: "
                                       + ", ".join(f"${p}" for p in PLACEHOLDERS) + "."]),
    ],
)  # fmt: skip
def test_validate_template_says_what_is_wrong(kind, text, errors):
    check = validate_template(kind, text)
    assert list(check.errors) == errors
    assert check.ok is (not errors)


def test_d14_validate_warns_about_missing_voicemail_parts():
    check = validate_template("voicemail", "Thanks! Call me back, $my_name.")
    assert check.ok
    assert check.warnings == (
        "The message would not say the job title.",
        "The message would not say when you interviewed.",
        "The message would not say your phone number.",
    )


@pytest.mark.parametrize("kind", list(ScriptKind))
def test_default_templates_are_valid_and_use_known_placeholders(kind):
    check = validate_template(kind, DEFAULT_TEMPLATES[kind])
    assert (check.errors, check.warnings) == ((), ())


def test_user_text_is_never_evaluated():
    """Record values that look like placeholders or format fields stay literal."""
    iv = make(interviewer=Interviewer(name="Dana", greet_as="${my_phone} {0.__class__}"))
    found = render_template("$greeting / $company", iv, Profile(name="$company"), NOW)
    assert found == "Hello ${my_phone} {0.__class__} / Acme"
    assert fill("${company.__class__} $unknown", {"company": "Acme"}) == "${company.__class__} $unknown"


def test_draft_is_a_plain_value():
    found = voicemail(make(), SAM, NOW)
    assert isinstance(found, Draft) and found.subject == "" and found.clipboard() == found.text


names = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll"), whitelist_characters=" -'$"), min_size=1,
                max_size=20).filter(lambda s: s.strip())  # fmt: skip
phones = st.sampled_from(["+14155550134", "+6421555013", "+442079460958", "+16845550123"])
zones = st.sampled_from(["America/Los_Angeles", "Pacific/Auckland", "Pacific/Kiritimati", "Pacific/Pago_Pago"])


@settings(max_examples=150, deadline=None)
@given(my_name=names, role=names, company=names, phone=phones, theirs=zones, mine=zones,
       held=st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 6, 1), timezones=st.just(UTC)),
       later=st.timedeltas(min_value=timedelta(hours=1), max_value=timedelta(days=60)))  # fmt: skip
def test_d14_property_a_complete_record_gives_all_six_parts(my_name, role, company, phone, theirs, mine, held, later):
    iv = Interview(company, role, interviewed_at=held, interviewer_tz=theirs)
    profile = Profile(name=my_name, phone=phone, timezone=mine)
    now = (held + later).astimezone(ZoneInfo(mine))
    found = voicemail(iv, profile, now)
    values = script_values(iv, profile, now)
    assert found.missing == ()
    zone = ZoneInfo(theirs)
    when = humanize_day(held.astimezone(zone), now.astimezone(zone))
    assert f"this is {my_name.strip()}." in found.text  # your name
    assert f"for the {role.strip()} position" in found.text  # the job title
    assert f"with you {when} for" in found.text  # when you interviewed
    assert "Thank you" in found.text  # a thank-you
    assert "please call me back" in found.text  # the invitation
    assert values["my_phone"] and f"at {values['my_phone']}." in found.text  # your phone number
    assert "[" not in found.text.replace(company, "").replace(role, "").replace(my_name, "")
