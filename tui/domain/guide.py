"""The short guide to following up by phone that help shows, in the app's own words (D1-D21)."""

from __future__ import annotations

__all__ = ["GUIDE"]

#: (heading, [(advice, rule id)]) in the order the user lives it.
GUIDE: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Before you call",
        [
            ("Have your resume in front of you, so any question about it has an answer.", "D1"),
            ("Keep your references at hand: name, how you know them, how to reach them.", "D2"),
            ("Find a quiet, private place. Never call from your desk at work.", "D3"),
            ("Note a handful of key qualifications, each matched to something they said they need.", "D4"),
            ("Call the person who decides, usually your interviewer, on their direct number.", "D5"),
            ("Say it out loud once or twice first, with a friend playing the hiring manager.", "D6"),
            ("Know why you call: to thank them and offer anything that helps them decide.", "D7"),
            ("Write down what you wish you had said in the interview.", "D8"),
            ("Smile while you speak. It can be heard.", "D9"),
        ],
    ),
    (
        "When to call",
        [
            (
                "The day after the interview, about 24 hours later: not within minutes, not days later. "
                "Once that day has passed, the list shows the follow-up as late.",
                "D10",
            ),
            (
                "Early or late in their working day, in their time zone, never at a weekend or on a public "
                "holiday where they are. The guidance line suggests a window, in their time and yours.",
                "D11",
            ),
        ],
    ),
    (
        "If voicemail answers",
        [
            ("The first time, hang up without a message and try again at another good time.", "D12"),
            ("The second time, leave a message: every missed call shows on their phone.", "D13"),
            (
                "Say your name, the job, when you interviewed, thank you, that they may call back "
                "if more information would help, and your number, twice, slowly the second time. "
                "The call pane drafts it and says what is missing.",
                "D14",
            ),
            (
                "Once a message is left or you have spoken, stop calling this round and wait. When a follow-up "
                "round brings no reply either, stop calling: a short email, then let it rest.",
                "D15",
            ),
        ],
    ),
    (
        "When they pick up",
        [
            (
                "Be brief: thank them, recap your key qualifications, ask whether they would like to know "
                "anything else, offer more about your background, raise what you wish you had said.",
                "D16",
            ),
            ("If it goes well, ask when they expect to decide, and note the date.", "D17"),
        ],
    ),
    (
        "After the call",
        [
            ("End the call and record how it went, every attempt, answered or not.", "D18"),
            (
                "Follow up again a day or two after their decision date, or one to two weeks after the last contact.",
                "D19",
            ),
        ],
    ),
    (
        "Say thank you",
        [
            (
                "An email or a handwritten note is what interviewers like best; a call is fine too. "
                "Not a text, not social media, except LinkedIn if that is where you were talking.",
                "D20",
            ),
            ("However you say it, every interview gets a thank-you.", "D21"),
        ],
    ),
]
