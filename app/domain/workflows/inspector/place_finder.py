"""Finding where the inspector stands in a long list of stores and regions, by keyboard.

The list reads like a map: each region, its stores, then the regions inside it, names in the
operator's collation (the page passes one; pinyin order in Chinese). A search keeps the places
whose name, code or region holds every word typed. "Near me" puts the places closest to the
station first, counted in steps through the region tree from the station's own region (a
store in its region is 0 steps away, the neighbouring province's 2): the synced stores and
regions carry no map positions, so the region tree is the distance the station can know.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from app.domain.workflows.inspector.checks import Place
from app.domain.workflows.inspector.verdict import ancestors

NameKey = Callable[[str], Any]
Parents = Mapping[str, str | None]


def ordered(
    places: Iterable[Place],
    parents: Parents,
    names: Mapping[str, str],
    name_key: NameKey = str,
) -> list[Place]:
    """Regions top-down, each followed by its own stores, then the regions inside it."""

    def key(place: Place) -> tuple[tuple[int, Any], ...]:
        path = tuple(
            (1, name_key(names.get(r, r))) for r in reversed(ancestors(place.region_id, parents))
        )
        return path if place.kind == "region" else (*path, (0, name_key(place.name)))

    return sorted(places, key=key)


def matching(places: Iterable[Place], query: str, names: Mapping[str, str]) -> list[Place]:
    """The places whose name, code or region name holds every word of ``query``."""
    words = query.casefold().split()

    def text(place: Place) -> str:
        return " ".join((place.name, place.id, names.get(place.region_id, ""))).casefold()

    return [p for p in places if all(w in text(p) for w in words)]


def steps(a: str, b: str, parents: Parents) -> int:
    """How many steps through the region tree lie between two regions."""
    up_a, up_b = ancestors(a, parents), ancestors(b, parents)
    shared = next((r for r in up_a if r in up_b), None)
    if shared is None:
        return len(up_a) + len(up_b)
    return up_a.index(shared) + up_b.index(shared)


def nearest_first(places: Iterable[Place], home: str, parents: Parents) -> list[Place]:
    """``places`` (already in list order) with those closest to the region ``home`` first."""
    return sorted(places, key=lambda p: steps(p.region_id, home, parents))
