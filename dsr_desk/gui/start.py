"""From launch to an open workspace: first-run set-up, unlocking, or recovery, whichever applies."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QDialog

from dsr_desk.desk import Desk
from dsr_desk.desk.unlock import read_keyfile
from dsr_desk.documents.recovery_sheet import render_recovery_sheet
from dsr_desk.errors import DsrDeskError
from dsr_desk.gui.first_run_dialog import FirstRunDialog
from dsr_desk.gui.messages import show_error
from dsr_desk.gui.recovery_dialog import RecoveryDialog
from dsr_desk.gui.recovery_sheet_dialog import RecoverySheetDialog
from dsr_desk.gui.unlock_dialog import UnlockDialog
from dsr_desk.i18n import current_language, t
from dsr_desk.store.keychain import Keychain
from dsr_desk.store.keyfile import PASSPHRASE
from dsr_desk.store.workspace import WorkspacePaths


class Start(QObject):
    ready = Signal(object)  # the open Desk
    cancelled = Signal()

    def __init__(self, root: Path, keychain: Keychain | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.root = Path(root)
        self.keychain = keychain or Keychain()
        self.dialog: QDialog | None = None

    def begin(self) -> None:
        paths = WorkspacePaths(self.root)
        if not paths.exists():
            self._show(self._first_run())
            return
        try:
            handlers = [(h.name, h.storage == PASSPHRASE) for h in read_keyfile(paths).handlers]
        except DsrDeskError as error:
            # Kept on self: a parentless message box nobody holds would be collected before it is seen.
            self.error_box = show_error(None, error)
            self.error_box.finished.connect(lambda _result: self.cancelled.emit())
            return
        if len(handlers) == 1 and not handlers[0][1]:
            # The one handler, with the key in this computer's keychain: open without asking anything.
            try:
                self.ready.emit(Desk.open(self.root, keychain=self.keychain))
                return
            except DsrDeskError as error:
                self._show(self._unlock(handlers, problem=error.message()))
                return
        self._show(self._unlock(handlers))

    def relock(self, why: str, minutes: int) -> None:
        """The unlock dialog again, after the window locked: `why` is idle, screen or suspend. The same
        flow as at start-up, with the same way out to the recovery key."""
        try:
            keyfile = read_keyfile(WorkspacePaths(self.root))
        except DsrDeskError as error:
            self.error_box = show_error(None, error)
            self.error_box.finished.connect(lambda _result: self.cancelled.emit())
            return
        locked = t(f"gui.unlock.locked_{why}", minutes=minutes)
        handlers = [(h.name, h.storage == PASSPHRASE) for h in keyfile.handlers]
        self._show(self._unlock(handlers, locked=locked))

    def _first_run(self) -> FirstRunDialog:
        def create(**values: object) -> tuple[Desk, str]:
            return Desk.create(self.root, keychain=self.keychain, language=current_language(), **values)  # type: ignore[arg-type]

        dialog = FirstRunDialog(create, self.keychain.is_usable(), str(self.root))
        dialog.created.connect(self._created)
        dialog.rejected.connect(self.cancelled.emit)
        return dialog

    def _created(self, desk: Desk, recovery_key: str) -> None:
        sheet = render_recovery_sheet(
            organisation=desk.settings.organisation_name,
            workspace_id=desk.keyfile.workspace_id,
            recovery_key=recovery_key,
            created=desk.today(),
            workspace_path=str(self.root),
            lang=current_language(),
        )
        dialog = RecoverySheetDialog(recovery_key, sheet)
        dialog.finished.connect(lambda _result: self.ready.emit(desk))
        self._show(dialog)

    def _unlock(self, handlers: list[tuple[str, bool]], problem: str = "", locked: str = "") -> UnlockDialog:
        remembered = QSettings().value(self._last_handler_key, None)

        def open_desk(handler: str | None, passphrase: str | None) -> Desk:
            desk = Desk.open(self.root, handler=handler, passphrase=passphrase, keychain=self.keychain)
            QSettings().setValue(self._last_handler_key, desk.handler.name)
            return desk

        dialog = UnlockDialog(
            open_desk,
            handlers=handlers,
            chosen=remembered if isinstance(remembered, str) else None,
            problem=problem,
            locked=locked,
        )
        dialog.unlocked.connect(self.ready.emit)
        dialog.recovery_requested.connect(lambda: self._show(self._recovery()))
        dialog.rejected.connect(lambda: None if dialog.recovering else self.cancelled.emit())
        return dialog

    def _recovery(self) -> RecoveryDialog:
        def recover(recovery_key: str, **values: object) -> Desk:
            return Desk.open_with_recovery_key(self.root, recovery_key, keychain=self.keychain, **values)  # type: ignore[arg-type]

        dialog = RecoveryDialog(recover, self.keychain.is_usable())
        dialog.recovered.connect(self.ready.emit)
        dialog.rejected.connect(self.cancelled.emit)
        return dialog

    @property
    def _last_handler_key(self) -> str:
        # Who opened this workspace last on this computer: a convenience, never a secret.
        return f"workspaces/{hashlib.sha256(str(self.root.resolve()).encode()).hexdigest()[:16]}/handler"

    def _show(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.show()
