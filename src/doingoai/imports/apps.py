from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "doingoai.imports"
    verbose_name = "Nhập dữ liệu"
    url_prefix = "imports/"
