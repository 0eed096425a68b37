"""Subcommands of ``main.py``: one module each, registered in ``app.cli.COMMAND_MODULES``."""
