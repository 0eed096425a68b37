"""Workflows (warehouse, counter, inspector): Qt-free decisions committed through the writer."""
