"""The on-screen scan log: a well-behaved model, newest first, bounded."""

import datetime as dt

from PySide6.QtCore import Qt

from app.domain.workflows.base import Outcome
from app.ui.scan_log import ROW_COLOURS, OutcomeRole, ScanLogModel, ScanLogRow, ScanLogView


def _row(n: int, outcome: Outcome = Outcome.OK) -> ScanLogRow:
    return ScanLogRow(dt.datetime(2024, 5, 1, 9, 30, n % 60), f"CODE-{n}", outcome, f"message {n}")


def test_model_passes_the_model_tester(qtmodeltester):
    model = ScanLogModel(max_rows=5)
    for n, outcome in enumerate(Outcome):
        model.append(_row(n, outcome))
    qtmodeltester.check(model, force_py=True)
    for n in range(10):  # exercises insert at the top and removal at the bottom under the tester
        model.append(_row(10 + n))
    model.clear()
    qtmodeltester.check(model, force_py=True)


def test_newest_first_and_bounded():
    model = ScanLogModel(max_rows=3)
    for n in range(5):
        model.append(_row(n))
    assert model.rowCount() == 3
    codes = [model.data(model.index(r, ScanLogModel.COL_CODE)) for r in range(3)]
    assert codes == ["CODE-4", "CODE-3", "CODE-2"]


def test_columns_roles_and_headers():
    model = ScanLogModel()
    model.append(_row(7, Outcome.ERROR))
    index = model.index(0, ScanLogModel.COL_TIME)
    assert model.data(index) == "09:30:07"
    assert model.data(model.index(0, ScanLogModel.COL_RESULT)) == "Refused"
    assert model.data(model.index(0, ScanLogModel.COL_MESSAGE)) == "message 7"
    assert model.data(index, OutcomeRole) == "error"
    assert (
        model.data(index, Qt.ItemDataRole.BackgroundRole).color().name()
        == ROW_COLOURS[Outcome.ERROR]
    )
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Time", "Code", "Result", "Message"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None
    assert model.data(model.index(5, 0)) is None


def test_view_never_takes_focus_from_scanning(qtbot):
    model = ScanLogModel()
    view = ScanLogView(model)
    qtbot.addWidget(view)
    assert view.focusPolicy() == Qt.FocusPolicy.NoFocus
    model.append(_row(1))
    assert view.model().rowCount() == 1
