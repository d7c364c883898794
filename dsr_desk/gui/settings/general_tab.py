"""Settings, general: the organisation's name, the handler's name, the language, and the clock's choices
where the law leaves one (LEGAL.md §2), each with the one line of law behind it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.desk import Desk
from dsr_desk.gui.forms import date_edit
from dsr_desk.i18n import LANGUAGES, format_date, t
from dsr_desk.store.settings import MAX_IDLE_LOCK_MINUTES, MAX_KEEP_DAYS

_DAY_ROLE = Qt.ItemDataRole.UserRole


def hint(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setObjectName("hint")
    return label


class GeneralTab(QWidget):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        settings = desk.settings
        self.organisation = QLineEdit(settings.organisation_name, self)
        self.organisation.setReadOnly(not desk.is_officer)
        self.handler = QLineEdit(desk.handler.name, self)
        self.language = QComboBox(self)
        for lang in LANGUAGES:
            self.language.addItem(t(f"gui.language.{lang}"), lang)
        self.language.setCurrentIndex(LANGUAGES.index(settings.language))
        general = QGroupBox(t("gui.settings.general"), self)
        form = QFormLayout(general)
        form.addRow(t("gui.settings.organisation"), self.organisation)
        form.addRow(t("gui.settings.handler"), self.handler)
        form.addRow(t("gui.settings.language"), self.language)
        form.addRow("", hint(t("gui.settings.language_note"), self))

        clock = QGroupBox(t("gui.settings.clock"), self)
        self.pause = QCheckBox(t("gui.settings.pause"), self)
        self.pause.setChecked(settings.pause_while_waiting)
        self.good_friday = QCheckBox(t("gui.settings.good_friday"), self)
        self.good_friday.setChecked(settings.good_friday)
        self.extra_days = QListWidget(self)
        self.extra_days.setFixedHeight(84)
        for day, name in settings.extra_holidays:
            self.add_day(day, name)
        today = desk.today()
        self.new_day = date_edit(self, today)
        self.new_day_name = QLineEdit(self)
        self.new_day_name.setPlaceholderText(t("gui.settings.extra_day_name"))
        self.add_day_button = QPushButton(t("gui.settings.add_day"), self)
        self.add_day_button.clicked.connect(
            lambda: self.add_day(self.new_day.date().toPython(), self.new_day_name.text())
        )
        remove = QPushButton(t("gui.settings.remove_day"), self)
        remove.clicked.connect(self._remove_selected_days)
        adding = QHBoxLayout()
        for widget in (self.new_day, self.new_day_name, self.add_day_button, remove):
            adding.addWidget(widget)
        box = QVBoxLayout(clock)
        for widget in (
            self.pause,
            hint(t("gui.settings.pause_law"), self),
            self.good_friday,
            hint(t("gui.settings.good_friday_law"), self),
            QLabel(t("gui.settings.extra_days"), self),
            hint(t("gui.settings.extra_days_law"), self),
            self.extra_days,
        ):
            box.addWidget(widget)
        box.addLayout(adding)
        identity = QGroupBox(t("gui.settings.identity"), self)
        self.keep_days = QSpinBox(self)
        self.keep_days.setRange(0, MAX_KEEP_DAYS)
        self.keep_days.setSuffix(t("gui.settings.days_suffix"))
        self.keep_days.setValue(settings.id_copy_keep_days)
        keep = QFormLayout(identity)
        keep.addRow(t("gui.settings.keep_days"), self.keep_days)
        keep.addRow(hint(t("gui.settings.keep_days_law"), self))
        self.idle_lock = QSpinBox(self)
        self.idle_lock.setRange(0, MAX_IDLE_LOCK_MINUTES)
        self.idle_lock.setSuffix(t("gui.settings.minutes_suffix"))
        self.idle_lock.setSpecialValueText(t("gui.settings.idle_lock_never"))
        self.idle_lock.setValue(settings.idle_lock_minutes)
        security = QGroupBox(t("gui.settings.security"), self)
        QFormLayout(security).addRow(t("gui.settings.idle_lock"), self.idle_lock)
        layout = QVBoxLayout(self)
        layout.addWidget(general)
        layout.addWidget(clock)
        layout.addWidget(identity)
        layout.addWidget(security)
        layout.addStretch(1)

    def add_day(self, day: dt.date, name: str) -> None:
        name = name.strip() or t("gui.settings.extra_day_default")
        item = QListWidgetItem(f"{format_date(day)} — {name}")
        item.setData(_DAY_ROLE, (day.isoformat(), name))
        self.extra_days.addItem(item)
        self.new_day_name.clear()

    def _remove_selected_days(self) -> None:
        for item in self.extra_days.selectedItems():
            self.extra_days.takeItem(self.extra_days.row(item))

    def extra_holidays(self) -> tuple[tuple[dt.date, str], ...]:
        items = (self.extra_days.item(i).data(_DAY_ROLE) for i in range(self.extra_days.count()))
        return tuple(sorted({(dt.date.fromisoformat(day), name) for day, name in items}))

    def save(self) -> None:
        self._desk.update_settings(
            organisation_name=self.organisation.text(),
            handler_name=self.handler.text(),
            language=self.language.currentData(),
        )
        self._desk.update_identity_settings(id_copy_keep_days=self.keep_days.value())
        self._desk.update_lock_settings(idle_lock_minutes=self.idle_lock.value())
        self._desk.update_clock_settings(
            pause_while_waiting=self.pause.isChecked(),
            good_friday=self.good_friday.isChecked(),
            extra_holidays=self.extra_holidays(),
        )
