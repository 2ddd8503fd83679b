"""The year's programme as a Decree 30/2020/NĐ-CP document: its body (the programme's tree of items, or a body
written from the registries while it has none), the signature, the recipients, and Phụ lục 1–4 drawn live;
any other plan (a committee's plan, a notice, a letter) with its task tree and the list of its tasks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext

from doingoai.core import rules
from doingoai.core.models import Unit
from doingoai.core.selectors import round_anniversaries
from doingoai.documents.decree30 import Appendix, GroupRow, Heading, OfficialDocument, Paragraph, Signature, Table
from doingoai.finance.currency import format_vnd
from doingoai.finance.selectors import budget_totals
from doingoai.programs.models import Plan, PlanKind, PlanStatus
from doingoai.programs.selectors import (
    ItemNode,
    PlanCounts,
    plan_appendices,
    plan_counts,
    program_for_year,
    program_tree,
    walk_tree,
)


def appendix_subtitle(plan: Plan | None, year: int) -> str:
    """ "(Kèm theo Chương trình số 818/CTr-UBND ngày 30/12/2021 của UBND tỉnh Nghệ An)"; blanks while a draft."""
    province = settings.PROVINCE_NAME
    if plan is not None and plan.number and plan.issued_on:
        return f"(Kèm theo Chương trình số {plan.number} ngày {plan.issued_on:%d/%m/%Y} của UBND tỉnh {province})"
    blank = "\u00a0" * 5
    # A number known without its date (a past programme imported from its appendices) is printed as known.
    number = f" {plan.number}" if plan is not None and plan.number else f"{blank}/CTr-UBND"
    return f"(Kèm theo Chương trình số{number} ngày{blank}/{blank}/{year - 1} của UBND tỉnh {province})"


def program_appendices(*, year: int, user: Any | None = None, plan: Plan | None = None) -> list[Appendix]:
    """The four appendices of the year's programme as `documents.decree30.Appendix` objects, drawn live."""
    subtitle = appendix_subtitle(plan, year)
    return [a.to_appendix(subtitle) for a in plan_appendices(year=year, user=user)]


DEFAULT_RECIPIENTS = [
    "Bộ Ngoại giao",
    "Ban Đối ngoại Trung ương",
    "Thường trực Tỉnh ủy",
    "Thường trực HĐND tỉnh",
    "Chủ tịch, các Phó Chủ tịch UBND tỉnh",
    "Các sở, ban, ngành, đoàn thể cấp tỉnh",
    "UBND các huyện, thành phố, thị xã",
    "Lưu: VT",
]


def _coordinator_name() -> str:
    unit = Unit.objects.filter(is_coordinator=True, active_to__isnull=True).order_by("pk").first()
    return unit.name if unit else settings.COORDINATOR_UNIT_NAME


def default_preamble(year: int) -> str:
    return (
        "Căn cứ chức năng, nhiệm vụ được giao, định hướng công tác đối ngoại và nhiệm vụ phát triển kinh tế - xã "
        f"hội của tỉnh, Ủy ban nhân dân tỉnh ban hành Chương trình hoạt động đối ngoại năm {year} với các nội dung "
        "sau:"
    )


def default_closing(year: int) -> str:
    return (
        f"Trên đây là Chương trình hoạt động đối ngoại năm {year} của tỉnh. Trong quá trình thực hiện, nếu có khó "
        "khăn, vướng mắc, các cơ quan, đơn vị, địa phương kịp thời báo cáo Ủy ban nhân dân tỉnh (qua "
        f"{_coordinator_name()}) để xem xét, giải quyết./."
    )


def _anniversary_lines(year: int) -> list[str]:
    lines = []
    for a in round_anniversaries(year=year):
        relation = a.relation
        name = relation.country_name  # "Liên bang Nga (kế thừa Liên Xô)" → the country's one name
        dates = f"({relation.established_on:%d/%m/%Y} - {a.date:%d/%m/%Y})"
        if relation.kind == "relations":
            lines.append(f"- Kỷ niệm {a.years} năm Ngày thiết lập quan hệ ngoại giao Việt Nam - {name} {dates}.")
        else:
            lines.append(f"- Kỷ niệm {a.years} năm Ngày ký {name} {dates}.")
    return lines


def generated_body(*, year: int, counts: PlanCounts, deadline: dt.date) -> list[Heading | Paragraph | Table]:
    """A programme body written from the registries, for a year whose programme has no items yet."""
    coordinator = _coordinator_name()
    body: list[Heading | Paragraph | Table] = [
        Heading(gettext("I. MỤC ĐÍCH, YÊU CẦU")),
        Paragraph(
            f"1. Cụ thể hóa các nhiệm vụ đối ngoại của tỉnh trong năm {year}, bảo đảm sự quản lý thống nhất, chặt "
            "chẽ các hoạt động đối ngoại trên địa bàn tỉnh."
        ),
        Paragraph(
            gettext(
                "2. Các hoạt động đối ngoại được tổ chức thiết thực, tiết kiệm, gắn với nhiệm vụ phát triển kinh tế - "
                "xã hội, bảo đảm quốc phòng, an ninh; các cơ quan, đơn vị phối hợp chặt chẽ, tránh trùng lặp."
            )
        ),
        Heading(gettext("II. NỘI DUNG CHƯƠNG TRÌNH")),
        Heading(gettext("1. Đoàn ra, đoàn vào"), level=2),
        Paragraph(
            f"- Dự kiến năm {year} có {counts.outbound:02d} đoàn ra và {counts.inbound:02d} đoàn vào "
            "(Phụ lục 1, Phụ lục 2)."
            if counts.outbound or counts.inbound
            else f"- Kế hoạch đoàn ra, đoàn vào năm {year} được tổng hợp từ đề xuất của các cơ quan, đơn vị "
            "(Phụ lục 1, Phụ lục 2)."
        ),
        Paragraph(
            gettext(
                "- Các đoàn ra sử dụng ngân sách nhà nước cùng đến một nước, một đối tác trong cùng thời gian được kết "
                "hợp để bảo đảm hiệu quả và tiết kiệm."
            )
        ),
        Heading(gettext("2. Hội nghị, hội thảo quốc tế"), level=2),
        Paragraph(
            f"- Dự kiến tổ chức {counts.conferences:02d} hội nghị, hội thảo quốc tế (Phụ lục 3)."
            if counts.conferences
            else gettext(
                "- Các hội nghị, hội thảo quốc tế được tổng hợp từ đề xuất của các cơ quan, đơn vị (Phụ lục 3)."
            )
        ),
        Heading(gettext("3. Thỏa thuận quốc tế"), level=2),
        Paragraph(
            f"- Dự kiến ký kết {counts.agreements:02d} thỏa thuận quốc tế (Phụ lục 4)."
            if counts.agreements
            else gettext(
                "- Các thỏa thuận quốc tế dự kiến ký kết được tổng hợp từ đề xuất của các cơ quan, đơn vị (Phụ lục 4)."
            )
        ),
    ]
    anniversaries = _anniversary_lines(year)
    if anniversaries:
        body.append(Heading(gettext("4. Các ngày kỷ niệm năm chẵn quan hệ ngoại giao"), level=2))
        body += [Paragraph(line) for line in anniversaries]
    body += [
        Heading(gettext("III. KINH PHÍ THỰC HIỆN")),
        Paragraph(
            gettext(
                "Kinh phí thực hiện Chương trình được bảo đảm từ ngân sách nhà nước theo phân cấp hiện hành, nguồn "
                "tài trợ và các nguồn huy động hợp pháp khác."
            )
        ),
        Heading(gettext("IV. TỔ CHỨC THỰC HIỆN")),
        Paragraph(
            "1. Các cơ quan, đơn vị, địa phương căn cứ Chương trình này xây dựng kế hoạch của đơn vị mình, tổ chức "
            f"thực hiện và báo cáo kết quả định kỳ 6 tháng, cả năm về Ủy ban nhân dân tỉnh (qua {coordinator})."
        ),
        Paragraph(
            "2. Kế hoạch đoàn ra, đoàn vào được rà soát, điều chỉnh một lần trong năm; các cơ quan, đơn vị gửi đề "
            f"xuất điều chỉnh về {coordinator} trước ngày {deadline:%d/%m/%Y}."
        ),
        Paragraph(
            f"3. {coordinator} theo dõi, đôn đốc, tổng hợp tình hình thực hiện Chương trình và báo cáo Ủy ban nhân "
            "dân tỉnh."
        ),
    ]
    return body


def tree_body(nodes: Sequence[ItemNode]) -> list[Heading | Paragraph | Table]:
    """Items with children become headings (level = depth + 1), the others paragraphs."""
    body: list[Heading | Paragraph | Table] = []
    for node in walk_tree(nodes):
        if node.children:
            body.append(Heading(node.heading, level=node.depth + 1))
        else:
            body.append(Paragraph(node.heading))
    return body


BUDGET_HEADING = "KINH PHÍ THỰC HIỆN"


def budget_section(*, year: int, user: Any | None) -> list[Heading | Paragraph | Table]:
    """The year's estimates by funding source (finance.selectors), as the programme states its budget."""
    totals = budget_totals(year=year, user=user)
    if not totals.total.estimate:
        return []
    rows = [
        [str(i), label, format_vnd(a.estimate, unit=False), format_vnd(a.appraised, unit=False)]
        for i, (label, a) in enumerate(totals.by_source, start=1)
    ]
    rows.append(["", gettext("Tổng cộng"), format_vnd(totals.total.estimate, unit=False),
                 format_vnd(totals.total.appraised, unit=False)])  # fmt: skip
    return [
        Paragraph(
            f"Tổng dự toán kinh phí các hoạt động đối ngoại năm {year} của các cơ quan, đơn vị là "
            f"{format_vnd(totals.total.estimate)}, trong đó Sở Tài chính đã thẩm định "
            f"{format_vnd(totals.total.appraised)}; chi tiết theo nguồn kinh phí (đơn vị tính: đồng):"
        ),
        Table(
            columns=["TT", gettext("Nguồn kinh phí"), gettext("Dự toán"), gettext("Đã thẩm định")],
            rows=rows,
            widths_cm=[1.2, 7.3, 3.6, 3.6],
        ),
    ]


def _mentions_budget(part: Heading | Paragraph | Table) -> bool:
    return isinstance(part, Heading | Paragraph) and BUDGET_HEADING in part.text.upper()


def _heading_at_most(part: Heading | Paragraph | Table, level: int) -> bool:
    return isinstance(part, Heading) and part.level <= level


def with_budget(body: list[Heading | Paragraph | Table], section: list[Heading | Paragraph | Table]) -> list:
    """The budget figures under the body's own "Kinh phí thực hiện" part (after its text), else as a part of
    their own at the end."""
    if not section:
        return body
    at = next((i for i, part in enumerate(body) if _mentions_budget(part)), None)
    if at is None:
        return [*body, Heading(f"{BUDGET_HEADING}", level=1), *section]
    here = body[at]
    if not isinstance(here, Heading):  # a one-line part: the figures follow it
        return [*body[: at + 1], *section, *body[at + 1 :]]
    end = next((i for i in range(at + 1, len(body)) if _heading_at_most(body[i], here.level)), len(body))
    return [*body[:end], *section, *body[end:]]


def signature_for(plan: Plan | None) -> Signature:
    position = (plan.signer_position if plan else "") or gettext("Phó Chủ tịch")
    deputy = gettext("KT. CHỦ TỊCH") if position.strip().lower().startswith("phó") else ""
    return Signature(
        authority=gettext("TM. ỦY BAN NHÂN DÂN"),
        deputy=deputy,
        position=position.upper(),
        name=plan.signer_name if plan else "",
    )


@dataclass
class ProgramDocument:
    document: OfficialDocument
    plan: Plan | None
    generated_body: bool


def program_document(*, year: int, user: Any | None = None, today: dt.date | None = None) -> ProgramDocument:
    """The year's programme as an `OfficialDocument`: its body tree (or a body written from the registries when
    the programme has no items, or no programme exists) and Phụ lục 1–4 drawn live."""
    plan = program_for_year(year=year)
    appendices = plan_appendices(year=year, user=user)
    counts = plan_counts(appendices)
    nodes = program_tree(plan=plan) if plan else []
    deadline = (plan.adjustment_deadline if plan else None) or rules.plan_adjustment_deadline(year)
    preamble = (plan.preamble if plan else "") or default_preamble(year)
    closing = (plan.closing if plan else "") or default_closing(year)
    body: list[Heading | Paragraph | Table] = [Paragraph(preamble)]
    body += tree_body(nodes) if nodes else generated_body(year=year, counts=counts, deadline=deadline)
    body = with_budget(body, budget_section(year=year, user=user))
    body.append(Paragraph(closing))
    recipients = [r for r in (plan.recipients.splitlines() if plan else []) if r.strip()] or DEFAULT_RECIPIENTS
    date = plan.issued_on if plan and plan.issued_on else (today or timezone.localdate())
    province = settings.PROVINCE_NAME
    subtitle = appendix_subtitle(plan, year)
    document = OfficialDocument(
        issuer_parent="",
        issuer=f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}",
        number=plan.number if plan else "",  # a draft has none, unless it was recorded (an imported programme)
        place=province,
        date=date,
        kind=gettext("CHƯƠNG TRÌNH"),
        title=plan.display_title if plan else f"Hoạt động đối ngoại tỉnh {province} năm {year}",
        body=body,
        recipients=recipients,
        signature=signature_for(plan),
        appendices=[a.to_appendix(subtitle) for a in appendices],
        abbreviation="CTr-UBND",
    )
    return ProgramDocument(document, plan, generated_body=not nodes)


# ------------------------------------------------------------------------------------------ any other plan

# Document type (as printed) and its abbreviation in the number, by plan kind (Decree 30/2020, Annex III).
KIND_HEADINGS: dict[str, tuple[str, str]] = {
    PlanKind.PROGRAM: ("CHƯƠNG TRÌNH", "CTr"),
    PlanKind.INFORMATION: ("KẾ HOẠCH", "KH"),
    PlanKind.INTEGRATION: ("KẾ HOẠCH", "KH"),
    PlanKind.THEMATIC: ("KẾ HOẠCH", "KH"),
    PlanKind.NOTICE: ("THÔNG BÁO", "TB"),
    PlanKind.DIRECTIVE: ("", ""),  # a letter has no type name: "Số: …/UBND-VX", then "V/v …"
    PlanKind.OTHER: ("KẾ HOẠCH", "KH"),
}
PEOPLES_COMMITTEE = "ỦY BAN NHÂN DÂN"


def _issuer_block(plan: Plan) -> tuple[str, str, str]:
    """(issuer as printed, its abbreviation in the number, the collective body signing "TM." for it)."""
    province = settings.PROVINCE_NAME
    if not plan.issuer and not plan.committee_id:
        return f"{PEOPLES_COMMITTEE}\nTỈNH {province.upper()}", "UBND", f"TM. {PEOPLES_COMMITTEE}"
    name = plan.issuer_display
    if name.lower().startswith("ban chỉ đạo"):
        return name.upper(), gettext("BCĐ"), gettext("TM. BAN CHỈ ĐẠO")
    if name.lower().startswith((gettext("ủy ban nhân dân"), gettext("uỷ ban nhân dân"))):
        return name.upper(), "UBND", f"TM. {PEOPLES_COMMITTEE}"
    return name.upper(), "", ""


def plan_signature(plan: Plan, authority: str) -> Signature:
    """ "TM. BAN CHỈ ĐẠO / KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN": a deputy signs for ("KT.") the head of the body."""
    position = plan.signer_position.strip() or gettext("Phó Chủ tịch")
    deputy = ""
    if position.lower().startswith("phó "):
        deputy = f"KT. {position[4:].strip().upper()}"
    return Signature(authority=authority, deputy=deputy, position=position.upper(), name=plan.signer_name)


def _task_line(item: Any) -> str:
    parts = []
    if item.lead_unit_id:
        parts.append(f"Cơ quan chủ trì: {item.lead_unit.name}")
    coordinating = [u.name for u in item.coordinating_units.all()]
    if coordinating:
        parts.append(f"cơ quan phối hợp: {', '.join(coordinating)}")
    if item.deadline_display:
        parts.append(f"thời hạn: {item.deadline_display}")
    if item.expected_output:
        parts.append(f"sản phẩm: {item.expected_output}")
    return "; ".join(parts) + "." if parts else ""


def plan_body(nodes: Sequence[ItemNode]) -> list[Heading | Paragraph | Table]:
    """The task tree: items with children are headings; each task is followed by who leads it, who helps and by
    when, in italics, as plans print their assignments."""
    body: list[Heading | Paragraph | Table] = []
    for node in walk_tree(nodes):
        body.append(Heading(node.heading, level=node.depth + 1) if node.children else Paragraph(node.heading))
        line = _task_line(node.item)
        if line:
            body.append(Paragraph(line, italic=True))
    return body


def task_appendix(plan: Plan, nodes: Sequence[ItemNode], kind: str) -> Appendix | None:
    """The tasks with a lead unit as a table (Phụ lục: danh mục nhiệm vụ), or None when there are none."""
    rows: list[list[str] | GroupRow] = []
    for node in walk_tree(nodes):
        item = node.item
        if item.lead_unit_id is None:
            continue
        coordinating = ", ".join(u.name for u in item.coordinating_units.all())
        lead = item.lead_unit.name if item.lead_unit else ""
        rows.append(
            [item.section or node.label, item.text, lead, coordinating, item.deadline_display, item.expected_output]
        )
    if not rows:
        return None
    reference = f"số {plan.number} " if plan.number else ""
    dated = f"ngày {plan.issued_on:%d/%m/%Y} " if plan.issued_on else ""
    return Appendix(
        number="",
        title=gettext("Danh mục nhiệm vụ"),
        subtitle=f"(Kèm theo {kind.lower() or 'văn bản'} {reference}{dated}của {plan.issuer_display})",
        columns=[
            "TT",
            gettext("Mục"),
            gettext("Nội dung nhiệm vụ"),
            gettext("Cơ quan chủ trì"),
            gettext("Cơ quan phối hợp"),
            gettext("Thời hạn"),
            gettext("Sản phẩm"),
        ],
        rows=rows,
        widths_cm=[1.0, 1.6, 9.0, 4.0, 4.5, 2.4, 3.5],
    )


def default_plan_closing(plan: Plan, kind: str) -> str:
    follow = plan.coordinating_unit.name if plan.coordinating_unit else _coordinator_name()
    what = kind.lower() or gettext("văn bản")
    lines = []
    if plan.response_days:
        lines.append(
            f"Các cơ quan, đơn vị căn cứ {what} này ban hành kế hoạch thực hiện của đơn vị mình trong thời hạn "
            f"{plan.response_days} ngày kể từ ngày ban hành."
        )
    lines.append(
        f"Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo (qua {follow}) "
        "để xem xét, giải quyết./."
    )
    return " ".join(lines)


def default_plan_preamble(plan: Plan, kind: str) -> str:
    """ "Thực hiện Kế hoạch số 125/KH-UBND ngày 06/11/2026 của …, Sở Du lịch ban hành kế hoạch … như sau:"."""
    issuer = plan.issuer_display
    what = f"{kind.lower() or 'văn bản'} {plan.display_title[0].lower()}{plan.display_title[1:]}"
    parent = plan.parent
    if parent is None:
        return f"{issuer} ban hành {what} như sau:"
    number = f" số {parent.number}" if parent.number else ""
    dated = f" ngày {parent.issued_on:%d/%m/%Y}" if parent.issued_on else ""
    parent_kind = KIND_HEADINGS.get(parent.kind, (gettext("KẾ HOẠCH"), ""))[0].capitalize() or gettext("Văn bản")
    return f"Thực hiện {parent_kind}{number}{dated} của {parent.issuer_display}, {issuer} ban hành {what} như sau:"


def plan_document(*, plan: Plan, today: dt.date | None = None) -> OfficialDocument:
    """Any plan other than the programme as a Decree 30 document: issuer, number, date, type (KẾ HOẠCH,
    THÔNG BÁO…, none for a letter), its task tree with lead and coordinating units and deadlines, the recipients
    (the plan's units unless written), the signature and, when it assigns tasks, the list of tasks as an annex."""
    heading, type_code = KIND_HEADINGS.get(plan.kind, (gettext("KẾ HOẠCH"), "KH"))
    issuer, issuer_code, authority = _issuer_block(plan)
    nodes = program_tree(plan=plan)
    body: list[Heading | Paragraph | Table] = [Paragraph(plan.preamble.strip() or default_plan_preamble(plan, heading))]
    body += plan_body(nodes)
    body.append(Paragraph(plan.closing.strip() or default_plan_closing(plan, heading)))
    recipients = [r for r in plan.recipients.splitlines() if r.strip()]
    if not recipients:
        recipients = [u.name for u in plan.units.order_by("name")] + [gettext("Lưu: VT")]
    title = plan.display_title
    if plan.kind == PlanKind.DIRECTIVE and not title.lower().startswith("v/v"):
        title = f"V/v {title[0].lower()}{title[1:]}" if title else ""
    abbreviation = "-".join(code for code in (type_code, issuer_code) if code) or "UBND"
    appendix = task_appendix(plan, nodes, heading) if plan.kind != PlanKind.DIRECTIVE else None
    return OfficialDocument(
        issuer_parent="",
        issuer=issuer,
        number=plan.number if plan.status not in (PlanStatus.DRAFT, PlanStatus.CONSOLIDATED) else "",
        place=settings.PROVINCE_NAME,
        date=plan.issued_on or today or timezone.localdate(),
        kind=heading,
        title=title,
        body=body,
        recipients=recipients,
        signature=plan_signature(plan, authority),
        appendices=[appendix] if appendix else [],
        abbreviation=abbreviation,
    )
