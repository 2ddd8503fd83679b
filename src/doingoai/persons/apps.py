from django.apps import AppConfig


class PersonsConfig(AppConfig):
    name = "doingoai.persons"
    label = "persons"
    verbose_name = "Dữ liệu cá nhân (Nghị định 13/2023/NĐ-CP)"
    url_prefix = "persons/"
