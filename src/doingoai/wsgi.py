import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
application = get_wsgi_application()

# Warmed up (URL patterns, common templates), then what starting made frozen out of the garbage collector's scans and
# its thresholds set for a server (core.gc_tuning). With `gunicorn --preload` this runs once, before the workers fork.
from doingoai.core.gc_tuning import settle_for_serving, warm_up  # noqa: E402 - once Django is set up

warm_up()
settle_for_serving()
