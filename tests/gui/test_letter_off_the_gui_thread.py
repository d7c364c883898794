"""A letter is laid out off the window's thread, behind the progress helper: the window keeps answering
while it renders, the progress shows once it takes a while, and the preview arrives when it is done."""

from __future__ import annotations

import threading

from PySide6.QtCore import QTimer

from dsr_desk.desk.demo import demo_organisation
from dsr_desk.gui.background import ProgressDialog
from tests.support.cases import make_case


def test_the_window_answers_while_a_letter_renders_and_the_progress_shows(qtbot, window, desk, monkeypatch):
    demo_organisation(desk)
    summary = make_case(desk)
    window.refresh_cases()
    window.select_case(summary.reference)
    qtbot.waitUntil(lambda: window.case_view.case is not None)
    case = window.case_view.case
    # The real letter, held back until the test lets it go: as slow as a letter can be, made on cue.
    release, started, threads = threading.Event(), threading.Event(), []
    make_letter = case.make_letter

    def held(kind, lang):
        threads.append(threading.current_thread())
        started.set()
        release.wait(30)
        return make_letter(kind, lang)

    monkeypatch.setattr(case, "make_letter", held)
    dialog = window.case_view.letters_panel.make_letter()
    qtbot.waitUntil(started.is_set)
    assert threads[0] is not threading.main_thread()
    ticks = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(10)
    qtbot.waitUntil(lambda: len(ticks) >= 5)  # the event loop runs: the window is not frozen
    assert not dialog.save_button.isEnabled() and not dialog.preview_button.isEnabled()
    qtbot.waitUntil(lambda: any(d.isVisible() for d in dialog.findChildren(ProgressDialog)), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: dialog.rendering is None, timeout=20000)
    timer.stop()
    assert dialog.pdf is not None and dialog.save_button.isEnabled()
    assert not any(d.isVisible() for d in dialog.findChildren(ProgressDialog))
