"""The status bar refits every poll without leaving anything behind (issue 12, item 10).

``QStatusBar.reformat()`` replaces the bar's layout each time; the old fit read the
spacing through ``layout()``, and each wrapper PySide made for a replaced layout stayed
alive: one leaked layout every two seconds, for as long as the station ran.
"""

import gc

from app.ui.status_bar import StationStatusBar


def _layouts() -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if type(o).__name__ in ("QVBoxLayout", "QHBoxLayout"))


def test_refitting_leaves_no_layout_behind(qtbot, context):
    bar = StationStatusBar(context.gateway, "Gate B")
    qtbot.addWidget(bar)
    bar.show()
    bar.fit()
    before = _layouts()
    for _ in range(50):
        bar.fit()  # what every poll's render ends with
    assert _layouts() == before  # the old fit: 50 more
