"""Plans (the year's programme is one kind), their tasks, and the steering committees: one declaration each."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from doingoai.core import permissions
from doingoai.core.registry import Access, Api, Menu, MenuLink, Registry, Search, menu_links, register
from doingoai.finance.selectors import budget_totals
from doingoai.legal import selectors as legal_selectors
from doingoai.programs import filters, forms, selectors, services, tables
from doingoai.programs.deadlines import IMPLEMENTATION_PLAN, TASK_DEADLINE
from doingoai.programs.models import CommitteeMember, CommitteeRole, Plan, PlanTask, SteeringCommittee
from doingoai.programs.views import PlanTaskDeleteView


@register
class PlanRegistry(Registry):
    model = Plan
    queryset = Plan.objects.select_related("coordinating_unit", "committee")
    form = forms.PlanForm
    filterset = filters.PlanFilterSet
    table = tables.PlanTable
    workflow = services.WORKFLOW
    step_forms = {
        "return_to_draft": forms.CommentForm,
        "issue": forms.IssueForm,
        "record_issue": forms.IssueForm,
        "open_adjustment": forms.OpenAdjustmentForm,
        "record_version": forms.RecordVersionForm,
        "close": forms.OptionalCommentForm,
        "appraise_budget": forms.BudgetAppraisalForm,
    }
    list_buttons_template = "programs/_list_buttons.html"
    detail_template = "programs/_detail_extra.html"
    detail_fields = [
        "kind",
        "year",
        "year_to",
        "title",
        "issuer",
        "committee",
        "number",
        "issued_on",
        "signer_name",
        "signer_position",
        "coordinating_unit",
        "units",
        "parent",
        "response_days",
        "source_file",
        "status",
        "adjustment_deadline",
        "adjustment_opened_on",
        "preamble",
        "closing",
        "recipients",
        "status_note",
        "note",
    ]
    search = Search(fields=["title", "number", "issuer", "signer_name", "status", "preamble", "note"], order=5)
    api = Api("plans")
    deadlines = [IMPLEMENTATION_PLAN]

    def create(self, *, by: Any, values: Mapping[str, Any]) -> Plan:
        return services.plan_create(by=by, values=values)

    def update(self, *, obj: Plan, by: Any, values: Mapping[str, Any], expected_version: int | None) -> Plan:
        return services.plan_update(plan=obj, by=by, values=values, expected_version=expected_version)

    def detail_context(self, obj: Plan, request: Any) -> dict[str, Any]:
        user = request.user
        filter_form = forms.TaskFilterForm(request.GET or None, plan=obj)
        task_filter = filter_form.task_filter()
        query = request.GET.urlencode()
        context: dict[str, Any] = {
            "legal_bases": legal_selectors.documents_cited_by(obj=obj),
            "tree": selectors.program_tree(plan=obj),
            "can_edit_items": obj.is_coordinated_by(user),
            "can_change_program": permissions.can(user, "change", obj),
            "can_delete_program": permissions.can(user, "delete", obj),
            "export_url": reverse("programs:export"),
            "task_summary": selectors.task_summary(plan=obj),
            "reporting_regime": selectors.regime_display(obj),
            "task_filter_form": filter_form,
            "task_filter": task_filter,
            "tasks": selectors.plan_tasks(plan=obj, filters=task_filter),
            "unit_rows": selectors.tasks_by_unit(plan=obj),
            "unit_columns": selectors.UNIT_COLUMNS,
            "timeline": selectors.plan_timeline(plan=obj),
            "implementation": selectors.implementation_status(plan=obj),
            "today": timezone.localdate(),
            "tasks_xlsx_url": reverse("programs:plan_tasks_xlsx", args=[obj.pk]) + (f"?{query}" if query else ""),
            "plan_docx_url": reverse("programs:plan_docx", args=[obj.pk]),
        }
        if obj.is_program:
            appendices = selectors.plan_appendices(year=obj.year, user=user)
            counts = selectors.plan_counts(appendices)
            context |= {
                "appendices": appendices,
                "planned": [
                    (gettext("Đoàn ra (Phụ lục 1)"), obj.planned_outbound, counts.outbound),
                    (gettext("Đoàn vào (Phụ lục 2)"), obj.planned_inbound, counts.inbound),
                    (gettext("Hội nghị, hội thảo quốc tế (Phụ lục 3)"), obj.planned_conferences, counts.conferences),
                    (gettext("Thỏa thuận quốc tế (Phụ lục 4)"), obj.planned_agreements, counts.agreements),
                ],
                "versions": list(selectors.program_versions(plan=obj)),
                "budget": budget_totals(year=obj.year, user=user),
                "can_appraise_budget": services.TRANSITIONS["appraise_budget"].permits(user, obj),
                "budget_appraisal": selectors.budget_appraisal_rows(obj),
                "budget_url": reverse("finance:totals") + f"?year={obj.year}",
            }
        return context


@register
class PlanTaskRegistry(Registry):
    """Tasks of a plan's body; the lead unit reports progress, the plan's coordinating unit reviews."""

    model = PlanTask
    path = "tasks/"
    access = Access.REFERENCE  # read with the plan; written by the plan's coordinators (see the model's rules)
    queryset = PlanTask.objects.select_related("plan", "parent", "lead_unit").prefetch_related("coordinating_units")
    form = forms.PlanTaskForm
    filterset = filters.PlanTaskFilterSet
    table = tables.PlanTaskTable
    workflow = services.TASK_WORKFLOW
    step_forms = {
        "report_progress": forms.ProgressForm,
        "add_note": forms.NoteForm,
        "close": forms.OptionalCommentForm,
        "return": forms.RequiredCommentForm,
        "cancel": forms.RequiredCommentForm,
        "reopen": forms.OptionalCommentForm,
    }
    delete_view = PlanTaskDeleteView
    detail_template = "programs/_task_extra.html"
    detail_fields = [
        "plan",
        "parent",
        "section",
        "pillar",
        "domain",
        "text",
        "lead_unit",
        "coordinating_units",
        "deadline",
        "recurrence",
        "expected_output",
        "status",
        "progress",
        "progress_note",
        "progress_on",
        "status_note",
    ]
    search = Search(
        fields=["section", "pillar", "domain", "text", "lead_unit", "coordinating_units", "progress_note"],
        title=lambda item: f"{item.section} {item.text}".strip(),
        order=6,
    )
    api = Api("plan-tasks", delete=False)
    deadlines = [TASK_DEADLINE]
    menu = Menu(
        "follow",
        pgettext_lazy("menu", "Nhiệm vụ được giao"),
        order=5,
        title=gettext_lazy("Nhiệm vụ của các kế hoạch, chương trình"),
    )

    def form_initial(self, request: Any) -> dict[str, Any]:
        """`?plan=…&parent=…` pre-fill the form of a new task."""
        return {k: request.GET[k] for k in ("plan", "parent") if request.GET.get(k, "").isdigit()}

    def create(self, *, by: Any, values: Mapping[str, Any]) -> PlanTask:
        return services.plan_task_save(by=by, values=values)

    def update(self, *, obj: PlanTask, by: Any, values: Mapping[str, Any], expected_version: int | None) -> PlanTask:
        return services.plan_task_save(by=by, values=values, task=obj, expected_version=expected_version)

    def delete(self, *, obj: PlanTask, by: Any) -> None:
        services.plan_task_delete(item=obj, by=by)

    def detail_context(self, obj: PlanTask, request: Any) -> dict[str, Any]:
        return {"updates": selectors.task_updates(task=obj)}


@register
class CommitteeRegistry(Registry):
    model = SteeringCommittee
    path = "committees/"
    queryset = SteeringCommittee.objects.select_related("standing_unit")
    form = forms.CommitteeForm
    filterset = filters.CommitteeFilterSet
    table = tables.CommitteeTable
    detail_template = "programs/_committee_extra.html"
    search = Search(fields=["name", "decision", "note"], order=60)
    api = Api("committees")
    menu = Menu("reference", pgettext_lazy("menu", "Ban Chỉ đạo"), order=40)

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any]:
        return {
            "name": f"Ban Chỉ đạo công tác thông tin đối ngoại (thử nghiệm {n})",
            "decision": f"Quyết định số {100 + n}/QĐ-UBND",
            "standing_unit": unit,
        }

    def detail_context(self, obj: SteeringCommittee, request: Any) -> dict[str, Any]:
        return {
            "members": obj.members.select_related("unit").order_by("role", "full_name"),
            "can_add_member": permissions.can_create(request.user, CommitteeMember),
            "committee_plans": Plan.objects.restrict(request.user, "view").filter(committee=obj),
        }


@register
class CommitteeMemberRegistry(Registry):
    model = CommitteeMember
    path = "committees/members/"
    queryset = CommitteeMember.objects.select_related("committee", "unit")
    form = forms.CommitteeMemberForm
    filterset = filters.CommitteeMemberFilterSet
    table = tables.CommitteeMemberTable
    api = Api("committee-members")

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any]:
        committee, _ = SteeringCommittee.objects.get_or_create(
            name="Ban Chỉ đạo công tác thông tin đối ngoại (ví dụ)", defaults={"standing_unit": unit}
        )
        return {
            "committee": committee,
            "full_name": f"Nguyễn Văn Thành viên {n}",
            "position": gettext("Phó Giám đốc"),
            "unit": unit,
            "role": CommitteeRole.MEMBER,
        }

    def form_initial(self, request: Any) -> dict[str, Any]:
        value = request.GET.get("committee", "")
        return {"committee": value} if value.isdigit() else {}


menu_links(
    MenuLink(
        "plan",
        pgettext_lazy("menu", "Kế hoạch"),
        "programs:plan_list",
        order=10,
        title=gettext_lazy("Chương trình, kế hoạch và nhiệm vụ"),
    )
)
