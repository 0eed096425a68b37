"""On site: a scan becomes a recorded check with its verdict; evidence and a case may follow.

Each check is one transaction: the verdict's facts in ``inspector_checks`` and an
``ObjectEvent`` (bizStep ``inspecting``) in the journal, so the brand sees where its products
were found. Photos and a note attach to the check; filing a case sends a
``DiversionCaseEvent`` that the server turns into a case against the dealer.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.codes import Code
from app.domain.codes.display import readable
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.rules.evidence import MAX_PHOTO_BYTES, MAX_PHOTOS_PER_CASE
from app.domain.rules.snapshot import ELSEWHERE
from app.domain.store import journal
from app.domain.store.database import station_id
from app.domain.workflows import knowledge
from app.domain.workflows.base import Actor, Decision, Outcome
from app.domain.workflows.inspector.case_numbers import new_case_number
from app.domain.workflows.inspector.verdict import (
    CASEABLE,
    DIVERTED_ELSEWHERE,
    MESSAGES,
    NO_DATA,
    Judgement,
    Verdict,
    judge,
)
from app.domain.workflows.knowledge import dealer_name


@dataclass(frozen=True, slots=True)
class Place:
    """Where the inspector stands: a store from the synced list, or just a region."""

    kind: str  # "store" | "region"
    id: str
    name: str
    region_id: str


@dataclass(frozen=True, slots=True)
class Check:
    check_id: str
    code_key: str
    product: str | None  # the product's name in the operator's language, when known
    judgement: Judgement
    decision: Decision
    place: Place
    dealer: str | None
    region_names: tuple[str, ...]
    facts: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class CaseRow:
    case_id: str
    check_id: str
    code_key: str
    product: str | None
    verdict: str
    dealer: str | None
    place: str
    opened_at: str
    photos: int
    note: str
    sync_state: str
    reason: str | None
    server_status: str | None

    @property
    def status(self) -> str:
        """What the list shows: the server's case status once known, else the sync state."""
        if self.sync_state == "rejected":
            return "refused"
        if self.server_status:
            return self.server_status
        return "sent" if self.sync_state in ("accepted", "duplicate") else "waiting"


CASE_STATUS_WORDS = {
    "waiting": QT_TRANSLATE_NOOP("Inspector", "waiting to sync"),
    "sent": QT_TRANSLATE_NOOP("Inspector", "received by the brand"),
    "refused": QT_TRANSLATE_NOOP("Inspector", "refused by the brand"),
    "open": QT_TRANSLATE_NOOP("Inspector", "open"),
    "investigating": QT_TRANSLATE_NOOP("Inspector", "investigating"),
    "closed": QT_TRANSLATE_NOOP("Inspector", "closed"),
    "dismissed": QT_TRANSLATE_NOOP("Inspector", "dismissed"),
}

LABELS = {
    "product": QT_TRANSLATE_NOOP("Inspector", "Product"),
    "code": QT_TRANSLATE_NOOP("Inspector", "Code"),
    "dealer": QT_TRANSLATE_NOOP("Inspector", "Shipped to"),
    "regions": QT_TRANSLATE_NOOP("Inspector", "Dealer's regions"),
    "date": QT_TRANSLATE_NOOP("Inspector", "Ship date"),
    "order": QT_TRANSLATE_NOOP("Inspector", "Order"),
    "here": QT_TRANSLATE_NOOP("Inspector", "Found in"),
    "data": QT_TRANSLATE_NOOP("Inspector", "Data age (hours)"),
}


def product_name(conn: sqlite3.Connection, key: str, language: str) -> str | None:
    """The name of the product an item code belongs to, in ``language`` (Chinese unless an
    English name is known and English is asked for); None when the brand's list lacks it."""
    kind, _, body = key.partition(":")
    if kind != "sgtin":
        return None
    row = conn.execute(
        "SELECT name, name_en FROM products WHERE gtin = ?", (body.split(".", 1)[0],)
    ).fetchone()
    if row is None:
        return None
    return row[1] if row[1] and not language.startswith("zh") else row[0]


def product_and_code(product: str | None, key: str) -> str:
    """How a verdict names the item: its product, then the code as printed under the barcode."""
    return f"{product} {readable(key)}" if product else readable(key)


def region_parents(conn: sqlite3.Connection) -> dict[str, str | None]:
    return {r[0]: r[1] for r in conn.execute("SELECT id, parent_id FROM regions")}


def region_name(conn: sqlite3.Connection, region_id: str | None) -> str:
    if not region_id:
        return ""
    row = conn.execute("SELECT name FROM regions WHERE id = ?", (region_id,)).fetchone()
    return row[0] if row else region_id


def chosen_regions(conn: sqlite3.Connection) -> list[str]:
    value = knowledge.setting(conn, knowledge.SETTING_INSPECTOR_REGIONS) or []
    return [str(v) for v in value] if isinstance(value, list) else []


def choose_regions(conn: sqlite3.Connection, regions: list[str]) -> None:
    knowledge.put_setting(conn, knowledge.SETTING_INSPECTOR_REGIONS, sorted(set(regions)))


def places(conn: sqlite3.Connection, regions: list[str] | None = None) -> list[Place]:
    """The regions chosen for this trip (all when none chosen) and their stores, regions first."""
    parents = region_parents(conn)
    wanted = set(regions or [])

    def inside(region_id: str | None) -> bool:
        if not wanted:
            return True
        return region_id is not None and any(r in wanted for r in _chain(region_id, parents))

    out = [
        Place("region", rid, name, rid)
        for rid, name in conn.execute("SELECT id, name FROM regions ORDER BY id")
        if inside(rid)
    ]
    out += [
        Place("store", sid, name, rid)
        for sid, name, rid in conn.execute(
            "SELECT id, name, region_id FROM stores WHERE region_id IS NOT NULL ORDER BY name"
        )
        if inside(rid)
    ]
    return out


def _chain(region_id: str, parents: dict[str, str | None]) -> list[str]:
    from app.domain.workflows.inspector.verdict import ancestors

    return ancestors(region_id, parents)


def _dealer_regions(conn: sqlite3.Connection, dealer_id: str | None) -> tuple[str, ...]:
    if not dealer_id:
        return ()
    row = conn.execute("SELECT regions FROM dealers WHERE id = ?", (dealer_id,)).fetchone()
    try:
        value = json.loads(row[0]) if row else []
    except (TypeError, ValueError):
        value = []
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def check(
    conn: sqlite3.Connection, code: Code, place: Place, actor: Actor, now: dt.datetime
) -> Check:
    """Judge one scanned product and record the check with the facts it was judged on."""
    state = knowledge.snapshot_state(conn)
    row = knowledge.ship_row(conn, code.key) if state.rows or state.synced_at else None
    dealer_id = row.dealer_id if row else None
    regions = _dealer_regions(conn, dealer_id)
    max_age = knowledge.number_setting(
        conn, knowledge.SETTING_INSPECTOR_MAX_AGE, knowledge.DEFAULT_INSPECTOR_MAX_AGE_HOURS
    )
    judgement = judge(
        row,
        place.region_id,
        regions,
        region_parents(conn),
        synced_at=state.synced_at,
        now=now,
        max_age_hours=max_age,
    )
    dealer = dealer_name(conn, dealer_id)
    product = product_name(conn, code.key, actor.language)
    region_names = tuple(region_name(conn, r) for r in regions)
    here = (
        place.name
        if place.kind == "region"
        else f"{place.name} ({region_name(conn, place.region_id)})"
    )
    args: dict[str, str | int] = {
        "product": product_and_code(product, code.key),
        "dealer": dealer or "",
        "regions": "、".join(region_names),
        "date": (judgement.ship_date or "")[:10],
        "order": judgement.order_id or "-",
        "here": here,
        "hours": "∞" if judgement.age_hours is None else f"{judgement.age_hours:.0f}",
        "limit": f"{max_age:g}",
    }
    check_id = f"chk-{uuid.uuid4().hex[:16]}"
    event = journal.append(
        conn,
        "ObjectEvent",
        {
            "action": "OBSERVE",
            "bizStep": "inspecting",
            "epcList": [code.key],
            "purpose": "inspection",
            "check_id": check_id,
            "verdict": judgement.verdict.value,
            "region_id": place.region_id,
            "store_id": place.id if place.kind == "store" else None,
        },
        operator=actor.operator_id,
        station=station_id(conn),
    )
    conn.execute(
        "INSERT INTO inspector_checks (check_id, event_id, code_key, raw, verdict, region_id,"
        " store_id, dealer_id, dealer_regions, ship_date, order_id, data_synced_at, checked_at,"
        " operator_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            check_id,
            event.event_id,
            code.key,
            code.raw[:500],
            judgement.verdict.value,
            place.region_id,
            place.id if place.kind == "store" else None,
            dealer_id,
            json.dumps(list(regions)),
            judgement.ship_date,
            judgement.order_id,
            state.synced_at.isoformat() if state.synced_at else None,
            now.astimezone(dt.UTC).isoformat(timespec="seconds"),
            actor.operator_id,
        ),
    )
    message = NO_DATA if state.synced_at is None else MESSAGES[judgement.verdict]
    if row is not None and row.dealer_id == ELSEWHERE:  # the region's view: no dealer named
        message = DIVERTED_ELSEWHERE
    reason = "inspect.no_data" if state.synced_at is None else f"inspect.{judgement.verdict.value}"
    decision = Decision(judgement.outcome, message, args, reason, event.seq)
    facts = [(LABELS["code"], readable(code.key)), (LABELS["here"], here)]
    if product:
        facts.insert(0, (LABELS["product"], product))
    if dealer:
        facts.append((LABELS["dealer"], dealer))
    if region_names:
        facts.append((LABELS["regions"], "、".join(region_names)))
    if judgement.ship_date:
        facts.append((LABELS["date"], judgement.ship_date[:10]))
    if judgement.order_id:
        facts.append((LABELS["order"], judgement.order_id))
    if state.synced_at is not None:  # with no data at all the page says so in words
        facts.append((LABELS["data"], str(args["hours"])))
    return Check(
        check_id, code.key, product, judgement, decision, place, dealer, region_names, facts
    )


# --- evidence -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Photo:
    path: Path
    sha256: str


class PhotoRefused(Exception):
    """A photo the check cannot take, by the rule the server applies too
    (``app.domain.rules.evidence``): ``template`` (English, marked for translation in the
    "Inspector" context) with ``args_`` says why and what to do, in the operator's language."""

    def __init__(self, template: str, **args: int) -> None:
        super().__init__(template.format(**args))
        self.template = template
        self.args_ = args


# Short enough for one line beside the verdict card: the page shows them as they are.
TOO_MANY_PHOTOS = QT_TRANSLATE_NOOP(
    "Inspector", "Not added: {count} photos is the most a case carries. File it with these."
)
CASE_ALREADY_FILED = QT_TRANSLATE_NOOP(
    "Inspector", "Not added: this check's case is filed. Scan the product again for a new check."
)
PHOTO_TOO_LARGE = QT_TRANSLATE_NOOP(
    "Inspector",
    "Not added: the picture is {size} MB, a case's photo at most {limit} MB. Save it smaller "
    "or use the camera.",
)


def save_photo(evidence_dir: Path, check_id: str, data: bytes, suffix: str = ".jpg") -> Photo:
    """Write the image under the evidence folder, named by its hash (file I/O: not on the GUI
    thread); a picture larger than the server takes is ``PhotoRefused`` and not written."""
    if len(data) > MAX_PHOTO_BYTES:
        megabyte = 1024 * 1024
        raise PhotoRefused(
            PHOTO_TOO_LARGE, size=-(-len(data) // megabyte), limit=MAX_PHOTO_BYTES // megabyte
        )
    digest = hashlib.sha256(data).hexdigest()
    folder = Path(evidence_dir) / check_id
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{digest[:16]}{suffix.lower()}"
    if not path.exists():
        tmp = path.with_suffix(path.suffix + ".part")
        tmp.write_bytes(data)
        tmp.replace(path)
    return Photo(path, digest)


def attach_photo(
    conn: sqlite3.Connection, check_id: str, photo: Photo, source: str, now: dt.datetime
) -> int:
    """Record a saved photo against a check; returns how many photos the check now has.
    A check holding ``MAX_PHOTOS_PER_CASE``, or whose case is filed, takes no new one
    (``PhotoRefused``): its case would not carry it, and the server would refuse the upload."""
    exists = conn.execute(
        "SELECT 1 FROM inspector_photos WHERE check_id = ? AND sha256 = ?", (check_id, photo.sha256)
    ).fetchone()
    if exists is None:
        if conn.execute("SELECT 1 FROM inspector_cases WHERE check_id = ?", (check_id,)).fetchone():
            raise PhotoRefused(CASE_ALREADY_FILED)
        held = conn.execute(
            "SELECT count(*) FROM inspector_photos WHERE check_id = ?", (check_id,)
        ).fetchone()[0]
        if held >= MAX_PHOTOS_PER_CASE:
            raise PhotoRefused(TOO_MANY_PHOTOS, count=MAX_PHOTOS_PER_CASE)
        conn.execute(
            "INSERT INTO inspector_photos (check_id, path, sha256, source, taken_at) VALUES (?, ?, ?, ?, ?)",
            (
                check_id,
                str(photo.path),
                photo.sha256,
                source,
                now.astimezone(dt.UTC).isoformat(timespec="seconds"),
            ),
        )
    return int(
        conn.execute(
            "SELECT count(*) FROM inspector_photos WHERE check_id = ?", (check_id,)
        ).fetchone()[0]
    )


def set_note(conn: sqlite3.Connection, check_id: str, note: str) -> None:
    conn.execute(
        "UPDATE inspector_checks SET note = ? WHERE check_id = ?", (note.strip()[:2000], check_id)
    )


def photos(conn: sqlite3.Connection, check_id: str) -> list[Photo]:
    return [
        Photo(Path(p), s)
        for p, s in conn.execute(
            "SELECT path, sha256 FROM inspector_photos WHERE check_id = ? ORDER BY id", (check_id,)
        )
    ]


class CaseRefused(Exception):
    def __init__(self, reason: str, message: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.message = message


def file_case(
    conn: sqlite3.Connection, check_id: str, actor: Actor, now: dt.datetime
) -> tuple[str, journal.Event]:
    """Send the check, its note and its photos' hashes to the brand as a diversion case."""
    row = conn.execute("SELECT * FROM inspector_checks WHERE check_id = ?", (check_id,)).fetchone()
    if row is None:
        raise CaseRefused(
            "inspect.no_check",
            QT_TRANSLATE_NOOP("Decisions", "Scan the product first, then file the case."),
        )
    if Verdict(row["verdict"]) not in CASEABLE:
        raise CaseRefused(
            "inspect.not_caseable",
            QT_TRANSLATE_NOOP(
                "Decisions",
                "No case for this product: it is authorised here or the data is too old to judge.",
            ),
        )
    existing = conn.execute(
        "SELECT case_id FROM inspector_cases WHERE check_id = ?", (check_id,)
    ).fetchone()
    if existing is not None:
        raise CaseRefused(
            "inspect.case_exists",
            QT_TRANSLATE_NOOP("Decisions", "A case was already filed for this check."),
        )
    shots = [{"sha256": p.sha256, "name": p.path.name} for p in photos(conn, check_id)]
    case_id = new_case_number(lambda number: _case_exists(conn, number))
    event = journal.append(
        conn,
        "DiversionCaseEvent",
        {
            "action": "ADD",
            "bizStep": "inspecting",
            "case_id": case_id,
            "check_id": check_id,
            "code": row["code_key"],
            "verdict": row["verdict"],
            "region_id": row["region_id"],
            "store_id": row["store_id"],
            "dealer_id": row["dealer_id"],
            "note": row["note"],
            "photos": shots,
        },
        operator=actor.operator_id,
        station=station_id(conn),
    )
    conn.execute(
        "INSERT INTO inspector_cases (case_id, check_id, event_id, code_key, verdict, dealer_id,"
        " region_id, store_id, note, photos, opened_at, operator_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            case_id,
            check_id,
            event.event_id,
            row["code_key"],
            row["verdict"],
            row["dealer_id"],
            row["region_id"],
            row["store_id"],
            row["note"],
            json.dumps(shots),
            now.astimezone(dt.UTC).isoformat(timespec="seconds"),
            actor.operator_id,
        ),
    )
    return case_id, event


def _case_exists(conn: sqlite3.Connection, case_id: str) -> bool:
    found = conn.execute("SELECT 1 FROM inspector_cases WHERE case_id = ?", (case_id,))
    return found.fetchone() is not None


def cases(
    conn: sqlite3.Connection, operator_id: str | None = None, language: str = "zh_CN"
) -> list[CaseRow]:
    """The cases filed on this station, newest first (only ``operator_id``'s when given), with
    their product's name in ``language``."""
    out = []
    for r in conn.execute(
        "SELECT c.*, j.sync_state, j.reason FROM inspector_cases c JOIN journal j ON j.event_id = c.event_id"
        " WHERE :operator IS NULL OR c.operator_id = :operator"
        " ORDER BY c.opened_at DESC, c.case_id",
        {"operator": operator_id},
    ).fetchall():
        place = r["store_id"] or r["region_id"] or ""
        if r["store_id"]:
            found = conn.execute(
                "SELECT name FROM stores WHERE id = ?", (r["store_id"],)
            ).fetchone()
            place = found[0] if found else place
        else:
            place = region_name(conn, r["region_id"])
        out.append(
            CaseRow(
                case_id=r["case_id"],
                check_id=r["check_id"],
                code_key=r["code_key"],
                product=product_name(conn, r["code_key"], language),
                verdict=r["verdict"],
                dealer=dealer_name(conn, r["dealer_id"]),
                place=place,
                opened_at=r["opened_at"],
                photos=len(json.loads(r["photos"] or "[]")),
                note=r["note"],
                sync_state=r["sync_state"],
                reason=r["reason"],
                server_status=knowledge.case_status(conn, r["case_id"]),
            )
        )
    return out


def case_decision(case_id: str, seq: int) -> Decision:
    return Decision(
        Outcome.DONE,
        QT_TRANSLATE_NOOP(
            "Decisions",
            "CASE FILED ({case}). It goes to the brand at the next sync; its status shows under "
            "My cases.",
        ),
        {"case": case_id},
        "inspect.case_filed",
        seq,
    )
