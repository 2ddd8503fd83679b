from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "doingoai.events"
    verbose_name = "Sự kiện, tập huấn, thanh tra"
    url_prefix = ""
