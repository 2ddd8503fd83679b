"""The year's foreign-affairs programme and the tasks of its body: one declaration each."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from doingoai.core import permissions
from doingoai.core.registry import Api, MenuLink, Registry, Search, menu_links, register
from doingoai.programs import filters, forms, selectors, services, tables
from doingoai.programs.models import Program, ProgramItem
from doingoai.programs.views import ProgramItemDeleteView


@register
class ProgramRegistry(Registry):
    model = Program
    form = forms.ProgramForm
    filterset = filters.ProgramFilterSet
    table = tables.ProgramTable
    workflow = services.WORKFLOW
    step_forms = {
        "return_to_draft": forms.CommentForm,
        "issue": forms.IssueForm,
        "open_adjustment": forms.OpenAdjustmentForm,
        "record_version": forms.RecordVersionForm,
    }
    list_buttons_template = "programs/_list_buttons.html"
    detail_template = "programs/_detail_extra.html"
    detail_fields = [
        "year",
        "title",
        "number",
        "issued_on",
        "signer_name",
        "signer_position",
        "status",
        "adjustment_deadline",
        "adjustment_opened_on",
        "preamble",
        "closing",
        "recipients",
        "status_note",
        "note",
    ]
    search = Search(fields=["title", "number", "signer_name", "status", "preamble", "note"], order=5)
    api = Api("programs")

    def detail_context(self, obj: Program, request: Any) -> dict[str, Any]:
        user = request.user
        appendices = selectors.plan_appendices(year=obj.year, user=user)
        counts = selectors.plan_counts(appendices)
        planned = [
            ("Đoàn ra (Phụ lục 1)", obj.planned_outbound, counts.outbound),
            ("Đoàn vào (Phụ lục 2)", obj.planned_inbound, counts.inbound),
            ("Hội nghị, hội thảo quốc tế (Phụ lục 3)", obj.planned_conferences, counts.conferences),
            ("Thỏa thuận quốc tế (Phụ lục 4)", obj.planned_agreements, counts.agreements),
        ]
        return {
            "tree": selectors.program_tree(program=obj),
            "appendices": appendices,
            "planned": planned,
            "versions": list(selectors.program_versions(program=obj)),
            "can_edit_items": permissions.can_create(user, ProgramItem),
            "can_change_program": permissions.can(user, "change", obj),
            "can_delete_program": permissions.can(user, "delete", obj),
            "export_url": reverse("programs:export"),
        }


@register
class ProgramItemRegistry(Registry):
    """Tasks of the programme's body; deleted with their sub-tasks (the API only reads and writes them)."""

    model = ProgramItem
    path = "items/"
    queryset = ProgramItem.objects.select_related("program", "parent", "lead_unit").prefetch_related(
        "coordinating_units"
    )
    form = forms.ProgramItemForm
    filterset = filters.ProgramItemFilterSet
    table = tables.ProgramItemTable
    delete_view = ProgramItemDeleteView
    search = Search(
        fields=["section", "pillar", "domain", "text", "lead_unit", "coordinating_units", "progress_note"],
        title=lambda item: f"{item.section} {item.text}".strip(),
        order=6,
    )
    api = Api("program-items", delete=False)

    def form_initial(self, request: Any) -> dict[str, Any]:
        """`?program=…&parent=…` pre-fill the form of a new task."""
        return {k: request.GET[k] for k in ("program", "parent") if request.GET.get(k, "").isdigit()}

    def delete(self, *, obj: ProgramItem, by: Any) -> None:
        services.program_item_delete(item=obj, by=by)


menu_links(MenuLink("plan", "Chương trình", "programs:program_list", order=10))
