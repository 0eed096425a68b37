"""The domain's translation marker: ``translatable.QT_TRANSLATE_NOOP``, the one every layer uses.

The domain and the sync code import it from here; ``hardware``, which may not import ``app``,
imports it from ``translatable`` directly. See that package for how the marked text reaches
the ``.ts`` files.
"""

from translatable import QT_TRANSLATE_NOOP

__all__ = ["QT_TRANSLATE_NOOP"]
