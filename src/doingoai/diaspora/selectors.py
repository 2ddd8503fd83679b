"""Reads of the diaspora registries, shared by views, exports and the API."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from doingoai.diaspora.models import DiasporaAssociation, OverseasVietnamese


def overseas_vietnamese_list(*, user: Any) -> QuerySet[OverseasVietnamese]:
    """The persons this user may see: their own unit's, or all for the province-level roles."""
    return OverseasVietnamese.objects.restrict(user, "view").select_related("country", "association", "recording_unit")


def association_list(*, user: Any) -> QuerySet[DiasporaAssociation]:
    return DiasporaAssociation.objects.restrict(user, "view").select_related("country")
