from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class InfoworkConfig(AppConfig):
    name = "doingoai.infowork"
    verbose_name = gettext_lazy("Sản phẩm thông tin đối ngoại")
    url_prefix = "infowork/"
