"""External information work: products, press releases, false-information cases, commemorations — one
declaration each, and the pages that are not a registry's list in the menu."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404, render
from django.urls import URLPattern, path
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from doingoai.core import generic
from doingoai.core.forms import ReasonForm
from doingoai.core.registry import Access, Api, Menu, MenuLink, Registry, ReportFigure, Search, menu_links, register
from doingoai.infowork import deadlines, filters, forms, selectors, services, tables
from doingoai.infowork.models import (
    Commemoration,
    CommemorationKind,
    FalseInfoCase,
    InfoProduct,
    PressRelease,
    is_standing_agency,
)
from doingoai.persons.models import AccessAction


@register
class InfoProductRegistry(Registry):
    model = InfoProduct
    path = "products/"
    queryset = InfoProduct.objects.select_related("producing_unit", "plan_task").prefetch_related("versions")
    form = forms.InfoProductForm
    filterset = filters.InfoProductFilterSet
    table = tables.InfoProductTable
    workflow = services.PRODUCT_WORKFLOW
    step_forms = {
        "revise": forms.ReviseForm,
        "publish": forms.PublishForm,
        "record_reach": forms.ReachForm,
        "cancel": ReasonForm,
    }
    detail_template = "infowork/_product_extra.html"
    menu = Menu("information", pgettext_lazy("menu", "Sản phẩm thông tin đối ngoại"), order=10)
    search = Search(fields=["title", "other_titles", "topic", "outlet", "producing_unit", "status", "note"], order=40)
    api = Api("info-products")
    deadlines = [deadlines.PUBLICATION]
    report = ReportFigure(
        gettext_lazy("Sản phẩm thông tin đối ngoại"),
        "published_on",
        gettext_lazy("đã phát hành"),
        ("published",),
        order=60,
        plan_kinds=("information",),
    )

    def detail_context(self, obj: Any, request: HttpRequest) -> dict[str, Any]:
        from doingoai.core.permissions import can, role_of

        user = request.user
        reviewer = role_of(user) in {"coordinator", "admin"} or is_standing_agency(user)
        return {
            "versions": selectors.versions_of(obj),
            "version_form": forms.VersionForm() if can(user, "change", obj) else None,
            "may_review_versions": reviewer and obj.status == "drafted",
            "review_form": forms.VersionReviewForm(),
        }

    def extra_urls(self) -> list[URLPattern]:
        from doingoai.infowork import views

        return [
            path(f"{self.path}<int:pk>/versions/", views.VersionSaveView.as_view(), name="infoproduct_version"),
            path(
                f"{self.path}versions/<int:pk>/review/",
                views.VersionReviewView.as_view(),
                name="infoproductversion_review",
            ),
        ]

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any]:
        return {
            "year": 2027,
            "title": f"Bản tin thông tin đối ngoại số {n}",
            "kind": "bulletin",
            "producing_unit": unit,
            "planned_on": dt.date(2027, 3, 15),
        }


@register
class PressReleaseRegistry(Registry):
    model = PressRelease
    path = "press/"
    queryset = PressRelease.objects.select_related("issuing_unit", "press_visit")
    form = forms.PressReleaseForm
    filterset = filters.PressReleaseFilterSet
    table = tables.PressReleaseTable
    workflow = services.PRESS_WORKFLOW
    step_forms = {"cancel": ReasonForm}
    menu = Menu("information", pgettext_lazy("menu", "Thông cáo, họp báo, phát ngôn"), order=20)
    search = Search(fields=["title", "spokesperson", "outlets", "issuing_unit", "kind", "note"], order=41)
    api = Api("press-releases")
    report = ReportFigure(
        gettext_lazy("Thông cáo báo chí, họp báo, phát ngôn"),
        "date",
        gettext_lazy("đã phát hành, tổ chức"),
        ("issued",),
        order=61,
        plan_kinds=("information",),
    )

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any]:
        return {
            "kind": "release",
            "date": dt.date(2026, 6, 1),
            "year": 2026,
            "title": f"Thông cáo báo chí về hợp tác với tỉnh bạn số {n}",
            "spokesperson": gettext("Nguyễn Văn Phát"),
            "issuing_unit": unit,
        }


class FalseInfoDetailView(generic.ObjectDetailView):
    """Every opening of a case is logged (who, when, which case)."""

    def get(self, request: HttpRequest, pk: int) -> Any:
        obj = get_object_or_404(self.get_queryset(), pk=pk)
        services.falseinfocase_read_record(case=obj, by=request.user)
        return render(request, self.template_name, self.get_context(obj))


class FalseInfoEditView(generic.ObjectEditView):
    """Opening a case to edit it shows its content: logged like a reading."""

    def get(self, request: HttpRequest, pk: int | None = None) -> Any:
        obj = self.get_object(pk)
        if pk is not None:
            services.falseinfocase_read_record(case=obj, by=request.user, action=AccessAction.EDIT)
        return self.render_form(obj, self.get_form(obj))


def _log_api_read(obj: Any, user: Any) -> None:
    services.falseinfocase_read_record(case=obj, by=user, action=AccessAction.API)


@register
class FalseInfoCaseRegistry(Registry):
    model = FalseInfoCase
    path = "false-information/"
    queryset = FalseInfoCase.objects.select_related("handling_unit")
    form = forms.FalseInfoCaseForm
    filterset = filters.FalseInfoCaseFilterSet
    table = tables.FalseInfoCaseTable
    workflow = services.FALSE_INFO_WORKFLOW
    step_forms = {"assess": forms.AssessForm, "answer": forms.AnswerForm, "close": forms.CloseForm}
    deletable = False  # a restricted case and its read log stay
    access = Access.PRIVATE
    detail_view = FalseInfoDetailView
    edit_view = FalseInfoEditView
    menu = Menu("information", pgettext_lazy("menu", "Phản bác thông tin sai lệch"), order=30)
    search = Search(fields=["topic", "source", "summary", "handling_unit", "status"], order=42)
    api = Api("false-information", on_retrieve=_log_api_read, delete=False)
    deadlines = [deadlines.ANSWER]
    report = ReportFigure(
        gettext_lazy("Phản bác thông tin sai lệch"),
        "answered_on",
        gettext_lazy("đã phản bác"),
        ("answered", "closed"),
        received_on="detected_on",
        order=62,
        plan_kinds=("information",),
    )


@register
class CommemorationRegistry(Registry):
    model = Commemoration
    path = "commemorations/"
    queryset = Commemoration.objects.select_related("country", "partner")
    form = forms.CommemorationForm
    filterset = filters.CommemorationFilterSet
    table = tables.CommemorationTable
    menu = Menu("reference", pgettext_lazy("menu", "Lịch kỷ niệm"), order=60)
    search = Search(fields=["title", "source", "note"], order=90)
    api = Api("commemorations")

    def example(self, *, unit: Any, n: int = 0) -> dict[str, Any]:
        return {
            "kind": CommemorationKind.HISTORIC,
            "title": f"Ngày kỷ niệm lịch sử số {n}",
            "date": dt.date(1930, 2, 3),
            "source": gettext("Lịch sử Đảng bộ tỉnh"),
        }


menu_links(
    MenuLink("information", pgettext_lazy("menu", "Lịch biên tập"), "infowork:editorial_calendar", order=15),
    MenuLink(
        "information",
        pgettext_lazy("menu", "Ngày kỷ niệm trong năm"),
        "infowork:anniversaries",
        order=40,
        divider_before=True,
    ),
)
