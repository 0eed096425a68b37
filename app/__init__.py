"""Yima Scan (一码扫): the application package (domain in app.domain, Qt UI in app.ui)."""

__version__ = "0.1.0"
