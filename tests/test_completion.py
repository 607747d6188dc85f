"""Shell completion made from the parser: bash completes verbs, a verb's options and their values;
zsh and fish read their scripts without error and complete the same."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from verbs_support import REPO

from tui.cli.completion import script


def bash_complete(*words: str) -> list[str]:
    """What bash offers for the last word of `followup WORDS...`."""
    line = " ".join(f"'{w}'" for w in ("followup", *words))
    program = f"{script('bash')}\nCOMP_WORDS=({line}); COMP_CWORD={len(words)}; _followup; printf '%s\\n' \"${{COMPREPLY[@]}}\""
    done = subprocess.run(["bash", "--norc", "-c", program], capture_output=True, text=True, cwd=REPO, timeout=30)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_bash_completes_verbs_options_and_their_values():
    assert {"export", "edit", "archive"} <= set(bash_complete("e")) | set(bash_complete("a"))
    assert set(bash_complete("ex")) == {"export"}
    assert set(bash_complete("export", "--f")) == {"--format"}
    assert set(bash_complete("export", "--format", "")) == {"csv", "json", "md", "ics", "vcf"}
    assert set(bash_complete("import", "--format", "")) == {"csv", "json"}
    assert "voicemail-left" in bash_complete("log-call", "3f2a", "--outcome", "v")
    assert set(bash_complete("thank", "3f2a", "--channel", "l")) == {"linkedin"}
    assert "--db" in bash_complete("list", "--d") and "--due" in bash_complete("list", "--d")


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_zsh_loads_its_script():
    done = subprocess.run(
        ["zsh", "-f", "-c", script("zsh") + "\nprint -r -- $_comps[followup]"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert done.returncode == 0, done.stderr
    assert "_followup" in done.stdout


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_completes_verbs_and_values():
    program = script("fish") + "\ncomplete -C 'followup exp'\ncomplete -C 'followup export --format '\n"
    done = subprocess.run(["fish", "--no-config", "-c", program], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    offered = {line.split("\t")[0] for line in done.stdout.splitlines()}
    assert {"export", "csv", "ics", "vcf"} <= offered
