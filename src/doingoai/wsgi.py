import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
application = get_wsgi_application()

# What starting made frozen out of the garbage collector's scans, and its thresholds set for a server (core.gc_tuning).
from doingoai.core.gc_tuning import settle_for_serving  # noqa: E402 - once Django is set up

settle_for_serving()
