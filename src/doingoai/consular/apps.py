from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ConsularConfig(AppConfig):
    name = "doingoai.consular"
    verbose_name = gettext_lazy("Lãnh sự, báo chí nước ngoài")
    url_prefix = ""
