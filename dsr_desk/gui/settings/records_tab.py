"""Settings → Bewaren: the retention term with its reasoning, automatic backups, the signing fingerprint."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.desk import Desk
from dsr_desk.errors import DsrDeskError
from dsr_desk.gui.settings.general_tab import hint
from dsr_desk.i18n import format_datetime, t
from dsr_desk.store.settings import BACKUP_WHEN, MAX_BACKUP_KEEP, MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS


class RecordsTab(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        settings = desk.settings
        retention = QGroupBox(t("gui.records.retention"), self)
        self.retention_months = QSpinBox(self)
        self.retention_months.setRange(MIN_RETENTION_MONTHS, MAX_RETENTION_MONTHS)
        self.retention_months.setSuffix(t("gui.records.months_suffix"))
        self.retention_months.setValue(settings.retention_months)
        form = QFormLayout(retention)
        form.addRow(t("gui.records.retention_months"), self.retention_months)
        form.addRow(hint(t("gui.records.retention_why"), self))
        backups = QGroupBox(t("gui.records.backups"), self)
        self.backup_folder = QLineEdit(settings.backup_folder, self)
        choose = QPushButton(t("gui.records.choose_folder"), self)
        choose.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(choose)
        self.backup_when = QComboBox(self)
        for when in BACKUP_WHEN:
            self.backup_when.addItem(t(f"gui.records.when.{when}"), when)
        self.backup_when.setCurrentIndex(self.backup_when.findData(settings.backup_when))
        self.backup_keep = QSpinBox(self)
        self.backup_keep.setRange(1, MAX_BACKUP_KEEP)
        self.backup_keep.setValue(settings.backup_keep)
        last = desk.last_backup_at()
        self.last_backup = QLabel(format_datetime(last) if last else t("gui.records.never"), self)
        backup_form = QFormLayout(backups)
        backup_form.addRow(t("gui.records.folder"), folder_row)
        backup_form.addRow(t("gui.records.when"), self.backup_when)
        backup_form.addRow(t("gui.records.keep"), self.backup_keep)
        backup_form.addRow(t("gui.records.last"), self.last_backup)
        backup_form.addRow(hint(t("gui.records.backups_why"), self))
        signing = QGroupBox(t("gui.records.signing"), self)
        self.fingerprint = QLabel(_fingerprint(desk), self)
        self.fingerprint.setObjectName("fingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        signing_form = QFormLayout(signing)
        signing_form.addRow(t("gui.records.fingerprint"), self.fingerprint)
        signing_form.addRow(hint(t("gui.records.fingerprint_note"), self))
        for box in (retention, backups):
            box.setEnabled(desk.is_officer)  # a handler sees them; only a privacy officer changes them
        layout = QVBoxLayout(self)
        for box in (retention, backups, signing):
            layout.addWidget(box)
        layout.addStretch(1)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, t("gui.records.choose_folder"), self.backup_folder.text()
        )
        if folder:
            self.backup_folder.setText(folder)

    def save(self) -> None:
        if not self._desk.is_officer:
            return
        settings = self._desk.settings
        if self.retention_months.value() != settings.retention_months:
            self._desk.update_retention_settings(months=self.retention_months.value())
        chosen = (self.backup_folder.text().strip(), self.backup_when.currentData(), self.backup_keep.value())
        if chosen != (settings.backup_folder, settings.backup_when, settings.backup_keep):
            self._desk.update_backup_settings(folder=chosen[0], when=chosen[1], keep=chosen[2])


def _fingerprint(desk: Desk) -> str:
    try:
        return desk.fingerprint()
    except (DsrDeskError, OSError):  # a read-only workspace that never signed has no key to show
        return "—"
