"""requirements.lock follows pyproject.toml: every dependency (and test and build extra) is pinned, with
hashes, within pyproject's range, for every platform the installers are built on."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "requirements.lock"
PLATFORMS = {  # the build machines: Windows and macOS (GitHub Actions), Linux (here)
    "windows": {"sys_platform": "win32", "platform_system": "Windows"},
    "macos": {"sys_platform": "darwin", "platform_system": "Darwin"},
    "linux": {"sys_platform": "linux", "platform_system": "Linux"},
}
_PIN = re.compile(r"^(?P<name>[A-Za-z0-9._-]+)==(?P<version>\S+)(?:\s*;\s*(?P<marker>[^\\]+?))?\s*\\?$")


def _pins() -> list[tuple[str, Version, Marker | None, int]]:
    pins = []
    lines = LOCK.read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        found = _PIN.match(line)
        if found:
            hashes = 0
            for following in lines[index + 1 :]:
                if not following.strip().startswith("--hash="):
                    break
                hashes += 1
            marker = Marker(found["marker"]) if found["marker"] else None
            pins.append((canonicalize_name(found["name"]), Version(found["version"]), marker, hashes))
    return pins


def _wanted() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project.get("optional-dependencies", {})
    return [Requirement(text) for text in [*project["dependencies"], *extras["test"], *extras["build"]]]


def test_every_dependency_in_pyproject_is_pinned_in_the_lock_within_its_range():
    pins = _pins()
    assert pins, "requirements.lock has no pins"
    for platform, environment in PLATFORMS.items():
        for python in ("3.11", "3.12", "3.13"):
            env = environment | {"python_version": python, "python_full_version": f"{python}.0"}
            here = {name: v for name, v, marker, _ in pins if marker is None or marker.evaluate(env)}
            for requirement in _wanted():
                if requirement.marker is not None and not requirement.marker.evaluate(env):
                    continue
                pinned = here.get(canonicalize_name(requirement.name))
                assert pinned is not None and requirement.specifier.contains(pinned, prereleases=True), (
                    f"{requirement} is not pinned in requirements.lock for {platform}, Python {python} "
                    f"(found {pinned}): run `make lock` after changing pyproject.toml"
                )


def test_every_pin_carries_hashes_so_pip_installs_exactly_these_files():
    assert all(hashes > 0 for _name, _version, _marker, hashes in _pins())
