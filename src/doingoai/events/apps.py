from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class EventsConfig(AppConfig):
    name = "doingoai.events"
    verbose_name = gettext_lazy("Sự kiện, tập huấn, thanh tra")
    url_prefix = ""
