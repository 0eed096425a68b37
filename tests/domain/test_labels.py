"""Case and pallet labels: what the store says goes on them, the ZPL and TSPL they become,
and those bytes arriving at a network printer (a loopback server on 127.0.0.1)."""

from __future__ import annotations

import re

import pytest

from app.domain.workflows.labels import (
    LabelSize,
    PackageLabel,
    read_package_label,
    render_tspl,
    render_zpl,
)
from app.domain.workflows.labels.content import summarize
from hardware.label_printer import PrinterUnreachable, send_raw
from tests.support.label_printer import LoopbackPrinter, closed_port
from tests.support.warehouse_data import case, item, pallet, sscc

SIZE = LabelSize(100, 150, 203)


@pytest.fixture
def printer():
    server = LoopbackPrinter()
    yield server
    server.close()


def packed_case(st) -> PackageLabel:
    st.scan(case("P1", 90))
    for n in range(31, 37):
        st.scan(item("P1", n))
    return st.call(lambda conn: read_package_label(conn, case("P1", 90).key, "en"))


def test_a_closed_case_label_says_what_the_store_holds(st):
    package = packed_case(st)
    assert package.level == "case" and package.count == 6
    assert package.product == "Product P1"
    assert package.barcode == case("P1", 90).raw  # the grammar reads it back as the same key
    assert package.lines(str) == [
        "Product: Product P1",
        "6 items",
        "Inside: 00000031–00000036",
    ]


def test_a_pallet_label_counts_its_cases_and_carries_the_sscc(st):
    package = st.call(lambda conn: read_package_label(conn, pallet(1).key, "zh_CN"))
    assert package.level == "pallet" and package.count == 4
    assert package.barcode == f"00{sscc(1)}" and package.human == f"(00) {sscc(1)}"
    assert package.product == "产品P1"
    assert package.children == ("000001", "000002", "000003", "000004")


def test_contents_are_summarised_as_ranges_and_cut_to_one_line():
    assert summarize(["0005", "0001", "0002", "0003", "A7"]) == "0001–0003, 0005, A7"
    long = summarize([f"{n:08d}" for n in range(0, 400, 2)], limit=40)
    assert len(long) <= 40 and long.endswith("…")


def test_zpl_carries_the_gs1_barcode_with_fnc1_and_the_text_lines(st):
    package = packed_case(st)
    zpl = render_zpl(package, SIZE).decode("utf-8")
    assert zpl.startswith("^XA\n^CI28\n^PW799\n^LL1199\n") and zpl.endswith("^XZ\n")
    bars = re.findall(r"\^BCN,\d+,N,N,N\^FD(.*?)\^FS", zpl)
    assert bars == [">;>8" + case("P1", 90).raw]
    texts = re.findall(r"\^FH\\\^FD(.*?)\^FS", zpl)
    assert texts == [
        "CASE",
        "Product: Product P1",
        "6 items",
        "Inside: 00000031–00000036",
        f"(01) {case('P1', 90).gtin} (21) 000090",
    ]


def test_zpl_escapes_what_would_end_a_field():
    package = PackageLabel("brand:AB^C~1", "case", "Cable ^XZ ~JA", 2, "L1", ())
    zpl = render_zpl(package, SIZE).decode("utf-8")
    assert "^FDProduct: Cable \\5EXZ \\7EJA^FS" in zpl
    assert "^FD>:AB\\5EC\\7E1^FS" in zpl  # a brand code: Code 128 without FNC1
    assert "Batch: L1" in zpl
    assert zpl.count("^XZ") == 1


def test_tspl_with_the_printers_chinese_font_sends_gbk_text_and_a_gs1_128(st):
    package = st.call(lambda conn: read_package_label(conn, pallet(1).key, "zh_CN"))
    job = render_tspl(
        package,
        LabelSize(100, 150, 300),
        lambda text: {"PALLET": "托盘"}.get(text, text),
        font="TSS24.BF2",
    )
    text = job.decode("gbk").replace("\r\n", "\n")
    lines = text.split("\n")
    assert lines[:4] == ["SIZE 100 mm,150 mm", "GAP 2 mm,0 mm", "DIRECTION 1", "CLS"]
    assert lines[-2] == "PRINT 1,1"
    assert re.search(r'^TEXT \d+,\d+,"TSS24\.BF2",0,\d+,\d+,"托盘"$', text, re.M)
    assert 'Product: 产品P1"' in text
    barcode = re.findall(r'^BARCODE \d+,\d+,"128M",\d+,0,0,\d+,\d+,"(.*)"$', text, re.M)
    assert barcode == [f"!105!10200{sscc(1)}"]
    assert "托盘".encode("gbk") in job


def test_tspl_escapes_quotes():
    package = PackageLabel("brand:X1", "case", 'Cable 3" white', 1, None, ())
    text = render_tspl(package, SIZE).decode("gbk")
    assert '"Product: Cable 3\\["] white"' in text
    assert "BARCODE" in text and '"128",' in text and '"X1"' in text


@pytest.mark.parametrize("render", [render_zpl, render_tspl])
def test_the_job_reaches_the_network_printer_byte_for_byte(st, printer, render):
    job = render(packed_case(st), SIZE)
    send_raw(printer.host, printer.port, job)
    assert printer.wait_for_jobs(1) == [job]


def test_a_printer_that_is_off_raises_with_its_address():
    port = closed_port()
    with pytest.raises(PrinterUnreachable) as failure:
        send_raw("127.0.0.1", port, b"^XA^XZ", timeout=1.0)
    assert failure.value.address == f"127.0.0.1:{port}"


def test_a_line_too_long_for_the_label_is_cut_not_run_off_the_edge():
    children = tuple(f"{n:08d}" for n in range(0, 200, 2))
    package = PackageLabel("brand:X1", "case", "P", len(children), None, children)
    small = LabelSize(60, 40, 203)
    zpl = render_zpl(package, small).decode("utf-8")
    inside = next(t for t in re.findall(r"\^FD(.*?)\^FS", zpl) if t.startswith("Inside"))
    assert inside.endswith("…") and len(inside) < 50  # 100 serials would be 1000 characters
