import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "doingoai.settings")
application = get_wsgi_application()

# What starting made (modules, settings, URL patterns, models' metadata) lives as long as the worker: frozen, the
# cyclic garbage collector stops scanning it at each full collection — one cost ~100 ms of a request at national
# scale, a page's whole budget (README, Performance).
gc.collect()
gc.freeze()
