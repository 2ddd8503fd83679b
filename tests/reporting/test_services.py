"""Reporting services: opening periods, the unit report workflow with its versions, files, rights."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from doingoai.core.models import BusinessEvent
from doingoai.core.workflow import ConflictError, StepPermissionDenied, WorkflowError
from doingoai.reporting import services
from doingoai.reporting.models import (
    Notification,
    PeriodStatus,
    ReportState,
    ReportStatus,
    UnitReport,
    VersionOutcome,
)
from doingoai.reporting.schedule import default_entries, suggest_period
from tests.factories import UserFactory
from tests.reporting.conftest import H1_DUE

pytestmark = pytest.mark.django_db
TEXTS = {"other": "Đơn vị tiếp 02 đoàn doanh nghiệp Lào.", "assessment": "Cơ bản hoàn thành kế hoạch."}


def events(obj) -> list[str]:
    return list(
        BusinessEvent.objects.filter(content_type__model=obj._meta.model_name, object_id=obj.pk)
        .order_by("id")
        .values_list("verb", flat=True)
    )


def report_of(period, user) -> UnitReport:
    return period.reports.get(unit=user.unit)


# ------------------------------------------------------------------------------------------------- opening


def test_coordinator_opens_a_period_with_the_suggested_due_date(users, unit_c):
    s = suggest_period(kind="semiannual", year=2027, entries=default_entries(), today=dt.date(2027, 5, 1))
    units = [users["officer1"].unit, users["officer2"].unit, unit_c]
    period = services.period_open(
        by=users["coordinator"],
        kind=s.kind,
        year=s.year,
        label=s.label,
        start=s.start,
        end=s.end,
        due_date=s.due_date,
        units=units,
        basis=s.basis,
    )
    assert (period.label, period.start, period.end, period.due_date) == (
        "6 tháng đầu năm 2027",
        dt.date(2027, 1, 1),
        dt.date(2027, 6, 14),
        dt.date(2027, 6, 15),
    )
    assert period.status == PeriodStatus.OPEN and period.opened_by == users["coordinator"]
    assert set(period.units.all()) == set(units)
    assert {r.unit for r in period.reports.all()} == set(units)
    assert all(r.status == ReportStatus.DRAFT for r in period.reports.all())
    assert events(period) == ["opened"]
    assert period.history.first().history_user == users["coordinator"]
    # the officers of the chosen units find the new period in their inbox; the coordinator does not
    assert Notification.objects.filter(user=users["officer1"], kind="period_opened").count() == 1
    assert Notification.objects.filter(user=users["officer2"], kind="period_opened").count() == 1
    assert not Notification.objects.filter(user=users["coordinator"]).exists()


@pytest.mark.parametrize("role", ["leader", "finance", "officer1"])
def test_only_the_coordinator_opens_periods(users, role):
    with pytest.raises(StepPermissionDenied, match="cơ quan điều phối"):
        services.period_open(
            by=users[role],
            kind="annual",
            year=2027,
            label="Năm 2027",
            start=dt.date(2027, 1, 1),
            end=dt.date(2027, 12, 14),
            due_date=dt.date(2027, 12, 15),
            units=[users["officer1"].unit],
        )


def test_opening_checks_dates_and_units(users):
    kwargs = {"by": users["coordinator"], "kind": "annual", "year": 2027, "label": "Năm 2027"}
    with pytest.raises(WorkflowError, match="Ngày kết thúc"):
        services.period_open(
            **kwargs, start=dt.date(2027, 5, 1), end=dt.date(2027, 4, 1), due_date=dt.date(2027, 6, 1), units=[]
        )
    with pytest.raises(WorkflowError, match="Hạn nộp"):
        services.period_open(
            **kwargs,
            start=dt.date(2027, 5, 1),
            end=dt.date(2027, 6, 1),
            due_date=dt.date(2027, 4, 1),
            units=[users["officer1"].unit],
        )
    with pytest.raises(WorkflowError, match="ít nhất một đơn vị"):
        services.period_open(
            **kwargs, start=dt.date(2027, 1, 1), end=dt.date(2027, 6, 1), due_date=dt.date(2027, 6, 2), units=[]
        )


def test_extending_the_due_date_and_adding_a_unit(users, period, unit_c):
    extra = UserFactory(username="officer3").unit
    updated = services.period_update(
        period=period,
        by=users["coordinator"],
        label=period.label,
        start=period.start,
        end=period.end,
        due_date=dt.date(2027, 6, 22),
        units=[users["officer1"].unit, users["officer2"].unit, unit_c, extra],
    )
    assert updated.due_date == dt.date(2027, 6, 22)
    assert updated.reports.filter(unit=extra).exists()
    assert BusinessEvent.objects.filter(verb="updated", summary__contains="15/06/2027 → 22/06/2027").exists()


def test_a_unit_that_reported_cannot_be_taken_off_the_period(users, period, unit_c, clock):
    clock.set(dt.datetime(2027, 6, 10, 9))
    services.unit_report_submit(report=report_of(period, users["officer1"]), by=users["officer1"], texts=TEXTS)
    with pytest.raises(WorkflowError, match="Sở Du lịch"):
        services.period_update(
            period=period,
            by=users["coordinator"],
            label=period.label,
            start=period.start,
            end=period.end,
            due_date=period.due_date,
            units=[users["officer2"].unit],
        )
    # an unsent report leaves with its unit
    services.period_update(
        period=period,
        by=users["coordinator"],
        label=period.label,
        start=period.start,
        end=period.end,
        due_date=period.due_date,
        units=[users["officer1"].unit, unit_c],
    )
    assert not period.reports.filter(unit=users["officer2"].unit).exists()


def test_closing_stops_submissions_and_reopening_allows_them(users, period):
    services.period_close(period=period, by=users["coordinator"])
    report = report_of(period, users["officer1"])
    with pytest.raises(WorkflowError, match="đã đóng"):
        services.unit_report_submit(report=report, by=users["officer1"], texts=TEXTS)
    with pytest.raises(WorkflowError, match="đã đóng"):
        services.period_close(period=period, by=users["coordinator"])
    services.period_reopen(period=period, by=users["coordinator"])
    assert (
        services.unit_report_submit(report=report, by=users["officer1"], texts=TEXTS).status == ReportStatus.SUBMITTED
    )
    assert events(period) == ["opened", "closed", "reopened"]


# ------------------------------------------------------------------------------------------------ workflow


def test_submit_return_resubmit_accept_keeps_every_version(users, period, clock):
    officer, coordinator = users["officer1"], users["coordinator"]
    report = report_of(period, officer)

    clock.set(dt.datetime(2027, 6, 10, 9))
    report = services.unit_report_save(report=report, by=officer, texts={"other": "Bản nháp"})
    assert report.status == ReportStatus.DRAFT and report.text("other") == "Bản nháp"
    assert report.state(dt.date(2027, 6, 10)) == ReportState.DUE

    report = services.unit_report_submit(report=report, by=officer, texts=TEXTS)
    assert report.status == ReportStatus.SUBMITTED and report.state() == ReportState.ON_TIME
    assert report.versions.count() == 1

    report = services.unit_report_return(report=report, by=coordinator, comment="Bổ sung kết quả đoàn D1")
    assert report.status == ReportStatus.RETURNED and report.review_comment == "Bổ sung kết quả đoàn D1"
    first = report.versions.get(number=1)
    assert first.outcome == VersionOutcome.RETURNED and first.comment == "Bổ sung kết quả đoàn D1"
    assert Notification.objects.filter(user=officer, kind="report_returned").exists()

    clock.set(dt.datetime(2027, 6, 18, 14))  # after the due date: the first submission keeps it on time
    second_texts = TEXTS | {"outbound": "Đoàn D1 đã ký biên bản ghi nhớ với tỉnh Hủa Phăn."}
    report = services.unit_report_submit(report=report, by=officer, texts=second_texts)
    assert report.status == ReportStatus.SUBMITTED and report.state() == ReportState.ON_TIME
    assert report.versions.count() == 2
    second = report.versions.get(number=2)
    assert second.texts["outbound"].startswith("Đoàn D1") and not second.on_time
    first.refresh_from_db()
    assert first.texts["outbound"] == "" and first.texts["other"] == TEXTS["other"]  # the first one is untouched

    report = services.unit_report_accept(report=report, by=coordinator)
    assert report.status == ReportStatus.ACCEPTED and report.state() == ReportState.ACCEPTED
    second.refresh_from_db()
    assert second.outcome == VersionOutcome.ACCEPTED and second.reviewed_by == coordinator
    assert events(report) == ["submit", "return", "submit", "accept"]
    actors = [h.history_user for h in report.history.order_by("history_date", "history_id")]
    assert actors[-4:] == [officer, coordinator, officer, coordinator]


def test_submission_on_the_due_date_is_on_time_the_day_after_is_late(users, period, clock):
    on_time, late = report_of(period, users["officer1"]), report_of(period, users["officer2"])
    clock.set(dt.datetime(2027, 6, 15, 23, 30))
    on_time = services.unit_report_submit(report=on_time, by=users["officer1"], texts=TEXTS)
    clock.set(dt.datetime(2027, 6, 16, 0, 30))
    late = services.unit_report_submit(report=late, by=users["officer2"], texts=TEXTS)
    assert on_time.submitted_on_time() is True and on_time.state() == ReportState.ON_TIME
    assert late.submitted_on_time() is False and late.state() == ReportState.LATE
    assert late.versions.get().on_time is False


def test_report_states_at_the_boundary_days(users, period):
    report = report_of(period, users["officer1"])
    assert report.state(dt.date(2026, 12, 31)) == ReportState.NOT_DUE  # before the period starts
    assert report.state(dt.date(2027, 1, 1)) == ReportState.DUE
    assert report.state(H1_DUE) == ReportState.DUE and not report.is_missing(H1_DUE)
    assert report.state(H1_DUE + dt.timedelta(days=1)) == ReportState.LATE
    assert report.is_missing(H1_DUE + dt.timedelta(days=1))
    assert report.display_key(H1_DUE + dt.timedelta(days=1)) == "missing"


@pytest.mark.parametrize("role", ["officer2", "coordinator", "leader", "admin"])
def test_only_the_units_officer_submits(users, period, role):
    report = report_of(period, users["officer1"])
    with pytest.raises(StepPermissionDenied):
        services.unit_report_submit(report=report, by=users[role], texts=TEXTS)
    with pytest.raises(StepPermissionDenied):
        services.unit_report_save(report=report, by=users[role], texts=TEXTS)
    assert report_of(period, users["officer1"]).status == ReportStatus.DRAFT


@pytest.mark.parametrize("role", ["officer1", "leader", "finance"])
def test_only_the_coordinator_reviews(users, period, role):
    report = services.unit_report_submit(report=report_of(period, users["officer1"]), by=users["officer1"], texts=TEXTS)
    with pytest.raises(StepPermissionDenied):
        services.unit_report_accept(report=report, by=users[role])
    with pytest.raises(StepPermissionDenied):
        services.unit_report_return(report=report, by=users[role], comment="Sửa")


def test_review_needs_a_submitted_report_and_return_needs_a_comment(users, period):
    report = report_of(period, users["officer1"])
    with pytest.raises(WorkflowError, match="Chưa nộp"):
        services.unit_report_accept(report=report, by=users["coordinator"])
    report = services.unit_report_submit(report=report, by=users["officer1"], texts=TEXTS)
    with pytest.raises(WorkflowError, match="ý kiến"):
        services.unit_report_return(report=report, by=users["coordinator"], comment="  ")
    with pytest.raises(WorkflowError, match="Đã nộp"):
        services.unit_report_save(report=report, by=users["officer1"], texts=TEXTS)


def test_an_empty_report_is_refused_and_a_stale_submit_conflicts(users, period):
    report = report_of(period, users["officer1"])
    with pytest.raises(WorkflowError, match="chưa có nội dung"):
        services.unit_report_submit(report=report, by=users["officer1"], texts={})
    stale = report.version
    services.unit_report_save(report=report, by=users["officer1"], texts=TEXTS)
    with pytest.raises(ConflictError):
        services.unit_report_submit(report=report, by=users["officer1"], texts=TEXTS, expected_version=stale)


def test_submitting_without_texts_sends_the_prefilled_report(users, period, registry):
    report = services.unit_report_submit(report=report_of(period, users["officer1"]), by=users["officer1"])
    assert "D1 khảo sát Lào" in report.texts["outbound"]
    assert report.facts["outbound"]["planned"] == 5
    assert report.versions.get().facts == report.facts


# --------------------------------------------------------------------------------------------------- files


def pdf(name: str = "phu-luc.pdf", size: int = 0) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n" + b"0" * size, content_type="application/pdf")


def test_attachments_are_checked_and_a_detached_file_stays_in_its_version(users, period, settings):
    officer = users["officer1"]
    report = report_of(period, officer)
    attachment = services.unit_report_attach(report=report, by=officer, upload=pdf())
    assert attachment.size == 9 and attachment.content_type == "application/pdf"
    assert attachment.file.name.startswith(f"reports/{period.pk}/{officer.unit_id}/")

    with pytest.raises(WorkflowError, match="chỉ nhận"):
        services.unit_report_attach(report=report, by=officer, upload=SimpleUploadedFile("x.exe", b"MZ\x90\x00"))
    with pytest.raises(WorkflowError, match="không đúng định dạng pdf"):
        services.unit_report_attach(report=report, by=officer, upload=SimpleUploadedFile("x.pdf", b"<html>"))
    with pytest.raises(WorkflowError, match="không phải là văn bản Word"):
        services.unit_report_attach(report=report, by=officer, upload=SimpleUploadedFile("x.docx", b"PK\x03\x04junk"))
    settings.DOINGOAI_REPORT_ATTACHMENT_MAX_MB = 1
    with pytest.raises(WorkflowError, match="vượt giới hạn 1 MB"):
        services.unit_report_attach(report=report, by=officer, upload=pdf("lon.pdf", 1024 * 1024))
    with pytest.raises(StepPermissionDenied):
        services.unit_report_attach(report=report, by=users["officer2"], upload=pdf())

    report = services.unit_report_submit(report=report, by=officer, texts=TEXTS)
    services.unit_report_return(report=report, by=users["coordinator"], comment="Thay phụ lục")
    services.unit_report_detach(report=report, attachment=attachment, by=officer)
    services.unit_report_attach(report=report, by=officer, upload=pdf("phu-luc-moi.pdf"))
    report = services.unit_report_submit(report=report, by=officer, texts=TEXTS)
    first, second = report.versions.order_by("number")
    assert [a.name for a in first.attachments.all()] == ["phu-luc.pdf"]
    assert [a.name for a in second.attachments.all()] == ["phu-luc-moi.pdf"]
    assert attachment.file.storage.exists(attachment.file.name)  # still on disk for version 1
    assert events(report)[:2] == ["attach", "submit"]
