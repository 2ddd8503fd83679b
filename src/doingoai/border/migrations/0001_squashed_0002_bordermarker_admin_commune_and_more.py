"""Border: every migration up to 0002 in one.

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

import doingoai.core.adminunits


class Migration(migrations.Migration):
    replaces = [("border", "0001_initial"), ("border", "0002_bordermarker_admin_commune_and_more")]

    initial = True

    dependencies = [
        ("core", "0001_squashed_0008_list_order"),
    ]

    operations = [
        migrations.CreateModel(
            name="BorderGate",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("name", models.CharField(max_length=128, verbose_name="Tên cửa khẩu")),
                (
                    "gate_class",
                    models.CharField(
                        choices=[
                            ("international", "Cửa khẩu quốc tế"),
                            ("main", "Cửa khẩu chính (song phương)"),
                            ("secondary", "Cửa khẩu phụ"),
                            ("opening", "Lối mở"),
                        ],
                        max_length=16,
                        verbose_name="Loại cửa khẩu",
                    ),
                ),
                ("commune", models.CharField(max_length=128, verbose_name="Xã")),
                ("district", models.CharField(blank=True, max_length=128, verbose_name="Huyện (trước 2025)")),
                (
                    "facing_gate",
                    models.CharField(blank=True, max_length=128, verbose_name="Cửa khẩu đối diện phía Lào"),
                ),
                (
                    "upgrade_status",
                    models.CharField(
                        choices=[
                            ("none", "Không"),
                            ("proposed", "Đề nghị nâng cấp"),
                            ("approved", "Đã được chấp thuận nâng cấp"),
                            ("upgraded", "Đã nâng cấp"),
                        ],
                        default="none",
                        max_length=16,
                        verbose_name="Nâng cấp",
                    ),
                ),
                (
                    "upgrade_to",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("international", "Cửa khẩu quốc tế"),
                            ("main", "Cửa khẩu chính (song phương)"),
                            ("secondary", "Cửa khẩu phụ"),
                            ("opening", "Lối mở"),
                        ],
                        max_length=16,
                        verbose_name="Nâng cấp thành",
                    ),
                ),
                ("upgrade_note", models.TextField(blank=True, verbose_name="Căn cứ, tiến độ nâng cấp")),
                (
                    "latitude",
                    models.DecimalField(blank=True, decimal_places=6, max_digits=9, null=True, verbose_name="Vĩ độ"),
                ),
                (
                    "longitude",
                    models.DecimalField(blank=True, decimal_places=6, max_digits=9, null=True, verbose_name="Kinh độ"),
                ),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                ("search_text", models.TextField(blank=True, editable=False)),
                (
                    "facing_province",
                    models.ForeignKey(
                        blank=True,
                        limit_choices_to={"country__code": "LA", "kind": "locality"},
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.partner",
                        verbose_name="Tỉnh đối diện (Lào)",
                    ),
                ),
            ],
            options={
                "verbose_name": "Cửa khẩu",
                "verbose_name_plural": "Cửa khẩu, lối mở",
                "ordering": ["gate_class", "name"],
            },
        ),
        migrations.CreateModel(
            name="BorderMarker",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "number",
                    models.CharField(
                        help_text="Ghi như trên mốc, ví dụ: 390; 405(1); 397(2); 397/7(1)",
                        max_length=32,
                        verbose_name="Số hiệu mốc",
                    ),
                ),
                ("sort_key", models.CharField(editable=False, max_length=40, unique=True)),
                (
                    "kind",
                    models.CharField(
                        choices=[("main", "Mốc chính"), ("auxiliary", "Mốc phụ"), ("stake", "Cọc dấu")],
                        default="main",
                        max_length=16,
                        verbose_name="Loại",
                    ),
                ),
                ("commune", models.CharField(max_length=128, verbose_name="Xã")),
                ("district", models.CharField(blank=True, max_length=128, verbose_name="Huyện (trước 2025)")),
                (
                    "facing_province_text",
                    models.CharField(
                        blank=True,
                        help_text="Khi tỉnh không có trong danh mục đối tác",
                        max_length=128,
                        verbose_name="Tỉnh đối diện (ghi khác)",
                    ),
                ),
                (
                    "latitude",
                    models.DecimalField(blank=True, decimal_places=6, max_digits=9, null=True, verbose_name="Vĩ độ"),
                ),
                (
                    "longitude",
                    models.DecimalField(blank=True, decimal_places=6, max_digits=9, null=True, verbose_name="Kinh độ"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("good", "Tốt"),
                            ("damaged", "Hư hỏng"),
                            ("destroyed", "Bị phá hủy, mất"),
                            ("rebuilt", "Đã khôi phục"),
                        ],
                        db_index=True,
                        default="good",
                        max_length=16,
                        verbose_name="Tình trạng",
                    ),
                ),
                (
                    "last_inspected_on",
                    models.DateField(blank=True, editable=False, null=True, verbose_name="Kiểm tra gần nhất"),
                ),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                ("search_text", models.TextField(blank=True, editable=False)),
                (
                    "admin_commune",
                    models.ForeignKey(
                        blank=True,
                        limit_choices_to=doingoai.core.adminunits.local_communes_q,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="border_markers",
                        to="core.administrativeunit",
                        verbose_name="Xã (đơn vị hành chính hiện nay)",
                    ),
                ),
                (
                    "facing_province",
                    models.ForeignKey(
                        blank=True,
                        limit_choices_to={"country__code": "LA", "kind": "locality"},
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.partner",
                        verbose_name="Tỉnh đối diện (Lào)",
                    ),
                ),
            ],
            options={
                "verbose_name": "Mốc quốc giới",
                "verbose_name_plural": "Mốc quốc giới, cọc dấu",
                "ordering": ["sort_key"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalBorderGate",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("name", models.CharField(max_length=128, verbose_name="Tên cửa khẩu")),
                (
                    "gate_class",
                    models.CharField(
                        choices=[
                            ("international", "Cửa khẩu quốc tế"),
                            ("main", "Cửa khẩu chính (song phương)"),
                            ("secondary", "Cửa khẩu phụ"),
                            ("opening", "Lối mở"),
                        ],
                        max_length=16,
                        verbose_name="Loại cửa khẩu",
                    ),
                ),
                ("commune", models.CharField(max_length=128, verbose_name="Xã")),
                ("district", models.CharField(blank=True, max_length=128, verbose_name="Huyện (trước 2025)")),
                (
                    "facing_gate",
                    models.CharField(blank=True, max_length=128, verbose_name="Cửa khẩu đối diện phía Lào"),
                ),
                (
                    "upgrade_status",
                    models.CharField(
                        choices=[
                            ("none", "Không"),
                            ("proposed", "Đề nghị nâng cấp"),
                            ("approved", "Đã được chấp thuận nâng cấp"),
                            ("upgraded", "Đã nâng cấp"),
                        ],
                        default="none",
                        max_length=16,
                        verbose_name="Nâng cấp",
                    ),
                ),
                (
                    "upgrade_to",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("international", "Cửa khẩu quốc tế"),
                            ("main", "Cửa khẩu chính (song phương)"),
                            ("secondary", "Cửa khẩu phụ"),
                            ("opening", "Lối mở"),
                        ],
                        max_length=16,
                        verbose_name="Nâng cấp thành",
                    ),
                ),
                ("upgrade_note", models.TextField(blank=True, verbose_name="Căn cứ, tiến độ nâng cấp")),
                (
                    "latitude",
                    models.DecimalField(blank=True, decimal_places=6, max_digits=9, null=True, verbose_name="Vĩ độ"),
                ),
                (
                    "longitude",
                    models.DecimalField(blank=True, decimal_places=6, max_digits=9, null=True, verbose_name="Kinh độ"),
                ),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                ("search_text", models.TextField(blank=True, editable=False)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "facing_province",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        limit_choices_to={"country__code": "LA", "kind": "locality"},
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.partner",
                        verbose_name="Tỉnh đối diện (Lào)",
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
            ],
            options={
                "verbose_name": "historical Cửa khẩu",
                "verbose_name_plural": "historical Cửa khẩu, lối mở",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalBorderMarker",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "number",
                    models.CharField(
                        help_text="Ghi như trên mốc, ví dụ: 390; 405(1); 397(2); 397/7(1)",
                        max_length=32,
                        verbose_name="Số hiệu mốc",
                    ),
                ),
                ("sort_key", models.CharField(db_index=True, editable=False, max_length=40)),
                (
                    "kind",
                    models.CharField(
                        choices=[("main", "Mốc chính"), ("auxiliary", "Mốc phụ"), ("stake", "Cọc dấu")],
                        default="main",
                        max_length=16,
                        verbose_name="Loại",
                    ),
                ),
                ("commune", models.CharField(max_length=128, verbose_name="Xã")),
                ("district", models.CharField(blank=True, max_length=128, verbose_name="Huyện (trước 2025)")),
                (
                    "facing_province_text",
                    models.CharField(
                        blank=True,
                        help_text="Khi tỉnh không có trong danh mục đối tác",
                        max_length=128,
                        verbose_name="Tỉnh đối diện (ghi khác)",
                    ),
                ),
                (
                    "latitude",
                    models.DecimalField(blank=True, decimal_places=6, max_digits=9, null=True, verbose_name="Vĩ độ"),
                ),
                (
                    "longitude",
                    models.DecimalField(blank=True, decimal_places=6, max_digits=9, null=True, verbose_name="Kinh độ"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("good", "Tốt"),
                            ("damaged", "Hư hỏng"),
                            ("destroyed", "Bị phá hủy, mất"),
                            ("rebuilt", "Đã khôi phục"),
                        ],
                        db_index=True,
                        default="good",
                        max_length=16,
                        verbose_name="Tình trạng",
                    ),
                ),
                (
                    "last_inspected_on",
                    models.DateField(blank=True, editable=False, null=True, verbose_name="Kiểm tra gần nhất"),
                ),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                ("search_text", models.TextField(blank=True, editable=False)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "admin_commune",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        limit_choices_to=doingoai.core.adminunits.local_communes_q,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.administrativeunit",
                        verbose_name="Xã (đơn vị hành chính hiện nay)",
                    ),
                ),
                (
                    "facing_province",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        limit_choices_to={"country__code": "LA", "kind": "locality"},
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.partner",
                        verbose_name="Tỉnh đối diện (Lào)",
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
            ],
            options={
                "verbose_name": "historical Mốc quốc giới",
                "verbose_name_plural": "historical Mốc quốc giới, cọc dấu",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalMarkerInspection",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("inspected_on", models.DateField(verbose_name="Ngày kiểm tra")),
                (
                    "status_found",
                    models.CharField(
                        choices=[
                            ("good", "Tốt"),
                            ("damaged", "Hư hỏng"),
                            ("destroyed", "Bị phá hủy, mất"),
                            ("rebuilt", "Đã khôi phục"),
                        ],
                        max_length=16,
                        verbose_name="Tình trạng ghi nhận",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                ("photo", models.TextField(blank=True, max_length=100, verbose_name="Ảnh chụp")),
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
                    "inspector_unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.unit",
                        verbose_name="Đơn vị kiểm tra",
                    ),
                ),
                (
                    "marker",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="border.bordermarker",
                        verbose_name="Mốc",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical Lần kiểm tra mốc",
                "verbose_name_plural": "historical Kiểm tra mốc quốc giới",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="MarkerInspection",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("inspected_on", models.DateField(verbose_name="Ngày kiểm tra")),
                (
                    "status_found",
                    models.CharField(
                        choices=[
                            ("good", "Tốt"),
                            ("damaged", "Hư hỏng"),
                            ("destroyed", "Bị phá hủy, mất"),
                            ("rebuilt", "Đã khôi phục"),
                        ],
                        max_length=16,
                        verbose_name="Tình trạng ghi nhận",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                ("photo", models.ImageField(blank=True, upload_to="border/inspections/%Y/", verbose_name="Ảnh chụp")),
                (
                    "inspector_unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="marker_inspections",
                        to="core.unit",
                        verbose_name="Đơn vị kiểm tra",
                    ),
                ),
                (
                    "marker",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="inspections",
                        to="border.bordermarker",
                        verbose_name="Mốc",
                    ),
                ),
            ],
            options={
                "verbose_name": "Lần kiểm tra mốc",
                "verbose_name_plural": "Kiểm tra mốc quốc giới",
                "ordering": ["-inspected_on", "-id"],
            },
        ),
    ]
