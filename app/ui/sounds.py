"""The four feedback sounds: an operator knows the result without looking up.

Sounds are a help, never a requirement: a counter PC without speakers, a
remote session or CI without an audio device must run the same code and stay
silent, not fail. So the effects are created lazily, only when some audio
output exists. On Linux, Qt's audio goes through a PulseAudio/PipeWire server;
when none is running, asking QtMultimedia only produces warnings, so the probe
looks for the server's socket first.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

from app.domain.workflows.base import Outcome
from app.paths import resources_dir

log = logging.getLogger(__name__)


def sound_server_reachable() -> bool:
    """False on a Linux machine with no PulseAudio/PipeWire server (servers, CI, kiosks)."""
    if not sys.platform.startswith("linux") or os.environ.get("PULSE_SERVER"):
        return True
    runtime = os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
    return any((Path(runtime) / name).exists() for name in ("pulse/native", "pipewire-0"))


def sound_file(outcome: Outcome) -> str:
    return str(resources_dir() / "sounds" / f"{outcome.value}.wav")


class FeedbackSounds(QObject):
    """Plays ok / warning / error / done at the station's volume unless muted."""

    def __init__(
        self, volume: int = 80, muted: bool = False, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._volume = max(0, min(100, volume))
        self._muted = muted
        self._effects: dict[Outcome, QSoundEffect] | None = None
        self._devices: QMediaDevices | None = None
        self.last_played: Outcome | None = None  # what the operator should have heard (tests, logs)

    @property
    def volume(self) -> int:
        return self._volume

    @property
    def muted(self) -> bool:
        return self._muted

    def set_volume(self, volume: int) -> None:
        self._volume = max(0, min(100, int(volume)))
        for effect in (self._effects or {}).values():
            effect.setVolume(self._volume / 100)

    def set_muted(self, muted: bool) -> None:
        self._muted = bool(muted)

    def audio_available(self) -> bool:
        return sound_server_reachable() and bool(QMediaDevices.audioOutputs())

    def play(self, outcome: Outcome) -> None:
        """Play the sound for ``outcome``; silently nothing when muted or without a device."""
        self.last_played = None if self._muted or self._volume == 0 else outcome
        if self.last_played is None:
            return
        effects = self._load()
        if not effects:
            return
        for effect in effects.values():
            if effect.isPlaying():
                effect.stop()  # a new scan interrupts the last beep instead of queueing behind it
        effects[outcome].play()

    def _load(self) -> dict[Outcome, QSoundEffect]:
        if self._effects is None:
            self._effects = {}
            if not self.audio_available():
                log.info("no audio output: feedback sounds stay silent")
                return self._effects
            for outcome in Outcome:
                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(sound_file(outcome)))
                effect.setVolume(self._volume / 100)
                self._effects[outcome] = effect
        return self._effects
