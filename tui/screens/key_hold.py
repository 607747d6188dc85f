"""Keys acted on in the order typed, each on what the keys before it left on screen.

Keys read before what they are meant for is on screen are held, then handed to it in the order typed.
Two moments need it. While the app starts, the terminal is read before there are rows: "3" would find
no notes to open, then "Said" would be taken as keys ("a" adds, "i" shows what worked). And a key that
opens a dialog opens it a moment later, once its flow runs: "a" then "Acme", typed at once, had the "c"
call the interview shown and "me" typed into its call notes, and the form opened empty.

Textual hands each key to the focused widget, which lets it come back to the app when it does not take
it (the app's own keys are looked up then). Keys already handed on when a hold begins come back that way,
and are held too, as the very keys typed; so are the keys read while it lasts. Once it ends, they are
handed on again, each as it was typed, in the order typed.

And a key that is not text waits for the keys read before it, and what they set off (`KeysInOrder`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from textual import events
from textual.app import App
from textual.message import Message
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.timer import Timer

__all__ = ["Handled", "KeyHold", "KeysInOrder", "hold_for_a_dialog", "takes_text"]

Held = events.Key | events.Paste


class KeyHold:
    """Held from the start (until the first frame), and again from a key that opens a dialog until the
    dialog is shown (or its flow ends without one)."""

    def __init__(self) -> None:
        self._held: list[Held] | None = []
        #: Counts the holds begun: a flow ending lets go only of the hold it began.
        self._begun = 0

    def begin(self) -> int:
        """Hold the keys read from now on (and those handed on but not taken); the hold's number."""
        if self._held is None:
            self._held = []
            self._begun += 1
        return self._begun

    def catch(self, event: events.Event) -> bool:
        """Whether `event` is a key (or a paste) held now: kept, to be handed on again when the hold ends."""
        if self._held is None or not isinstance(event, events.Key | events.Paste):
            return False
        if event.is_forwarded:  # handed on before the hold and not taken: held as it was typed
            fresh: Held = (
                events.Key(event.key, event.character) if isinstance(event, events.Key) else events.Paste(event.text)
            )
            fresh.time = event.time
            event = fresh
        self._held.append(event)
        return True

    def end(self, hold: int | None = None) -> list[Held]:
        """End the hold (only when it is the one numbered `hold`, if given): what it held, in the order typed."""
        if self._held is None or (hold is not None and hold != self._begun):
            return []
        held, self._held = self._held, None
        return sorted(held, key=lambda event: event.time)


def hold_for_a_dialog(screen: Screen[Any]) -> Callable[[], None]:
    """Called by the key that opens a dialog over `screen`, as it is read: the keys typed after it are for the
    dialog, held until it shows (see `KeyHold`). What it returns lets them go, for a flow ending without one.
    Nothing is held when another screen is over `screen` already: no dialog would show over it."""
    app = cast(Any, screen.app)  # the FollowupApp (which imports the screens)
    if app.screen is not screen:
        return lambda: None
    hold = app.key_hold.begin()
    return lambda: app.call_next(app.let_keys_go, hold)


class Handled(Message):
    """Sent after the keys handed to a widget, behind them: it comes back to the app once each of them is
    taken by a widget or answered by the app (messages to one widget, and those it passes on, keep their
    order). `asked`: which question it answers (one come back too late answers none)."""

    def __init__(self, asked: int) -> None:
        super().__init__()
        self.asked = asked


#: How long keys wait for the keys before them, at most (seconds): a widget removed meanwhile never says.
WAIT_AT_MOST = 0.5
#: Rounds of `Handled`: the first comes back once the keys are answered; the second once what answering
#: them told the widgets is done too (Down moves the list's cursor, and the list then tells the screen
#: which interview is selected: `c` calls that one, `e` edits it).
ROUNDS = 2


class KeysInOrder:
    """Keys acted on in the order typed, each on what the keys before it left. Textual hands a key to the
    focused widget, and acts on the app's keys that come first (priority: a pane's digit, `c` to call)
    the moment it reads them, ahead of keys handed on a moment before and not yet answered: Down then `c`,
    typed at once, called the interview the list was leaving. And a key answered in turn acted before
    what the keys before it set off was done: Down, Down, `e` edited the interview the list had left (the
    list tells the screen which interview is selected by a message). So a key that is not text typed into
    a field now waits until the keys handed on before it are answered, and what answering them set off is
    done; so do the keys after it."""

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._sent: set[MessagePump] = set()  # where keys went since every key was last known answered
        self._waiting: list[events.Key] | None = None
        self._asking: set[MessagePump] = set()  # asked whether the keys they were given are answered
        self._asked = 0  # `Handled` sent and not back yet, in this round
        self._question = 0  # counts the rounds asked: a `Handled` of another one is not counted
        self._rounds = 0  # rounds still to go, this one included
        self._timer: Timer | None = None

    def sent(self, event: events.Key) -> None:
        """`event` was handed on (to the focused widget, or the screen)."""
        if event.is_forwarded:
            self._sent.add(self._app.focused or self._app.screen)

    def must_wait(self, event: events.Key) -> bool:
        """Whether `event` waits (kept, to be taken again by `answered`): keys are waiting already, or keys handed
        on may not be answered yet and it is not text typed after them."""
        if self._waiting is not None:
            self._waiting.append(event)
            return True
        if not self._sent or self._is_text(event):
            return False
        self._asking, self._sent = self._sent, set()
        if not self._ask(ROUNDS):
            return False
        self._waiting = [event]
        self._timer = self._app.set_timer(WAIT_AT_MOST, self._waited, name="keys in order")
        return True

    def _ask(self, rounds: int) -> bool:
        """Send `Handled` behind what the widgets keys went to have still to do; whether one was sent."""
        self._rounds, self._question = rounds, self._question + 1
        self._asked = sum(target.post_message(Handled(self._question)) for target in self._asking)
        return self._asked > 0

    def answered(self, handled: Handled) -> list[events.Key]:
        """A `Handled` came back: when every one of this round has, and it was the last round, the keys that
        waited, in order."""
        if handled.asked != self._question or self._waiting is None:
            return []
        self._asked -= 1
        if self._asked > 0 or (self._rounds > 1 and self._ask(self._rounds - 1)):
            return []
        return self._let_go()

    def _let_go(self) -> list[events.Key]:
        waiting, self._waiting, self._asked, self._asking = self._waiting or [], None, 0, set()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        return waiting

    async def _waited(self) -> None:
        for event in self._let_go():
            self._app.post_message(event)

    def _is_text(self, event: events.Key) -> bool:
        """Whether `event` is a character typed into a field or an editor: it goes where the characters before
        it went, after them, and acts on nothing else."""
        return event.is_printable and takes_text(self._app.focused)


def takes_text(widget: object) -> bool:
    """Whether `widget` takes the characters typed as text: a field or an editor. Told by the classes' names:
    the editor's module loads after the first frame, and only when it is needed."""
    return widget is not None and any(kind.__name__ in _TAKES_TEXT for kind in type(widget).__mro__)


#: Textual's widgets that take typed characters as text.
_TAKES_TEXT = frozenset({"Input", "TextArea"})
