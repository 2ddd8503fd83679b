from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class AidConfig(AppConfig):
    name = "doingoai.aid"
    verbose_name = gettext_lazy("Viện trợ, vốn vay và thu hút đầu tư")
    url_prefix = ""
