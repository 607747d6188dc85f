"""The domain and the store stand without Textual (STYLE: the boundary is enforced)."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import importlib, pkgutil, sys
import tui.domain, tui.store
for package in (tui.domain, tui.store):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
leaked = sorted(name for name in sys.modules if name == "textual" or name.startswith("textual."))
print(",".join(leaked))
"""


def test_domain_and_store_do_not_import_textual():
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_importing_the_package_touches_no_files(tmp_path):
    """Nothing at import time opens files, makes folders or reads the clock's data dir."""
    code = "import tui.cli, tui.locations, tui.store, tui.domain.models"
    env = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []
