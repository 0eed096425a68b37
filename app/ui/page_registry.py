"""The work pages the main window loads at start-up.

Each module listed here defines ``register(window: MainWindow, parts: PageParts) -> None``,
builds its page from ``parts`` (what the composition root, ``app/ui/station.py``, hands every
page) and calls ``window.add_page(key, title, widget, roles)`` (and, if it has options,
``window.add_settings_page(title, factory)``). A page registered under
``"warehouse"``, ``"counter"`` or ``"inspector"`` replaces that placeholder.
Add one line per area, like ``COMMAND_MODULES`` in ``app/cli.py``.
"""

from __future__ import annotations

PAGE_MODULES: tuple[str, ...] = (
    "app.ui.warehouse",  # receive, ship, pack, unpack, relabel, stocktake, returns
    "app.ui.counter.page",  # redeem vouchers, verify products, installer rebates, day's close
    "app.ui.inspector.page",  # regional data download, on-site verdicts, evidence, cases
    "app.ui.dashboard.page",  # the distributor's figures: goods in and out, stock, counter, sync
)
