"""Reads of the diaspora registries and of the Decree 13/2023 logs, shared by views, exports and the API."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from doingoai.diaspora.models import (
    DiasporaAssociation,
    ErasureRecord,
    OverseasVietnamese,
    PersonalDataAccess,
    PersonalDataModel,
)


def overseas_vietnamese_list(*, user: Any) -> QuerySet[OverseasVietnamese]:
    """The persons this user may see: their own unit's, or all for the province-level roles."""
    return OverseasVietnamese.objects.restrict(user, "view").select_related("country", "association", "recording_unit")


def association_list(*, user: Any) -> QuerySet[DiasporaAssociation]:
    return DiasporaAssociation.objects.restrict(user, "view").select_related("country")


def personal_data_accesses(*, obj: PersonalDataModel, user: Any) -> QuerySet[PersonalDataAccess]:
    """The access log of one record, newest first (empty for users who may not read the log)."""
    content_type = ContentType.objects.get_for_model(type(obj))
    return PersonalDataAccess.objects.restrict(user, "view").filter(content_type=content_type, object_id=obj.pk)


def personal_data_erasure(*, obj: PersonalDataModel) -> ErasureRecord | None:
    content_type = ContentType.objects.get_for_model(type(obj))
    return ErasureRecord.objects.filter(content_type=content_type, object_id=obj.pk).first()
