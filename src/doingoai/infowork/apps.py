from django.apps import AppConfig


class InfoworkConfig(AppConfig):
    name = "doingoai.infowork"
    verbose_name = "Sản phẩm thông tin đối ngoại"
    url_prefix = "infowork/"
