"""Reporting objects for the authorisation matrix: a period of officer2's unit with its report, one submitted
version with a file, a message in officer2's inbox and a built consolidated file."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from doingoai.reporting.models import (
    ExportStatus,
    Notification,
    ReportExport,
    UnitReportAttachment,
    UnitReportVersion,
)
from tests.reporting.factories import ReportingPeriodFactory


@pytest.fixture
def reporting_objects(users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    unit = users["officer2"].unit
    period = ReportingPeriodFactory(units=[unit])
    report = period.reports.get()
    attachment = UnitReportAttachment(report=report, name="phu-luc.pdf", size=9, content_type="application/pdf")
    attachment.file.save("phu-luc.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    attachment.save()
    version = UnitReportVersion.objects.create(
        report=report, number=1, texts={"other": "Nội dung"}, facts={}, submitted_at=timezone.now(), on_time=True
    )
    version.attachments.add(attachment)
    note = Notification.objects.create(user=users["officer2"], title="Kỳ báo cáo mới", url=period.get_absolute_url())
    export = ReportExport(period=period, fmt="xlsx", status=ExportStatus.DONE, requested_by=users["coordinator"])
    export.file.save("tong-hop.xlsx", ContentFile(b"PK\x03\x04"), save=False)
    export.save()
    return {
        "period": period,
        "unitreport": report,
        "attachment": attachment,
        "version": version,
        "notification": note,
        "export": export,
    }
