"""Cameras: decode_frame on generated frames, image and video sources, de-duplication, preview."""

from __future__ import annotations

import threading

import cv2
import numpy as np
import pytest

from hardware.camera import CameraSource, Deduplicator, ImageSource
from hardware.decode import decode_frame, gray, read_zbar, read_zxing
from hardware.scan import Scan
from hardware.simulators import (
    CONDITIONS,
    DrawnCode,
    carton_codes,
    frame_with_codes,
    sample_code,
    write_video,
)
from hardware.source import Rejection, SourceState
from hardware.spec import parse

GS = "\x1d"


@pytest.mark.parametrize(
    ("symbology", "aim"),
    [("qr", "]Q1"), ("datamatrix", "]d2"), ("gs1-128", "]C1"), ("ean13", "]E0")],
)
def test_each_symbology_reads_back_exactly_with_its_aim_identifier(symbology, aim):
    code = sample_code(symbology, 7)
    found = decode_frame(frame_with_codes([code], "clean", seed=7))
    assert [(d.text, d.aim) for d in found] == [(code.text, aim)]


def test_gs1_separators_survive_as_0x1d_not_the_bracketed_form():
    code = DrawnCode(
        "datamatrix", "(01)06901234567892(10)AB-12(21)Xy9", f"010690123456789210AB-12{GS}21Xy9"
    )
    found = decode_frame(frame_with_codes([code], "clean", seed=1))
    assert [d.text for d in found] == [code.text]
    assert "(" not in found[0].text


def test_chinese_text_in_a_qr_code():
    code = DrawnCode(
        "qr", "一码扫 https://t.yima.example/q/Ab1", "一码扫 https://t.yima.example/q/Ab1"
    )
    assert [d.text for d in decode_frame(frame_with_codes([code], "clean", seed=3))] == [code.text]


@pytest.mark.parametrize(
    "condition", ["clean", "rotation", "noise", "low_contrast", "glare", "small_modules"]
)
def test_a_24_code_carton_frame_reads_every_code(condition):
    codes = carton_codes(24)
    found = decode_frame(frame_with_codes(codes, condition, seed=11))
    assert sorted(d.text for d in found) == sorted(c.text for c in codes)


def test_a_carton_seen_at_an_angle_reads_nearly_every_cap():
    codes = carton_codes(24)
    read = sum(
        len(
            {d.text for d in decode_frame(frame_with_codes(codes, "perspective", seed=seed))}
            & {c.text for c in codes}
        )
        for seed in range(4)
    )
    assert read >= 94  # of 96: a far cap at a steep angle may need the camera moved


@pytest.mark.parametrize("symbology", ["gs1-128", "ean13"])
def test_a_1d_code_turned_at_any_angle_is_straightened_and_read(symbology):
    """Neither zxing-cpp nor ZBar reads these on their own; decode_frame must."""
    hits = 0
    for seed in range(6):
        code = sample_code(symbology, seed + 1)
        frame = frame_with_codes([code], "rotation", seed=seed)
        hits += [d.text for d in decode_frame(frame)] == [code.text]
    assert hits == 6


def test_decode_frame_reads_at_least_what_each_library_reads_alone():
    for condition in CONDITIONS:
        for symbology in ("qr", "datamatrix", "gs1-128", "ean13"):
            code = sample_code(symbology, 3)
            image = gray(frame_with_codes([code], condition, seed=3))
            ours = {d.text for d in decode_frame(image)}
            alone = {d.text for d in read_zxing(image)} | {d.text for d in read_zbar(image)}
            assert code.text in ours or code.text not in alone, (condition, symbology)


def test_deduplicator_holds_a_code_in_view_as_one_scan():
    dedup = Deduplicator(window_s=1.0)
    sightings = [("A", 0.0), ("A", 0.5), ("A", 1.2), ("B", 1.3), ("A", 3.0), ("A", 3.1)]
    assert [dedup.fresh(t, now) for t, now in sightings] == [True, False, False, True, True, False]


class Collector:
    def __init__(self) -> None:
        self.scans: list[Scan] = []
        self.rejections: list[Rejection] = []
        self.states: list[SourceState] = []
        self.previews: list[int] = []
        self.lock = threading.Lock()

    def attach(self, source) -> None:
        source.on_state = lambda _s, state: self.states.append(state)
        source.on_reject = self.rejections.append
        if hasattr(source, "on_preview"):
            source.on_preview = lambda frame, codes: self.previews.append(len(codes))
        source.start(self.scans.append)


def test_image_source_scans_every_code_once_in_reading_order(tmp_path):
    codes = [sample_code("qr", 1), sample_code("datamatrix", 2), sample_code("ean13", 3)]
    path = tmp_path / "样品.png"
    _ok, encoded = cv2.imencode(".png", frame_with_codes(codes, "clean", seed=2))
    encoded.tofile(str(path))  # a non-ASCII path, as on a Chinese Windows desktop
    source = ImageSource(parse(f"image:{path}"))
    got = Collector()
    got.attach(source)
    assert source.wait_finished(10)
    assert [s.text for s in got.scans] == [c.text for c in codes]
    assert [s.symbology for s in got.scans] == ["]Q1", "]d2", "]E0"]
    assert got.states[-1] is SourceState.FINISHED


def test_a_missing_picture_is_rejected_with_a_reason(tmp_path):
    source = ImageSource(parse(f"image:{tmp_path / 'nope.png'}"))
    got = Collector()
    got.attach(source)
    assert source.wait_finished(5)
    assert [r.reason for r in got.rejections] == ["unreadable"] and got.scans == []


@pytest.fixture(scope="module")
def carton_video(tmp_path_factory):
    """2 labels in view for 15 frames, then an open carton of 24 caps for 15 frames, then nothing."""
    labels = [sample_code("gs1-128", 1), sample_code("qr", 2)]
    carton = carton_codes(24, start=100)
    frames = [frame_with_codes(labels, "clean", seed=n % 3) for n in range(15)]
    frames += [frame_with_codes(carton, "clean", seed=n % 3) for n in range(15)]
    frames += [np.full((720, 1280, 3), 128, np.uint8)] * 5
    path = write_video(tmp_path_factory.mktemp("video") / "carton.avi", frames, fps=30)
    return path, labels + carton


def test_video_file_gives_each_code_in_view_exactly_one_scan(carton_video):
    path, codes = carton_video
    source = CameraSource(parse(f"file:{path}?pace=0&dedup_s=5&preview_fps=1000"))
    got = Collector()
    got.attach(source)
    assert source.wait_finished(60)
    assert got.states[-1] is SourceState.FINISHED
    assert sorted(s.text for s in got.scans) == sorted(c.text for c in codes)
    assert [s.text for s in got.scans[:2]] == [
        codes[0].text,
        codes[1].text,
    ]  # labels first, as filmed
    assert source.frames_read == source.frames_decoded == 35
    assert got.previews[-1] == 0 and max(got.previews) == 24


def test_preview_frames_are_throttled(carton_video):
    path, _ = carton_video
    source = CameraSource(parse(f"file:{path}?pace=1&preview_fps=4"))
    got = Collector()
    got.attach(source)
    assert source.wait_finished(60)
    assert 2 <= len(got.previews) <= 7  # 35 frames at 30 fps is ~1.2 s


def test_a_file_that_is_not_a_video_is_rejected(tmp_path):
    path = tmp_path / "notes.avi"
    path.write_text("not a video")
    source = CameraSource(parse(f"file:{path}"))
    got = Collector()
    got.attach(source)
    assert source.wait_finished(10)
    assert [r.reason for r in got.rejections] == ["unreadable"]
    assert got.states[-1] is SourceState.FINISHED


def test_a_camera_that_is_not_there_reports_disconnected_and_stops_cleanly():
    source = CameraSource(parse("camera:57"))
    got = Collector()
    got.attach(source)
    try:
        deadline = threading.Event()
        for _ in range(50):
            if SourceState.DISCONNECTED in got.states:
                break
            deadline.wait(0.1)
        assert SourceState.DISCONNECTED in got.states
    finally:
        assert source.stop(timeout=5)
    assert source.state is SourceState.STOPPED
