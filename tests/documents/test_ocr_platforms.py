"""Tesseract on the desktops it is installed on: found off PATH, and started without a console window."""

from __future__ import annotations

from dsr_desk.documents import ocr


def test_tesseract_is_found_where_the_windows_installer_puts_it_when_not_on_path(tmp_path, monkeypatch):
    assert ocr.creation_flags() == 0  # nothing to hide on this platform
    program = tmp_path / "Tesseract-OCR" / "tesseract.exe"
    program.parent.mkdir()
    program.write_bytes(b"")
    monkeypatch.setattr(ocr.sys, "platform", "win32")  # the platform this machine cannot be
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("ProgramFiles", str(tmp_path))
    assert ocr.tesseract_command() == str(program)
    assert ocr.creation_flags() == 0x08000000  # CREATE_NO_WINDOW: no console flashes up


def test_without_tesseract_anywhere_ocr_is_simply_not_offered(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr.sys, "platform", "darwin")
    monkeypatch.setattr(ocr, "USUAL_PLACES", {"darwin": (("", str(tmp_path / "bin" / "tesseract")),)})
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert not ocr.tesseract_available()
