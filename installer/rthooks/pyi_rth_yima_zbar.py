"""Runtime hook: let the frozen pyzbar load the zbar library that ships inside the bundle.

On Linux pyzbar asks ``ctypes.util.find_library("zbar")``, which only searches
the system (ldconfig), so a station without libzbar0 installed would lose the
second decoder. This answers that one question with the bundled copy.
"""

import ctypes.util
import os
import sys

_BUNDLED_ZBAR = os.path.join(sys._MEIPASS, "libzbar.so.0")

if sys.platform.startswith("linux") and os.path.exists(_BUNDLED_ZBAR):
    _system_find_library = ctypes.util.find_library

    def _find_library(name: str) -> str | None:
        if name == "zbar":
            return _BUNDLED_ZBAR
        return _system_find_library(name)

    ctypes.util.find_library = _find_library
