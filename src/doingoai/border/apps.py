from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class BorderConfig(AppConfig):
    name = "doingoai.border"
    verbose_name = gettext_lazy("Biên giới")
    url_prefix = "border/"
