"""File modes on POSIX: 0600 for every file of the workspace (case files, keys, the index, settings, the
logo, the letter templates) and 0700 for its folders, so no other local user can read even the encrypted
bytes. On Windows the user profile's ACL does this (README)."""

from __future__ import annotations

import io
import os
import stat

import pytest
from PIL import Image

from dsr_desk.desk import Desk
from dsr_desk.documents.letters.templates import copy_defaults_to
from tests.support.cases import make_case

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes; Windows relies on the profile's ACL")


def _modes(root):
    for path in [root, *root.rglob("*")]:
        yield path, stat.S_IMODE(path.stat().st_mode)


def test_every_file_is_0600_and_every_folder_0700(desk):
    summary = make_case(desk)
    with desk.open_case(summary.reference) as case:
        case.add_note("Gebeld.")
    logo = io.BytesIO()
    Image.new("RGB", (200, 80), "navy").save(logo, "PNG")
    desk.set_logo(logo.getvalue())
    copy_defaults_to(desk.paths.letter_templates)
    wide = {str(p.relative_to(desk.paths.root)): oct(m) for p, m in _modes(desk.paths.root)
            if m != (0o700 if p.is_dir() else 0o600)}  # fmt: skip
    assert wide == {}
    assert {p.name for p, _ in _modes(desk.paths.root)} >= {"index.dsrdb", f"{summary.reference}.dsrcase"}


def test_a_folder_that_already_existed_is_narrowed_when_it_becomes_a_workspace(tmp_path, keychain):
    root = tmp_path / "gekozen map"
    root.mkdir(mode=0o755)
    root.chmod(0o755)
    Desk.create(root, organisation="X", storage="keychain", keychain=keychain)[0].close()
    assert stat.S_IMODE(root.stat().st_mode) == 0o700


def test_an_older_workspace_with_wider_files_is_narrowed_when_opened(desk, workspace_dir, keychain):
    summary = make_case(desk)
    desk.close()
    case_file = desk.paths.case_file(summary.reference)
    for path in (desk.paths.index, case_file):
        path.chmod(0o644)
    with Desk.open(workspace_dir, keychain=keychain) as reopened, reopened.open_case(summary.reference):
        pass
    assert stat.S_IMODE(desk.paths.index.stat().st_mode) == 0o600
    assert stat.S_IMODE(case_file.stat().st_mode) == 0o600
