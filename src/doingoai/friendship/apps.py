from django.apps import AppConfig


class FriendshipConfig(AppConfig):
    name = "doingoai.friendship"
    verbose_name = "Hội hữu nghị"
    url_prefix = "friendship/"
