"""Scripting verbs: the same store, rules and validation as the app, from the shell.

Exit status: 0 done; 1 the workbook could not be used (locked by the app, damaged, not found);
2 the input was wrong, or no interview has that id (the field and the reason are on standard
error; nothing was written).
"""

from __future__ import annotations

import argparse
import importlib
import sys

from ..domain.errors import ValidationError
from ..store import NotFoundError, StoreError, WriteFailedError
from .common import VerbFailed

__all__ = ["VERB_MODULES", "add_verbs", "run_verb"]

#: One module per verb (or group of verbs); each has `register(subparsers)`.
VERB_MODULES = ("listing", "add", "log_call", "profile", "script", "export", "importing")


def add_verbs(verbs: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register each verb's sub-parser; each sets `handler` to the function that runs it."""
    for name in VERB_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        module.register(verbs)


def run_verb(args: argparse.Namespace) -> int:
    """Run the chosen verb and turn the errors a user can act on into a message and a status."""
    handler = getattr(args, "handler", None)
    if handler is None:
        print(f"followup: unknown verb {args.verb}", file=sys.stderr)
        return 2
    try:
        return int(handler(args) or 0)
    except ValidationError as error:
        print(f"followup {args.verb}: {error.field}: {error.message}", file=sys.stderr)
        return 2
    except NotFoundError as error:
        print(f"followup {args.verb}: {error}", file=sys.stderr)
        return 2
    except WriteFailedError as error:
        # The store's message promises a retry; a verb ends here, so say plainly what happened.
        print(f"followup {args.verb}: could not save {error.path}: {error.reason}. Nothing was written.", file=sys.stderr)
        return 1
    except (StoreError, VerbFailed) as error:
        print(f"followup {args.verb}: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `followup list | head`: the reader went away; that is not an error of ours.
        sys.stderr.close()
        return 0
