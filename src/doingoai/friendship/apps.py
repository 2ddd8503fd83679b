from django.apps import AppConfig
from django.utils.translation import gettext_lazy


class FriendshipConfig(AppConfig):
    name = "doingoai.friendship"
    verbose_name = gettext_lazy("Hội hữu nghị")
    url_prefix = "friendship/"
