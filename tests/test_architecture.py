"""The house rules of DESIGN.md that a test can hold."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import dsr_desk

PACKAGE = Path(dsr_desk.__file__).parent


def _modules_outside_gui() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.walk_packages([str(PACKAGE)], prefix="dsr_desk.")
        if not info.name.startswith("dsr_desk.gui") and info.name != "dsr_desk.__main__"
    )


def test_nothing_outside_gui_loads_pyside6():
    modules = _modules_outside_gui()
    assert "dsr_desk.desk.workspace" in modules and "dsr_desk.cli" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_rules_do_no_io_and_store_knows_no_desk():
    for path in (PACKAGE / "rules").rglob("*.py"):
        source = path.read_text()
        assert not re.search(
            r"^\s*(import|from)\s+(dsr_desk\.(store|desk|documents|gui|cli)|sqlalchemy|os\b)", source, re.M
        ), path
    for path in (PACKAGE / "store").rglob("*.py"):
        assert not re.search(r"^\s*from dsr_desk\.(desk|documents|gui|cli)", path.read_text(), re.M), path


def test_modules_stay_small():
    too_big = {
        str(path.relative_to(PACKAGE)): n
        for path in PACKAGE.rglob("*.py")
        if (n := len(path.read_text().splitlines())) > 300
    }
    assert not too_big, f"split these modules: {too_big}"
