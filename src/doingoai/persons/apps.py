from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class PersonsConfig(AppConfig):
    name = "doingoai.persons"
    label = "persons"
    verbose_name = gettext_lazy("Dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP)")
    url_prefix = "persons/"
