"""A server worker (doingoai/wsgi.py) freezes what start-up made and sets the collector's thresholds for serving."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from doingoai.core.gc_tuning import THRESHOLDS, WARM_TEMPLATES


def test_the_wsgi_application_settles_the_garbage_collector():
    code = "import gc, json; import doingoai.wsgi; print(json.dumps([gc.get_threshold(), gc.get_freeze_count()]))"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "doingoai.settings"}
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)  # noqa: S603
    out = run.stdout
    thresholds, frozen = json.loads(out.strip().splitlines()[-1])
    assert tuple(thresholds) == THRESHOLDS != (700, 10, 10)
    assert frozen > 10_000  # the modules, settings and URL patterns of a started Django


def test_the_wsgi_application_is_warmed_up_without_an_open_connection():
    """Imported, doingoai.wsgi has loaded the URL patterns and compiled the common pages' templates (so a new
    worker's first requests do not pay it), and left no database connection open (gunicorn --preload forks the
    workers from that process)."""
    code = (
        "import json; import doingoai.wsgi; from django.db import connections; from django.urls import get_resolver; "
        "from django.template import engines; "
        "loader = engines['django'].engine.template_loaders[0]; "
        "print(json.dumps([[c.alias for c in connections.all(initialized_only=True) if c.connection is not None], "
        "get_resolver()._populated, sorted({k.split(':')[0] for k in loader.get_template_cache})]))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "doingoai.settings", "DEBUG": "0", "SECRET_KEY": "test-warm-up"}
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)  # noqa: S603
    connected, populated, cached = json.loads(run.stdout.strip().splitlines()[-1])
    assert connected == []
    assert populated is True
    assert set(WARM_TEMPLATES) <= set(cached)  # every name in the list still names a template
