"""Reads of the friendship associations shared by pages and reports."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from doingoai.friendship.models import FriendshipAssociation


def association_events(*, association: FriendshipAssociation, user: Any) -> QuerySet:
    """The events the association took part in that `user` may read, newest first."""
    events: Any = association.events.all()
    return events.restrict(user, "view").select_related("organising_unit").order_by("-start_date", "-pk")


def member_associations(*, association: FriendshipAssociation, user: Any) -> QuerySet[FriendshipAssociation]:
    """The associations of a union that `user` may read."""
    return (
        FriendshipAssociation.objects.restrict(user, "view")
        .filter(parent=association)
        .select_related("country")
        .order_by("name", "pk")
    )
