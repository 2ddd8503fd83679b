# The Decree 13/2023 access log and erasure records were created by `diaspora` (diaspora 0001). This migration
# takes them over as they are: state only, the tables and their rows stay (0002 renames the tables).

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED = ("personaldataaccess", "erasurerecord")


def content_types_to(apps, schema_editor, source, target):
    """The moved models keep their content types (and the permissions attached to them) under the new app."""
    content_type = apps.get_model("contenttypes", "ContentType")
    rows = content_type.objects.using(schema_editor.connection.alias)
    taken = set(rows.filter(app_label=target).values_list("model", flat=True))
    rows.filter(app_label=source, model__in=set(MOVED) - taken).update(app_label=target)


def forwards(apps, schema_editor):
    content_types_to(apps, schema_editor, "diaspora", "persons")


def backwards(apps, schema_editor):
    content_types_to(apps, schema_editor, "persons", "diaspora")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("diaspora", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ErasureRecord",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("object_id", models.PositiveBigIntegerField(verbose_name="Mã bản ghi")),
                        ("record_label", models.CharField(max_length=128, verbose_name="Bản ghi")),
                        ("requested_on", models.DateField(verbose_name="Ngày chủ thể yêu cầu")),
                        (
                            "request_ref",
                            models.CharField(blank=True, max_length=128, verbose_name="Số, ký hiệu đơn yêu cầu"),
                        ),
                        ("reason", models.TextField(verbose_name="Lý do")),
                        ("erased_fields", models.JSONField(default=list, verbose_name="Các trường đã xóa")),
                        (
                            "history_rows",
                            models.PositiveIntegerField(default=0, verbose_name="Số dòng lịch sử đã ẩn danh"),
                        ),
                        ("events", models.PositiveIntegerField(default=0, verbose_name="Số sự kiện đã ẩn danh")),
                        ("erased_by_username", models.CharField(max_length=150, verbose_name="Tài khoản thực hiện")),
                        ("erased_at", models.DateTimeField(auto_now_add=True, verbose_name="Thời điểm xóa")),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                to="contenttypes.contenttype",
                                verbose_name="Sổ",
                            ),
                        ),
                        (
                            "erased_by",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="Người thực hiện",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Lần xóa dữ liệu theo yêu cầu",
                        "verbose_name_plural": "Xóa dữ liệu cá nhân theo yêu cầu",
                        "ordering": ["-erased_at", "-id"],
                        "db_table": "diaspora_erasurerecord",
                        "indexes": [
                            models.Index(fields=["content_type", "object_id"], name="diaspora_er_content_2a15a3_idx")
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="PersonalDataAccess",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("object_id", models.PositiveBigIntegerField(verbose_name="Mã bản ghi")),
                        ("record_label", models.CharField(max_length=128, verbose_name="Bản ghi")),
                        (
                            "action",
                            models.CharField(
                                choices=[
                                    ("view", "Xem chi tiết"),
                                    ("edit", "Mở để sửa"),
                                    ("export_list", "Xuất danh sách (Excel)"),
                                    ("export_subject", "Cung cấp dữ liệu cho chủ thể"),
                                    ("erase", "Xóa theo yêu cầu của chủ thể"),
                                    ("api", "Đọc qua API"),
                                ],
                                max_length=16,
                                verbose_name="Thao tác",
                            ),
                        ),
                        ("username", models.CharField(max_length=150, verbose_name="Tài khoản")),
                        ("unit_name", models.CharField(blank=True, max_length=255, verbose_name="Đơn vị")),
                        ("at", models.DateTimeField(auto_now_add=True, db_index=True, verbose_name="Thời điểm")),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                to="contenttypes.contenttype",
                                verbose_name="Sổ",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="Người truy cập",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "Lượt truy cập dữ liệu cá nhân",
                        "verbose_name_plural": "Nhật ký truy cập dữ liệu cá nhân",
                        "ordering": ["-at", "-id"],
                        "db_table": "diaspora_personaldataaccess",
                        "indexes": [
                            models.Index(fields=["content_type", "object_id"], name="diaspora_pe_content_ea273e_idx")
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
