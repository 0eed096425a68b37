"""JSON-LD processing of EPCIS documents without a network.

An EPCIS document names its context by address (``https://ref.gs1.org/...``); a JSON-LD
processor fetches it, which fails on a station without Internet and leaks what is being
processed to whoever answers. ``offline_loader`` serves contexts from local files instead, and
refuses every other address, so processing either works offline or says which file is missing.
The brand's context ships as ``resources/epcis/yima-context.jsonld``; GS1's context is GS1's
file, given by the caller's path.

The loader has the shape pyld's ``jsonld.expand(doc, {"documentLoader": loader})`` expects;
nothing here imports pyld.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from app.domain.epcis.vocabulary import GS1_CONTEXT_ALIASES, GS1_CONTEXT_URL

YIMA_CONTEXT_FILE = "yima-context.jsonld"
YIMA_CONTEXT_URL = "urn:yima-scan:epcis:context"

Loader = Callable[..., dict[str, Any]]


class ContextUnavailable(LookupError):
    """A document names a context no local file serves."""


def context_files(gs1_context: Path, resources: Path) -> dict[str, Path]:
    """Every address GS1 published its EPCIS 2.0 context under, and the brand's own context."""
    files = {url: gs1_context for url in (GS1_CONTEXT_URL, *GS1_CONTEXT_ALIASES)}
    files[YIMA_CONTEXT_URL] = resources / "epcis" / YIMA_CONTEXT_FILE
    return files


def offline_loader(files: Mapping[str, Path]) -> Loader:
    """A document loader serving ``files`` (address -> local file), each read once."""
    cache: dict[str, Any] = {}

    def load(url: str, options: object = None) -> dict[str, Any]:
        path = files.get(url)
        if path is None:
            raise ContextUnavailable(f"no local copy of the JSON-LD context {url!r}")
        if url not in cache:
            cache[url] = json.loads(Path(path).read_text(encoding="utf-8"))
        return {
            "contentType": "application/ld+json",
            "contextUrl": None,
            "documentUrl": url,
            "document": cache[url],
        }

    return load
