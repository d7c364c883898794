"""Real file systems that refuse writes: a read-only folder, a workspace made read-only after it was
set up, a tiny file system that fills up. As root permission bits are ignored, so there a tmpfs mount
stands in; a test that cannot have one is skipped, saying why."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(*args: str) -> bool:
    return subprocess.run(["mount", *args], capture_output=True).returncode == 0


@contextlib.contextmanager
def tmpfs(folder: Path, size: str = "64m") -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)):
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def make_read_only(folder: Path) -> None:
    """The folder (a tmpfs from tmpfs(), when root) can no longer be written, nor anything in it."""
    if os.geteuid() == 0:
        assert _mount("-o", "remount,ro", str(folder)), "remount read-only"
        return
    for path in sorted(folder.rglob("*"), reverse=True):
        path.chmod(0o500 if path.is_dir() else 0o400)
    folder.chmod(0o500)


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    if os.geteuid() == 0:
        with tmpfs(folder):
            make_read_only(folder)
            yield folder
        return
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o500)
    try:
        yield folder
    finally:
        folder.chmod(0o700)
