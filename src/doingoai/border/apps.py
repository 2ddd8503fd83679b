from django.apps import AppConfig


class BorderConfig(AppConfig):
    name = "doingoai.border"
    verbose_name = "Biên giới"
    url_prefix = "border/"
