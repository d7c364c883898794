"""Runs the built application as a user's computer would: no Python and no virtualenv on PATH, an empty
home folder, nothing of the source tree.

    python installers/smoke_test.py [dist]

The console twin does what a new user does first (--version, init, profile, a case for Łukasz Wróbel, a
letter whose PDF text still holds the name, demo in a fresh workspace); the windowed executable starts on
the offscreen platform until its event loop runs. Only this harness uses Python (to read the PDF's text).
Prints one line per step and ends with 'smoke: N passed, N failed'; exits 1 if any step failed.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]
NAME = "Łukasz Wróbel"
PASSPHRASE = "rook-smoke-lantaarn-57"  # only for this throwaway workspace
EXE = ".exe" if sys.platform == "win32" else ""
GUI_READY = "window start-up done"  # what dsr_desk.gui.app logs once the event loop runs
STEP_TIMEOUT = 180


def executables(dist: Path) -> tuple[Path, Path]:
    folder = dist / "DSR Desk.app" / "Contents" / "MacOS" if sys.platform == "darwin" else dist / "dsr-desk"
    return folder / f"dsr-desk{EXE}", folder / f"DSR Desk{EXE}"


def bare_environment(scratch: Path) -> dict[str, str]:
    """What a fresh account has: no Python, no venv, no PYTHON* variables, nothing of ours."""
    empty_bin = scratch / "bin"
    empty_bin.mkdir()
    env = {
        "PATH": str(empty_bin),
        "HOME": str(scratch / "home"),
        "TMPDIR": str(scratch / "tmp"),
        "LANG": "C.UTF-8",
        "DSR_DESK_LOG_DIR": str(scratch / "logs"),
        "DSR_DESK_PASSPHRASE": PASSPHRASE,
    }
    if sys.platform == "win32":  # Windows itself, and nothing else, on PATH
        system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        env |= {"SYSTEMROOT": system_root, "PATH": rf"{system_root}\System32;{empty_bin}"}
        env |= {"USERPROFILE": env["HOME"], "LOCALAPPDATA": str(scratch / "home" / "AppData" / "Local")}
        env |= {"APPDATA": str(scratch / "home" / "AppData" / "Roaming"), "TEMP": env["TMPDIR"]}
    for folder in ("home", "tmp"):
        (scratch / folder).mkdir()
    for python in ("python", "python3", "py"):
        if shutil.which(python, path=env["PATH"]):
            raise SystemExit(f"smoke: {python} is on the bare PATH; the test would prove nothing")
    return env


class Smoke:
    def __init__(self, console: Path, window: Path, scratch: Path) -> None:
        self.console, self.window, self.scratch = console, window, scratch
        self.env = bare_environment(scratch)
        self.results: list[tuple[str, bool]] = []

    def run(self, *args: str, workspace: str | None = None) -> subprocess.CompletedProcess:
        prefix = ["--workspace", str(self.scratch / workspace)] if workspace else []
        return subprocess.run(
            [str(self.console), *prefix, *args],
            env=self.env,
            cwd=self.scratch,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=STEP_TIMEOUT,
            stdin=subprocess.DEVNULL,
        )

    def step(self, name: str, check: Callable[[], None]) -> None:
        started = time.monotonic()
        try:
            check()
        except (AssertionError, subprocess.SubprocessError, OSError, ValueError) as failure:
            self.results.append((name, False))
            print(f"smoke: FAILED {name}: {type(failure).__name__}: {failure}", flush=True)
            return
        self.results.append((name, True))
        print(f"smoke: ok {name} ({time.monotonic() - started:.1f} s)", flush=True)


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, f"exit {result.returncode}: {result.stderr.strip()[-2000:]}"
    return result.stdout


def main() -> int:
    dist = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"
    console, window = executables(dist)
    if not console.exists():
        raise SystemExit(f"smoke: no bundle at {console}; run `make installer` first")
    from dsr_desk import __version__  # the source's version, which the bundle must report

    with tempfile.TemporaryDirectory(prefix="dsr-desk-smoke-") as folder:
        smoke = Smoke(console, window, Path(folder))
        steps(smoke, __version__)
    passed = sum(1 for _name, good in smoke.results if good)
    failed = len(smoke.results) - passed
    print(f"smoke: {passed} passed, {failed} failed", flush=True)
    return 1 if failed else 0


def steps(smoke: Smoke, version: str) -> None:
    smoke.step("--version", lambda: _equal(ok(smoke.run("--version")).strip(), f"dsr-desk {version}"))
    smoke.step("--help in Dutch", lambda: _contains(ok(smoke.run("--help")), "gebruik: dsr-desk"))
    init = ["init", "--org", "Bakkerij De Vries", "--handler", "Petra Jansen", "--key-storage", "passphrase"]
    smoke.step("init", lambda: ok(smoke.run(*init, workspace="ws")))
    profile = [
        "profile",
        "address=Kerkstraat 1",
        "postcode_city=3511 LX Utrecht",
        "email=info@example.nl",
        "privacy_contact=Petra Jansen",
        "privacy_email=privacy@example.nl",
        "signatory_name=Petra Jansen",
    ]
    smoke.step("profile", lambda: ok(smoke.run(*profile, workspace="ws")))
    received = (dt.date.today() - dt.timedelta(days=3)).isoformat()
    new = ["case", "new", "--name", NAME, "--email", "lukasz@example.org", "--received", received]
    new += ["--type", "access", "--address", "Dorpsstraat 5 / 1234 AB Ergens"]
    reference: list[str] = []
    smoke.step(f"case new {NAME}", lambda: reference.append(ok(smoke.run(*new, workspace="ws")).strip()))
    letter = smoke.scratch / "ontvangstbevestiging.pdf"

    def write_letter() -> None:
        assert reference, "no case"
        ok(smoke.run("letter", reference[0], "acknowledgement", "-o", str(letter), workspace="ws"))
        text = "".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(letter.read_bytes())).pages)
        _contains(text, NAME)
        _contains(text, reference[0])

    smoke.step("letter whose PDF holds the name", write_letter)

    def demo() -> None:
        ok(smoke.run(*init, workspace="demo"))
        ok(smoke.run("demo", workspace="demo"))
        cases = json.loads(ok(smoke.run("case", "list", "--json", workspace="demo")))
        _equal(len(cases), 25)

    smoke.step("demo in a fresh workspace", demo)
    heic, masked = ROOT / "tests" / "data" / "scan-red-blue.heic", smoke.scratch / "kopie.png"
    mask = ["id", "mask", str(heic), "--template", "id_card_2021_front", "--purpose", "controle"]
    mask += ["-o", str(masked)]
    smoke.step("a HEIC photo is read (pi-heif)", lambda: (ok(smoke.run(*mask, workspace="ws")), _png(masked)))
    smoke.step("THIRD_PARTY_NOTICES is carried", lambda: _notices(smoke.console))
    smoke.step("the window starts", lambda: _window_starts(smoke))
    logs = (smoke.scratch / "logs", smoke.scratch / "gui-logs")
    smoke.step("the logs hold no name", lambda: _no_name_in(*logs))


def _no_name_in(*folders: Path) -> None:
    logs = [file for folder in folders for file in folder.iterdir()]
    assert logs, "no log was written"
    for file in logs:
        text = file.read_text(encoding="utf-8", errors="replace")
        assert NAME not in text and "Wróbel" not in text and PASSPHRASE not in text, file.name


def _window_starts(smoke: Smoke) -> None:
    """The windowed executable on the offscreen platform, first run: Qt's plugins, the GUI's imports and
    the first-run dialog all load when its event loop runs, which it writes to the log."""
    env = smoke.env | {"QT_QPA_PLATFORM": "offscreen", "DSR_DESK_LOG_DIR": str(smoke.scratch / "gui-logs")}
    log = smoke.scratch / "gui-logs" / "dsr-desk.log"
    process = subprocess.Popen(
        [str(smoke.window), "--workspace", str(smoke.scratch / "gui-ws")],
        env=env,
        cwd=smoke.scratch,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline, ready = time.monotonic() + STEP_TIMEOUT, False
    while not ready and time.monotonic() < deadline and process.poll() is None:
        ready = log.exists() and GUI_READY in log.read_text(encoding="utf-8", errors="replace")
        time.sleep(0.2)  # polling a process we do not control, not waiting for a fixed time
    status = process.poll()
    process.kill()
    _, err = process.communicate(timeout=30)
    assert ready, f"no '{GUI_READY}' in the log (exit {status}): {err.decode('utf-8', 'replace')[-2000:]}"


def _png(path: Path) -> None:
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"


def _notices(console: Path) -> None:
    [notices] = list(console.parent.rglob("THIRD_PARTY_NOTICES.txt")) or [None]
    assert notices is not None, "no THIRD_PARTY_NOTICES.txt in the bundle"
    text = notices.read_text(encoding="utf-8")
    for part in ("PySide6", "GNU LESSER GENERAL PUBLIC LICENSE", "SQLCipher", "pi_heif", "Python"):
        _contains(text, part)


def _equal(actual: object, expected: object) -> None:
    assert actual == expected, f"{actual!r} != {expected!r}"


def _contains(text: str, part: str) -> None:
    assert part in text, f"{part!r} not in {text[:300]!r}"


if __name__ == "__main__":
    sys.exit(main())
