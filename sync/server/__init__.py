"""The reference central server (FastAPI; SQLite for one machine, PostgreSQL for deployments)."""
