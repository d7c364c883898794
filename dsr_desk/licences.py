"""Third-party software the application ships, and the licences it ships under (THIRD_PARTY_NOTICES).

Generated from the installed distributions: every package the application needs at run time (its
requirements, followed down), each with its version, its licence (License-Expression, else License, else
the classifiers) and the licence files its wheel carries. Then what sits inside those wheels without its own
metadata (Qt, SQLCipher, OpenSSL, ...), from resources/licences/bundled.toml. A built application carries the
result as a file; a source checkout generates it when Help → Over asks.
"""

from __future__ import annotations

import contextlib
import re
import sys
import sysconfig
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path

from dsr_desk import APP_NAME, __version__
from dsr_desk.resources import resource_path

NOTICES_NAME = "THIRD_PARTY_NOTICES.txt"
DISTRIBUTION = "dsr-desk"
_COPYLEFT = re.compile(r"(?<![L])\bA?GPL|GNU (Affero )?General Public License", re.IGNORECASE)
_LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE)", re.IGNORECASE)
_RULE = "=" * 100


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    licence: str
    texts: tuple[tuple[str, str], ...]  # (file name, text)


def runtime_packages(root: str = DISTRIBUTION) -> list[Package]:
    """Every distribution the application needs on this platform, without extras (tests, build)."""
    from packaging.requirements import Requirement  # only needed where there is no shipped file

    seen: dict[str, Package] = {}
    pending = [root]
    while pending:
        name = pending.pop()
        dist = metadata.distribution(name)
        key = _normal(dist.metadata["Name"])
        if key in seen:
            continue
        if name != root:
            seen[key] = _package(dist)
        for text in dist.requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                pending.append(requirement.name)
    return sorted(seen.values(), key=lambda p: p.name.lower())


def licence_of(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    known = _supplement().get("licence", {}).get(_normal(meta["Name"]))
    if known:
        return known
    expression = meta.get("License-Expression")
    if expression:
        return expression
    declared = (meta.get("License") or "").strip().splitlines()
    if declared and len(declared[0]) < 100:
        return declared[0]
    classified = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return " OR ".join(classified) or "see the licence text"


def shippable(licence: str) -> bool:
    """A proprietary application may ship it: no alternative of the expression is GPL or AGPL only."""
    return any(not _COPYLEFT.search(choice) for choice in re.split(r"\s+OR\s+", licence))


def third_party_notices() -> str:
    shipped = resource_path(NOTICES_NAME)
    if shipped.exists():
        return shipped.read_text(encoding="utf-8")
    return render_notices(runtime_packages(), bundle=False)


def render_notices(packages: list[Package], *, bundle: bool) -> str:
    components = [c for c in _components() if _applies(c, bundle)]
    covered = {_normal(name): c["name"] for c in components for name in c.get("covers", [])}
    lines = [f"{APP_NAME} {__version__}: third-party software", _RULE, ""]
    lines.append(
        "The application ships the following software, each under its own licence. Full texts below."
    )
    lines.append("")
    lines += [f"  {p.name} {p.version}  ({p.licence})" for p in packages]
    lines += ["", "Inside those packages:", ""]
    lines += [f"  {c['name']}  ({c['licence']}), in {c['inside']}" for c in components]
    for package in packages:
        lines += ["", _RULE, f"{package.name} {package.version}", f"Licence: {package.licence}", ""]
        if package.texts:
            lines += [f"--- {file_name} ---\n{text.strip()}\n" for file_name, text in package.texts]
        else:
            lines.append(
                f"Licence text: see {covered.get(_normal(package.name), 'the licence named above')}."
            )
    for component in components:
        lines += ["", _RULE, component["name"], f"Licence: {component['licence']}"]
        lines += [f"In: {component['inside']}", f"Source: {component['source']}", ""]
        if component.get("note"):
            lines += [component["note"], ""]
        lines += [text.strip() + "\n" for text in _component_texts(component)]
    return "\n".join(lines).rstrip() + "\n"


def _package(dist: metadata.Distribution) -> Package:
    declared = dist.metadata.get_all("License-File") or []
    texts = []
    for file in dist.files or []:
        in_metadata = ".dist-info/" in file.as_posix()
        named = any(file.as_posix().endswith(entry) for entry in declared)
        # Older wheels put licence files beside METADATA without naming them.
        if in_metadata and (named or (not declared and _LICENCE_FILE.match(file.name))):
            text = file.locate().read_text(encoding="utf-8", errors="replace")
            if all(text != known for _name, known in texts):  # some wheels carry a text twice
                texts.append((file.name, text))
    return Package(dist.metadata["Name"], dist.version, licence_of(dist), tuple(texts))


def _components() -> list[dict]:
    return _supplement()["component"]


@cache
def _supplement() -> dict:
    with resource_path("licences", "bundled.toml").open("rb") as handle:
        return tomllib.load(handle)


def _applies(component: dict, bundle: bool) -> bool:
    when = component.get("when")
    return when is None or (when == "bundle" and bundle) or (when == "linux" and bundle and _linux())


def _linux() -> bool:
    return sys.platform.startswith("linux")


def _component_texts(component: dict) -> list[str]:
    texts = [
        resource_path(*name.split("/")).read_text(encoding="utf-8") for name in component.get("texts", [])
    ]
    source = component.get("from", "")
    if source == "python":
        for folder in (Path(sysconfig.get_path("stdlib")), Path(sys.base_prefix)):
            if (folder / "LICENSE.txt").exists():
                texts.append((folder / "LICENSE.txt").read_text(encoding="utf-8", errors="replace"))
                break
    elif source.startswith("dist:"):
        # Not installed where this runs (a source checkout): the licence line and source still say it.
        with contextlib.suppress(metadata.PackageNotFoundError):
            texts += [text for _name, text in _package(metadata.distribution(source[5:])).texts]
    return texts


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
