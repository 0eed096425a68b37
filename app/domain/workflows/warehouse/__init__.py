"""Warehouse flows with a gun alone: receive, ship, pack, unpack, relabel, stocktake, returns.

Qt-free. ``Warehouse(actor)`` gives writer actions (``fn(conn) -> Result``);
each one decides, appends its EPCIS-shaped event(s) and updates the local state
in one transaction. Read-only views for lists and paperwork are in ``reports``.
"""

from app.domain.workflows.base import Actor
from app.domain.workflows.warehouse.answers import label
from app.domain.workflows.warehouse.model import (
    FLOW_TITLES,
    RETURN_REASONS,
    Flow,
    JobView,
    Line,
    Result,
    Status,
)
from app.domain.workflows.warehouse.names import UNKNOWN_PRODUCT
from app.domain.workflows.warehouse.station import PROMPTS, Warehouse

__all__ = [
    "FLOW_TITLES",
    "PROMPTS",
    "RETURN_REASONS",
    "UNKNOWN_PRODUCT",
    "Actor",
    "Flow",
    "JobView",
    "Line",
    "Result",
    "Status",
    "Warehouse",
    "label",
]
