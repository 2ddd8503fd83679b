"""Demo programmes: this year's (issued, with its adjustment round) and next year's (consolidated, waiting for the
leader to issue it), each with a body tree.

Called once from `doingoai.devtools.demo.load_demo` after the registries are filled, so that the appendices
are drawn from the demo's delegations, conferences and agreements. Every write goes through the services, as
the user who would take the step (the coordinator drafts and submits, the leader issues).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from doingoai.core.selectors import round_anniversaries
from doingoai.core.workflow import save_tracked
from doingoai.delegations import services as delegation_services
from doingoai.delegations.models import Delegation, DelegationStatus, Direction
from doingoai.devtools.demo.plan import DelegationSpec, create_delegation
from doingoai.programs import services
from doingoai.programs.models import Pillar, Program
from doingoai.programs.selectors import plan_appendices, plan_counts


@dataclass
class ItemSpec:
    section: str
    text: str
    pillar: str = Pillar.GENERAL
    domain: str = ""
    lead: str = ""  # UnitSpec key of the demo
    coordinating: tuple[str, ...] = ()
    deadline: tuple[int, int] | None = None  # (month, day) in the programme's year
    children: list[ItemSpec] = field(default_factory=list)


P, S, N, G = Pillar.PARTY, Pillar.STATE, Pillar.PEOPLE, Pillar.GENERAL


def body_specs(*, year: int, province: str, coordinator: str, counts: Any, anniversaries: list[str]) -> list[ItemSpec]:
    """The body of a demo programme: purposes, the three pillars' tasks, funding, organisation."""
    focus = [
        ItemSpec(
            "II.1.a",
            "Tổ chức hội đàm thường niên giữa lãnh đạo tỉnh với lãnh đạo các tỉnh Xiêng Khoảng, Hủa Phăn, Bo Ly "
            "Khăm Xay (Lào); rà soát kết quả thực hiện các thỏa thuận hợp tác đã ký.",
            S,
            "Hợp tác quốc tế",
            "songoaivu",
            ("bdbp", "congan"),
            (9, 30),
        ),
        ItemSpec(
            "II.1.b",
            "Tham gia chương trình quảng bá địa phương và hội nghị gặp gỡ các cơ quan đại diện nước ngoài do Bộ "
            "Ngoại giao chủ trì.",
            S,
            "Ngoại giao kinh tế",
            "songoaivu",
            ("ttxt", "sodulich"),
            (10, 31),
        ),
        ItemSpec(
            "II.1.c",
            f"Tổ chức hội nghị xúc tiến đầu tư vào Khu kinh tế Đông Nam tỉnh {province} với các doanh nghiệp "
            "Nhật Bản, Hàn Quốc.",
            S,
            "Ngoại giao kinh tế",
            "bqlkkt",
            ("sotaichinh", "songoaivu"),
            (6, 30),
        ),
    ]
    if anniversaries:
        focus.append(
            ItemSpec(
                "II.1.d",
                "Tổ chức các hoạt động kỷ niệm năm chẵn quan hệ ngoại giao: " + "; ".join(anniversaries[:4]) + ".",
                S,
                "Ngoại giao văn hóa",
                "songoaivu",
                ("sovhtt", "lhhn"),
            )
        )
    return [
        ItemSpec(
            "I",
            "MỤC ĐÍCH, YÊU CẦU",
            children=[
                ItemSpec(
                    "I.1",
                    f"Cụ thể hóa nhiệm vụ đối ngoại của tỉnh năm {year} trên cả ba trụ cột đối ngoại Đảng, ngoại "
                    "giao Nhà nước và đối ngoại Nhân dân; lấy ngoại giao kinh tế làm trọng tâm.",
                ),
                ItemSpec(
                    "I.2",
                    "Các hoạt động đối ngoại có trọng tâm, tiết kiệm; các cơ quan, đơn vị phối hợp chặt chẽ, kết hợp "
                    "các đoàn đi cùng địa bàn để tránh trùng lặp.",
                ),
            ],
        ),
        ItemSpec(
            "II",
            "NỘI DUNG CHƯƠNG TRÌNH",
            children=[
                ItemSpec("II.1", f"Nhiệm vụ trọng tâm năm {year}", children=focus),
                ItemSpec(
                    "II.2",
                    "Đối ngoại Đảng",
                    P,
                    children=[
                        ItemSpec(
                            "II.2.a",
                            "Thực hiện chương trình hợp tác giữa Tỉnh ủy với Tỉnh ủy các tỉnh có chung đường biên "
                            "giới của Lào; trao đổi kinh nghiệm công tác xây dựng Đảng.",
                            P,
                            "Quan hệ đối ngoại Đảng",
                            "tinhuy",
                            ("bantochuc",),
                        ),
                        ItemSpec(
                            "II.2.b",
                            "Mở rộng giao lưu với chính đảng cầm quyền ở các địa phương đã thiết lập quan hệ hữu "
                            "nghị với tỉnh.",
                            P,
                            "Quan hệ đối ngoại Đảng",
                            "tinhuy",
                        ),
                    ],
                ),
                ItemSpec(
                    "II.3",
                    "Ngoại giao Nhà nước",
                    S,
                    children=[
                        ItemSpec(
                            "II.3.a",
                            "Công tác hợp tác quốc tế",
                            S,
                            "Hợp tác quốc tế",
                            children=[
                                ItemSpec(
                                    "",
                                    "Đưa các thỏa thuận hợp tác với tỉnh Gifu (Nhật Bản), tỉnh Gyeonggi (Hàn Quốc), "
                                    "bang Nam Úc (Úc) đi vào thực chất: giáo dục, nông nghiệp, lao động.",
                                    S,
                                    "Hợp tác quốc tế",
                                    "songoaivu",
                                    ("sogddt", "sonnmt"),
                                ),
                                ItemSpec(
                                    "",
                                    "Làm việc với các cơ quan đại diện nước ngoài và tổ chức quốc tế tại Việt Nam "
                                    "(JICA, KOICA, JETRO) về các dự án đang triển khai.",
                                    S,
                                    "Hợp tác quốc tế",
                                    "songoaivu",
                                ),
                            ],
                        ),
                        ItemSpec(
                            "II.3.b",
                            "Ngoại giao kinh tế",
                            S,
                            "Ngoại giao kinh tế",
                            children=[
                                ItemSpec(
                                    "",
                                    "Xúc tiến đầu tư trực tiếp nước ngoài vào các khu công nghiệp; hỗ trợ doanh "
                                    "nghiệp của tỉnh tìm thị trường xuất khẩu.",
                                    S,
                                    "Ngoại giao kinh tế",
                                    "bqlkkt",
                                    ("socongthuong", "ttxt"),
                                ),
                                ItemSpec(
                                    "",
                                    "Vận động viện trợ phi chính phủ nước ngoài cho y tế, giáo dục, sinh kế vùng "
                                    "biên giới; quản lý viện trợ theo Nghị định 80/2020/NĐ-CP.",
                                    S,
                                    "Viện trợ phi chính phủ",
                                    "songoaivu",
                                    ("sotaichinh",),
                                    (12, 15),
                                ),
                            ],
                        ),
                        ItemSpec(
                            "II.3.c",
                            "Thông tin đối ngoại: cập nhật trang thông tin đối ngoại song ngữ, phát hành bản tin "
                            "đối ngoại hằng quý; quản lý hoạt động của phóng viên nước ngoài trên địa bàn.",
                            S,
                            "Thông tin đối ngoại",
                            "songoaivu",
                            ("sovhtt",),
                        ),
                        ItemSpec(
                            "II.3.d",
                            "Quản lý biên giới: tuần tra song phương, bảo vệ hệ thống mốc quốc giới; sửa chữa các "
                            "mốc, cọc dấu bị hư hỏng phối hợp với các tỉnh bạn.",
                            S,
                            "Biên giới",
                            "bdbp",
                            ("kyson", "quephong", "tuongduong"),
                        ),
                        ItemSpec(
                            "II.3.đ",
                            "Lãnh sự, bảo hộ công dân và công tác người Việt Nam ở nước ngoài; xét cho phép sử dụng "
                            "thẻ đi lại của doanh nhân APEC.",
                            S,
                            "Lãnh sự",
                            "songoaivu",
                            ("congan",),
                        ),
                        ItemSpec(
                            "II.3.e",
                            f"Quản lý đoàn ra, đoàn vào: dự kiến {counts.outbound:02d} đoàn ra, {counts.inbound:02d} "
                            "đoàn vào (Phụ lục 1, 2); thẩm định nội dung, kết hợp các đoàn cùng địa bàn.",
                            S,
                            "Đoàn ra, đoàn vào",
                            "songoaivu",
                            ("sotaichinh",),
                        ),
                        ItemSpec(
                            "II.3.g",
                            f"Hội nghị, hội thảo quốc tế: dự kiến {counts.conferences:02d} hội nghị, hội thảo (Phụ "
                            f"lục 3); thỏa thuận quốc tế: dự kiến {counts.agreements:02d} thỏa thuận (Phụ lục 4).",
                            S,
                            "Hội nghị, thỏa thuận quốc tế",
                            "songoaivu",
                        ),
                    ],
                ),
                ItemSpec(
                    "II.4",
                    "Đối ngoại Nhân dân",
                    N,
                    children=[
                        ItemSpec(
                            "",
                            "Tổ chức giao lưu hữu nghị nhân dân với các tỉnh của Lào, Thái Lan; đại hội các hội hữu "
                            "nghị song phương đến kỳ.",
                            N,
                            "Hữu nghị nhân dân",
                            "lhhn",
                            ("mttq", "tinhdoan"),
                        ),
                        ItemSpec(
                            "",
                            "Vận động các tổ chức phi chính phủ nước ngoài tham gia các chương trình nhân đạo, "
                            "phát triển cộng đồng.",
                            N,
                            "Hữu nghị nhân dân",
                            "lhhn",
                        ),
                    ],
                ),
            ],
        ),
        ItemSpec(
            "III",
            "KINH PHÍ THỰC HIỆN",
            children=[
                ItemSpec(
                    "",
                    "Từ ngân sách nhà nước theo phân cấp hiện hành, nguồn tài trợ và các nguồn hợp pháp khác.",
                )
            ],
        ),
        ItemSpec(
            "IV",
            "TỔ CHỨC THỰC HIỆN",
            children=[
                ItemSpec(
                    "IV.1",
                    "Các cơ quan, đơn vị, địa phương báo cáo kết quả 6 tháng trước ngày 15/6 và cả năm trước ngày "
                    f"15/12 về Ủy ban nhân dân tỉnh (qua {coordinator}).",
                    lead="songoaivu",
                    deadline=(12, 15),
                ),
                ItemSpec(
                    "IV.2",
                    "Kế hoạch đoàn ra, đoàn vào được điều chỉnh một lần trong năm; đề xuất điều chỉnh gửi "
                    f"{coordinator} trước ngày 30/3.",
                    lead="songoaivu",
                    deadline=(3, 30),
                ),
                ItemSpec(
                    "IV.3",
                    "Sở Tài chính thẩm định, trình Ủy ban nhân dân tỉnh bố trí kinh phí cho các hoạt động của "
                    "Chương trình.",
                    lead="sotaichinh",
                ),
            ],
        ),
    ]


def _add_items(builder: Any, program: Program, specs: list[ItemSpec], parent: Any, progress: bool) -> int:
    count = 0
    for spec in specs:
        deadline = dt.date(program.year, *spec.deadline) if spec.deadline else None
        item = services.program_item_create(
            program=program,
            by=builder.coordinator,
            parent=parent,
            section=spec.section,
            text=spec.text,
            pillar=spec.pillar,
            domain=spec.domain,
            lead_unit=builder.units.get(spec.lead) if spec.lead else None,
            coordinating_units=[builder.units[k] for k in spec.coordinating if k in builder.units],
            deadline=deadline,
            progress=builder.rng.choice([20, 40, 50, 60, 80, 100]) if progress and spec.lead else None,
        )
        count += 1 + _add_items(builder, program, spec.children, item, progress)
    return count


def _anniversaries(year: int) -> list[str]:
    return [f"{a.years} năm với {a.relation.name_vi.split(' (')[0]}" for a in round_anniversaries(year=year)]


def _program(builder: Any, year: int, *, progress: bool) -> Program:
    counts = plan_counts(plan_appendices(year=year))
    program = services.program_create(
        year=year,
        by=builder.coordinator,
        signer_name="Bùi Thanh Sơn" if progress else "",
        planned_outbound=counts.outbound if progress else None,
        planned_inbound=counts.inbound if progress else None,
        planned_conferences=counts.conferences if progress else None,
        planned_agreements=counts.agreements if progress else None,
    )
    specs = body_specs(
        year=year,
        province=builder.province,
        coordinator=builder.units["songoaivu"].name,
        counts=counts,
        anniversaries=_anniversaries(year),
    )
    _add_items(builder, program, specs, None, progress)
    return program


def _adjust_the_plan(builder: Any, year: int) -> None:
    """What an adjustment round changes: one inbound visit dropped, one moved, one added."""
    planned = list(
        Delegation.objects.filter(year=year, direction=Direction.IN, status=DelegationStatus.IN_PLAN).order_by("id")
    )
    if len(planned) >= 3:
        builder.step(
            delegation_services.delegation_cancel,
            delegation=planned[0],
            by=builder.leader,
            reason="Đối tác đề nghị lùi sang năm sau (điều chỉnh kế hoạch)",
        )
        moved = planned[1]
        moved.time_text = "Quý IV"
        save_tracked(moved, by=builder.coordinator, reason="Điều chỉnh kế hoạch")
    spec = DelegationSpec(
        "songoaivu",
        Direction.IN,
        "departments",
        "Đoàn Sở Ngoại vụ tỉnh Xiêng Khoảng",
        "Đoàn nghiệp vụ",
        "Giám đốc Sở Ngoại vụ tỉnh Xiêng Khoảng",
        6,
        "Lãnh đạo và chuyên viên Sở Ngoại vụ tỉnh bạn",
        ("LA",),
        ("Xiêng Khoảng",),
        "Sở Ngoại vụ tỉnh Xiêng Khoảng",
        "Trao đổi kinh nghiệm quản lý đoàn ra, đoàn vào và công tác lãnh sự",
        3,
        "Quý III",
        "province",
        "Ngân sách tỉnh (chi đón tiếp)",
    )
    added = create_delegation(builder, spec, year, spec.time_text, spec.size)
    officer = builder.officers.get(spec.unit, builder.coordinator)
    added = builder.step(delegation_services.delegation_submit, delegation=added, by=officer)
    builder.step(delegation_services.delegation_include_in_plan, delegation=added, by=builder.coordinator)


def load_programs(builder: Any) -> int:
    """This year's programme (issued; adjusted when the demo day is past the deadline) and next year's draft."""
    year = builder.year
    current = _program(builder, year, progress=True)
    current = builder.step(services.program_submit, program=current, by=builder.coordinator)
    current = builder.step(
        services.program_issue,
        program=current,
        by=builder.leader,
        number=builder.ref("{}/CTr-UBND"),
        issued_on=dt.date(year - 1, 12, 28),
        signer_name="Bùi Thanh Sơn",
        signer_position="Phó Chủ tịch",
    )
    deadline = current.adjustment_deadline or dt.date(year, 3, 30)
    if builder.today <= deadline:
        builder.step(services.program_open_adjustment, program=current, by=builder.coordinator, today=builder.today)
    else:
        opened = deadline - dt.timedelta(days=28)
        builder.step(services.program_open_adjustment, program=current, by=builder.coordinator, today=opened)
        _adjust_the_plan(builder, year)
        builder.step(
            services.program_record_version,
            program=current,
            by=builder.coordinator,
            note="Điều chỉnh theo đề xuất của các đơn vị trong đợt tháng 3",
        )
    following = _program(builder, year + 1, progress=False)
    builder.step(services.program_submit, program=following, by=builder.coordinator)
    return 2
