"""The station's SQLite file: migrations, the event journal (also the sync outbox) and the single writer thread."""
