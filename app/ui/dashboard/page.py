"""The distributor's dashboard: the day's and the month's figures, drawn with Qt Charts.

Tiles for today (received, shipped, redemptions, installer rebates, waiting to sync) over
three charts: goods in and out today and this month, stock on hand per product and location,
and the counter's redemptions and rebate products. The figures come from
``app.domain.workflows.dashboard`` on the ``StoreGateway``'s reader threads in two reads (see
``DebouncedRead``): the quick ones, and stock, which reads every code and takes about 0.7 s per
million; the page only draws. Each is read again when the page is shown and after each
committed write (a scan on any page, a sync round), at most once every ``REFRESH_MS``, and
not at all while the page is hidden: a busy scanning day costs the warehouse page nothing.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.workflows import dashboard as figures
from app.domain.workflows.counter.model import money
from app.domain.workflows.dashboard import Dashboard, StockLine
from app.ui.dashboard.refresh import DebouncedRead
from app.ui.translations import translate_template

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow
    from app.ui.scan_page import PageParts

log = logging.getLogger(__name__)

REFRESH_MS = 2_000  # at most one read this often while scans land
CHART_MIN_HEIGHT = 230
WIDE_COLUMNS = 3


def tr(text: str) -> str:
    return QCoreApplication.translate("Dashboard", text)


class Tile(QFrame):
    """One figure, big enough to read from across the room, with what it counts under it."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DashboardTile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–", self)
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.9)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption, self)
        self.caption.setWordWrap(True)
        self.detail = QLabel("", self)
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #5f6368;")  # quieter than the figure, still readable
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        # as tall as its three lines, never squeezed: the charts below give up the height
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.brief = False

    def show_figure(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail) and not self.brief)

    def set_brief(self, brief: bool) -> None:
        """On a handheld the detail line goes (it is in the charts), so the tiles fit one row."""
        self.brief = brief
        self.detail.setVisible(bool(self.detail.text()) and not brief)


class ChartView(QChartView):
    """A chart that asks for its minimum and takes what room is left.

    ``QChartView`` asks for the size it last had: a chart laid out taller (in a taller window,
    or before the tiles got their detail line) kept asking for that height, and the next
    redraw left the page taller than the window, scrolling for good (22 px at 1366×768)."""

    def sizeHint(self) -> QSize:
        return QSize(CHART_MIN_HEIGHT, CHART_MIN_HEIGHT)


def _chart(title: str) -> tuple[QChart, ChartView]:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.setMargins(QMargins(4, 4, 4, 4))
    view = ChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(CHART_MIN_HEIGHT)
    return chart, view


def _redraw(
    chart: QChart,
    series: QBarSeries | QHorizontalStackedBarSeries,
    categories: Sequence[str],
    sets: Sequence[tuple[str, Sequence[int]]],
) -> None:
    """Replace what ``chart`` shows: one bar set per (label, values), one bar per category."""
    chart.removeAllSeries()
    for axis in chart.axes():
        chart.removeAxis(axis)
    for label, values in sets:
        bar_set = QBarSet(label)
        bar_set.append([float(v) for v in values])
        series.append(bar_set)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    chart.addSeries(series)
    category_axis = QBarCategoryAxis()
    category_axis.append(list(categories))
    value_axis = QValueAxis()
    value_axis.setLabelFormat("%d")
    horizontal = isinstance(series, QHorizontalStackedBarSeries)
    rows = [list(v) for _, v in sets]
    top: float
    if horizontal:  # stacked: the longest bar is the largest sum over the sets
        top = max((sum(column) for column in zip(*rows, strict=True)), default=0)
    else:
        top = max((max(row, default=0) for row in rows), default=0)
    value_axis.setRange(0, max(4.0, top * 1.2))  # room above the bar for its label
    value_axis.applyNiceNumbers()
    chart.addAxis(
        category_axis, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom
    )
    chart.addAxis(
        value_axis, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft
    )
    series.attachAxis(category_axis)
    series.attachAxis(value_axis)


class DashboardPage(QWidget):
    """Figures of the station's store, read off the GUI thread and redrawn as work lands."""

    def __init__(self, parts: PageParts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.parts = parts
        self.gateway = parts.gateway
        self.board: Dashboard | None = None  # the quick figures on screen
        self.stock: tuple[StockLine, ...] | None = None  # the stock on screen
        visible = self.isVisible
        self.figures_read = DebouncedRead(
            self.gateway, self._figures_work, self._show, self._failed, visible, REFRESH_MS, self
        )
        self.stock_read = DebouncedRead(
            self.gateway,
            self._stock_work,
            self._show_stock,
            self._failed,
            visible,
            REFRESH_MS,
            self,
        )
        self._compact = False

        self.tiles = {
            "received": Tile(tr("Items received today"), self),
            "shipped": Tile(tr("Items shipped today"), self),
            "redeemed": Tile(tr("Vouchers redeemed today"), self),
            "rebates": Tile(tr("Installer rebate products today"), self),
            "waiting": Tile(tr("Events waiting to sync"), self),
        }
        self.tile_row = QGridLayout()
        self.tile_row.setSpacing(6)
        self.goods_chart, self.goods_view = _chart(tr("Receipts and shipments (items)"))
        self.stock_chart, self.stock_view = _chart(tr("Stock on hand (items)"))
        self.counter_chart, self.counter_view = _chart(tr("Redemptions and installer rebates"))
        self.goods_series = QBarSeries()
        self.stock_series = QHorizontalStackedBarSeries()
        self.counter_series = QBarSeries()
        self.status = QLabel(tr("Reading the figures…"), self)
        self.status.setObjectName("DashboardStatus")
        self.status.setWordWrap(True)

        self.chart_grid = QGridLayout()
        self.chart_grid.setSpacing(6)
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(self.tile_row)
        body_layout.addLayout(self.chart_grid, 1)
        scroll = self.scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        self._arrange()

        self.gateway.committed.connect(self.store_changed)
        round_finished = getattr(parts.sync, "roundFinished", None)
        if round_finished is not None:  # a round marks events sent and pulls reference data
            round_finished.connect(self.store_changed)

    # --- when to read --------------------------------------------------------------------

    def store_changed(self) -> None:
        """Something was committed: read again soon if the page is in front, else when shown."""
        self.figures_read.changed()
        self.stock_read.changed()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.figures_read.shown()
        self.stock_read.shown()

    def _figures_work(self) -> Callable[[sqlite3.Connection], Dashboard]:
        today = dt.date.today()
        return lambda conn: figures.dashboard(conn, today)

    def _stock_work(self) -> Callable[[sqlite3.Connection], tuple[StockLine, ...]]:
        language = self.parts.context.language
        return lambda conn: figures.stock_on_hand(conn, language)

    # --- drawing ---------------------------------------------------------------------------

    def _show(self, board: Dashboard) -> None:
        self.board = board
        self._draw(board)
        self.status.setText(
            tr("Figures of %1, read at %2. They follow the scans by themselves.")
            .replace("%1", board.today.isoformat())
            .replace("%2", dt.datetime.now().strftime("%H:%M:%S"))
        )

    def _failed(self, error: BaseException) -> None:
        log.error("the dashboard could not read its figures", exc_info=error)
        self.status.setText(
            tr(
                "The figures could not be read just now; the ones shown may be old. They are "
                "read again after the next scan; if this keeps happening, tell IT."
            )
        )

    def _draw(self, board: Dashboard) -> None:
        today, month = board.goods_today, board.goods_month
        # English says one apart ("1 receipt", not "1 receipts"); Chinese has one form
        receipts = tr("1 receipt") if today.receipts == 1 else tr("%n receipts")
        self.tiles["received"].show_figure(
            f"{today.received_items:,}", receipts.replace("%n", str(today.receipts))
        )
        shipments = tr("1 shipment") if today.shipments == 1 else tr("%n shipments")
        self.tiles["shipped"].show_figure(
            f"{today.shipped_items:,}", shipments.replace("%n", str(today.shipments))
        )
        counter = board.counter_today
        self.tiles["redeemed"].show_figure(
            f"{counter.redemptions:,}", money(counter.redemption_cents)
        )
        claims = (
            tr("1 claim, about %1") if counter.rebate_claims == 1 else tr("%n claims, about %1")
        )
        self.tiles["rebates"].show_figure(
            f"{counter.rebate_units:,}",
            claims.replace("%n", str(counter.rebate_claims)).replace(
                "%1", money(counter.rebate_cents)
            ),
        )
        oldest = board.backlog.oldest_pending_at
        self.tiles["waiting"].show_figure(
            f"{board.backlog.pending:,}",
            tr("oldest from %1").replace("%1", _local_time(oldest)) if oldest else tr("all sent"),
        )
        self._arrange()  # the tiles' new lines change their heights: lay the rows out again
        periods = [tr("Today"), tr("This month")]
        self.goods_series = QBarSeries()
        _redraw(
            self.goods_chart,
            self.goods_series,
            periods,
            [
                (tr("Received"), [today.received_items, month.received_items]),
                (tr("Shipped"), [today.shipped_items, month.shipped_items]),
            ],
        )
        self.counter_series = QBarSeries()
        month_counter = board.counter_month
        _redraw(
            self.counter_chart,
            self.counter_series,
            periods,
            [
                (tr("Vouchers redeemed"), [counter.redemptions, month_counter.redemptions]),
                (tr("Rebate products"), [counter.rebate_units, month_counter.rebate_units]),
            ],
        )
        self.counter_chart.setTitle(
            tr("Redemptions and installer rebates<br>this month %1 redeemed, rebates about %2")
            .replace("%1", money(month_counter.redemption_cents))
            .replace("%2", money(month_counter.rebate_cents))
        )

    def _show_stock(self, stock: tuple[StockLine, ...]) -> None:
        self.stock = stock
        # horizontal bars are drawn bottom-up: reversed, the first product reads at the top
        products = list(dict.fromkeys(_product(line.product) for line in stock))[::-1]
        locations = list(dict.fromkeys(line.location for line in stock))
        items = {(line.location, _product(line.product)): line.items for line in stock}
        self.stock_series = QHorizontalStackedBarSeries()
        _redraw(
            self.stock_chart,
            self.stock_series,
            products,
            [(loc, [items.get((loc, p), 0) for p in products]) for loc in locations],
        )
        self.stock_chart.setTitle(
            tr("Stock on hand (items): %1 in all").replace(
                "%1", f"{sum(line.items for line in stock):,}"
            )
        )

    # --- layout ----------------------------------------------------------------------------

    def set_compact(self, compact: bool) -> None:
        """Called by the window on a handheld-sized screen: one chart a row, brief tiles."""
        if compact != self._compact:
            self._compact = compact
            self._arrange()

    def _arrange(self) -> None:
        for grid in (self.tile_row, self.chart_grid):
            while grid.count():
                grid.takeAt(0)
        for n, tile in enumerate(self.tiles.values()):
            tile.set_brief(self._compact)
            self.tile_row.addWidget(tile, 0, n)
        columns = 1 if self._compact else WIDE_COLUMNS
        for n, view in enumerate((self.goods_view, self.stock_view, self.counter_view)):
            self.chart_grid.addWidget(view, n // columns, n % columns)


def _product(name: str) -> str:
    """A product's name; the words for a product the station has no name for, translated."""
    return translate_template(name, context="Warehouse")


def _local_time(text: str) -> str:
    try:
        return dt.datetime.fromisoformat(text).astimezone().strftime("%m-%d %H:%M")
    except ValueError:
        return text


def register(window: MainWindow, parts: PageParts) -> None:
    """Mount the dashboard in the shell (listed in ``app/ui/page_registry.py``)."""
    from app.domain.operators import Role

    window.add_page("dashboard", tr("Dashboard"), DashboardPage(parts), {Role.SUPERVISOR})
