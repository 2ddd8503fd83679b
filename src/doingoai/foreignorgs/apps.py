from django.apps import AppConfig


class ForeignorgsConfig(AppConfig):
    name = "doingoai.foreignorgs"
    verbose_name = "Tổ chức nước ngoài"
    url_prefix = "foreignorgs/"
