"""Every write of the external-information work: the workflows, the language versions of a product, the logged
reads of false-information cases, and a plan task made from a commemoration.

Information product: planned → drafted → reviewed (every language reviewed) → published; the standing agency
returns a drafted or reviewed product for revision, the leaders cancel it.
Press release: draft → issued, or cancelled.
False information: detected → assessed → answered → closed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy, gettext_noop

from doingoai.core.choices import Role
from doingoai.core.i18n import vietnamese_display
from doingoai.core.permissions import can, role_of
from doingoai.core.workflow import (
    StepPermissionDenied,
    Transition,
    Workflow,
    WorkflowError,
    apply_noted_transition,
    apply_transition,
    record_event,
    save_tracked,
)
from doingoai.infowork.models import (
    FalseInfoCase,
    InfoProduct,
    InfoProductVersion,
    Language,
    PressRelease,
    TranslationStatus,
    is_standing_agency,
)
from doingoai.infowork.models import FalseInfoStatus as F
from doingoai.infowork.models import InfoProductStatus as P
from doingoai.infowork.models import PressReleaseStatus as R
from doingoai.persons.models import AccessAction
from doingoai.persons.services import personal_data_access_record
from doingoai.programs.models import Plan, PlanTask
from doingoai.programs.services import plan_task_create

LEADERS = frozenset({Role.COORDINATOR, Role.ADMIN, Role.LEADER})


def _standing(user: Any, obj: Any) -> bool:
    return is_standing_agency(user)


# ------------------------------------------------------------------------------------- information products

PRODUCT_WORKFLOW = Workflow(
    [
        Transition(
            "draft",
            gettext_lazy("Hoàn thành bản thảo"),
            (P.PLANNED,),
            P.DRAFTED,
            owner=True,
            help=gettext_lazy("Gửi bản thảo cho cơ quan thường trực thẩm định."),
        ),
        Transition(
            "review",
            gettext_lazy("Thẩm định xong"),
            (P.DRAFTED,),
            P.REVIEWED,
            rule=_standing,
            style="success",
            help=gettext_lazy("Mọi bản ngôn ngữ phải được thẩm định trước."),
        ),
        Transition(
            "revise",
            gettext_lazy("Trả lại để chỉnh sửa"),
            (P.DRAFTED, P.REVIEWED),
            P.PLANNED,
            rule=_standing,
            style="warning",
        ),
        Transition(
            "publish", gettext_lazy("Ghi nhận đã phát hành"), (P.REVIEWED,), P.PUBLISHED, owner=True, style="success"
        ),
        Transition(
            "record_reach", gettext_lazy("Cập nhật lượt tiếp cận"), (P.PUBLISHED,), None, owner=True, style="secondary"
        ),
        Transition(
            "cancel",
            gettext_lazy("Hủy"),
            (P.PLANNED, P.DRAFTED, P.REVIEWED),
            P.CANCELLED,
            roles=LEADERS,
            style="danger",
        ),
    ]
)


@PRODUCT_WORKFLOW.step("draft")
def infoproduct_draft(*, infoproduct: InfoProduct, by: Any) -> InfoProduct:
    """The producing unit has a draft in every language it planned, and sends it for review."""
    if not infoproduct.versions.exists():
        raise WorkflowError(gettext("Cần thêm ít nhất một bản ngôn ngữ trước khi gửi thẩm định."))
    untranslated = [
        v.get_language_display()
        for v in infoproduct.versions.all()
        if v.translation_status == TranslationStatus.NOT_STARTED
    ]
    if untranslated:
        raise WorkflowError(gettext("Chưa có bản dịch: %(untranslated)s.") % {"untranslated": ", ".join(untranslated)})
    return apply_transition(infoproduct, PRODUCT_WORKFLOW["draft"], by=by)


@PRODUCT_WORKFLOW.step("review")
def infoproduct_review(*, infoproduct: InfoProduct, by: Any) -> InfoProduct:
    """The standing agency confirms the content once every language version is reviewed."""
    waiting = [
        v.get_language_display()
        for v in infoproduct.versions.all()
        if v.translation_status != TranslationStatus.REVIEWED
    ]
    if waiting:
        raise WorkflowError(
            gettext("Còn bản ngôn ngữ chưa được thẩm định: %(waiting)s.") % {"waiting": ", ".join(waiting)}
        )
    return apply_transition(infoproduct, PRODUCT_WORKFLOW["review"], by=by)


@PRODUCT_WORKFLOW.step("revise")
def infoproduct_revise(*, infoproduct: InfoProduct, by: Any, comment: str) -> InfoProduct:
    """Back to the producing unit with what to change."""
    if not comment.strip():
        raise WorkflowError(gettext("Cần ghi nội dung yêu cầu chỉnh sửa."))
    return apply_noted_transition(infoproduct, PRODUCT_WORKFLOW["revise"], by=by, note=comment.strip(), key="comment")


@PRODUCT_WORKFLOW.step("publish")
def infoproduct_publish(
    *, infoproduct: InfoProduct, by: Any, published_on: dt.date, link: str = "", outlet: str = ""
) -> InfoProduct:
    """The product came out on this date (and where)."""
    if published_on > timezone.localdate():
        raise WorkflowError(gettext("Ngày phát hành không được sau ngày hôm nay."))
    changes: dict[str, Any] = {"published_on": published_on}
    if link:
        changes["link"] = link
    if outlet:
        changes["outlet"] = outlet
    return apply_transition(
        infoproduct,
        PRODUCT_WORKFLOW["publish"],
        by=by,
        changes=changes,
        summary=f"Đã phát hành ngày {published_on:%d/%m/%Y}",
        data={"published_on": published_on.isoformat()},
    )


@PRODUCT_WORKFLOW.step("record_reach")
def infoproduct_record_reach(*, infoproduct: InfoProduct, by: Any, reach: int) -> InfoProduct:
    """The reach figures reported after publication (views, readers, listeners)."""
    if reach < 0:
        raise WorkflowError(gettext("Lượt tiếp cận không được âm."))
    return apply_transition(
        infoproduct,
        PRODUCT_WORKFLOW["record_reach"],
        by=by,
        changes={"reach": reach},
        summary=f"Lượt tiếp cận: {reach}",
        data={"reach": reach},
    )


@PRODUCT_WORKFLOW.step("cancel")
def infoproduct_cancel(*, infoproduct: InfoProduct, by: Any, reason: str) -> InfoProduct:
    return apply_noted_transition(infoproduct, PRODUCT_WORKFLOW["cancel"], by=by, note=reason, key="reason")


def _refresh_titles(product: InfoProduct, by: Any) -> None:
    titles = [t for t in product.versions.values_list("title", flat=True) if t]
    product.refresh_from_db()
    product.other_titles = "\n".join(titles)
    save_tracked(product, by=by, reason=gettext_noop("Cập nhật bản ngôn ngữ"))


def _may_translate(product: InfoProduct, by: Any) -> None:
    if not can(by, "change", product):
        raise StepPermissionDenied(
            gettext("Chỉ đơn vị thực hiện sửa các bản ngôn ngữ khi sản phẩm chưa được thẩm định.")
        )


@transaction.atomic
def infoproduct_version_save(
    *,
    product: InfoProduct,
    by: Any,
    language: str,
    title: str = "",
    summary: str = "",
    translator: str = "",
    translation_status: str = TranslationStatus.NOT_STARTED,
    link: str = "",
) -> InfoProductVersion:
    """Add or update the product's version in one language (the producing unit, while the product is editable).
    Marking a version reviewed is the standing agency's step (`infoproduct_version_review`)."""
    _may_translate(product, by)
    if language not in Language.values:
        raise WorkflowError(gettext("Ngôn ngữ không hợp lệ."))
    if translation_status == TranslationStatus.REVIEWED:
        raise WorkflowError(gettext("Bản dịch do cơ quan thường trực thẩm định; hãy chọn “Đã dịch, chờ thẩm định”."))
    version = InfoProductVersion.objects.filter(product=product, language=language).first()
    created = version is None
    version = version or InfoProductVersion(product=product, language=language)
    version.title, version.summary, version.translator, version.link = title, summary, translator, link
    version.translation_status = translation_status
    version.reviewer, version.reviewed_on = "", None  # a changed translation is reviewed again
    try:
        with transaction.atomic():
            save_tracked(
                version,
                by=by,
                reason=gettext_noop("Thêm bản ngôn ngữ") if created else gettext_noop("Sửa bản ngôn ngữ"),
            )
    except IntegrityError as exc:  # two users adding the same language at once
        raise WorkflowError(gettext("Sản phẩm đã có bản theo ngôn ngữ này.")) from exc
    record_event(
        obj=product,
        verb="version",
        summary=f"{'Thêm' if created else 'Sửa'} bản {vietnamese_display(version, 'language')}: "
        f"{vietnamese_display(version, 'translation_status')}",
        actor=by,
    )
    _refresh_titles(product, by)
    return version


@transaction.atomic
def infoproduct_version_review(*, version: InfoProductVersion, by: Any, reviewer: str) -> InfoProductVersion:
    """The standing agency (or the coordinator) has reviewed one language version; the reviewer is named."""
    product = InfoProduct.objects.select_for_update().get(pk=version.product_id)  # its status now, not as loaded
    if not (role_of(by) in LEADERS - {Role.LEADER} or is_standing_agency(by)):
        raise StepPermissionDenied(gettext("Chỉ cơ quan thường trực Ban Chỉ đạo thẩm định bản dịch."))
    if product.status != P.DRAFTED:
        raise WorkflowError(gettext("Chỉ thẩm định bản dịch khi sản phẩm đã có bản thảo (đang chờ thẩm định)."))
    if version.translation_status != TranslationStatus.TRANSLATED:
        raise WorkflowError(
            gettext("Bản %(language)s chưa dịch xong, chưa thể thẩm định.")
            % {"language": version.get_language_display()}
        )
    if not reviewer.strip():
        raise WorkflowError(gettext("Cần ghi họ tên người thẩm định."))
    version.translation_status = TranslationStatus.REVIEWED
    version.reviewer = reviewer.strip()
    version.reviewed_on = timezone.localdate()
    save_tracked(version, by=by, reason=gettext_noop("Thẩm định bản dịch"))
    record_event(
        obj=product,
        verb="version_reviewed",
        summary=f"Đã thẩm định bản {vietnamese_display(version, 'language')} ({version.reviewer})",
        actor=by,
    )
    return version


# ------------------------------------------------------------------------------------------- press releases

PRESS_WORKFLOW = Workflow(
    [
        Transition(
            "issue", gettext_lazy("Ghi nhận đã phát hành, tổ chức"), (R.DRAFT,), R.ISSUED, owner=True, style="success"
        ),
        Transition("cancel", gettext_lazy("Hủy"), (R.DRAFT,), R.CANCELLED, owner=True, style="danger"),
    ]
)


@PRESS_WORKFLOW.step("issue")
def pressrelease_issue(*, pressrelease: PressRelease, by: Any) -> PressRelease:
    """The release went out, the conference was held, the statement was made."""
    pressrelease.refresh_from_db(fields=["date"])
    if pressrelease.date > timezone.localdate():
        raise WorkflowError(
            gettext("Ngày %(date)s chưa đến: chưa thể ghi nhận đã phát hành, tổ chức.")
            % {"date": format(pressrelease.date, "%d/%m/%Y")}
        )
    return apply_transition(pressrelease, PRESS_WORKFLOW["issue"], by=by)


@PRESS_WORKFLOW.step("cancel")
def pressrelease_cancel(*, pressrelease: PressRelease, by: Any, reason: str) -> PressRelease:
    return apply_noted_transition(pressrelease, PRESS_WORKFLOW["cancel"], by=by, note=reason, key="reason")


# -------------------------------------------------------------------------------------- false information

FALSE_INFO_WORKFLOW = Workflow(
    [
        Transition("assess", gettext_lazy("Đánh giá mức độ"), (F.DETECTED,), F.ASSESSED, owner=True, rule=_standing),
        Transition(
            "answer", gettext_lazy("Ghi nhận đã phản bác"), (F.ASSESSED,), F.ANSWERED, owner=True, style="success"
        ),
        Transition(
            "close", gettext_lazy("Kết thúc vụ việc"), (F.ANSWERED, F.ASSESSED), F.CLOSED, rule=_standing, style="dark"
        ),
    ]
)


@FALSE_INFO_WORKFLOW.step("assess")
def falseinfocase_assess(*, falseinfocase: FalseInfoCase, by: Any, risk: str, assessment: str) -> FalseInfoCase:
    """The risk is assessed (the handling unit or the standing agency)."""
    if not assessment.strip():
        raise WorkflowError(gettext("Cần ghi nội dung đánh giá."))
    return apply_transition(
        falseinfocase,
        FALSE_INFO_WORKFLOW["assess"],
        by=by,
        changes={"risk": risk, "assessment": assessment.strip()},
        summary=f"Đánh giá mức độ nguy cơ: {dict(FalseInfoCase._meta.get_field('risk').choices or [])[risk]}",
        data={"risk": risk},
    )


@FALSE_INFO_WORKFLOW.step("answer")
def falseinfocase_answer(
    *,
    falseinfocase: FalseInfoCase,
    by: Any,
    answered_on: dt.date,
    response: str,
    response_where: str,
    response_link: str = "",
) -> FalseInfoCase:
    """The province's answer was published (where, when)."""
    falseinfocase.refresh_from_db(fields=["detected_on"])
    if answered_on < falseinfocase.detected_on:
        raise WorkflowError(gettext("Ngày phản bác không được trước ngày phát hiện."))
    if answered_on > timezone.localdate():
        raise WorkflowError(gettext("Ngày phản bác không được sau ngày hôm nay."))
    if not response.strip() or not response_where.strip():
        raise WorkflowError(gettext("Cần ghi nội dung phản bác và nơi đăng tải."))
    days = (answered_on - falseinfocase.detected_on).days
    return apply_transition(
        falseinfocase,
        FALSE_INFO_WORKFLOW["answer"],
        by=by,
        changes={
            "answered_on": answered_on,
            "response": response.strip(),
            "response_where": response_where.strip(),
            "response_link": response_link,
        },
        summary=f"Đã phản bác ngày {answered_on:%d/%m/%Y} ({days} ngày sau khi phát hiện)",
        data={"answered_on": answered_on.isoformat(), "days": days},
    )


@FALSE_INFO_WORKFLOW.step("close")
def falseinfocase_close(*, falseinfocase: FalseInfoCase, by: Any, comment: str = "") -> FalseInfoCase:
    """The standing agency closes the case (answered, or judged not to need an answer)."""
    return apply_transition(
        falseinfocase,
        FALSE_INFO_WORKFLOW["close"],
        by=by,
        changes={"closed_on": timezone.localdate(), "status_note": comment.strip()},
        summary=gettext_noop("Kết thúc vụ việc") + (f": {comment.strip()}" if comment.strip() else ""),
    )


def falseinfocase_read_record(*, case: FalseInfoCase, by: Any, action: str = AccessAction.VIEW) -> None:
    """Log one read of a restricted case in the access log the personal-data registries keep (who, when, which
    case — never its content)."""
    personal_data_access_record(obj=cast(Any, case), by=by, action=action)


# ------------------------------------------------------------------------------------------- commemorations


@transaction.atomic
def commemoration_task_create(
    *, plan: Plan, by: Any, text: str, deadline: dt.date, lead_unit: Any, parent: PlanTask | None = None
) -> PlanTask:
    """A plan task from the commemorations calendar ("Tổ chức kỷ niệm…", "Gửi thư mừng Quốc khánh…"), added
    under `parent` by the plan's coordinators; refused when the plan already has a task with this text."""
    if not text.strip():
        raise WorkflowError(gettext("Cần ghi nội dung nhiệm vụ."))
    if PlanTask.objects.filter(plan=plan, text=text.strip()).exists():
        raise WorkflowError(gettext("Kế hoạch đã có nhiệm vụ này."))
    return plan_task_create(plan=plan, by=by, text=text.strip(), parent=parent, deadline=deadline, lead_unit=lead_unit)
