"""Builds the application for the system this runs on, into dist/ (what `make installer` runs).

    python installers/build.py [--no-package]

1. icons at every size from the SVG (installers/icons.py) and THIRD_PARTY_NOTICES.txt from the installed
   distributions, into build/installer/;
2. PyInstaller with installers/dsr-desk.spec: dist/dsr-desk/ (Windows, Linux) or dist/DSR Desk.app (macOS);
3. the package users get: Linux dist/dsr-desk-VERSION-linux-ARCH.tar.gz (with a .desktop file and icons);
   Windows dist/DSR-Desk-VERSION-setup.exe through Inno Setup's iscc; macOS dist/DSR-Desk-VERSION.dmg
   through installers/macos/build_dmg.sh. Signing is a separate, documented step (installers/README.md).
Run it from an environment installed from requirements.lock (make installer does).
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "installers"))

from icons import make_icons  # noqa: E402

from dsr_desk import __version__  # noqa: E402
from dsr_desk.licences import NOTICES_NAME, render_notices, runtime_packages  # noqa: E402

BUILD = ROOT / "build" / "installer"
DIST = ROOT / "dist"
LINUX_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main(argv: list[str]) -> int:
    started = time.monotonic()
    BUILD.mkdir(parents=True, exist_ok=True)
    make_icons(BUILD / "icons")
    notices = render_notices(runtime_packages(), bundle=True)
    (BUILD / NOTICES_NAME).write_text(notices, encoding="utf-8")
    print(f"build: icons and {NOTICES_NAME} in {BUILD.relative_to(ROOT)}", flush=True)
    pyinstaller = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    pyinstaller += ["--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller")]
    subprocess.run([*pyinstaller, str(ROOT / "installers" / "dsr-desk.spec")], check=True, cwd=ROOT)
    bundle = DIST / ("DSR Desk.app" if sys.platform == "darwin" else "dsr-desk")
    print(f"build: {bundle.relative_to(ROOT)} ({_size(bundle)}) in {time.monotonic() - started:.0f} s")
    if "--no-package" not in argv:
        package = {"linux": _linux_tarball, "win32": _windows_setup, "darwin": _macos_dmg}
        made = package.get(sys.platform, _linux_tarball)(bundle)
        if made:
            print(f"build: {made.relative_to(ROOT)} ({_size(made)})")
    print(f"build: done in {time.monotonic() - started:.0f} s", flush=True)
    return 0


def _linux_tarball(bundle: Path) -> Path:
    """The bundle with a .desktop file, icons, the notices and a per-user install script."""
    name = f"dsr-desk-{__version__}-linux-{platform.machine()}"
    target = DIST / f"{name}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=f"{name}/dsr-desk")
        linux = ROOT / "installers" / "linux"
        tar.add(linux / "dsr-desk.desktop", arcname=f"{name}/dsr-desk.desktop")
        tar.add(linux / "install.sh", arcname=f"{name}/install.sh")
        tar.add(BUILD / NOTICES_NAME, arcname=f"{name}/{NOTICES_NAME}")
        for size in LINUX_ICON_SIZES:
            png = BUILD / "icons" / "png" / f"dsr-desk-{size}.png"
            tar.add(png, arcname=f"{name}/icons/hicolor/{size}x{size}/apps/dsr-desk.png")
    return target


def _windows_setup(bundle: Path) -> Path | None:
    iscc = shutil.which("iscc") or _program_files("Inno Setup 6", "ISCC.exe")
    if not iscc:
        print("build: Inno Setup (iscc) not found; the bundle is built, the installer is not")
        return None
    script = ROOT / "installers" / "windows" / "dsr-desk.iss"
    command = [iscc, f"/DAppVersion={__version__}", f"/DRoot={ROOT}"]
    # The organisation's signing command, e.g. 'signtool.exe sign /fd sha256 /tr URL /sha1 THUMBPRINT $f':
    # a certificate in the Windows certificate store, chosen by thumbprint, so no secret is on a command line.
    sign = os.environ.get("DSR_DESK_SIGNTOOL")
    if sign:
        command += ["/DSign", f"/Sdsrsign={sign}"]
    subprocess.run([*command, str(script)], check=True)
    return DIST / f"DSR-Desk-{__version__}-setup.exe"


def _macos_dmg(bundle: Path) -> Path:
    script = ROOT / "installers" / "macos" / "build_dmg.sh"
    target = DIST / f"DSR-Desk-{__version__}.dmg"
    subprocess.run(["/bin/sh", str(script), str(bundle), str(target)], check=True)
    return target


def _program_files(*parts: str) -> str | None:
    for variable in ("ProgramFiles(x86)", "ProgramFiles"):
        base = os.environ.get(variable)
        if base and Path(base, *parts).is_file():
            return str(Path(base, *parts))
    return None


def _size(path: Path) -> str:
    files = [path] if path.is_file() else [f for f in path.rglob("*") if f.is_file() and not f.is_symlink()]
    total = sum(f.stat().st_size for f in files)
    return f"{total / 2**20:.0f} MiB"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
