from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "doingoai.programs"
    verbose_name = "Chương trình hoạt động đối ngoại"
    url_prefix = "plans/"
