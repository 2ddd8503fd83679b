"""Delegations: every migration up to 0017 in one.

Squashed by hand (Django's optimizer cannot fold this history: every AddIndex is a barrier to it): the operations
are those `makemigrations` writes for the models as they stand, then the two indexes of 0006 that are not in the
models (raw SQL). It is used where none of the migrations it replaces has run (a new database) and marks them all as
applied; a database part-way through them finishes them one by one. Its purpose is speed: Django re-renders the
migration state's models after each operation of each small migration, most of a new database's `migrate` (README,
Performance).
"""

from decimal import Decimal

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("delegations", "0001_initial"),
        ("delegations", "0002_report_missing_index"),
        ("delegations", "0003_delegation_actual_vnd_delegation_appraised_on_and_more"),
        ("delegations", "0004_delegation_authority_delegation_budget_note_and_more"),
        ("delegations", "0005_delegation_blocs"),
        ("delegations", "0006_list_covering_index"),
        ("delegations", "0007_home_indexes"),
        ("delegations", "0008_home_role_indexes"),
        ("delegations", "0009_report_late_covering"),
        ("delegations", "0010_unit_report_late"),
        ("delegations", "0011_list_order"),
        ("delegations", "0012_calendar_indexes"),
        ("delegations", "0013_overlap_candidates"),
        ("delegations", "0014_budget_totals_covering"),
        ("delegations", "0015_calendar_dates_partial"),
        ("delegations", "0016_report_late_by_unit"),
        ("delegations", "0017_planned_covering_index"),
    ]

    initial = True

    dependencies = [
        ("core", "0001_squashed_0008_list_order"),
        ("finance", "0001_squashed_0002_budget_totals_covering"),
    ]

    operations = [
        migrations.CreateModel(
            name="Delegation",
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
                (
                    "direction",
                    models.CharField(
                        choices=[("out", "Đoàn ra"), ("in", "Đoàn vào")],
                        db_index=True,
                        max_length=3,
                        verbose_name="Loại đoàn",
                    ),
                ),
                (
                    "group",
                    models.CharField(
                        choices=[
                            ("central_leaders", "Lãnh đạo tỉnh thuộc diện Bộ Chính trị, Ban Bí thư quản lý"),
                            ("provincial_leaders", "Lãnh đạo tỉnh"),
                            ("departments", "Sở, ban, ngành, đoàn thể cấp tỉnh"),
                            ("armed_forces", "Lực lượng vũ trang (Công an, Quân sự, Biên phòng)"),
                            ("districts", "Huyện, thành phố, thị xã, xã"),
                        ],
                        max_length=32,
                        verbose_name="Nhóm",
                    ),
                ),
                ("name", models.CharField(max_length=500, verbose_name="Tên đoàn")),
                ("capacity", models.CharField(blank=True, max_length=255, verbose_name="Danh nghĩa đoàn")),
                ("head", models.CharField(blank=True, max_length=255, verbose_name="Trưởng đoàn")),
                ("size", models.PositiveIntegerField(blank=True, null=True, verbose_name="Số người")),
                ("composition", models.TextField(blank=True, verbose_name="Thành phần")),
                (
                    "blocs",
                    models.CharField(
                        blank=True,
                        help_text="Mã khối ghi cách nhau bởi dấu phẩy, ví dụ: EU, ASEAN",
                        max_length=64,
                        verbose_name="Khối, liên minh",
                    ),
                ),
                ("partner_text", models.TextField(blank=True, verbose_name="Đối tác làm việc (ghi như đề xuất)")),
                ("purpose", models.TextField(blank=True, verbose_name="Nội dung hoạt động")),
                (
                    "duration_text",
                    models.CharField(
                        blank=True, help_text="Ví dụ: 05 ngày; 03 ngày/ nước", max_length=64, verbose_name="Số ngày"
                    ),
                ),
                ("duration_days", models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="Số ngày (số)")),
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
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("proposed", "Đề xuất"),
                            ("in_plan", "Trong kế hoạch"),
                            ("approved", "Đã phê duyệt"),
                            ("done", "Đã thực hiện"),
                            ("postponed", "Tạm hoãn"),
                            ("cancelled", "Hủy"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=16,
                        verbose_name="Trạng thái",
                    ),
                ),
                ("decision_ref", models.CharField(blank=True, max_length=64, verbose_name="Số quyết định")),
                ("decision_date", models.DateField(blank=True, null=True, verbose_name="Ngày quyết định")),
                ("actual_start", models.DateField(blank=True, null=True, verbose_name="Ngày đi/đến thực tế")),
                ("actual_end", models.DateField(blank=True, null=True, verbose_name="Ngày về/kết thúc thực tế")),
                ("result_report", models.TextField(blank=True, verbose_name="Báo cáo kết quả")),
                ("result_reported_on", models.DateField(blank=True, null=True, verbose_name="Ngày báo cáo kết quả")),
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
                        blank=True, related_name="delegations", to="core.country", verbose_name="Nước"
                    ),
                ),
                (
                    "partners",
                    models.ManyToManyField(
                        blank=True, related_name="delegations", to="core.partner", verbose_name="Đối tác"
                    ),
                ),
                (
                    "proposing_unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="delegations",
                        to="core.unit",
                        verbose_name="Đơn vị đề xuất",
                    ),
                ),
            ],
            options={
                "verbose_name": "Đoàn",
                "verbose_name_plural": "Đoàn ra, đoàn vào",
                "ordering": ["-year", "-direction", "group", "id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalDelegation",
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
                (
                    "direction",
                    models.CharField(
                        choices=[("out", "Đoàn ra"), ("in", "Đoàn vào")],
                        db_index=True,
                        max_length=3,
                        verbose_name="Loại đoàn",
                    ),
                ),
                (
                    "group",
                    models.CharField(
                        choices=[
                            ("central_leaders", "Lãnh đạo tỉnh thuộc diện Bộ Chính trị, Ban Bí thư quản lý"),
                            ("provincial_leaders", "Lãnh đạo tỉnh"),
                            ("departments", "Sở, ban, ngành, đoàn thể cấp tỉnh"),
                            ("armed_forces", "Lực lượng vũ trang (Công an, Quân sự, Biên phòng)"),
                            ("districts", "Huyện, thành phố, thị xã, xã"),
                        ],
                        max_length=32,
                        verbose_name="Nhóm",
                    ),
                ),
                ("name", models.CharField(max_length=500, verbose_name="Tên đoàn")),
                ("capacity", models.CharField(blank=True, max_length=255, verbose_name="Danh nghĩa đoàn")),
                ("head", models.CharField(blank=True, max_length=255, verbose_name="Trưởng đoàn")),
                ("size", models.PositiveIntegerField(blank=True, null=True, verbose_name="Số người")),
                ("composition", models.TextField(blank=True, verbose_name="Thành phần")),
                (
                    "blocs",
                    models.CharField(
                        blank=True,
                        help_text="Mã khối ghi cách nhau bởi dấu phẩy, ví dụ: EU, ASEAN",
                        max_length=64,
                        verbose_name="Khối, liên minh",
                    ),
                ),
                ("partner_text", models.TextField(blank=True, verbose_name="Đối tác làm việc (ghi như đề xuất)")),
                ("purpose", models.TextField(blank=True, verbose_name="Nội dung hoạt động")),
                (
                    "duration_text",
                    models.CharField(
                        blank=True, help_text="Ví dụ: 05 ngày; 03 ngày/ nước", max_length=64, verbose_name="Số ngày"
                    ),
                ),
                ("duration_days", models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="Số ngày (số)")),
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
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("proposed", "Đề xuất"),
                            ("in_plan", "Trong kế hoạch"),
                            ("approved", "Đã phê duyệt"),
                            ("done", "Đã thực hiện"),
                            ("postponed", "Tạm hoãn"),
                            ("cancelled", "Hủy"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=16,
                        verbose_name="Trạng thái",
                    ),
                ),
                ("decision_ref", models.CharField(blank=True, max_length=64, verbose_name="Số quyết định")),
                ("decision_date", models.DateField(blank=True, null=True, verbose_name="Ngày quyết định")),
                ("actual_start", models.DateField(blank=True, null=True, verbose_name="Ngày đi/đến thực tế")),
                ("actual_end", models.DateField(blank=True, null=True, verbose_name="Ngày về/kết thúc thực tế")),
                ("result_report", models.TextField(blank=True, verbose_name="Báo cáo kết quả")),
                ("result_reported_on", models.DateField(blank=True, null=True, verbose_name="Ngày báo cáo kết quả")),
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
                    "proposing_unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.unit",
                        verbose_name="Đơn vị đề xuất",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical Đoàn",
                "verbose_name_plural": "historical Đoàn ra, đoàn vào",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalDelegation_countries",
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
                    "delegation",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="delegations.delegation",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="delegations.historicaldelegation",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalDelegation_countries",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalDelegation_partners",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "delegation",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="delegations.delegation",
                    ),
                ),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="delegations.historicaldelegation",
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
                "verbose_name": "HistoricalDelegation_partners",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddIndex(
            model_name="delegation",
            index=models.Index(fields=["year", "status", "name", "id"], name="delegation_year_status_name"),
        ),
        migrations.AddIndex(
            model_name="delegation",
            index=models.Index(
                fields=["proposing_unit", "status", "-year", "-direction", "group", "id"], name="delegation_unit_status"
            ),
        ),
        migrations.AddIndex(
            model_name="delegation",
            index=models.Index(
                fields=["budget_status", "status", "uses_state_budget", "id"], name="delegation_budget_wait"
            ),
        ),
        migrations.AddIndex(
            model_name="delegation",
            index=models.Index(
                condition=models.Q(("result_reported_on__isnull", True), ("status", "done")),
                fields=["direction", "actual_end", "status", "result_reported_on", "id", "proposing_unit"],
                name="delegation_report_late",
            ),
        ),
        migrations.AddIndex(
            model_name="delegation",
            index=models.Index(
                condition=models.Q(("result_reported_on__isnull", True), ("status", "done")),
                fields=["proposing_unit", "direction", "actual_end", "id"],
                name="delegation_unit_report_late",
            ),
        ),
        migrations.AddIndex(
            model_name="delegation",
            index=models.Index(
                fields=[
                    "year",
                    "status",
                    "direction",
                    "month_mask",
                    "budget_status",
                    "proposing_unit",
                    "estimate_vnd",
                    "appraised_vnd",
                    "actual_vnd",
                    "id",
                ],
                name="delegation_year_plan_budget",
            ),
        ),
        migrations.AddIndex(
            model_name="delegation",
            index=models.Index(fields=["-year", "-direction", "group", "id"], name="delegation_list_order"),
        ),
        migrations.AddIndex(
            model_name="delegation",
            index=models.Index(fields=["status", "-year", "-direction", "group", "id"], name="delegation_status_order"),
        ),
        migrations.AddIndex(
            model_name="delegation",
            index=models.Index(
                condition=models.Q(("actual_start__isnull", False)),
                fields=["actual_start"],
                name="delegation_actual_start",
            ),
        ),
        migrations.AddIndex(
            model_name="delegation",
            index=models.Index(
                condition=models.Q(("actual_end__isnull", False)), fields=["actual_end"], name="delegation_actual_end"
            ),
        ),
        migrations.AddIndex(
            model_name="delegation",
            index=models.Index(
                condition=models.Q(("actual_start__isnull", True)),
                fields=["year", "month_mask", "status", "direction", "name", "id"],
                name="delegation_planned_cover",
            ),
        ),
        migrations.AddIndex(
            model_name="delegation",
            index=models.Index(
                condition=models.Q(("direction", "out"), ("month_mask__gt", 0), ("uses_state_budget", True)),
                fields=["year", "status", "proposing_unit", "month_mask", "direction", "uses_state_budget", "id"],
                name="delegation_overlap_candidates",
            ),
        ),
        # The country and partner filters are EXISTS on the many-to-many tables by (related row, delegation):
        # Django creates their indexes one column at a time, so the COUNT read those tables' rows too.
        migrations.RunSQL(
            "CREATE INDEX delegation_countries_by_country ON delegations_delegation_countries (country_id, delegation_id)",
            "DROP INDEX delegation_countries_by_country",
        ),
        migrations.RunSQL(
            "CREATE INDEX delegation_partners_by_partner ON delegations_delegation_partners (partner_id, delegation_id)",
            "DROP INDEX delegation_partners_by_partner",
        ),
    ]
