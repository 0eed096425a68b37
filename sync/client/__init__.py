"""The station side of sync: enrollment, push, pull and snapshots over the documented HTTP API."""
