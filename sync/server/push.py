"""Push: judge a batch of a station's events, exactly once each, in one transaction.

The batch is handled set-wise for speed and event by event for meaning: the rows every event
touches (codes with everything packed inside them, vouchers, claimed codes, orders) are read
once and locked, each event is judged in order against that in-memory state (so an
aggregation earlier in the batch counts for a shipment later in it), and all writes go out
at the end with ``executemany``. Every event gets one row in ``events`` whatever its answer,
so a re-sent event is recognised forever, and a different payload under a known id is refused.

An event is atomic: it is accepted whole or rejected whole with a reason and the detail the
station needs to tell the operator what to do.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from sync.protocol import EventIn, Reason, Status
from sync.server.anomalies import AnomalyCheck
from sync.server.changes import ChangeLog
from sync.server.db import Tx
from sync.server.rebates import RuleBook
from sync.server.util import compact, dumps, iso, loads, parse_time, sha256_text
from sync.tokens import Token, TokenError, peek, verify

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
_SHIPMENT_FIELDS = (
    "dealer_id",
    "region_id",
    "order_id",
    "shipped_at",
    "shipped_by",
    "ship_event_id",
)
_CARRIED = ("status", *_SHIPMENT_FIELDS, "holder")
LEVEL_RANK = {"item": 0, "case": 1, "pallet": 2}
SHIPPED = ("shipped", "received")
# Scans by consumers' and inspectors' side (counted, checked for copy patterns); warehouse
# steps such as cycle counting are recorded and traced but not counted as "seen by the public".
OBSERVING = ("inspecting", "retail_selling", "sampling")
RELABELLING = ("replacing", "relabelling", "relabeling")


def _result(
    event_id: str, status: str, reason: str | None, detail: dict[str, Any]
) -> dict[str, Any]:
    return {"event_id": event_id, "status": status, "reason": reason, "detail": detail}


class Rejected(Exception):
    def __init__(self, reason: Reason, **detail: Any) -> None:
        super().__init__(reason.value)
        self.reason = reason
        self.detail = {k: v for k, v in detail.items() if v is not None}


def biz_step(payload: dict[str, Any]) -> str:
    """``urn:epcglobal:cbv:bizstep:shipping`` / ``https://ref.gs1.org/cbv/BizStep-shipping`` -> ``shipping``."""
    step = str(payload.get("bizStep") or "")
    for sep in (":", "/", "-"):
        step = step.rsplit(sep, 1)[-1]
    return step.lower()


def _first(payload: dict[str, Any], *names: str) -> Any:
    for name in names:
        if payload.get(name) not in (None, ""):
            return payload[name]
    return None


def dealer_of(payload: dict[str, Any]) -> Any:
    """The destination dealer: a plain field, or EPCIS ``destinationList``'s owning party."""
    found = _first(payload, "dealer_id", "yima:dealer", "destination", "dealer")
    if found is None:
        for party in payload.get("destinationList") or ():
            if isinstance(party, dict) and party.get("type", "").endswith("owning_party"):
                return party.get("destination")
    return found


def order_of(payload: dict[str, Any]) -> Any:
    """The order: a plain field, or the first EPCIS ``bizTransactionList`` entry."""
    found = _first(payload, "order_id", "yima:order", "order")
    if found is None:
        for tx in payload.get("bizTransactionList") or ():
            if isinstance(tx, dict) and tx.get("bizTransaction"):
                return tx["bizTransaction"]
    return found


def replaced_of(payload: dict[str, Any]) -> Any:
    return _first(payload, "replaces", "yima:replaces")


def _keys(value: Any) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(k, str) and k for k in value):
        raise Rejected(Reason.EVENT_INVALID, error="a code list must be a list of code keys")
    return value


def event_hash(event: EventIn) -> tuple[str, str]:
    """The payload as canonical JSON (what is stored) and the hash of everything the event says
    (what tells a re-sent event from a different one under the same id)."""
    payload = dumps(event.payload)
    body = "\x1f".join((event.type, payload, event.occurred_at, event.operator, event.station))
    return payload, sha256_text(body)


def referenced_codes(event: EventIn) -> list[str]:
    p = event.payload
    try:
        if event.type == "ObjectEvent":
            old = replaced_of(p)
            return _keys(p.get("epcList")) + ([old] if isinstance(old, str) else [])
        if event.type == "AggregationEvent":
            parent = p.get("parentID")
            return ([parent] if isinstance(parent, str) else []) + _keys(p.get("childEPCs"))
        if event.type == "RebateClaimEvent":
            return _keys(_first(p, "epcList", "codes"))
        if event.type == "DiversionCaseEvent":
            code = _first(p, "code", "epc")
            return [code] if isinstance(code, str) else []
    except Rejected:
        return []
    return []


class Push:
    """One batch from one station, inside one transaction."""

    def __init__(
        self,
        tx: Tx,
        station: dict[str, Any],
        settings: dict[str, Any],
        now: dt.datetime,
        keys: Callable[[Tx], dict[str, Any]],
    ) -> None:
        self.tx = tx
        self.station = station
        self.settings = settings
        self.now = now
        self.now_text = iso(now)
        self._keys_loader = keys
        self._keys: dict[str, Any] | None = None
        self.log = ChangeLog(self.now_text)
        self.codes: dict[str, dict[str, Any]] = {}
        self.children: dict[str, set[str]] = defaultdict(set)
        self.dirty: set[str] = set()
        self.dealers: dict[str, dict[str, Any]] | None = None
        self.orders: dict[str, dict[str, Any]] = {}
        self.vouchers: dict[str, dict[str, Any]] = {}
        self.redemptions: dict[str, dict[str, Any] | None] = {}
        self.claimed: dict[str, dict[str, Any]] = {}
        self.deny: set[tuple[str, str]] = set()
        self.rules: RuleBook | None = None
        self.anomaly = AnomalyCheck(tx, station, settings, self.now_text)
        self.rows: dict[str, list[tuple]] = defaultdict(list)
        self.deleted_redemptions: list[tuple] = []
        self.voided_shipments: list[tuple] = []
        self.restored_shipments: list[tuple] = []
        self.voided_by: dict[str, list[dict[str, Any]]] = {}
        self.received_by: dict[str, list[dict[str, Any]]] = {}  # receipt -> what it changed

    # --- loading ---------------------------------------------------------------------------

    def _load(self, events: list[EventIn]) -> None:
        keys: set[str] = set()
        orders: set[str] = set()
        tokens: list[str] = []
        devices: set[str] = set()
        for event in events:
            keys.update(referenced_codes(event))
            order = order_of(event.payload)
            if isinstance(order, str):
                orders.add(order)
            token = _first(event.payload, "voucher", "card")
            if isinstance(token, str):
                tokens.append(token)
            device = event.payload.get("device")
            if isinstance(device, str):
                devices.add(device)
        tx = self.tx
        self._load_keys(sorted(keys))
        if keys:
            cond, params = tx.in_list("i.code_key", sorted(keys))
            for row in tx.all(
                "SELECT i.code_key, i.claim_id, c.claimed_at FROM rebate_claim_items i"
                f" JOIN rebate_claims c ON c.claim_id = i.claim_id WHERE {cond}",
                params,
            ):
                self.claimed[row["code_key"]] = row
        if orders:
            cond, params = tx.in_list("id", sorted(orders))
            for row in tx.all(f"SELECT * FROM orders WHERE {cond}", params):
                self.orders[row["id"]] = row
        ids: set[str] = set()
        for text in tokens:
            try:
                ids.add(peek(text).id)
            except TokenError:
                continue
        values = sorted(ids | devices | {self.station["id"]})
        cond, params = tx.in_list("value", values)
        self.deny = {
            (k, v) for k, v in tx.rows(f"SELECT kind, value FROM deny_list WHERE {cond}", params)
        }
        if ids:
            cond, params = tx.in_list("id", sorted(ids))
            for row in tx.all(
                f"SELECT * FROM vouchers WHERE {cond} ORDER BY id{tx.for_update()}", params
            ):
                self.vouchers[row["id"]] = row
            cond, params = tx.in_list("id", sorted(ids))
            for row in tx.all(f"SELECT * FROM installer_cards WHERE {cond}", params):
                self.vouchers[row["id"]] = dict(row, card=True)
            cond, params = tx.in_list("voucher_id", sorted(ids))
            for row in tx.all(f"SELECT * FROM redemptions WHERE {cond}", params):
                self.redemptions[row["voucher_id"]] = row

    def _load_keys(self, keys: list[str]) -> None:
        """Read and lock these codes and everything packed inside them (items have nothing inside,
        so only cases and pallets cost a second, recursive, read)."""
        if not keys:
            return
        tx = self.tx
        cols = ", ".join(CODE_COLUMNS)
        cond, params = tx.in_list("key", keys)
        rows = tx.rows(
            f"SELECT {cols} FROM codes WHERE {cond} ORDER BY key{tx.for_update()}", params
        )
        parents = [row[0] for row in rows if row[3] != "item"]
        if parents:
            cond, params = tx.in_list("key", parents)
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

    def _dealer(self, dealer_id: str) -> dict[str, Any] | None:
        if self.dealers is None:
            self.dealers = {
                row["id"]: dict(row, regions=loads(row["regions"], []))
                for row in self.tx.all("SELECT id, name, regions FROM dealers")
            }
        return self.dealers.get(dealer_id)

    def _verify(self, text: Any) -> Token:
        if self._keys is None:
            self._keys = self._keys_loader(self.tx)
        if not isinstance(text, str):
            raise TokenError("malformed", "no token")
        return verify(text, self._keys)

    # --- the batch -------------------------------------------------------------------------

    def run(self, events: list[EventIn]) -> list[dict[str, Any]]:
        """One answer per event, shaped as ``protocol.EventResult`` (plain dicts: they go straight
        to JSON, a few microseconds per event cheaper than models)."""
        tx = self.tx
        ids = sorted({e.event_id for e in events})
        cond, params = tx.in_list("event_id", ids)
        known = {
            row["event_id"]: row
            for row in tx.all(
                f"SELECT event_id, station_id, payload_hash, status, reason, detail FROM events WHERE {cond}",
                params,
            )
        }
        self._load([e for e in events if e.event_id not in known])
        results = []
        for event in events:
            payload_text, digest = event_hash(event)
            prior = known.get(event.event_id)
            if prior is not None:
                results.append(self._repeat(event, prior, digest))
                continue
            if event.station != self.station["id"]:
                results.append(
                    _result(
                        event.event_id,
                        "rejected",
                        Reason.NOT_OWN_EVENT.value,
                        {"station": event.station},
                    )
                )
                continue
            status, reason, detail = self._judge(event)
            self.rows["events"].append(
                (
                    event.event_id,
                    self.station["id"],
                    event.seq,
                    event.type,
                    biz_step(event.payload) or None,
                    payload_text,
                    digest,
                    event.occurred_at,
                    event.operator,
                    self.now_text,
                    status,
                    reason,
                    compact(detail) if detail else "{}",
                )
            )
            known[event.event_id] = {
                "event_id": event.event_id,
                "station_id": self.station["id"],
                "payload_hash": digest,
                "status": status,
                "reason": reason,
                "detail": compact(detail) if detail else "{}",
            }
            results.append(_result(event.event_id, status, reason, detail))
        self._flush()
        return results

    def _repeat(self, event: EventIn, prior: dict[str, Any], digest: str) -> dict[str, Any]:
        if prior["station_id"] != self.station["id"] or prior["payload_hash"] != digest:
            return _result(
                event.event_id,
                "rejected",
                Reason.EVENT_ID_REUSED.value,
                {"event_id": event.event_id},
            )
        result = _result(event.event_id, "duplicate", prior["reason"], loads(prior["detail"], {}))
        result["original_status"] = prior["status"]
        return result

    def _judge(self, event: EventIn) -> tuple[str, str | None, dict[str, Any]]:
        handlers = {
            "ObjectEvent": self._object,
            "AggregationEvent": self._aggregation,
            "RedemptionEvent": self._redemption,
            "RebateClaimEvent": self._claim,
            "DiversionCaseEvent": self._case,
        }
        try:
            handler = handlers.get(event.type)
            if handler is None:
                raise Rejected(Reason.EVENT_INVALID, error=f"unknown event type {event.type}")
            try:
                when = parse_time(event.occurred_at)
            except ValueError as exc:
                raise Rejected(Reason.EVENT_INVALID, error="bad occurred_at") from exc
            self.anomaly.device(event, self.deny)
            detail = handler(event, when) or {}
        except Rejected as rejection:
            return Status.REJECTED.value, rejection.reason.value, rejection.detail
        return Status.ACCEPTED.value, None, detail

    # --- codes -----------------------------------------------------------------------------

    def _code(self, key: str) -> dict[str, Any]:
        code = self.codes.get(key)
        if code is None:
            raise Rejected(Reason.CODE_UNKNOWN, code=key)
        return code

    def _expand(self, keys: list[str]) -> list[dict[str, Any]]:
        """The codes and everything packed inside them (pallet -> cases -> items), once each."""
        out: dict[str, dict[str, Any]] = {}
        stack = list(keys)
        while stack:
            key = stack.pop()
            if key in out:
                continue
            out[key] = self._code(key)
            stack.extend(self.children.get(key, ()))
        return list(out.values())

    def _touch(self, code: dict[str, Any], **values: Any) -> None:
        code.update(values)
        self.dirty.add(code["key"])

    def _set_parent(self, code: dict[str, Any], parent: str | None) -> None:
        old = code["parent_key"]
        if old:
            self.children[old].discard(code["key"])
        if parent:
            self.children[parent].add(code["key"])
        self._touch(code, parent_key=parent)

    def _trace(self, event: EventIn, keys: list[str], what: str) -> None:
        for key in keys:
            self.rows["code_events"].append(
                (key, event.event_id, self.station["id"], what, event.occurred_at)
            )
            code = self.codes.get(key)
            if code is not None:
                self.anomaly.seen(code, event, observation=what in OBSERVING or what == "claim")
                self._touch(
                    code, last_seen_at=event.occurred_at, last_seen_station=self.station["id"]
                )

    def _object(self, event: EventIn, when: dt.datetime) -> dict[str, Any] | None:
        p = event.payload
        keys = _keys(p.get("epcList"))
        if not keys:
            raise Rejected(Reason.EVENT_INVALID, error="epcList is empty")
        step = biz_step(p)
        disposition = str(p.get("disposition") or "").rsplit(":", 1)[-1].rsplit("-", 1)[-1].lower()
        undoes = _first(p, "yima:compensates", "compensates")
        undoes = undoes if isinstance(undoes, str) else None
        if step == "shipping":
            self._ship(event, when, keys)
        elif step == "void_shipping":
            self._void_shipping(event, keys, undoes)
        elif (
            (step == "returning" and undoes)
            or step == "void_returning"
            or (step == "void_receiving" and disposition == "returned")
        ):
            if undoes:
                self._undo_return(undoes)
        elif step == "void_receiving":
            self._undo_receive(keys, undoes)
        elif step == "returning" or (step == "receiving" and disposition == "returned"):
            self._return(event, keys)
        elif step == "receiving":
            self._receive(event, keys)
        elif step in RELABELLING:
            self._replace(event, keys)
        elif step.startswith("void_") and step[5:] in RELABELLING:
            self._undo_replace(event, keys)
        elif step in ("decommissioning", "destroying"):
            for code in [self._code(k) for k in keys]:
                self._set_parent(code, None)
                self._touch(code, status="void")
                self._changed(code, snapshot=True)
        elif step in OBSERVING:
            self.anomaly.observation(event, when)
            for key in keys:
                code = self.codes.get(key)
                if code is None:
                    self.anomaly.flag("unknown_code", key, event, {})
                else:
                    self._touch(code, scan_count=(code["scan_count"] or 0) + 1)
            self.anomaly.runs(keys, event)
        self._trace(event, keys, step or "observe")
        return None

    def _ship(self, event: EventIn, when: dt.datetime, keys: list[str]) -> None:
        p = event.payload
        dealer_id = dealer_of(p)
        if not isinstance(dealer_id, str):
            raise Rejected(Reason.EVENT_INVALID, error="shipping without a destination dealer")
        dealer = self._dealer(dealer_id)
        if dealer is None:
            raise Rejected(Reason.DEALER_UNKNOWN, dealer=dealer_id)
        order_id = order_of(p)
        order = None
        if order_id is not None:
            order = self.orders.get(order_id)
            if order is None:
                raise Rejected(Reason.ORDER_UNKNOWN, order=order_id)
            if order["dealer_id"] != dealer_id:
                raise Rejected(Reason.ORDER_WRONG_DEALER, order=order_id, dealer=dealer_id)
            if order["status"] in ("closed", "cancelled"):
                raise Rejected(Reason.ORDER_CLOSED, order=order_id)
        region_id = _first(p, "region_id", "region") or (order or {}).get("region_id")
        if region_id is None and len(dealer["regions"]) == 1:
            region_id = dealer["regions"][0]
        if region_id is not None and dealer["regions"] and region_id not in dealer["regions"]:
            raise Rejected(Reason.REGION_NOT_AUTHORISED, dealer=dealer_id, region=region_id)
        codes = self._expand(keys)
        for code in codes:
            if code["status"] in SHIPPED:
                raise Rejected(
                    Reason.CODE_ALREADY_SHIPPED,
                    code=code["key"],
                    dealer=code["dealer_id"],
                    station=code["shipped_by"],
                    at=code["shipped_at"],
                )
            if code["status"] == "void":
                raise Rejected(Reason.CODE_VOID, code=code["key"])
        ship_date = when.date().isoformat()
        for code in codes:
            self._touch(
                code,
                status="shipped",
                dealer_id=dealer_id,
                region_id=region_id,
                order_id=order_id,
                shipped_at=ship_date,
                shipped_by=self.station["id"],
                ship_event_id=event.event_id,
                holder=None,
            )
            self.rows["shipments"].append(
                (
                    code["key"],
                    dealer_id,
                    region_id,
                    order_id,
                    ship_date,
                    self.station["id"],
                    event.event_id,
                    self.now_text,
                )
            )
            self._changed(code, snapshot=True)

    def _receive(self, event: EventIn, keys: list[str]) -> None:
        codes = self._expand(keys)
        for code in codes:
            if code["status"] == "void":
                raise Rejected(Reason.CODE_VOID, code=code["key"])
        dealer = self.station.get("dealer_id")
        before = self.received_by.setdefault(event.event_id, [])
        for code in codes:
            before.append({"key": code["key"], "status": code["status"], "holder": code["holder"]})
            if code["status"] in SHIPPED:
                if dealer and code["dealer_id"] != dealer:
                    self.anomaly.flag(
                        "received_by_other_dealer",
                        code["key"],
                        event,
                        {"shipped_to": code["dealer_id"]},
                    )
                self._touch(code, status="received", holder=self.station["id"])
            else:
                self._touch(code, status="in_stock", holder=self.station["id"])
            self._changed(code)

    def _return(self, event: EventIn, keys: list[str]) -> None:
        codes = self._expand(keys)
        for code in codes:
            if code["status"] not in SHIPPED:
                raise Rejected(Reason.CODE_NOT_SHIPPED, code=code["key"])
        self._unship(event, codes, "returned")

    def _unship(self, event: EventIn, codes: list[dict[str, Any]], status: str) -> None:
        """Void the standing shipment of each code (kept for the trace, and for an undo)."""
        undo = self.voided_by.setdefault(event.event_id, [])
        for code in codes:
            self.voided_shipments.append((event.event_id, code["key"], code["ship_event_id"]))
            undo.append({k: code[k] for k in _SHIPMENT_FIELDS} | {"key": code["key"]})
            self._touch(
                code,
                status=status,
                dealer_id=None,
                region_id=None,
                order_id=None,
                shipped_at=None,
                shipped_by=None,
                ship_event_id=None,
                holder=self.station["id"],
            )
            self._changed(code, snapshot=True)

    def _void_shipping(self, event: EventIn, keys: list[str], undoes: str | None) -> None:
        """Undo of a shipment: the codes that shipment (or any, without an id) shipped are back in stock.
        Codes it never shipped - its shipping may have been rejected - are left alone."""
        codes = [
            c
            for c in self._expand([k for k in keys if k in self.codes])
            if c["status"] in SHIPPED and (undoes is None or c["ship_event_id"] == undoes)
        ]
        self._unship(event, codes, "in_stock")

    def _undo_receive(self, keys: list[str], undoes: str | None) -> None:
        """Undo of a receipt: each code goes back to what it was before, if the receipt still
        stands (this station holds it as received or in stock); a refused receipt is a no-op.

        Within one batch the receipt's own record says what each code was. Otherwise it is
        derived: a code received after shipping is shipped again; one taken into stock was
        issued, returned or in another station's stock, as the trace before the receipt says.
        """
        me = self.station["id"]
        if undoes is not None and undoes in self.received_by:
            before = self.received_by[undoes]
        else:
            before = [
                {"key": c["key"], **prior}
                for key, prior in self._before_receipt([k for k in keys if k in self.codes], undoes)
                for c in self._expand([key])
            ]
        for row in before:
            code = self.codes.get(row["key"])
            if (
                code is None
                or code["holder"] != me
                or code["status"] not in ("received", "in_stock")
            ):
                continue
            status = row["status"]
            if status is None:  # derived: received after shipping means it was shipped
                status = "shipped" if code["status"] == "received" else "issued"
            self._touch(code, status=status, holder=row["holder"])
            self._changed(code)

    def _before_receipt(self, keys: list[str], undoes: str | None) -> list[tuple[str, dict]]:
        """(key, {status, holder}) before the receipt ``undoes``, from the codes' trace (an
        earlier receipt that was itself undone says nothing: the default then applies)."""
        if undoes is None:
            return [(k, {"status": None, "holder": None}) for k in keys]
        at = self.tx.scalar(
            "SELECT min(occurred_at) FROM code_events WHERE event_id = ?", (undoes,)
        )
        if at is None:
            return []  # the receipt was refused or never arrived: nothing to undo
        out = []
        for key in keys:
            row = self.tx.one(
                "SELECT what, station_id FROM code_events WHERE code_key = ? AND occurred_at < ?"
                " AND what IN ('receiving', 'returning', 'shipping', 'void_receiving') ORDER BY occurred_at DESC LIMIT 1",
                (key, at),
            )
            if row is not None and row["what"] == "returning":
                out.append((key, {"status": "returned", "holder": row["station_id"]}))
            elif (
                row is not None
                and row["what"] == "receiving"
                and self.codes[key]["status"] != "received"
            ):
                out.append((key, {"status": "in_stock", "holder": row["station_id"]}))
            else:
                out.append((key, {"status": None, "holder": None}))
        return out

    def _undo_return(self, undoes: str) -> None:
        """Undo of a return: the shipments that return voided stand again."""
        voided = self.voided_by.get(undoes)
        if voided is None:
            voided = self.tx.all(
                "SELECT code_key AS key, dealer_id, region_id, order_id, ship_date AS shipped_at,"
                " station_id AS shipped_by, event_id AS ship_event_id FROM shipments"
                " WHERE voided_event_id = ? AND standing = 0",
                (undoes,),
            )
        self._load_keys([v["key"] for v in voided if v["key"] not in self.codes])
        for row in voided:
            code = self.codes.get(row["key"])
            if code is not None and code["status"] in SHIPPED:
                raise Rejected(
                    Reason.CODE_ALREADY_SHIPPED,
                    code=code["key"],
                    dealer=code["dealer_id"],
                    station=code["shipped_by"],
                    at=code["shipped_at"],
                )
        for row in voided:
            code = self.codes.get(row["key"])
            if code is None:
                continue
            self._touch(
                code, status="shipped", holder=None, **{k: row[k] for k in _SHIPMENT_FIELDS}
            )
            self.restored_shipments.append((undoes, row["key"]))
            self._changed(code, snapshot=True)

    def _undo_replace(self, event: EventIn, keys: list[str]) -> None:
        """Undo of a relabel: the old code takes back its place; a relabel the server refused is a no-op."""
        old_key = replaced_of(event.payload)
        old = self.codes.get(old_key) if isinstance(old_key, str) else None
        new = self.codes.get(keys[0]) if len(keys) == 1 else None
        if old is None or new is None or old["status"] != "void":
            return
        carried = {k: new[k] for k in _CARRIED}
        self._touch(old, **carried)
        self._set_parent(old, new["parent_key"])
        for child in list(self.children.get(new["key"], ())):
            self._set_parent(self.codes[child], old["key"])
            self._changed(self.codes[child])
        self._set_parent(new, None)
        self._touch(new, status="issued", dealer_id=None, region_id=None, order_id=None, shipped_at=None,
                    shipped_by=None, ship_event_id=None, holder=None)  # fmt: skip
        self._changed(old, snapshot=True)
        self._changed(new, snapshot=True)

    def _replace(self, event: EventIn, keys: list[str]) -> None:
        old_key = replaced_of(event.payload)
        if not isinstance(old_key, str) or len(keys) != 1:
            raise Rejected(
                Reason.EVENT_INVALID, error="replacing needs one new code and 'replaces'"
            )
        old, new = self._code(old_key), self._code(keys[0])
        if (
            new["status"] in (*SHIPPED, "void")
            or new["parent_key"]
            or self.children.get(new["key"])
        ):
            raise Rejected(Reason.CODE_VOID if new["status"] == "void" else Reason.CODE_ALREADY_SHIPPED,
                           code=new["key"], dealer=new["dealer_id"], station=new["shipped_by"],
                           at=new["shipped_at"])  # fmt: skip
        self._touch(new, **{k: old[k] for k in _CARRIED})
        self._set_parent(new, old["parent_key"])
        for child in list(self.children.get(old_key, ())):
            self._set_parent(self.codes[child], new["key"])
            self._changed(self.codes[child])
        self._set_parent(old, None)
        self._touch(old, status="void")
        self._changed(new, snapshot=True)
        self._changed(old, snapshot=True)

    def _changed(self, code: dict[str, Any], *, snapshot: bool = False) -> None:
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
                "by": self.station["id"],
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

    # --- aggregation -----------------------------------------------------------------------

    def _aggregation(self, event: EventIn, when: dt.datetime) -> None:
        p = event.payload
        action = str(p.get("action") or "").upper()
        parent_key = p.get("parentID")
        if not isinstance(parent_key, str) or action not in ("ADD", "DELETE"):
            raise Rejected(
                Reason.EVENT_INVALID, error="aggregation needs action ADD/DELETE and parentID"
            )
        parent = self._code(parent_key)
        child_keys = _keys(p.get("childEPCs"))
        if action == "ADD":
            if not child_keys:
                raise Rejected(Reason.EVENT_INVALID, error="ADD without childEPCs")
            if parent["status"] in SHIPPED:
                raise Rejected(Reason.AGG_PARENT_SHIPPED, parent=parent_key)
            if parent["status"] == "void":
                raise Rejected(Reason.CODE_VOID, code=parent_key)
            children = [self._code(k) for k in child_keys]
            for child in children:
                if child["status"] == "void":
                    raise Rejected(Reason.CODE_VOID, code=child["key"])
                if LEVEL_RANK.get(child["level"], 0) >= LEVEL_RANK.get(parent["level"], 0):
                    raise Rejected(Reason.AGG_LEVEL_MISMATCH, code=child["key"], parent=parent_key)
                other = child["parent_key"]
                if other and other != parent_key and not p.get("move"):
                    raise Rejected(Reason.AGG_IN_OTHER_PARENT, code=child["key"], other=other)
            for child in children:
                self._set_parent(child, parent_key)
                self._changed(child)
        else:
            keys = child_keys or sorted(self.children.get(parent_key, ()))
            children = [self._code(k) for k in keys]
            for child in children:
                if child["parent_key"] != parent_key:
                    raise Rejected(Reason.AGG_NOT_CHILD, code=child["key"], parent=parent_key)
            for child in children:
                self._set_parent(child, None)
                self._changed(child)
        self._trace(event, [parent_key, *child_keys], f"aggregation_{action.lower()}")

    # --- vouchers, claims, cases -----------------------------------------------------------

    def _token(self, text: Any, kind: str) -> tuple[Token, dict[str, Any]]:
        forged = Reason.VOUCHER_FORGED if kind == "voucher" else Reason.CARD_FORGED
        try:
            token = self._verify(text)
        except TokenError as exc:
            raise Rejected(forged, error=exc.reason) from exc
        row = self.vouchers.get(token.id)
        if token.kind != kind or row is None or bool(row.get("card")) != (kind == "card"):
            raise Rejected(forged, error="unknown")
        return token, row

    def _redemption(self, event: EventIn, when: dt.datetime) -> dict[str, Any]:
        p = event.payload
        token, voucher = self._token(_first(p, "voucher"), "voucher")
        vid = token.id
        prior = self.redemptions.get(vid)
        if str(p.get("action") or "ADD").upper() == "DELETE":
            if prior is None or prior["station_id"] != self.station["id"]:
                raise Rejected(Reason.VOUCHER_NOT_REDEEMED_HERE, voucher=vid)
            self.redemptions[vid] = None
            self.deleted_redemptions.append((vid,))
            self.log.add(
                "redemption", vid, {}, audience=self._voucher_audience(voucher), op="delete"
            )
            return {}
        if ("voucher", vid) in self.deny or voucher["status"] == "void":
            raise Rejected(Reason.VOUCHER_DENIED, voucher=vid)
        if token.expired(when.date()):
            raise Rejected(Reason.VOUCHER_EXPIRED, voucher=vid, expires=voucher["expires"])
        if voucher["dealer_id"] and voucher["dealer_id"] != self.station.get("dealer_id"):
            raise Rejected(Reason.VOUCHER_WRONG_DEALER, voucher=vid, dealer=voucher["dealer_id"])
        if prior is not None:
            raise Rejected(
                Reason.VOUCHER_ALREADY_REDEEMED,
                voucher=vid,
                station=prior["station_id"],
                at=prior["redeemed_at"],
            )
        row = {
            "voucher_id": vid,
            "station_id": self.station["id"],
            "event_id": event.event_id,
            "redeemed_at": event.occurred_at,
            "operator": event.operator,
            "dealer_id": self.station.get("dealer_id"),
            "received_at": self.now_text,
        }
        self.redemptions[vid] = row
        self.rows["redemptions"].append(tuple(row.values()))
        data = {
            k: row[k] for k in ("voucher_id", "station_id", "event_id", "redeemed_at", "dealer_id")
        }
        self.log.add("redemption", vid, data, audience=self._voucher_audience(voucher))
        if self._voucher_audience(voucher) != "*":
            self.log.add("redemption", vid, data, audience=f"station:{self.station['id']}")
        return {"voucher": vid, "prize": voucher["prize"], "value_cents": voucher["value_cents"]}

    @staticmethod
    def _voucher_audience(voucher: dict[str, Any]) -> str:
        return f"dealer:{voucher['dealer_id']}" if voucher["dealer_id"] else "*"

    def _claim(self, event: EventIn, when: dt.datetime) -> dict[str, Any]:
        p = event.payload
        claim_id = p.get("claim_id") or event.event_id
        token, card = self._token(_first(p, "card"), "card")
        if ("card", token.id) in self.deny or card["status"] == "void":
            raise Rejected(Reason.CARD_DENIED, card=token.id)
        if token.expired(when.date()):
            raise Rejected(Reason.CARD_EXPIRED, card=token.id, expires=card["expires"])
        keys = _keys(_first(p, "epcList", "codes"))
        if not keys:
            raise Rejected(Reason.EVENT_INVALID, error="a claim without product codes")
        seen: set[str] = set()
        for key in keys:
            if key in seen:
                raise Rejected(Reason.CLAIM_CODE_REPEATED, code=key)
            seen.add(key)
            code = self._code(key)
            if code["status"] not in SHIPPED:
                raise Rejected(Reason.CLAIM_CODE_NOT_SOLD, code=key)
            prior = self.claimed.get(key)
            if prior is not None:
                raise Rejected(
                    Reason.CLAIM_CODE_CLAIMED,
                    code=key,
                    claim=prior["claim_id"],
                    at=prior["claimed_at"],
                )
        if self.rules is None:
            self.rules = RuleBook.load(self.tx)
        day = when.date()
        amounts = [self.rules.amount(self.codes[k]["product_id"], day) for k in keys]
        for key, amount in zip(keys, amounts, strict=True):
            self.claimed[key] = {"claim_id": claim_id, "claimed_at": event.occurred_at}
            self.rows["claim_items"].append((key, claim_id, self.codes[key]["product_id"], amount))
        month = day.strftime("%Y-%m")
        self.rows["claims"].append(
            (claim_id, token.id, self.station["id"], event.event_id, event.occurred_at, month,
             len(keys), sum(amounts), "accepted")
        )  # fmt: skip
        result = {"claim_id": claim_id, "card_id": token.id, "month": month, "units": len(keys),
                  "base_cents": sum(amounts), "status": "accepted"}  # fmt: skip
        self.log.add("claim", claim_id, result, audience=f"station:{self.station['id']}")
        self._trace(event, keys, "claim")
        self.anomaly.observation(event, when)
        self.anomaly.runs(keys, event)
        return result

    def _case(self, event: EventIn, when: dt.datetime) -> dict[str, Any]:
        p = event.payload
        case_id = p.get("case_id") or event.event_id
        key = _first(p, "code", "epc")
        region = p.get("region_id")
        store = p.get("store_id")
        if region is None and store:
            region = self.tx.scalar("SELECT region_id FROM stores WHERE id = ?", (store,))
        if not isinstance(key, str) or not region:
            raise Rejected(
                Reason.EVENT_INVALID, error="a case needs the code and the region or store"
            )
        code = self.codes.get(key)
        dealer = None
        if code is None:
            verdict = "unknown_code"
        elif code["status"] not in SHIPPED:
            verdict = "not_shipped"
        else:
            dealer = self._dealer(code["dealer_id"])
            if dealer and region in dealer["regions"]:
                raise Rejected(Reason.CASE_NOT_DIVERTED, code=key, dealer=code["dealer_id"])
            verdict = "diverted"
        photos = p.get("photos") if isinstance(p.get("photos"), list) else []
        row = {
            "case_id": case_id,
            "code_key": key,
            "verdict": verdict,
            "found_region_id": region,
            "found_store_id": store,
            "dealer_id": code["dealer_id"] if code else None,
            "ship_date": code["shipped_at"] if code else None,
            "order_id": code["order_id"] if code else None,
            "station_id": self.station["id"],
            "event_id": event.event_id,
            "operator": event.operator,
            "note": str(p.get("note") or ""),
            "photos": dumps(photos),
            "status": "open",
            "opened_at": event.occurred_at,
            "updated_at": self.now_text,
        }
        self.rows["cases"].append(tuple(row.values()))
        data = {k: v for k, v in row.items() if k not in ("photos", "event_id")}
        self.log.add("case", case_id, data, audience=f"station:{self.station['id']}")
        self._trace(event, [key], "inspecting")
        return {"case_id": case_id, "verdict": verdict, "dealer": row["dealer_id"]}

    # --- writing ---------------------------------------------------------------------------

    def _flush(self) -> None:
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
        tx.execute(
            "UPDATE stations SET last_seen_at = ? WHERE id = ?", (self.now_text, self.station["id"])
        )
        self.log.flush(tx)
