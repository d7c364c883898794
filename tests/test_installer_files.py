"""The installers' own files: icons drawn from the SVG at every size, and the promises the install scripts
make (per user, the workspace never removed). The bundle itself is built and smoke-tested by
`make installer` in .ci/run."""

from __future__ import annotations

import configparser
import re
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
INSTALLERS = ROOT / "installers"


def test_icons_are_drawn_at_every_size_from_the_svg(tmp_path):
    subprocess.run([sys.executable, str(INSTALLERS / "icons.py"), str(tmp_path)], check=True, timeout=120)
    for size in (16, 32, 48, 256, 1024):
        with Image.open(tmp_path / "png" / f"dsr-desk-{size}.png") as png:
            assert png.size == (size, size) and png.mode == "RGBA"
            assert png.getpixel((0, 0))[3] == 0 and png.getpixel((size // 4, size // 2))[3] == 255
    with Image.open(tmp_path / "dsr-desk.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(tmp_path / "dsr-desk.icns") as icns:
        assert icns.size == (1024, 1024)


def test_the_windows_installer_is_per_user_and_its_uninstaller_keeps_the_workspace():
    script = (INSTALLERS / "windows" / "dsr-desk.iss").read_text(encoding="utf-8")
    assert re.search(r"^PrivilegesRequired=lowest$", script, re.MULTILINE)
    assert "{autoprograms}" in script  # the Start-menu entry
    assert not re.search(r"^\[UninstallDelete\]", script, re.MULTILINE) and "DelTree" not in script


def test_the_linux_menu_entry_and_install_script():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(INSTALLERS / "linux" / "dsr-desk.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Icon"] == "dsr-desk" and desktop["Exec"]
    install = (INSTALLERS / "linux" / "install.sh").read_text(encoding="utf-8")
    assert "DSR Desk" not in re.findall(r"rm -rf (\S+)", install)[0]  # only the program folder goes


def test_the_macos_bundle_asks_for_macos_14():
    spec = (INSTALLERS / "dsr-desk.spec").read_text(encoding="utf-8")
    assert '"LSMinimumSystemVersion": "14.0"' in spec and "bundle_identifier=BUNDLE_ID" in spec
