"""Printing where the station's settings say: labels to the system printer or a network label
printer (ZPL, TSPL on port 9100), delivery notes to the system printer; never on the GUI thread.
Lines a network printer's own font cannot show (Chinese) are drawn here, in a Chinese font
of this computer (``TextPictures``), and sent as pictures; with no such font they go as
text and the operator is warned once (``warned``).

The label's content is read on a store reader (``read_package_label``); a network job's
bytes are made on the GUI thread (a few milliseconds, Qt's fonts included); drawing for the
system printer and sending run on this room's own single worker thread, so jobs leave in the
order they were asked for and a printer that does not answer (up to ``send_raw``'s timeout)
holds up no scan and no store read. The outcome comes back to the GUI thread as a signal: ``printed``
with what was printed, or ``failed`` with what to tell the operator, in their language.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from app.domain.workflows.labels import LabelSize, PackageLabel, render_tspl, render_zpl
from app.domain.workflows.labels.content import TEMPLATES, read_package_label
from app.domain.workflows.paperwork import build_document
from app.ui.warehouse.label_text import TextPictures, chinese_family
from app.ui.warehouse.printing import print_document, print_label
from hardware.label_printer import PrinterUnreachable, send_raw

if TYPE_CHECKING:
    from app.ui.context import ShellContext
    from app.ui.store_gateway import StoreGateway

log = logging.getLogger(__name__)

RENDERERS = {"zpl": render_zpl, "tspl": render_tspl}


class NoSystemPrinter(RuntimeError):
    """The computer has no printer set up (or none as its default)."""


class NoPrinterAddress(RuntimeError):
    """A network label printer is chosen but its address is empty."""


def system_printer() -> QPrinter:
    """The computer's default printer, at its own resolution; NoSystemPrinter if there is none."""
    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        raise NoSystemPrinter
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


class LabelOutput(QObject):
    """The station's printers as the warehouse page uses them."""

    printed = Signal(str)  # what was printed: a package key, or a job id for a delivery note
    failed = Signal(str, str)  # what, and the message for the operator (already translated)
    warned = Signal(str, str)  # what printed, but not as it should; the message (translated)
    _finished = Signal(str, object)  # what, the exception or None (from the worker thread)

    def __init__(
        self, context: ShellContext, gateway: StoreGateway, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.gateway = gateway
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="label-print")
        self._finished.connect(self._deliver)
        pool = self._pool  # not self: it is gone when ``destroyed`` fires
        self.destroyed.connect(lambda *_: pool.shutdown(wait=False, cancel_futures=True))
        self.make_printer: Callable[[], QPrinter] = system_printer  # tests print to a PDF
        self._pictures: TextPictures | None = None  # drawn in the first Chinese font found
        self._font_warned = False

    def text_pictures(self) -> TextPictures:
        """What draws the lines a network printer's font cannot show; the computer's fonts
        are looked up once, at the first label (tests hand in their own)."""
        if self._pictures is None:
            self._pictures = TextPictures(chinese_family())
        return self._pictures

    def use_text_pictures(self, pictures: TextPictures) -> None:
        self._pictures = pictures

    # --- what the settings say -------------------------------------------------------------

    @property
    def kind(self) -> str:
        return self.context.settings.label_printer

    def enabled(self) -> bool:
        return self.kind != "none"

    def verify_levels(self) -> list[str]:
        """Levels whose new label is scanned back: only when labels are printed at all."""
        return self.context.settings.verify_labels if self.enabled() else []

    def size(self) -> LabelSize:
        s = self.context.settings
        return LabelSize(s.label_width_mm, s.label_height_mm, s.label_dpi)

    # --- printing ----------------------------------------------------------------------------

    def print_package(self, key: str) -> None:
        """Print the label of package ``key`` as the store holds it now (nothing when off)."""
        if not self.enabled():
            return
        language = self.context.language
        self.gateway.read(
            lambda conn: read_package_label(conn, key, language),
            on_done=self._package_read,
            on_error=lambda error: self._deliver(key, error),
        )

    def print_delivery_note(self, job_id: str, translate: Callable[[str], str]) -> None:
        """The shipment's delivery note on the system printer (its PDF is saved anyway)."""
        language, make = self.context.language, self.make_printer

        def work(conn: sqlite3.Connection) -> None:
            document = build_document(conn, job_id, language)
            self._pool.submit(
                self._run, job_id, lambda: print_document(document, make(), translate)
            )

        self.gateway.read(work, on_error=lambda error: self._deliver(job_id, error))

    def _package_read(self, package: PackageLabel) -> None:
        texts = {text: QCoreApplication.translate("Labels", text) for text in TEMPLATES}

        def translate(text: str) -> str:
            return texts.get(text, text)

        settings, size, kind = self.context.settings, self.size(), self.kind
        if kind in RENDERERS:
            host, port = settings.label_printer_host, settings.label_printer_port
            extra = {"font": settings.label_font} if settings.label_font else {}
            # drawn here, on the GUI thread, where Qt's fonts are always safe: 1-4 ms a label
            job = RENDERERS[kind](package, size, translate, rasterise=self.text_pictures(), **extra)

            def send() -> None:
                if not host:
                    raise NoPrinterAddress
                send_raw(host, port, job)

            self._pool.submit(self._run, package.key, send)
        else:
            make = self.make_printer
            self._pool.submit(
                self._run, package.key, lambda: print_label(package, make(), size, translate)
            )

    def _run(self, what: str, work: Callable[[], object]) -> None:
        """On the worker thread: do it, and report back whatever happened."""
        outcome: BaseException | None = None
        try:
            work()
        except Exception as error:  # reported to the operator, in their words
            outcome = error
        if shiboken6.isValid(self):  # the page may have closed while the printer worked
            self._finished.emit(what, outcome)

    def _warn_no_chinese_font(self, what: str) -> None:
        """After ``what`` printed with text a picture was wanted for: said once per session,
        as every later label goes the same way."""
        if self._font_warned or self._pictures is None or not self._pictures.missed:
            return
        self._font_warned = True
        log.warning("no font with Chinese glyphs on this computer: label text sent as text")
        self.warned.emit(
            what,
            QCoreApplication.translate(
                "LabelOutput",
                "This computer has no Chinese font: Chinese on labels may print blank. Install "
                "one (such as Microsoft YaHei), or enter the printer's Chinese font in Settings, "
                "Label printer.",
            ),
        )

    @Slot(str, object)
    def _deliver(self, what: str, error: BaseException | None) -> None:
        if error is None:
            self.printed.emit(what)
            self._warn_no_chinese_font(what)
            return
        log.warning("printing %s failed: %r", what, error)
        self.failed.emit(what, failure_text(error))


def failure_text(error: BaseException) -> str:
    """What the operator reads when a print did not happen, and what to do about it."""
    if isinstance(error, PrinterUnreachable):
        return QCoreApplication.translate(
            "LabelOutput",
            "The label printer at {address} does not answer: check it is on and has paper. "
            "The job stays closed; press Ctrl+P to print again.",
        ).format(address=error.address)
    if isinstance(error, NoPrinterAddress):
        return QCoreApplication.translate(
            "LabelOutput",
            "No label printer address is set. Enter it in Settings, on the Label printer page, then "
            "press Ctrl+P to print again.",
        )
    if isinstance(error, NoSystemPrinter):
        return QCoreApplication.translate(
            "LabelOutput",
            "This computer has no printer set up. Set one up (or choose the network label "
            "printer in Settings), then press Ctrl+P to print again.",
        )
    return QCoreApplication.translate(
        "LabelOutput",
        "It could not be printed ({error}). Check the printer, then press Ctrl+P to print again.",
    ).format(error=type(error).__name__)
