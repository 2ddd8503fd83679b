"""Finance: every migration up to 0002 in one.

Squashed by hand (Django's optimizer cannot fold this history: every AddIndex is a barrier to it): the operations
are those `makemigrations` writes for the models as they stand. It is used where none of the migrations it replaces
has run (a new database) and marks them all as applied; a database part-way through them finishes them one by one.
Its purpose is speed: Django re-renders the migration state's models after each operation of each small migration,
most of a new database's `migrate` (README, Performance).
"""

from decimal import Decimal

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [("finance", "0001_initial"), ("finance", "0002_budget_totals_covering")]

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("core", "0001_squashed_0008_list_order"),
    ]

    operations = [
        migrations.CreateModel(
            name="Authority",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("name", models.CharField(max_length=255, unique=True, verbose_name="Cấp có thẩm quyền")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("central", "Trung ương (Bộ Chính trị, Ban Bí thư)"),
                            ("party_standing", "Ban Thường vụ Tỉnh ủy"),
                            ("chairman", "Chủ tịch UBND tỉnh"),
                            ("vice_chairman", "Phó Chủ tịch UBND tỉnh (được phân công, ủy quyền)"),
                            ("unit_head", "Thủ trưởng cơ quan, đơn vị (cán bộ thuộc quyền)"),
                        ],
                        max_length=16,
                        verbose_name="Loại",
                    ),
                ),
                (
                    "level",
                    models.PositiveSmallIntegerField(
                        default=50, help_text="Số nhỏ là cấp cao hơn", verbose_name="Thứ bậc"
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
            ],
            options={
                "verbose_name": "Cấp có thẩm quyền",
                "verbose_name_plural": "Cấp có thẩm quyền quyết định",
                "ordering": ["level", "name"],
            },
        ),
        migrations.CreateModel(
            name="ApprovalRule",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "target",
                    models.CharField(
                        choices=[("delegation", "Đoàn ra, đoàn vào")], max_length=16, verbose_name="Áp dụng cho"
                    ),
                ),
                (
                    "direction",
                    models.CharField(
                        blank=True,
                        choices=[("out", "Đoàn ra"), ("in", "Đoàn vào")],
                        help_text="Trống: cả hai",
                        max_length=3,
                        verbose_name="Loại đoàn",
                    ),
                ),
                (
                    "group",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("central_leaders", "Lãnh đạo tỉnh thuộc diện Bộ Chính trị, Ban Bí thư quản lý"),
                            ("provincial_leaders", "Lãnh đạo tỉnh"),
                            ("departments", "Sở, ban, ngành, đoàn thể cấp tỉnh"),
                            ("armed_forces", "Lực lượng vũ trang (Công an, Quân sự, Biên phòng)"),
                            ("districts", "Huyện, thành phố, thị xã, xã"),
                        ],
                        help_text="Trống: mọi nhóm",
                        max_length=32,
                        verbose_name="Nhóm",
                    ),
                ),
                (
                    "state_budget",
                    models.BooleanField(
                        blank=True,
                        help_text="Trống: có hoặc không",
                        null=True,
                        verbose_name="Sử dụng ngân sách nhà nước",
                    ),
                ),
                (
                    "head_rank",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: “Giám đốc” (không gồm “Phó Giám đốc”); trống: mọi chức vụ",
                        max_length=128,
                        verbose_name="Chức vụ trưởng đoàn bắt đầu bằng",
                    ),
                ),
                (
                    "priority",
                    models.PositiveSmallIntegerField(
                        default=100, help_text="Quy tắc số nhỏ được xét trước", verbose_name="Thứ tự xét"
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: Quy chế quản lý thống nhất …",
                        max_length=500,
                        verbose_name="Căn cứ",
                    ),
                ),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                (
                    "authority",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="rules",
                        to="finance.authority",
                        verbose_name="Cấp quyết định",
                    ),
                ),
            ],
            options={
                "verbose_name": "Quy tắc thẩm quyền",
                "verbose_name_plural": "Quy tắc thẩm quyền quyết định",
                "ordering": ["target", "priority", "id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalApprovalRule",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "target",
                    models.CharField(
                        choices=[("delegation", "Đoàn ra, đoàn vào")], max_length=16, verbose_name="Áp dụng cho"
                    ),
                ),
                (
                    "direction",
                    models.CharField(
                        blank=True,
                        choices=[("out", "Đoàn ra"), ("in", "Đoàn vào")],
                        help_text="Trống: cả hai",
                        max_length=3,
                        verbose_name="Loại đoàn",
                    ),
                ),
                (
                    "group",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("central_leaders", "Lãnh đạo tỉnh thuộc diện Bộ Chính trị, Ban Bí thư quản lý"),
                            ("provincial_leaders", "Lãnh đạo tỉnh"),
                            ("departments", "Sở, ban, ngành, đoàn thể cấp tỉnh"),
                            ("armed_forces", "Lực lượng vũ trang (Công an, Quân sự, Biên phòng)"),
                            ("districts", "Huyện, thành phố, thị xã, xã"),
                        ],
                        help_text="Trống: mọi nhóm",
                        max_length=32,
                        verbose_name="Nhóm",
                    ),
                ),
                (
                    "state_budget",
                    models.BooleanField(
                        blank=True,
                        help_text="Trống: có hoặc không",
                        null=True,
                        verbose_name="Sử dụng ngân sách nhà nước",
                    ),
                ),
                (
                    "head_rank",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: “Giám đốc” (không gồm “Phó Giám đốc”); trống: mọi chức vụ",
                        max_length=128,
                        verbose_name="Chức vụ trưởng đoàn bắt đầu bằng",
                    ),
                ),
                (
                    "priority",
                    models.PositiveSmallIntegerField(
                        default=100, help_text="Quy tắc số nhỏ được xét trước", verbose_name="Thứ tự xét"
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: Quy chế quản lý thống nhất …",
                        max_length=500,
                        verbose_name="Căn cứ",
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
                    "authority",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="finance.authority",
                        verbose_name="Cấp quyết định",
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
                "verbose_name": "historical Quy tắc thẩm quyền",
                "verbose_name_plural": "historical Quy tắc thẩm quyền quyết định",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalAuthority",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("name", models.CharField(db_index=True, max_length=255, verbose_name="Cấp có thẩm quyền")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("central", "Trung ương (Bộ Chính trị, Ban Bí thư)"),
                            ("party_standing", "Ban Thường vụ Tỉnh ủy"),
                            ("chairman", "Chủ tịch UBND tỉnh"),
                            ("vice_chairman", "Phó Chủ tịch UBND tỉnh (được phân công, ủy quyền)"),
                            ("unit_head", "Thủ trưởng cơ quan, đơn vị (cán bộ thuộc quyền)"),
                        ],
                        max_length=16,
                        verbose_name="Loại",
                    ),
                ),
                (
                    "level",
                    models.PositiveSmallIntegerField(
                        default=50, help_text="Số nhỏ là cấp cao hơn", verbose_name="Thứ bậc"
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
                "verbose_name": "historical Cấp có thẩm quyền",
                "verbose_name_plural": "historical Cấp có thẩm quyền quyết định",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalAuthorityGrant",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("valid_from", models.DateField(default=django.utils.timezone.localdate, verbose_name="Từ ngày")),
                (
                    "valid_to",
                    models.DateField(
                        blank=True, help_text="Để trống nếu không thời hạn", null=True, verbose_name="Đến hết ngày"
                    ),
                ),
                ("basis", models.CharField(blank=True, max_length=255, verbose_name="Văn bản phân công, ủy quyền")),
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
                        verbose_name="Thẩm quyền",
                    ),
                ),
                (
                    "delegated_by",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Ủy quyền bởi",
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
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Thủ trưởng đơn vị: quyết định cho cán bộ của đơn vị này",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.unit",
                        verbose_name="Đối với cơ quan, đơn vị",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Tài khoản",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical Người có thẩm quyền",
                "verbose_name_plural": "historical Người có thẩm quyền, ủy quyền",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalNorm",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("outbound_allowance", "Công tác nước ngoài: tiền ăn và tiêu vặt"),
                            ("outbound_accommodation", "Công tác nước ngoài: tiền thuê chỗ ở"),
                            ("outbound_airport", "Công tác nước ngoài: đi lại sân bay – nơi ở"),
                            ("inbound_accommodation", "Đón khách nước ngoài: thuê phòng nghỉ"),
                            ("inbound_meals", "Đón khách nước ngoài: ăn hằng ngày"),
                            ("inbound_banquet", "Đón khách nước ngoài: chiêu đãi"),
                            ("inbound_gift", "Đón khách nước ngoài: quà tặng"),
                            ("inbound_interpretation", "Phiên dịch, biên dịch"),
                            ("conference", "Hội nghị, hội thảo quốc tế"),
                            ("other", "Khác"),
                        ],
                        db_index=True,
                        max_length=32,
                        verbose_name="Loại định mức",
                    ),
                ),
                (
                    "rank",
                    models.CharField(
                        blank=True,
                        help_text="Chức danh, hạng khách; để trống nếu áp dụng chung",
                        max_length=255,
                        verbose_name="Áp dụng cho",
                    ),
                ),
                ("item", models.CharField(max_length=255, verbose_name="Nội dung")),
                (
                    "amount",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="Để trống khi chưa kiểm tra",
                        max_digits=18,
                        null=True,
                        verbose_name="Mức tối đa",
                    ),
                ),
                (
                    "currency",
                    models.CharField(
                        choices=[
                            ("VND", "VND — Đồng Việt Nam"),
                            ("USD", "USD — Đô la Mỹ"),
                            ("EUR", "EUR — Euro"),
                            ("JPY", "JPY — Yên Nhật"),
                            ("KRW", "KRW — Won Hàn Quốc"),
                            ("CNY", "CNY — Nhân dân tệ"),
                            ("LAK", "LAK — Kíp Lào"),
                            ("THB", "THB — Baht Thái"),
                            ("KHR", "KHR — Riel Campuchia"),
                            ("SGD", "SGD — Đô la Singapore"),
                            ("MYR", "MYR — Ringgit Malaysia"),
                            ("IDR", "IDR — Rupiah Indonesia"),
                            ("PHP", "PHP — Peso Philippines"),
                            ("MMK", "MMK — Kyat Myanmar"),
                            ("TWD", "TWD — Đô la Đài Loan"),
                            ("HKD", "HKD — Đô la Hồng Kông"),
                            ("INR", "INR — Rupee Ấn Độ"),
                            ("GBP", "GBP — Bảng Anh"),
                            ("CHF", "CHF — Franc Thụy Sĩ"),
                            ("RUB", "RUB — Rúp Nga"),
                            ("AUD", "AUD — Đô la Úc"),
                            ("NZD", "NZD — Đô la New Zealand"),
                            ("CAD", "CAD — Đô la Canada"),
                            ("CZK", "CZK — Koruna Séc"),
                            ("PLN", "PLN — Złoty Ba Lan"),
                            ("HUF", "HUF — Forint Hungary"),
                            ("SEK", "SEK — Krona Thụy Điển"),
                            ("AED", "AED — Dirham UAE"),
                            ("CUP", "CUP — Peso Cuba"),
                        ],
                        default="VND",
                        max_length=3,
                        verbose_name="Tiền tệ",
                    ),
                ),
                (
                    "per",
                    models.CharField(
                        choices=[
                            ("person_day", "người/ngày"),
                            ("person", "người"),
                            ("trip", "người/lượt"),
                            ("page", "trang"),
                            ("hour", "giờ"),
                            ("day", "ngày"),
                            ("event", "cuộc"),
                        ],
                        default="person_day",
                        max_length=16,
                        verbose_name="Tính theo",
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        help_text="Văn bản, điều, phụ lục (và địa chỉ đã đối chiếu)",
                        max_length=500,
                        verbose_name="Căn cứ",
                    ),
                ),
                ("valid_from", models.DateField(blank=True, null=True, verbose_name="Áp dụng từ ngày")),
                ("valid_to", models.DateField(blank=True, null=True, verbose_name="Hết hiệu lực từ ngày")),
                ("verified", models.BooleanField(default=False, verbose_name="Đã đối chiếu văn bản")),
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
                "verbose_name": "historical Định mức chi",
                "verbose_name_plural": "historical Định mức chi (đối ngoại)",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Norm",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("outbound_allowance", "Công tác nước ngoài: tiền ăn và tiêu vặt"),
                            ("outbound_accommodation", "Công tác nước ngoài: tiền thuê chỗ ở"),
                            ("outbound_airport", "Công tác nước ngoài: đi lại sân bay – nơi ở"),
                            ("inbound_accommodation", "Đón khách nước ngoài: thuê phòng nghỉ"),
                            ("inbound_meals", "Đón khách nước ngoài: ăn hằng ngày"),
                            ("inbound_banquet", "Đón khách nước ngoài: chiêu đãi"),
                            ("inbound_gift", "Đón khách nước ngoài: quà tặng"),
                            ("inbound_interpretation", "Phiên dịch, biên dịch"),
                            ("conference", "Hội nghị, hội thảo quốc tế"),
                            ("other", "Khác"),
                        ],
                        db_index=True,
                        max_length=32,
                        verbose_name="Loại định mức",
                    ),
                ),
                (
                    "rank",
                    models.CharField(
                        blank=True,
                        help_text="Chức danh, hạng khách; để trống nếu áp dụng chung",
                        max_length=255,
                        verbose_name="Áp dụng cho",
                    ),
                ),
                ("item", models.CharField(max_length=255, verbose_name="Nội dung")),
                (
                    "amount",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        help_text="Để trống khi chưa kiểm tra",
                        max_digits=18,
                        null=True,
                        verbose_name="Mức tối đa",
                    ),
                ),
                (
                    "currency",
                    models.CharField(
                        choices=[
                            ("VND", "VND — Đồng Việt Nam"),
                            ("USD", "USD — Đô la Mỹ"),
                            ("EUR", "EUR — Euro"),
                            ("JPY", "JPY — Yên Nhật"),
                            ("KRW", "KRW — Won Hàn Quốc"),
                            ("CNY", "CNY — Nhân dân tệ"),
                            ("LAK", "LAK — Kíp Lào"),
                            ("THB", "THB — Baht Thái"),
                            ("KHR", "KHR — Riel Campuchia"),
                            ("SGD", "SGD — Đô la Singapore"),
                            ("MYR", "MYR — Ringgit Malaysia"),
                            ("IDR", "IDR — Rupiah Indonesia"),
                            ("PHP", "PHP — Peso Philippines"),
                            ("MMK", "MMK — Kyat Myanmar"),
                            ("TWD", "TWD — Đô la Đài Loan"),
                            ("HKD", "HKD — Đô la Hồng Kông"),
                            ("INR", "INR — Rupee Ấn Độ"),
                            ("GBP", "GBP — Bảng Anh"),
                            ("CHF", "CHF — Franc Thụy Sĩ"),
                            ("RUB", "RUB — Rúp Nga"),
                            ("AUD", "AUD — Đô la Úc"),
                            ("NZD", "NZD — Đô la New Zealand"),
                            ("CAD", "CAD — Đô la Canada"),
                            ("CZK", "CZK — Koruna Séc"),
                            ("PLN", "PLN — Złoty Ba Lan"),
                            ("HUF", "HUF — Forint Hungary"),
                            ("SEK", "SEK — Krona Thụy Điển"),
                            ("AED", "AED — Dirham UAE"),
                            ("CUP", "CUP — Peso Cuba"),
                        ],
                        default="VND",
                        max_length=3,
                        verbose_name="Tiền tệ",
                    ),
                ),
                (
                    "per",
                    models.CharField(
                        choices=[
                            ("person_day", "người/ngày"),
                            ("person", "người"),
                            ("trip", "người/lượt"),
                            ("page", "trang"),
                            ("hour", "giờ"),
                            ("day", "ngày"),
                            ("event", "cuộc"),
                        ],
                        default="person_day",
                        max_length=16,
                        verbose_name="Tính theo",
                    ),
                ),
                (
                    "source",
                    models.CharField(
                        help_text="Văn bản, điều, phụ lục (và địa chỉ đã đối chiếu)",
                        max_length=500,
                        verbose_name="Căn cứ",
                    ),
                ),
                ("valid_from", models.DateField(blank=True, null=True, verbose_name="Áp dụng từ ngày")),
                ("valid_to", models.DateField(blank=True, null=True, verbose_name="Hết hiệu lực từ ngày")),
                ("verified", models.BooleanField(default=False, verbose_name="Đã đối chiếu văn bản")),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                (
                    "country",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.country",
                        verbose_name="Nước",
                    ),
                ),
            ],
            options={
                "verbose_name": "Định mức chi",
                "verbose_name_plural": "Định mức chi (đối ngoại)",
                "ordering": ["kind", "country__name_vi", "rank", "item"],
            },
        ),
        migrations.CreateModel(
            name="CostLine",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("object_id", models.PositiveBigIntegerField()),
                ("order", models.PositiveSmallIntegerField(default=0, verbose_name="Thứ tự")),
                (
                    "category",
                    models.CharField(
                        choices=[
                            ("air_fare", "Vé máy bay"),
                            ("allowance", "Tiền ăn và tiêu vặt (phụ cấp lưu trú)"),
                            ("accommodation", "Tiền thuê chỗ ở"),
                            ("local_transport", "Đi lại tại nước đến, đưa đón sân bay"),
                            ("visa_insurance", "Thị thực, bảo hiểm, lệ phí"),
                            ("reception", "Đón tiếp, chiêu đãi"),
                            ("meals", "Ăn hằng ngày"),
                            ("transport", "Phương tiện đi lại"),
                            ("interpretation", "Phiên dịch, biên dịch"),
                            ("venue", "Hội trường, thiết bị, trang trí"),
                            ("printing", "Tài liệu, in ấn"),
                            ("gifts", "Quà tặng"),
                            ("other", "Chi khác"),
                        ],
                        max_length=32,
                        verbose_name="Khoản chi",
                    ),
                ),
                ("description", models.CharField(blank=True, max_length=255, verbose_name="Diễn giải")),
                (
                    "quantity",
                    models.DecimalField(
                        decimal_places=2, default=Decimal("1"), max_digits=10, verbose_name="Số người (số lượng)"
                    ),
                ),
                (
                    "days",
                    models.DecimalField(
                        decimal_places=1, default=Decimal("1"), max_digits=6, verbose_name="Số ngày (số lần)"
                    ),
                ),
                ("unit_price", models.DecimalField(decimal_places=2, max_digits=18, verbose_name="Đơn giá")),
                (
                    "currency",
                    models.CharField(
                        choices=[
                            ("VND", "VND — Đồng Việt Nam"),
                            ("USD", "USD — Đô la Mỹ"),
                            ("EUR", "EUR — Euro"),
                            ("JPY", "JPY — Yên Nhật"),
                            ("KRW", "KRW — Won Hàn Quốc"),
                            ("CNY", "CNY — Nhân dân tệ"),
                            ("LAK", "LAK — Kíp Lào"),
                            ("THB", "THB — Baht Thái"),
                            ("KHR", "KHR — Riel Campuchia"),
                            ("SGD", "SGD — Đô la Singapore"),
                            ("MYR", "MYR — Ringgit Malaysia"),
                            ("IDR", "IDR — Rupiah Indonesia"),
                            ("PHP", "PHP — Peso Philippines"),
                            ("MMK", "MMK — Kyat Myanmar"),
                            ("TWD", "TWD — Đô la Đài Loan"),
                            ("HKD", "HKD — Đô la Hồng Kông"),
                            ("INR", "INR — Rupee Ấn Độ"),
                            ("GBP", "GBP — Bảng Anh"),
                            ("CHF", "CHF — Franc Thụy Sĩ"),
                            ("RUB", "RUB — Rúp Nga"),
                            ("AUD", "AUD — Đô la Úc"),
                            ("NZD", "NZD — Đô la New Zealand"),
                            ("CAD", "CAD — Đô la Canada"),
                            ("CZK", "CZK — Koruna Séc"),
                            ("PLN", "PLN — Złoty Ba Lan"),
                            ("HUF", "HUF — Forint Hungary"),
                            ("SEK", "SEK — Krona Thụy Điển"),
                            ("AED", "AED — Dirham UAE"),
                            ("CUP", "CUP — Peso Cuba"),
                        ],
                        default="VND",
                        max_length=3,
                        verbose_name="Tiền tệ",
                    ),
                ),
                (
                    "rate",
                    models.DecimalField(blank=True, decimal_places=4, max_digits=14, null=True, verbose_name="Tỷ giá"),
                ),
                ("rate_date", models.DateField(blank=True, null=True, verbose_name="Ngày tỷ giá")),
                ("amount_vnd", models.DecimalField(decimal_places=0, max_digits=18, verbose_name="Thành tiền (đồng)")),
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
                    "norm_amount",
                    models.DecimalField(
                        decimal_places=2, max_digits=18, null=True, verbose_name="Mức tối đa (theo định mức)"
                    ),
                ),
                ("over_norm", models.BooleanField(default=False, verbose_name="Vượt định mức")),
                (
                    "appraised_vnd",
                    models.DecimalField(
                        blank=True, decimal_places=0, max_digits=18, null=True, verbose_name="Thẩm định (đồng)"
                    ),
                ),
                (
                    "actual_vnd",
                    models.DecimalField(
                        blank=True, decimal_places=0, max_digits=18, null=True, verbose_name="Thực chi (đồng)"
                    ),
                ),
                ("actual_note", models.CharField(blank=True, max_length=255, verbose_name="Ghi chú thực chi")),
                ("created_at", models.DateTimeField(auto_now_add=True)),
                ("updated_at", models.DateTimeField(auto_now=True)),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="contenttypes.contenttype"
                    ),
                ),
                (
                    "country",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.country",
                        verbose_name="Nước",
                    ),
                ),
                (
                    "norm",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="finance.norm",
                        verbose_name="Định mức áp dụng",
                    ),
                ),
            ],
            options={
                "verbose_name": "Dòng dự toán",
                "verbose_name_plural": "Dự toán kinh phí",
                "ordering": ["content_type", "object_id", "order", "id"],
            },
        ),
        migrations.CreateModel(
            name="AuthorityGrant",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("valid_from", models.DateField(default=django.utils.timezone.localdate, verbose_name="Từ ngày")),
                (
                    "valid_to",
                    models.DateField(
                        blank=True, help_text="Để trống nếu không thời hạn", null=True, verbose_name="Đến hết ngày"
                    ),
                ),
                ("basis", models.CharField(blank=True, max_length=255, verbose_name="Văn bản phân công, ủy quyền")),
                (
                    "authority",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="grants",
                        to="finance.authority",
                        verbose_name="Thẩm quyền",
                    ),
                ),
                (
                    "delegated_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="delegated_grants",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Ủy quyền bởi",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        help_text="Thủ trưởng đơn vị: quyết định cho cán bộ của đơn vị này",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.unit",
                        verbose_name="Đối với cơ quan, đơn vị",
                    ),
                ),
                (
                    "user",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="authority_grants",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Tài khoản",
                    ),
                ),
            ],
            options={
                "verbose_name": "Người có thẩm quyền",
                "verbose_name_plural": "Người có thẩm quyền, ủy quyền",
                "ordering": ["authority__level", "valid_from"],
                "constraints": [
                    models.CheckConstraint(
                        condition=models.Q(
                            ("valid_to__isnull", True), ("valid_to__gte", models.F("valid_from")), _connector="OR"
                        ),
                        name="grant_period_in_order",
                    )
                ],
            },
        ),
        migrations.AddIndex(
            model_name="norm",
            index=models.Index(fields=["kind", "country"], name="finance_nor_kind_5710b6_idx"),
        ),
        migrations.AddIndex(
            model_name="costline",
            index=models.Index(
                fields=["content_type", "object_id", "funding_source", "amount_vnd", "appraised_vnd", "actual_vnd"],
                name="finance_costline_record_sums",
            ),
        ),
        migrations.AddConstraint(
            model_name="costline",
            constraint=models.CheckConstraint(
                condition=models.Q(("amount_vnd__gte", 0)), name="costline_amount_not_negative"
            ),
        ),
        migrations.AddConstraint(
            model_name="costline",
            constraint=models.CheckConstraint(
                condition=models.Q(("unit_price__gte", 0)), name="costline_price_not_negative"
            ),
        ),
    ]
