"""The case archive in the GUI: one case's archive saved where the handler chooses; the archives of all cases
closed in a period into one folder; and checking an archive someone hands over."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from dsr_desk.desk import Case, Desk
from dsr_desk.documents.archive.verify import ArchiveReport, verify_archive
from dsr_desk.errors import DsrDeskError
from dsr_desk.gui.background import BackgroundTask
from dsr_desk.gui.forms import action_buttons, date_edit
from dsr_desk.gui.messages import show_error, show_message
from dsr_desk.i18n import t


def save_case_archive(case: Case, parent: QWidget) -> BackgroundTask | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        t("gui.archive.save_title"),
        str(Path.home() / f"{case.reference}-{t('gui.archive.file_word')}.zip"),
        t("gui.export.zip_filter"),
    )
    if not name:
        return None
    target = Path(name if name.lower().endswith(".zip") else name + ".zip")
    task = BackgroundTask(
        parent,
        t("gui.archive.progress_title"),
        t("gui.archive.progress"),
        lambda _progress, _cancelled: case.write_archive(target),
        cancellable=False,
    )
    task.succeeded.connect(
        lambda result: show_message(
            parent, t("gui.archive.saved_title"), t("gui.archive.saved", path=str(result.path))
        )
    )
    task.failed.connect(lambda error: show_error(parent, error))
    return task.start()


class BulkArchiveDialog(QDialog):
    """All cases closed between two dates, one archive each, into a folder, with progress and cancel."""

    archived = Signal(int)  # how many were written

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.task: BackgroundTask | None = None
        self.setWindowTitle(t("gui.archive.bulk_title"))
        today = desk.today()
        self.first = date_edit(self, dt.date(today.year, 1, 1))
        self.last = date_edit(self, today)
        self.first.dateChanged.connect(self._count)
        self.last.dateChanged.connect(self._count)
        self.count = QLabel(self)
        explanation = QLabel(t("gui.archive.bulk_explanation"), self)
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(t("gui.archive.closed_from"), self.first)
        form.addRow(t("gui.archive.closed_to"), self.last)
        form.addRow("", self.count)
        buttons, self.go = action_buttons(self, t("gui.archive.bulk_go"), self.choose_folder)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._count()

    def period(self) -> tuple[dt.date, dt.date]:
        return self.first.date().toPython(), self.last.date().toPython()

    def _count(self) -> None:
        closed = len(self.desk.closed_between(*self.period()))
        self.count.setText(t("gui.archive.bulk_count", count=closed))
        self.go.setEnabled(bool(closed))

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, t("gui.archive.choose_folder"), str(Path.home()))
        if folder:
            self.start(Path(folder))

    def start(self, folder: Path) -> BackgroundTask:
        first, last = self.period()
        desk = self.desk

        def work(progress, cancelled):
            return desk.archive_closed(folder, first, last, progress=progress, cancelled=cancelled)

        self.task = BackgroundTask(self, self.windowTitle(), t("gui.archive.bulk_progress"), work)
        self.task.succeeded.connect(lambda outcome: self._finished(*outcome, folder))
        self.task.failed.connect(lambda error: show_error(self, error))
        self.task.cancelled.connect(self.reject)
        return self.task.start()

    def _finished(self, written: list[Path], refused: list[tuple[str, str]], folder: Path) -> None:
        self.archived.emit(len(written))
        self.accept()
        text = t("gui.archive.bulk_done", count=len(written), folder=str(folder))
        if refused:
            text += (
                "\n\n"
                + t("gui.archive.bulk_refused")
                + "\n"
                + "\n".join(f"• {r}: {why}" for r, why in refused)
            )
        show_message(self.parentWidget(), self.windowTitle(), text)


def verify_archive_file(parent: QWidget) -> ArchiveReport | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent, t("gui.archive.verify_title"), str(Path.home()), t("gui.export.zip_filter")
    )
    if not name:
        return None
    try:
        report = verify_archive(Path(name))
    except DsrDeskError as error:
        show_error(parent, error)
        return None
    show_message(parent, t("gui.archive.verify_title"), "\n• ".join(report.lines()))
    return report
