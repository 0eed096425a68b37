"""The Qt-free core: codes, the local store and journal, and the workflows.

Nothing under this package may import PySide6 (tests/test_layers.py enforces it).
"""
