"""Settings, organisation: the sender, the privacy contact and DPO, the signatory, and the logo, as every
letter shows them (LEGAL.md §4: letterhead, contact details, DPO or privacy contact, signatory)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from dsr_desk.desk import Desk
from dsr_desk.errors import DsrDeskError
from dsr_desk.gui.messages import show_error, show_message
from dsr_desk.gui.settings.general_tab import hint
from dsr_desk.i18n import t
from dsr_desk.rules.clock import PromiseStart
from dsr_desk.rules.organisation import MAX_PROMISE_DAYS

PROFILE_FIELDS = (
    "address",
    "postcode_city",
    "country",
    "phone",
    "email",
    "website",
    "chamber_of_commerce",
    "privacy_contact",
    "privacy_email",
    "dpo_name",
    "dpo_email",
    "signatory_name",
    "signatory_role",
    "city",
)


class OrganisationTab(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        profile = desk.settings.profile
        self.fields: dict[str, QLineEdit | QPlainTextEdit] = {}
        form = QFormLayout(self)
        form.addRow(hint(t("gui.profile.intro"), self))
        for name in PROFILE_FIELDS:
            if name == "address":
                widget: QLineEdit | QPlainTextEdit = QPlainTextEdit(profile.address, self)
                widget.setFixedHeight(48)
                widget.setTabChangesFocus(True)
            else:
                widget = QLineEdit(getattr(profile, name), self)
            self.fields[name] = widget
            form.addRow(t(f"gui.profile.{name}"), widget)
        # Where the law leaves the organisation a choice (LEGAL.md §6): the Awb route, its own promise.
        self.public_body = QCheckBox(t("gui.profile.public_body_hint"), self)
        self.public_body.setChecked(profile.public_body)
        form.addRow(t("gui.profile.public_body"), self.public_body)
        self.promise_days = QSpinBox(self)
        self.promise_days.setRange(0, MAX_PROMISE_DAYS)
        self.promise_days.setSpecialValueText(t("gui.profile.no_promise"))
        self.promise_days.setSuffix(t("gui.profile.days_suffix"))
        self.promise_days.setValue(profile.promise_days)
        self.promise_from = QComboBox(self)
        for start in PromiseStart:
            self.promise_from.addItem(t(f"gui.profile.promise_from.{start.value}"), start.value)
        self.promise_from.setCurrentIndex(max(self.promise_from.findData(profile.promise_from.value), 0))
        promise = QHBoxLayout()
        promise.addWidget(self.promise_days)
        promise.addWidget(self.promise_from, 1)
        form.addRow(t("gui.profile.promise"), promise)
        self.logo = QLabel(self)
        self.logo.setFixedSize(200, 64)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo.setObjectName("logoPreview")
        choose = QPushButton(t("gui.profile.choose_logo"), self)
        choose.clicked.connect(self.choose_logo)
        remove = QPushButton(t("gui.profile.remove_logo"), self)
        remove.clicked.connect(lambda: self.set_logo(None))
        row = QHBoxLayout()
        row.addWidget(self.logo)
        row.addWidget(choose)
        row.addWidget(remove)
        row.addStretch(1)
        form.addRow(t("gui.profile.logo"), row)
        self._show_logo()
        self._loaded = self.values()

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {
            name: w.toPlainText() if isinstance(w, QPlainTextEdit) else w.text()
            for name, w in self.fields.items()
        }
        values["public_body"] = self.public_body.isChecked()
        values["promise_days"] = self.promise_days.value()
        values["promise_from"] = self.promise_from.currentData()
        return values

    def save(self) -> None:
        # Only what was changed here: a field a colleague saved meanwhile is not put back as it was.
        changed = {name: value for name, value in self.values().items() if self._loaded.get(name) != value}
        if changed:
            self._desk.update_profile(**changed)
            self._loaded = self.values()

    def choose_logo(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, t("gui.profile.choose_logo"), str(Path.home()), t("gui.profile.image_filter")
        )
        if name:
            try:
                data = Path(name).read_bytes()
            except OSError as exc:
                show_message(self, t("gui.error_title"), exc.strerror or type(exc).__name__)
                return
            self.set_logo(data)

    def set_logo(self, data: bytes | None) -> None:
        try:
            self._desk.set_logo(data)
        except DsrDeskError as error:
            show_error(self, error)
            return
        self._show_logo()

    def _show_logo(self) -> None:
        data = self._desk.logo()
        if not data:
            self.logo.setText(t("gui.profile.no_logo"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        self.logo.setPixmap(
            pixmap.scaled(
                self.logo.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
