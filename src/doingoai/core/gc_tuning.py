"""A long-running server process's start (doingoai/wsgi.py): `warm_up` (what its first requests would otherwise
pay), then the cyclic garbage collector set for serving (the bench does the same before it measures, so that it
measures what a worker does).

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


def warm_up() -> None:
    """What a new process's first requests would otherwise pay while people wait (~0.5 s of CPU on the first
    page): every URL module imported (the API's viewsets built), and the templates of the common pages compiled
    (Django's cached loader keeps them). No database connection is left open: with `gunicorn --preload` the
    workers are forked from the process that ran this, and must not share one."""
    from django.db import connections
    from django.template import TemplateDoesNotExist
    from django.template.loader import get_template
    from django.urls import get_resolver

    get_resolver().reverse_dict  # noqa: B018 - imports every app's urls, and indexes the names for reverse()
    for name in WARM_TEMPLATES:
        try:
            get_template(name)
        except TemplateDoesNotExist:  # a page renamed: this list is a speed-up, not a contract
            continue
    connections.close_all()


# The pages people open most (lists, details, forms, home, search, dashboard) and what they extend and include.
WARM_TEMPLATES = (
    "base.html",
    "core/_menu.html",
    "core/_language_switch.html",
    "home.html",
    "core/object_list.html",
    "core/_results.html",
    "core/table.html",
    "core/_page_links.html",
    "core/_bulk_bar.html",
    "core/object_detail.html",
    "core/object_edit.html",
    "core/_form_fields.html",
    "core/object_action.html",
    "search/search.html",
    "search/_results.html",
    "dashboard/dashboard.html",
    "dashboard/calendar.html",
    "dashboard/_calendar.html",
)


def settle_for_serving() -> None:
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)
