"""Which way did the thank-you go out? One key per channel (D20, D21)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Static

from ..domain.guardrails import channel_warning
from ..domain.models import Channel
from .choice import KeyChoiceDialog

__all__ = ["CHANNEL_KEYS", "ChannelDialog"]

#: The key that records each channel.
CHANNEL_KEYS: dict[Channel, str] = {
    Channel.EMAIL: "e",
    Channel.HANDWRITTEN: "h",
    Channel.PHONE: "p",
    Channel.LINKEDIN: "l",
    Channel.TEXT_MESSAGE: "s",
}


class ChannelDialog(KeyChoiceDialog[Channel]):
    """Dismisses the channel chosen, or None (escape). A discouraged channel is warned about once."""

    PROMPT = "How did your thank-you go out?"
    HINT = "escape: record nothing"
    KEYS = CHANNEL_KEYS
    DIALOG_ID = "channel-dialog"
    NOTE_ID = "channel-warning"

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(
                key,
                f"choose('{channel.value}')",
                channel.label,
                tooltip=f"Sent by {channel.label.lower()}",
                id=f"thanks-{channel.value}",
            )
            for channel, key in CHANNEL_KEYS.items()
        ),
        Binding("escape", "cancel", "Cancel", tooltip="Record nothing", id="thanks-cancel"),
    ]

    def __init__(self, warned: bool = False) -> None:
        super().__init__(classes="dialog-screen")
        #: Whether the D20 word about text messages was already said this session.
        self.warned = warned
        #: The channels whose word was said in this dialog: a second press records them.
        self.asked: set[Channel] = set()

    def action_choose(self, value: str) -> None:
        channel = Channel(value)
        warning = channel_warning(channel)
        said = channel in self.asked or (channel is Channel.TEXT_MESSAGE and self.warned)
        if warning and not said:
            self.asked.add(channel)
            key = CHANNEL_KEYS[channel]
            again = "if you were" if channel is Channel.LINKEDIN else "to record it anyway"
            self.query_one("#channel-warning", Static).update(f"{warning} Press {key} again {again}.")
            return
        self.dismiss(channel)

    def action_cancel(self) -> None:
        self.dismiss(None)
