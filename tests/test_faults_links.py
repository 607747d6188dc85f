"""A workbook kept in a synced folder through a symlink: every save goes through the link to its
target (the same atomic replace, in the target's folder) and the link stays a link. A hard link is
broken by an atomic save, as the README says."""

from __future__ import annotations

import os

from test_ui_flows import acme
from ui_support import running, seed, stored
from verbs_support import REPO, followup

from tui.store import Workbook


def synced(tmp_path):
    """`~/workbook.json` -> `~/Dropbox/followup/workbook.json`, the way people set it up."""
    folder = tmp_path / "Dropbox" / "followup"
    folder.mkdir(parents=True)
    target = folder / "workbook.json"
    seed(target, [acme(company="Acme")])
    link = tmp_path / "workbook.json"
    link.symlink_to(target)
    return link, target


def test_every_verb_saves_through_the_link_and_the_link_stays(tmp_path):
    link, target = synced(tmp_path)
    for args in (
        ["add", "--company", "Borealis", "--role", "Researcher"],
        ["profile", "--name", "Sam Lee"],
        ["log-call", stored(target)["interviews"][0]["id"][:8], "--outcome", "busy"],
    ):
        done = followup(link, *args)
        assert done.returncode == 0, (args, done.stderr)
        assert link.is_symlink() and os.readlink(link) == str(target), f"{args[0]} replaced the link"
    tables = stored(target)
    assert sorted(i["company"] for i in tables["interviews"]) == ["Acme", "Borealis"]
    assert tables["profile"][0]["name"] == "Sam Lee" and len(tables["calls"]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Dropbox", "workbook.json"], "files left beside the link"
    assert sorted(p.name for p in target.parent.iterdir()) == ["workbook.json", "workbook.json.bak"]


def test_a_link_whose_target_is_not_there_yet_makes_the_target(tmp_path):
    folder = tmp_path / "Dropbox"
    folder.mkdir()
    link = tmp_path / "workbook.json"
    link.symlink_to(folder / "workbook.json")
    assert followup(link, "add", "--company", "Acme", "--role", "Designer").returncode == 0
    assert link.is_symlink() and (folder / "workbook.json").is_file()
    assert [i["company"] for i in stored(folder / "workbook.json")["interviews"]] == ["Acme"]


async def test_the_app_saves_typing_through_the_link(tmp_path):
    from test_faults_disk import type_notes, until

    link, target = synced(tmp_path)
    async with running(link) as pilot:
        await pilot.press("3")
        await type_notes(pilot, "typed in the app")
        await until(pilot, lambda: not pilot.app.workbook.dirty, "saved")
        assert link.is_symlink()
    assert stored(target)["interviews"][0]["notes"] == "typed in the app"
    assert link.is_symlink() and os.readlink(link) == str(target)


def test_one_lock_for_the_link_and_the_target(tmp_path):
    """Opened through the link and by its real name at once: the second is refused, not a second writer."""
    link, target = synced(tmp_path)
    with Workbook.open(link, autosave=False):
        done = followup(target, "add", "--company", "Borealis", "--role", "Researcher")
        assert done.returncode == 1 and "already open in another followup" in done.stderr


def test_a_hard_link_is_broken_by_a_save_as_the_readme_says(tmp_path):
    path = tmp_path / "workbook.json"
    seed(path, [acme()])
    other = tmp_path / "other-name.json"
    os.link(path, other)
    assert followup(path, "add", "--company", "Borealis", "--role", "Researcher").returncode == 0
    assert os.stat(path).st_nlink == 1, "the save kept the hard link"
    assert [i["company"] for i in stored(other)["interviews"]] == ["Acme"]  # the other name keeps the old copy
    said = (REPO / "README.md").read_text(encoding="utf-8")
    assert "hard link" in said and "symlink" in said
