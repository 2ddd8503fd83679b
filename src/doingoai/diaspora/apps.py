from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class DiasporaConfig(AppConfig):
    name = "doingoai.diaspora"
    verbose_name = gettext_lazy("Người Việt Nam ở nước ngoài")
    url_prefix = "diaspora/"
