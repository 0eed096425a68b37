"""The installer tests build in a folder of the system's temporary area (``YIMA_BUILD_ROOT``),
never in the checkout's dist/ and build/: set before any test module imports the build layout."""

import os
import tempfile
from pathlib import Path

os.environ.setdefault("YIMA_BUILD_ROOT", str(Path(tempfile.gettempdir()) / "yima-bundle-test"))
