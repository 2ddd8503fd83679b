"""Conferences: every migration up to 0008 in one.

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
        ("conferences", "0001_initial"),
        ("conferences", "0002_initial"),
        ("conferences", "0003_conference_actual_vnd_conference_appraised_on_and_more"),
        ("conferences", "0004_conference_authority_conference_budget_note_and_more"),
        ("conferences", "0005_calendar_indexes"),
        ("conferences", "0006_budget_totals_covering"),
        ("conferences", "0007_permit_and_budget_wait_indexes"),
        ("conferences", "0008_status_order_index"),
    ]

    initial = True

    dependencies = [
        ("core", "0001_squashed_0008_list_order"),
        ("finance", "0001_squashed_0002_budget_totals_covering"),
    ]

    operations = [
        migrations.CreateModel(
            name="Conference",
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
                ("title", models.CharField(max_length=500, verbose_name="Tên/chủ đề hội nghị, hội thảo")),
                (
                    "form",
                    models.CharField(
                        choices=[
                            ("in_person", "Trực tiếp"),
                            ("online", "Trực tuyến"),
                            ("hybrid", "Trực tiếp kết hợp trực tuyến"),
                        ],
                        default="in_person",
                        max_length=16,
                        verbose_name="Hình thức",
                    ),
                ),
                ("partner_text", models.TextField(blank=True, verbose_name="Cơ quan, tổ chức nước ngoài phối hợp")),
                ("delegates_vn", models.PositiveIntegerField(blank=True, null=True, verbose_name="Đại biểu Việt Nam")),
                (
                    "delegates_foreign_in_vn",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="Đại biểu nước ngoài ở trong nước"),
                ),
                (
                    "delegates_from_abroad",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="Đại biểu từ nước ngoài"),
                ),
                (
                    "start_date",
                    models.DateField(
                        blank=True,
                        help_text="Để trống nếu chưa xác định; hạn xin phép tính theo ngày này",
                        null=True,
                        verbose_name="Ngày khai mạc dự kiến",
                    ),
                ),
                ("days", models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="Số ngày")),
                ("place", models.CharField(blank=True, max_length=255, verbose_name="Địa điểm")),
                (
                    "funding_source",
                    models.CharField(
                        choices=[
                            ("province", "Ngân sách tỉnh"),
                            ("district", "Ngân sách huyện"),
                            ("central", "Ngân sách Trung ương (Bộ, ngành)"),
                            ("sector", "Kinh phí sự nghiệp, nghiệp vụ của ngành"),
                            ("self_financed", "Nguồn tự chủ của đơn vị"),
                            ("partner", "Đối tác tài trợ"),
                            ("self_paid", "Tự túc"),
                            ("other", "Khác"),
                        ],
                        max_length=32,
                        verbose_name="Nguồn kinh phí",
                    ),
                ),
                (
                    "funding_text",
                    models.CharField(blank=True, max_length=255, verbose_name="Nguồn kinh phí (ghi cụ thể)"),
                ),
                ("uses_state_budget", models.BooleanField(default=True, verbose_name="Sử dụng ngân sách nhà nước")),
                (
                    "has_foreign_high_level",
                    models.BooleanField(
                        default=False, verbose_name="Có nguyên thủ, bộ trưởng hoặc tương đương nước ngoài tham dự"
                    ),
                ),
                (
                    "sensitive_topics",
                    models.BooleanField(
                        default=False,
                        verbose_name="Nội dung liên quan chủ quyền, an ninh, quốc phòng, dân tộc, tôn giáo, nhân quyền, bí mật nhà nước",
                    ),
                ),
                (
                    "permitting_authority_text",
                    models.CharField(blank=True, max_length=255, verbose_name="Cơ quan cho phép (ghi như đề xuất)"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("proposed", "Đề xuất"),
                            ("permitted", "Đã cấp phép"),
                            ("held", "Đã tổ chức"),
                            ("reported", "Đã báo cáo"),
                            ("postponed", "Tạm hoãn"),
                            ("cancelled", "Hủy"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=16,
                        verbose_name="Trạng thái",
                    ),
                ),
                ("applied_on", models.DateField(blank=True, null=True, verbose_name="Ngày nộp hồ sơ xin phép")),
                ("permit_ref", models.CharField(blank=True, max_length=64, verbose_name="Số văn bản cho phép")),
                ("permit_date", models.DateField(blank=True, null=True, verbose_name="Ngày cho phép")),
                ("held_on", models.DateField(blank=True, null=True, verbose_name="Ngày tổ chức thực tế")),
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
                    models.ManyToManyField(
                        blank=True, related_name="conferences", to="core.country", verbose_name="Nước"
                    ),
                ),
                (
                    "organising_unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="conferences",
                        to="core.unit",
                        verbose_name="Đơn vị tổ chức",
                    ),
                ),
                (
                    "partners",
                    models.ManyToManyField(
                        blank=True, related_name="conferences", to="core.partner", verbose_name="Đối tác"
                    ),
                ),
            ],
            options={
                "verbose_name": "Hội nghị, hội thảo quốc tế",
                "verbose_name_plural": "Hội nghị, hội thảo quốc tế",
                "ordering": ["year", "id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalConference",
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
                ("title", models.CharField(max_length=500, verbose_name="Tên/chủ đề hội nghị, hội thảo")),
                (
                    "form",
                    models.CharField(
                        choices=[
                            ("in_person", "Trực tiếp"),
                            ("online", "Trực tuyến"),
                            ("hybrid", "Trực tiếp kết hợp trực tuyến"),
                        ],
                        default="in_person",
                        max_length=16,
                        verbose_name="Hình thức",
                    ),
                ),
                ("partner_text", models.TextField(blank=True, verbose_name="Cơ quan, tổ chức nước ngoài phối hợp")),
                ("delegates_vn", models.PositiveIntegerField(blank=True, null=True, verbose_name="Đại biểu Việt Nam")),
                (
                    "delegates_foreign_in_vn",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="Đại biểu nước ngoài ở trong nước"),
                ),
                (
                    "delegates_from_abroad",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="Đại biểu từ nước ngoài"),
                ),
                (
                    "start_date",
                    models.DateField(
                        blank=True,
                        help_text="Để trống nếu chưa xác định; hạn xin phép tính theo ngày này",
                        null=True,
                        verbose_name="Ngày khai mạc dự kiến",
                    ),
                ),
                ("days", models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="Số ngày")),
                ("place", models.CharField(blank=True, max_length=255, verbose_name="Địa điểm")),
                (
                    "funding_source",
                    models.CharField(
                        choices=[
                            ("province", "Ngân sách tỉnh"),
                            ("district", "Ngân sách huyện"),
                            ("central", "Ngân sách Trung ương (Bộ, ngành)"),
                            ("sector", "Kinh phí sự nghiệp, nghiệp vụ của ngành"),
                            ("self_financed", "Nguồn tự chủ của đơn vị"),
                            ("partner", "Đối tác tài trợ"),
                            ("self_paid", "Tự túc"),
                            ("other", "Khác"),
                        ],
                        max_length=32,
                        verbose_name="Nguồn kinh phí",
                    ),
                ),
                (
                    "funding_text",
                    models.CharField(blank=True, max_length=255, verbose_name="Nguồn kinh phí (ghi cụ thể)"),
                ),
                ("uses_state_budget", models.BooleanField(default=True, verbose_name="Sử dụng ngân sách nhà nước")),
                (
                    "has_foreign_high_level",
                    models.BooleanField(
                        default=False, verbose_name="Có nguyên thủ, bộ trưởng hoặc tương đương nước ngoài tham dự"
                    ),
                ),
                (
                    "sensitive_topics",
                    models.BooleanField(
                        default=False,
                        verbose_name="Nội dung liên quan chủ quyền, an ninh, quốc phòng, dân tộc, tôn giáo, nhân quyền, bí mật nhà nước",
                    ),
                ),
                (
                    "permitting_authority_text",
                    models.CharField(blank=True, max_length=255, verbose_name="Cơ quan cho phép (ghi như đề xuất)"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("proposed", "Đề xuất"),
                            ("permitted", "Đã cấp phép"),
                            ("held", "Đã tổ chức"),
                            ("reported", "Đã báo cáo"),
                            ("postponed", "Tạm hoãn"),
                            ("cancelled", "Hủy"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=16,
                        verbose_name="Trạng thái",
                    ),
                ),
                ("applied_on", models.DateField(blank=True, null=True, verbose_name="Ngày nộp hồ sơ xin phép")),
                ("permit_ref", models.CharField(blank=True, max_length=64, verbose_name="Số văn bản cho phép")),
                ("permit_date", models.DateField(blank=True, null=True, verbose_name="Ngày cho phép")),
                ("held_on", models.DateField(blank=True, null=True, verbose_name="Ngày tổ chức thực tế")),
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
                "verbose_name": "historical Hội nghị, hội thảo quốc tế",
                "verbose_name_plural": "historical Hội nghị, hội thảo quốc tế",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalConference_countries",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "conference",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="conferences.conference",
                    ),
                ),
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
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="conferences.historicalconference",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalConference_countries",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalConference_partners",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "conference",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="conferences.conference",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="conferences.historicalconference",
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
                "verbose_name": "HistoricalConference_partners",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddIndex(
            model_name="conference",
            index=models.Index(fields=["year", "status"], name="conferences_year_1502d8_idx"),
        ),
        migrations.AddIndex(
            model_name="conference",
            index=models.Index(fields=["held_on"], name="conference_held_on"),
        ),
        migrations.AddIndex(
            model_name="conference",
            index=models.Index(fields=["start_date"], name="conference_start_date"),
        ),
        migrations.AddIndex(
            model_name="conference",
            index=models.Index(fields=["days"], name="conference_days"),
        ),
        migrations.AddIndex(
            model_name="conference",
            index=models.Index(fields=["year", "month_mask"], name="conference_planned"),
        ),
        migrations.AddIndex(
            model_name="conference",
            index=models.Index(
                fields=[
                    "year",
                    "status",
                    "budget_status",
                    "organising_unit",
                    "month_mask",
                    "estimate_vnd",
                    "appraised_vnd",
                    "actual_vnd",
                    "id",
                ],
                name="conference_year_budget",
            ),
        ),
        migrations.AddIndex(
            model_name="conference",
            index=models.Index(
                fields=["status", "start_date", "year", "month_mask", "has_foreign_high_level", "sensitive_topics"],
                name="conference_permit_dates",
            ),
        ),
        migrations.AddIndex(
            model_name="conference",
            index=models.Index(fields=["budget_status", "id"], name="conference_budget_wait"),
        ),
        migrations.AddIndex(
            model_name="conference",
            index=models.Index(fields=["status", "year", "id"], name="conference_status_order"),
        ),
    ]
