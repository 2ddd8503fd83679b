"""Events: every migration up to 0003 in one.

Squashed by hand (Django's optimizer cannot fold this history: every AddIndex is a barrier to it): the operations
are those `makemigrations` writes for the models as they stand. It is used where none of the migrations it replaces
has run (a new database) and marks them all as applied; a database part-way through them finishes them one by one.
Its purpose is speed: Django re-renders the migration state's models after each operation of each small migration,
most of a new database's `migrate` (README, Performance).
"""

from decimal import Decimal

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("events", "0001_initial"),
        ("events", "0002_event_actual_vnd_event_appraised_on_and_more"),
        ("events", "0003_event_authority_event_budget_note_and_more"),
    ]

    initial = True

    dependencies = [
        ("core", "0001_squashed_0008_list_order"),
        ("finance", "0001_squashed_0002_budget_totals_covering"),
    ]

    operations = [
        migrations.CreateModel(
            name="Event",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("year", models.PositiveSmallIntegerField(db_index=True, verbose_name="Năm kế hoạch")),
                (
                    "time_text",
                    models.CharField(
                        blank=True,
                        help_text="Ghi như trong kế hoạch, ví dụ: Tháng 6; Quý II/Quý III; Tháng 11-12",
                        max_length=128,
                        verbose_name="Thời gian dự kiến",
                    ),
                ),
                (
                    "month_mask",
                    models.PositiveSmallIntegerField(
                        db_index=True, default=0, editable=False, verbose_name="Các tháng (chuẩn hóa)"
                    ),
                ),
                (
                    "budget_status",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "Chưa lập dự toán"),
                            ("pending", "Chờ thẩm định kinh phí"),
                            ("returned", "Trả lại để sửa dự toán"),
                            ("appraised", "Đã thẩm định kinh phí"),
                            ("settled", "Đã quyết toán"),
                        ],
                        default="",
                        max_length=16,
                        verbose_name="Tình trạng kinh phí",
                    ),
                ),
                (
                    "estimate_vnd",
                    models.DecimalField(
                        decimal_places=0, default=Decimal("0"), max_digits=18, verbose_name="Dự toán (đồng)"
                    ),
                ),
                (
                    "appraised_vnd",
                    models.DecimalField(
                        blank=True, decimal_places=0, max_digits=18, null=True, verbose_name="Kinh phí thẩm định (đồng)"
                    ),
                ),
                (
                    "actual_vnd",
                    models.DecimalField(
                        blank=True, decimal_places=0, max_digits=18, null=True, verbose_name="Kinh phí thực chi (đồng)"
                    ),
                ),
                ("budget_note", models.TextField(blank=True, verbose_name="Ý kiến thẩm định kinh phí")),
                ("appraised_on", models.DateField(blank=True, null=True, verbose_name="Ngày thẩm định kinh phí")),
                ("settled_on", models.DateField(blank=True, null=True, verbose_name="Ngày quyết toán")),
                ("decided_by", models.CharField(blank=True, max_length=255, verbose_name="Người quyết định")),
                ("title", models.CharField(max_length=500, verbose_name="Tên sự kiện, hoạt động")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("cultural", "Ngoại giao văn hóa"),
                            ("friendship", "Giao lưu hữu nghị"),
                            ("promotion", "Quảng bá, xúc tiến"),
                            ("commemoration", "Kỷ niệm, lễ kỷ niệm"),
                            ("sports", "Giao lưu thể thao"),
                            ("youth", "Giao lưu thanh niên"),
                            ("other", "Khác"),
                        ],
                        default="cultural",
                        max_length=16,
                        verbose_name="Loại hoạt động",
                    ),
                ),
                ("start_date", models.DateField(blank=True, null=True, verbose_name="Từ ngày")),
                ("end_date", models.DateField(blank=True, null=True, verbose_name="Đến ngày")),
                ("place", models.CharField(blank=True, max_length=255, verbose_name="Địa điểm")),
                ("partner_text", models.CharField(blank=True, max_length=500, verbose_name="Đối tác (ghi cụ thể)")),
                ("participants", models.TextField(blank=True, verbose_name="Thành phần tham gia")),
                (
                    "participants_count",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="Số người tham gia"),
                ),
                ("uses_state_budget", models.BooleanField(default=True, verbose_name="Sử dụng ngân sách nhà nước")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("proposed", "Đề xuất"),
                            ("planned", "Trong kế hoạch"),
                            ("held", "Đã tổ chức"),
                            ("reported", "Đã báo cáo"),
                            ("cancelled", "Hủy"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=16,
                        verbose_name="Trạng thái",
                    ),
                ),
                ("report", models.TextField(blank=True, verbose_name="Báo cáo kết quả")),
                ("reported_on", models.DateField(blank=True, null=True, verbose_name="Ngày báo cáo")),
                ("status_note", models.TextField(blank=True, verbose_name="Ghi chú trạng thái")),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                (
                    "authority",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="finance.authority",
                        verbose_name="Cấp có thẩm quyền quyết định",
                    ),
                ),
                (
                    "countries",
                    models.ManyToManyField(blank=True, related_name="events", to="core.country", verbose_name="Nước"),
                ),
                (
                    "organising_unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="events",
                        to="core.unit",
                        verbose_name="Đơn vị tổ chức",
                    ),
                ),
                (
                    "partners",
                    models.ManyToManyField(
                        blank=True, related_name="events", to="core.partner", verbose_name="Đối tác"
                    ),
                ),
            ],
            options={
                "verbose_name": "Sự kiện, giao lưu đối ngoại",
                "verbose_name_plural": "Sự kiện, giao lưu đối ngoại",
                "ordering": ["-year", "start_date", "id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalEvent",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("year", models.PositiveSmallIntegerField(db_index=True, verbose_name="Năm kế hoạch")),
                (
                    "time_text",
                    models.CharField(
                        blank=True,
                        help_text="Ghi như trong kế hoạch, ví dụ: Tháng 6; Quý II/Quý III; Tháng 11-12",
                        max_length=128,
                        verbose_name="Thời gian dự kiến",
                    ),
                ),
                (
                    "month_mask",
                    models.PositiveSmallIntegerField(
                        db_index=True, default=0, editable=False, verbose_name="Các tháng (chuẩn hóa)"
                    ),
                ),
                (
                    "budget_status",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "Chưa lập dự toán"),
                            ("pending", "Chờ thẩm định kinh phí"),
                            ("returned", "Trả lại để sửa dự toán"),
                            ("appraised", "Đã thẩm định kinh phí"),
                            ("settled", "Đã quyết toán"),
                        ],
                        default="",
                        max_length=16,
                        verbose_name="Tình trạng kinh phí",
                    ),
                ),
                (
                    "estimate_vnd",
                    models.DecimalField(
                        decimal_places=0, default=Decimal("0"), max_digits=18, verbose_name="Dự toán (đồng)"
                    ),
                ),
                (
                    "appraised_vnd",
                    models.DecimalField(
                        blank=True, decimal_places=0, max_digits=18, null=True, verbose_name="Kinh phí thẩm định (đồng)"
                    ),
                ),
                (
                    "actual_vnd",
                    models.DecimalField(
                        blank=True, decimal_places=0, max_digits=18, null=True, verbose_name="Kinh phí thực chi (đồng)"
                    ),
                ),
                ("budget_note", models.TextField(blank=True, verbose_name="Ý kiến thẩm định kinh phí")),
                ("appraised_on", models.DateField(blank=True, null=True, verbose_name="Ngày thẩm định kinh phí")),
                ("settled_on", models.DateField(blank=True, null=True, verbose_name="Ngày quyết toán")),
                ("decided_by", models.CharField(blank=True, max_length=255, verbose_name="Người quyết định")),
                ("title", models.CharField(max_length=500, verbose_name="Tên sự kiện, hoạt động")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("cultural", "Ngoại giao văn hóa"),
                            ("friendship", "Giao lưu hữu nghị"),
                            ("promotion", "Quảng bá, xúc tiến"),
                            ("commemoration", "Kỷ niệm, lễ kỷ niệm"),
                            ("sports", "Giao lưu thể thao"),
                            ("youth", "Giao lưu thanh niên"),
                            ("other", "Khác"),
                        ],
                        default="cultural",
                        max_length=16,
                        verbose_name="Loại hoạt động",
                    ),
                ),
                ("start_date", models.DateField(blank=True, null=True, verbose_name="Từ ngày")),
                ("end_date", models.DateField(blank=True, null=True, verbose_name="Đến ngày")),
                ("place", models.CharField(blank=True, max_length=255, verbose_name="Địa điểm")),
                ("partner_text", models.CharField(blank=True, max_length=500, verbose_name="Đối tác (ghi cụ thể)")),
                ("participants", models.TextField(blank=True, verbose_name="Thành phần tham gia")),
                (
                    "participants_count",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="Số người tham gia"),
                ),
                ("uses_state_budget", models.BooleanField(default=True, verbose_name="Sử dụng ngân sách nhà nước")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("proposed", "Đề xuất"),
                            ("planned", "Trong kế hoạch"),
                            ("held", "Đã tổ chức"),
                            ("reported", "Đã báo cáo"),
                            ("cancelled", "Hủy"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=16,
                        verbose_name="Trạng thái",
                    ),
                ),
                ("report", models.TextField(blank=True, verbose_name="Báo cáo kết quả")),
                ("reported_on", models.DateField(blank=True, null=True, verbose_name="Ngày báo cáo")),
                ("status_note", models.TextField(blank=True, verbose_name="Ghi chú trạng thái")),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "authority",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="finance.authority",
                        verbose_name="Cấp có thẩm quyền quyết định",
                    ),
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
                    "organising_unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.unit",
                        verbose_name="Đơn vị tổ chức",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical Sự kiện, giao lưu đối ngoại",
                "verbose_name_plural": "historical Sự kiện, giao lưu đối ngoại",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalEvent_countries",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "country",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.country",
                    ),
                ),
                (
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="events.event",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to="events.historicalevent"
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalEvent_countries",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalEvent_partners",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "event",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="events.event",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, to="events.historicalevent"
                    ),
                ),
                (
                    "partner",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.partner",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalEvent_partners",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalInspection",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("year", models.PositiveSmallIntegerField(db_index=True, verbose_name="Năm kế hoạch")),
                (
                    "time_text",
                    models.CharField(
                        blank=True,
                        help_text="Ghi như trong kế hoạch, ví dụ: Tháng 6; Quý II/Quý III; Tháng 11-12",
                        max_length=128,
                        verbose_name="Thời gian dự kiến",
                    ),
                ),
                (
                    "month_mask",
                    models.PositiveSmallIntegerField(
                        db_index=True, default=0, editable=False, verbose_name="Các tháng (chuẩn hóa)"
                    ),
                ),
                ("title", models.CharField(max_length=500, verbose_name="Tên cuộc thanh tra, kiểm tra")),
                (
                    "domain",
                    models.CharField(
                        choices=[
                            ("general", "Quản lý nhà nước về đối ngoại (chung)"),
                            ("delegations", "Đoàn ra, đoàn vào"),
                            ("conferences", "Hội nghị, hội thảo quốc tế"),
                            ("agreements", "Thỏa thuận quốc tế"),
                            ("aid", "Viện trợ, tiếp nhận viện trợ phi chính phủ nước ngoài"),
                            ("border", "Biên giới, cửa khẩu"),
                            ("consular", "Lãnh sự, người nước ngoài, thẻ ABTC"),
                            ("other", "Khác"),
                        ],
                        default="general",
                        max_length=16,
                        verbose_name="Lĩnh vực",
                    ),
                ),
                ("scope", models.TextField(blank=True, verbose_name="Nội dung, phạm vi")),
                (
                    "decision_ref",
                    models.CharField(blank=True, max_length=64, verbose_name="Số quyết định thanh tra, kiểm tra"),
                ),
                ("decision_date", models.DateField(blank=True, null=True, verbose_name="Ngày quyết định")),
                ("actual_start", models.DateField(blank=True, null=True, verbose_name="Ngày bắt đầu thực tế")),
                ("actual_end", models.DateField(blank=True, null=True, verbose_name="Ngày kết thúc thực tế")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("proposed", "Đề xuất"),
                            ("planned", "Đã có quyết định"),
                            ("in_progress", "Đang thanh tra, kiểm tra"),
                            ("concluded", "Đã kết luận"),
                            ("cancelled", "Hủy"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=16,
                        verbose_name="Trạng thái",
                    ),
                ),
                ("findings", models.TextField(blank=True, verbose_name="Kết quả, phát hiện")),
                ("conclusion_ref", models.CharField(blank=True, max_length=64, verbose_name="Số kết luận")),
                ("concluded_on", models.DateField(blank=True, null=True, verbose_name="Ngày kết luận")),
                ("status_note", models.TextField(blank=True, verbose_name="Ghi chú trạng thái")),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
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
                    "inspected_unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.unit",
                        verbose_name="Đơn vị được thanh tra, kiểm tra",
                    ),
                ),
                (
                    "inspecting_unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.unit",
                        verbose_name="Cơ quan thanh tra, kiểm tra",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical Thanh tra, kiểm tra công tác đối ngoại",
                "verbose_name_plural": "historical Thanh tra, kiểm tra công tác đối ngoại",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalTrainingCourse",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("year", models.PositiveSmallIntegerField(db_index=True, verbose_name="Năm kế hoạch")),
                (
                    "time_text",
                    models.CharField(
                        blank=True,
                        help_text="Ghi như trong kế hoạch, ví dụ: Tháng 6; Quý II/Quý III; Tháng 11-12",
                        max_length=128,
                        verbose_name="Thời gian dự kiến",
                    ),
                ),
                (
                    "month_mask",
                    models.PositiveSmallIntegerField(
                        db_index=True, default=0, editable=False, verbose_name="Các tháng (chuẩn hóa)"
                    ),
                ),
                ("title", models.CharField(max_length=500, verbose_name="Tên lớp tập huấn, bồi dưỡng")),
                ("topic", models.TextField(blank=True, verbose_name="Nội dung, chuyên đề")),
                ("audience", models.CharField(blank=True, max_length=500, verbose_name="Đối tượng")),
                ("start_date", models.DateField(blank=True, null=True, verbose_name="Từ ngày")),
                ("end_date", models.DateField(blank=True, null=True, verbose_name="Đến ngày")),
                ("place", models.CharField(blank=True, max_length=255, verbose_name="Địa điểm")),
                ("partner_text", models.CharField(blank=True, max_length=500, verbose_name="Đơn vị phối hợp, tài trợ")),
                (
                    "trainees_planned",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="Số học viên dự kiến"),
                ),
                (
                    "trainees_count",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="Số học viên thực tế"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("proposed", "Đề xuất"),
                            ("planned", "Trong kế hoạch"),
                            ("held", "Đã tổ chức"),
                            ("reported", "Đã báo cáo"),
                            ("cancelled", "Hủy"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=16,
                        verbose_name="Trạng thái",
                    ),
                ),
                ("report", models.TextField(blank=True, verbose_name="Báo cáo kết quả")),
                ("reported_on", models.DateField(blank=True, null=True, verbose_name="Ngày báo cáo")),
                ("status_note", models.TextField(blank=True, verbose_name="Ghi chú trạng thái")),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
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
                    "organising_unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.unit",
                        verbose_name="Đơn vị tổ chức",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical Lớp tập huấn, bồi dưỡng đối ngoại",
                "verbose_name_plural": "historical Tập huấn, bồi dưỡng nghiệp vụ đối ngoại",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Inspection",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("year", models.PositiveSmallIntegerField(db_index=True, verbose_name="Năm kế hoạch")),
                (
                    "time_text",
                    models.CharField(
                        blank=True,
                        help_text="Ghi như trong kế hoạch, ví dụ: Tháng 6; Quý II/Quý III; Tháng 11-12",
                        max_length=128,
                        verbose_name="Thời gian dự kiến",
                    ),
                ),
                (
                    "month_mask",
                    models.PositiveSmallIntegerField(
                        db_index=True, default=0, editable=False, verbose_name="Các tháng (chuẩn hóa)"
                    ),
                ),
                ("title", models.CharField(max_length=500, verbose_name="Tên cuộc thanh tra, kiểm tra")),
                (
                    "domain",
                    models.CharField(
                        choices=[
                            ("general", "Quản lý nhà nước về đối ngoại (chung)"),
                            ("delegations", "Đoàn ra, đoàn vào"),
                            ("conferences", "Hội nghị, hội thảo quốc tế"),
                            ("agreements", "Thỏa thuận quốc tế"),
                            ("aid", "Viện trợ, tiếp nhận viện trợ phi chính phủ nước ngoài"),
                            ("border", "Biên giới, cửa khẩu"),
                            ("consular", "Lãnh sự, người nước ngoài, thẻ ABTC"),
                            ("other", "Khác"),
                        ],
                        default="general",
                        max_length=16,
                        verbose_name="Lĩnh vực",
                    ),
                ),
                ("scope", models.TextField(blank=True, verbose_name="Nội dung, phạm vi")),
                (
                    "decision_ref",
                    models.CharField(blank=True, max_length=64, verbose_name="Số quyết định thanh tra, kiểm tra"),
                ),
                ("decision_date", models.DateField(blank=True, null=True, verbose_name="Ngày quyết định")),
                ("actual_start", models.DateField(blank=True, null=True, verbose_name="Ngày bắt đầu thực tế")),
                ("actual_end", models.DateField(blank=True, null=True, verbose_name="Ngày kết thúc thực tế")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("proposed", "Đề xuất"),
                            ("planned", "Đã có quyết định"),
                            ("in_progress", "Đang thanh tra, kiểm tra"),
                            ("concluded", "Đã kết luận"),
                            ("cancelled", "Hủy"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=16,
                        verbose_name="Trạng thái",
                    ),
                ),
                ("findings", models.TextField(blank=True, verbose_name="Kết quả, phát hiện")),
                ("conclusion_ref", models.CharField(blank=True, max_length=64, verbose_name="Số kết luận")),
                ("concluded_on", models.DateField(blank=True, null=True, verbose_name="Ngày kết luận")),
                ("status_note", models.TextField(blank=True, verbose_name="Ghi chú trạng thái")),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                (
                    "inspected_unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="inspections",
                        to="core.unit",
                        verbose_name="Đơn vị được thanh tra, kiểm tra",
                    ),
                ),
                (
                    "inspecting_unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="inspections_made",
                        to="core.unit",
                        verbose_name="Cơ quan thanh tra, kiểm tra",
                    ),
                ),
            ],
            options={
                "verbose_name": "Thanh tra, kiểm tra công tác đối ngoại",
                "verbose_name_plural": "Thanh tra, kiểm tra công tác đối ngoại",
                "ordering": ["-year", "id"],
            },
        ),
        migrations.CreateModel(
            name="TrainingCourse",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("year", models.PositiveSmallIntegerField(db_index=True, verbose_name="Năm kế hoạch")),
                (
                    "time_text",
                    models.CharField(
                        blank=True,
                        help_text="Ghi như trong kế hoạch, ví dụ: Tháng 6; Quý II/Quý III; Tháng 11-12",
                        max_length=128,
                        verbose_name="Thời gian dự kiến",
                    ),
                ),
                (
                    "month_mask",
                    models.PositiveSmallIntegerField(
                        db_index=True, default=0, editable=False, verbose_name="Các tháng (chuẩn hóa)"
                    ),
                ),
                ("title", models.CharField(max_length=500, verbose_name="Tên lớp tập huấn, bồi dưỡng")),
                ("topic", models.TextField(blank=True, verbose_name="Nội dung, chuyên đề")),
                ("audience", models.CharField(blank=True, max_length=500, verbose_name="Đối tượng")),
                ("start_date", models.DateField(blank=True, null=True, verbose_name="Từ ngày")),
                ("end_date", models.DateField(blank=True, null=True, verbose_name="Đến ngày")),
                ("place", models.CharField(blank=True, max_length=255, verbose_name="Địa điểm")),
                ("partner_text", models.CharField(blank=True, max_length=500, verbose_name="Đơn vị phối hợp, tài trợ")),
                (
                    "trainees_planned",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="Số học viên dự kiến"),
                ),
                (
                    "trainees_count",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="Số học viên thực tế"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("proposed", "Đề xuất"),
                            ("planned", "Trong kế hoạch"),
                            ("held", "Đã tổ chức"),
                            ("reported", "Đã báo cáo"),
                            ("cancelled", "Hủy"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=16,
                        verbose_name="Trạng thái",
                    ),
                ),
                ("report", models.TextField(blank=True, verbose_name="Báo cáo kết quả")),
                ("reported_on", models.DateField(blank=True, null=True, verbose_name="Ngày báo cáo")),
                ("status_note", models.TextField(blank=True, verbose_name="Ghi chú trạng thái")),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                (
                    "organising_unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="training_courses",
                        to="core.unit",
                        verbose_name="Đơn vị tổ chức",
                    ),
                ),
            ],
            options={
                "verbose_name": "Lớp tập huấn, bồi dưỡng đối ngoại",
                "verbose_name_plural": "Tập huấn, bồi dưỡng nghiệp vụ đối ngoại",
                "ordering": ["-year", "start_date", "id"],
            },
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(fields=["year", "status"], name="events_even_year_74719c_idx"),
        ),
        migrations.AddIndex(
            model_name="inspection",
            index=models.Index(fields=["year", "status"], name="events_insp_year_f65ec9_idx"),
        ),
        migrations.AddIndex(
            model_name="trainingcourse",
            index=models.Index(fields=["year", "status"], name="events_trai_year_417d9b_idx"),
        ),
    ]
