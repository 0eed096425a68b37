"""Delivery notes and packing lists as CSV and XLSX, with real content from real jobs."""

import csv

from openpyxl import load_workbook

from app.domain.codes.display import readable
from app.domain.store.database import connect
from app.domain.workflows.paperwork import build_document, write_csv, write_xlsx
from tests.support.warehouse_data import case, item


def _document(st, job_id, language="zh_CN"):
    conn = connect(st.path, readonly=True)
    try:
        return build_document(conn, job_id, language)
    finally:
        conn.close()


def _shipment(st):
    st.cmd("switch", "ship:SO-1")
    st.scan(case("P1", 1))
    st.scan(item("P2", 1))
    return st.finish().job.id


def test_delivery_note_csv(st, tmp_path):
    document = _document(st, _shipment(st))
    assert document.title == "Delivery note"
    fields = dict(document.fields)
    assert fields["Order"] == "SO-1" and fields["Dealer"] == "上海经销商 (D1)"
    assert fields["Sales regions"] == "华东"
    path = write_csv(
        document, tmp_path / "note.csv", translate=lambda s: {"Order": "订单"}.get(s, s)
    )
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM for Excel
    rows = list(csv.reader(path.open(encoding="utf-8-sig")))
    assert ["订单", "SO-1"] in rows
    assert ["产品P1", "06950123450012", "12", "6", "6"] in rows  # to ship, shipped now, still open
    assert [readable(case("P1", 1).key), "case", "产品P1", "6", "yes", "scanned"] in rows
    assert not [row for row in rows if any(cell.startswith(("sgtin:", "sscc:")) for cell in row)]


def test_packing_list_xlsx(st, tmp_path):
    st.scan(case("P1", 90))
    for n in range(31, 37):
        st.scan(item("P1", n))
    job_id = st.read("SELECT id FROM wh_jobs WHERE flow = 'pack'")[0][0]
    document = _document(st, job_id, "en")
    assert document.title == "Packing list"
    path = write_xlsx(document, tmp_path / "list.xlsx")
    sheet = load_workbook(path).active
    values = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    assert ["Packing list", job_id] in values
    assert ["Package", readable(case("P1", 90).key)] in values
    assert ["Product P1", "06950123450012", 6, 6, 0] in values
    assert (
        sum(1 for row in values if row and str(row[0]).startswith("(01) 06950123450012 (21) ")) == 6
    )


def test_stocktake_document_lists_differences(st):
    st.cmd("switch", "stocktake:A-01")
    st.scan(case("P1", 1))
    job_id = st.finish().job.id
    document = _document(st, job_id, "en")
    missing = document.tables[2]
    assert missing.title.startswith("Missing") and len(missing.rows) == 18
    assert {row[3] for row in missing.rows} == {"in stock"}  # in words, not in_stock
    assert all(row[0].startswith("(0") for row in missing.rows)


def test_relabel_record_names_old_and_new(st):
    st.cmd("relabel")
    st.scan(case("P1", 1))
    st.scan(case("P1", 90))
    job_id = st.read("SELECT id FROM wh_jobs WHERE flow = 'relabel'")[0][0]
    table = _document(st, job_id).tables[1]
    assert table.rows[0][:2] == [readable(case("P1", 1).key), readable(case("P1", 90).key)]
