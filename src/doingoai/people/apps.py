from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class PeopleConfig(AppConfig):
    name = "doingoai.people"
    verbose_name = gettext_lazy("Người nước ngoài học tập, làm việc tại tỉnh")
    url_prefix = "people/"
