"""gunicorn as a subprocess on 127.0.0.1, its workers, and the worker killed during the run."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def children(pid: int) -> set[int]:
    """Processes whose parent is `pid` (read from /proc: no psutil needed)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (comm) state ppid …": comm may contain spaces, so split after the last ")".
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid:
            found.add(int(entry.name))
    return found


def cpu_ticks(pid: int) -> int | None:
    """utime + stime of `pid` in clock ticks (/proc/PID/stat), or None once it is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # fields 14 and 15 of proc(5), counted after "pid (comm)"


TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


@dataclass
class WorkerCPU:
    """The CPU the gunicorn workers spend between `start()` and the last `read()`: every worker that lived in
    between, a killed one up to its last reading (taken just before the kill), a replacement from its birth."""

    server: Gunicorn
    first: dict[int, int] = field(default_factory=dict)
    last: dict[int, int] = field(default_factory=dict)

    def start(self) -> None:
        self.read()
        self.first = dict(self.last)

    def read(self) -> None:
        for pid in self.server.worker_pids():
            ticks = cpu_ticks(pid)
            if ticks is not None:
                self.last[pid] = ticks

    def seconds(self) -> float:
        return sum(ticks - self.first.get(pid, 0) for pid, ticks in self.last.items()) / TICKS_PER_SECOND


@dataclass
class Gunicorn:
    port: int
    env: dict[str, str]
    log: Path
    workers: int = 2
    threads: int = 1  # more than one: gunicorn's gthread worker, that many requests at once per worker
    process: subprocess.Popen | None = None

    def start(self, timeout: float = 90) -> None:
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "doingoai.wsgi:application",
            # As in production (README): the application loaded and warmed once, the workers forked from it, and
            # a worker that dies replaced at once by a fork of that warm process.
            "--preload",
            "--workers",
            str(self.workers),
            "--threads",
            str(self.threads),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--timeout",
            "120",  # longer than the SQLite busy timeout, so a waiting writer is never killed as "hung"
            "--graceful-timeout",
            "10",
            "--log-level",
            "warning",
            "--config",
            "python:doingoai.devtools.loadtest.gunicorn_hooks",  # CPU per request, by label
        ]
        # Gunicorn's own log and the workers' stderr (Django's error log) go to one file, searched afterwards.
        handle = self.log.open("ab")
        self.process = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
            command, env=self.env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
        )
        handle.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn đã dừng (mã {self.process.returncode}); xem {self.log}")
            if self.healthy() and len(self.worker_pids()) >= self.workers:
                return
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn không trả lời /healthz sau {timeout:.0f} s; xem {self.log}")

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=5) as response:
                return bool(response.status == 200)
        except (OSError, urllib.error.URLError):
            return False

    def worker_pids(self) -> set[int]:
        return children(self.process.pid) if self.process else set()

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


@dataclass
class WorkerKill:
    """SIGKILL one worker at `at` seconds into the run, then wait for gunicorn to start its replacement."""

    server: Gunicorn
    at: float
    cpu: WorkerCPU | None = None  # read just before the kill, so the victim's CPU is counted
    killed_pid: int | None = None
    replacement_pid: int | None = None
    killed_at: float | None = None  # seconds since the start of the run
    replaced_at: float | None = None
    error: str = ""
    thread: threading.Thread | None = field(default=None, repr=False)

    def start(self, t0: float) -> None:
        self.thread = threading.Thread(target=self._run, args=(t0,), name="worker-kill", daemon=True)
        self.thread.start()

    def _run(self, t0: float) -> None:
        time.sleep(max(0.0, t0 + self.at - time.perf_counter()))
        before = self.server.worker_pids()
        if not before:
            self.error = "không tìm thấy tiến trình worker"
            return
        self.killed_pid = min(before)
        if self.cpu is not None:
            self.cpu.read()
        os.kill(self.killed_pid, signal.SIGKILL)
        self.killed_at = time.perf_counter() - t0
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            new = self.server.worker_pids() - before
            if new:
                self.replacement_pid = min(new)
                self.replaced_at = time.perf_counter() - t0
                return
            time.sleep(0.05)
        self.error = "gunicorn không khởi động worker thay thế trong 60 s"

    def join(self) -> None:
        if self.thread is not None:
            self.thread.join(timeout=90)
