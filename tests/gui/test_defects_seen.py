"""The defects a privacy officer ran into in a day of trying, each as what they would notice now."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from dsr_desk.desk.demo import demo_organisation
from dsr_desk.gui.case_filter_model import CaseFilter
from dsr_desk.gui.case_table_model import REFERENCE_ROLE, Column
from dsr_desk.gui.help_dialogs import ManualDialog, manual_html
from dsr_desk.gui.identity.redaction_editor import RedactionEditor
from dsr_desk.gui.letter_dialog import LetterDialog
from dsr_desk.gui.letters_panel import SentLetterViewer
from dsr_desk.resources import resource_path
from dsr_desk.rules.letters import LetterKind
from tests.support.cases import make_case


def _cases(desk, *names: str) -> list[str]:
    return [
        make_case(desk, name=name, email=f"{name.split()[0].lower()}@example.nl").reference for name in names
    ]


def test_a_search_hit_opens_with_enter_a_click_or_a_double_click(qtbot, window, desk):
    jan, marieke = _cases(desk, "Jan Jansen", "Marieke de Jong")
    window.refresh_cases()
    window.select_case(jan)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "marieke")
    assert window.proxy.rowCount() == 1
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    assert window.case_view.case.reference == marieke
    window.show_start_page()  # the hit is still the current row, but nothing is open
    hit = window.proxy.index(0, Column.REQUESTER)
    rect = window.table.visualRect(hit)
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.case_view.case is not None and window.case_view.case.reference == marieke
    window.show_start_page()
    window.table.setFocus()
    window.table.setCurrentIndex(hit)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert window.detail.currentWidget() is window.case_scroll


def test_the_status_bar_counts_what_the_list_shows(qtbot, window, desk):
    _cases(desk, "Jan Jansen", "Marieke de Jong", "Sem Bos")
    window.refresh_cases()
    assert window.count_label.text() == "3 verzoeken"
    window.search.setText("marieke")
    assert window.count_label.text() == "1 van 3 verzoeken"
    window.search.clear()
    window.set_filter(CaseFilter.CLOSED)
    assert window.count_label.text() == "0 van 3 verzoeken"


def test_the_start_page_counts_are_filters_and_the_list_says_the_next_step(qtbot, window, desk):
    demo_organisation(desk)
    make_case(desk, received=dt.date(2026, 10, 20))  # due Friday 20 November: this week
    window.refresh_cases()
    assert window.detail.currentWidget() is window.placeholder
    assert window.proxy.index(0, Column.NEXT_STEP).data() == "Ontvangst bevestigen"
    overdue = window.start_page.counts[CaseFilter.OVERDUE]
    assert overdue.text() == "0 verzoeken verlopen"
    this_week = window.start_page.counts[CaseFilter.THIS_WEEK]
    assert this_week.text() == "1 verzoek deze week af"
    qtbot.mouseClick(this_week, Qt.MouseButton.LeftButton)
    assert window.status_filter.currentData() == CaseFilter.THIS_WEEK.value
    assert window.proxy.rowCount() == 1


def test_the_log_tab_counts_what_it_lists_and_follows_every_action(
    qtbot, window, desk, tmp_path, monkeypatch
):
    demo_organisation(desk)
    [reference] = _cases(desk, "Jan Jansen")
    window.refresh_cases()
    window.select_case(reference)
    view = window.case_view
    letter = view.make_letter(LetterKind.ACKNOWLEDGEMENT)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "brief.pdf"), ""))
    qtbot.waitUntil(lambda: letter.rendering is None, timeout=20000)
    with qtbot.waitSignal(letter.recorded):
        letter.save_letter()
    assert letter.isVisible()  # still open, and the log already has the letter
    rows = view.audit_model.rowCount()
    assert rows == len(desk.open_case(reference).events())
    assert f"{rows} gebeurtenissen" in view.log.state.text()
    assert view.tabs.tabText(3) == f"Logboek ({rows})"
    letter.reject()


def test_the_templates_folder_is_named_and_its_path_can_be_copied(qtbot, window, monkeypatch):
    settings = window.show_settings()
    dialog = settings.letters_tab.adapt_templates()
    qtbot.waitUntil(dialog.isVisible)
    folder = str(window.desk.paths.letter_templates)
    assert dialog.path.text() == folder
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == folder
    # Where no file manager can be launched, the platform says so (a fault not to be caused here).
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    assert not dialog.open_folder()
    assert "geen bestandsbeheer" in dialog.result.text()


def test_the_sent_letter_viewer_prints_saves_and_closes(qtbot, window, desk, tmp_path, monkeypatch):
    demo_organisation(desk)
    [reference] = _cases(desk, "Jan Jansen")
    with desk.open_case(reference) as case:
        case.record_letter(
            LetterKind.ACKNOWLEDGEMENT, "nl", case.make_letter(LetterKind.ACKNOWLEDGEMENT, "nl")
        )
    window.refresh_cases()
    window.select_case(reference)
    panel = window.case_view.letters_panel
    viewer = panel.open_letter(panel.list.item(0).data(Qt.ItemDataRole.UserRole))
    assert isinstance(viewer, SentLetterViewer) and viewer.document.pageCount() >= 1
    buttons = viewer.findChild(QDialogButtonBox).buttons()
    assert sorted(b.text() for b in buttons) == ["Afdrukken…", "Kopie opslaan…", "Sluiten"]
    target = tmp_path / "kopie.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    viewer.save_copy()
    assert target.read_bytes() == viewer.pdf
    with desk.open_case(reference) as case:
        assert len(case.letters()) == 1  # a copy is no new letter


def test_a_wrong_profile_is_refused_with_its_fields_outlined_until_they_are_fixed(qtbot, window, desk):
    settings = window.show_settings()
    tab = settings.organisation_tab
    tab.fields["chamber_of_commerce"].setText("1234")
    tab.fields["email"].setText("sanne@")
    settings.save_button.click()
    assert settings.isVisible()
    assert "8 cijfers" in settings.banner.text() and "sanne@" in settings.banner.text()
    assert tab.fields["chamber_of_commerce"].property("invalid") is True
    tab.fields["chamber_of_commerce"].setText("12345678")
    assert not tab.fields["chamber_of_commerce"].property("invalid")
    assert tab.fields["email"].property("invalid") is True
    assert desk.settings.profile.chamber_of_commerce == ""


def test_the_empty_redaction_editor_says_what_to_do(qtbot):
    editor = RedactionEditor()
    qtbot.addWidget(editor)
    assert editor.hint is not None and "Sleep een scan" in editor.hint.toPlainText()
    assert editor.scene().itemsBoundingRect() != QRectF()


def test_help_has_the_manual_with_its_own_screenshots(qtbot, window):
    html = manual_html("nl")
    assert "Handleiding" in html and "Volgende stap" in html
    images = [part.split('"')[0] for part in html.split('src="')[1:]]
    assert len(images) >= 6
    for image in images:
        assert resource_path("manual", image).stat().st_size > 10_000, image
    manual = ManualDialog(window)
    qtbot.addWidget(manual)
    assert "archief" in manual.browser.toPlainText()
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    assert help_menu.actions()[0].text() == "&Handleiding"
    assert help_menu.actions()[0].shortcut().toString() == "F1"


def test_the_next_step_is_one_key_away(qtbot, window, desk):
    demo_organisation(desk)
    [reference] = _cases(desk, "Jan Jansen")
    window.refresh_cases()
    window.select_case(reference)
    qtbot.keyClick(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    letter = window.case_view.letters_panel.findChild(LetterDialog)
    qtbot.waitUntil(lambda: letter is not None and letter.isVisible())
    assert letter.current_kind() is LetterKind.ACKNOWLEDGEMENT
    assert window.table.model().index(0, 0).data(REFERENCE_ROLE) == reference


def test_the_demo_opens_in_a_workspace_and_window_of_its_own(qtbot, window, desk):
    own = _cases(desk, "Jan Jansen")
    assert window.start_page.demo_button.isVisible()
    window.open_demo(count=3)
    qtbot.waitUntil(lambda: len(window.demo_windows) == 1, timeout=60000)
    demo = window.demo_windows[0]
    qtbot.addWidget(demo)
    assert "DEMO" in demo.windowTitle() and "DEMO" not in window.windowTitle()
    assert demo.desk.paths.root != desk.paths.root and len(demo.desk.list_cases()) == 3
    assert not demo.start_page.demo_button.isVisible()  # no demo inside the demo
    folder = demo.demo_folder
    demo.close()
    assert not folder.exists()
    assert [c.reference for c in desk.list_cases()] == own and not desk.settings.demo
    assert desk.settings.profile.signatory_name == ""
