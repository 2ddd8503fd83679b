"""The authentication backend: Django's ModelBackend, reading the user's unit with the user.

Every signed-in request loads its user (AuthenticationMiddleware → `get_user`), and every page then names the
user's unit in the menu (base.html) and checks rights against it: one query with a join instead of two.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend

from doingoai.core.models import User


class UserBackend(ModelBackend):
    def get_user(self, user_id: Any) -> User | None:
        try:
            user = User._default_manager.select_related("unit").get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
