"""A diversion case as a PDF for the audit file: the facts, the chain, and every photo.

Drawn with ReportLab's built-in Chinese font (STSong-Light, a CID font every PDF reader has),
so the pack needs no font file on the server and shows Chinese names as written.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from sync.server import evidence
from sync.server.console.i18n import ZH
from sync.server.db import Database

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def render(
    db: Database, case: dict[str, Any], photos: list[dict[str, Any]], now: dt.datetime
) -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.setTitle(f"{case['case_id']}")
    width, height = A4
    y = height - 20 * mm

    def line(text: str, size: int = 10) -> None:
        nonlocal y
        if y < 20 * mm:
            pdf.showPage()
            y = height - 20 * mm
        pdf.setFont(FONT, size)
        pdf.drawString(20 * mm, y, text[:110])
        y -= size * 0.5 * mm + 2 * mm

    line(f"窜货案件证据包 · {case['case_id']}", 14)
    line(f"生成时间 {now.astimezone(dt.UTC):%Y-%m-%d %H:%M} UTC")
    facts = [
        ("状态", ZH.get(case["status"], case["status"])),
        ("码", case["code_key"]),
        ("判定", case["verdict"]),
        ("发现地点", f"{case.get('store_name', '')} {case.get('region_name', '')}"),
        ("发现人", f"{case['operator']} · {case['station_id']} · {case['opened_at']}"),
        ("备注", case.get("note") or ""),
        ("处理意见", case.get("resolution") or ""),
    ]
    for label, value in facts:
        line(f"{label}：{value}")
    line("流向链", 12)
    for link in case.get("chain", []):
        line(
            f"{ZH.get(link['level'], link['level'])} {link['key']} · {link['product']} · "
            f"{link['dealer']} · {link['region']} · {link['order_id'] or ''} · {link['shipped_at'] or ''}"
        )
    for shot in photos:
        data = evidence.photo(db, shot["sha256"]) if shot["arrived"] else None
        if data is None:
            line(f"照片 {shot['sha256'][:16]}… 尚未上传")
            continue
        pdf.showPage()
        y = height - 20 * mm
        line(f"照片 SHA-256 {shot['sha256']}", 9)
        try:
            image = ImageReader(io.BytesIO(data))
        except Exception:  # a photo that is not an image stays in the file as its hash
            line("（无法显示此照片）")
            continue
        iw, ih = image.getSize()
        scale = min((width - 40 * mm) / iw, (height - 50 * mm) / ih)
        pdf.drawImage(image, 20 * mm, y - ih * scale, iw * scale, ih * scale)
        y -= ih * scale + 5 * mm
    pdf.save()
    return out.getvalue()
