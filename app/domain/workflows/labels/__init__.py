"""Package labels (case, pallet) as the station prints them: what a label says, and the raw
languages of the network label printers distributors use (ZPL for Zebra, TSPL for TSC and
the many Chinese printers that copy it), with text the printer's font lacks sent as a
picture drawn through a ``Rasterise`` port. Qt-free and network-free: the UI draws the same
content for the system printer, and ``hardware.label_printer`` sends the bytes."""

from app.domain.workflows.labels.content import LabelSize, PackageLabel, read_package_label
from app.domain.workflows.labels.pictures import Bitmap, Rasterise
from app.domain.workflows.labels.tspl import render_tspl
from app.domain.workflows.labels.zpl import render_zpl

__all__ = [
    "Bitmap",
    "LabelSize",
    "PackageLabel",
    "Rasterise",
    "read_package_label",
    "render_tspl",
    "render_zpl",
]
