"""Time from start to the first window shown, and screenshots at handheld sizes, on a virtual X screen.

    python installer/startup_check.py                        # the bundle in dist/, 1280x800, 5 starts
    python installer/startup_check.py --size 800x600 --scale 1.5 --shots /work/notes/shots
    python installer/startup_check.py --source               # python main.py, for comparison

Measured from outside the app, so nothing in it has to cooperate: the clock
starts just before the process is spawned and stops when X reports a visible
top-level window titled Yima Scan / 一码扫 (polled every 10 ms). The first
start uses an empty data folder (it creates and migrates the database), the
later ones reuse it, like a station's every morning. With ``--shots`` it also
saves the login screen, signs in with the demo PIN and saves the working
screen. ``--fill`` runs matchbox, which fills the screen with the window the
way a maximized window fills a handheld. Needs Xvfb, xdotool and ImageMagick's
``import`` (Debian: xvfb, xdotool, imagemagick; matchbox-window-manager for --fill).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bundle_layout as layout

TITLE = "Yima Scan|一码扫"
POLL_S = 0.01


class VirtualScreen:
    """An Xvfb display of the given size; stopped on exit."""

    def __init__(self, width: int, height: int) -> None:
        read_fd, write_fd = os.pipe()
        self.process = subprocess.Popen(  # -displayfd: Xvfb picks a free display and reports it
            [
                "Xvfb",
                "-displayfd",
                str(write_fd),
                "-screen",
                "0",
                f"{width}x{height}x24",
                "-nolisten",
                "tcp",
            ],
            pass_fds=(write_fd,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write_fd)
        with os.fdopen(read_fd) as reported:
            number = reported.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        self.display = f":{number}"

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "DISPLAY": self.display}

    def start_window_manager(self) -> None:
        """matchbox: a handheld-style manager that fills the screen with each window, as a
        maximized window on a Windows handheld does (Xvfb alone leaves windows at their own size)."""
        self.wm = subprocess.Popen(
            ["matchbox-window-manager", "-use_titlebar", "no"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(0.5)

    def close(self) -> None:
        if getattr(self, "wm", None) is not None:
            self.wm.terminate()
            self.wm.wait(timeout=10)
        self.process.terminate()
        self.process.wait(timeout=10)

    def visible_window(self) -> str | None:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", TITLE],
            env=self.env,
            capture_output=True,
            text=True,
        )
        ids = found.stdout.split()
        return ids[0] if ids else None

    def shoot(self, path: Path) -> None:
        subprocess.run(
            ["import", "-window", "root", str(path)], env=self.env, check=True, timeout=30
        )

    def sign_in(self, window: str, keys: str, pin: str) -> None:
        """Focus the window (there is no window manager to do it), pick the operator, type the PIN."""
        run = dict(env=self.env, check=True, timeout=30)
        subprocess.run(["xdotool", "windowfocus", "--sync", window], **run)
        if keys:
            subprocess.run(["xdotool", "key", "--delay", "120", *keys.split()], **run)
        subprocess.run(["xdotool", "type", "--delay", "80", pin], **run)
        subprocess.run(["xdotool", "key", "Return"], **run)


def app_command(source: bool) -> list[str]:
    if source:
        return [sys.executable, str(layout.ROOT / "main.py")]
    exe = layout.executable()
    if not exe.exists():
        raise SystemExit(f"{exe} not built: python installer/build.py --no-installer")
    return [str(exe)]


def start_once(
    screen: VirtualScreen, command: list[str], env: dict[str, str], timeout: float = 30
) -> tuple[subprocess.Popen, float]:
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    while screen.visible_window() is None:
        if process.poll() is not None:
            raise RuntimeError(
                f"the app exited ({process.returncode}): {process.stderr.read().decode()[-2000:]}"
            )
        if time.monotonic() - started > timeout:
            process.kill()
            raise RuntimeError("no window within {timeout} s")
        time.sleep(POLL_S)
    return process, time.monotonic() - started


def stop(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--size", default="1280x800", help="screen size, e.g. 800x600")
    parser.add_argument(
        "--scale", type=float, default=1.0, help="Qt scale factor (1.5 = 150 %% Windows scaling)"
    )
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--source", action="store_true", help="run python main.py instead of the bundle"
    )
    parser.add_argument("--shots", type=Path, help="save login and working screens here")
    parser.add_argument(
        "--fill", action="store_true", help="run a handheld window manager that fills the screen"
    )
    parser.add_argument("--pin", default="1111", help="demo operator PIN for the working screen")
    parser.add_argument(
        "--keys", default="Down Down", help="keys that pick the operator (demo: Down Down = 王仓管)"
    )
    parser.add_argument("--lang", default="zh_CN", choices=("zh_CN", "en"))
    args = parser.parse_args(argv)
    for tool in ("Xvfb", "xdotool", "import"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} not found (Debian: apt-get install xvfb xdotool imagemagick)")

    width, height = (int(n) for n in args.size.lower().split("x"))
    screen = VirtualScreen(width, height)
    if args.fill:
        screen.start_window_manager()
    data = Path(tempfile.mkdtemp(prefix="yima-startup-"))
    env = {
        **screen.env,
        "QT_QPA_PLATFORM": "xcb",
        "QT_SCALE_FACTOR": str(args.scale),
        "LANG": "zh_CN.UTF-8" if args.lang == "zh_CN" else "en_US.UTF-8",
    }
    command = [*app_command(args.source), "--data-dir", str(data), "--lang", args.lang]
    times = []
    try:
        for run in range(args.runs):
            process, seconds = start_once(screen, command, env)
            times.append(seconds)
            print(
                f"start {run + 1}{' (empty data folder)' if run == 0 else ''}: window after {seconds:.2f} s"
            )
            stop(process)
        if args.shots:
            args.shots.mkdir(parents=True, exist_ok=True)
            tag = f"{width}x{height}@{int(args.scale * 100)}{'-filled' if args.fill else ''}"
            demo = [*app_command(args.source), "--demo", "--lang", args.lang]
            process, _ = start_once(screen, demo, env)
            try:
                time.sleep(1.5)  # let the first paint and any fade finish
                screen.shoot(args.shots / f"bundle-login-{tag}.png")
                screen.sign_in(screen.visible_window() or "", args.keys, args.pin)
                time.sleep(2.0)
                screen.shoot(args.shots / f"bundle-main-{tag}.png")
            finally:
                stop(process)
            print(f"screenshots in {args.shots} ({tag})")
    finally:
        screen.close()
        shutil.rmtree(data, ignore_errors=True)
    warm = times[1:] or times
    print(
        f"{'source' if args.source else 'bundle'} {args.size} x{args.scale}: first start {times[0]:.2f} s, "
        f"later starts median {statistics.median(warm):.2f} s (max {max(warm):.2f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
