"""Helpers shared by the test folders: one package, so a fixture or a sample station is written once."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the checkout; tests read it and never write into it
