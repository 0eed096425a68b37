"""``python main.py admin``: the brand's head office at the reference server, from the command line.

Every action writes straight into the server's database (SQLite file or PostgreSQL URL) and
into its change log, so stations receive the result at their next pull. Examples::

    python main.py admin --db yima-server.sqlite3 seed-demo
    python main.py admin --db ... batch --product P001 --count 10000 --site W01 --out codes.csv
    python main.py admin --db ... order --dealer D001 --line P001:48 --line P002:12 --site W01
    python main.py admin --db ... vouchers --prize "滤芯一支" --value 99 --count 100 --dealer D001 --out v.csv
    python main.py admin --db ... enroll-code --kind dealer_counter --dealer D001 --region R-SH
    python main.py admin --db ... station-role ST-7 --kind inspector --region R-SH --grant R-JS
    python main.py admin --db ... export shipments --out shipments.csv
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

from app.domain.export_cells import safe_row

NAME = "admin"
HELP = "administer the reference server: code batches, orders, vouchers, cards, enrollment codes, demo data, exports"


def _cents(text: str) -> int:
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not an amount like 9.90") from exc
    return int((value * 100).to_integral_value())


def _line(text: str) -> tuple[str, int]:
    product, _, qty = text.partition(":")
    if not product or not qty.isdigit() or int(qty) <= 0:
        raise argparse.ArgumentTypeError(f"order line {text!r} must look like PRODUCT:QTY")
    return product, int(qty)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", default="yima-server.sqlite3", help="SQLite file or postgresql:// URL"
    )
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    sub.add_parser(
        "seed-demo", help="fill an empty server with sample data; print an enrollment code"
    )
    p = sub.add_parser(
        "master", help="import regions, dealers, products and stores from a JSON file"
    )
    p.add_argument("file", type=Path)

    p = sub.add_parser("batch", help="issue a batch of new codes for a product")
    p.add_argument("--product", required=True)
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--level", default="item", choices=("item", "case", "pallet"))
    p.add_argument(
        "--site", help="warehouse whose stations receive the codes (default: every station)"
    )
    p.add_argument(
        "--sequential", action="store_true", help="consecutive serials instead of random ones"
    )
    p.add_argument(
        "--out", type=Path, help="write the codes (key, GS1 element string, Digital Link) as CSV"
    )

    p = sub.add_parser("order", help="create an order to ship")
    p.add_argument("--dealer", required=True)
    p.add_argument(
        "--line", type=_line, action="append", required=True, help="PRODUCT:QTY, repeatable"
    )
    p.add_argument("--region")
    p.add_argument("--site", help="warehouse that ships it (default: every station sees it)")
    p.add_argument("--id")
    p = sub.add_parser("order-status", help="open, close or cancel an order")
    p.add_argument("order_id")
    p.add_argument("status", choices=("open", "closed", "cancelled"))

    p = sub.add_parser("vouchers", help="issue signed prize vouchers")
    p.add_argument("--prize", required=True)
    p.add_argument("--value", type=_cents, required=True, help="value in yuan, e.g. 99 or 9.90")
    p.add_argument("--count", type=int, default=1)
    p.add_argument("--dealer", help="redeemable only at this dealer's counters")
    p.add_argument("--days", type=int, default=90, help="valid for this many days (default 90)")
    p.add_argument("--campaign", default="")
    p.add_argument("--out", type=Path, help="CSV of voucher id and QR text")
    p.add_argument("--qr-dir", type=Path, help="also draw each voucher's QR as a PNG here")
    p = sub.add_parser("card", help="issue a signed installer card")
    p.add_argument("--name", required=True)
    p.add_argument("--phone", default="")
    p.add_argument("--dealer")
    p.add_argument("--days", type=int, default=365)
    p.add_argument("--qr", type=Path, help="draw the card's QR as a PNG")

    from sync.server.permissions import DEFAULT_KIND, KINDS

    p = sub.add_parser("enroll-code", help="create a one-time enrollment code for a station")
    p.add_argument("--station", help="only this station id may use it")
    p.add_argument(
        "--kind",
        choices=KINDS,
        help=f"what the station is; it decides what it may read and push (default {DEFAULT_KIND})",
    )
    p.add_argument("--name", default="")
    p.add_argument("--dealer")
    p.add_argument("--site")
    p.add_argument("--region")
    p.add_argument("--lat", type=float)
    p.add_argument("--lon", type=float)
    p.add_argument("--tag", action="append", default=[])
    p.add_argument("--hours", type=float, default=72, help="valid for this many hours (default 72)")
    sub.add_parser("stations", help="list enrolled stations")
    p = sub.add_parser(
        "station-role", help="change what a station is and whose it is (written to the audit log)"
    )
    p.add_argument("station_id")
    p.add_argument("--kind", required=True, choices=KINDS)
    p.add_argument("--dealer")
    p.add_argument("--site")
    p.add_argument("--region")
    p.add_argument("--grant", action="append", default=[], help="a neighbouring region it may see")
    p.add_argument("--by", default="", help="who makes the change (default: the OS user)")
    for action, text in (
        ("revoke", "refuse a station from now on"),
        ("restore", "accept a revoked station again"),
    ):
        p = sub.add_parser(action, help=text)
        p.add_argument("station_id")

    p = sub.add_parser("keys", help="rotate the signing key, or revoke one")
    p.add_argument("what", choices=("rotate", "revoke", "list"))
    p.add_argument("kid", nargs="?")
    p = sub.add_parser("deny", help="put a voucher, card, scanner device or code on the deny list")
    p.add_argument("--kind", required=True, choices=("voucher", "card", "device", "code"))
    p.add_argument("--value", required=True)
    p.add_argument("--reason", default="")
    p.add_argument("--remove", action="store_true", help="take it off the list instead")
    p = sub.add_parser("rebate-rule", help="set a per-unit rebate amount")
    p.add_argument("--amount", type=_cents, required=True, help="yuan per unit")
    p.add_argument("--product", help="only for this product (default: every product)")
    p.add_argument("--from", dest="valid_from")
    p.add_argument("--to", dest="valid_to")
    p.add_argument("--id")
    p = sub.add_parser("rebate-tier", help="set a monthly tier: from N units, a bonus per unit")
    p.add_argument("--name", required=True)
    p.add_argument("--min-units", type=int, required=True)
    p.add_argument("--bonus", type=_cents, required=True, help="yuan per unit for the whole month")
    p = sub.add_parser("setting", help="set a setting published to stations (value in JSON)")
    p.add_argument("key")
    p.add_argument("value")
    p = sub.add_parser("case", help="move a diversion case on")
    p.add_argument("case_id")
    p.add_argument("status", help="open, investigating, confirmed, penalised, dismissed or closed")
    p.add_argument("--resolution", default="")
    p = sub.add_parser("console-user", help="create a head-office account for the web console")
    p.add_argument("username")
    p.add_argument("--role", required=True, help="viewer, channel, audit, finance or admin")
    p.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    sub.add_parser("snapshot", help="build a fresh inspector snapshot now")
    p = sub.add_parser("export", help="export a table as CSV (or 'epcis' as EPCIS 2.0 JSON-LD)")
    p.add_argument("what", help="codes, shipments, events, redemptions, vouchers, cards, claims, cases, "
                   "anomalies, ledger or epcis")  # fmt: skip
    p.add_argument("--out", type=Path, required=True)


def run(args: argparse.Namespace) -> int:
    from sync.server import admin
    from sync.server.db import open_database
    from sync.server.service import Server

    try:
        db = open_database(args.db)
    except Exception as exc:
        print(f"admin: cannot open the database: {exc}", file=sys.stderr)
        return 2
    server = Server(db)
    try:
        return _dispatch(args, server, admin)
    except admin.AdminError as exc:
        print(f"admin: {exc}", file=sys.stderr)
        return 2
    finally:
        db.close()


def _dispatch(args: argparse.Namespace, server, admin) -> int:
    action = args.action
    if action == "seed-demo":
        from app.demo import registry
        from sync.server.seed import STATIONS, seed_demo

        seed = seed_demo(server, registry())
        print(f"Demo data ready. Enrollment code for a station: {seed.enrollment_code}")
        for name, code in seed.station_codes.items():
            print(f"  for station {name} ({STATIONS[name]['kind']}): {code}")
        user, password = seed.console_login
        print(f"Head-office console: /console/ on this server, user {user}, password {password}")
    elif action == "master":
        print(json.dumps(admin.import_master(server, args.file)))
    elif action == "batch":
        batch, count = admin.issue_batch(server, args.product, args.count, level=args.level, site=args.site,
                                         sequential=args.sequential)  # fmt: skip
        print(f"Batch {batch}: {count} codes")
        if args.out:
            _write_codes(args.out, admin.batch_codes(server, batch))
            print(f"Codes written to {args.out}")
    elif action == "order":
        order = admin.create_order(server, args.dealer, dict(args.line), region_id=args.region, site=args.site,
                                   order_id=args.id)  # fmt: skip
        print(f"Order {order}")
    elif action == "order-status":
        admin.set_order_status(server, args.order_id, args.status)
    elif action == "vouchers":
        vouchers = admin.issue_vouchers(server, args.count, prize=args.prize, value_cents=args.value,
                                        dealer_id=args.dealer, days=args.days, campaign=args.campaign)  # fmt: skip
        _write_tokens(vouchers, args.out, args.qr_dir)
        print(f"{len(vouchers)} vouchers issued")
    elif action == "card":
        card_id, token = admin.issue_card(
            server, args.name, phone=args.phone, dealer_id=args.dealer, days=args.days
        )
        print(f"Card {card_id}: {token}")
        if args.qr:
            _qr(token, args.qr)
    elif action == "enroll-code":
        code = admin.create_enrollment_code(server, station_id=args.station, name=args.name, dealer_id=args.dealer,
                                            site=args.site, region_id=args.region, lat=args.lat, lon=args.lon,
                                            tags=args.tag, hours=args.hours, kind=args.kind)  # fmt: skip
        print(code)
    elif action == "station-role":
        import getpass

        admin.set_station_role(server, args.station_id, kind=args.kind, dealer_id=args.dealer,
                               site=args.site, region_id=args.region, granted_regions=args.grant,
                               actor=f"cli:{args.by or getpass.getuser()}")  # fmt: skip
    elif action == "stations":
        for row in admin.list_stations(server):
            print("\t".join("" if v is None else str(v) for v in row.values()))
    elif action in ("revoke", "restore"):
        admin.set_station_revoked(server, args.station_id, action == "revoke")
    elif action == "keys":
        return _keys(args, server, admin)
    elif action == "deny":
        admin.deny(server, args.kind, args.value, args.reason, remove=args.remove)
    elif action == "rebate-rule":
        print(admin.set_rebate_rule(server, args.amount, product_id=args.product, valid_from=args.valid_from,
                                    valid_to=args.valid_to, rule_id=args.id))  # fmt: skip
    elif action == "rebate-tier":
        admin.set_rebate_tier(server, args.name, args.min_units, args.bonus)
    elif action == "setting":
        try:
            value = json.loads(args.value)
        except ValueError:
            print("admin: the value must be JSON, e.g. 24 or '{\"hours\": 24}'", file=sys.stderr)
            return 2
        admin.set_setting_value(server, args.key, value)
    elif action == "case":
        admin.set_case_status(server, args.case_id, args.status, args.resolution)
    elif action == "console-user":
        return _console_user(args, server)
    elif action == "snapshot":
        info = server.build_snapshot()
        print(
            f"Snapshot {info.snapshot_id}: {info.rows} rows, {info.size} bytes, sha256 {info.sha256}"
        )
    elif action == "export":
        if args.what == "epcis":
            count = admin.export_epcis(server, args.out)
        else:
            count = admin.export_csv(server, args.what, args.out)
        print(f"{count} rows written to {args.out}")
    return 0


def _console_user(args: argparse.Namespace, server) -> int:
    """The first admin comes from here: there is no default password to forget to change."""
    import getpass

    from sync.server.console import accounts

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Password again: ") != password:
            print("admin: the two passwords differ; nothing was created", file=sys.stderr)
            return 2
    accounts.create_schema(server.db)
    try:
        accounts.create_user(server.db, server.clock(), args.username, password, args.role)
    except accounts.AccountError as exc:
        reasons = {
            "account.exists": "that user name is taken",
            "account.weak_password": f"use at least {accounts.MIN_PASSWORD} characters",
            "account.bad_name": "the user name must be 1-64 characters",
            "account.bad_role": "unknown role",
        }
        print(f"admin: {reasons[exc.code]}; nothing was created", file=sys.stderr)
        return 2
    accounts.audit(
        server.db, server.clock(), "cli", "user.create", args.username, "ok", role=args.role
    )
    print(f"Console user {args.username} ({args.role}) created")
    return 0


def _keys(args: argparse.Namespace, server, admin) -> int:
    if args.what == "rotate":
        print(f"Active key: {admin.rotate_key(server)}")
    elif args.what == "revoke":
        if not args.kid or not admin.revoke_key(server, args.kid):
            print("admin: give the id of a known key to revoke", file=sys.stderr)
            return 2
    else:
        with server.db.read() as tx:
            for row in tx.all(
                "SELECT kid, status, created_at, retired_at FROM signing_keys ORDER BY created_at"
            ):
                print("\t".join("" if v is None else str(v) for v in row.values()))
    return 0


def _write_codes(out: Path, keys) -> None:
    """Key, GS1 element string (with GS as <GS>) and a Digital Link path, ready for the printer."""
    with out.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["key", "element_string", "digital_link_path"])
        for key in keys:
            if key.startswith("sgtin:"):
                gtin, serial = key[6:].split(".", 1)
                writer.writerow(safe_row([key, f"01{gtin}21{serial}", f"/01/{gtin}/21/{serial}"]))
            elif key.startswith("sscc:"):
                writer.writerow(safe_row([key, f"00{key[5:]}", f"/00/{key[5:]}"]))
            else:
                writer.writerow(safe_row([key, "", ""]))


def _write_tokens(tokens: list[tuple[str, str]], out: Path | None, qr_dir: Path | None) -> None:
    if out:
        with out.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["id", "qr_text"])
            writer.writerows(safe_row(token) for token in tokens)
    else:
        for token_id, text in tokens:
            print(f"{token_id}\t{text}")
    if qr_dir:
        qr_dir.mkdir(parents=True, exist_ok=True)
        for token_id, text in tokens:
            _qr(text, qr_dir / f"{token_id}.png")


def _qr(text: str, path: Path) -> None:
    import segno

    segno.make(text, error="m").save(str(path), scale=6, border=4)
