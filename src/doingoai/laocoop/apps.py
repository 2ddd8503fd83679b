from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class LaocoopConfig(AppConfig):
    name = "doingoai.laocoop"
    verbose_name = gettext_lazy("Hợp tác biên giới Việt – Lào")
    url_prefix = "laocoop/"
