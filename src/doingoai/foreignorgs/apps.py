from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ForeignorgsConfig(AppConfig):
    name = "doingoai.foreignorgs"
    verbose_name = gettext_lazy("Tổ chức nước ngoài")
    url_prefix = "foreignorgs/"
