"""Scanner sources (wedge, serial, TCP, camera) that all emit one ``Scan`` stream.

Qt-free: the Qt event filter and the cross-thread bridge live in ``app.ui``.
"""
