"""Reads of the Decree 13/2023 logs about one record, for the record's page."""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from doingoai.persons.models import ErasureRecord, PersonalDataAccess, PersonalDataModel


def personal_data_accesses(*, obj: PersonalDataModel, user: Any) -> QuerySet[PersonalDataAccess]:
    """The access log of one record, newest first (empty for users who may not read the log)."""
    content_type = ContentType.objects.get_for_model(type(obj))
    return PersonalDataAccess.objects.restrict(user, "view").filter(content_type=content_type, object_id=obj.pk)


def personal_data_erasure(*, obj: PersonalDataModel) -> ErasureRecord | None:
    content_type = ContentType.objects.get_for_model(type(obj))
    return ErasureRecord.objects.filter(content_type=content_type, object_id=obj.pk).first()
