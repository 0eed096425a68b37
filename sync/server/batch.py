"""The state of one pushed batch: the rows its events touch, read and locked once, the moves the
judges make on them in memory, and the writes that go out together at the end.

``Push`` (``sync.server.push``) owns the order of things: it asks ``load`` for every row the
batch refers to, hands each event to its judge (``sync.server.judges``), and calls ``flush``
once. The judges share the operations here (find a code, unpack it, move it, record a trace
step or a change for the stations), so a rule about *how* a code changes lives in one place
and each judge says only *when* it does.

Reading before judging and writing after keeps a batch of 1,000 events to a handful of
statements, and row locks (``FOR UPDATE`` on PostgreSQL) taken in key order keep two workers
judging pushes that touch the same codes, vouchers or claims from deciding both "first".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from app.domain.rules.tokens import Token, TokenError, peek, verify
from sync.protocol import EventIn, Reason
from sync.server.anomalies import AnomalyCheck
from sync.server.changes import ChangeLog
from sync.server.db import Tx
from sync.server.util import compact, loads

CODE_COLUMNS = (
    "key",
    "product_id",
    "batch_id",
    "level",
    "parent_key",
    "status",
    "dealer_id",
    "region_id",
    "order_id",
    "shipped_at",
    "shipped_by",
    "ship_event_id",
    "holder",
    "audience",
    "issued_at",
    "last_seen_at",
    "last_seen_station",
    "scan_count",
)
_MUTABLE = CODE_COLUMNS[4:13] + CODE_COLUMNS[15:]
EVENT_COLUMNS = ("event_id", "station_id", "device_seq", "type", "biz_step", "payload", "payload_hash",
                 "occurred_at", "operator", "received_at", "status", "reason", "detail")  # fmt: skip
SHIPMENT_COLUMNS = ("code_key", "dealer_id", "region_id", "order_id", "ship_date", "station_id", "event_id",
                    "created_at")  # fmt: skip
SHIPMENT_FIELDS = (
    "dealer_id",
    "region_id",
    "order_id",
    "shipped_at",
    "shipped_by",
    "ship_event_id",
)
CARRIED = ("status", *SHIPMENT_FIELDS, "holder")  # what a new label takes over from the old one
SHIPPED = ("shipped", "received")
# Scans by consumers' and inspectors' side (counted, checked for copy patterns); warehouse
# steps such as cycle counting are recorded and traced but not counted as "seen by the public".
OBSERVING = ("inspecting", "retail_selling", "sampling")


class Rejected(Exception):
    """An event refused whole, with the reason and the detail the operator's message needs."""

    def __init__(self, reason: Reason, **detail: Any) -> None:
        super().__init__(reason.value)
        self.reason = reason
        self.detail = {k: v for k, v in detail.items() if v is not None}


def already_shipped(code: dict[str, Any]) -> Rejected:
    return Rejected(
        Reason.CODE_ALREADY_SHIPPED,
        code=code["key"],
        dealer=code["dealer_id"],
        station=code["shipped_by"],
        at=code["shipped_at"],
    )


# Numbers the stations make offline for what they file (diversion cases XC-…, rebate claims
# FL-…): each names one thing forever, so a number drawn twice is refused with its own reason.
# kind -> (table, column) where the numbers in use are kept
NUMBERED = {"case": ("diversion_cases", "case_id"), "claim": ("rebate_claims", "claim_id")}


class Batch:
    """One station's batch inside one transaction."""

    def __init__(
        self,
        tx: Tx,
        station: dict[str, Any],
        settings: dict[str, Any],
        now_text: str,
        keys: Callable[[Tx], dict[str, Any]],
    ) -> None:
        self.tx = tx
        self.station = station
        self.me: str = station["id"]
        self.now_text = now_text
        self._keys_loader = keys
        self._keys: dict[str, Any] | None = None
        self.log = ChangeLog(now_text)
        self.anomaly = AnomalyCheck(tx, station, settings, now_text)
        self.codes: dict[str, dict[str, Any]] = {}
        self.children: dict[str, set[str]] = defaultdict(set)
        self.dirty: set[str] = set()
        self._dealers: dict[str, dict[str, Any]] | None = None
        self.orders: dict[str, dict[str, Any]] = {}
        self.vouchers: dict[str, dict[str, Any]] = {}
        self.redemptions: dict[str, dict[str, Any] | None] = {}
        self.claimed: dict[str, dict[str, Any]] = {}
        self.taken: set[tuple[str, str]] = set()  # (kind, number) in use, or used in this batch
        self.deny: set[tuple[str, str]] = set()
        self.rules: Any = None  # the rebate rule book, read on the batch's first claim
        self.rows: dict[str, list[tuple]] = defaultdict(list)
        self.deleted_redemptions: list[tuple] = []
        self.voided_shipments: list[tuple] = []
        self.restored_shipments: list[tuple] = []
        # what an event did, so an undo later in the same batch knows what to put back
        self.voided_by: dict[str, list[dict[str, Any]]] = {}
        self.received_by: dict[str, list[dict[str, Any]]] = {}

    # --- loading and locking ---------------------------------------------------------------

    def load(
        self,
        codes: Iterable[str],
        orders: Iterable[str],
        tokens: Iterable[str],
        devices: Iterable[str],
        numbers: Iterable[tuple[str, str]] = (),
    ) -> None:
        """Read (and lock, where a decision is first-wins) everything the batch refers to."""
        tx = self.tx
        keys = sorted(set(codes))
        self.load_codes(keys)
        for cond, params in tx.in_chunks("i.code_key", keys):
            for row in tx.all(
                "SELECT i.code_key, i.claim_id, c.claimed_at FROM rebate_claim_items i"
                f" JOIN rebate_claims c ON c.claim_id = i.claim_id WHERE {cond}",
                params,
            ):
                self.claimed[row["code_key"]] = row
        for cond, params in tx.in_chunks("id", sorted(set(orders))):
            for row in tx.all(f"SELECT * FROM orders WHERE {cond}", params):
                self.orders[row["id"]] = row
        wanted = sorted(set(numbers))
        for kind, number in wanted:  # another worker using the same number waits for this one
            tx.lock(f"{kind}:{number}")
        for kind, (table, column) in NUMBERED.items():
            for cond, params in tx.in_chunks(column, [n for k, n in wanted if k == kind]):
                self.taken.update(
                    (kind, row[0])
                    for row in tx.rows(f"SELECT {column} FROM {table} WHERE {cond}", params)
                )
        ids: set[str] = set()
        for text in tokens:
            try:
                ids.add(peek(text).id)
            except TokenError:
                continue
        values = sorted(ids | set(devices) | {self.me})
        for cond, params in tx.in_chunks("value", values):
            self.deny.update(
                (k, v)
                for k, v in tx.rows(f"SELECT kind, value FROM deny_list WHERE {cond}", params)
            )
        voucher_ids = sorted(ids)
        for cond, params in tx.in_chunks("id", voucher_ids):
            for row in tx.all(
                f"SELECT * FROM vouchers WHERE {cond} ORDER BY id{tx.for_update()}", params
            ):
                self.vouchers[row["id"]] = row
        for cond, params in tx.in_chunks("id", voucher_ids):
            for row in tx.all(f"SELECT * FROM installer_cards WHERE {cond}", params):
                self.vouchers[row["id"]] = dict(row, card=True)
        for cond, params in tx.in_chunks("voucher_id", voucher_ids):
            for row in tx.all(f"SELECT * FROM redemptions WHERE {cond}", params):
                self.redemptions[row["voucher_id"]] = row

    def load_codes(self, keys: list[str]) -> None:
        """Read and lock these codes and everything packed inside them (items have nothing inside,
        so only cases and pallets cost a second, recursive, read)."""
        tx = self.tx
        cols = ", ".join(CODE_COLUMNS)
        rows: list[tuple] = []
        for cond, params in tx.in_chunks("key", keys):
            rows += tx.rows(
                f"SELECT {cols} FROM codes WHERE {cond} ORDER BY key{tx.for_update()}", params
            )
        parents = [row[0] for row in rows if row[3] != "item"]
        for cond, params in tx.in_chunks("key", parents):
            rows += tx.rows(
                f"WITH RECURSIVE t(k) AS (SELECT key FROM codes WHERE {cond}"
                " UNION SELECT c.key FROM codes c JOIN t ON c.parent_key = t.k)"
                f" SELECT {cols} FROM codes WHERE key IN (SELECT k FROM t) ORDER BY key{tx.for_update()}",
                params,
            )
        for row in rows:
            code = dict(zip(CODE_COLUMNS, row, strict=True))
            if code["key"] in self.codes:
                continue  # already loaded: the in-memory state is newer
            self.codes[code["key"]] = code
            if code["parent_key"]:
                self.children[code["parent_key"]].add(code["key"])

    def dealer(self, dealer_id: str) -> dict[str, Any] | None:
        if self._dealers is None:
            self._dealers = {
                row["id"]: dict(row, regions=loads(row["regions"], []))
                for row in self.tx.all("SELECT id, name, regions FROM dealers")
            }
        return self._dealers.get(dealer_id)

    def token(self, text: Any, kind: str) -> tuple[Token, dict[str, Any]]:
        """A voucher's or installer card's signed token, checked, with its row."""
        forged = Reason.VOUCHER_FORGED if kind == "voucher" else Reason.CARD_FORGED
        if self._keys is None:
            self._keys = self._keys_loader(self.tx)
        try:
            if not isinstance(text, str):
                raise TokenError("malformed", "no token")
            token = verify(text, self._keys)
        except TokenError as exc:
            raise Rejected(forged, error=exc.reason) from exc
        row = self.vouchers.get(token.id)
        if token.kind != kind or row is None or bool(row.get("card")) != (kind == "card"):
            raise Rejected(forged, error="unknown")
        return token, row

    # --- moving codes ----------------------------------------------------------------------

    def code(self, key: str) -> dict[str, Any]:
        code = self.codes.get(key)
        if code is None:
            raise Rejected(Reason.CODE_UNKNOWN, code=key)
        return code

    def expand(self, keys: list[str]) -> list[dict[str, Any]]:
        """The codes and everything packed inside them (pallet -> cases -> items), once each."""
        out: dict[str, dict[str, Any]] = {}
        stack = list(keys)
        while stack:
            key = stack.pop()
            if key in out:
                continue
            out[key] = self.code(key)
            stack.extend(self.children.get(key, ()))
        return list(out.values())

    def touch(self, code: dict[str, Any], **values: Any) -> None:
        code.update(values)
        self.dirty.add(code["key"])

    def set_parent(self, code: dict[str, Any], parent: str | None) -> None:
        old = code["parent_key"]
        if old:
            self.children[old].discard(code["key"])
        if parent:
            self.children[parent].add(code["key"])
        self.touch(code, parent_key=parent)

    def trace(self, event: EventIn, keys: list[str], what: str) -> None:
        """One trace step per code; the code was last seen here, now."""
        for key in keys:
            self.rows["code_events"].append((key, event.event_id, self.me, what, event.occurred_at))
            code = self.codes.get(key)
            if code is not None:
                self.anomaly.seen(code, event, observation=what in OBSERVING or what == "claim")
                self.touch(code, last_seen_at=event.occurred_at, last_seen_station=self.me)

    def changed(self, code: dict[str, Any], *, snapshot: bool = False) -> None:
        """Publish a code's new state to the stations that keep it (and to inspectors'
        snapshots when what it was shipped as changed)."""
        self.log.add(
            "code",
            code["key"],
            {
                "level": code["level"],
                "product_id": code["product_id"],
                "parent_key": code["parent_key"],
                "status": code["status"],
                "dealer_id": code["dealer_id"],
                "order_id": code["order_id"],
                "holder": code["holder"],
                "by": self.me,
            },
            audience=code["audience"],
        )
        if snapshot:
            self.log.add(
                "ship",
                code["key"],
                {
                    "dealer_id": code["dealer_id"],
                    "region_id": code["region_id"],
                    "ship_date": code["shipped_at"],
                    "order_id": code["order_id"],
                    "void": code["status"] == "void",
                },
                stream="shipments",
            )

    # --- writing ---------------------------------------------------------------------------

    def flush(self) -> None:
        tx, rows = self.tx, self.rows
        tx.bulk_insert("events", EVENT_COLUMNS, rows["events"])
        tx.bulk_update(
            "codes",
            "key",
            _MUTABLE,
            [(*(self.codes[k][c] for c in _MUTABLE), k) for k in sorted(self.dirty)],
        )
        tx.bulk_insert("shipments", SHIPMENT_COLUMNS, rows["shipments"])
        tx.executemany(
            "UPDATE shipments SET standing = 0, voided_event_id = ? WHERE code_key = ? AND event_id = ?",
            self.voided_shipments,
        )
        tx.executemany(
            "UPDATE shipments SET standing = 1, voided_event_id = NULL WHERE voided_event_id = ? AND code_key = ?",
            self.restored_shipments,
        )
        tx.bulk_insert(
            "code_events",
            ("code_key", "event_id", "station_id", "what", "occurred_at"),
            rows["code_events"],
        )
        tx.executemany("DELETE FROM redemptions WHERE voucher_id = ?", self.deleted_redemptions)
        tx.executemany(
            "INSERT INTO redemptions (voucher_id, station_id, event_id, redeemed_at, operator, dealer_id,"
            " received_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows["redemptions"],
        )
        tx.executemany(
            "INSERT INTO rebate_claims (claim_id, card_id, station_id, event_id, claimed_at, month, units,"
            " base_cents, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows["claims"],
        )
        tx.executemany(
            "INSERT INTO rebate_claim_items (code_key, claim_id, product_id, amount_cents) VALUES (?, ?, ?, ?)",
            rows["claim_items"],
        )
        tx.executemany(
            "INSERT INTO diversion_cases (case_id, code_key, verdict, found_region_id, found_store_id,"
            " dealer_id, ship_date, order_id, station_id, event_id, operator, note, photos, status,"
            " opened_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows["cases"],
        )
        self.anomaly.flush()
        tx.execute("UPDATE stations SET last_seen_at = ? WHERE id = ?", (self.now_text, self.me))
        self.log.flush(tx)


def detail_text(detail: dict[str, Any]) -> str:
    return compact(detail) if detail else "{}"
