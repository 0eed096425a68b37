"""The day's close (日结): pick the day, see the totals, save the report as PDF or XLSX.

The data is the domain's ``day_report`` (read on a reader thread); the XLSX is the domain's
writer and the PDF is a ``QTextDocument`` printed by ``QPdfWriter``, both run on a worker
thread, so the dialog never waits for the disk.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QMarginsF, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.workflows.counter import report
from app.ui.counter.reasons import what_happened
from app.ui.store_gateway import StoreGateway
from app.ui.widgets import RowsModel

log = logging.getLogger(__name__)


def tr_counter(text: str) -> str:
    return QCoreApplication.translate("Counter", text)


def write_day_pdf(data: report.DayReport, path: Path) -> Path:
    """A4 report: title, whose counter, summary, then the redemptions and the claims, each
    table closed by its total row, in the operator's language."""
    parts = [f"<h2>{html.escape(report.title(data, tr_counter))}</h2>"]
    parts.append(
        "<p>" + "<br>".join(html.escape(line) for line in report.heading(data, tr_counter)) + "</p>"
    )
    for table in report.tables(data, tr_counter, what_happened):
        parts.append(f"<h3>{html.escape(table.name)}</h3>")
        parts.append('<table border="1" cellspacing="0" cellpadding="3" width="100%">')
        parts.append("<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in table.head) + "</tr>")
        first_total = len(table.rows) - table.totals
        for n, row in enumerate(table.rows):
            tag = "th" if n >= first_total else "td"  # the totals in bold
            cells = (
                f'<{tag} style="white-space: nowrap">' if column in table.whole else f"<{tag}>"
                for column in range(len(row))
            )
            parts.append(
                "<tr>"
                + "".join(
                    f"{cell}{html.escape(c)}</{tag}>" for cell, c in zip(cells, row, strict=True)
                )
                + "</tr>"
            )
        parts.append("</table>")
    document = QTextDocument()
    document.setHtml("".join(parts))
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setCreator("Yima Scan")
    document.print_(writer)
    return path


class DayCloseDialog(QDialog):
    written = Signal(object)  # Path
    failed = Signal(str)
    loaded = Signal()

    def __init__(
        self,
        gateway: StoreGateway,
        folder: Path,
        parent: QWidget | None = None,
        *,
        station_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.gateway = gateway
        self.folder = folder
        self.station_name = station_name  # the store's name when the brand's data has none
        self.open_files = True
        self.data: report.DayReport | None = None
        self.setWindowTitle(self.tr("Day's close"))
        self.day = QDateEdit(QDate.currentDate(), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.day.dateChanged.connect(self.reload)
        self.title = QLabel(self)
        font = self.title.font()
        font.setPixelSize(18)
        font.setBold(True)
        self.title.setFont(font)
        self.whose = QLabel(self)  # the dealer, the store, the station
        self.whose.setWordWrap(True)
        self.summary = RowsModel("Counter", [])
        self.table = QTableView(self)
        self.table.setModel(self.summary)
        self._fit_columns()
        self.table.verticalHeader().setVisible(False)
        rows = self.table.verticalHeader()  # compact rows: the totals show without scrolling
        rows.setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.pdf = QPushButton(self.tr("Save as PDF…"), self)
        self.xlsx = QPushButton(self.tr("Save as Excel (XLSX)…"), self)
        close = QPushButton(self.tr("Close"), self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.pdf.clicked.connect(lambda: self._ask("pdf"))
        self.xlsx.clicked.connect(lambda: self._ask("xlsx"))
        close.clicked.connect(self.accept)
        self.written.connect(self._written)
        self.failed.connect(lambda text: self.status.setText(text))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Day"), self))
        top.addWidget(self.day)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf)
        buttons.addWidget(self.xlsx)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.whose)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(760, 480)
        self.reload()

    def _fit_columns(self) -> None:
        """The words whole, the figures share the rest (again for each new model)."""
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for column in range(min(2, header.count())):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

    def selected_day(self) -> dt.date:
        return self.day.date().toPython()

    def reload(self) -> None:
        day, name = self.selected_day(), self.station_name
        self.gateway.read(lambda c: report.day_report(c, day, name), self._show)

    def _show(self, data: report.DayReport) -> None:
        self.data = data
        self.title.setText(report.title(data, tr_counter))
        self.whose.setText(" · ".join(report.heading(data, tr_counter)))
        summary = report.tables(data, tr_counter, what_happened)[0]
        fresh = RowsModel("Counter", summary.head, self)
        first_total = len(summary.rows) - summary.totals
        fresh.set_rows(
            [
                (f"{i}", row, "ok" if i >= first_total else None)
                for i, row in enumerate(summary.rows)
            ]
        )
        self.summary = fresh
        self.table.setModel(fresh)
        self._fit_columns()
        self.loaded.emit()

    def _ask(self, kind: str) -> None:
        if self.data is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        suggested = self.folder / f"day-close-{self.data.day}.{kind}"
        pattern = self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("Excel (*.xlsx)")
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the day's close"), str(suggested), pattern
        )
        if chosen:
            self.export(Path(chosen), kind)

    def export(self, path: Path, kind: str) -> None:
        """Write the report on a worker thread; ``written`` or ``failed`` says how it went."""
        data = self.data
        if data is None:
            return
        self.status.setText(self.tr("Saving…"))

        def run() -> None:
            try:
                if kind == "pdf":
                    write_day_pdf(data, path)
                else:
                    report.write_xlsx(data, path, tr_counter, what_happened)
            except OSError as exc:
                log.warning("day close export failed: %s", exc)
                self.failed.emit(
                    self.tr("Could not save {path}: {error}. Choose another folder.").format(
                        path=path, error=exc.strerror or exc
                    ),
                )
                return
            self.written.emit(path)

        threading.Thread(target=run, name="day-close-export", daemon=True).start()

    def _written(self, path: Path) -> None:
        self.status.setText(self.tr("Saved {path}").format(path=path))
        if self.open_files:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
