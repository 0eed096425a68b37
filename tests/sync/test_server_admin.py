"""The admin command line against a real server database (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import json

import pytest

from app.cli import main
from app.domain.rules import tokens
from sync.server.db import open_database
from sync.server.seed import STATIONS


def admin(db_url: str, *args: str) -> int:
    return main(["admin", "--db", db_url, *args])


def test_admin_commands_issue_create_and_export(server_db_url, tmp_path, capsys):
    assert admin(server_db_url, "seed-demo") == 0
    assert "Enrollment code for a station:" in capsys.readouterr().out
    assert admin(server_db_url, "seed-demo") == 0  # again: data once, a fresh code each time

    out = tmp_path / "codes.csv"
    assert admin(server_db_url, "batch", "--product", "P01", "--count", "25", "--level", "case",
                 "--site", "W01", "--sequential", "--out", str(out)) == 0  # fmt: skip
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert len(rows) == 25 and rows[0]["key"].startswith("sgtin:16950123001013.")
    assert rows[0]["element_string"] == "01" + rows[0]["key"][6:20] + "21" + rows[0]["key"][21:]

    assert (
        admin(
            server_db_url,
            "order",
            "--dealer",
            "D003",
            "--line",
            "P01:10",
            "--region",
            "JS",
            "--id",
            "SO-X",
        )
        == 0
    )
    assert (
        admin(server_db_url, "order", "--dealer", "D003", "--line", "P01:10", "--region", "GD") == 2
    )
    assert "may not sell in region GD" in capsys.readouterr().err
    assert admin(server_db_url, "vouchers", "--prize", "购物卡", "--value", "50", "--count", "3",
                 "--out", str(tmp_path / "v.csv"), "--qr-dir", str(tmp_path / "qr")) == 0  # fmt: skip
    vouchers = list(csv.DictReader((tmp_path / "v.csv").open(encoding="utf-8-sig")))
    assert len(vouchers) == 3 and len(list((tmp_path / "qr").glob("*.png"))) == 3
    assert tokens.peek(vouchers[0]["qr_text"]).claims["v"] == 5000
    assert admin(server_db_url, "card", "--name", "赵师傅", "--phone", "139") == 0
    assert admin(server_db_url, "keys", "rotate") == 0
    assert (
        admin(
            server_db_url,
            "deny",
            "--kind",
            "voucher",
            "--value",
            vouchers[0]["id"],
            "--reason",
            "lost",
        )
        == 0
    )
    assert admin(server_db_url, "rebate-rule", "--amount", "1.50", "--product", "P01") == 0
    assert (
        admin(
            server_db_url, "rebate-tier", "--name", "platinum", "--min-units", "500", "--bonus", "2"
        )
        == 0
    )
    assert admin(server_db_url, "setting", "inspector.max_age_hours", "48") == 0
    assert admin(server_db_url, "setting", "x", "not json") == 2
    capsys.readouterr()
    assert admin(server_db_url, "enroll-code", "--site", "W01") == 0
    assert len(capsys.readouterr().out.strip()) == 19  # XXXX-XXXX-XXXX-XXXX
    assert admin(server_db_url, "snapshot") == 0
    assert "rows" in capsys.readouterr().out

    for what in ("codes", "vouchers", "cards", "ledger", "anomalies"):
        assert admin(server_db_url, "export", what, "--out", str(tmp_path / f"{what}.csv")) == 0
    assert admin(server_db_url, "export", "epcis", "--out", str(tmp_path / "epcis.json")) == 0
    assert json.loads((tmp_path / "epcis.json").read_text())["type"] == "EPCISDocument"
    assert admin(server_db_url, "export", "nonsense", "--out", str(tmp_path / "x.csv")) == 2

    db = open_database(server_db_url)
    try:
        with db.read() as tx:
            assert (
                tx.scalar("SELECT amount_cents FROM rebate_rules WHERE product_id = 'P01'") == 150
            )
            assert tx.scalar("SELECT bonus_cents FROM rebate_tiers WHERE name = 'platinum'") == 200
            assert tx.scalar("SELECT COUNT(*) FROM signing_keys") == 2
            assert tx.scalar("SELECT region_id FROM orders WHERE id = 'SO-X'") == "JS"
            # two seed-demo codes, one enroll-code, and the demo world's other stations (once)
            assert tx.scalar("SELECT COUNT(*) FROM enrollment_codes") == 3 + len(STATIONS)
    finally:
        db.close()


def test_admin_refuses_bad_input_with_a_message(tmp_path, capsys):
    db = str(tmp_path / "s.sqlite3")
    assert admin(db, "batch", "--product", "NOPE", "--count", "5") == 2
    assert "unknown product" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        admin(db, "order", "--dealer", "D1", "--line", "P1-3")
    assert admin(db, "revoke", "ghost") == 2
    assert admin("postgresql://nobody@127.0.0.1:1/none", "stations") == 2
    assert "cannot open the database" in capsys.readouterr().err
