"""Demo Lao border cooperation and legal bases in Nghệ An's shape: border communes twinned with villages of
Xiêng Khoảng, Hủa Phăn and Bo Ly Khăm Xay, border meetings with their agreed points, several dry seasons of
remains repatriation, assistance projects, and the legal documents the plans cite. Illustrative: the Lao village
names, figures and dates are invented; the laws and decrees are real. Also links the demo border markers to
today's communes (`BorderMarker.admin_commune`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from doingoai.border.models import BorderMarker
from doingoai.core.adminunits import local_communes_q
from doingoai.core.models import AdministrativeUnit
from doingoai.core.services import object_create
from doingoai.core.workflow import save_tracked
from doingoai.devtools.demo.builder import DemoBuilder
from doingoai.laocoop import services
from doingoai.laocoop.models import AssistanceProject, RemainsSeason, TwinningActivity, TwinningPair
from doingoai.legal.models import LegalDocument
from doingoai.reference.text import search_key

# (commune, Vietnamese village, Lao village, Lao district, Lao province, year)
TWINNING = [
    ("Mường Típ", "Bản Huồi Khe", "Bản Phà Khảo", "Noọng Hét", "Xiêng Khoảng", 2009),
    ("Nậm Cắn", "Bản Nậm Cắn", "Bản Nọng Tạng", "Noọng Hét", "Xiêng Khoảng", 2011),
    ("Keng Đu", "Bản Khe Kiền", "Bản Pha Tốt", "Mường Mộc", "Xiêng Khoảng", 2014),
    ("Na Ngoi", "Bản Pà Khốm", "Bản Huồi Tòng", "Mường Mộc", "Xiêng Khoảng", 2016),
    ("Tri Lễ", "Bản Cà Moong", "Bản Xốp Hào", "Xốp Bâu", "Hủa Phăn", 2012),
    ("Thông Thụ", "Bản Đôn Phục", "Bản Nậm Pan", "Viêng Thoong", "Hủa Phăn", 2015),
    ("Tam Hợp", "Bản Cánh Tráp", "Bản Thà Khẹt", "Xay Chăm Phon", "Bo Ly Khăm Xay", 2018),
    ("Hạnh Lâm", "Bản Khe Mây", "Bản Nậm Ngừm", "Khăm Cợt", "Bo Ly Khăm Xay", 2020),
]
ACTIVITIES = ["Giao lưu văn nghệ dịp Tết Bunpimay", "Thăm hỏi, tặng quà dịp Quốc khánh", "Tuần tra song phương"]
LEGAL = [
    ("Luật", "70/2020/QH14", dt.date(2020, 11, 13), "Quốc hội", "Luật Thỏa thuận quốc tế"),
    (
        "Nghị định",
        "64/2021/NĐ-CP",
        dt.date(2021, 6, 30),
        "Chính phủ",
        "Ký kết và thực hiện thỏa thuận quốc tế nhân danh cơ quan, địa phương",
    ),
    (
        "Nghị định",
        "80/2020/NĐ-CP",
        dt.date(2020, 7, 8),
        "Chính phủ",
        "Quản lý và sử dụng viện trợ không hoàn lại không thuộc hỗ trợ phát triển chính thức",
    ),
    ("Nghị định", "13/2023/NĐ-CP", dt.date(2023, 4, 17), "Chính phủ", "Bảo vệ dữ liệu cá nhân"),
    ("Nghị định", "30/2020/NĐ-CP", dt.date(2020, 3, 5), "Chính phủ", "Công tác văn thư"),
    (
        "Quyết định",
        "06/2020/QĐ-TTg",
        dt.date(2020, 2, 21),
        "Thủ tướng Chính phủ",
        "Tổ chức và quản lý hội nghị, hội thảo quốc tế tại Việt Nam",
    ),
]


def _count(builder: DemoBuilder, name: str) -> None:
    builder.counts[name] = builder.counts.get(name, 0) + 1


def _commune(name: str) -> AdministrativeUnit | None:
    return AdministrativeUnit.objects.filter(local_communes_q(), search_text=search_key(f"xã {name}")).first()


def build_laocoop_demo(builder: DemoBuilder) -> None:
    """Twinned pairs with yearly activities, meetings with points, five seasons, three projects, legal bases."""
    year, partners = builder.year, builder.partners
    bdbp, bchqs = builder.units["bdbp"], builder.units["bchqs"]
    coordinator = builder.coordinator
    officer = builder.officers.get("bdbp", coordinator)
    for marker in BorderMarker.objects.filter(admin_commune__isnull=True):
        commune = _commune(marker.commune)
        if commune is not None:
            BorderMarker.objects.filter(pk=marker.pk).update(admin_commune=commune)
    for commune_name, village, lao_village, lao_district, province, since in TWINNING:
        commune = _commune(commune_name)
        if commune is None or province not in partners:
            continue
        pair = save_tracked(
            TwinningPair(
                vn_commune=commune, vn_village=village, lao_level="village", lao_name=lao_village,
                lao_district=lao_district, lao_province=partners[province], year=since, managing_unit=bdbp,
                status="active", note="Dữ liệu minh họa.",
            ),
            by=coordinator, reason="Nạp dữ liệu minh họa",
        )  # fmt: skip
        for back, title in enumerate(ACTIVITIES):
            held_on = dt.date(year - 1 - back % 2, 4 + 3 * back, 10 + back)
            save_tracked(
                TwinningActivity(pair=pair, held_on=held_on, title=title, participants=40 + 5 * back, unit=bdbp,
                                 status="reported"),
                by=coordinator, reason="Nạp dữ liệu minh họa",
            )  # fmt: skip
        _count(builder, "twinning_pairs")
    for n, (province, level, lao_side) in enumerate(
        [("Xiêng Khoảng", "province", ""), ("Hủa Phăn", "province", ""), ("", "district", "Huyện Noọng Hét")]
    ):
        held_on = dt.date(year - 1, 3 + 4 * n, 15)
        meeting = services.border_meeting_create(
            by=officer,
            values={
                "title": f"Hội đàm {'cấp tỉnh' if level == 'province' else 'giao ban biên giới'} với "
                f"{province or lao_side} năm {year - 1}",
                "kind": "talks" if level == "province" else "briefing", "level": level, "year": year - 1,
                "held_on": held_on, "lao_partner": partners.get(province), "lao_side_text": lao_side,
                "place": "Thành phố Vinh" if n % 2 == 0 else "Xiêng Khoảng", "host_unit": bdbp,
            },
            points="Phối hợp tuần tra song phương, quản lý mốc quốc giới\nTrao đổi thông tin về tội phạm ma túy "
            "qua biên giới\nTổ chức giao lưu kết nghĩa bản – bản",
            points_due_on=held_on + dt.timedelta(days=90 + 180 * n),
        )  # fmt: skip
        services.border_meeting_report(bordermeeting=meeting, by=officer)
        first = meeting.actions.order_by("id").first()
        if first is not None and n == 0:
            services.meeting_action_complete(
                meetingaction=first, by=officer, done_on=held_on + dt.timedelta(days=60), result="Đã tuần tra 4 đợt"
            )
        _count(builder, "border_meetings")
    lao_provinces = [partners[p] for p in ("Xiêng Khoảng", "Hủa Phăn", "Bo Ly Khăm Xay") if p in partners]
    for k in range(5):
        start = year - 6 + k
        found = 14 - 2 * k
        season = save_tracked(
            RemainsSeason(
                season=f"{start} – {start + 1}", year=start, team="Đội tìm kiếm, quy tập hài cốt liệt sĩ (minh họa)",
                team_unit=bchqs, areas="Các huyện giáp biên", started_on=dt.date(start, 11, 1),
                ended_on=dt.date(start + 1, 5, 15), remains_found=found, remains_repatriated=found,
                identified=k % 3, handover_on=dt.date(start + 1, 5, 20), handover_place="Cửa khẩu quốc tế Nậm Cắn",
                burial_place="Nghĩa trang liệt sĩ Quốc tế Việt – Lào", status="reported",
            ),
            by=coordinator, reason="Nạp dữ liệu minh họa",
        )  # fmt: skip
        season.lao_provinces.set(lao_provinces[: 1 + k % 3])
        _count(builder, "remains_seasons")
    for title, province, sector, amount in [
        ("Trường tiểu học hữu nghị (minh họa)", "Xiêng Khoảng", "education", "12000000000"),
        ("Công trình thủy lợi bản biên giới (minh họa)", "Hủa Phăn", "agriculture", "5500000000"),
        ("Đào tạo cán bộ y tế (minh họa)", "Bo Ly Khăm Xay", "health", "1800000000"),
    ]:
        if province in partners:
            object_create(
                model=AssistanceProject,
                by=coordinator,
                values={"year": year - 1, "title": title, "beneficiary": partners[province], "sector": sector,
                        "amount_vnd": Decimal(amount), "managing_unit": builder.units["songoaivu"]},
            )  # fmt: skip
            _count(builder, "assistance_projects")
    for kind, number, issued_on, issuer, title in LEGAL:
        save_tracked(
            LegalDocument(kind=kind, number=number, issued_on=issued_on, issuer=issuer, title=title),
            by=coordinator, reason="Nạp dữ liệu minh họa",
        )  # fmt: skip
        _count(builder, "legal_documents")
