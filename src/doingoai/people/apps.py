from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "doingoai.people"
    verbose_name = "Người nước ngoài học tập, làm việc tại tỉnh"
    url_prefix = "people/"
