"""A server worker (doingoai/wsgi.py) freezes what start-up made and sets the collector's thresholds for serving."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from doingoai.core.gc_tuning import THRESHOLDS


def test_the_wsgi_application_settles_the_garbage_collector():
    code = (
        "import gc, json; import doingoai.wsgi; "
        "print(json.dumps([gc.get_threshold(), gc.get_freeze_count()]))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "doingoai.settings"}
    run = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)  # noqa: S603
    out = run.stdout
    thresholds, frozen = json.loads(out.strip().splitlines()[-1])
    assert tuple(thresholds) == THRESHOLDS != (700, 10, 10)
    assert frozen > 10_000  # the modules, settings and URL patterns of a started Django
