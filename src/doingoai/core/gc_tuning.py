"""The cyclic garbage collector set for a long-running server process (doingoai/wsgi.py; the bench does the same
before it measures, so that it measures what a worker does).

- What start-up made (modules, settings, URL patterns, models' metadata) lives as long as the process: frozen, the
  collector stops scanning it at each full collection — one cost ~100 ms of a request at national scale.
- A page makes tens of thousands of short-lived objects (querysets, rows, template nodes): with the default
  threshold (a young collection every 700 allocations, an older one every 10 of those) every sixth request or so
  carried an older collection that scanned the caches filled since start-up, +35–45 ms on a 50 ms list page (its
  p95). At 50,000 the young collections are rare and an older one comes every 1,000,000 allocations; the
  garbage left between two collections is at most that many objects (a few MB), and cycles are still collected.
  Measured on the national data (README, Performance): plans list median 50 → 45 ms, max of 15 82 → 57 ms.
"""

from __future__ import annotations

import gc

THRESHOLDS = (50_000, 20, 10)


def settle_for_serving() -> None:
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
