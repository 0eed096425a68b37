"""Check the Windows installer's install / upgrade / uninstall cycle under Wine, with a small payload.

    python installer/wine_cycle.py            # needs makensis and wine (Debian: nsis, wine64)

Two tiny versions of the "app" are packed by build.py (the real bundle is a
Linux one here, which Windows cannot run, so the payload stands in for it):
version 1 holds a file that version 2 no longer ships. The cycle checks what
IT relies on: silent install to a chosen folder with rollout settings from the
command line, per-user install, refusal while the app is running, upgrade in
place that removes stale files and keeps IT's own files, rollout settings from
yima-rollout.ini, uninstall that keeps the station's data, and /PURGE.
Each step prints one line; the first failed check stops with exit code 1.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build

UNINST_KEY = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\YimaScan"
UNINST_KEY_USER = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\YimaScan"


class CycleFailed(Exception):
    pass


def wine_binary() -> str:
    for candidate in ("wine64", "/usr/lib/wine/wine64", "wine"):
        found = shutil.which(candidate)
        if found:
            return found
    raise CycleFailed("wine not found (Debian: apt-get install wine64)")


class Wine:
    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        self.binary = wine_binary()
        self.env = dict(
            os.environ, WINEPREFIX=str(prefix), WINEDEBUG="-all", WINEDLLOVERRIDES="mscoree,mshtml="
        )

    def run(self, *args: str, timeout: float = 180) -> int:
        return subprocess.run(
            [self.binary, *args], env=self.env, timeout=timeout, capture_output=True
        ).returncode

    def start(self, *args: str) -> subprocess.Popen:
        """A long-running program: the payload's "app" is cmd.exe, which waits on its open stdin."""
        return subprocess.Popen(
            [self.binary, *args],
            env=self.env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def boot(self) -> None:
        subprocess.run(
            [self.binary, "wineboot", "--init"], env=self.env, timeout=300, capture_output=True
        )
        if not (self.prefix / "drive_c" / "windows").is_dir():
            raise CycleFailed("wineboot did not create a Windows folder")

    def wait_idle(self) -> None:
        server = shutil.which("wineserver") or "/usr/lib/wine/wineserver64"
        subprocess.run([server, "-w"], env=self.env, timeout=120)

    def drive_c(self, windows_path: str) -> Path:
        return self.prefix / "drive_c" / windows_path.removeprefix("C:\\").replace("\\", "/")

    def reg_value(self, key: str, name: str) -> str | None:
        out = subprocess.run(
            [self.binary, "reg", "query", key, "/v", name],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        for line in out.stdout.splitlines():
            parts = line.split(None, 2)
            if len(parts) == 3 and parts[0].lower() == name.lower():
                return parts[2].strip()
        return None

    def local_appdata(self) -> Path:
        return (
            self.prefix / "drive_c" / "users" / os.environ.get("USER", "root") / "AppData" / "Local"
        )


def check(condition: bool, what: str) -> None:
    if not condition:
        raise CycleFailed(what)
    print(f"  ok  {what}")


def read_rollout(path: Path) -> str:
    raw = path.read_bytes()
    return raw.decode("utf-16") if raw[:2] == b"\xff\xfe" else raw.decode("utf-8")


def make_payloads(work: Path, wine: Wine) -> tuple[Path, Path]:
    """v1 and v2 payloads; the "app" is Wine's cmd.exe so that a running copy can be started."""
    cmd = wine.prefix / "drive_c" / "windows" / "system32" / "cmd.exe"
    v1, v2 = work / "v1", work / "v2"
    for root, version in ((v1, "1"), (v2, "2")):
        (root / "_internal" / "resources").mkdir(parents=True)
        shutil.copy(cmd, root / "YimaScan.exe")
        (root / "_internal" / "version.txt").write_text(f"payload {version}\n")
        (root / "_internal" / "resources" / "提示音.txt").write_text(
            "zh file name\n", encoding="utf-8"
        )
    (v1 / "_internal" / "stale-module.txt").write_text("only in v1\n")
    (v1 / "_internal" / "old-folder").mkdir()
    (v1 / "_internal" / "old-folder" / "gone.txt").write_text("only in v1\n")
    (v2 / "_internal" / "new-module.txt").write_text("only in v2\n")
    return v1, v2


def cycle(work: Path) -> None:
    wine = Wine(work / "prefix")
    print("wine prefix ...")
    wine.boot()
    v1, v2 = make_payloads(work, wine)
    dist = work / "dist"
    setup1 = build.build_installer(v1, version="1.0.0", outfile=dist / "setup-1.0.0.exe")
    setup2_dir = dist / "rollout"
    setup2_dir.mkdir(parents=True)
    setup2 = build.build_installer(v2, version="2.0.0", outfile=setup2_dir / "setup-2.0.0.exe")
    if setup1 is None or setup2 is None:
        raise CycleFailed("makensis is not installed")

    target = "C:\\YimaTest"  # no space: Wine quotes an argument with one, and NSIS wants /D= bare
    inst = wine.drive_c(target)
    data = wine.local_appdata() / "Yima" / "YimaScan"

    print("1. silent per-machine install with /D and rollout switches")
    code = wine.run(
        str(setup1),
        "/S",
        "/ALLUSERS",
        "/SERVER=https://yima.example.cn/api/v1",
        "/ENROLL=K7-4431",
        f"/D={target}",
    )
    check(code == 0, f"installer exit code 0 (got {code})")
    check((inst / "_internal" / "stale-module.txt").exists(), "v1 files installed")
    check((inst / "uninstall.exe").exists(), "uninstaller written")
    rollout = read_rollout(inst / "rollout.json")
    check(
        '"server_url": "https://yima.example.cn/api/v1"' in rollout,
        "rollout.json holds the server URL",
    )
    check('"enroll_code": "K7-4431"' in rollout, "rollout.json holds the enrollment code")
    check(
        wine.reg_value(UNINST_KEY, "DisplayVersion") == "1.0.0",
        "registered in Apps & features (HKLM)",
    )

    # What the running station and IT leave behind, which no installer step may delete.
    data.mkdir(parents=True, exist_ok=True)
    (data / "station.sqlite3").write_bytes(b"SQLite format 3\x00 pretend")
    (inst / "it-notes.txt").write_text("asset tag 4711\n")

    print("2. upgrade refused while the app runs")
    running = wine.start(wine_path(wine, inst / "YimaScan.exe"))
    time.sleep(3)
    try:
        code = wine.run(str(setup2), "/S")
        check(code != 0, f"installer fails while YimaScan.exe runs (exit {code})")
        check(
            (inst / "_internal" / "version.txt").read_text() == "payload 1\n",
            "running version left intact",
        )
    finally:
        running.kill()
        running.wait()
        wine.wait_idle()

    print("3. silent upgrade in place, rollout from yima-rollout.ini beside the installer")
    (setup2_dir / "yima-rollout.ini").write_text(
        "[rollout]\nserver=https://new.example.cn\nlanguage=zh_CN\n"
    )
    code = wine.run(str(setup2), "/S")
    check(code == 0, f"upgrade exit code 0 (got {code})")
    check(
        (inst / "_internal" / "version.txt").read_text() == "payload 2\n",
        "found the old folder and replaced files",
    )
    check(not (inst / "_internal" / "stale-module.txt").exists(), "file not in v2 removed")
    check(not (inst / "_internal" / "old-folder").exists(), "folder not in v2 removed")
    check((inst / "_internal" / "new-module.txt").exists(), "new file installed")
    check((inst / "_internal" / "resources" / "提示音.txt").exists(), "non-ASCII file name kept")
    check((inst / "it-notes.txt").exists(), "IT's own file in the folder kept")
    rollout = read_rollout(inst / "rollout.json")
    check(
        '"server_url": "https://new.example.cn"' in rollout and '"language": "zh_CN"' in rollout,
        "rollout.json from the ini file",
    )
    check(wine.reg_value(UNINST_KEY, "DisplayVersion") == "2.0.0", "registry shows 2.0.0")

    print("4. silent uninstall keeps the station's data")
    code = wine.run(str(inst / "uninstall.exe"), "/S", f"_?={target}")
    check(code == 0, f"uninstaller exit code 0 (got {code})")
    check(
        not (inst / "YimaScan.exe").exists() and not (inst / "_internal").exists(),
        "program files removed",
    )
    check((inst / "it-notes.txt").exists(), "IT's own file kept")
    check((data / "station.sqlite3").exists(), "station database kept")
    check(wine.reg_value(UNINST_KEY, "DisplayVersion") is None, "registry entry removed")

    print("5. per-user install, then uninstall with /PURGE")
    code = wine.run(str(setup2), "/S", "/CURRENTUSER")
    check(code == 0, f"per-user install exit code 0 (got {code})")
    user_inst = wine.local_appdata() / "Programs" / "Yima Scan"
    check((user_inst / "YimaScan.exe").exists(), "installed below %LOCALAPPDATA%\\Programs")
    check(
        wine.reg_value(UNINST_KEY_USER, "InstallScope") == "CurrentUser",
        "registered for the user (HKCU)",
    )
    code = wine.run(
        str(user_inst / "uninstall.exe"), "/S", "/PURGE", f"_?={wine_path(wine, user_inst)}"
    )
    check(code == 0, f"purging uninstall exit code 0 (got {code})")
    check(not data.exists(), "station data deleted with /PURGE")
    check(not (user_inst / "YimaScan.exe").exists(), "per-user program files removed")


def wine_path(wine: Wine, path: Path) -> str:
    rel = path.relative_to(wine.prefix / "drive_c")
    return "C:\\" + str(rel).replace("/", "\\")


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="yima-wine-"))
    started = time.monotonic()
    try:
        cycle(work)
    except (CycleFailed, subprocess.TimeoutExpired) as exc:
        print(f"FAILED: {exc}")
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"Wine install/upgrade/uninstall cycle passed in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
