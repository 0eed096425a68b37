"""How much evidence one diversion case carries: the rule the inspector's station applies when a
photo is attached and the server applies when the case and its photos arrive.

A case carries at most ``MAX_PHOTOS_PER_CASE`` photos of at most ``MAX_PHOTO_BYTES`` each.
Ten photos are more than an inspector needs to show a diverted product: the code label, the
product on the shelf, the shelf label or price tag, the shop front and its address, the receipt,
with room to retake a blurred one. Eight megabytes hold the largest JPEG a phone or webcam
writes (usually 0.2 to 5 MB). Together they bound what one case can put in the brand's store
(80 MB), so a station with a credential cannot fill the server by naming photos, and a photo
the station keeps is one the server will take.

The server keeps the first ``MAX_PHOTOS_PER_CASE`` distinct photos a case names and says how
many it left out (an older station had no limit: its case still counts); a photo it left out is
refused at upload like any photo no case names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MAX_PHOTOS_PER_CASE = 10
MAX_PHOTO_BYTES = 8 * 1024 * 1024
SHA256 = re.compile(r"[0-9a-f]{64}")


def is_photo_name(name: object) -> bool:
    """A photo is named by the SHA-256 of its bytes, 64 lower-case hex digits."""
    return isinstance(name, str) and SHA256.fullmatch(name) is not None


def kept_photos(names: Iterable[str]) -> tuple[list[str], int]:
    """The photos a case keeps (the first ``MAX_PHOTOS_PER_CASE`` distinct names, in order) and
    how many distinct ones beyond them it leaves out. A name repeated is one photo."""
    distinct = list(dict.fromkeys(names))
    return distinct[:MAX_PHOTOS_PER_CASE], max(0, len(distinct) - MAX_PHOTOS_PER_CASE)
