"""Demo aid projects and investment opportunities, moved through their workflows by the services.

Called by `doingoai.devtools.demo.load_demo`; dates are relative to the builder's `today`, so the NGO-aid start rule
(one late, one still within its 6 months) and the public investment page always have something to show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from doingoai.aid import services
from doingoai.aid.models import AidKind, AidProject, AidStatus, InvestmentOpportunity, InvestmentStatus, Sector
from doingoai.core import rules
from doingoai.devtools.demo.builder import DemoBuilder


@dataclass(frozen=True)
class AidSpec:
    unit: str
    kind: str
    title: str
    donor: str  # a partner of the reference data, or "" (then donor_text)
    donor_text: str
    sector: str
    amount: int
    currency: str
    place: str
    months: int  # planned duration
    status: str
    approved_months_ago: int = 0


AIDS = [
    AidSpec(
        "lhhn",
        AidKind.NGO,
        "Nâng cao sinh kế cho phụ nữ dân tộc thiểu số các xã biên giới",
        "Tổ chức Tầm nhìn Thế giới",
        "",
        Sector.SOCIAL,
        420_000,
        "USD",
        "Huyện Kỳ Sơn, huyện Tương Dương",
        36,
        AidStatus.IMPLEMENTING,
        14,
    ),
    AidSpec(
        "soyte",
        AidKind.NGO,
        "Trang thiết bị sơ sinh cho trung tâm y tế huyện miền núi",
        "Tổ chức Cứu trợ Trẻ em",
        "",
        Sector.HEALTH,
        185_000,
        "USD",
        "Huyện Quế Phong",
        18,
        AidStatus.APPROVED,
        8,  # approved 8 months ago and not started: late under Decree 80/2020/NĐ-CP
    ),
    AidSpec(
        "sogddt",
        AidKind.NGO,
        "Xây dựng điểm trường mầm non bán trú bản Huồi Tụ",
        "Plan International",
        "",
        Sector.EDUCATION,
        2_350_000_000,
        "VND",
        "Xã Huồi Tụ, huyện Kỳ Sơn",
        12,
        AidStatus.APPROVED,
        2,  # still within its 6 months
    ),
    AidSpec(
        "sonnmt",
        AidKind.ODA,
        "Quản lý rủi ro thiên tai và thích ứng biến đổi khí hậu lưu vực sông Cả",
        "Ngân hàng Thế giới",
        "",
        Sector.CLIMATE,
        35_000_000,
        "USD",
        "Các huyện ven sông Cả",
        60,
        AidStatus.IMPLEMENTING,
        30,
    ),
    AidSpec(
        "sonnmt",
        AidKind.LOAN,
        "Cấp nước sạch và vệ sinh nông thôn vùng bãi ngang",
        "Cơ quan Hợp tác Quốc tế Nhật Bản",
        "",
        Sector.ENVIRONMENT,
        2_100_000_000,
        "JPY",
        "Huyện Quỳnh Lưu, huyện Diễn Châu",
        48,
        AidStatus.APPRAISED,
    ),
    AidSpec(
        "kyson",
        AidKind.NGO,
        "Hệ thống nước tự chảy cho hai bản vùng cao",
        "",
        "Tổ chức Thiện nguyện Hàn - Việt",
        Sector.ENVIRONMENT,
        95_000_000,
        "KRW",
        "Xã Mỹ Lý, huyện Kỳ Sơn",
        10,
        AidStatus.PROPOSED,
    ),
    AidSpec(
        "soyte",
        AidKind.ODA,
        "Đào tạo điều dưỡng theo chuẩn Hàn Quốc",
        "Cơ quan Hợp tác Quốc tế Hàn Quốc",
        "",
        Sector.HEALTH,
        1_200_000,
        "USD",
        "Thành phố Vinh",
        24,
        AidStatus.CLOSED,
        40,
    ),
    AidSpec(
        "sodulich",
        AidKind.NGO,
        "Phát triển du lịch cộng đồng gắn với bảo tồn văn hóa Thái",
        "CARE International",
        "",
        Sector.TOURISM,
        150_000,
        "EUR",
        "Huyện Con Cuông",
        24,
        AidStatus.DRAFT,
    ),
]


@dataclass(frozen=True)
class OpportunitySpec:
    unit: str
    title: str
    title_en: str
    sector: str
    place: str
    area_ha: str
    scale: str
    total: int
    currency: str
    point: tuple[str, str] | None  # latitude, longitude
    status: str
    public: bool = True
    description: str = ""
    description_en: str = ""
    scale_en: str = ""


OPPORTUNITIES = [
    OpportunitySpec(
        "bqlkkt",
        "Hạ tầng khu công nghiệp Hoàng Mai III",
        "Hoang Mai III industrial park infrastructure",
        Sector.INDUSTRIAL_ZONES,
        "Thị xã Hoàng Mai",
        "290",
        "Khu công nghiệp đa ngành",
        3_200_000_000_000,
        "VND",
        ("19.262", "105.694"),
        InvestmentStatus.OPEN,
        description="Gần cảng Đông Hồi và Quốc lộ 1A; ưu đãi theo khu kinh tế.",
        description_en="Close to Dong Hoi port and National Road 1A; economic-zone incentives.",
        scale_en="Multi-industry industrial park",
    ),
    OpportunitySpec(
        "bqlkkt",
        "Bến cảng tổng hợp Đông Hồi",
        "Dong Hoi general cargo port",
        Sector.TRANSPORT,
        "Thị xã Hoàng Mai",
        "65",
        "Tàu đến 50.000 DWT",
        180_000_000,
        "USD",
        ("19.285", "105.770"),
        InvestmentStatus.OPEN,
        description="Bến cảng nước sâu phục vụ khu kinh tế Đông Nam.",
        description_en="Deep-water berths serving the South-East Economic Zone.",
        scale_en="Vessels up to 50,000 DWT",
    ),
    OpportunitySpec(
        "ttxt",
        "Trung tâm logistics cửa ngõ Vinh",
        "Vinh gateway logistics centre",
        Sector.TRADE,
        "Huyện Nghi Lộc",
        "42",
        "Kho bãi, trung tâm phân phối",
        95_000_000,
        "USD",
        ("18.832", "105.640"),
        InvestmentStatus.OPEN,
        scale_en="Warehousing and distribution centre",
    ),
    OpportunitySpec(
        "sodulich",
        "Khu du lịch sinh thái nghỉ dưỡng Pù Mát",
        "Pu Mat eco-tourism resort",
        Sector.TOURISM,
        "Huyện Con Cuông",
        "120",
        "Khu nghỉ dưỡng 150 phòng",
        1_100_000_000_000,
        "VND",
        ("19.040", "104.880"),
        InvestmentStatus.OPEN,
        description="Vùng đệm Vườn quốc gia Pù Mát, di sản sinh quyển miền Tây Nghệ An.",
        description_en="Buffer zone of Pu Mat National Park, Western Nghe An biosphere reserve.",
        scale_en="150-room resort",
    ),
    OpportunitySpec(
        "sodulich",
        "Tổ hợp khách sạn và dịch vụ biển Cửa Lò",
        "Cua Lo beach hotel and services complex",
        Sector.TOURISM,
        "Thị xã Cửa Lò",
        "18",
        "Khách sạn 5 sao 300 phòng",
        120_000_000,
        "USD",
        ("18.805", "105.722"),
        InvestmentStatus.OPEN,
        scale_en="Five-star hotel, 300 rooms",
    ),
    OpportunitySpec(
        "sonnmt",
        "Nhà máy chế biến sữa và thức ăn chăn nuôi",
        "Dairy and animal feed processing plant",
        Sector.AGRICULTURE,
        "Huyện Nghĩa Đàn",
        "30",
        "200 tấn sữa/ngày",
        1_500_000_000_000,
        "VND",
        ("19.360", "105.420"),
        InvestmentStatus.OPEN,
        scale_en="200 tonnes of milk a day",
    ),
    OpportunitySpec(
        "socongthuong",
        "Nhà máy điện mặt trời nổi hồ Vực Mấu",
        "Vuc Mau floating solar plant",
        Sector.ENERGY,
        "Thị xã Hoàng Mai",
        "150",
        "100 MWp",
        85_000_000,
        "USD",
        None,  # no coordinates yet: listed, not on the map
        InvestmentStatus.OPEN,
        scale_en="100 MWp",
    ),
    OpportunitySpec(
        "soyte",
        "Bệnh viện quốc tế chất lượng cao Vinh",
        "Vinh international hospital",
        Sector.HEALTH,
        "Thành phố Vinh",
        "5",
        "500 giường",
        60_000_000,
        "USD",
        ("18.676", "105.690"),
        InvestmentStatus.IN_TALKS,
        scale_en="500 beds",
    ),
    OpportunitySpec(
        "ttxt",
        "Khu đô thị sinh thái ven sông Lam",
        "Lam river eco-urban area",
        Sector.URBAN,
        "Huyện Hưng Nguyên",
        "210",
        "Khu đô thị 12.000 dân",
        4_000_000_000_000,
        "VND",
        ("18.640", "105.640"),
        InvestmentStatus.OPEN,
        public=False,  # in the catalogue, not yet on the public page
        scale_en="Urban area for 12,000 residents",
    ),
    OpportunitySpec(
        "bqlkkt",
        "Nhà máy linh kiện điện tử khu công nghiệp Nghi Lộc",
        "Nghi Loc electronic components plant",
        Sector.INDUSTRY,
        "Huyện Nghi Lộc",
        "25",
        "Linh kiện điện tử",
        150_000_000,
        "USD",
        ("18.870", "105.640"),
        InvestmentStatus.AWARDED,
        scale_en="Electronic components",
    ),
    OpportunitySpec(
        "sokhcn",
        "Trung tâm dữ liệu và đổi mới sáng tạo",
        "Data and innovation centre",
        Sector.SCIENCE,
        "Thành phố Vinh",
        "3",
        "Trung tâm dữ liệu cấp 3",
        40_000_000,
        "USD",
        None,
        InvestmentStatus.PROPOSED,
        scale_en="Tier III data centre",
    ),
]


def _owner(builder: DemoBuilder, unit: str) -> Any:
    return builder.officers.get(unit, builder.coordinator)


def build_aid_demo(builder: DemoBuilder) -> None:
    """Aid projects in every status and the investment catalogue (mostly open, most of it public)."""
    builder.counts.setdefault("aid_projects", 0)
    builder.counts.setdefault("investment_opportunities", 0)
    for spec in AIDS:
        _aid(builder, spec)
    for opportunity in OPPORTUNITIES:
        _opportunity(builder, opportunity)


def _aid(builder: DemoBuilder, spec: AidSpec) -> AidProject:
    today = builder.today
    owner = _owner(builder, spec.unit)
    approved = rules.add_months(today, -spec.approved_months_ago) if spec.approved_months_ago else None
    start = (approved + dt.timedelta(days=20)) if approved else rules.add_months(today, 3)
    aid = AidProject(
        year=(approved or today).year,
        kind=spec.kind,
        title=spec.title,
        donor=builder.partners.get(spec.donor) if spec.donor else None,
        donor_text=spec.donor_text,
        sector=spec.sector,
        amount=Decimal(spec.amount),
        currency=spec.currency,
        place=spec.place,
        managing_unit=builder.units[spec.unit],
        start_date=start,
        end_date=rules.add_months(start, spec.months),
    )
    aid._history_user = owner  # type: ignore[attr-defined]
    aid.save()
    builder.counts["aid_projects"] += 1
    order = [AidStatus.PROPOSED, AidStatus.APPRAISED, AidStatus.APPROVED, AidStatus.IMPLEMENTING, AidStatus.CLOSED]
    if spec.status == AidStatus.DRAFT:
        return aid
    reached = order.index(AidStatus(spec.status))
    aid = builder.step(services.aid_project_submit, aidproject=aid, by=owner)
    if reached >= 1:
        appraised = (approved - dt.timedelta(days=25)) if approved else today - dt.timedelta(days=10)
        aid = builder.step(
            services.aid_project_appraise,
            aidproject=aid,
            by=builder.users["finance"],
            appraised_on=appraised,
            appraisal_note="Phù hợp quy hoạch, nhu cầu của địa phương; đề nghị phê duyệt.",
        )
    if reached >= 2 and approved:
        aid = builder.step(
            services.aid_project_approve,
            aidproject=aid,
            by=builder.leader,
            approval_ref=builder.ref("{}/QĐ-UBND"),
            approved_on=approved,
            approving_authority="Chủ tịch UBND tỉnh",
        )
    if reached >= 3 and approved:
        aid = builder.step(services.aid_project_start, aidproject=aid, by=owner, started_on=start)
    if reached >= 4:
        closed = min(rules.add_months(start, spec.months), today - dt.timedelta(days=30))
        aid = builder.step(
            services.aid_project_close,
            aidproject=aid,
            by=owner,
            closed_on=closed,
            result="Hoàn thành các hợp phần; đã bàn giao cho đơn vị thụ hưởng quản lý, sử dụng.",
        )
    return aid


def _opportunity(builder: DemoBuilder, spec: OpportunitySpec) -> InvestmentOpportunity:
    owner = _owner(builder, spec.unit)
    lat, lon = (Decimal(spec.point[0]), Decimal(spec.point[1])) if spec.point else (None, None)
    opportunity = InvestmentOpportunity(
        year=builder.today.year,
        title=spec.title,
        title_en=spec.title_en,
        sector=spec.sector,
        place=spec.place,
        area_ha=Decimal(spec.area_ha),
        scale=spec.scale,
        scale_en=spec.scale_en,
        total_investment=Decimal(spec.total),
        currency=spec.currency,
        managing_unit=builder.units[spec.unit],
        latitude=lat,
        longitude=lon,
        description=spec.description,
        description_en=spec.description_en,
    )
    opportunity._history_user = owner  # type: ignore[attr-defined]
    opportunity.save()
    builder.counts["investment_opportunities"] += 1
    o = builder.step(services.investment_opportunity_submit, investmentopportunity=opportunity, by=owner)
    if spec.status == InvestmentStatus.PROPOSED:
        return o
    o = builder.step(
        services.investment_opportunity_publish, investmentopportunity=o, by=builder.coordinator, public=spec.public
    )
    if spec.status in (InvestmentStatus.IN_TALKS, InvestmentStatus.AWARDED):
        o = builder.step(
            services.investment_opportunity_start_talks,
            investmentopportunity=o,
            by=owner,
            investor_text="Nhà đầu tư nước ngoài (đang đàm phán)",
        )
    if spec.status == InvestmentStatus.AWARDED:
        o = builder.step(
            services.investment_opportunity_award,
            investmentopportunity=o,
            by=builder.leader,
            decision_ref=builder.ref("{}/QĐ-UBND"),
            decision_date=builder.today - dt.timedelta(days=45),
            investor_text="Công ty linh kiện điện tử vốn đầu tư Thái Lan",
        )
    return o
