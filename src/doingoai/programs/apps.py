from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class ProgramsConfig(AppConfig):
    name = "doingoai.programs"
    verbose_name = gettext_lazy("Chương trình hoạt động đối ngoại")
    url_prefix = "plans/"
