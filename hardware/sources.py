"""One factory from a spec to a running-ready source, so settings, the CLI and the demo agree."""

from __future__ import annotations

from hardware.source import Source
from hardware.spec import SourceSpec, parse
from hardware.wedge import WedgeConfig, WedgeSource


def create_source(spec: SourceSpec | str, *, wedge_config: WedgeConfig | None = None) -> Source:
    """Build the source a spec names; raises ``SpecError`` for a spec that cannot be used.

    Camera sources import OpenCV lazily, so a station without a camera never loads it.
    """
    if isinstance(spec, str):
        spec = parse(spec)
    if spec.kind == "wedge":
        return WedgeSource(wedge_config)
    if spec.kind in ("serial", "tcp"):
        from hardware.serial_gun import SerialGun

        return SerialGun(spec)
    if spec.kind in ("camera", "file"):
        from hardware.camera import CameraSource

        return CameraSource(spec)
    if spec.kind == "image":
        from hardware.camera import ImageSource

        return ImageSource(spec)
    from hardware.simulators import SimSource

    return SimSource(spec)
