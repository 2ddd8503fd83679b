from django.apps import AppConfig


class ConsularConfig(AppConfig):
    name = "doingoai.consular"
    verbose_name = "Lãnh sự, báo chí nước ngoài"
    url_prefix = ""
