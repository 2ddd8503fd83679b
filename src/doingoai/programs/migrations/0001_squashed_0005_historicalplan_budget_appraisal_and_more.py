"""Programs and plans: every migration up to 0005 in one.

Squashed by hand (Django's optimizer cannot fold this history: every AddIndex is a barrier to it): the operations
are those `makemigrations` writes for the models as they stand (0004's filling of programmes kept before plans has
nothing to fill in a new database). It is used where none of the migrations it replaces has run (a new database) and
marks them all as applied; a database part-way through them finishes them one by one. Its purpose is speed: Django
re-renders the migration state's models after each operation of each small migration, most of a new database's
`migrate` (README, Performance).
"""

import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models

import doingoai.programs.models


class Migration(migrations.Migration):
    replaces = [
        ("programs", "0001_initial"),
        ("programs", "0002_rename_program_plan"),
        ("programs", "0003_plans_tasks_committees"),
        ("programs", "0004_existing_programmes"),
        ("programs", "0005_historicalplan_budget_appraisal_and_more"),
    ]

    initial = True

    dependencies = [
        ("core", "0001_squashed_0008_list_order"),
    ]

    operations = [
        migrations.CreateModel(
            name="HistoricalPlan",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("program", "Chương trình hoạt động đối ngoại năm"),
                            ("information", "Kế hoạch công tác thông tin đối ngoại"),
                            ("integration", "Kế hoạch hội nhập quốc tế"),
                            ("thematic", "Kế hoạch, chương trình chuyên đề"),
                            ("notice", "Thông báo kết luận"),
                            ("directive", "Công văn chỉ đạo"),
                            ("other", "Văn bản khác"),
                        ],
                        default="program",
                        max_length=16,
                        verbose_name="Loại kế hoạch",
                    ),
                ),
                (
                    "year",
                    models.PositiveSmallIntegerField(
                        db_index=True, help_text="Năm kế hoạch (năm đầu, nếu nhiều năm)", verbose_name="Năm"
                    ),
                ),
                (
                    "year_to",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Chỉ ghi khi kế hoạch cho nhiều năm, ví dụ 2021–2025",
                        null=True,
                        verbose_name="Đến năm",
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        blank=True,
                        help_text="Để trống với Chương trình: “Hoạt động đối ngoại tỉnh … năm …”",
                        max_length=500,
                        verbose_name="Trích yếu",
                    ),
                ),
                (
                    "issuer",
                    models.CharField(
                        blank=True,
                        help_text="Để trống: Ủy ban nhân dân tỉnh",
                        max_length=255,
                        verbose_name="Cơ quan ban hành",
                    ),
                ),
                (
                    "number",
                    models.CharField(
                        blank=True, help_text="Ví dụ: 818/CTr-UBND", max_length=64, verbose_name="Số văn bản"
                    ),
                ),
                ("issued_on", models.DateField(blank=True, null=True, verbose_name="Ngày ban hành")),
                ("signer_name", models.CharField(blank=True, max_length=128, verbose_name="Người ký")),
                (
                    "signer_position",
                    models.CharField(
                        blank=True,
                        default="Phó Chủ tịch",
                        help_text="Chủ tịch hoặc Phó Chủ tịch",
                        max_length=128,
                        verbose_name="Chức vụ người ký",
                    ),
                ),
                (
                    "reporting",
                    models.JSONField(
                        blank=True,
                        default=list,
                        help_text="Các kỳ báo cáo và hạn nộp, ví dụ: monthly:20, semiannual:06-15, annual:12-15",
                        verbose_name="Chế độ báo cáo",
                    ),
                ),
                (
                    "response_days",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Các đơn vị ban hành kế hoạch thực hiện trong số ngày này kể từ ngày ban hành",
                        null=True,
                        verbose_name="Hạn ban hành kế hoạch thực hiện (ngày)",
                    ),
                ),
                ("source_file", models.TextField(blank=True, max_length=500, verbose_name="Tệp văn bản")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("consolidated", "Đã tổng hợp, trình lãnh đạo"),
                            ("issued", "Đã ban hành"),
                            ("adjusted", "Đã điều chỉnh"),
                            ("closed", "Đã kết thúc"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=16,
                        verbose_name="Trạng thái",
                    ),
                ),
                (
                    "planned_outbound",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="Số đoàn ra dự kiến (văn bản nêu)"),
                ),
                (
                    "planned_inbound",
                    models.PositiveIntegerField(
                        blank=True, null=True, verbose_name="Số đoàn vào dự kiến (văn bản nêu)"
                    ),
                ),
                (
                    "planned_conferences",
                    models.PositiveIntegerField(
                        blank=True, null=True, verbose_name="Số hội nghị, hội thảo quốc tế dự kiến (văn bản nêu)"
                    ),
                ),
                (
                    "planned_agreements",
                    models.PositiveIntegerField(
                        blank=True, null=True, verbose_name="Số thỏa thuận quốc tế dự kiến (văn bản nêu)"
                    ),
                ),
                (
                    "adjustment_deadline",
                    models.DateField(
                        blank=True,
                        help_text="Để trống: theo quy định chung (30/3 của năm Chương trình)",
                        null=True,
                        verbose_name="Hạn điều chỉnh kế hoạch đoàn ra, đoàn vào",
                    ),
                ),
                (
                    "adjustment_opened_on",
                    models.DateField(blank=True, editable=False, null=True, verbose_name="Ngày mở đợt điều chỉnh"),
                ),
                (
                    "preamble",
                    models.TextField(
                        blank=True,
                        help_text="Căn cứ ban hành; để trống để hệ thống tự soạn đoạn mở đầu",
                        verbose_name="Đoạn mở đầu",
                    ),
                ),
                (
                    "closing",
                    models.TextField(
                        blank=True, help_text="Để trống để hệ thống tự soạn đoạn kết", verbose_name="Đoạn kết"
                    ),
                ),
                (
                    "recipients",
                    models.TextField(
                        blank=True,
                        help_text="Mỗi dòng một nơi nhận; để trống để dùng mặc định",
                        verbose_name="Nơi nhận",
                    ),
                ),
                ("status_note", models.TextField(blank=True, verbose_name="Ghi chú trạng thái")),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                (
                    "budget_appraisal",
                    models.JSONField(
                        blank=True,
                        default=dict,
                        editable=False,
                        help_text="Kinh phí thẩm định theo nguồn (đồng), ghi bởi bước “Thẩm định kinh phí”",
                        verbose_name="Thẩm định kinh phí của Sở Tài chính",
                    ),
                ),
                (
                    "budget_appraised_on",
                    models.DateField(blank=True, editable=False, null=True, verbose_name="Ngày thẩm định kinh phí"),
                ),
                ("budget_note", models.TextField(blank=True, editable=False, verbose_name="Ý kiến thẩm định kinh phí")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.TextField(null=True)),
                (
                    "history_type",
                    models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1),
                ),
                (
                    "coordinating_unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Cơ quan chủ trì theo dõi, tổng hợp; để trống: cơ quan điều phối đối ngoại của tỉnh",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.unit",
                        verbose_name="Cơ quan theo dõi, đôn đốc",
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
                "verbose_name": "historical Kế hoạch, chương trình",
                "verbose_name_plural": "historical Kế hoạch, chương trình",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalSteeringCommittee",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("name", models.CharField(db_index=True, max_length=255, verbose_name="Tên Ban Chỉ đạo")),
                (
                    "decision",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: Quyết định số 123/QĐ-UBND ngày 10/3/2024",
                        max_length=255,
                        verbose_name="Quyết định thành lập",
                    ),
                ),
                ("active", models.BooleanField(default=True, verbose_name="Đang hoạt động")),
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
                    "standing_unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        help_text="Theo dõi, đôn đốc các kế hoạch của Ban Chỉ đạo và tổng hợp báo cáo của các thành viên",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.unit",
                        verbose_name="Cơ quan thường trực",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical Ban Chỉ đạo",
                "verbose_name_plural": "historical Ban Chỉ đạo",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="Plan",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("program", "Chương trình hoạt động đối ngoại năm"),
                            ("information", "Kế hoạch công tác thông tin đối ngoại"),
                            ("integration", "Kế hoạch hội nhập quốc tế"),
                            ("thematic", "Kế hoạch, chương trình chuyên đề"),
                            ("notice", "Thông báo kết luận"),
                            ("directive", "Công văn chỉ đạo"),
                            ("other", "Văn bản khác"),
                        ],
                        default="program",
                        max_length=16,
                        verbose_name="Loại kế hoạch",
                    ),
                ),
                (
                    "year",
                    models.PositiveSmallIntegerField(
                        db_index=True, help_text="Năm kế hoạch (năm đầu, nếu nhiều năm)", verbose_name="Năm"
                    ),
                ),
                (
                    "year_to",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Chỉ ghi khi kế hoạch cho nhiều năm, ví dụ 2021–2025",
                        null=True,
                        verbose_name="Đến năm",
                    ),
                ),
                (
                    "title",
                    models.CharField(
                        blank=True,
                        help_text="Để trống với Chương trình: “Hoạt động đối ngoại tỉnh … năm …”",
                        max_length=500,
                        verbose_name="Trích yếu",
                    ),
                ),
                (
                    "issuer",
                    models.CharField(
                        blank=True,
                        help_text="Để trống: Ủy ban nhân dân tỉnh",
                        max_length=255,
                        verbose_name="Cơ quan ban hành",
                    ),
                ),
                (
                    "number",
                    models.CharField(
                        blank=True, help_text="Ví dụ: 818/CTr-UBND", max_length=64, verbose_name="Số văn bản"
                    ),
                ),
                ("issued_on", models.DateField(blank=True, null=True, verbose_name="Ngày ban hành")),
                ("signer_name", models.CharField(blank=True, max_length=128, verbose_name="Người ký")),
                (
                    "signer_position",
                    models.CharField(
                        blank=True,
                        default="Phó Chủ tịch",
                        help_text="Chủ tịch hoặc Phó Chủ tịch",
                        max_length=128,
                        verbose_name="Chức vụ người ký",
                    ),
                ),
                (
                    "reporting",
                    models.JSONField(
                        blank=True,
                        default=list,
                        help_text="Các kỳ báo cáo và hạn nộp, ví dụ: monthly:20, semiannual:06-15, annual:12-15",
                        verbose_name="Chế độ báo cáo",
                    ),
                ),
                (
                    "response_days",
                    models.PositiveSmallIntegerField(
                        blank=True,
                        help_text="Các đơn vị ban hành kế hoạch thực hiện trong số ngày này kể từ ngày ban hành",
                        null=True,
                        verbose_name="Hạn ban hành kế hoạch thực hiện (ngày)",
                    ),
                ),
                (
                    "source_file",
                    models.FileField(
                        blank=True,
                        max_length=500,
                        upload_to=doingoai.programs.models.plan_file_path,
                        verbose_name="Tệp văn bản",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("draft", "Dự thảo"),
                            ("consolidated", "Đã tổng hợp, trình lãnh đạo"),
                            ("issued", "Đã ban hành"),
                            ("adjusted", "Đã điều chỉnh"),
                            ("closed", "Đã kết thúc"),
                        ],
                        db_index=True,
                        default="draft",
                        max_length=16,
                        verbose_name="Trạng thái",
                    ),
                ),
                (
                    "planned_outbound",
                    models.PositiveIntegerField(blank=True, null=True, verbose_name="Số đoàn ra dự kiến (văn bản nêu)"),
                ),
                (
                    "planned_inbound",
                    models.PositiveIntegerField(
                        blank=True, null=True, verbose_name="Số đoàn vào dự kiến (văn bản nêu)"
                    ),
                ),
                (
                    "planned_conferences",
                    models.PositiveIntegerField(
                        blank=True, null=True, verbose_name="Số hội nghị, hội thảo quốc tế dự kiến (văn bản nêu)"
                    ),
                ),
                (
                    "planned_agreements",
                    models.PositiveIntegerField(
                        blank=True, null=True, verbose_name="Số thỏa thuận quốc tế dự kiến (văn bản nêu)"
                    ),
                ),
                (
                    "adjustment_deadline",
                    models.DateField(
                        blank=True,
                        help_text="Để trống: theo quy định chung (30/3 của năm Chương trình)",
                        null=True,
                        verbose_name="Hạn điều chỉnh kế hoạch đoàn ra, đoàn vào",
                    ),
                ),
                (
                    "adjustment_opened_on",
                    models.DateField(blank=True, editable=False, null=True, verbose_name="Ngày mở đợt điều chỉnh"),
                ),
                (
                    "preamble",
                    models.TextField(
                        blank=True,
                        help_text="Căn cứ ban hành; để trống để hệ thống tự soạn đoạn mở đầu",
                        verbose_name="Đoạn mở đầu",
                    ),
                ),
                (
                    "closing",
                    models.TextField(
                        blank=True, help_text="Để trống để hệ thống tự soạn đoạn kết", verbose_name="Đoạn kết"
                    ),
                ),
                (
                    "recipients",
                    models.TextField(
                        blank=True,
                        help_text="Mỗi dòng một nơi nhận; để trống để dùng mặc định",
                        verbose_name="Nơi nhận",
                    ),
                ),
                ("status_note", models.TextField(blank=True, verbose_name="Ghi chú trạng thái")),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                (
                    "budget_appraisal",
                    models.JSONField(
                        blank=True,
                        default=dict,
                        editable=False,
                        help_text="Kinh phí thẩm định theo nguồn (đồng), ghi bởi bước “Thẩm định kinh phí”",
                        verbose_name="Thẩm định kinh phí của Sở Tài chính",
                    ),
                ),
                (
                    "budget_appraised_on",
                    models.DateField(blank=True, editable=False, null=True, verbose_name="Ngày thẩm định kinh phí"),
                ),
                ("budget_note", models.TextField(blank=True, editable=False, verbose_name="Ý kiến thẩm định kinh phí")),
                (
                    "coordinating_unit",
                    models.ForeignKey(
                        blank=True,
                        help_text="Cơ quan chủ trì theo dõi, tổng hợp; để trống: cơ quan điều phối đối ngoại của tỉnh",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="coordinated_plans",
                        to="core.unit",
                        verbose_name="Cơ quan theo dõi, đôn đốc",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        help_text="Kế hoạch cấp trên mà kế hoạch này triển khai",
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="children",
                        to="programs.plan",
                        verbose_name="Thực hiện kế hoạch",
                    ),
                ),
                (
                    "units",
                    models.ManyToManyField(
                        blank=True,
                        related_name="plans_received",
                        to="core.unit",
                        verbose_name="Cơ quan, đơn vị thực hiện",
                    ),
                ),
            ],
            options={
                "verbose_name": "Kế hoạch, chương trình",
                "verbose_name_plural": "Kế hoạch, chương trình",
                "ordering": ["-year", "kind", "-issued_on", "-id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalPlanTask",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "order",
                    models.PositiveIntegerField(
                        default=0, help_text="Thứ tự trong mục cha; số nhỏ đứng trước", verbose_name="Thứ tự"
                    ),
                ),
                (
                    "section",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: II.4.a. Để trống hoặc trùng số mục cha nếu là một gạch đầu dòng",
                        max_length=32,
                        verbose_name="Số mục",
                    ),
                ),
                (
                    "pillar",
                    models.CharField(
                        choices=[
                            ("party", "Đối ngoại Đảng"),
                            ("state", "Ngoại giao Nhà nước"),
                            ("people", "Đối ngoại Nhân dân"),
                            ("general", "Chung"),
                        ],
                        default="general",
                        max_length=16,
                        verbose_name="Trụ cột",
                    ),
                ),
                (
                    "domain",
                    models.CharField(
                        blank=True, help_text="Ví dụ: Ngoại giao kinh tế", max_length=128, verbose_name="Lĩnh vực"
                    ),
                ),
                ("text", models.TextField(verbose_name="Nội dung")),
                ("deadline", models.DateField(blank=True, db_index=True, null=True, verbose_name="Thời hạn")),
                (
                    "recurrence",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "Theo thời hạn"),
                            ("monthly", "Hằng tháng"),
                            ("quarterly", "Hằng quý"),
                            ("year", "Cả năm"),
                            ("regular", "Thường xuyên"),
                        ],
                        default="",
                        max_length=16,
                        verbose_name="Thời hạn định kỳ",
                    ),
                ),
                (
                    "expected_output",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: Kế hoạch thực hiện; Báo cáo kết quả",
                        max_length=500,
                        verbose_name="Sản phẩm dự kiến",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("not_started", "Chưa triển khai"),
                            ("in_progress", "Đang thực hiện"),
                            ("reported", "Báo cáo hoàn thành, chờ xác nhận"),
                            ("done", "Hoàn thành"),
                            ("cancelled", "Không thực hiện"),
                        ],
                        db_index=True,
                        default="not_started",
                        max_length=16,
                        verbose_name="Trạng thái",
                    ),
                ),
                ("progress", models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="Tiến độ (%)")),
                (
                    "progress_note",
                    models.TextField(
                        blank=True, help_text="Kết quả mới nhất đơn vị báo cáo", verbose_name="Kết quả thực hiện"
                    ),
                ),
                (
                    "progress_on",
                    models.DateField(blank=True, editable=False, null=True, verbose_name="Ngày báo cáo gần nhất"),
                ),
                ("status_note", models.TextField(blank=True, verbose_name="Ghi chú trạng thái")),
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
                    "lead_unit",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="core.unit",
                        verbose_name="Cơ quan chủ trì",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programs.plan",
                        verbose_name="Kế hoạch",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical Nhiệm vụ",
                "verbose_name_plural": "historical Nhiệm vụ",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="HistoricalPlan_units",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="programs.historicalplan",
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
                    "plan",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programs.plan",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalPlan_units",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="historicalplan",
            name="parent",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Kế hoạch cấp trên mà kế hoạch này triển khai",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="programs.plan",
                verbose_name="Thực hiện kế hoạch",
            ),
        ),
        migrations.CreateModel(
            name="PlanTask",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                (
                    "order",
                    models.PositiveIntegerField(
                        default=0, help_text="Thứ tự trong mục cha; số nhỏ đứng trước", verbose_name="Thứ tự"
                    ),
                ),
                (
                    "section",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: II.4.a. Để trống hoặc trùng số mục cha nếu là một gạch đầu dòng",
                        max_length=32,
                        verbose_name="Số mục",
                    ),
                ),
                (
                    "pillar",
                    models.CharField(
                        choices=[
                            ("party", "Đối ngoại Đảng"),
                            ("state", "Ngoại giao Nhà nước"),
                            ("people", "Đối ngoại Nhân dân"),
                            ("general", "Chung"),
                        ],
                        default="general",
                        max_length=16,
                        verbose_name="Trụ cột",
                    ),
                ),
                (
                    "domain",
                    models.CharField(
                        blank=True, help_text="Ví dụ: Ngoại giao kinh tế", max_length=128, verbose_name="Lĩnh vực"
                    ),
                ),
                ("text", models.TextField(verbose_name="Nội dung")),
                ("deadline", models.DateField(blank=True, db_index=True, null=True, verbose_name="Thời hạn")),
                (
                    "recurrence",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "Theo thời hạn"),
                            ("monthly", "Hằng tháng"),
                            ("quarterly", "Hằng quý"),
                            ("year", "Cả năm"),
                            ("regular", "Thường xuyên"),
                        ],
                        default="",
                        max_length=16,
                        verbose_name="Thời hạn định kỳ",
                    ),
                ),
                (
                    "expected_output",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: Kế hoạch thực hiện; Báo cáo kết quả",
                        max_length=500,
                        verbose_name="Sản phẩm dự kiến",
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("not_started", "Chưa triển khai"),
                            ("in_progress", "Đang thực hiện"),
                            ("reported", "Báo cáo hoàn thành, chờ xác nhận"),
                            ("done", "Hoàn thành"),
                            ("cancelled", "Không thực hiện"),
                        ],
                        db_index=True,
                        default="not_started",
                        max_length=16,
                        verbose_name="Trạng thái",
                    ),
                ),
                ("progress", models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="Tiến độ (%)")),
                (
                    "progress_note",
                    models.TextField(
                        blank=True, help_text="Kết quả mới nhất đơn vị báo cáo", verbose_name="Kết quả thực hiện"
                    ),
                ),
                (
                    "progress_on",
                    models.DateField(blank=True, editable=False, null=True, verbose_name="Ngày báo cáo gần nhất"),
                ),
                ("status_note", models.TextField(blank=True, verbose_name="Ghi chú trạng thái")),
                (
                    "coordinating_units",
                    models.ManyToManyField(
                        blank=True,
                        related_name="coordinated_plan_tasks",
                        to="core.unit",
                        verbose_name="Cơ quan phối hợp",
                    ),
                ),
                (
                    "lead_unit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="led_plan_tasks",
                        to="core.unit",
                        verbose_name="Cơ quan chủ trì",
                    ),
                ),
                (
                    "parent",
                    models.ForeignKey(
                        blank=True,
                        help_text="Để trống nếu là mục lớn (I, II, III…)",
                        null=True,
                        on_delete=django.db.models.deletion.RESTRICT,
                        related_name="children",
                        to="programs.plantask",
                        verbose_name="Thuộc mục",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tasks",
                        to="programs.plan",
                        verbose_name="Kế hoạch",
                    ),
                ),
            ],
            options={
                "verbose_name": "Nhiệm vụ",
                "verbose_name_plural": "Nhiệm vụ",
                "ordering": ["plan", "order", "id"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalPlanTask_coordinating_units",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="programs.historicalplantask",
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
                    "plantask",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programs.plantask",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalPlanTask_coordinating_units",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="historicalplantask",
            name="parent",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Để trống nếu là mục lớn (I, II, III…)",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="programs.plantask",
                verbose_name="Thuộc mục",
            ),
        ),
        migrations.CreateModel(
            name="PlanVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("number", models.PositiveSmallIntegerField(verbose_name="Phiên bản số")),
                ("note", models.CharField(blank=True, max_length=500, verbose_name="Ghi chú")),
                ("snapshot", models.JSONField(default=dict, verbose_name="Nội dung các phụ lục")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Thời điểm")),
                (
                    "created_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người lập",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="versions",
                        to="programs.plan",
                        verbose_name="Kế hoạch",
                    ),
                ),
            ],
            options={
                "verbose_name": "Phiên bản kế hoạch",
                "verbose_name_plural": "Phiên bản kế hoạch",
                "ordering": ["plan", "number"],
            },
        ),
        migrations.CreateModel(
            name="SteeringCommittee",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("name", models.CharField(max_length=255, unique=True, verbose_name="Tên Ban Chỉ đạo")),
                (
                    "decision",
                    models.CharField(
                        blank=True,
                        help_text="Ví dụ: Quyết định số 123/QĐ-UBND ngày 10/3/2024",
                        max_length=255,
                        verbose_name="Quyết định thành lập",
                    ),
                ),
                ("active", models.BooleanField(default=True, verbose_name="Đang hoạt động")),
                ("note", models.TextField(blank=True, verbose_name="Ghi chú")),
                (
                    "helper_units",
                    models.ManyToManyField(
                        blank=True,
                        related_name="helper_committees",
                        to="core.unit",
                        verbose_name="Nhóm giúp việc (cơ quan)",
                    ),
                ),
                (
                    "standing_unit",
                    models.ForeignKey(
                        help_text="Theo dõi, đôn đốc các kế hoạch của Ban Chỉ đạo và tổng hợp báo cáo của các thành viên",
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="standing_committees",
                        to="core.unit",
                        verbose_name="Cơ quan thường trực",
                    ),
                ),
            ],
            options={
                "verbose_name": "Ban Chỉ đạo",
                "verbose_name_plural": "Ban Chỉ đạo",
                "ordering": ["name"],
            },
        ),
        migrations.AddField(
            model_name="plan",
            name="committee",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="plans",
                to="programs.steeringcommittee",
                verbose_name="Ban Chỉ đạo ban hành",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalSteeringCommittee_helper_units",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("m2m_history_id", models.AutoField(primary_key=True, serialize=False)),
                (
                    "history",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        to="programs.historicalsteeringcommittee",
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
                    "steeringcommittee",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        db_tablespace="",
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programs.steeringcommittee",
                    ),
                ),
            ],
            options={
                "verbose_name": "HistoricalSteeringCommittee_helper_units",
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.AddField(
            model_name="historicalplan",
            name="committee",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="programs.steeringcommittee",
                verbose_name="Ban Chỉ đạo ban hành",
            ),
        ),
        migrations.CreateModel(
            name="HistoricalCommitteeMember",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("full_name", models.CharField(max_length=128, verbose_name="Họ và tên")),
                (
                    "position",
                    models.CharField(
                        help_text="Ví dụ: Phó Giám đốc Sở Thông tin và Truyền thông",
                        max_length=255,
                        verbose_name="Chức vụ",
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("head", "Trưởng ban"),
                            ("deputy", "Phó Trưởng ban"),
                            ("standing", "Thành viên thường trực"),
                            ("member", "Thành viên"),
                            ("helper", "Tổ giúp việc"),
                        ],
                        default="member",
                        max_length=16,
                        verbose_name="Vai trò trong Ban",
                    ),
                ),
                ("term_start", models.DateField(blank=True, null=True, verbose_name="Từ ngày")),
                (
                    "term_end",
                    models.DateField(
                        blank=True, help_text="Để trống nếu còn trong nhiệm kỳ", null=True, verbose_name="Đến ngày"
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
                        verbose_name="Cơ quan, đơn vị",
                    ),
                ),
                (
                    "committee",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="programs.steeringcommittee",
                        verbose_name="Ban Chỉ đạo",
                    ),
                ),
            ],
            options={
                "verbose_name": "historical Thành viên Ban Chỉ đạo",
                "verbose_name_plural": "historical Thành viên Ban Chỉ đạo",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name="CommitteeMember",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Ngày tạo")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="Cập nhật")),
                ("version", models.PositiveIntegerField(default=1, editable=False, verbose_name="Phiên bản")),
                ("full_name", models.CharField(max_length=128, verbose_name="Họ và tên")),
                (
                    "position",
                    models.CharField(
                        help_text="Ví dụ: Phó Giám đốc Sở Thông tin và Truyền thông",
                        max_length=255,
                        verbose_name="Chức vụ",
                    ),
                ),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("head", "Trưởng ban"),
                            ("deputy", "Phó Trưởng ban"),
                            ("standing", "Thành viên thường trực"),
                            ("member", "Thành viên"),
                            ("helper", "Tổ giúp việc"),
                        ],
                        default="member",
                        max_length=16,
                        verbose_name="Vai trò trong Ban",
                    ),
                ),
                ("term_start", models.DateField(blank=True, null=True, verbose_name="Từ ngày")),
                (
                    "term_end",
                    models.DateField(
                        blank=True, help_text="Để trống nếu còn trong nhiệm kỳ", null=True, verbose_name="Đến ngày"
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="core.unit",
                        verbose_name="Cơ quan, đơn vị",
                    ),
                ),
                (
                    "committee",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="members",
                        to="programs.steeringcommittee",
                        verbose_name="Ban Chỉ đạo",
                    ),
                ),
            ],
            options={
                "verbose_name": "Thành viên Ban Chỉ đạo",
                "verbose_name_plural": "Thành viên Ban Chỉ đạo",
                "ordering": ["committee", "role", "full_name"],
            },
        ),
        migrations.CreateModel(
            name="TaskProgress",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("progress", "Báo cáo tiến độ"),
                            ("note", "Ý kiến của cơ quan phối hợp"),
                            ("review", "Ý kiến của cơ quan theo dõi"),
                        ],
                        default="progress",
                        max_length=16,
                        verbose_name="Loại",
                    ),
                ),
                ("reported_on", models.DateField(default=django.utils.timezone.localdate, verbose_name="Ngày báo cáo")),
                ("text", models.TextField(verbose_name="Nội dung")),
                ("percent", models.PositiveSmallIntegerField(blank=True, null=True, verbose_name="Tiến độ (%)")),
                (
                    "evidence",
                    models.FileField(
                        blank=True,
                        max_length=500,
                        upload_to=doingoai.programs.models.evidence_path,
                        verbose_name="Tệp minh chứng",
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="Thời điểm")),
                (
                    "author",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="Người báo cáo",
                    ),
                ),
                (
                    "task",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="updates",
                        to="programs.plantask",
                        verbose_name="Nhiệm vụ",
                    ),
                ),
                (
                    "unit",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="core.unit",
                        verbose_name="Đơn vị",
                    ),
                ),
            ],
            options={
                "verbose_name": "Tiến độ nhiệm vụ",
                "verbose_name_plural": "Tiến độ nhiệm vụ",
                "ordering": ["task", "-reported_on", "-id"],
            },
        ),
        migrations.AddIndex(
            model_name="plantask",
            index=models.Index(fields=["plan", "parent", "order"], name="programs_pl_plan_id_439b86_idx"),
        ),
        migrations.AddIndex(
            model_name="plantask",
            index=models.Index(fields=["lead_unit", "status"], name="programs_pl_lead_un_150178_idx"),
        ),
        migrations.AddConstraint(
            model_name="planversion",
            constraint=models.UniqueConstraint(fields=("plan", "number"), name="planversion_unique_number"),
        ),
        migrations.AddConstraint(
            model_name="plan",
            constraint=models.UniqueConstraint(
                condition=models.Q(("kind", "program")),
                fields=("year",),
                name="plan_one_program_a_year",
                violation_error_message="Năm này đã có Chương trình hoạt động đối ngoại; hãy mở Chương trình đó để sửa.",
            ),
        ),
        migrations.AddIndex(
            model_name="taskprogress",
            index=models.Index(fields=["task", "reported_on"], name="programs_ta_task_id_c88c38_idx"),
        ),
    ]
