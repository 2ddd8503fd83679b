"""The year's programme as a Decree 30/2020/NĐ-CP document: its body (the programme's tree of items, or a body
written from the registries while it has none), the signature, the recipients, and Phụ lục 1–4 drawn live."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils import timezone

from doingoai.core import rules
from doingoai.core.models import Unit
from doingoai.core.selectors import round_anniversaries
from doingoai.documents.decree30 import Appendix, Heading, OfficialDocument, Paragraph, Signature, Table
from doingoai.programs.models import Plan, PlanStatus
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
    return f"(Kèm theo Chương trình số{blank}/CTr-UBND ngày{blank}/{blank}/{year - 1} của UBND tỉnh {province})"


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
        name = re.sub(r"\s*\(.*?\)", "", relation.name_vi).strip()  # "Liên bang Nga (kế thừa Liên Xô)"
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
        Heading("I. MỤC ĐÍCH, YÊU CẦU"),
        Paragraph(
            f"1. Cụ thể hóa các nhiệm vụ đối ngoại của tỉnh trong năm {year}, bảo đảm sự quản lý thống nhất, chặt "
            "chẽ các hoạt động đối ngoại trên địa bàn tỉnh."
        ),
        Paragraph(
            "2. Các hoạt động đối ngoại được tổ chức thiết thực, tiết kiệm, gắn với nhiệm vụ phát triển kinh tế - "
            "xã hội, bảo đảm quốc phòng, an ninh; các cơ quan, đơn vị phối hợp chặt chẽ, tránh trùng lặp."
        ),
        Heading("II. NỘI DUNG CHƯƠNG TRÌNH"),
        Heading("1. Đoàn ra, đoàn vào", level=2),
        Paragraph(
            f"- Dự kiến năm {year} có {counts.outbound:02d} đoàn ra và {counts.inbound:02d} đoàn vào "
            "(Phụ lục 1, Phụ lục 2)."
            if counts.outbound or counts.inbound
            else f"- Kế hoạch đoàn ra, đoàn vào năm {year} được tổng hợp từ đề xuất của các cơ quan, đơn vị "
            "(Phụ lục 1, Phụ lục 2)."
        ),
        Paragraph(
            "- Các đoàn ra sử dụng ngân sách nhà nước cùng đến một nước, một đối tác trong cùng thời gian được kết "
            "hợp để bảo đảm hiệu quả và tiết kiệm."
        ),
        Heading("2. Hội nghị, hội thảo quốc tế", level=2),
        Paragraph(
            f"- Dự kiến tổ chức {counts.conferences:02d} hội nghị, hội thảo quốc tế (Phụ lục 3)."
            if counts.conferences
            else "- Các hội nghị, hội thảo quốc tế được tổng hợp từ đề xuất của các cơ quan, đơn vị (Phụ lục 3)."
        ),
        Heading("3. Thỏa thuận quốc tế", level=2),
        Paragraph(
            f"- Dự kiến ký kết {counts.agreements:02d} thỏa thuận quốc tế (Phụ lục 4)."
            if counts.agreements
            else "- Các thỏa thuận quốc tế dự kiến ký kết được tổng hợp từ đề xuất của các cơ quan, đơn vị (Phụ lục 4)."
        ),
    ]
    anniversaries = _anniversary_lines(year)
    if anniversaries:
        body.append(Heading("4. Các ngày kỷ niệm năm chẵn quan hệ ngoại giao", level=2))
        body += [Paragraph(line) for line in anniversaries]
    body += [
        Heading("III. KINH PHÍ THỰC HIỆN"),
        Paragraph(
            "Kinh phí thực hiện Chương trình được bảo đảm từ ngân sách nhà nước theo phân cấp hiện hành, nguồn "
            "tài trợ và các nguồn huy động hợp pháp khác."
        ),
        Heading("IV. TỔ CHỨC THỰC HIỆN"),
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


def signature_for(plan: Plan | None) -> Signature:
    position = (plan.signer_position if plan else "") or "Phó Chủ tịch"
    deputy = "KT. CHỦ TỊCH" if position.strip().lower().startswith("phó") else ""
    return Signature(
        authority="TM. ỦY BAN NHÂN DÂN",
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
    body.append(Paragraph(closing))
    recipients = [r for r in (plan.recipients.splitlines() if plan else []) if r.strip()] or DEFAULT_RECIPIENTS
    issued = plan is not None and plan.status in (PlanStatus.ISSUED, PlanStatus.ADJUSTED)
    date = plan.issued_on if plan and plan.issued_on else (today or timezone.localdate())
    province = settings.PROVINCE_NAME
    subtitle = appendix_subtitle(plan, year)
    document = OfficialDocument(
        issuer_parent="",
        issuer=f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}",
        number=plan.number if plan and issued else "",
        place=province,
        date=date,
        kind="CHƯƠNG TRÌNH",
        title=plan.display_title if plan else f"Hoạt động đối ngoại tỉnh {province} năm {year}",
        body=body,
        recipients=recipients,
        signature=signature_for(plan),
        appendices=[a.to_appendix(subtitle) for a in appendices],
        abbreviation="CTr-UBND",
    )
    return ProgramDocument(document, plan, generated_body=not nodes)
