"""EPCIS 2.0: the document shape station and server both export, read and answer queries with."""

from app.domain.epcis.document import (
    Record,
    document,
    epcis_event,
    event_times,
    query_document,
    write_document,
)
from app.domain.epcis.identifiers import Identifiers
from app.domain.epcis.jsonld import ContextUnavailable, context_files, offline_loader

__all__ = [
    "ContextUnavailable",
    "Identifiers",
    "Record",
    "context_files",
    "document",
    "epcis_event",
    "event_times",
    "offline_loader",
    "query_document",
    "write_document",
]
