"""Build data/demo.json, the workbook `followup --demo` opens, from the domain model itself.

Deterministic: fixed ids and a fixed anchor day, so rerunning it changes nothing unless this script
changed. Every date is written relative to ANCHOR (the demo's "today"); `tui.demo` shifts
them on load so the newest interview is always yesterday. All people, companies and numbers are
made up: phones are in the fictional 555-0100..0199 range, mail goes to reserved example domains.

Run from the repository root:  .venv/bin/python data/make_demo.py
"""

from __future__ import annotations

import sys
import uuid
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402

from tui.domain.documents import to_doc  # noqa: E402
from tui.domain.models import (  # noqa: E402
    CallAttempt,
    Channel,
    ChecklistItem,
    Interview,
    Interviewer,
    Outcome,
    Profile,
    Qualification,
    Reference,
    ThankYou,
)
from tui.store.schema import SCHEMA_VERSION  # noqa: E402

#: The demo's "today": the newest interview is the day before.
ANCHOR = date(2026, 11, 26)
#: The job seeker lives in New York; every moment they recorded is on their clock.
HOME = ZoneInfo("America/New_York")
OUTPUT = Path(__file__).resolve().parent / "demo.json"
_NAMESPACE = uuid.UUID("6f1c2a8e-3d4b-5c6d-8e9f-0a1b2c3d4e5f")


def demo_id(name: str) -> str:
    """A stable id that looks like the app's own (uuid4 hex)."""
    return uuid.uuid5(_NAMESPACE, name).hex


def at(days_before: int, hour: int, minute: int = 0) -> datetime:
    """A moment on the user's clock, `days_before` the anchor day."""
    return datetime.combine(ANCHOR - timedelta(days=days_before), time(hour, minute), HOME)


def day(offset: int) -> date:
    """A calendar day relative to the anchor (negative: before it)."""
    return ANCHOR + timedelta(days=offset)


def ticks(*rules: str) -> dict[str, bool]:
    return {rule: True for rule in rules}


ALL_RULES = ("D1", "D2", "D3", "D4", "D5", "D6", "D7", "D8", "D9")

PROFILE = Profile(
    name="Robin Castellano",
    phone="+12125550147",
    email="robin.castellano@example.com",
    timezone="America/New_York",
    pitch="Analyst and project lead who turns messy operational data into plans teams actually use.",
)

# People the job seeker can name as references (D2).
MENTOR = Reference("Gwen Halloran", "Former manager, Stillwater Logistics", "+12125550112")
PEER = Reference("Ravi Menon", "Colleague on the routing project", "ravi.menon@example.com")
CLIENT = Reference("Odette Lindqvist", "Client lead at Harrow County Transit", "+17185550129")
PROFESSOR = Reference("Dr. Lewis Adebayo", "Capstone adviser, evening MS program", "l.adebayo@example.org")


def interviews() -> list[Interview]:
    return [
        # 1. Interviewed yesterday morning: the first call is due today (D10).
        Interview(
            id=demo_id("harborlight"),
            company="Harborlight Analytics",
            role="Senior Data Analyst",
            interviewed_at=at(1, 10, 0),
            interviewer=Interviewer(
                "Priya Raman", "Director of Analytics", "+12125550134", "priya.raman@harborlight.example"
            ),
            interviewer_tz="America/New_York",
            round=2,
            resume_path="~/Documents/resume-2026.pdf",
            references=(MENTOR, PEER, CLIENT),
            qualifications=(
                Qualification(
                    "Built the weekly on-time dashboard Stillwater's ops leads still use",
                    "Dashboards that store managers open without being asked",
                ),
                Qualification("Five years of SQL on warehouse-scale data", "Someone who can own the Snowflake models"),
                Qualification(
                    "Ran the forecasting rework that cut stock-outs by a fifth",
                    "Better demand forecasts before the holiday season",
                ),
                Qualification("Trained six analysts on the team's SQL style", "A senior who can mentor two juniors"),
            ),
            wish_said="That I already know their BI tool from the Harrow County project, not only from courses.",
            checks=ticks("D1", "D2", "D3", "D4", "D5", "D7"),
            custom_items=(
                ChecklistItem("Skim the Q3 retail report she mentioned", ticked=True, id=demo_id("harborlight-q3")),
            ),
            notes=(
                "Panel of three; Priya led it. They liked the stock-out story.\n"
                "Her card has her direct line. Team is 8 analysts, growing to 10."
            ),
            created_at=at(1, 12, 15),
        ),
        # 2. An Auckland interviewer, late yesterday on our clock: already today on theirs, so the
        #    first call is not due yet (D10 counts days in the interviewer's zone). No ticks yet.
        Interview(
            id=demo_id("kauri-bay"),
            company="Kauri Bay Freight",
            role="Supply Chain Analyst (remote)",
            interviewed_at=at(1, 16, 0),
            interviewer=Interviewer("Aroha Tane", "Head of Planning", "+14155550162", "aroha.tane@kauribay.example"),
            interviewer_tz="Pacific/Auckland",
            round=1,
            resume_path="~/Documents/resume-2026.pdf",
            references=(MENTOR, PEER),
            qualifications=(
                Qualification("Built the lane-costing model at Stillwater", "Costing trans-Pacific lanes"),
                Qualification("Comfortable working across a big time difference", "Overlap with the Auckland team"),
                Qualification("Python and SQL for planning data", "Automating the weekly capacity plan"),
            ),
            wish_said="Ask whether the role can visit Auckland for the annual planning week.",
            checks={},
            notes=(
                "Video call, her morning. Their North American desk number forwards to her.\n"
                "She said the next step is a case study if they move me forward."
            ),
            created_at=at(1, 17, 5),
        ),
        # 3. One unanswered try yesterday, no message then (D12): call again, leaving one this time (D13).
        Interview(
            id=demo_id("larkspur"),
            company="Larkspur Civic Software",
            role="Implementation Consultant",
            interviewed_at=at(2, 14, 0),
            interviewer=Interviewer(
                "Marcus Delaney", "VP of Customer Success", "+13125550123", "m.delaney@larkspur.example"
            ),
            interviewer_tz="America/Chicago",
            round=1,
            resume_path="~/Documents/resume-2026-consulting.pdf",
            references=(CLIENT, MENTOR, PROFESSOR),
            qualifications=(
                Qualification("Rolled out a scheduling system to 14 transit depots", "Go-lives with city agencies"),
                Qualification("Wrote the training guides drivers actually read", "Customer training and docs"),
                Qualification("Calm on escalations with a county board", "Handling public-sector stakeholders"),
            ),
            wish_said="The depot rollout came in two weeks early; I forgot to give the number.",
            checks=dict.fromkeys(ALL_RULES, True),
            notes="He asked twice about travel: about 30% to client sites, which is fine.",
            created_at=at(2, 16, 30),
        ),
        # 4. Two unanswered tries: the next one leaves a voicemail (D13). D3 not ticked yet.
        Interview(
            id=demo_id("pinecrest"),
            company="Pinecrest Outdoor Supply",
            role="Product Operations Lead",
            interviewed_at=at(3, 11, 30),
            interviewer=Interviewer(
                "Elena Vasquez-Hart", "Senior Director of Product", "+13035550178", "elena.vh@pinecrest.example"
            ),
            interviewer_tz="America/Denver",
            round=2,
            resume_path="~/Documents/resume-2026.pdf",
            references=(MENTOR, PEER),
            qualifications=(
                Qualification("Set up the release calendar for three product teams", "Someone to run launch ops"),
                Qualification("Cut return-processing time by two days", "Fewer returns stuck in the warehouse"),
                Qualification("Write clear one-page decision docs", "Less churn in product reviews"),
                Qualification("Used Jira and Airtable daily for four years", "Owner for their tooling mess"),
            ),
            wish_said="That I have led a team of four, not just coordinated one.",
            checks=ticks("D1", "D2", "D4", "D5"),
            custom_items=(ChecklistItem("Charge the headset", ticked=False, id=demo_id("pinecrest-headset")),),
            notes="Second round, with the product director. She gave me her direct line for follow-up questions.",
            created_at=at(3, 13, 0),
        ),
        # 5. Voicemail left: wait now (D15); next follow-up a week after the message (D19).
        Interview(
            id=demo_id("marigold"),
            company="Marigold Street Media",
            role="Audience Insights Manager",
            interviewed_at=at(5, 13, 0),
            interviewer=Interviewer(
                "Rafael Quintero", "Head of Audience Research", "+12135550191", "rafael.q@marigoldstreet.example"
            ),
            interviewer_tz="America/Los_Angeles",
            round=1,
            resume_path="~/Documents/resume-2026-media.pdf",
            references=(PEER, PROFESSOR, MENTOR),
            qualifications=(
                Qualification("Ran a 2,000-person reader survey end to end", "Survey design in-house, not outsourced"),
                Qualification("Segmented subscribers by churn risk", "Keep podcast subscribers past month two"),
                Qualification("Present findings to non-analysts", "Insights the editors will act on"),
            ),
            wish_said="My capstone was on podcast listener retention - exactly their problem.",
            checks=ticks("D1", "D2", "D3", "D4", "D6", "D8", "D9"),
            notes="Friendly, fast-talking. Team of three researchers; the manager role is new.",
            created_at=at(5, 15, 40),
        ),
        # 6. Spoke with him; decision expected in five days, so wait (D15, D17, D19).
        Interview(
            id=demo_id("fenwick"),
            company="Fenwick & Rowe Publishing",
            role="Project Manager, Digital Editions",
            interviewed_at=at(8, 10, 0),
            interviewer=Interviewer(
                "Harriet Ashdown", "Publishing Director", "+16465550105", "h.ashdown@fenwickrowe.example"
            ),
            interviewer_tz="Europe/London",
            round=2,
            resume_path="~/Documents/Job search/Fenwick/resume-fenwick.pdf",
            references=(MENTOR, CLIENT),
            qualifications=(
                Qualification("Shipped 40 e-book conversions on a fixed calendar", "Hit the spring list dates"),
                Qualification("Managed freelancers across three time zones", "London editors, New York production"),
                Qualification("Set up a shared production tracker", "One place to see where each title is"),
                Qualification("Budget owner for a $400k program", "Keep the digital budget honest"),
                Qualification("Ran author-proof rounds without missing a date", "Fewer late author corrections"),
            ),
            wish_said="I have worked with their typesetting vendor before.",
            checks=dict.fromkeys(ALL_RULES, True),
            custom_items=(
                ChecklistItem("Have the spring list open", ticked=True, id=demo_id("fenwick-list")),
                ChecklistItem("Call before noon my time (she's in London)", ticked=True, id=demo_id("fenwick-time")),
            ),
            decision_expected=day(5),
            decision_text="In about two weeks, once she has seen the last candidate.",
            notes="Video from London. The New York office line on her card rings through to her desk.",
            created_at=at(8, 12, 0),
        ),
        # 7. The decision date has passed with no word: follow up now (D19).
        Interview(
            id=demo_id("brightwater"),
            company="Brightwater Credit Union",
            role="Business Intelligence Developer",
            interviewed_at=at(16, 9, 30),
            interviewer=Interviewer(
                "Denise Okoro", "IT Manager, Data Services", "+13125550156", "denise.okoro@brightwatercu.example"
            ),
            interviewer_tz="America/Chicago",
            round=1,
            resume_path="~/Documents/resume-2026.pdf",
            references=(MENTOR, PEER, PROFESSOR),
            qualifications=(
                Qualification("Rebuilt 30 legacy reports in Power BI", "Retire the old Crystal Reports"),
                Qualification("Row-level security for branch data", "Branch managers see only their branch"),
                Qualification("Documented every data source I touched", "Auditors asking where numbers come from"),
            ),
            wish_said="I passed the Power BI data analyst exam last spring.",
            checks=ticks("D1", "D2", "D3", "D4", "D5", "D7"),
            decision_expected=day(-4),
            decision_text="After the board meets, in about ten days.",
            notes="Small team, very friendly. She mentioned a hiring freeze rumour but said this role is funded.",
            created_at=at(16, 11, 0),
        ),
        # 8. Four days since the interview and no call yet: late (D10). No thank-you either (D21).
        Interview(
            id=demo_id("saltmarsh"),
            company="Saltmarsh Renewables",
            role="Program Coordinator, Community Solar",
            interviewed_at=at(4, 15, 0),
            interviewer=Interviewer(
                "Keisha Brandt", "Program Director", "+19175550142", "keisha.brandt@saltmarsh.example"
            ),
            interviewer_tz="America/New_York",
            round=1,
            resume_path="",
            references=(CLIENT,),
            qualifications=(
                Qualification("Coordinated sign-ups for a 600-household pilot", "Enrol more households this spring"),
                Qualification("Bilingual, English and Spanish", "Outreach in the Sunset Park neighbourhood"),
                Qualification("Kept a grant budget on track", "State grant reporting every quarter"),
            ),
            wish_said="Ask how they measure a successful enrolment drive.",
            checks=ticks("D1", "D2"),
            notes="Mission-driven team. Pay is lower but the role grows into a manager job next year.",
            created_at=at(4, 17, 20),
        ),
        # 9. Someone else answered: his assistant, he is away; call again when he is back (D18).
        Interview(
            id=demo_id("quillfeather"),
            company="Quillfeather Learning",
            role="Learning Analytics Specialist",
            interviewed_at=at(6, 11, 0),
            interviewer=Interviewer(
                "Dr. Naomi Sutter", "Dean of Online Programs", "+13125550188", "nsutter@quillfeather.example"
            ),
            interviewer_tz="America/Chicago",
            round=1,
            resume_path="~/Documents/resume-2026-analytics.pdf",
            references=(PROFESSOR, PEER),
            qualifications=(
                Qualification(
                    "Built course-completion dashboards for my MS program", "See which courses lose students"
                ),
                Qualification("Experience with LMS event data", "Make sense of their Canvas exports"),
                Qualification("Ran A/B tests on onboarding emails", "Test changes before rolling them out"),
            ),
            wish_said="That I have taught evening workshops myself.",
            checks=ticks("D1", "D3", "D4"),
            notes="She's presenting at a conference this week; her assistant Gary handles her calendar.",
            created_at=at(6, 13, 10),
        ),
        # 10. The number on file was wrong: fix it before calling again (D5, D18).
        Interview(
            id=demo_id("redwood"),
            company="Redwood Circuit Health",
            role="Clinical Operations Analyst",
            interviewed_at=at(2, 12, 30),
            interviewer=Interviewer(
                "Samuel Achterberg",
                "Director of Clinical Operations",
                "+13105550117",
                "s.achterberg@redwoodcircuit.example",
            ),
            interviewer_tz="America/Los_Angeles",
            round=1,
            resume_path="~/Documents/resume-2026.pdf",
            references=(MENTOR, CLIENT),
            qualifications=(
                Qualification("Cut clinic no-shows with reminder timing analysis", "Fewer empty appointment slots"),
                Qualification("Worked with HIPAA-restricted data", "Someone trusted with patient data"),
                Qualification("Staffing models for 12 sites", "Schedule nurses across new clinics"),
                Qualification("Explain numbers to clinicians", "Clinic leads who distrust dashboards"),
            ),
            wish_said="Mention the no-show work saved about 300 visits a month.",
            checks=ticks("D2", "D4"),
            notes="Phone interview. I copied his number off the email signature.",
            created_at=at(2, 14, 0),
        ),
        # 11. Closed: they hired someone else. Archived, kept for the record.
        Interview(
            id=demo_id("tidewater"),
            company="Tidewater Mutual Insurance",
            role="Pricing Analyst",
            interviewed_at=at(30, 10, 30),
            interviewer=Interviewer(
                "Colin Marsh", "Actuarial Manager", "+12125550163", "colin.marsh@tidewatermutual.example"
            ),
            interviewer_tz="America/New_York",
            round=3,
            resume_path="~/Documents/resume-2025.pdf",
            references=(MENTOR, PEER, PROFESSOR),
            qualifications=(
                Qualification("GLM pricing models in R", "Rebuild the homeowners rating plan"),
                Qualification("Passed two actuarial exams", "Someone on the exam track"),
                Qualification("Clear memos for the rate filing", "Filings the state regulator accepts first time"),
            ),
            wish_said="Could have said more about my R package for rate tables.",
            checks=dict.fromkeys(ALL_RULES, True),
            decision_expected=day(-22),
            decision_text="Within a week of the final round.",
            archived=True,
            notes="Final round, four interviews back to back. Closed: they chose an internal candidate.",
            created_at=at(30, 13, 0),
        ),
        # 12. Seven qualifications: more than a handful, so the workbook asks to keep it short (D4).
        #     They said they would call back and have not; the interviewer is not the decision-maker.
        Interview(
            id=demo_id("cobalt-ridge"),
            company="Cobalt Ridge Games",
            role="Analytics Engineer",
            interviewed_at=at(9, 13, 0),
            interviewer=Interviewer(
                "Jun Takahashi",
                "Senior Analytics Engineer (panel lead)",
                "+14155550139",
                "jun.t@cobaltridge.example",
                decision_maker=False,
            ),
            interviewer_tz="America/Los_Angeles",
            round=2,
            resume_path="~/Documents/resume-2026-analytics.pdf",
            references=(PEER, PROFESSOR),
            qualifications=(
                Qualification("dbt models in production for two years", "Own the dbt project"),
                Qualification("Airflow scheduling and alerting", "Pipelines that page someone when they fail"),
                Qualification("Event tracking plans for a mobile app", "Clean in-game event data"),
                Qualification("Cost tuning on BigQuery", "Their warehouse bill doubled last year"),
                Qualification("Data tests on every model", "Stop broken numbers reaching the studio heads"),
                Qualification("Pair with analysts on definitions", "One definition of a daily active player"),
                Qualification("Play their games (a lot)", "Someone who understands the players"),
            ),
            wish_said="Ask who the hiring manager is and whether I can speak with her.",
            checks=ticks("D1", "D2", "D3", "D4", "D6"),
            notes=(
                "Technical panel, then a short chat with the team. Hiring manager is Dev Chaudhary;\n"
                "Jun said he'd pass my questions on."
            ),
            created_at=at(9, 15, 30),
        ),
    ]


def call(
    key: str,
    interview: str,
    start: datetime,
    minutes: float,
    outcome: Outcome,
    notes: str,
    next_step: str = "",
    follow_up_on: date | None = None,
) -> CallAttempt:
    return CallAttempt(
        id=demo_id(f"call-{key}"),
        interview_id=demo_id(interview),
        started_at=start,
        ended_at=start + timedelta(minutes=minutes),
        outcome=outcome,
        notes=notes,
        next_step=next_step,
        follow_up_on=follow_up_on,
    )


def calls() -> list[CallAttempt]:
    return [
        call(
            "larkspur-1",
            "larkspur",
            at(1, 9, 40),
            0.7,
            Outcome.NO_ANSWER,
            "Rang five times, then his voicemail greeting.\nHung up without a message, as planned.",
            "Try again late in his day, around 4:30 his time.",
            day(0),
        ),
        call(
            "pinecrest-1",
            "pinecrest",
            at(2, 10, 45),
            0.6,
            Outcome.NO_ANSWER,
            "Straight to voicemail after two rings - probably in stand-up.\nNo message.",
            "Try again in the late window.",
            day(-1),
        ),
        call(
            "pinecrest-2",
            "pinecrest",
            at(1, 18, 10),
            0.3,
            Outcome.BUSY,
            "Busy signal. She is clearly on calls a lot.\nNext time leave the message: the script is ready.",
            "Leave a voicemail on the next try.",
            day(0),
        ),
        call(
            "marigold-1",
            "marigold",
            at(4, 11, 50),
            0.5,
            Outcome.NO_ANSWER,
            "No answer, greeting says he is in the studio mornings.",
            "Try his late afternoon.",
            day(-3),
        ),
        call(
            "marigold-2",
            "marigold",
            at(3, 19, 20),
            1.2,
            Outcome.VOICEMAIL_LEFT,
            "Left a message: my name, Audience Insights Manager, interviewed two days before,\n"
            "thanks for his time, happy to send the retention capstone, my number twice.\n"
            "Spoke slowly and smiled. Done for this round.",
            "Wait; if nothing in a week, send a short email.",
            day(4),
        ),
        call(
            "fenwick-1",
            "fenwick",
            at(7, 11, 10),
            7.5,
            Outcome.SPOKE,
            "Reached Harriet at the end of her day. Thanked her, recapped the e-book calendar\n"
            "and the tracker. She asked about notice period (two weeks).\n"
            "Mentioned I know their typesetting vendor - she liked that.\n"
            "She expects a decision in about two weeks.",
            "Wait for the decision; check in a day or two after it.",
            day(6),
        ),
        call(
            "brightwater-1",
            "brightwater",
            at(15, 9, 45),
            6.0,
            Outcome.SPOKE,
            "Denise picked up on the first ring. Thanked her, mentioned the Power BI cert.\n"
            "She asked for a sample report; sent a redacted one by email after.\n"
            "Decision expected after the board meets, in about ten days.",
            "Call a day after the decision date if I haven't heard.",
            day(-3),
        ),
        call(
            "quillfeather-1",
            "quillfeather",
            at(5, 10, 15),
            2.0,
            Outcome.SOMEONE_ELSE,
            "Her assistant Gary answered: she is away at a conference for five days.\n"
            "He offered to take a message; I said I'd call back when she's in.\n"
            "He suggested mornings, before her 10 o'clock meetings.",
            "Call her directly when she's back, early in her day.",
            day(0),
        ),
        call(
            "redwood-1",
            "redwood",
            at(1, 12, 30),
            0.4,
            Outcome.WRONG_NUMBER,
            "Reached a dental office in Santa Monica - the number on file is wrong.\n"
            "The signature may have 0117 where his card says 0171. Emailed the recruiter to check.",
            "Get his correct direct line from the recruiter before calling again.",
            day(1),
        ),
        call(
            "tidewater-1",
            "tidewater",
            at(29, 9, 0),
            5.5,
            Outcome.SPOKE,
            "Spoke with Colin. Thanked him for the four-interview day, recapped the GLM work.\n"
            "He said they'd decide within a week.",
            "Wait for the decision.",
            day(-21),
        ),
        call(
            "tidewater-2",
            "tidewater",
            at(20, 16, 30),
            3.0,
            Outcome.SPOKE,
            "Followed up after the decision date. They went with an internal candidate.\n"
            "He said I was a close second and offered to keep my resume on file.\n"
            "Asked to stay in touch on LinkedIn; he agreed.",
            "Closed. Connect on LinkedIn.",
        ),
        call(
            "cobalt-1",
            "cobalt-ridge",
            at(8, 12, 40),
            3.5,
            Outcome.WILL_CALL_BACK,
            "Jun answered but was between panels. Thanked him quickly;\n"
            "he said he'd call me back after talking to Dev. Hasn't yet.",
            "If no call back within ten days, call once more.",
            day(2),
        ),
    ]


def thank_yous() -> list[ThankYou]:
    def sent(key: str, interview: str, channel: Channel, moment: datetime, note: str) -> ThankYou:
        return ThankYou(demo_id(interview), channel, moment, note, id=demo_id(f"thanks-{key}"))

    return [
        sent(
            "harborlight",
            "harborlight",
            Channel.EMAIL,
            at(1, 18, 40),
            "Short email to Priya, copied the other two panelists.",
        ),
        sent(
            "kauri-bay",
            "kauri-bay",
            Channel.LINKEDIN,
            at(1, 21, 15),
            "She first reached out on LinkedIn, so I thanked her there.",
        ),
        sent("larkspur", "larkspur", Channel.HANDWRITTEN, at(2, 19, 0), "Card mailed to their Chicago office."),
        sent(
            "pinecrest",
            "pinecrest",
            Channel.EMAIL,
            at(3, 17, 30),
            "Thanked her and attached the launch calendar sample.",
        ),
        sent("marigold", "marigold", Channel.EMAIL, at(5, 18, 0), ""),
        sent("fenwick", "fenwick", Channel.EMAIL, at(8, 14, 20), "Sent before the end of her day in London."),
        sent("brightwater", "brightwater", Channel.HANDWRITTEN, at(16, 20, 0), "Card with the sample report link."),
        sent("quillfeather", "quillfeather", Channel.EMAIL, at(6, 17, 45), ""),
        sent("redwood", "redwood", Channel.EMAIL, at(2, 16, 10), "Email bounced back once; resent to the recruiter."),
        sent("tidewater", "tidewater", Channel.PHONE, at(29, 9, 0), "Said thank you on the follow-up call."),
        sent(
            "cobalt-ridge",
            "cobalt-ridge",
            Channel.TEXT_MESSAGE,
            at(9, 19, 5),
            "Texted Jun since the recruiter had been texting me. An email would have been better.",
        ),
    ]


def table(items: list) -> dict[str, dict]:
    return {str(number): to_doc(item) for number, item in enumerate(items, start=1)}


def build() -> dict[str, dict]:
    """The whole workbook as TinyDB tables, in the stored layout of schema SCHEMA_VERSION."""
    return {
        "meta": {"1": {"schema_version": SCHEMA_VERSION}, "2": {"demo_anchor": ANCHOR.isoformat()}},
        "profile": {"1": to_doc(PROFILE)},
        "interviews": table(interviews()),
        "calls": table(calls()),
        "thank_yous": table(thank_yous()),
        "settings": {},
    }


def main() -> None:
    OUTPUT.write_bytes(orjson.dumps(build(), option=orjson.OPT_INDENT_2) + b"\n")
    print(f"wrote {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
