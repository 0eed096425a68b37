"""The warehouse page and its paperwork printing; ``register(window)`` mounts it in the shell."""

from app.ui.warehouse.page import WarehousePage, register

__all__ = ["WarehousePage", "register"]
