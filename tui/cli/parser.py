"""Every verb's options in one parser, declared without importing the verbs: a verb's module loads
only when that verb runs, so `followup --help` and each verb start quickly."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from .. import __version__
from ..locations import DB_ENV

__all__ = ["EXIT_CODES", "OUTCOME_WORDS", "build_parser"]

if TYPE_CHECKING:
    Verbs = argparse._SubParsersAction[argparse.ArgumentParser]

#: What `followup` exits with, as --help lists it.
EXIT_CODES = (
    (0, "done"),
    (1, "the workbook could not be used (open in the app, damaged, not writable)"),
    (2, "the input was wrong, or no interview has that id; nothing was written"),
)
#: How a thank-you went out, as `thank --channel` takes it.
CHANNEL_WORDS = ("email", "handwritten", "phone", "linkedin", "text-message")
#: The outcome names `log-call --outcome` takes (the stored values with dashes).
OUTCOME_WORDS = (
    "no-answer",
    "voicemail-left",
    "spoke",
    "someone-else",
    "busy",
    "wrong-number",
    "will-call-back",
)
#: The results `followup result` takes (domain.results.RESULT_WORDS, spelled out so no domain module loads).
RESULT_CHOICES = ("next-round", "offer", "rejected", "withdrawn", "no-reply", "waiting")
FORMATS = ("csv", "json", "md", "ics", "vcf")
SCRIPT_KINDS = ("voicemail", "talking-points", "thank-you")


def build_parser() -> argparse.ArgumentParser:
    codes = "\n".join(f"  {code}  {meaning}" for code, meaning in EXIT_CODES)
    parser = argparse.ArgumentParser(
        prog="followup",
        description="A workbook for following up on a job interview by phone.",
        epilog=f"The workbook file is --db PATH, else ${DB_ENV}, else one in your user data folder.\n\n"
        f"Exit status:\n{codes}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"followup {__version__}")
    parser.add_argument("--db", metavar="PATH", help="the workbook file to use")
    parser.add_argument("--demo", action="store_true", help="open a fresh temporary copy of the demo workbook")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")
    verbs.add_parser("locate", help="print the path of the workbook file in use")
    _list(verbs)
    _add(verbs)
    _log_call(verbs)
    _calls(verbs)
    _profile(verbs)
    _script(verbs)
    _export(verbs)
    _import(verbs)
    _practice_card(verbs)
    _result(verbs)
    _agenda(verbs)
    _stats(verbs)
    _edit(verbs)
    _archive(verbs)
    _thank(verbs)
    _show(verbs)
    _delete(verbs)
    _completion(verbs)
    _global_options_after_the_verb(verbs)
    return parser


def _list(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "list",
        help="list interviews with their next step",
        description="One line per interview: id, company, role, interviewer, next step, due. Most urgent first.",
    )
    parser.add_argument("--due", action="store_true", help="only what is due or overdue now; exits 1 when nothing is")
    parser.add_argument("--archived", action="store_true", help="include archived interviews")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def _add(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "add",
        help="add an interview and print its id",
        description="Add an interview to follow up on. Prints the new interview's short id.",
    )
    parser.add_argument("--company", default="", help="the company (required, unless --card names it)")
    parser.add_argument("--role", required=True, help="the job title you interviewed for")
    parser.add_argument("--interviewer", default="", metavar="NAME", help="who interviewed you")
    parser.add_argument("--title", default="", help="the interviewer's job title")
    parser.add_argument(
        "--greet-as", default="", metavar="NAME", help='how you greet them, e.g. "Ms. Reyes" (else their first name)'
    )
    parser.add_argument("--phone", default="", help="the interviewer's direct number")
    parser.add_argument("--email", default="", help="the interviewer's email")
    parser.add_argument(
        "--not-decision-maker", action="store_true", help="the interviewer does not make the hiring decision"
    )
    parser.add_argument("--when", default="", help='when the interview was, on your clock, e.g. "yesterday 2pm"')
    parser.add_argument("--tz", default="", metavar="ZONE", help="the interviewer's time zone, e.g. Europe/London")
    parser.add_argument("--round", default="1", help="which interview round (1, 2, ...)")
    parser.add_argument("--resume", default="", metavar="PATH", help="the resume you sent")
    parser.add_argument("--wish", default="", metavar="TEXT", help="what you wish you had said")
    parser.add_argument("--notes", default="", metavar="TEXT", help="notes on the interview; - reads them from stdin")
    parser.add_argument("--url", default="", help="the job posting's web address")
    parser.add_argument("--salary", default="", help='the salary or its range, e.g. "$90-110k"')
    parser.add_argument("--location", default="", help='where the job is, e.g. "Remote" or "Berlin"')
    parser.add_argument("--applied", default="", metavar="DAY", help='the day you applied, e.g. "2026-11-02"')
    parser.add_argument(
        "--card", metavar="FILE", help="fill the interviewer from a business card (.vcf); options given win over it"
    )


def _log_call(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "log-call",
        help="record a call attempt and its outcome",
        description="Record a call to the interviewer and what came of it; prints the next step, "
        "worked out by the same rules as the app.",
    )
    _interview_id(parser)
    parser.add_argument("--outcome", required=True, help=f"what happened: {', '.join(OUTCOME_WORDS)}")
    parser.add_argument("--notes", default="", metavar="TEXT", help="notes from the call; - reads them from stdin")
    parser.add_argument(
        "--decision",
        default="",
        metavar="WHEN",
        help='when they expect to decide, e.g. "by Friday" (kept as typed if it is not a date)',
    )
    parser.add_argument("--minutes", type=float, default=None, help="how long the call took")
    parser.add_argument(
        "--at", default="", metavar="WHEN", help='when the call started (default: now), e.g. "today 9am"'
    )
    parser.add_argument("--follow-up", default="", metavar="WHEN", help="follow up on this day instead of the usual")


def _calls(verbs: Verbs) -> None:
    listed = verbs.add_parser(
        "calls",
        help="list an interview's calls with their ids",
        description="Every call attempt of one interview, oldest first, with the id that correct-call and delete-call take.",
    )
    _interview_id(listed)
    listed.add_argument("--json", action="store_true", help="print JSON instead of lines")
    correct = verbs.add_parser(
        "correct-call",
        help="change a logged call's outcome, length, notes or decision",
        description="Put a logged call right; the next step is worked out again from the corrected record.",
    )
    correct.add_argument(
        "call", metavar="CALL", help="the call's id (any unique start of it; `followup calls ID` lists them)"
    )
    correct.add_argument("--outcome", help=f"what happened: {', '.join(OUTCOME_WORDS)}, or none")
    correct.add_argument("--minutes", type=float, default=None, help="how long the call took")
    correct.add_argument(
        "--notes", default=None, metavar="TEXT", help="the call's notes, replaced; - reads them from stdin"
    )
    correct.add_argument("--decision", default="", metavar="WHEN", help='when they expect to decide, e.g. "by Friday"')
    delete = verbs.add_parser(
        "delete-call",
        help="delete a call logged by mistake",
        description="Remove a call for good. Asks first, unless --yes.",
    )
    delete.add_argument("call", metavar="CALL", help="the call's id (any unique start of it)")
    delete.add_argument("--yes", action="store_true", help="do not ask")


def _profile(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "profile",
        help="show or set your name, phone, email, time zone and pitch",
        description="With no options, show your profile. With options, set those parts and show the result.",
    )
    parser.add_argument("--name", help="your name, as the voicemail script says it")
    parser.add_argument("--phone", help="your phone number, for them to call back")
    parser.add_argument("--email", help="your email")
    parser.add_argument("--tz", metavar="ZONE", help="your time zone, e.g. America/Chicago")
    parser.add_argument("--pitch", metavar="TEXT", help="one line on why you fit")
    order = parser.add_mutually_exclusive_group()
    order.add_argument(
        "--day-first", dest="day_first", action="store_true", default=None, help="read 3/12 as 3 December"
    )
    order.add_argument(
        "--month-first", dest="day_first", action="store_false", help="read 3/12 as March 12 (the default)"
    )


def _script(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "script",
        help="print a voicemail, talking points or thank-you draft",
        description="Print the draft the app would show for this interview now. Parts the record "
        "cannot fill yet show as [brackets] in the text and are listed on standard error.",
    )
    _interview_id(parser)
    parser.add_argument("--kind", required=True, choices=SCRIPT_KINDS, help="which script")


def _export(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "export",
        help="write the workbook as csv, json, md, ics or vcf",
        description="csv: a row per interview for a spreadsheet; json: the whole workbook, for "
        "`followup import`; md: a section per interview for a notes app; ics: upcoming follow-ups "
        "and call windows, with alarms, for a calendar (re-importing updates the same events); vcf: the "
        "interviewers as contact cards, for your phone.",
    )
    parser.add_argument("--format", required=True, choices=FORMATS, help="the kind of file")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (created readable by you alone); - or none: stdout"
    )
    parser.add_argument("--excel", action="store_true", help="csv: start with a byte-order mark so Excel keeps accents")
    parser.add_argument("--id", metavar="ID", help="vcf: only this interview's interviewer")
    parser.add_argument(
        "--watch",
        action="store_true",
        help="stay running and write FILE again whenever the workbook changes (for a calendar that subscribes to it)",
    )


def _import(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "import",
        help="add interviews from a csv or json file (dry run unless --apply)",
        description="Show what FILE would add to the workbook; with --apply, add it. A file with any "
        "bad row adds nothing; each bad row is listed with its line number. Records already in the "
        "workbook are skipped, so importing a file twice adds nothing the second time.",
    )
    parser.add_argument("file", metavar="FILE", help="a .csv file, or a .json file from `followup export`")
    parser.add_argument("--apply", action="store_true", help="write the new records to the workbook")
    parser.add_argument("--format", choices=("csv", "json"), help="the file's kind, if its name does not say")


def _practice_card(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "practice-card",
        help="write a role-play card for a friend playing the hiring manager",
        description="A one-page card for the friend who plays the interviewer in a practice call: who they "
        "are, how to answer, what to ask and what to listen for. Markdown, or plain text with --plain "
        "(or an -o FILE ending in .txt).",
    )
    _interview_id(parser)
    parser.add_argument("--plain", action="store_true", help="plain text instead of Markdown")
    _output(parser)


def _output(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (created readable by you alone) instead of stdout"
    )


def _result(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "result",
        help="record how an application ended (closes its follow-up)",
        description="Record the result: no more call windows, reminders or calendar events for it. "
        "next-round also opens the next interview with the company, role, interviewer, references, "
        "qualifications and resume carried over; waiting opens the follow-up again.",
    )
    _interview_id(parser)
    parser.add_argument("result", metavar="RESULT", help=f"one of: {', '.join(RESULT_CHOICES)}")
    parser.add_argument(
        "--when", default="", metavar="DAY", help='the day word came (default: today), e.g. "yesterday"'
    )
    parser.add_argument("--notes", default="", metavar="TEXT", help="what they said; - reads it from stdin")


def _agenda(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "agenda",
        help="the coming days: call windows, follow-ups and decision dates",
        description="A small calendar of the next days: each day's good times to call (your time, "
        "theirs beside it when it differs), follow-ups and decision dates; what is late comes first.",
    )
    parser.add_argument("--days", type=int, default=7, metavar="N", help="how many days, 1 to 14 (default 7)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of the calendar")


def _stats(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "stats",
        help="what worked: answered calls by time, call-backs, what follow-ups led to",
        description="From your own record: calls answered by window and weekday, messages that got a "
        "call back, follow-ups that led to a next round or offer, days from interview to result, and "
        "results by how you said thank you. With too little data it says how much more it needs.",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of the bars")


def _global_options_after_the_verb(verbs: Verbs) -> None:
    """`followup list --db x.json` as well as `followup --db x.json list`; left out, the one before the verb stands."""
    for parser in verbs.choices.values():
        parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="the workbook file to use")
        parser.add_argument(
            "--demo", action="store_true", default=argparse.SUPPRESS, help="work on a fresh copy of the demo workbook"
        )


def _edit(verbs: Verbs) -> None:
    """The same options as `add`, each one changing only that part of the interview."""
    parser = verbs.add_parser(
        "edit",
        help="change an interview's details",
        description="Change the parts of an interview you name, with the same options and checks as add; "
        "the rest stays as it is.",
    )
    _interview_id(parser)
    for action in verbs.choices["add"]._actions:
        if not action.option_strings or action.dest == "help":
            continue
        if action.nargs == 0:  # a flag: --not-decision-maker, with its opposite beside it
            parser.add_argument(
                *action.option_strings, dest=action.dest, action="store_true", default=None, help=action.help
            )
            parser.add_argument(
                "--decision-maker", dest=action.dest, action="store_false", help="the interviewer makes the decision"
            )
        else:
            parser.add_argument(
                *action.option_strings, dest=action.dest, metavar=action.metavar, default=None, help=action.help
            )


def _archive(verbs: Verbs) -> None:
    for verb, help_text in (
        ("archive", "put an interview aside: out of the list and the calendar, nothing deleted"),
        ("restore", "bring an archived interview back into the list"),
    ):
        parser = verbs.add_parser(verb, help=help_text, description=help_text[0].upper() + help_text[1:] + ".")
        _interview_id(parser)


def _thank(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "thank",
        help="record that a thank-you went out",
        description="Record a thank-you note sent after the interview; the next step takes it into account.",
    )
    _interview_id(parser)
    parser.add_argument("--channel", required=True, help=f"how it went out: {', '.join(CHANNEL_WORDS)}")
    parser.add_argument(
        "--when", default="", metavar="WHEN", help='when it went out (default: now), e.g. "yesterday 5pm"'
    )


def _show(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "show",
        help="print one interview whole: details, checklist, calls, thank-yous, next step",
        description="Everything the workbook holds on one interview.",
    )
    _interview_id(parser)
    parser.add_argument("--json", action="store_true", help="print the records as JSON, as the json export writes them")


def _delete(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "delete",
        help="delete an interview with its calls and thank-yous",
        description="Remove an interview for good, with every call and thank-you of it. Asks first, unless "
        "--yes. `followup archive` puts one aside instead.",
    )
    _interview_id(parser)
    parser.add_argument("--yes", action="store_true", help="do not ask")


def _completion(verbs: Verbs) -> None:
    parser = verbs.add_parser(
        "completion",
        help="print a shell completion script (bash, zsh or fish)",
        description='Tab completion of verbs and options. bash: eval "$(followup completion bash)" in '
        '~/.bashrc; zsh: eval "$(followup completion zsh)" in ~/.zshrc; fish: followup completion fish > '
        "~/.config/fish/completions/followup.fish",
    )
    parser.add_argument("shell", choices=("bash", "zsh", "fish"), help="your shell")


def _interview_id(parser: argparse.ArgumentParser) -> None:
    """The interview a verb is about, named by any unique start of its id."""
    parser.add_argument("id", metavar="ID", help="the interview's id (any unique start of it)")
