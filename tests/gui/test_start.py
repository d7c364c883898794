"""From launch to an open workspace: first run, unlocking, and the way back with the recovery key."""

from __future__ import annotations

from PySide6.QtCore import Qt

from dsr_desk.desk import Desk
from dsr_desk.gui.first_run_dialog import FirstRunDialog
from dsr_desk.gui.recovery_dialog import RecoveryDialog
from dsr_desk.gui.recovery_sheet_dialog import RecoverySheetDialog
from dsr_desk.gui.start import Start
from dsr_desk.gui.unlock_dialog import UnlockDialog
from dsr_desk.store.keychain import Keychain
from tests.conftest import PASSPHRASE
from tests.support.cases import make_case
from tests.support.memory_keyring import MemoryKeyring


def _begin(qtbot, root, keychain):
    start = Start(root, keychain)
    opened: list[Desk] = []
    start.ready.connect(opened.append)
    start.begin()
    return start, opened


def test_first_run_sets_up_a_keychain_workspace_and_shows_the_recovery_key(qtbot, workspace_dir, keychain):
    start, opened = _begin(qtbot, workspace_dir, keychain)
    dialog = start.dialog
    assert isinstance(dialog, FirstRunDialog)
    qtbot.addWidget(dialog)
    assert dialog.keys.use_keychain.isChecked()
    qtbot.keyClicks(dialog.organisation, "Bakkerij De Vries")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    sheet = start.dialog
    assert isinstance(sheet, RecoverySheetDialog)
    qtbot.addWidget(sheet)
    assert len(sheet.key.text().replace("-", "")) == 36
    assert not sheet.done_button.isEnabled()
    sheet.reject()  # closing is refused until the key is kept
    assert sheet.isVisible()
    sheet.kept.setChecked(True)
    qtbot.mouseClick(sheet.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert opened[0].settings.organisation_name == "Bakkerij De Vries"
    assert keychain.load(opened[0].keyfile.workspace_id)
    opened[0].close()


def test_first_run_without_a_keychain_asks_for_a_passphrase_twice(qtbot, workspace_dir):
    start, _opened = _begin(qtbot, workspace_dir, Keychain())  # keyring's fail backend: no keychain
    dialog = start.dialog
    qtbot.addWidget(dialog)
    assert not dialog.keys.use_keychain.isEnabled() and dialog.keys.use_passphrase.isChecked()
    qtbot.keyClicks(dialog.organisation, "Bakkerij De Vries")
    qtbot.keyClicks(dialog.keys.passphrase, "kort")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert "12 tekens" in dialog.banner.text() and "niet gelijk" in dialog.banner.text()
    assert not (workspace_dir / "keyfile.json").exists()
    dialog.keys.passphrase.setText(PASSPHRASE)
    dialog.keys.repeat.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert isinstance(start.dialog, RecoverySheetDialog)
    qtbot.addWidget(start.dialog)
    Desk.open(workspace_dir, passphrase=PASSPHRASE).close()


def test_a_passphrase_workspace_asks_and_says_when_it_is_wrong(
    qtbot, passphrase_desk, workspace_dir, keychain
):
    reference = make_case(passphrase_desk).reference
    passphrase_desk.close()
    start, opened = _begin(qtbot, workspace_dir, keychain)
    dialog = start.dialog
    assert isinstance(dialog, UnlockDialog)
    qtbot.addWidget(dialog)
    assert dialog.banner.isHidden()  # no error before anything was tried
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert "Typ eerst de wachtwoordzin" in dialog.banner.text() and "DSR_DESK" not in dialog.banner.text()
    qtbot.keyClicks(dialog.passphrase, "verkeerde wachtwoordzin")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert "Onjuiste wachtwoordzin" in dialog.banner.text()
    assert opened == []
    dialog.passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert [c.reference for c in opened[0].list_cases()] == [reference]
    opened[0].close()


def test_a_keychain_workspace_opens_without_asking(qtbot, desk, workspace_dir, keychain):
    desk.close()
    start, opened = _begin(qtbot, workspace_dir, keychain)
    assert start.dialog is None and len(opened) == 1
    opened[0].close()


def test_a_lost_keychain_entry_leads_to_the_recovery_key(qtbot, workspace_dir):
    keychain = Keychain(MemoryKeyring())
    desk, recovery_key = Desk.create(workspace_dir, organisation="X", storage="keychain", keychain=keychain)
    reference = make_case(desk).reference
    desk.close()
    new_machine = Keychain(MemoryKeyring())  # the same files, a keychain without the entry
    start, opened = _begin(qtbot, workspace_dir, new_machine)
    unlock = start.dialog
    assert isinstance(unlock, UnlockDialog)
    qtbot.addWidget(unlock)
    assert "herstelsleutel" in unlock.explanation.text()
    assert unlock.banner.isHidden()  # why the window opened is no error of the user's
    unlock._recover()
    recovery = start.dialog
    assert isinstance(recovery, RecoveryDialog)
    qtbot.addWidget(recovery)
    recovery.recovery_key.setText(recovery_key[:-1] + ("0" if recovery_key[-1] != "0" else "1"))
    recovery._open()
    assert "typfout" in recovery.banner.text() or "overgenomen" in recovery.banner.text()
    recovery.recovery_key.setText(recovery_key)
    recovery._open()
    qtbot.waitUntil(lambda: len(opened) == 1)
    assert [c.reference for c in opened[0].list_cases()] == [reference]
    opened[0].close()
    Desk.open(workspace_dir, keychain=new_machine).close()


def test_a_damaged_keyfile_says_so_and_closing_the_message_ends_the_start(
    qtbot, desk, workspace_dir, keychain
):
    import gc

    desk.close()
    (workspace_dir / "keyfile.json").write_text("{ damaged", encoding="utf-8")
    start, opened = _begin(qtbot, workspace_dir, keychain)
    gc.collect()  # the message must survive a collection: nothing but the start object holds it
    qtbot.waitUntil(lambda: start.error_box.isVisible())
    assert "werkmap is beschadigd" in start.error_box.text()
    with qtbot.waitSignal(start.cancelled):
        start.error_box.close()
    assert opened == []
