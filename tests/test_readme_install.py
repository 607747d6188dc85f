"""The README's two setup commands, copied as they are, on a distribution's own Python (PEP 668):
each makes its own virtual environment, writes nothing to the system's or the user's site-packages,
and ends in a running followup (the demo on screen) or a passing test run."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sysconfig
import time
import uuid
from pathlib import Path

import pytest
from terminal_support import Tmux, needs_tmux

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
#: A distribution's own Python: it refuses `pip install` outside a virtual environment.
STOCK = Path("/usr/bin/python3")


def readme_commands() -> dict[str, str]:
    """The first `python3 -m venv` line after each of the set-up paragraphs, as `.ci/run` reads it."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = {}
    for heading in ("Install it into", "Install and run the tests"):
        after = text[text.index(heading) :]
        found[heading] = re.search(r"^python3 -m venv .*$", after, re.MULTILINE).group(0)
    return found


def stock_python_or_skip() -> Path:
    if not STOCK.exists():
        pytest.skip("no distribution Python at /usr/bin/python3")
    probe = subprocess.run(
        [str(STOCK), "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"], capture_output=True, text=True
    )
    if not (Path(probe.stdout.strip()) / "EXTERNALLY-MANAGED").exists():
        pytest.skip("/usr/bin/python3 is not marked externally managed")
    if subprocess.run([str(STOCK), "-m", "pip", "--version"], capture_output=True).returncode != 0:
        pytest.skip("/usr/bin/python3 has no pip")
    return STOCK


def checkout(tmp_path: Path) -> Path:
    """A fresh copy of the project's own files, as a newcomer's clone has them."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True)
    if listed.returncode != 0:
        pytest.skip("not a git checkout")
    copy = tmp_path / "followup"
    for name in listed.stdout.splitlines():
        source = ROOT / name
        if source.is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    return copy


def stock_environment(tmp_path: Path, python: Path) -> dict[str, str]:
    """`python3` is the distribution's; home is empty, so a write to the user's site-packages would show."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(python)
    home = tmp_path / "home"
    home.mkdir()
    keep = {key: os.environ[key] for key in ("TERM", "LANG", "LC_ALL") if key in os.environ}
    cache = Path(os.environ.get("PIP_CACHE_DIR", Path.home() / ".cache" / "pip"))
    return {
        **keep,
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "HOME": str(home),
        "PIP_CACHE_DIR": str(cache),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }


def system_site_listing() -> list[str]:
    purelib = Path(sysconfig.get_paths(vars={"base": "/usr", "platbase": "/usr"})["purelib"])
    places = [purelib, Path("/usr/lib/python3/dist-packages"), Path("/usr/local/lib")]
    return sorted(str(p) for place in places if place.exists() for p in place.rglob("followup*"))


def test_the_readme_names_a_virtual_environment_in_both_commands() -> None:
    for command in readme_commands().values():
        assert command.startswith("python3 -m venv --without-pip .venv && python3 -m pip --python .venv install ")
        assert "sudo" not in command and "--break-system-packages" not in command


def test_the_test_command_runs_the_tests_on_a_stock_python(tmp_path: Path) -> None:
    python = stock_python_or_skip()
    copy, env, before = checkout(tmp_path), stock_environment(tmp_path, python), system_site_listing()
    # The whole suite runs in CI through this same line; here one quick file proves the chain.
    command = readme_commands()["Install and run the tests"] + " tests/test_rules.py"
    done = subprocess.run(["bash", "-c", command], cwd=copy, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert re.search(r"\d+ passed", done.stdout), done.stdout[-2000:]
    assert (copy / ".venv" / "bin" / "followup").exists()
    assert not (tmp_path / "home" / ".local" / "lib").exists()
    assert system_site_listing() == before


@needs_tmux
def test_the_first_command_opens_the_demo_on_a_stock_python(tmp_path: Path) -> None:
    python = stock_python_or_skip()
    copy, env = checkout(tmp_path), stock_environment(tmp_path, python)
    tmux = Tmux(f"followup-readme-{uuid.uuid4().hex[:8]}")
    flags = [f"-e{key}={value}" for key, value in {**env, "TERM": "xterm-256color"}.items()]
    command = readme_commands()["Install it into"] + '; echo "[exit status $?]"; sleep 600'
    try:
        tmux.run("new-session", "-d", "-x", "120", "-y", "36", "-s", "readme", "-c", str(copy), *flags, command)
        deadline = time.monotonic() + 900
        while "Interviews" not in (shown := tmux.screen("readme")):
            assert "[exit status" not in shown, shown
            assert time.monotonic() < deadline, shown
            time.sleep(0.5)
        tmux.key("readme", "q")
        tmux.wait_for("readme", "[exit status 0]", timeout=30)
    finally:
        tmux.run("kill-server", check=False)
    assert not (tmp_path / "home" / ".local" / "lib").exists()
