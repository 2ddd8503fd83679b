"""Reporting: 0001 and 0002 in one.

Squashed by hand (Django's optimizer cannot fold this history: every AddIndex is a barrier to it): the operations
are those `makemigrations` writes for the models as they stand (0002's linking of existing periods to their
programme has nothing to link in a new database). It is used where none of the migrations it replaces has run (a new
database) and marks them all as applied; a database part-way through them finishes them one by one. Its purpose is
speed: Django re-renders the migration state's models after each operation of each small migration, most of a new
database's `migrate` (README, Performance).
"""

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import doingoai.reporting.models


class Migration(migrations.Migration):
    replaces = [("reporting", "0001_initial"), ("reporting", "0002_period_plan")]

    initial = True

    dependencies = [
        ("core", "0001_squashed_0008_list_order"),
        ("programs", "0001_squashed_0005_historicalplan_budget_appraisal_and_more"),
    ]

    operations = [
        migrations.CreateModel(
            name="ReportingSchedule",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("name", models.CharField(max_length=255, unique=True, verbose_name="Tên lịch báo cáo")),
                (
                    "source",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: Chương trình số 818/CTr-UBND ngày 30/12/2021",
                        max_length=500,
                        verbose_name="Căn cứ",
                    ),
                ),
                ("entries", models.JSONField(blank=True, default=list, verbose_name="Các kỳ báo cáo")),
                ("is_default", models.BooleanField(default=False, verbose_name="Dùng mặc định khi mở kỳ báo cáo")),
            ],
            options={
                "verbose_name": "Lịch báo cáo",
                "verbose_name_plural": "Lịch báo cáo",
                "ordering": ["-is_default", "name"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalReportingPeriod",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("monthly", "Hằng tháng"),
                            ("quarterly", "Hằng quý"),
                            ("semiannual", "6 tháng"),
                            ("annual", "Hằng năm"),
                            ("adhoc", "Đột xuất"),
                        ],
                        max_length=16,
                        verbose_name="Loại kỳ báo cáo",
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(db_index=True, verbose_name="Năm")),
                (
                    "label",
                    models.CharField(
                        help_text="Ví dụ: 6 tháng đầu năm 2026", max_length=255, verbose_name="Tên kỳ báo cáo"
                    ),
                ),
                ("start", models.DateField(verbose_name="Từ ngày")),
                ("end", models.DateField(verbose_name="Đến ngày")),
                ("due_date", models.DateField(help_text="Nộp trong ngày này vẫn là đúng hạn", verbose_name="Hạn nộp")),
                ("basis", models.CharField(blank=True, max_length=500, verbose_name="Căn cứ hạn nộp")),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                (
                    "status",
                    models.CharField(
                        choices=[("open", "Đang mở"), ("closed", "Đã đóng")],
                        db_index=True,
                        default="open",
                        max_length=8,
                        verbose_name="Trạng thái",
                    ),
                ),
                ("opened_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="Ngày mở kỳ")),
                ("closed_at", models.DateTimeField(blank=True, null=True, verbose_name="Ngày đóng kỳ")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "opened_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người mở kỳ",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Báo cáo gửi cơ quan theo dõi của kế hoạch này",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programs.plan",
                        verbose_name="Kế hoạch",
                    ),
                ),
                (
                    "schedule",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="reporting.reportingschedule",
                        verbose_name="Lịch báo cáo",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical Kỳ báo cáo",
                "verbose_name_plural": "historical Kỳ báo cáo",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalReportingSchedule",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("name", models.CharField(db_index=True, max_length=255, verbose_name="Tên lịch báo cáo")),
                (
                    "source",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: Chương trình số 818/CTr-UBND ngày 30/12/2021",
                        max_length=500,
                        verbose_name="Căn cứ",
                    ),
                ),
                ("entries", models.JSONField(blank=True, default=list, verbose_name="Các kỳ báo cáo")),
                ("is_default", models.BooleanField(default=False, verbose_name="Dùng mặc định khi mở kỳ báo cáo")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical Lịch báo cáo",
                "verbose_name_plural": "historical Lịch báo cáo",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="ReminderSent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("deadline_key", models.CharField(max_length=128, verbose_name="Hạn")),
                (
                    "stage",
                    models.CharField(
                        choices=[("upcoming", "Sắp đến hạn"), ("overdue", "Quá hạn")],
                        max_length=16,
                        verbose_name="Giai đoạn",
                    ),
                ),
                ("due", models.DateField(verbose_name="Ngày đến hạn")),
                ("sent_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="Gửi lúc")),
                ("recipients", models.PositiveIntegerField(default=0, verbose_name="Số người nhận")),
                ("emails", models.PositiveIntegerField(default=0, verbose_name="Số thư điện tử")),
            ],
            options={
                "verbose_name": "Nhắc hạn đã gửi",
                "verbose_name_plural": "Nhắc hạn đã gửi",
                "ordering": ["-sent_at"],
                "constraints": [
                    models.UniqueConstraint(fields=("deadline_key", "stage", "due"), name="remindersent_once_per_stage")
                ],
            },
        ),
        migrations.CreateModel(
            name="ReportingPeriod",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("monthly", "Hằng tháng"),
                            ("quarterly", "Hằng quý"),
                            ("semiannual", "6 tháng"),
                            ("annual", "Hằng năm"),
                            ("adhoc", "Đột xuất"),
                        ],
                        max_length=16,
                        verbose_name="Loại kỳ báo cáo",
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(db_index=True, verbose_name="Năm")),
                (
                    "label",
                    models.CharField(
                        help_text="Ví dụ: 6 tháng đầu năm 2026", max_length=255, verbose_name="Tên kỳ báo cáo"
                    ),
                ),
                ("start", models.DateField(verbose_name="Từ ngày")),
                ("end", models.DateField(verbose_name="Đến ngày")),
                ("due_date", models.DateField(help_text="Nộp trong ngày này vẫn là đúng hạn", verbose_name="Hạn nộp")),
                ("basis", models.CharField(blank=True, max_length=500, verbose_name="Căn cứ hạn nộp")),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                (
                    "status",
                    models.CharField(
                        choices=[("open", "Đang mở"), ("closed", "Đã đóng")],
                        db_index=True,
                        default="open",
                        max_length=8,
                        verbose_name="Trạng thái",
                    ),
                ),
                ("opened_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="Ngày mở kỳ")),
                ("closed_at", models.DateTimeField(blank=True, null=True, verbose_name="Ngày đóng kỳ")),
                (
                    "opened_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người mở kỳ",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        help_text="Báo cáo gửi cơ quan theo dõi của kế hoạch này",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="reporting_periods",
                        to="programs.plan",
                        verbose_name="Kế hoạch",
                    ),
                ),
                (
                    "units",
                    models.ManyToManyField(
                        related_name="reporting_periods", to="core.unit", verbose_name="Đơn vị phải báo cáo"
                    ),
                ),
                (
                    "schedule",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        to="reporting.reportingschedule",
                        verbose_name="Lịch báo cáo",
                    ),
                ),
            ],
            options={
                "verbose_name": "Kỳ báo cáo",
                "verbose_name_plural": "Kỳ báo cáo",
                "ordering": ["-due_date", "-id"],
            },
        ),
        migrations.CreateModel(
            name="ReportExport",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "fmt",
                    models.CharField(
                        choices=[("docx", "Word (.docx)"), ("xlsx", "Excel (.xlsx)")],
                        max_length=8,
                        verbose_name="Định dạng",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("queued", "Đang chờ"),
                            ("running", "Đang tạo tệp"),
                            ("done", "Đã xong"),
                            ("failed", "Lỗi"),
                        ],
                        default="queued",
                        max_length=16,
                        verbose_name="Trạng thái",
                    ),
                ),
                ("requested_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="Yêu cầu lúc")),
                ("finished_at", models.DateTimeField(blank=True, null=True, verbose_name="Xong lúc")),
                (
                    "file",
                    models.FileField(blank=True, max_length=500, upload_to="exports/reports/", verbose_name="Tệp"),
                ),
                ("error", models.TextField(blank=True, verbose_name="Lỗi")),
                (
                    "requested_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người yêu cầu",
                    ),
                ),
                (
                    "period",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="exports",
                        to="reporting.reportingperiod",
                        verbose_name="Kỳ báo cáo",
                    ),
                ),
            ],
            options={
                "verbose_name": "Tệp báo cáo tổng hợp",
                "verbose_name_plural": "Tệp báo cáo tổng hợp",
                "ordering": ["-requested_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalUnitReport",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Chưa nộp"),
                            ("submitted", "Đã nộp"),
                            ("returned", "Trả lại"),
                            ("accepted", "Đã chấp nhận"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=16,
                        verbose_name="Trạng thái xử lý",
                    ),
                ),
                ("texts", models.JSONField(blank=True, default=dict, verbose_name="Nội dung theo mục")),
                (
                    "facts",
                    models.JSONField(
                        blank=True, default=dict, editable=False, verbose_name="Số liệu từ các sổ theo dõi"
                    ),
                ),
                ("first_submitted_at", models.DateTimeField(blank=True, null=True, verbose_name="Nộp lần đầu")),
                ("submitted_at", models.DateTimeField(blank=True, null=True, verbose_name="Nộp lần gần nhất")),
                ("review_comment", models.TextField(blank=True, verbose_name="Ý kiến của cơ quan điều phối")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="Ngày xem xét")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người xem xét",
                    ),
                ),
                (
                    "submitted_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người nộp",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.unit",
                        verbose_name="Đơn vị",
                    ),
                ),
                (
                    "period",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="reporting.reportingperiod",
                        verbose_name="Kỳ báo cáo",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical Báo cáo của đơn vị",
                "verbose_name_plural": "historical Báo cáo của đơn vị",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalReportingPeriod_units",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="reporting.historicalreportingperiod",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.unit",
                    ),
                ),
                (
                    "reportingperiod",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="reporting.reportingperiod",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalReportingPeriod_units",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="UnitReport",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Chưa nộp"),
                            ("submitted", "Đã nộp"),
                            ("returned", "Trả lại"),
                            ("accepted", "Đã chấp nhận"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=16,
                        verbose_name="Trạng thái xử lý",
                    ),
                ),
                ("texts", models.JSONField(blank=True, default=dict, verbose_name="Nội dung theo mục")),
                (
                    "facts",
                    models.JSONField(
                        blank=True, default=dict, editable=False, verbose_name="Số liệu từ các sổ theo dõi"
                    ),
                ),
                ("first_submitted_at", models.DateTimeField(blank=True, null=True, verbose_name="Nộp lần đầu")),
                ("submitted_at", models.DateTimeField(blank=True, null=True, verbose_name="Nộp lần gần nhất")),
                ("review_comment", models.TextField(blank=True, verbose_name="Ý kiến của cơ quan điều phối")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="Ngày xem xét")),
                (
                    "period",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reports",
                        to="reporting.reportingperiod",
                        verbose_name="Kỳ báo cáo",
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người xem xét",
                    ),
                ),
                (
                    "submitted_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người nộp",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="reports",
                        to="core.unit",
                        verbose_name="Đơn vị",
                    ),
                ),
            ],
            options={
                "verbose_name": "Báo cáo của đơn vị",
                "verbose_name_plural": "Báo cáo của đơn vị",
                "ordering": ["period", "unit__name"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalUnitReportAttachment",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("file", models.TextField(max_length=500, verbose_name="Tệp")),
                ("name", models.CharField(max_length=255, verbose_name="Tên tệp")),
                ("size", models.PositiveBigIntegerField(verbose_name="Dung lượng (byte)")),
                ("content_type", models.CharField(blank=True, max_length=128, verbose_name="Kiểu tệp")),
                ("removed_at", models.DateTimeField(blank=True, null=True, verbose_name="Gỡ khỏi báo cáo lúc")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người tải lên",
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="reporting.unitreport",
                        verbose_name="Báo cáo",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical Tệp đính kèm báo cáo",
                "verbose_name_plural": "historical Tệp đính kèm báo cáo",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="UnitReportAttachment",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "file",
                    models.FileField(
                        max_length=500, upload_to=doingoai.reporting.models.attachment_path, verbose_name="Tệp"
                    ),
                ),
                ("name", models.CharField(max_length=255, verbose_name="Tên tệp")),
                ("size", models.PositiveBigIntegerField(verbose_name="Dung lượng (byte)")),
                ("content_type", models.CharField(blank=True, max_length=128, verbose_name="Kiểu tệp")),
                ("removed_at", models.DateTimeField(blank=True, null=True, verbose_name="Gỡ khỏi báo cáo lúc")),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="attachments",
                        to="reporting.unitreport",
                        verbose_name="Báo cáo",
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người tải lên",
                    ),
                ),
            ],
            options={
                "verbose_name": "Tệp đính kèm báo cáo",
                "verbose_name_plural": "Tệp đính kèm báo cáo",
                "ordering": ["created_at", "id"],
            },
        ),
        migrations.CreateModel(
            name="UnitReportVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveSmallIntegerField(verbose_name="Lần nộp")),
                ("texts", models.JSONField(default=dict, verbose_name="Nội dung theo mục")),
                ("facts", models.JSONField(default=dict, verbose_name="Số liệu từ các sổ theo dõi")),
                ("submitted_at", models.DateTimeField(verbose_name="Thời điểm nộp")),
                ("on_time", models.BooleanField(verbose_name="Đúng hạn")),
                (
                    "outcome",
                    models.CharField(
                        choices=[("pending", "Chờ xem xét"), ("returned", "Trả lại"), ("accepted", "Đã chấp nhận")],
                        default="pending",
                        max_length=16,
                        verbose_name="Kết quả xem xét",
                    ),
                ),
                ("comment", models.TextField(blank=True, verbose_name="Ý kiến")),
                ("reviewed_at", models.DateTimeField(blank=True, null=True, verbose_name="Ngày xem xét")),
                (
                    "attachments",
                    models.ManyToManyField(
                        blank=True, to="reporting.unitreportattachment", verbose_name="Tệp đính kèm"
                    ),
                ),
                (
                    "report",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="versions",
                        to="reporting.unitreport",
                        verbose_name="Báo cáo",
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người xem xét",
                    ),
                ),
                (
                    "submitted_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người nộp",
                    ),
                ),
            ],
            options={
                "verbose_name": "Lần nộp báo cáo",
                "verbose_name_plural": "Các lần nộp báo cáo",
                "ordering": ["report", "number"],
            },
        ),
        migrations.CreateModel(
            name="Notification",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("title", models.CharField(max_length=255, verbose_name="Tiêu đề")),
                ("body", models.TextField(blank=True, verbose_name="Nội dung")),
                ("url", models.CharField(blank=True, max_length=500, verbose_name="Liên kết")),
                ("kind", models.CharField(blank=True, max_length=32, verbose_name="Loại")),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="Thời điểm")),
                ("read_at", models.DateTimeField(blank=True, null=True, verbose_name="Đã đọc lúc")),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="notifications",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người nhận",
                    ),
                ),
            ],
            options={
                "verbose_name": "Thông báo",
                "verbose_name_plural": "Thông báo",
                "ordering": ["-created_at", "-id"],
                "indexes": [models.Index(fields=["user", "read_at"], name="reporting_n_user_id_e02e51_idx")],
            },
        ),
        migrations.AddConstraint(
            model_name="reportingperiod",
            constraint=models.UniqueConstraint(
                condition=models.Q(("kind", "adhoc"), _negated=True),
                fields=("plan", "kind", "start", "end"),
                name="period_once_per_plan",
            ),
        ),
        migrations.AddConstraint(
            model_name="unitreport",
            constraint=models.UniqueConstraint(fields=("period", "unit"), name="unitreport_one_per_unit_and_period"),
        ),
        migrations.AddConstraint(
            model_name="unitreportversion",
            constraint=models.UniqueConstraint(fields=("report", "number"), name="unitreportversion_unique_number"),
        ),
    ]
