"""The footer of keys: one line with every key the screen offers, clicked and hovered like Textual's."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from tui.widgets.key_footer import KeyFooter


class Keys(App[None]):
    BINDINGS = [
        Binding("a", "pressed('alpha')", "Alpha", tooltip="The first"),
        Binding("b", "pressed('bravo')", "Bravo"),
        Binding("c", "pressed('charlie')", "Charlie"),
        Binding("d", "pressed('delta')", "Delta", show=False),
        Binding("e,f", "pressed('echo')", "Echo"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.pressed: list[str] = []
        self.bravo_allowed = True
        self.rang = 0

    def compose(self) -> ComposeResult:
        yield Static("body")
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if parameters == ("bravo",) and not self.bravo_allowed:
            return None  # shown, but not now
        return True

    def action_pressed(self, name: str) -> None:
        self.pressed.append(name)

    def bell(self) -> None:
        self.rang += 1


def line(app: App[None]) -> str:
    return app.query_one(KeyFooter).render().plain


def x_of(app: App[None], word: str) -> int:
    return line(app).index(word)


async def test_the_footer_shows_each_shown_action_once_and_the_palette_on_the_right() -> None:
    app = Keys()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        shown = line(app)
        assert shown.startswith(" a Alpha  b Bravo  c Charlie  e Echo ")
        assert "Delta" not in shown and " f " not in shown  # not shown; a second key for the same action
        assert shown.rstrip().endswith("▏^p palette") and len(shown) == 80


async def test_a_narrow_footer_shows_whole_keys_only() -> None:
    app = Keys()
    async with app.run_test(size=(36, 5)) as pilot:
        await pilot.pause()
        assert line(app) == " a Alpha  b Bravo " + " " * 6 + "▏^p palette "
        await pilot.resize_terminal(40, 5)
        await pilot.pause()
        assert line(app) == " a Alpha  b Bravo  c Charlie▏^p palette "  # only a key's closing space may go


async def test_clicking_a_key_runs_it_and_a_key_not_allowed_now_only_rings() -> None:
    app = Keys()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        await pilot.click(KeyFooter, offset=(x_of(app, "Charlie"), 0))
        assert app.pressed == ["charlie"]
        app.bravo_allowed = False
        app.refresh_bindings()
        await pilot.pause()
        await pilot.click(KeyFooter, offset=(x_of(app, "Bravo"), 0))
        assert app.pressed == ["charlie"] and app.rang == 1


async def test_a_key_changes_in_the_footer_when_it_is_allowed_again() -> None:
    app = Keys()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(KeyFooter)
        assert all(key.enabled for key in footer.keys)
        app.bravo_allowed = False
        app.refresh_bindings()
        await pilot.pause()
        assert [key.description for key in footer.keys if not key.enabled] == ["Bravo"]
        kept = footer.keys
        app.refresh_bindings()  # nothing differs: nothing is drawn again
        await pilot.pause()
        assert footer.keys is kept


async def test_hovering_a_key_shows_its_tooltip() -> None:
    app = Keys()
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        await pilot.hover(KeyFooter, offset=(x_of(app, "Alpha"), 0))
        footer = app.query_one(KeyFooter)
        assert footer.tooltip == "The first"
        await pilot.hover(Static, offset=(1, 0))
        await pilot.hover(KeyFooter, offset=(x_of(app, "Echo"), 0))
        assert footer.tooltip is None  # a key with no tooltip shows none
