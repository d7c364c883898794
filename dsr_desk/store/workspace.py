"""A workspace is a folder: keyfile.json, settings.toml, index.dsrdb, cases/, backups/, locks/."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from dsr_desk import APP_NAME

CASE_SUFFIX = ".dsrcase"
KEY_SUFFIX = ".dsrkey"
TOMBSTONE_SUFFIX = ".dsrgone"
ATTACHMENTS_SUFFIX = ".files"
# Every kind of file or folder in cases/ that carries a case's reference in its name.
_NAMED_AFTER_A_CASE = (
    CASE_SUFFIX,
    KEY_SUFFIX,
    TOMBSTONE_SUFFIX,
    TOMBSTONE_SUFFIX + ".refused",
    ATTACHMENTS_SUFFIX,
)
_REFERENCE = re.compile(r"^DSR-\d{4}-\d{4,}$")


def default_workspace_dir() -> Path:
    """The platform's user-data folder: %LOCALAPPDATA%, ~/Library/Application Support, ~/.local/share."""
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "workspace"


def is_reference(text: str) -> bool:
    return _REFERENCE.match(text) is not None


@dataclass(frozen=True)
class WorkspacePaths:
    root: Path

    @property
    def keyfile(self) -> Path:
        return self.root / "keyfile.json"

    @property
    def settings(self) -> Path:
        return self.root / "settings.toml"

    @property
    def signing_key(self) -> Path:
        return self.root / "signing.json"

    @property
    def index(self) -> Path:
        return self.root / "index.dsrdb"

    @property
    def cases(self) -> Path:
        return self.root / "cases"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def letter_templates(self) -> Path:
        """The organisation's own letter templates, which replace the shipped ones where present."""
        return self.root / "letters"

    @property
    def logo(self) -> Path:
        return self.root / "letterhead" / "logo.png"

    def case_file(self, reference: str) -> Path:
        return self.cases / f"{_checked(reference)}{CASE_SUFFIX}"

    def case_key(self, reference: str) -> Path:
        return self.cases / f"{_checked(reference)}{KEY_SUFFIX}"

    def tombstone(self, reference: str) -> Path:
        return self.cases / f"{_checked(reference)}{TOMBSTONE_SUFFIX}"

    def case_attachments(self, reference: str) -> Path:
        """The folder of the case's large attachments (store/attachment_files.py), made when first needed."""
        return attachments_folder(self.case_file(reference), reference)

    def attachment_folders_on_disk(self) -> set[str]:
        return _references(self.cases, ATTACHMENTS_SUFFIX)

    def case_file_in_progress(self, reference: str) -> Path:
        """A new case is built under this name and renamed into place only when complete."""
        return self.cases / f".{_checked(reference)}{CASE_SUFFIX}.creating"

    def exists(self) -> bool:
        return self.keyfile.exists()

    @property
    def locks(self) -> Path:
        return self.root / "locks"

    def make_folders(self) -> None:
        for folder in (self.root, self.cases, self.backups, self.locks):
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if os.name == "posix":
                folder.chmod(0o700)  # a folder chosen that already existed keeps no wider mode

    def case_references_on_disk(self) -> set[str]:
        return _references(self.cases, CASE_SUFFIX)

    def case_keys_on_disk(self) -> set[str]:
        return _references(self.cases, KEY_SUFFIX)

    def tombstones_on_disk(self) -> set[str]:
        return _references(self.cases, TOMBSTONE_SUFFIX)

    def cases_on_disk(self) -> dict[str, set[str]]:
        """One look at cases/: for each kind of file named after a case (by suffix), the references held."""
        return _references_by_suffix(self.cases)

    def references_on_disk(self) -> set[str]:
        """Every reference any file in cases/ is named after: live, destroyed, unreadable or set aside."""
        return set().union(*self.cases_on_disk().values())

    def reference_in_use_on_disk(self, reference: str) -> bool:
        return any((self.cases / f"{_checked(reference)}{suffix}").exists() for suffix in _NAMED_AFTER_A_CASE)

    def leftovers(self, exclude: set[str] = frozenset()) -> list[Path]:
        """Half-made files of an interrupted write, in the folders whose files are only written under the
        workspace lock: a case file being built (unless its creation is recorded in `exclude`, which the
        clean-up finishes or undoes by name) and atomic writes' temp files."""
        building = [
            p
            for p in self.cases.glob(f".*{CASE_SUFFIX}.creating*")
            if p.name[1:].split(CASE_SUFFIX)[0] not in exclude
        ]
        temps = [p for folder in (self.root, self.cases, self.logo.parent) for p in folder.glob(".*.tmp")]
        return sorted(building) + sorted(temps)


def attachments_folder(case_file: Path, reference: str) -> Path:
    return case_file.parent / f"{_checked(reference)}{ATTACHMENTS_SUFFIX}"


def _references(folder: Path, suffix: str) -> set[str]:
    return _references_by_suffix(folder)[suffix]


def _references_by_suffix(folder: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {suffix: set() for suffix in _NAMED_AFTER_A_CASE}
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                suffix = next((s for s in _NAMED_AFTER_A_CASE if entry.name.endswith(s)), None)
                if suffix is not None and is_reference(entry.name[: -len(suffix)]):
                    found[suffix].add(entry.name[: -len(suffix)])
    except FileNotFoundError:
        pass
    return found


def _checked(reference: str) -> str:
    # References become file names: refuse anything that could step outside cases/.
    if not is_reference(reference):
        raise ValueError("not a case reference")
    return reference
