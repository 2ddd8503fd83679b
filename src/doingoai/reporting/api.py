"""/api/reporting-periods/ and /api/unit-reports/: the reporting follow-up through the API (api.registry).

Reports are not generic registry pages on the web (sections beside the registry figures), so their viewsets
are written here, on the same selectors (rights) and services (steps) as the web views:
- periods: read; `POST` opens one (the coordinator, or an officer of the plan's coordinating unit), refused with
  409 and the existing period named when it repeats one of the same plan;
- a unit's report: read; `PATCH {"texts": {section: text}, "version": n}` saves the draft;
  `POST {id}/actions/submit/` (optionally with texts), `…/return/` (`comment`), `…/accept/`.
"""

from __future__ import annotations

from typing import Any

from django.utils.functional import lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_lazy
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.filters import OrderingFilter
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse

from doingoai.api.registry import register_viewset
from doingoai.api.viewsets import expected_version
from doingoai.core.forms import CONTROL, CONTROL_CHARACTERS, refuse_control_characters
from doingoai.core.models import Unit
from doingoai.core.workflow import ConflictError, StepPermissionDenied, WorkflowError
from doingoai.programs.models import Plan
from doingoai.reporting import selectors, services
from doingoai.reporting.models import SECTIONS, ReportingPeriod, UnitReport

SECTION_KEYS = [key for key, _ in SECTIONS]
# Lazy: the schema is read in the reader's language (the section labels are lazy too).
SECTION_HELP = format_lazy(
    "{}{}", gettext_lazy("Khóa các mục: "), lazy(lambda: ", ".join(f"`{k}` ({label})" for k, label in SECTIONS), str)()
)


class ReportingPeriodSerializer(serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:reporting-periods-detail")
    web_url = serializers.CharField(source="get_absolute_url", read_only=True)
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    units = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    plan = serializers.PrimaryKeyRelatedField(read_only=True)

    class Meta:
        model = ReportingPeriod
        fields = [
            "id", "url", "web_url", "plan", "kind", "kind_display", "year", "label", "start", "end", "due_date",
            "basis", "note", "status", "status_display", "units", "closed_at", "version",
        ]  # fmt: skip


class PeriodOpenSerializer(serializers.Serializer):
    plan = serializers.PrimaryKeyRelatedField(
        queryset=Plan.objects.all(),
        required=False,
        allow_null=True,
        help_text=gettext_lazy("Mặc định: Chương trình của năm"),
    )
    kind = serializers.ChoiceField(choices=ReportingPeriod._meta.get_field("kind").choices)
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    label = serializers.CharField(max_length=255, validators=[refuse_control_characters])
    start = serializers.DateField()
    end = serializers.DateField()
    due_date = serializers.DateField()
    units = serializers.PrimaryKeyRelatedField(queryset=Unit.objects.all(), many=True)
    note = serializers.CharField(required=False, allow_blank=True, default="", validators=[refuse_control_characters])


class UnitReportSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:unit-reports-detail")
    web_url = serializers.CharField(source="get_absolute_url", read_only=True)
    period_label = serializers.CharField(source="period.label", read_only=True)
    due_date = serializers.DateField(read_only=True)
    unit_name = serializers.CharField(source="unit.name", read_only=True)
    status_display = serializers.CharField(source="get_status_display", read_only=True)
    texts = serializers.DictField(child=serializers.CharField(allow_blank=True), help_text=SECTION_HELP)

    class Meta:
        model = UnitReport
        fields = [
            "id", "url", "web_url", "period", "period_label", "due_date", "unit", "unit_name", "status",
            "status_display", "texts", "facts", "first_submitted_at", "submitted_at", "review_comment",
            "reviewed_at", "version",
        ]  # fmt: skip
        read_only_fields = [f for f in fields if f != "texts"]


class TextsSerializer(serializers.Serializer):
    texts = serializers.DictField(child=serializers.CharField(allow_blank=True), help_text=SECTION_HELP)
    version = serializers.IntegerField(required=False, help_text=gettext_lazy("Phiên bản đã đọc (chống ghi đè)"))


def _texts(data: Any, *, required: bool) -> dict[str, str] | None:
    """The section texts of a request body, or a ValidationError naming what is wrong."""
    texts = data.get("texts") if hasattr(data, "get") else None
    if texts is None:
        if required:
            raise serializers.ValidationError({"texts": [gettext("Cần gửi nội dung các mục (texts).")]})
        return None
    if not isinstance(texts, dict):
        raise serializers.ValidationError(
            {"texts": [gettext("Nội dung các mục phải là một đối tượng {mục: văn bản}.")]}
        )
    unknown = sorted(set(texts) - set(SECTION_KEYS))
    if unknown:
        raise serializers.ValidationError(
            {
                "texts": [
                    gettext("Không có mục: %(unknown)s. %(help)s.")
                    % {"unknown": ", ".join(unknown), "help": SECTION_HELP.replace("`", "")}
                ]
            }
        )
    if not all(value is None or isinstance(value, str) for value in texts.values()):
        raise serializers.ValidationError({"texts": [gettext("Nội dung mỗi mục phải là văn bản.")]})
    refused = {key: [CONTROL_CHARACTERS] for key, value in texts.items() if value and CONTROL.search(value)}
    if refused:
        raise serializers.ValidationError({"texts": refused})
    return {key: value or "" for key, value in texts.items()}


def _refused(exc: WorkflowError) -> Response:
    if isinstance(exc, StepPermissionDenied):
        return Response({"detail": str(exc)}, status=status.HTTP_403_FORBIDDEN)
    return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)


@extend_schema(tags=["reporting-periods"])
class ReportingPeriodViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """Kỳ báo cáo: đọc và lọc theo quyền; mở kỳ mới của một kế hoạch (cùng dịch vụ như trên web)."""

    serializer_class = ReportingPeriodSerializer
    queryset = ReportingPeriod.objects.all()
    filter_backends = [DjangoFilterBackend, OrderingFilter]
    filterset_fields = ["year", "kind", "status"]
    ordering_fields = ["id", "due_date", "year"]
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self) -> Any:
        return selectors.period_list(user=self.request.user)

    @extend_schema(summary="Mở kỳ báo cáo", request=PeriodOpenSerializer, responses=ReportingPeriodSerializer)
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = PeriodOpenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            period = services.period_open(by=request.user, **data.validated_data)
        except WorkflowError as exc:
            return _refused(exc)
        return Response(self.get_serializer(period).data, status=status.HTTP_201_CREATED)


@extend_schema(tags=["unit-reports"])
class UnitReportViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Báo cáo của đơn vị: đọc theo quyền, lưu bản nháp, nộp, trả lại, chấp nhận (cùng dịch vụ như trên web)."""

    serializer_class = UnitReportSerializer
    queryset = UnitReport.objects.all()
    filter_backends = [DjangoFilterBackend, OrderingFilter]
    filterset_fields = ["period", "unit", "status"]
    ordering_fields = ["id", "submitted_at", "status"]
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self) -> Any:
        if getattr(self, "action", None) == "partial_update":
            return UnitReport.objects.restrict(self.request.user, "change").select_related("period", "unit")
        return selectors.unit_report_list(user=self.request.user)

    @extend_schema(summary="Lưu bản nháp (cán bộ của đơn vị)", request=TextsSerializer, responses=UnitReportSerializer)
    def partial_update(self, request: Request, pk: Any = None) -> Response:
        report = self.get_object()
        texts = _texts(request.data, required=True)
        try:
            report = services.unit_report_save(
                report=report, by=request.user, texts=texts or {}, expected_version=expected_version(request.data)
            )
        except ConflictError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        except WorkflowError as exc:
            return _refused(exc)
        return Response(self.get_serializer(report).data)

    @extend_schema(
        summary="Các bước người dùng được thực hiện",
        responses=inline_serializer(
            "UnitReportStep", {"name": serializers.CharField(), "label": serializers.CharField()}, many=True
        ),
    )
    @action(detail=True, methods=["get"], url_path="actions", url_name="actions", filter_backends=[])
    def steps(self, request: Request, pk: Any = None) -> Response:
        report = self.get_object()
        return Response(
            [
                {
                    "name": t.name,
                    "label": t.label,
                    "url": reverse("api:unit-reports-action", args=[report.pk, t.name], request=request),
                }
                for t in services.TRANSITIONS.values()
                if t.available(request.user, report)
            ]
        )

    @extend_schema(
        summary="Nộp (`submit`, có thể kèm texts, version), trả lại (`return`, kèm comment), chấp nhận (`accept`)",
        request=inline_serializer(
            "UnitReportStepData",
            {
                "texts": serializers.DictField(required=False, help_text=SECTION_HELP),
                "version": serializers.IntegerField(required=False),
                "comment": serializers.CharField(required=False, help_text=gettext_lazy("Ý kiến khi trả lại")),
            },
        ),
        responses=UnitReportSerializer,
    )
    @action(detail=True, methods=["post"], url_path=r"actions/(?P<name>[a-z_]+)", url_name="action", filter_backends=[])
    def take_step(self, request: Request, pk: Any = None, name: str = "") -> Response:
        report = self.get_object()
        if name not in services.SERVICES:
            raise NotFound(gettext("Không có bước quy trình này."))
        comment = (request.data.get("comment") if hasattr(request.data, "get") else None) or ""
        if not isinstance(comment, str) or CONTROL.search(comment):
            reason = CONTROL_CHARACTERS if isinstance(comment, str) else gettext("Ý kiến phải là văn bản.")
            return Response({"comment": [reason]}, status=status.HTTP_400_BAD_REQUEST)
        if name == "return" and services.TRANSITIONS[name].permits(request.user, report) and not comment.strip():
            return Response(
                {"comment": [gettext("Cần ghi ý kiến để đơn vị chỉnh sửa.")]}, status=status.HTTP_400_BAD_REQUEST
            )
        try:
            if name == "submit":
                report = services.unit_report_submit(
                    report=report,
                    by=request.user,
                    texts=_texts(request.data, required=False),
                    expected_version=expected_version(request.data),
                )
            elif name == "return":
                report = services.unit_report_return(report=report, by=request.user, comment=comment)
            else:
                report = services.SERVICES[name](report=report, by=request.user)
        except ConflictError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
        except WorkflowError as exc:
            return _refused(exc)
        return Response(self.get_serializer(report).data)


register_viewset("reporting-periods", ReportingPeriodViewSet)
register_viewset("unit-reports", UnitReportViewSet)
