"""Plans (the year's programme is one kind), their tasks and progress, steering committees, plan versions."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from doingoai.core import permissions, rules
from doingoai.core.choices import Role, StatusChoices
from doingoai.core.models import BaseModel, Unit
from doingoai.core.timeline import Timeline


class PlanKind(models.TextChoices):
    PROGRAM = "program", gettext_lazy("Chương trình hoạt động đối ngoại năm")
    INFORMATION = "information", gettext_lazy("Kế hoạch công tác thông tin đối ngoại")
    INTEGRATION = "integration", gettext_lazy("Kế hoạch hội nhập quốc tế")
    THEMATIC = "thematic", gettext_lazy("Kế hoạch, chương trình chuyên đề")
    NOTICE = "notice", gettext_lazy("Thông báo kết luận")
    DIRECTIVE = "directive", gettext_lazy("Công văn chỉ đạo")
    OTHER = "other", gettext_lazy("Văn bản khác")


class PlanStatus(StatusChoices):
    DRAFT = "draft", gettext_lazy("Dự thảo")
    CONSOLIDATED = "consolidated", gettext_lazy("Đã tổng hợp, trình lãnh đạo")
    ISSUED = "issued", gettext_lazy("Đã ban hành")
    ADJUSTED = "adjusted", gettext_lazy("Đã điều chỉnh")
    CLOSED = "closed", gettext_lazy("Đã kết thúc")
    __colours__ = {
        "draft": "secondary",
        "consolidated": "primary",
        "issued": "success",
        "adjusted": "info",
        "closed": "dark",
    }


class Pillar(models.TextChoices):
    PARTY = "party", gettext_lazy("Đối ngoại Đảng")
    STATE = "state", gettext_lazy("Ngoại giao Nhà nước")
    PEOPLE = "people", gettext_lazy("Đối ngoại Nhân dân")
    GENERAL = "general", gettext_lazy("Chung")


class CommitteeRole(models.TextChoices):
    HEAD = "head", gettext_lazy("Trưởng ban")
    DEPUTY = "deputy", gettext_lazy("Phó Trưởng ban")
    STANDING = "standing", gettext_lazy("Thành viên thường trực")
    MEMBER = "member", gettext_lazy("Thành viên")
    HELPER = "helper", gettext_lazy("Tổ giúp việc")


class SteeringCommittee(BaseModel):
    """A Ban Chỉ đạo: its standing agency follows up the plans it issues; its members' units carry them out."""

    _history_m2m_fields = ["helper_units"]

    name = models.CharField(gettext_lazy("Tên Ban Chỉ đạo"), max_length=255, unique=True)
    decision = models.CharField(
        gettext_lazy("Quyết định thành lập"),
        max_length=255,
        blank=True,
        help_text=gettext_lazy("Ví dụ: Quyết định số 123/QĐ-UBND ngày 10/3/2024"),
    )
    standing_unit = models.ForeignKey(
        Unit,
        verbose_name=gettext_lazy("Cơ quan thường trực"),
        on_delete=models.PROTECT,
        related_name="standing_committees",
        help_text=gettext_lazy("Theo dõi, đôn đốc các kế hoạch của Ban Chỉ đạo và tổng hợp báo cáo của các thành viên"),
    )
    helper_units = models.ManyToManyField(
        Unit, verbose_name=gettext_lazy("Nhóm giúp việc (cơ quan)"), blank=True, related_name="helper_committees"
    )
    active = models.BooleanField(gettext_lazy("Đang hoạt động"), default=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Ban Chỉ đạo")
        verbose_name_plural = pgettext_lazy("plural", "Ban Chỉ đạo")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CommitteeMember(BaseModel):
    """A person holding a position in a unit, on a committee for a term."""

    committee = models.ForeignKey(
        SteeringCommittee, verbose_name=gettext_lazy("Ban Chỉ đạo"), on_delete=models.CASCADE, related_name="members"
    )
    full_name = models.CharField(gettext_lazy("Họ và tên"), max_length=128)
    position = models.CharField(
        gettext_lazy("Chức vụ"),
        max_length=255,
        help_text=gettext_lazy("Ví dụ: Phó Giám đốc Sở Thông tin và Truyền thông"),
    )
    unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Cơ quan, đơn vị"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(
        gettext_lazy("Vai trò trong Ban"), max_length=16, choices=CommitteeRole.choices, default=CommitteeRole.MEMBER
    )
    term_start = models.DateField(gettext_lazy("Từ ngày"), null=True, blank=True)
    term_end = models.DateField(
        gettext_lazy("Đến ngày"), null=True, blank=True, help_text=gettext_lazy("Để trống nếu còn trong nhiệm kỳ")
    )

    class Meta:
        verbose_name = gettext_lazy("Thành viên Ban Chỉ đạo")
        verbose_name_plural = pgettext_lazy("plural", "Thành viên Ban Chỉ đạo")
        ordering = ["committee", "role", "full_name"]

    def __str__(self) -> str:
        return f"{self.full_name} — {self.get_role_display()}, {self.committee}"

    def get_absolute_url(self) -> str:
        return self.committee.get_absolute_url()

    @property
    def is_current(self) -> bool:
        today = timezone.localdate()
        return (self.term_start is None or self.term_start <= today) and (
            self.term_end is None or self.term_end >= today
        )


def plan_file_path(instance: Plan, filename: str) -> str:
    return f"plans/{timezone.localdate():%Y/%m}/{PurePath(filename).name}"


class Plan(BaseModel):
    """Any plan the province runs: the year's foreign-affairs programme (with its four live appendices), an
    external-information or integration plan, a thematic plan, a notice of conclusions, a directive letter.

    Followed up by its coordinating unit (Sở Ngoại vụ for the programme; a committee's standing agency for
    the committee's plans): that unit's officers act as coordinator for this plan and for no other.
    """

    # A programme for 2027 is issued late in 2026 or in 2027, not in 1999.
    timeline: ClassVar[Timeline] = Timeline(year="year", year_to="year_to", issued=("issued_on",))

    owner_field: ClassVar[str] = ""  # rights per plan: see permission_q
    _history_m2m_fields = ["units"]

    kind = models.CharField(
        gettext_lazy("Loại kế hoạch"), max_length=16, choices=PlanKind.choices, default=PlanKind.PROGRAM
    )
    year = models.PositiveSmallIntegerField(
        gettext_lazy("Năm"), db_index=True, help_text=gettext_lazy("Năm kế hoạch (năm đầu, nếu nhiều năm)")
    )
    year_to = models.PositiveSmallIntegerField(
        gettext_lazy("Đến năm"),
        null=True,
        blank=True,
        help_text=gettext_lazy("Chỉ ghi khi kế hoạch cho nhiều năm, ví dụ 2021–2025"),
    )
    title = models.CharField(
        gettext_lazy("Trích yếu"),
        max_length=500,
        blank=True,
        help_text=gettext_lazy("Để trống với Chương trình: “Hoạt động đối ngoại tỉnh … năm …”"),
    )
    issuer = models.CharField(
        gettext_lazy("Cơ quan ban hành"),
        max_length=255,
        blank=True,
        help_text=gettext_lazy("Để trống: Ủy ban nhân dân tỉnh"),
    )
    committee = models.ForeignKey(
        SteeringCommittee,
        verbose_name=gettext_lazy("Ban Chỉ đạo ban hành"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plans",
    )
    number = models.CharField(
        gettext_lazy("Số văn bản"), max_length=64, blank=True, help_text=gettext_lazy("Ví dụ: 818/CTr-UBND")
    )
    issued_on = models.DateField(gettext_lazy("Ngày ban hành"), null=True, blank=True)
    signer_name = models.CharField(gettext_lazy("Người ký"), max_length=128, blank=True)
    signer_position = models.CharField(
        gettext_lazy("Chức vụ người ký"),
        max_length=128,
        blank=True,
        default="Phó Chủ tịch",
        help_text=gettext_lazy("Chủ tịch hoặc Phó Chủ tịch"),
    )
    coordinating_unit = models.ForeignKey(
        Unit,
        verbose_name=gettext_lazy("Cơ quan theo dõi, đôn đốc"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="coordinated_plans",
        help_text=gettext_lazy("Cơ quan chủ trì theo dõi, tổng hợp; để trống: cơ quan điều phối đối ngoại của tỉnh"),
    )
    units = models.ManyToManyField(
        Unit, verbose_name=gettext_lazy("Cơ quan, đơn vị thực hiện"), blank=True, related_name="plans_received"
    )
    reporting = models.JSONField(
        gettext_lazy("Chế độ báo cáo"),
        default=list,
        blank=True,
        help_text=gettext_lazy("Các kỳ báo cáo và hạn nộp, ví dụ: monthly:20, semiannual:06-15, annual:12-15"),
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=gettext_lazy("Thực hiện kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=gettext_lazy("Kế hoạch cấp trên mà kế hoạch này triển khai"),
    )
    response_days = models.PositiveSmallIntegerField(
        gettext_lazy("Hạn ban hành kế hoạch thực hiện (ngày)"),
        null=True,
        blank=True,
        help_text=gettext_lazy("Các đơn vị ban hành kế hoạch thực hiện trong số ngày này kể từ ngày ban hành"),
    )
    source_file = models.FileField(gettext_lazy("Tệp văn bản"), upload_to=plan_file_path, max_length=500, blank=True)
    status = models.CharField(
        gettext_lazy("Trạng thái"), max_length=16, choices=PlanStatus.choices, default=PlanStatus.DRAFT, db_index=True
    )
    planned_outbound = models.PositiveIntegerField(
        gettext_lazy("Số đoàn ra dự kiến (văn bản nêu)"), null=True, blank=True
    )
    planned_inbound = models.PositiveIntegerField(
        gettext_lazy("Số đoàn vào dự kiến (văn bản nêu)"), null=True, blank=True
    )
    planned_conferences = models.PositiveIntegerField(
        gettext_lazy("Số hội nghị, hội thảo quốc tế dự kiến (văn bản nêu)"), null=True, blank=True
    )
    planned_agreements = models.PositiveIntegerField(
        gettext_lazy("Số thỏa thuận quốc tế dự kiến (văn bản nêu)"), null=True, blank=True
    )
    adjustment_deadline = models.DateField(
        gettext_lazy("Hạn điều chỉnh kế hoạch đoàn ra, đoàn vào"),
        null=True,
        blank=True,
        help_text=gettext_lazy("Để trống: theo quy định chung (30/3 của năm Chương trình)"),
    )
    adjustment_opened_on = models.DateField(
        gettext_lazy("Ngày mở đợt điều chỉnh"), null=True, blank=True, editable=False
    )
    preamble = models.TextField(
        gettext_lazy("Đoạn mở đầu"),
        blank=True,
        help_text=gettext_lazy("Căn cứ ban hành; để trống để hệ thống tự soạn đoạn mở đầu"),
    )
    closing = models.TextField(
        gettext_lazy("Đoạn kết"), blank=True, help_text=gettext_lazy("Để trống để hệ thống tự soạn đoạn kết")
    )
    recipients = models.TextField(
        gettext_lazy("Nơi nhận"), blank=True, help_text=gettext_lazy("Mỗi dòng một nơi nhận; để trống để dùng mặc định")
    )
    status_note = models.TextField(gettext_lazy("Ghi chú trạng thái"), blank=True)
    note = models.TextField(gettext_lazy("Ghi chú"), blank=True)
    budget_appraisal = models.JSONField(
        gettext_lazy("Thẩm định kinh phí của Sở Tài chính"),
        default=dict,
        blank=True,
        editable=False,
        help_text=gettext_lazy("Kinh phí thẩm định theo nguồn (đồng), ghi bởi bước “Thẩm định kinh phí”"),
    )
    budget_appraised_on = models.DateField(
        gettext_lazy("Ngày thẩm định kinh phí"), null=True, blank=True, editable=False
    )
    budget_note = models.TextField(gettext_lazy("Ý kiến thẩm định kinh phí"), blank=True, editable=False)

    class Meta:
        verbose_name = gettext_lazy("Kế hoạch, chương trình")
        verbose_name_plural = pgettext_lazy("plural", "Kế hoạch, chương trình")
        ordering = ["-year", "kind", "-issued_on", "-id"]
        constraints = [
            # One foreign-affairs programme a year: its appendices are the year's registries.
            models.UniqueConstraint(
                fields=["year"],
                condition=Q(kind="program"),
                name="plan_one_program_a_year",
                violation_error_message=(
                    "Năm này đã có Chương trình hoạt động đối ngoại; hãy mở Chương trình đó để sửa."
                ),
            )
        ]

    def __str__(self) -> str:
        number = gettext(" (số %(number)s)") % {"number": self.number} if self.number else ""
        return f"{self.display_title}{number}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.adjustment_deadline is None and self.year and self.kind == PlanKind.PROGRAM:
            self.adjustment_deadline = rules.plan_adjustment_deadline(self.year)
        super().save(*args, **kwargs)

    # --- rights per plan
    @classmethod
    def permission_q(cls, user: Any, action: str) -> Q | None:
        """Province-level roles read all; coordinator and admin write all; officers of a plan's coordinating
        unit write that plan; other officers read the programmes and the plans addressed to their unit."""
        role = permissions.role_of(user)
        if role is None:
            return permissions.NOTHING
        if role in permissions.WRITE_ALL_ROLES:
            return Q(status=PlanStatus.DRAFT) if action == "delete" else None
        if action == "view" and role in permissions.READ_ALL_ROLES:
            return None
        unit_id = getattr(user, "unit_id", None)
        if role != Role.UNIT_OFFICER or not unit_id:
            return permissions.NOTHING
        own = Q(coordinating_unit_id=unit_id)
        if action == "delete":
            return own & Q(status=PlanStatus.DRAFT)
        if action != "view":
            return own
        return own | Q(kind=PlanKind.PROGRAM) | addressed_to_q(unit_id)

    @classmethod
    def may_create(cls, user: Any) -> bool:
        """Coordinator and admin; a unit officer too, for a plan its unit follows up (the unit's implementation
        plan of a provincial plan, a thematic plan of its own) — never the province's programme."""
        role = permissions.role_of(user)
        officer = role == Role.UNIT_OFFICER and bool(getattr(user, "unit_id", None))
        return role in permissions.WRITE_ALL_ROLES or officer

    @classmethod
    def coordinates_some(cls, user: Any) -> bool:
        """Whether `user` acts as coordinator for some plan: the coordinator and the administrator, or an officer
        of a unit that follows up a plan (its tasks, its reporting periods)."""
        role = permissions.role_of(user)
        if role in permissions.WRITE_ALL_ROLES:
            return True
        unit_id = getattr(user, "unit_id", None)
        return role == Role.UNIT_OFFICER and bool(unit_id) and cls.objects.filter(coordinating_unit_id=unit_id).exists()

    @classmethod
    def coordinated_by(cls, user: Any) -> Q | None:
        """The plans this user follows up (None: all of them)."""
        return cls.permission_q(user, "change")

    def is_coordinated_by(self, user: Any) -> bool:
        role = permissions.role_of(user)
        if role in permissions.WRITE_ALL_ROLES:
            return True
        unit_id = getattr(user, "unit_id", None)
        return role == Role.UNIT_OFFICER and bool(unit_id) and self.coordinating_unit_id == unit_id

    def is_deletable(self) -> bool:
        return self.status == PlanStatus.DRAFT

    @property
    def is_program(self) -> bool:
        return self.kind == PlanKind.PROGRAM

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        if self.kind == PlanKind.PROGRAM:
            return gettext("Hoạt động đối ngoại tỉnh %(province_name)s năm %(year)s") % {
                "province_name": settings.PROVINCE_NAME,
                "year": self.year,
            }
        return gettext("%(kind)s năm %(period_display)s") % {
            "kind": self.get_kind_display(),
            "period_display": self.period_display,
        }

    @property
    def period_display(self) -> str:
        return f"{self.year}–{self.year_to}" if self.year_to and self.year_to != self.year else str(self.year)

    @property
    def issuer_display(self) -> str:
        if self.issuer:
            return self.issuer
        if self.committee_id:
            return str(self.committee)
        return gettext("Ủy ban nhân dân tỉnh %(province_name)s") % {"province_name": settings.PROVINCE_NAME}

    @property
    def response_due(self) -> dt.date | None:
        """By when each unit issues its implementation plan (issue date + response_days)."""
        if self.issued_on is None or not self.response_days:
            return None
        return self.issued_on + dt.timedelta(days=self.response_days)

    @property
    def last_year(self) -> int:
        return self.year_to or self.year

    @property
    def adjustment_open(self) -> bool:
        return self.adjustment_opened_on is not None and self.status == PlanStatus.ISSUED


def addressed_to_q(unit_id: int) -> Q:
    """Plans addressed to a unit: it is a recipient, or the lead or a coordinating unit of one of their tasks."""
    received = Plan.units.through.objects.filter(unit_id=unit_id).values("plan_id")
    led = PlanTask.objects.filter(lead_unit_id=unit_id).values("plan_id")
    helped = PlanTask.coordinating_units.through.objects.filter(unit_id=unit_id).values("plantask__plan_id")
    return Q(pk__in=received) | Q(pk__in=led) | Q(pk__in=helped)


class TaskStatus(StatusChoices):
    """The task's workflow status; "overdue" is read from the deadline (`PlanTask.is_overdue`), never stored."""

    NOT_STARTED = "not_started", gettext_lazy("Chưa triển khai")
    IN_PROGRESS = "in_progress", gettext_lazy("Đang thực hiện")
    REPORTED = "reported", gettext_lazy("Báo cáo hoàn thành, chờ xác nhận")
    DONE = "done", gettext_lazy("Hoàn thành")
    CANCELLED = "cancelled", gettext_lazy("Không thực hiện")
    __colours__ = {
        "not_started": "secondary",
        "in_progress": "primary",
        "reported": "info",
        "done": "success",
        "cancelled": "dark",
    }


OPEN_TASK_STATUSES = (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.REPORTED)
OVERDUE = ("overdue", gettext_lazy("Quá hạn"))  # shown in place of the status while an open task is past its deadline


class Recurrence(models.TextChoices):
    NONE = "", gettext_lazy("Theo thời hạn")
    MONTHLY = "monthly", gettext_lazy("Hằng tháng")
    QUARTERLY = "quarterly", gettext_lazy("Hằng quý")
    YEAR = "year", gettext_lazy("Cả năm")
    REGULAR = "regular", gettext_lazy("Thường xuyên")


class PlanTask(BaseModel):
    """One task of a plan's body ("II.4.a"), in a tree: parent, then order among siblings.

    The lead unit's officers report progress on it; the coordinating units add notes; the plan's
    coordinating unit reviews, returns or closes it.
    """

    owner_field: ClassVar[str] = ""  # rights per plan and per lead unit: see permission_q
    _history_m2m_fields = ["coordinating_units"]

    plan = models.ForeignKey(
        Plan, verbose_name=gettext_lazy("Kế hoạch"), on_delete=models.CASCADE, related_name="tasks"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=gettext_lazy("Thuộc mục"),
        null=True,
        blank=True,
        on_delete=models.RESTRICT,  # sub-tasks go first (or with the whole plan)
        related_name="children",
        help_text=gettext_lazy("Để trống nếu là mục lớn (I, II, III…)"),
    )
    order = models.PositiveIntegerField(
        gettext_lazy("Thứ tự"), default=0, help_text=gettext_lazy("Thứ tự trong mục cha; số nhỏ đứng trước")
    )
    section = models.CharField(
        gettext_lazy("Số mục"),
        max_length=32,
        blank=True,
        help_text=gettext_lazy("Ví dụ: II.4.a. Để trống hoặc trùng số mục cha nếu là một gạch đầu dòng"),
    )
    pillar = models.CharField(gettext_lazy("Trụ cột"), max_length=16, choices=Pillar.choices, default=Pillar.GENERAL)
    domain = models.CharField(
        gettext_lazy("Lĩnh vực"), max_length=128, blank=True, help_text=gettext_lazy("Ví dụ: Ngoại giao kinh tế")
    )
    text = models.TextField(gettext_lazy("Nội dung"))
    lead_unit = models.ForeignKey(
        Unit,
        verbose_name=gettext_lazy("Cơ quan chủ trì"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_plan_tasks",
    )
    coordinating_units = models.ManyToManyField(
        Unit, verbose_name=gettext_lazy("Cơ quan phối hợp"), blank=True, related_name="coordinated_plan_tasks"
    )
    deadline = models.DateField(gettext_lazy("Thời hạn"), null=True, blank=True, db_index=True)
    recurrence = models.CharField(
        gettext_lazy("Thời hạn định kỳ"), max_length=16, choices=Recurrence.choices, default=Recurrence.NONE, blank=True
    )
    expected_output = models.CharField(
        gettext_lazy("Sản phẩm dự kiến"),
        max_length=500,
        blank=True,
        help_text=gettext_lazy("Ví dụ: Kế hoạch thực hiện; Báo cáo kết quả"),
    )
    status = models.CharField(
        gettext_lazy("Trạng thái"),
        max_length=16,
        choices=TaskStatus.choices,
        default=TaskStatus.NOT_STARTED,
        db_index=True,
    )
    progress = models.PositiveSmallIntegerField(gettext_lazy("Tiến độ (%)"), null=True, blank=True)
    progress_note = models.TextField(
        gettext_lazy("Kết quả thực hiện"), blank=True, help_text=gettext_lazy("Kết quả mới nhất đơn vị báo cáo")
    )
    progress_on = models.DateField(gettext_lazy("Ngày báo cáo gần nhất"), null=True, blank=True, editable=False)
    status_note = models.TextField(gettext_lazy("Ghi chú trạng thái"), blank=True)

    class Meta:
        verbose_name = gettext_lazy("Nhiệm vụ")
        verbose_name_plural = pgettext_lazy("plural", "Nhiệm vụ")
        ordering = ["plan", "order", "id"]
        indexes = [
            models.Index(fields=["plan", "parent", "order"]),
            models.Index(fields=["lead_unit", "status"]),
        ]

    def __str__(self) -> str:
        text = self.text if len(self.text) <= 80 else f"{self.text[:79]}…"
        return f"{self.section} {text}".strip()

    @classmethod
    def permission_q(cls, user: Any, action: str) -> Q | None:
        """Tasks are read with their plan; written by the plan's coordinators (steps have their own rules)."""
        role = permissions.role_of(user)
        if role is None:
            return permissions.NOTHING
        if role in permissions.READ_ALL_ROLES and (action == "view" or role in permissions.WRITE_ALL_ROLES):
            return None
        unit_id = getattr(user, "unit_id", None)
        if role != Role.UNIT_OFFICER or not unit_id:
            return permissions.NOTHING
        rule = Plan.permission_q(user, action)
        if rule is None:
            return None
        return Q(plan__in=Plan.objects.filter(rule).values("pk"))

    @classmethod
    def may_create(cls, user: Any) -> bool:
        """Coordinator and admin, and officers of a unit that follows up some plan."""
        return Plan.coordinates_some(user)

    def is_deletable(self) -> bool:
        return True

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_TASK_STATUSES

    def is_overdue(self, today: dt.date | None = None) -> bool:
        return self.is_open and self.deadline is not None and self.deadline < (today or timezone.localdate())

    @property
    def display_status(self) -> tuple[str, str, str]:
        """(value, label, colour) with "overdue" in place of an open status past its deadline."""
        if self.is_overdue():
            return (OVERDUE[0], str(OVERDUE[1]), "danger")
        return (self.status, self.get_status_display(), TaskStatus(self.status).colour)

    @property
    def detail_url(self) -> str:
        return self.get_absolute_url()

    @property
    def deadline_display(self) -> str:
        if self.deadline is not None:
            return f"{self.deadline:%d/%m/%Y}"
        return self.get_recurrence_display() if self.recurrence else ""


def overdue_q(today: dt.date | None = None) -> Q:
    return Q(status__in=OPEN_TASK_STATUSES, deadline__lt=today or timezone.localdate())


class ProgressKind(models.TextChoices):
    PROGRESS = "progress", gettext_lazy("Báo cáo tiến độ")
    NOTE = "note", gettext_lazy("Ý kiến của cơ quan phối hợp")
    REVIEW = "review", gettext_lazy("Ý kiến của cơ quan theo dõi")


def evidence_path(instance: TaskProgress, filename: str) -> str:
    return f"plans/tasks/{timezone.localdate():%Y/%m}/{PurePath(filename).name}"


class TaskProgress(models.Model):
    """One entry of a task's progress timeline: a report by the lead unit, a note, or the coordinator's review."""

    task = models.ForeignKey(
        PlanTask, verbose_name=gettext_lazy("Nhiệm vụ"), on_delete=models.CASCADE, related_name="updates"
    )
    kind = models.CharField(
        gettext_lazy("Loại"), max_length=16, choices=ProgressKind.choices, default=ProgressKind.PROGRESS
    )
    reported_on = models.DateField(gettext_lazy("Ngày báo cáo"), default=timezone.localdate)
    text = models.TextField(gettext_lazy("Nội dung"))
    percent = models.PositiveSmallIntegerField(gettext_lazy("Tiến độ (%)"), null=True, blank=True)
    evidence = models.FileField(gettext_lazy("Tệp minh chứng"), upload_to=evidence_path, max_length=500, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=gettext_lazy("Đơn vị"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("Người báo cáo"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(gettext_lazy("Thời điểm"), auto_now_add=True)

    class Meta:
        verbose_name = gettext_lazy("Tiến độ nhiệm vụ")
        verbose_name_plural = pgettext_lazy("plural", "Tiến độ nhiệm vụ")
        ordering = ["task", "-reported_on", "-id"]
        indexes = [models.Index(fields=["task", "reported_on"])]

    def __str__(self) -> str:
        return f"{self.reported_on:%d/%m/%Y} — {self.get_kind_display()}"


class PlanVersion(models.Model):
    """A frozen copy of the appendices (rows with the ids of their records) at issue and at each adjustment."""

    plan = models.ForeignKey(
        Plan, verbose_name=gettext_lazy("Kế hoạch"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(gettext_lazy("Phiên bản số"))
    note = models.CharField(gettext_lazy("Ghi chú"), max_length=500, blank=True)
    snapshot = models.JSONField(gettext_lazy("Nội dung các phụ lục"), default=dict)
    created_at = models.DateTimeField(gettext_lazy("Thời điểm"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("Người lập"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = gettext_lazy("Phiên bản kế hoạch")
        verbose_name_plural = pgettext_lazy("plural", "Phiên bản kế hoạch")
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="planversion_unique_number")]

    def __str__(self) -> str:
        if self.created_at is None:
            return gettext("Phiên bản %(number)s") % {"number": self.number}
        return gettext("Phiên bản %(number)s (%(created_at)s)") % {
            "number": self.number,
            "created_at": format(timezone.localtime(self.created_at), "%d/%m/%Y"),
        }

    @property
    def row_count(self) -> int:
        return sum(len(a.get("rows", [])) for a in self.snapshot.get("appendices", []))
