from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class LegalConfig(AppConfig):
    name = "doingoai.legal"
    verbose_name = gettext_lazy("Văn bản căn cứ")
    url_prefix = "legal/"
