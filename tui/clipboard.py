"""Copying a draft where the user can paste it: the system's clipboard tool when there is one.

Without one, the text goes to the terminal (OSC 52), which many terminals take and some drop
silently; the caller says which happened, never "copied" when that cannot be known.
"""

from __future__ import annotations

import os
import shutil
import subprocess

__all__ = ["system_copy"]

#: (program and its arguments, what must be set for it to work), in the order they are tried.
_TOOLS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("wl-copy",), "WAYLAND_DISPLAY"),
    (("xclip", "-selection", "clipboard"), "DISPLAY"),
    (("xsel", "--clipboard", "--input"), "DISPLAY"),
    (("pbcopy",), ""),
    (("clip.exe",), ""),
)


def system_copy(text: str) -> str | None:
    """Put `text` on the system clipboard; return the tool's name, or None when none did it."""
    for argv, needs in _TOOLS:
        if (needs and not os.environ.get(needs)) or shutil.which(argv[0]) is None:
            continue
        try:
            subprocess.run([*argv], input=text.encode("utf-8"), check=True, timeout=3, capture_output=True)
        except (OSError, subprocess.SubprocessError):
            continue
        return argv[0]
    return None
