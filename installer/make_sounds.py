"""Generate the feedback sounds in resources/sounds (run once; the WAVs are committed).

Each outcome must be told apart by ear in a noisy warehouse without looking:
ok is one short high beep, warning two mid beeps, error a low harsh triple
buzz, done a rising chime. 16-bit mono PCM at 44.1 kHz, which QSoundEffect
plays everywhere; short fades avoid clicks.

    python installer/make_sounds.py
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44_100
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"


def tone(
    freq: float, ms: int, *, harmonics: tuple[float, ...] = (1.0,), level: float = 0.6
) -> list[float]:
    """A tone with the given odd/even harmonic weights and 5 ms fades."""
    count = RATE * ms // 1000
    fade = RATE * 5 // 1000
    total = sum(harmonics)
    samples = []
    for i in range(count):
        t = i / RATE
        value = sum(w * math.sin(2 * math.pi * freq * (k + 1) * t) for k, w in enumerate(harmonics))
        envelope = min(1.0, i / fade, (count - 1 - i) / fade)
        samples.append(level * envelope * value / total)
    return samples


def silence(ms: int) -> list[float]:
    return [0.0] * (RATE * ms // 1000)


def write(name: str, samples: list[float]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT / f"{name}.wav"), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(
            b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s)) * 32767)) for s in samples)
        )


def main() -> None:
    write("ok", tone(2000, 90, harmonics=(1.0, 0.0, 0.15)))
    write(
        "warning",
        tone(880, 110, harmonics=(1.0, 0.3)) + silence(70) + tone(880, 110, harmonics=(1.0, 0.3)),
    )
    buzz = (1.0, 0.0, 0.33, 0.0, 0.2, 0.0, 0.14)  # band-limited square: harsh, unmistakable
    write(
        "error",
        tone(196, 140, harmonics=buzz, level=0.8)
        + silence(50)
        + tone(196, 140, harmonics=buzz, level=0.8)
        + silence(50)
        + tone(147, 260, harmonics=buzz, level=0.8),
    )
    write(
        "done",
        tone(1047, 80) + tone(1319, 80) + tone(1568, 80) + tone(2093, 220, harmonics=(1.0, 0.2)),
    )


if __name__ == "__main__":
    main()
