"""What a case or pallet label says: its code as a barcode, product, count, batch and contents.

Read from the station's store at the moment the pack job closes, so the label shows what
the station recorded, not what the operator believes. Text is built from English templates
(marked for translation) through a ``translate`` function the caller gives, so the same
label prints in the operator's language on the system printer and on a ZPL/TSPL printer.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from app.domain.codes.display import readable
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.workflows.warehouse.answers import label
from app.domain.workflows.warehouse.names import Names

Translate = Callable[[str], str]

GS = "\x1d"
TITLES = {
    "case": QT_TRANSLATE_NOOP("Labels", "CASE"),
    "pallet": QT_TRANSLATE_NOOP("Labels", "PALLET"),
}
CHILDREN = {
    "case": QT_TRANSLATE_NOOP("Labels", "{count} items"),
    "pallet": QT_TRANSLATE_NOOP("Labels", "{count} cases"),
}
PRODUCT = QT_TRANSLATE_NOOP("Labels", "Product: {product}")
BATCH = QT_TRANSLATE_NOOP("Labels", "Batch: {batch}")
INSIDE = QT_TRANSLATE_NOOP("Labels", "Inside: {ranges}")
TEMPLATES = (*TITLES.values(), *CHILDREN.values(), PRODUCT, BATCH, INSIDE)  # all a label says
MAX_RANGES_TEXT = 90  # characters of the contents summary a label line holds


@dataclass(frozen=True)
class LabelSize:
    """A label roll: width and height in millimetres, the printer's dots per inch."""

    width_mm: float = 100.0
    height_mm: float = 150.0
    dpi: int = 203

    def dots(self, mm: float) -> int:
        return round(mm * self.dpi / 25.4)


@dataclass(frozen=True)
class PackageLabel:
    """One case or pallet label: ``key`` as stored, ``barcode`` the data its barcode carries."""

    key: str
    level: str  # "case" or "pallet"
    product: str  # already in the operator's language (products have both names)
    count: int
    batch: str | None
    children: tuple[str, ...]  # the children's printed labels (serials or codes)

    @property
    def gs1(self) -> bool:
        """True when the barcode is a GS1 element string (FNC1 first: GS1-128)."""
        return self.key.startswith(("sscc:", "sgtin:"))

    @property
    def barcode(self) -> str:
        """What the barcode holds, in the form the station's grammar parses back to ``key``."""
        scheme, _, body = self.key.partition(":")
        if scheme == "sscc":
            return f"00{body}"
        if scheme == "sgtin":
            gtin, _, serial = body.partition(".")
            return f"01{gtin}21{serial}"
        return body or self.key

    @property
    def human(self) -> str:
        """The text under the barcode: GS1 with its application identifiers in brackets."""
        return readable(self.key) if self.gs1 else self.barcode

    def lines(self, translate: Translate) -> list[str]:
        """The text lines under the title, in the operator's language."""
        lines = [
            translate(PRODUCT).format(product=self.product),
            translate(CHILDREN.get(self.level, CHILDREN["case"])).format(count=self.count),
        ]
        if self.batch:
            lines.append(translate(BATCH).format(batch=self.batch))
        if self.children:
            lines.append(translate(INSIDE).format(ranges=summarize(self.children)))
        return lines

    def title(self, translate: Translate) -> str:
        return translate(TITLES.get(self.level, TITLES["case"]))


def summarize(labels: tuple[str, ...] | list[str], limit: int = MAX_RANGES_TEXT) -> str:
    """Serials as ranges ("00000031–00000036, 00000040"), cut with "…" when too long:
    a label holds one line of it, and a run of consecutive serials is how packs are made."""
    parts: list[str] = []
    ordered = sorted(labels)
    start = prev = None
    for text in [*ordered, None]:
        if (
            text is not None
            and prev is not None
            and text.isdigit()
            and prev.isdigit()
            and len(text) == len(prev)
            and int(text) == int(prev) + 1
        ):
            prev = text
            continue
        if start is not None:
            parts.append(start if start == prev else f"{start}–{prev}")
        start = prev = text
    summary = ", ".join(parts)
    return summary if len(summary) <= limit else summary[: limit - 1].rstrip(", ") + "…"


def read_package_label(
    conn: sqlite3.Connection, key: str, language: str, batch: str | None = None
) -> PackageLabel:
    """The label of package ``key`` as the store holds it now (its children, its product).

    The store keeps no batch per code, so ``batch`` is left off here (a label printed from
    a code that carried its batch, such as a GS1 (10), passes it in ``batch``)."""
    row = conn.execute("SELECT level, product_id FROM codes WHERE key = ?", (key,)).fetchone()
    level, product_id = (row[0], row[1]) if row else ("case", None)
    children = [
        r[0]
        for r in conn.execute("SELECT key FROM codes WHERE parent_key = ? ORDER BY key", (key,))
    ]
    if product_id is None and children:
        product_id = conn.execute(
            "SELECT product_id FROM codes WHERE parent_key = ? AND product_id IS NOT NULL LIMIT 1",
            (key,),
        ).fetchone()
        product_id = product_id[0] if product_id else None
    return PackageLabel(
        key=key,
        level=level,
        product=Names(conn, language).product_name(product_id),
        count=len(children),
        batch=batch,
        children=tuple(label(child) for child in children),
    )
