"""Agreements: every migration up to 0009 in one.

Squashed by hand (Django's optimizer cannot fold this history: every AddIndex is a barrier to it): the operations
are those `makemigrations` writes for the models as they stand. It is used where none of the migrations it replaces
has run (a new database) and marks them all as applied; a database part-way through them finishes them one by one.
Its purpose is speed: Django re-renders the migration state's models after each operation of each small migration,
most of a new database's `migrate` (README, Performance).
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("agreements", "0001_initial"),
        ("agreements", "0002_initial"),
        ("agreements", "0003_agreement_review_and_actions"),
        ("agreements", "0004_report_late_index"),
        ("agreements", "0005_calendar_indexes"),
        ("agreements", "0006_review_open_index"),
        ("agreements", "0007_report_late_by_unit"),
        ("agreements", "0008_report_late_index_without_statuses"),
        ("agreements", "0009_status_order_index"),
    ]

    initial = True

    dependencies = [
        ("core", "0001_squashed_0008_list_order"),
    ]

    operations = [
        migrations.CreateModel(
            name="Agreement",
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
                ("capacity", models.CharField(blank=True, max_length=255, verbose_name="Danh nghĩa ký")),
                (
                    "type",
                    models.CharField(
                        choices=[
                            ("agreement", "Thỏa thuận quốc tế"),
                            ("mou", "Biên bản ghi nhớ"),
                            ("minutes", "Biên bản hợp tác"),
                            ("contract", "Hợp đồng quốc tế"),
                            ("other", "Khác"),
                        ],
                        default="agreement",
                        max_length=16,
                        verbose_name="Loại văn bản",
                    ),
                ),
                ("title", models.CharField(max_length=500, verbose_name="Tên văn bản")),
                (
                    "partner_text",
                    models.CharField(blank=True, max_length=500, verbose_name="Tên đối tác (ghi như đề xuất)"),
                ),
                ("signing_level", models.CharField(blank=True, max_length=500, verbose_name="Dự kiến cấp ký")),
                (
                    "approving_authority",
                    models.CharField(blank=True, max_length=255, verbose_name="Cấp có thẩm quyền phê duyệt"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("proposed", "Đề xuất"),
                            ("consulted", "Đã xin ý kiến"),
                            ("approved", "Đã phê duyệt"),
                            ("signed", "Đã ký"),
                            ("in_force", "Có hiệu lực"),
                            ("expired", "Hết hiệu lực"),
                            ("terminated", "Chấm dứt"),
                            ("cancelled", "Hủy"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=16,
                        verbose_name="Trạng thái",
                    ),
                ),
                ("consulted_on", models.DateField(blank=True, null=True, verbose_name="Ngày gửi xin ý kiến")),
                (
                    "consulted_bodies",
                    models.CharField(blank=True, max_length=500, verbose_name="Cơ quan được xin ý kiến"),
                ),
                ("approval_ref", models.CharField(blank=True, max_length=64, verbose_name="Số văn bản phê duyệt")),
                ("approved_on", models.DateField(blank=True, null=True, verbose_name="Ngày phê duyệt")),
                ("signed_on", models.DateField(blank=True, null=True, verbose_name="Ngày ký")),
                ("reported_on", models.DateField(blank=True, null=True, verbose_name="Ngày báo cáo Thủ tướng")),
                ("effective_on", models.DateField(blank=True, null=True, verbose_name="Ngày có hiệu lực")),
                ("valid_until", models.DateField(blank=True, null=True, verbose_name="Hiệu lực đến")),
                ("ended_on", models.DateField(blank=True, null=True, verbose_name="Ngày hết hiệu lực/chấm dứt")),
                (
                    "review_on",
                    models.DateField(
                        blank=True,
                        help_text="Rà soát kết quả thực hiện trước khi hết hiệu lực; để trống: 90 ngày trước ngày hết hiệu lực.",
                        null=True,
                        verbose_name="Ngày rà soát, đánh giá",
                    ),
                ),
                ("reviewed_on", models.DateField(blank=True, null=True, verbose_name="Ngày đã rà soát")),
                ("review_result", models.TextField(blank=True, verbose_name="Kết quả rà soát, kiến nghị")),
                ("status_note", models.TextField(blank=True, verbose_name="Ghi chú trạng thái")),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                (
                    "country",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="agreements",
                        to="core.country",
                        verbose_name="Nước ký",
                    ),
                ),
                (
                    "partner",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="agreements",
                        to="core.partner",
                        verbose_name="Đối tác",
                    ),
                ),
                (
                    "proposing_unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="agreements",
                        to="core.unit",
                        verbose_name="Cơ quan, địa phương đề xuất ký",
                    ),
                ),
            ],
            options={
                "verbose_name": "Thỏa thuận quốc tế",
                "verbose_name_plural": "Thỏa thuận quốc tế",
                "ordering": ["year", "id"],
            },
        ),
        migrations.CreateModel(
            name="AgreementAction",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("title", models.CharField(max_length=500, verbose_name="Việc cần thực hiện")),
                ("due_on", models.DateField(verbose_name="Hạn hoàn thành")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("open", "Đang thực hiện"),
                            ("done", "Đã hoàn thành"),
                            ("cancelled", "Hủy"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=16,
                        verbose_name="Trạng thái",
                    ),
                ),
                ("done_on", models.DateField(blank=True, null=True, verbose_name="Ngày hoàn thành")),
                ("result", models.TextField(blank=True, verbose_name="Kết quả thực hiện")),
                ("status_note", models.TextField(blank=True, verbose_name="Ghi chú trạng thái")),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                (
                    "agreement",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="actions",
                        to="agreements.agreement",
                        verbose_name="Thỏa thuận",
                    ),
                ),
                (
                    "owner_unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="agreement_actions",
                        to="core.unit",
                        verbose_name="Đơn vị chủ trì",
                    ),
                ),
            ],
            options={
                "verbose_name": "Việc triển khai thỏa thuận",
                "verbose_name_plural": "Việc triển khai thỏa thuận",
                "ordering": ["due_on", "id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalAgreement",
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
                ("capacity", models.CharField(blank=True, max_length=255, verbose_name="Danh nghĩa ký")),
                (
                    "type",
                    models.CharField(
                        choices=[
                            ("agreement", "Thỏa thuận quốc tế"),
                            ("mou", "Biên bản ghi nhớ"),
                            ("minutes", "Biên bản hợp tác"),
                            ("contract", "Hợp đồng quốc tế"),
                            ("other", "Khác"),
                        ],
                        default="agreement",
                        max_length=16,
                        verbose_name="Loại văn bản",
                    ),
                ),
                ("title", models.CharField(max_length=500, verbose_name="Tên văn bản")),
                (
                    "partner_text",
                    models.CharField(blank=True, max_length=500, verbose_name="Tên đối tác (ghi như đề xuất)"),
                ),
                ("signing_level", models.CharField(blank=True, max_length=500, verbose_name="Dự kiến cấp ký")),
                (
                    "approving_authority",
                    models.CharField(blank=True, max_length=255, verbose_name="Cấp có thẩm quyền phê duyệt"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("proposed", "Đề xuất"),
                            ("consulted", "Đã xin ý kiến"),
                            ("approved", "Đã phê duyệt"),
                            ("signed", "Đã ký"),
                            ("in_force", "Có hiệu lực"),
                            ("expired", "Hết hiệu lực"),
                            ("terminated", "Chấm dứt"),
                            ("cancelled", "Hủy"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=16,
                        verbose_name="Trạng thái",
                    ),
                ),
                ("consulted_on", models.DateField(blank=True, null=True, verbose_name="Ngày gửi xin ý kiến")),
                (
                    "consulted_bodies",
                    models.CharField(blank=True, max_length=500, verbose_name="Cơ quan được xin ý kiến"),
                ),
                ("approval_ref", models.CharField(blank=True, max_length=64, verbose_name="Số văn bản phê duyệt")),
                ("approved_on", models.DateField(blank=True, null=True, verbose_name="Ngày phê duyệt")),
                ("signed_on", models.DateField(blank=True, null=True, verbose_name="Ngày ký")),
                ("reported_on", models.DateField(blank=True, null=True, verbose_name="Ngày báo cáo Thủ tướng")),
                ("effective_on", models.DateField(blank=True, null=True, verbose_name="Ngày có hiệu lực")),
                ("valid_until", models.DateField(blank=True, null=True, verbose_name="Hiệu lực đến")),
                ("ended_on", models.DateField(blank=True, null=True, verbose_name="Ngày hết hiệu lực/chấm dứt")),
                (
                    "review_on",
                    models.DateField(
                        blank=True,
                        help_text="Rà soát kết quả thực hiện trước khi hết hiệu lực; để trống: 90 ngày trước ngày hết hiệu lực.",
                        null=True,
                        verbose_name="Ngày rà soát, đánh giá",
                    ),
                ),
                ("reviewed_on", models.DateField(blank=True, null=True, verbose_name="Ngày đã rà soát")),
                ("review_result", models.TextField(blank=True, verbose_name="Kết quả rà soát, kiến nghị")),
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
                    "country",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.country",
                        verbose_name="Nước ký",
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
                    "partner",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.partner",
                        verbose_name="Đối tác",
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
                        verbose_name="Cơ quan, địa phương đề xuất ký",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical Thỏa thuận quốc tế",
                "verbose_name_plural": "historical Thỏa thuận quốc tế",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalAgreementAction",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("title", models.CharField(max_length=500, verbose_name="Việc cần thực hiện")),
                ("due_on", models.DateField(verbose_name="Hạn hoàn thành")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("open", "Đang thực hiện"),
                            ("done", "Đã hoàn thành"),
                            ("cancelled", "Hủy"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=16,
                        verbose_name="Trạng thái",
                    ),
                ),
                ("done_on", models.DateField(blank=True, null=True, verbose_name="Ngày hoàn thành")),
                ("result", models.TextField(blank=True, verbose_name="Kết quả thực hiện")),
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
                    "agreement",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="agreements.agreement",
                        verbose_name="Thỏa thuận",
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
                    "owner_unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.unit",
                        verbose_name="Đơn vị chủ trì",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical Việc triển khai thỏa thuận",
                "verbose_name_plural": "historical Việc triển khai thỏa thuận",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddIndex(
            model_name="agreement",
            index=models.Index(fields=["year", "status"], name="agreements__year_ad34f9_idx"),
        ),
        migrations.AddIndex(
            model_name="agreement",
            index=models.Index(
                condition=models.Q(("reported_on__isnull", True), ("signed_on__isnull", False)),
                fields=["signed_on", "id", "status", "reported_on", "proposing_unit"],
                name="agreement_report_unsent",
            ),
        ),
        migrations.AddIndex(
            model_name="agreement",
            index=models.Index(fields=["signed_on"], name="agreement_signed_on"),
        ),
        migrations.AddIndex(
            model_name="agreement",
            index=models.Index(fields=["status", "consulted_on"], name="agreement_status_consulted"),
        ),
        migrations.AddIndex(
            model_name="agreement",
            index=models.Index(
                condition=models.Q(("reviewed_on__isnull", True)),
                fields=["status", "review_on", "valid_until"],
                name="agreement_review_open",
            ),
        ),
        migrations.AddIndex(
            model_name="agreement",
            index=models.Index(fields=["status", "year", "id"], name="agreement_status_order"),
        ),
        migrations.AddIndex(
            model_name="agreementaction",
            index=models.Index(fields=["status", "due_on"], name="agreements__status_851ae4_idx"),
        ),
    ]
