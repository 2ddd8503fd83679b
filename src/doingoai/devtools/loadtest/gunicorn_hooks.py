"""gunicorn configuration of the load test (`-c python:doingoai.devtools.loadtest.gunicorn_hooks`): each worker
appends, per request, the label the virtual user sent (`X-Loadtest-Label`) and the CPU the request took in that
worker thread to `$DOINGOAI_LOADTEST_CPU_DIR/cpu-<pid>.log`.

CPU, not wall-clock time: on a shared machine the wall clock measures the neighbours too. `time.thread_time()`
counts only the thread that runs the request (right with the sync worker and with gthread's threads alike).
Standard library only; one short line per request, flushed so that a killed worker loses at most its last one.
"""

from __future__ import annotations

import os
import time
from typing import Any

_FOLDER = os.environ.get("DOINGOAI_LOADTEST_CPU_DIR", "")
_files: dict[int, Any] = {}


def _log() -> Any:
    pid = os.getpid()
    handle = _files.get(pid)
    if handle is None:
        handle = _files[pid] = open(os.path.join(_FOLDER, f"cpu-{pid}.log"), "a", buffering=1)
    return handle


def pre_request(worker: Any, req: Any) -> None:
    req.loadtest_cpu = time.thread_time()


def post_request(worker: Any, req: Any, environ: Any, resp: Any) -> None:
    started = getattr(req, "loadtest_cpu", None)
    if not _FOLDER or started is None:
        return
    label = next((value for name, value in req.headers if name == "X-LOADTEST-LABEL"), "other")
    _log().write(f"{label.replace(' ', '_')} {(time.thread_time() - started) * 1000:.2f}\n")


def read_cpu_logs(folder: str) -> dict[str, list[float]]:
    """{label: [CPU ms of each request]} from every worker's file in `folder`."""
    found: dict[str, list[float]] = {}
    for name in sorted(os.listdir(folder)):
        if not (name.startswith("cpu-") and name.endswith(".log")):
            continue
        with open(os.path.join(folder, name)) as handle:
            for line in handle:
                parts = line.split()
                if len(parts) == 2:
                    try:
                        found.setdefault(parts[0], []).append(float(parts[1]))
                    except ValueError:
                        continue  # a line cut by the killed worker
    return found
