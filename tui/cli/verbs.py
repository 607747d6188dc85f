"""Running one verb: its module is imported only now, and the errors a user can act on become a
message and an exit status (0 done, 1 the workbook could not be used, 2 the input was wrong)."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from ..domain.errors import ValidationError
from ..store import NotFoundError, ReadOnlyError, StoreError, WriteFailedError
from ..store.storage import describe
from .common import OutputFailed, VerbFailed, printable_output

__all__ = ["VERB_MODULES", "run_verb"]

#: The module that runs each verb, and its function when not `run(args) -> int`.
VERB_MODULES = {
    "list": "listing",
    "add": "add",
    "log-call": "log_call",
    "calls": "calls",
    "correct-call": "calls:correct",
    "delete-call": "calls:delete",
    "profile": "profile",
    "script": "script",
    "export": "export",
    "import": "importing",
    "practice-card": "practice_card",
    "result": "result",
    "agenda": "agenda",
    "stats": "stats",
    "edit": "edit",
    "archive": "archive",
    "restore": "archive:restore",
    "thank": "thank",
    "show": "show",
    "delete": "delete",
    "completion": "completion",
}


def run_verb(args: argparse.Namespace) -> int:
    """Run the chosen verb and turn the errors a user can act on into a message and a status."""
    name, _, function = VERB_MODULES[args.verb].partition(":")
    verb = getattr(importlib.import_module(f"{__package__}.{name}"), function or "run")
    with printable_output():
        try:
            status = int(verb(args) or 0)
            sys.stdout.flush()
            return status
        except ValidationError as error:
            print(f"followup {args.verb}: {error.field}: {error.message}", file=sys.stderr)
            return 2
        except NotFoundError as error:
            print(f"followup {args.verb}: {error}", file=sys.stderr)
            return 2
        except WriteFailedError as error:
            # The store's message promises a retry; a verb ends here, so say plainly what happened.
            print(
                f"followup {args.verb}: could not save {error.path}: {error.reason}. Nothing was written.",
                file=sys.stderr,
            )
            return 1
        except ReadOnlyError as error:
            print(
                f"followup {args.verb}: cannot write {error.path}: {error.reason}. Nothing was written.",
                file=sys.stderr,
            )
            return 1
        except (StoreError, VerbFailed) as error:
            print(f"followup {args.verb}: {error}", file=sys.stderr)
            return 1
        except BrokenPipeError:
            # `followup list | head`: the reader went away; that is not an error of ours.
            _drop_stdout()
            sys.stderr.close()
            return 0
        except OutputFailed as failed:
            # Standard output itself failed (`> /dev/full`): say so once, not as a traceback at exit.
            _drop_stdout()
            print(f"followup {args.verb}: could not write the output: {describe(failed.error)}.", file=sys.stderr)
            return 1


def _drop_stdout() -> None:
    """What is still buffered for a stdout that failed goes nowhere, so exiting does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    finally:
        os.close(devnull)
