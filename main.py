"""Yima Scan entry point: the station GUI by default, subcommands for headless work."""

import sys

from app.cli import main

if __name__ == "__main__":
    sys.exit(main())
