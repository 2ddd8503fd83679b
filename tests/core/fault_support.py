"""Real faults for the fault tests: a small full disk (tmpfs) and processes killed with SIGKILL.

Nothing here imitates the fault: the disk really fills, the process really dies. Where the machine does not allow
it (no right to mount, no SQLite), the test is skipped with the reason."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests import testdb

ROOT = Path(__file__).resolve().parents[2]


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "1m") -> Iterator[Path]:
    """A real file system of `size` bytes mounted on `folder` (tmpfs), unmounted afterwards whatever happens."""
    folder.mkdir(parents=True, exist_ok=True)
    mount, umount = shutil.which("mount"), shutil.which("umount")
    if not (mount and umount):
        pytest.skip("no mount command: cannot make a small disk to fill")
    mounted = _run(mount, "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder))
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to fill a disk: {mounted.stderr.strip() or mounted.returncode}")
    try:
        yield folder
    finally:
        if _run(umount, str(folder)).returncode != 0:
            _run(umount, "-l", str(folder))


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=60)  # noqa: S603


def fill(folder: Path, leave: int = 0) -> None:
    """Write into `folder` until the disk is full (or only about `leave` bytes are free)."""
    stat = os.statvfs(folder)
    free = stat.f_bavail * stat.f_frsize
    with contextlib.suppress(OSError), (folder / "lap-day.bin").open("wb") as out:
        out.write(b"\0" * max(free - leave, 0))
        out.flush()
        os.fsync(out.fileno())


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(0.05)


def sqlite_env(database: Path, media: Path, **extra: str) -> dict[str, str]:
    """The environment of a doingoai process on its own SQLite file (never the suite's PostgreSQL)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update(
        DJANGO_SETTINGS_MODULE="doingoai.settings",
        SQLITE_PATH=str(database),
        MEDIA_ROOT=str(media),
        PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p),
        DEBUG="0",
        PYTHONUNBUFFERED="1",
        **extra,
    )
    env.setdefault("SECRET_KEY", "fault-tests-not-secret")
    return env


def python(code: str, env: dict[str, str], *, log: Path) -> subprocess.Popen[bytes]:
    """Start `code` in a new Python process with Django set up (its output goes to `log`)."""
    prelude = "import django; django.setup()\n"
    with log.open("ab") as out:
        return subprocess.Popen(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", prelude + code], env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT
        )


def kill(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL: no handler, no cleanup, no commit; as a crash or the OOM killer would."""
    if process.poll() is None:
        process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)


@pytest.fixture(scope="session")
def migrated_sqlite() -> Path:
    """The suite's migrated SQLite template (tests/testdb.py: the schema production gets, built once for the whole
    suite), copied by each test that kills a process on it, instead of a schema made by a process of its own."""
    return testdb.sqlite_template()


def fresh_copy(template: Path, folder: Path) -> Path:
    """A copy of the migrated database for one test (the template is one self-contained file, no WAL)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "doingoai.sqlite3"
    shutil.copyfile(template, target)
    return target
