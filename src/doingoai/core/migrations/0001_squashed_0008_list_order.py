"""Core: every migration up to 0008 in one.

Squashed by hand (Django's optimizer cannot fold this history: every AddIndex is a barrier to it): the operations
are those `makemigrations` writes for the models as they stand. It is used where none of the migrations it replaces
has run (a new database) and marks them all as applied; a database part-way through them finishes them one by one.
Its purpose is speed: Django re-renders the migration state's models after each operation of each small migration,
most of a new database's `migrate` (README, Performance).
"""

import django.contrib.auth.models
import django.contrib.auth.validators
import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("core", "0001_initial"),
        ("core", "0002_administrativeunit_historicalunit_admin_unit_and_more"),
        ("core", "0003_list_export"),
        ("core", "0004_competent_unit"),
        ("core", "0005_form_submission"),
        ("core", "0006_partner_sister_since"),
        ("core", "0007_worker_process"),
        ("core", "0008_list_order"),
    ]

    initial = True

    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="WorkerProcess",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("worker_id", models.CharField(max_length=64, unique=True, verbose_name="Mã tiến trình nền")),
                ("host", models.CharField(max_length=255, verbose_name="Máy")),
                ("pid", models.PositiveIntegerField(verbose_name="Số hiệu tiến trình")),
                (
                    "proc_start",
                    models.CharField(
                        blank=True, max_length=32, verbose_name="Thời điểm khởi động tiến trình (hệ điều hành)"
                    ),
                ),
                ("started_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="Khởi động lúc")),
                ("seen_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="Còn chạy lúc")),
            ],
            options={
                "verbose_name": "Tiến trình nền",
                "verbose_name_plural": "Tiến trình nền",
                "ordering": ["-started_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="User",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("password", models.CharField(max_length=128, verbose_name="password")),
                ("last_login", models.DateTimeField(blank=True, null=True, verbose_name="last login")),
                (
                    "is_superuser",
                    models.BooleanField(
                        default=False,
                        help_text="Designates that this user has all permissions without explicitly assigning them.",
                        verbose_name="superuser status",
                    ),
                ),
                (
                    "username",
                    models.CharField(
                        error_messages={"unique": "A user with that username already exists."},
                        help_text="Required. 150 characters or fewer. Letters, digits and @/./+/-/_ only.",
                        max_length=150,
                        unique=True,
                        validators=[django.contrib.auth.validators.UnicodeUsernameValidator()],
                        verbose_name="username",
                    ),
                ),
                ("first_name", models.CharField(blank=True, max_length=150, verbose_name="first name")),
                ("last_name", models.CharField(blank=True, max_length=150, verbose_name="last name")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="email address")),
                (
                    "is_staff",
                    models.BooleanField(
                        default=False,
                        help_text="Designates whether the user can log into this admin site.",
                        verbose_name="staff status",
                    ),
                ),
                (
                    "is_active",
                    models.BooleanField(
                        default=True,
                        help_text="Designates whether this user should be treated as active. Unselect this instead of deleting accounts.",
                        verbose_name="active",
                    ),
                ),
                ("date_joined", models.DateTimeField(default=django.utils.timezone.now, verbose_name="date joined")),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("coordinator", "Cơ quan điều phối (Sở Ngoại vụ)"),
                            ("unit_officer", "Cán bộ đơn vị"),
                            ("leader", "Lãnh đạo tỉnh"),
                            ("finance", "Sở Tài chính"),
                            ("admin", "Quản trị hệ thống"),
                        ],
                        default="unit_officer",
                        max_length=32,
                        verbose_name="Vai trò",
                    ),
                ),
                ("phone", models.CharField(blank=True, max_length=32, verbose_name="Điện thoại")),
                (
                    "groups",
                    models.ManyToManyField(
                        blank=True,
                        help_text="The groups this user belongs to. A user will get all permissions granted to each of their groups.",
                        related_name="user_set",
                        related_query_name="user",
                        to="auth.group",
                        verbose_name="groups",
                    ),
                ),
                (
                    "user_permissions",
                    models.ManyToManyField(
                        blank=True,
                        help_text="Specific permissions for this user.",
                        related_name="user_set",
                        related_query_name="user",
                        to="auth.permission",
                        verbose_name="user permissions",
                    ),
                ),
            ],
            options={
                "verbose_name": "Người dùng",
                "verbose_name_plural": "Người dùng",
            },
            managers=[
                ("objects", django.contrib.auth.models.UserManager()),
            ],
        ),
        migrations.CreateModel(
            name="AdministrativeUnit",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("province", "Tỉnh, thành phố"),
                            ("commune", "Xã"),
                            ("ward", "Phường"),
                            ("special_zone", "Đặc khu"),
                            ("former_province", "Tỉnh, thành phố (trước 2025)"),
                            ("former_district", "Huyện, quận, thị xã, thành phố (trước 2025)"),
                        ],
                        db_index=True,
                        max_length=16,
                        verbose_name="Loại",
                    ),
                ),
                ("code", models.PositiveIntegerField(verbose_name="Mã đơn vị hành chính")),
                ("name", models.CharField(max_length=128, verbose_name="Tên")),
                ("search_text", models.TextField(blank=True, editable=False)),
                (
                    "former_province",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="former_districts",
                        to="core.administrativeunit",
                        verbose_name="Thuộc tỉnh (trước 2025)",
                    ),
                ),
                (
                    "province",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.administrativeunit",
                        verbose_name="Thuộc tỉnh, thành phố (hiện nay)",
                    ),
                ),
            ],
            options={
                "verbose_name": "Đơn vị hành chính",
                "verbose_name_plural": "Đơn vị hành chính Việt Nam",
                "ordering": ["kind", "name"],
            },
        ),
        migrations.CreateModel(
            name="BusinessEvent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("object_id", models.PositiveBigIntegerField()),
                ("verb", models.CharField(max_length=64, verbose_name="Sự kiện")),
                ("summary", models.CharField(max_length=500, verbose_name="Nội dung")),
                ("data", models.JSONField(blank=True, default=dict)),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Thời điểm")),
                (
                    "actor",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người thực hiện",
                    ),
                ),
                (
                    "content_type",
                    models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to="contenttypes.contenttype"),
                ),
            ],
            options={
                "verbose_name": "Sự kiện nghiệp vụ",
                "verbose_name_plural": "Sự kiện nghiệp vụ",
                "ordering": ["-created_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="Country",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("code", models.CharField(max_length=2, unique=True, verbose_name="Mã ISO")),
                ("name_vi", models.CharField(max_length=128, verbose_name="Tên tiếng Việt")),
                ("name_en", models.CharField(blank=True, max_length=128, verbose_name="Tên tiếng Anh")),
                (
                    "region",
                    models.CharField(
                        choices=[
                            ("lao", "Lào"),
                            ("sea", "Đông Nam Á"),
                            ("nea", "Đông Bắc Á"),
                            ("europe", "Châu Âu"),
                            ("americas", "Châu Mỹ"),
                            ("oceania", "Châu Đại Dương"),
                            ("other", "Khác"),
                        ],
                        default="other",
                        max_length=16,
                        verbose_name="Khu vực",
                    ),
                ),
                ("aliases", models.JSONField(blank=True, default=list, verbose_name="Tên gọi khác")),
                ("search_text", models.TextField(blank=True, editable=False)),
            ],
            options={
                "verbose_name": "Nước, vùng lãnh thổ",
                "verbose_name_plural": "Nước, vùng lãnh thổ",
                "ordering": ["name_vi"],
                "constraints": [
                    models.UniqueConstraint(models.F("name_vi"), models.F("code"), name="core_country_name_code")
                ],
            },
        ),
        migrations.CreateModel(
            name="DiplomaticRelation",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "code",
                    models.CharField(
                        help_text="ISO 3166 hoặc EU, ASEAN; LA-TREATY cho hiệp ước",
                        max_length=16,
                        unique=True,
                        verbose_name="Mã",
                    ),
                ),
                ("name_vi", models.CharField(max_length=128, verbose_name="Tên")),
                ("established_on", models.DateField(verbose_name="Ngày thiết lập")),
                ("kind", models.CharField(default="relations", max_length=32, verbose_name="Loại")),
                (
                    "confidence",
                    models.CharField(
                        blank=True,
                        help_text="seed, public-source, recalled (cần kiểm tra lại)",
                        max_length=32,
                        verbose_name="Độ tin cậy",
                    ),
                ),
                (
                    "country",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        to="core.country",
                        verbose_name="Nước",
                    ),
                ),
            ],
            options={
                "verbose_name": "Quan hệ ngoại giao",
                "verbose_name_plural": "Quan hệ ngoại giao",
                "ordering": ["established_on"],
            },
        ),
        migrations.CreateModel(
            name="FormSubmission",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(max_length=64)),
                ("object_id", models.PositiveBigIntegerField()),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="contenttypes.contenttype"
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to=settings.AUTH_USER_MODEL
                    ),
                ),
            ],
            options={
                "verbose_name": "Lần gửi biểu mẫu tạo mới",
                "verbose_name_plural": "Lần gửi biểu mẫu tạo mới",
            },
        ),
        migrations.CreateModel(
            name="HistoricalAdministrativeUnit",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("province", "Tỉnh, thành phố"),
                            ("commune", "Xã"),
                            ("ward", "Phường"),
                            ("special_zone", "Đặc khu"),
                            ("former_province", "Tỉnh, thành phố (trước 2025)"),
                            ("former_district", "Huyện, quận, thị xã, thành phố (trước 2025)"),
                        ],
                        db_index=True,
                        max_length=16,
                        verbose_name="Loại",
                    ),
                ),
                ("code", models.PositiveIntegerField(verbose_name="Mã đơn vị hành chính")),
                ("name", models.CharField(max_length=128, verbose_name="Tên")),
                ("search_text", models.TextField(blank=True, editable=False)),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "former_province",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.administrativeunit",
                        verbose_name="Thuộc tỉnh (trước 2025)",
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
                    "province",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.administrativeunit",
                        verbose_name="Thuộc tỉnh, thành phố (hiện nay)",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical Đơn vị hành chính",
                "verbose_name_plural": "historical Đơn vị hành chính Việt Nam",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCountry",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("code", models.CharField(db_index=True, max_length=2, verbose_name="Mã ISO")),
                ("name_vi", models.CharField(max_length=128, verbose_name="Tên tiếng Việt")),
                ("name_en", models.CharField(blank=True, max_length=128, verbose_name="Tên tiếng Anh")),
                (
                    "region",
                    models.CharField(
                        choices=[
                            ("lao", "Lào"),
                            ("sea", "Đông Nam Á"),
                            ("nea", "Đông Bắc Á"),
                            ("europe", "Châu Âu"),
                            ("americas", "Châu Mỹ"),
                            ("oceania", "Châu Đại Dương"),
                            ("other", "Khác"),
                        ],
                        default="other",
                        max_length=16,
                        verbose_name="Khu vực",
                    ),
                ),
                ("aliases", models.JSONField(blank=True, default=list, verbose_name="Tên gọi khác")),
                ("search_text", models.TextField(blank=True, editable=False)),
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
                "verbose_name": "historical Nước, vùng lãnh thổ",
                "verbose_name_plural": "historical Nước, vùng lãnh thổ",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalDiplomaticRelation",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "code",
                    models.CharField(
                        db_index=True,
                        help_text="ISO 3166 hoặc EU, ASEAN; LA-TREATY cho hiệp ước",
                        max_length=16,
                        verbose_name="Mã",
                    ),
                ),
                ("name_vi", models.CharField(max_length=128, verbose_name="Tên")),
                ("established_on", models.DateField(verbose_name="Ngày thiết lập")),
                ("kind", models.CharField(default="relations", max_length=32, verbose_name="Loại")),
                (
                    "confidence",
                    models.CharField(
                        blank=True,
                        help_text="seed, public-source, recalled (cần kiểm tra lại)",
                        max_length=32,
                        verbose_name="Độ tin cậy",
                    ),
                ),
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
                        verbose_name="Nước",
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
                "verbose_name": "historical Quan hệ ngoại giao",
                "verbose_name_plural": "historical Quan hệ ngoại giao",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPartner",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("name", models.CharField(max_length=255, verbose_name="Tên đối tác")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("locality", "Địa phương nước ngoài"),
                            ("government", "Cơ quan chính phủ"),
                            ("mission", "Cơ quan đại diện (ĐSQ, TLSQ)"),
                            ("intl_org", "Tổ chức quốc tế"),
                            ("ngo", "Tổ chức phi chính phủ nước ngoài"),
                            ("business_assoc", "Hiệp hội doanh nghiệp"),
                            ("enterprise", "Doanh nghiệp"),
                            ("party", "Chính đảng"),
                            ("university", "Trường đại học, viện"),
                        ],
                        max_length=32,
                        verbose_name="Loại đối tác",
                    ),
                ),
                (
                    "aliases",
                    models.JSONField(
                        blank=True,
                        default=list,
                        help_text="Các cách viết khác, mỗi dòng một tên",
                        verbose_name="Tên gọi khác",
                    ),
                ),
                (
                    "friendship_since",
                    models.DateField(blank=True, null=True, verbose_name="Thiết lập quan hệ hữu nghị"),
                ),
                ("mou_since", models.DateField(blank=True, null=True, verbose_name="Ký biên bản ghi nhớ (MOU)")),
                ("sister_since", models.DateField(blank=True, null=True, verbose_name="Kết nghĩa")),
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
                    "country",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.country",
                        verbose_name="Nước",
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
                "verbose_name": "historical Đối tác",
                "verbose_name_plural": "historical Đối tác",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="ListExport",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("path", models.CharField(max_length=200, verbose_name="Trang danh sách")),
                ("query", models.TextField(blank=True, verbose_name="Bộ lọc")),
                ("title", models.CharField(max_length=200, verbose_name="Danh sách")),
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
                ("total", models.PositiveIntegerField(default=0, verbose_name="Số dòng")),
                ("done", models.PositiveIntegerField(default=0, verbose_name="Đã ghi")),
                ("requested_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="Yêu cầu lúc")),
                ("finished_at", models.DateTimeField(blank=True, null=True, verbose_name="Xong lúc")),
                ("file", models.FileField(blank=True, max_length=500, upload_to="exports/lists/", verbose_name="Tệp")),
                ("error", models.TextField(blank=True, verbose_name="Lỗi")),
                (
                    "requested_by",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người yêu cầu",
                    ),
                ),
            ],
            options={
                "verbose_name": "Tệp xuất danh sách",
                "verbose_name_plural": "Tệp xuất danh sách",
                "ordering": ["-requested_at", "-id"],
            },
        ),
        migrations.CreateModel(
            name="Partner",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("name", models.CharField(max_length=255, verbose_name="Tên đối tác")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("locality", "Địa phương nước ngoài"),
                            ("government", "Cơ quan chính phủ"),
                            ("mission", "Cơ quan đại diện (ĐSQ, TLSQ)"),
                            ("intl_org", "Tổ chức quốc tế"),
                            ("ngo", "Tổ chức phi chính phủ nước ngoài"),
                            ("business_assoc", "Hiệp hội doanh nghiệp"),
                            ("enterprise", "Doanh nghiệp"),
                            ("party", "Chính đảng"),
                            ("university", "Trường đại học, viện"),
                        ],
                        max_length=32,
                        verbose_name="Loại đối tác",
                    ),
                ),
                (
                    "aliases",
                    models.JSONField(
                        blank=True,
                        default=list,
                        help_text="Các cách viết khác, mỗi dòng một tên",
                        verbose_name="Tên gọi khác",
                    ),
                ),
                (
                    "friendship_since",
                    models.DateField(blank=True, null=True, verbose_name="Thiết lập quan hệ hữu nghị"),
                ),
                ("mou_since", models.DateField(blank=True, null=True, verbose_name="Ký biên bản ghi nhớ (MOU)")),
                ("sister_since", models.DateField(blank=True, null=True, verbose_name="Kết nghĩa")),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                ("search_text", models.TextField(blank=True, editable=False)),
                (
                    "country",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="partners",
                        to="core.country",
                        verbose_name="Nước",
                    ),
                ),
            ],
            options={
                "verbose_name": "Đối tác",
                "verbose_name_plural": "Đối tác",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="Unit",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("name", models.CharField(max_length=255, unique=True, verbose_name="Tên cơ quan, đơn vị")),
                ("short_name", models.CharField(blank=True, max_length=64, verbose_name="Tên viết tắt")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("party", "Cơ quan Đảng"),
                            ("council", "Hội đồng nhân dân"),
                            ("peoples_committee", "Ủy ban nhân dân"),
                            ("department", "Sở, ban, ngành"),
                            ("mass_org", "Đoàn thể, tổ chức chính trị - xã hội"),
                            ("armed_force", "Lực lượng vũ trang"),
                            ("district", "Huyện, thành phố, thị xã"),
                            ("commune", "Xã, phường, thị trấn"),
                            ("enterprise", "Doanh nghiệp, đơn vị sự nghiệp"),
                        ],
                        max_length=32,
                        verbose_name="Loại",
                    ),
                ),
                ("is_coordinator", models.BooleanField(default=False, verbose_name="Là cơ quan điều phối đối ngoại")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="Thư điện tử")),
                ("active_from", models.DateField(blank=True, null=True, verbose_name="Hoạt động từ")),
                (
                    "active_to",
                    models.DateField(
                        blank=True, help_text="Để trống nếu còn hoạt động", null=True, verbose_name="Hoạt động đến"
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                (
                    "admin_unit",
                    models.ForeignKey(
                        blank=True,
                        help_text="Với xã, phường: đơn vị hành chính hiện nay; với huyện: huyện trước năm 2025",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="units",
                        to="core.administrativeunit",
                        verbose_name="Đơn vị hành chính",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="children",
                        to="core.unit",
                        verbose_name="Đơn vị cấp trên",
                    ),
                ),
            ],
            options={
                "verbose_name": "Cơ quan, đơn vị",
                "verbose_name_plural": "Cơ quan, đơn vị",
                "ordering": ["name"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalUnit",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("name", models.CharField(db_index=True, max_length=255, verbose_name="Tên cơ quan, đơn vị")),
                ("short_name", models.CharField(blank=True, max_length=64, verbose_name="Tên viết tắt")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("party", "Cơ quan Đảng"),
                            ("council", "Hội đồng nhân dân"),
                            ("peoples_committee", "Ủy ban nhân dân"),
                            ("department", "Sở, ban, ngành"),
                            ("mass_org", "Đoàn thể, tổ chức chính trị - xã hội"),
                            ("armed_force", "Lực lượng vũ trang"),
                            ("district", "Huyện, thành phố, thị xã"),
                            ("commune", "Xã, phường, thị trấn"),
                            ("enterprise", "Doanh nghiệp, đơn vị sự nghiệp"),
                        ],
                        max_length=32,
                        verbose_name="Loại",
                    ),
                ),
                ("is_coordinator", models.BooleanField(default=False, verbose_name="Là cơ quan điều phối đối ngoại")),
                ("email", models.EmailField(blank=True, max_length=254, verbose_name="Thư điện tử")),
                ("active_from", models.DateField(blank=True, null=True, verbose_name="Hoạt động từ")),
                (
                    "active_to",
                    models.DateField(
                        blank=True, help_text="Để trống nếu còn hoạt động", null=True, verbose_name="Hoạt động đến"
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "admin_unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Với xã, phường: đơn vị hành chính hiện nay; với huyện: huyện trước năm 2025",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.administrativeunit",
                        verbose_name="Đơn vị hành chính",
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
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.unit",
                        verbose_name="Đơn vị cấp trên",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical Cơ quan, đơn vị",
                "verbose_name_plural": "historical Cơ quan, đơn vị",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalCompetentUnit",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "subject",
                    models.CharField(
                        choices=[
                            ("border", "Biên giới: mốc quốc giới, cửa khẩu"),
                            ("consular", "Bảo hộ công dân"),
                            ("apec", "Thẻ đi lại của doanh nhân APEC (ABTC)"),
                            ("personal_data", "Dữ liệu cá nhân kiều bào"),
                        ],
                        max_length=32,
                        verbose_name="Lĩnh vực",
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=255, verbose_name="Căn cứ, ghi chú")),
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
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.unit",
                        verbose_name="Đơn vị có thẩm quyền",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical Đơn vị có thẩm quyền",
                "verbose_name_plural": "historical Đơn vị có thẩm quyền theo lĩnh vực",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="CompetentUnit",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "subject",
                    models.CharField(
                        choices=[
                            ("border", "Biên giới: mốc quốc giới, cửa khẩu"),
                            ("consular", "Bảo hộ công dân"),
                            ("apec", "Thẻ đi lại của doanh nhân APEC (ABTC)"),
                            ("personal_data", "Dữ liệu cá nhân kiều bào"),
                        ],
                        max_length=32,
                        verbose_name="Lĩnh vực",
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=255, verbose_name="Căn cứ, ghi chú")),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="core.unit",
                        verbose_name="Đơn vị có thẩm quyền",
                    ),
                ),
            ],
            options={
                "verbose_name": "Đơn vị có thẩm quyền",
                "verbose_name_plural": "Đơn vị có thẩm quyền theo lĩnh vực",
                "ordering": ["subject", "unit__name"],
            },
        ),
        migrations.AddField(
            model_name="user",
            name="unit",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                to="core.unit",
                verbose_name="Đơn vị",
            ),
        ),
        migrations.AddConstraint(
            model_name="administrativeunit",
            constraint=models.UniqueConstraint(fields=("kind", "code"), name="adminunit_unique_kind_code"),
        ),
        migrations.AddIndex(
            model_name="businessevent",
            index=models.Index(fields=["content_type", "object_id"], name="core_busine_content_89d5ef_idx"),
        ),
        migrations.AddConstraint(
            model_name="formsubmission",
            constraint=models.UniqueConstraint(fields=("user", "key"), name="form_submission_once"),
        ),
        migrations.AddConstraint(
            model_name="partner",
            constraint=models.UniqueConstraint(fields=("name", "country"), name="partner_unique_name_country"),
        ),
        migrations.AddConstraint(
            model_name="competentunit",
            constraint=models.UniqueConstraint(fields=("subject", "unit"), name="competent_unit_once"),
        ),
    ]
