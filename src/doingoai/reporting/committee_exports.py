"""The standing agency's consolidated report on a plan's members as files: .docx in the Decree 30/2020/NĐ-CP layout
(`documents.decree30`, as the period's consolidated report) and .xlsx — both from one `committee.PlanReporting`,
so the page and the files show the same figures."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext
from openpyxl import Workbook

from doingoai.core.i18n import in_vietnamese
from doingoai.documents import decree30
from doingoai.reporting.committee import InfoWork, PlanReporting
from doingoai.reporting.exports import _sheet, coordinator_unit, lower_first, number_vi, workbook_bytes

Block = decree30.Heading | decree30.Paragraph | decree30.Table
UNIT_WORK_COLUMNS = ["TT", "Cơ quan, đơn vị", "Sản phẩm đã phát hành", "Thông cáo, họp báo"]
UNIT_WORK_COLUMNS += ["Phản bác thông tin sai lệch"]
FALSE_INFO_COLUMNS = ["TT", "Ngày phát hiện", "Chủ đề", "Mức độ", "Đơn vị xử lý", "Trạng thái"]


def rate_text(rate: float | None) -> str:
    return "—" if rate is None else f"{number_vi(rate)}%"


def report_title(r: PlanReporting) -> str:
    return f"Tình hình báo cáo của các thành viên và kết quả thực hiện {lower_first(r.plan.display_title)}"


def _summary(r: PlanReporting) -> str:
    periods = len(r.periods)
    text = (
        f"Từ đầu năm đến ngày {r.today:%d/%m/%Y}, {number_vi(len(r.members))} cơ quan, đơn vị thành viên phải báo "
        f"cáo qua {number_vi(periods)} kỳ; trong {number_vi(r.due)} báo cáo đã đến hạn, {number_vi(r.on_time)} báo "
        f"cáo nộp đúng hạn, {number_vi(r.late)} báo cáo nộp muộn, {number_vi(r.missing)} báo cáo chưa nộp; tỷ lệ "
        f"nộp đúng hạn đạt {rate_text(r.rate)}."
    )
    return text


def _member_table(r: PlanReporting) -> decree30.Table:
    return decree30.Table(
        columns=[
            "TT",
            gettext("Cơ quan, đơn vị"),
            gettext("Đến hạn"),
            gettext("Đúng hạn"),
            gettext("Muộn"),
            gettext("Chưa nộp"),
            gettext("Tỷ lệ đúng hạn"),
        ],
        rows=[
            [
                str(i),
                m.unit.name,
                number_vi(m.due),
                number_vi(m.on_time),
                number_vi(m.late),
                number_vi(m.missing),
                rate_text(m.rate),
            ]
            for i, m in enumerate(r.members, start=1)
        ],
        widths_cm=[1.0, 6.0, 1.7, 1.8, 1.5, 1.8, 2.2],
    )


def _submission_rows(r: PlanReporting) -> list[Block]:
    blocks: list[Block] = []
    for i, m in enumerate(r.members, start=1):
        blocks.append(decree30.Heading(f"{i}. {m.unit.name}: tỷ lệ nộp đúng hạn {rate_text(m.rate)}", level=3))
        blocks.append(
            decree30.Table(
                columns=["TT", gettext("Kỳ báo cáo"), gettext("Hạn nộp"), gettext("Ngày nộp"), gettext("Tình trạng")],
                rows=[
                    [
                        str(j),
                        s.period.label,
                        f"{s.period.due_date:%d/%m/%Y}",
                        f"{s.submitted_on:%d/%m/%Y}" if s.submitted_on else "",
                        s.label,
                    ]
                    for j, s in enumerate(m.submissions, start=1)
                ],
                widths_cm=[1.0, 5.5, 2.5, 2.5, 4.5],
            )
        )
    return blocks


def _kind_widths(languages: int) -> list[float]:
    """The kind's name wide enough to read; the languages, products and reach share the rest of the 16 cm."""
    other = (16.0 - 5.0 - 2.2) / (languages + 1)
    return [5.0, *([round(other, 2)] * (languages + 1)), 2.2]


def _info_part(info: InfoWork, number: str) -> list[Block]:
    blocks: list[Block] = [
        decree30.Heading(f"{number}. KẾT QUẢ CÔNG TÁC THÔNG TIN ĐỐI NGOẠI CỦA CÁC THÀNH VIÊN"),
        decree30.Paragraph(
            f"Từ ngày {info.start:%d/%m/%Y} đến ngày {info.end:%d/%m/%Y}, các cơ quan, đơn vị thành viên đã phát hành "
            f"{number_vi(info.products)} sản phẩm thông tin đối ngoại, {number_vi(info.releases)} thông cáo, họp "
            f"báo, phát ngôn và tổ chức {number_vi(info.events)} sự kiện, hoạt động giao lưu đối ngoại"
            + (
                f"; phát hiện, xử lý {number_vi(len(info.false_info))} vụ việc thông tin sai lệch."
                if info.false_info is not None
                else "."
            )
        ),
        decree30.Heading(gettext("1. Sản phẩm thông tin đối ngoại theo loại và ngôn ngữ"), level=2),
    ]
    if info.by_kind:
        blocks.append(
            decree30.Table(
                columns=[
                    gettext("Loại sản phẩm"),
                    *(label for _code, label in info.languages),
                    gettext("Số sản phẩm"),
                    gettext("Lượt tiếp cận"),
                ],
                rows=[
                    [
                        label,
                        *(number_vi(counts.get(code, 0)) for code, _l in info.languages),
                        number_vi(n),
                        number_vi(reach),
                    ]
                    for label, counts, n, reach in info.by_kind
                ],
                widths_cm=_kind_widths(len(info.languages)),
            )
        )
    else:
        blocks.append(decree30.Paragraph(gettext("Chưa có sản phẩm nào được phát hành."), italic=True))
    blocks += [
        decree30.Heading(gettext("2. Theo cơ quan, đơn vị"), level=2),
        decree30.Table(
            columns=[*UNIT_WORK_COLUMNS, gettext("Sự kiện")],
            rows=[
                [
                    str(i),
                    w.unit.name,
                    number_vi(w.products),
                    number_vi(w.releases),
                    "—" if w.answered is None else number_vi(w.answered),
                    number_vi(w.events),
                ]
                for i, w in enumerate(info.units, start=1)
            ],
            widths_cm=[1.0, 5.5, 2.4, 2.3, 2.6, 2.2],
        ),
    ]  # fmt: skip
    if info.false_info is not None:
        blocks.append(decree30.Heading(gettext("3. Phản bác thông tin sai lệch"), level=2))
        if info.false_info:
            blocks.append(
                decree30.Table(
                    columns=[
                        "TT",
                        gettext("Ngày phát hiện"),
                        gettext("Chủ đề"),
                        gettext("Mức độ"),
                        gettext("Đơn vị xử lý"),
                        gettext("Trạng thái"),
                        gettext("Số ngày đến khi phản bác"),
                    ],
                    rows=[
                        [
                            str(i),
                            f"{f.case.detected_on:%d/%m/%Y}",
                            f.case.topic,
                            f.case.get_risk_display(),
                            f.unit,
                            f.case.get_status_display(),
                            "" if f.days_to_answer is None else number_vi(f.days_to_answer),
                        ]
                        for i, f in enumerate(info.false_info, start=1)
                    ],
                    widths_cm=[1.0, 2.5, 3.8, 1.7, 3.0, 2.2, 1.8],
                )
            )  # fmt: skip
        else:
            blocks.append(decree30.Paragraph(gettext("Không có vụ việc nào trong năm."), italic=True))
    return blocks


@in_vietnamese
def committee_document(r: PlanReporting, *, today: Any = None) -> decree30.OfficialDocument:
    """The Decree 30 report ("BÁO CÁO") of the plan's coordinating unit — the committee's standing agency."""
    plan = r.plan
    today = today or timezone.localdate()
    coordinator = plan.coordinating_unit if plan.coordinating_unit_id else coordinator_unit()
    issuer = coordinator.name if coordinator else settings.COORDINATOR_UNIT_NAME
    short = coordinator.short_name if coordinator and coordinator.short_name else ""
    numerals = iter(["I", "II", "III", "IV"])
    body: list[Block] = [
        decree30.Paragraph(
            f"Thực hiện {plan.display_title}" + (f" (số {plan.number})" if plan.number else "") + f", {issuer} tổng "
            "hợp tình hình báo cáo của các cơ quan, đơn vị thành viên theo chế độ báo cáo của Kế hoạch và kết quả "
            "thực hiện ghi nhận trên hệ thống quản lý hoạt động đối ngoại như sau:"
        ),
        decree30.Heading(f"{next(numerals)}. TÌNH HÌNH NỘP BÁO CÁO CỦA CÁC THÀNH VIÊN"),
        decree30.Paragraph(_summary(r)),
        decree30.Heading(gettext("1. Tỷ lệ nộp báo cáo đúng hạn theo cơ quan, đơn vị"), level=2),
        _member_table(r),
        decree30.Heading(gettext("2. Chi tiết theo từng kỳ báo cáo"), level=2),
        *_submission_rows(r),
    ]
    if r.info is not None:
        body += _info_part(r.info, next(numerals))
    late = [m for m in r.members if m.late or m.missing]
    body.append(decree30.Heading(f"{next(numerals)}. ĐÁNH GIÁ VÀ KIẾN NGHỊ"))
    if late:
        names = "; ".join(f"{m.unit.name} ({rate_text(m.rate)})" for m in late)
        body.append(
            decree30.Paragraph(
                f"Còn {number_vi(len(late))} cơ quan, đơn vị nộp báo cáo muộn hoặc chưa nộp: {names}. Đề nghị các cơ "
                "quan, đơn vị thực hiện nghiêm chế độ báo cáo định kỳ theo Kế hoạch."
            )
        )
    else:
        body.append(decree30.Paragraph(gettext("Các cơ quan, đơn vị thành viên đã thực hiện đúng chế độ báo cáo.")))
    recipients = [
        f"{plan.committee} (để báo cáo)" if plan.committee_id else gettext("Ủy ban nhân dân tỉnh (để báo cáo)")
    ]
    recipients += [gettext("Các cơ quan, đơn vị thành viên"), gettext("Lưu: VT")]
    return decree30.OfficialDocument(
        issuer_parent=f"Tỉnh ủy {settings.PROVINCE_NAME}"
        if plan.committee_id
        else f"UBND tỉnh {settings.PROVINCE_NAME}",
        issuer=issuer,
        number="",
        place=settings.PROVINCE_NAME,
        date=today,
        kind=gettext("BÁO CÁO"),
        title=report_title(r),
        body=body,
        recipients=recipients,
        signature=decree30.Signature(authority=gettext("TRƯỞNG BAN") if plan.committee_id else gettext("GIÁM ĐỐC")),
        abbreviation=f"BC-{short}" if short else "BC",
    )


@in_vietnamese
def committee_docx(r: PlanReporting) -> bytes:
    return decree30.build_document(committee_document(r))


@in_vietnamese
def committee_xlsx(r: PlanReporting) -> bytes:
    """Sheets: "Nộp báo cáo" (each report against its due date), "Tỷ lệ đúng hạn" (per member), and for an
    information plan "Sản phẩm theo loại, ngôn ngữ", "Thông tin đối ngoại" (per member) and, for those who may
    read them, "Thông tin sai lệch"."""
    wb = Workbook()
    wb.remove(wb.active)
    heading = f"{report_title(r)} (đến ngày {r.today:%d/%m/%Y})"
    _sheet(
        wb,
        gettext("Nộp báo cáo"),
        heading,
        [
            "TT",
            gettext("Cơ quan, đơn vị"),
            gettext("Kỳ báo cáo"),
            gettext("Hạn nộp"),
            gettext("Ngày nộp"),
            gettext("Đúng hạn"),
            gettext("Số ngày muộn"),
            gettext("Tình trạng"),
        ],
        [
            [
                i,
                m.unit.name,
                s.period.label,
                s.period.due_date,
                s.submitted_on,
                {"on_time": gettext("Có"), "late": gettext("Không"), "missing": gettext("Không")}.get(s.state, ""),
                s.days_late if s.state != "pending" else None,
                s.label,
            ]
            for i, (m, s) in enumerate(((m, s) for m in r.members for s in m.submissions), start=1)
        ],
        [5, 40, 30, 12, 12, 10, 13, 24],
    )
    _sheet(
        wb,
        gettext("Tỷ lệ đúng hạn"),
        heading,
        [
            "TT",
            gettext("Cơ quan, đơn vị"),
            gettext("Số báo cáo đến hạn"),
            gettext("Đúng hạn"),
            gettext("Muộn"),
            gettext("Chưa nộp"),
            gettext("Tỷ lệ đúng hạn (%)"),
        ],
        [
            *([i, m.unit.name, m.due, m.on_time, m.late, m.missing, m.rate] for i, m in enumerate(r.members, start=1)),
            ["", gettext("Tổng cộng"), r.due, r.on_time, r.late, r.missing, r.rate],
        ],
        [5, 40, 14, 11, 9, 11, 14],
    )
    info = r.info
    if info is not None:
        _sheet(
            wb,
            gettext("Sản phẩm theo loại, ngôn ngữ"),
            heading,
            [
                gettext("Loại sản phẩm"),
                *(label for _code, label in info.languages),
                gettext("Số sản phẩm"),
                gettext("Lượt tiếp cận"),
            ],
            [
                [label, *(counts.get(code, 0) for code, _l in info.languages), n, reach]
                for label, counts, n, reach in info.by_kind
            ],
            [36, *(12 for _ in info.languages), 12, 14],
        )
        _sheet(
            wb,
            gettext("Thông tin đối ngoại"),
            heading,
            [*UNIT_WORK_COLUMNS, gettext("Sự kiện đã tổ chức")],
            [
                [i, w.unit.name, w.products, w.releases, "—" if w.answered is None else w.answered, w.events]
                for i, w in enumerate(info.units, start=1)
            ],
            [5, 40, 14, 14, 16, 14],
        )
        if info.false_info is not None:
            _sheet(
                wb,
                gettext("Thông tin sai lệch"),
                heading,
                [*FALSE_INFO_COLUMNS, gettext("Ngày phản bác"), gettext("Số ngày đến khi phản bác")],
                [
                    [
                        i,
                        f.case.detected_on,
                        f.case.topic,
                        f.case.get_risk_display(),
                        f.unit,
                        f.case.get_status_display(),
                        f.case.answered_on,
                        f.days_to_answer,
                    ]
                    for i, f in enumerate(info.false_info, start=1)
                ],
                [5, 13, 40, 10, 30, 20, 13, 14],
            )
    return workbook_bytes(wb)


def committee_filename(r: PlanReporting, fmt: str) -> str:
    return f"bao-cao-thanh-vien-ke-hoach-{r.plan.pk}-{r.plan.year}.{fmt}"
