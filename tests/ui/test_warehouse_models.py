"""The warehouse table models: one base, checked by Qt's own model tester, updating cells in place."""

import pytest
from PySide6.QtCore import QModelIndex

from app.domain.workflows.warehouse import Flow, Line
from app.domain.workflows.warehouse.day import OperatorDay
from app.domain.workflows.warehouse.reports import JobSummary, ScanRow
from app.ui.warehouse.models import JobsModel, LinesModel, OperatorDayModel, ScansModel

pytestmark = pytest.mark.gui


def scan(n: int, undone: bool = False) -> ScanRow:
    return ScanRow(
        f"2026-12-06T10:00:{n:02d}.000+00:00",
        "receive",
        f"sgtin:0695.{n}",
        "item",
        "P1",
        1,
        True,
        undone,
        n,
    )


def job(id_: str, scanned: int) -> JobSummary:
    return JobSummary(
        id_,
        Flow.SHIP,
        "open",
        None,
        "SO-1",
        "Dealer",
        scanned,
        10,
        "Wu",
        "2026-12-06T10:00:00+00:00",
        None,
    )


def test_the_models_pass_the_model_tester(qtmodeltester):
    lines = LinesModel()
    lines.set_lines([Line("P1", "Cola", 10, 3), Line("P2", "Tea", None, 2)])
    qtmodeltester.check(lines)
    scans = ScansModel()
    scans.set_rows([scan(2), scan(1, undone=True)], {"P1": "Cola"})
    qtmodeltester.check(scans)
    jobs = JobsModel()
    jobs.set_jobs([job("SH-1", 3), job("SH-2", 0)])
    qtmodeltester.check(jobs)
    day = OperatorDayModel()
    day.show_rows([OperatorDay("op1", "Wu", 120, 4, 2), OperatorDay("op2", "Li", 3, 0, 1)])
    qtmodeltester.check(day)


def test_a_scan_changes_one_cell_not_the_whole_table(qtbot):
    model = LinesModel()
    model.set_lines([Line("P1", "Cola", 10, 3), Line("P2", "Tea", 5, 0)])
    resets, changed = [], []
    model.modelReset.connect(lambda: resets.append(1))
    model.dataChanged.connect(lambda top, bottom, _roles: changed.append((top.row(), top.column())))
    model.set_lines([Line("P1", "Cola", 10, 4), Line("P2", "Tea", 5, 0)])
    assert resets == []
    assert changed == [(0, LinesModel.COL_SCANNED), (0, LinesModel.COL_REMAINING)]


def test_new_scans_on_top_are_inserted_and_the_rest_kept(qtbot):
    model = ScansModel()
    model.set_rows([scan(1)], {})
    inserted, resets = [], []
    model.rowsInserted.connect(lambda _p, first, last: inserted.append((first, last)))
    model.modelReset.connect(lambda: resets.append(1))
    model.set_rows([scan(3), scan(2), scan(1)], {})
    assert inserted == [(0, 1)] and resets == []
    assert model.rowCount(QModelIndex()) == 3


def test_a_different_list_resets(qtbot):
    model = JobsModel()
    model.set_jobs([job("SH-1", 3)])
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_jobs([job("SH-9", 0)])
    assert resets == [1] and model.job(0).id == "SH-9"
