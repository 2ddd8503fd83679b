from django.apps import AppConfig


class LaocoopConfig(AppConfig):
    name = "doingoai.laocoop"
    verbose_name = "Hợp tác biên giới Việt – Lào"
    url_prefix = "laocoop/"
