"""A repaint asks only the widgets it can show for their lines.

When part of the screen changes (a key typed into the notes, a row moved to), Textual repaints the
area that changed. It asks every widget whose parent's area meets that change for all its lines, and
the main screen's panes share one parent across the whole width: each key typed into the notes also
had the list's pane, the checklist, the footer and the guidance line draw their lines, only to drop
them. This compositor asks only the widgets whose own visible area meets the change, and none behind
one that covers it all (the notes' pane, the panes and the screen, behind the notes typed into). What
reaches the terminal is the same; a test compares the two, change by change. The main screen and the
practice screen, where notes are typed, repaint this way.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual._compositor import Compositor
from textual.geometry import Region
from textual.strip import Strip

__all__ = ["ChangedOnly"]


class ChangedOnly(Compositor):
    """Textual's compositor, but a partial repaint skips the widgets lying wholly outside it."""

    def _get_renders(self, crop: Region | None = None) -> Iterable[tuple[Region, Region, list[Strip]]]:
        if crop is None:
            yield from super()._get_renders(crop)
            return
        overlaps = crop.overlaps
        for widget, (region, clip) in self.visible_widgets.items():  # the frontmost first
            x, y, width, height = shown = region.intersection(clip)
            if width and height and overlaps(shown):
                # As Textual asks: the widget's lines, cropped to what its parent lets show.
                yield region, clip, widget.render_lines(Region(x - region.x, y - region.y, width, height))
                if shown.contains_region(crop):
                    return  # it covers all that changed: what lies behind it would not show
