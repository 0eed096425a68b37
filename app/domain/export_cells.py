"""Cells a spreadsheet will not run: the one guard for every CSV and XLSX Yima Scan writes.

A code, an operator's name or a note can come from a scanner or from another station,
and Excel or WPS treat a cell that starts with ``=``, ``+``, ``-`` or ``@`` (also a tab
or carriage return) as a formula, which can run commands on the PC of whoever opens
the export (CSV/formula injection). Following OWASP's guidance, such a text cell is
written with a leading apostrophe, so it shows as the text it is. openpyxl also stores
a string that starts with ``=`` as a live formula, so XLSX writers need it as much as
CSV ones. Numbers (and text that is only a signed number, like ``-12.50``) stay as
they are: no spreadsheet runs them. Qt-free and sync-free, so the station and the
server share it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[-+]?(\d+([.,]\d+)*)?")


def safe_cell(value: Any) -> Any:
    """``value`` as a spreadsheet must receive it: a formula-like text gets a leading ``'``."""
    if isinstance(value, str) and value.startswith(TRIGGERS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(row: Iterable[Any]) -> list[Any]:
    """Every cell of ``row`` through ``safe_cell``."""
    return [safe_cell(value) for value in row]
