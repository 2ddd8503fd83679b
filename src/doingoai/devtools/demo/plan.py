"""Demo plan of the current and the next year: delegations (Phụ lục 1, 2), international conferences (Phụ lục 3)
and agreements (Phụ lục 4).

Records are created by an officer of their unit and moved on by calling the workflow services as the user
who would take each step (the unit submits, the coordinator consolidates and consults, the leader approves),
so the field history and the business events look like real use. The current year is under way (done,
postponed, cancelled, late reports, an overdue permit application, a late report on a signed agreement); the
next year is being planned (drafts and proposals).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from doingoai.agreements import services as agreement_services
from doingoai.agreements.models import Agreement, AgreementStatus, AgreementType
from doingoai.conferences import services as conference_services
from doingoai.conferences.models import Conference, ConferenceForm, ConferenceStatus
from doingoai.core import rules
from doingoai.core.choices import FundingSource
from doingoai.delegations import services as delegation_services
from doingoai.delegations.models import Delegation, DelegationGroup, DelegationStatus, Direction
from doingoai.devtools.demo.builder import DemoBuilder
from doingoai.documents.timeparse import parse_planned_time

F = FundingSource
OUT, IN = Direction.OUT, Direction.IN
G_A = DelegationGroup.CENTRAL_LEADERS
G_B = DelegationGroup.PROVINCIAL_LEADERS
G_DEP = DelegationGroup.DEPARTMENTS
G_ARM = DelegationGroup.ARMED_FORCES
G_DIS = DelegationGroup.DISTRICTS
DS = DelegationStatus
CS = ConferenceStatus
AS = AgreementStatus


# ----------------------------------------------------------------------------------------------- delegations


@dataclass(frozen=True)
class DelegationSpec:
    unit: str
    direction: str
    group: str
    name: str
    capacity: str
    head: str
    size: int
    composition: str
    countries: tuple[str, ...]
    partners: tuple[str, ...]
    partner_text: str
    purpose: str
    days: int
    time_text: str
    funding: str
    funding_text: str = ""
    duration_text: str = ""
    now: str = ""  # status forced in the current year (e.g. the overlapping pairs stay in the plan)


D = DelegationSpec
# The three Lao provinces across the border, named as in partners.csv.
LA, XK_, HP, BLKX = ("LA",), "Xiêng Khoảng", "Hủa Phăn", "Bo Ly Khăm Xay"

# Outbound delegations (Phụ lục 1). "{province}" and "{year}" are filled in per record.
OUTBOUND: list[DelegationSpec] = [
    D(
        "tinhuy",
        OUT,
        G_A,
        "Đoàn đại biểu cấp cao tỉnh {province}",
        "Đoàn đối ngoại",
        "Bí thư Tỉnh ủy",
        10,
        "01 Bí thư Tỉnh ủy; 01 lãnh đạo UBND tỉnh; 05 lãnh đạo các ban Đảng và sở, ngành; 01 cán bộ Sở Ngoại vụ; "
        "01 phiên dịch; 01 phóng viên",
        LA,
        (XK_, HP),
        "Tỉnh ủy, chính quyền tỉnh Xiêng Khoảng và tỉnh Hủa Phăn",
        "Hội đàm thường niên giữa lãnh đạo các tỉnh; rà soát kết quả hợp tác và thống nhất trọng tâm cho năm tới",
        5,
        "Quý II/Quý III",
        F.PROVINCE,
        duration_text="05 ngày/2 tỉnh",
    ),
    D(
        "tinhuy",
        OUT,
        G_A,
        "Đoàn đại biểu Tỉnh ủy {province}",
        "Đoàn thăm và làm việc",
        "Phó Bí thư Thường trực Tỉnh ủy",
        8,
        "01 Phó Bí thư Thường trực; 04 lãnh đạo ban, sở; 02 chuyên viên; 01 phiên dịch",
        ("CN",),
        ("Quảng Tây",),
        "Khu tự trị dân tộc Choang Quảng Tây",
        "Tìm hiểu kinh nghiệm phát triển kinh tế cửa khẩu, dịch vụ logistics và xây dựng tổ chức cơ sở đảng",
        5,
        "Quý III",
        F.PROVINCE,
    ),
    D(
        "ubnd",
        OUT,
        G_A,
        "Đoàn công tác UBND tỉnh {province}",
        "Đoàn xúc tiến đầu tư",
        "Chủ tịch UBND tỉnh",
        12,
        "01 Chủ tịch UBND tỉnh; lãnh đạo Văn phòng UBND tỉnh, Sở Ngoại vụ, Sở Tài chính, Ban Quản lý Khu kinh tế "
        "Đông Nam, Trung tâm Xúc tiến; đại diện 03 doanh nghiệp",
        ("JP", "KR"),
        ("Gifu", "Gyeonggi", "Tổ chức Xúc tiến Thương mại Nhật Bản", "Cơ quan Xúc tiến Thương mại và Đầu tư Hàn Quốc"),
        "Chính quyền tỉnh Gifu (Nhật Bản), tỉnh Gyeonggi (Hàn Quốc); JETRO; KOTRA",
        "Tổ chức hội nghị giới thiệu môi trường đầu tư; gặp các tập đoàn điện tử và công nghiệp hỗ trợ đang quan tâm "
        "đến Khu kinh tế Đông Nam",
        7,
        "Quý II",
        F.PROVINCE,
        duration_text="03-04 ngày/nước",
    ),
    D(
        "hdnd",
        OUT,
        G_A,
        "Đoàn Thường trực HĐND tỉnh",
        "Đoàn thăm và làm việc",
        "Chủ tịch HĐND tỉnh",
        9,
        "01 Chủ tịch HĐND tỉnh; lãnh đạo các ban HĐND; 02 lãnh đạo Văn phòng; 01 phiên dịch",
        LA,
        (BLKX,),
        "Hội đồng nhân dân tỉnh Bo Ly Khăm Xay",
        "Trao đổi kinh nghiệm giám sát, tiếp xúc cử tri; củng cố quan hệ giữa cơ quan dân cử hai tỉnh",
        4,
        "Tháng 9",
        F.PROVINCE,
    ),
    D(
        "ubnd",
        OUT,
        G_B,
        "Đoàn công tác UBND tỉnh",
        "Đoàn đối ngoại",
        "Phó Chủ tịch UBND tỉnh phụ trách đối ngoại",
        8,
        "01 Phó Chủ tịch UBND tỉnh; lãnh đạo Văn phòng UBND tỉnh, Sở Ngoại vụ, Bộ đội Biên phòng tỉnh, Công an tỉnh; "
        "01 phiên dịch; 02 lái xe",
        LA,
        (XK_, HP, BLKX),
        "Chính quyền các tỉnh Xiêng Khoảng, Hủa Phăn, Bo Ly Khăm Xay",
        "Thăm, chúc Tết cổ truyền Bun-pi-may; trao quà cho các bản biên giới",
        4,
        "Tháng 4",
        F.PROVINCE,
        duration_text="04 ngày/3 tỉnh",
    ),
    D(
        "ubnd",
        OUT,
        G_B,
        "Đoàn quảng bá địa phương tỉnh {province}",
        "Đoàn tham gia chương trình quảng bá địa phương của Bộ Ngoại giao",
        "Phó Chủ tịch UBND tỉnh",
        7,
        "01 Phó Chủ tịch UBND tỉnh; lãnh đạo Sở Ngoại vụ, Sở Giáo "
        "dục và Đào tạo, Sở Nông nghiệp và Môi trường, Sở Nội vụ; 01 cán bộ Sở Ngoại vụ",
        ("AU",),
        ("Nam Úc",),
        "Chính quyền bang Nam Úc; Đại sứ quán Việt Nam tại Úc",
        "Giới thiệu cơ hội hợp tác về nông nghiệp công nghệ cao, giáo dục nghề nghiệp và đưa lao động đi làm việc",
        6,
        "Tháng 3",
        F.PROVINCE,
        duration_text="03 ngày/bang",
    ),
    D(
        "ubnd",
        OUT,
        G_B,
        "Đoàn công tác UBND tỉnh",
        "Đoàn thăm và làm việc",
        "Phó Chủ tịch UBND tỉnh",
        7,
        "01 Phó Chủ tịch UBND tỉnh; lãnh đạo Sở Ngoại vụ, Sở Y tế, Sở Du lịch, Trường Đại học Vinh; 01 phiên dịch",
        ("RU",),
        ("Ulianốp",),
        "Chính quyền tỉnh Ulianốp",
        "Thúc đẩy thực hiện biên bản hợp tác; bàn hợp tác đào tạo nghề, y tế và du lịch về nguồn",
        6,
        "Quý III",
        F.PROVINCE,
    ),
    D(
        "hdnd",
        OUT,
        G_B,
        "Đoàn công tác HĐND tỉnh",
        "Đoàn thăm và làm việc",
        "Phó Chủ tịch HĐND tỉnh",
        7,
        "01 Phó Chủ tịch HĐND tỉnh; lãnh đạo các ban HĐND; 01 lãnh đạo Văn phòng; 01 phiên dịch",
        ("KR",),
        ("Gwangju",),
        "Hội đồng thành phố Gwangju",
        "Tìm hiểu chính sách hỗ trợ lao động nước ngoài; hợp tác giữa hai cơ quan dân cử",
        5,
        "Quý IV",
        F.PROVINCE,
    ),
    D(
        "vpdbqh",
        OUT,
        G_B,
        "Đoàn Đại biểu Quốc hội tỉnh",
        "Đoàn thăm và làm việc",
        "Phó Trưởng Đoàn ĐBQH tỉnh",
        8,
        "01 Phó Trưởng Đoàn; 04 đại biểu Quốc hội; 01 lãnh đạo Văn phòng; 02 chuyên viên",
        LA,
        (XK_,),
        "Đoàn đại biểu Quốc hội Lào khu vực tỉnh Xiêng Khoảng",
        "Chia sẻ kinh nghiệm hoạt động của đại biểu dân cử ở địa bàn biên giới, dân tộc",
        3,
        "Quý III",
        F.PROVINCE,
    ),
    D(
        "bantgdv",
        OUT,
        G_B,
        "Đoàn Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "Đoàn trao đổi kinh nghiệm",
        "Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy",
        7,
        "01 Trưởng ban; 03 lãnh đạo phòng; 02 chuyên viên; 01 phiên dịch",
        LA,
        (HP,),
        "Ban Tuyên huấn và Ban Dân vận Tỉnh ủy Hủa Phăn",
        "Trao đổi kinh nghiệm tuyên truyền, vận động đồng bào dân tộc thiểu số ở bản biên giới",
        4,
        "Quý II",
        F.PROVINCE,
    ),
    D(
        "bantochuc",
        OUT,
        G_B,
        "Đoàn Ban Tổ chức Tỉnh ủy",
        "Đoàn công tác",
        "Trưởng Ban Tổ chức Tỉnh ủy",
        6,
        "01 Trưởng ban; 02 lãnh đạo phòng; 02 chuyên viên; 01 phiên dịch",
        LA,
        (BLKX,),
        "Ban Tổ chức Tỉnh ủy Bo Ly Khăm Xay",
        "Trao đổi về đào tạo, bồi dưỡng cán bộ; thống nhất chỉ tiêu cán bộ Lào học tập tại tỉnh",
        4,
        "Tháng 10",
        F.PROVINCE,
    ),
    D(
        "soyte",
        OUT,
        G_DEP,
        "Đoàn Sở Y tế",
        "Đoàn công tác",
        "Giám đốc Sở Y tế",
        6,
        "Lãnh đạo Sở Y tế, Bệnh viện Hữu nghị Đa khoa tỉnh, Trung tâm Kiểm soát bệnh tật; 01 phiên dịch",
        LA,
        (XK_,),
        "Sở Y tế và Bệnh viện tỉnh Xiêng Khoảng",
        "Đánh giá hợp tác khám, chữa bệnh cho cư dân biên giới; thống nhất cách trao đổi thông tin dịch bệnh",
        4,
        "Quý II",
        F.PROVINCE,
        now=DS.APPROVED,
    ),
    D(
        "sogddt",
        OUT,
        G_DEP,
        "Đoàn Sở Giáo dục và Đào tạo",
        "Đoàn công tác",
        "Giám đốc Sở Giáo dục và Đào tạo",
        6,
        "Lãnh đạo Sở; lãnh đạo 02 trường THPT dân tộc nội trú; 01 phiên dịch",
        LA,
        (XK_,),
        "Sở Giáo dục và Thể thao tỉnh Xiêng Khoảng",
        "Khảo sát nhu cầu học tiếng Việt; bàn chỉ tiêu tuyển sinh học sinh Lào cho năm học mới",
        4,
        "Tháng 5",
        F.PROVINCE,
        now=DS.IN_PLAN,
    ),
    D(
        "socongthuong",
        OUT,
        G_DEP,
        "Đoàn Sở Công Thương",
        "Đoàn xúc tiến thương mại",
        "Phó Giám đốc Sở Công Thương",
        8,
        "Lãnh đạo Sở; Trung tâm Khuyến công và Xúc tiến thương mại; đại diện 04 doanh nghiệp",
        LA,
        (HP,),
        "Sở Công Thương tỉnh Hủa Phăn",
        "Dựng gian hàng sản phẩm OCOP tại hội chợ thương mại; kết nối doanh nghiệp xuất nhập khẩu qua cửa khẩu",
        5,
        "Quý III",
        F.PROVINCE,
        now=DS.IN_PLAN,
    ),
    D(
        "sonnmt",
        OUT,
        G_DEP,
        "Đoàn Sở Nông nghiệp và Môi trường",
        "Đoàn công tác",
        "Giám đốc Sở Nông nghiệp và Môi trường",
        6,
        "Lãnh đạo Sở; Chi cục Kiểm lâm; Trung tâm Giống; 01 phiên dịch",
        LA,
        (HP,),
        "Sở Nông Lâm nghiệp tỉnh Hủa Phăn",
        "Phối hợp phòng cháy rừng và ngăn buôn bán động vật hoang dã qua biên giới; chuyển giao giống lúa, cây ăn quả",
        4,
        "Tháng 8-9",
        F.PROVINCE,
        now=DS.APPROVED,
    ),
    D(
        "sodulich",
        OUT,
        G_DEP,
        "Đoàn Sở Du lịch",
        "Đoàn xúc tiến du lịch",
        "Giám đốc Sở Du lịch",
        7,
        "Lãnh đạo Sở; Trung tâm Thông tin xúc tiến du lịch; đại diện 04 doanh nghiệp lữ hành",
        ("TH",),
        ("Khỏn Kèn", "Tổng Lãnh sự quán Việt Nam tại Khỏn Kèn"),
        "Sở Du lịch và Thể thao tỉnh Khỏn Kèn; Tổng Lãnh sự quán Việt Nam tại Khỏn Kèn",
        "Quảng bá tuyến du lịch đường bộ Thái Lan – Lào – Việt Nam theo Đường 8; gặp các công ty lữ hành",
        5,
        "Quý I",
        F.PROVINCE,
    ),
    D(
        "sodulich",
        OUT,
        G_DEP,
        "Đoàn Sở Du lịch",
        "Đoàn tham dự hội chợ",
        "Phó Giám đốc Sở Du lịch",
        5,
        "01 Phó Giám đốc; 02 chuyên viên; 02 đại diện doanh nghiệp",
        LA,
        ("Luông Pha Băng",),
        "Sở Thông tin, Văn hóa và Du lịch tỉnh Luông Pha Băng",
        "Tham gia hội chợ du lịch; khảo sát sản phẩm du lịch di sản để nối tour với các điểm của tỉnh",
        4,
        "Tháng 11-12",
        F.PROVINCE,
    ),
    D(
        "sodulich",
        OUT,
        G_DEP,
        "Đoàn xúc tiến du lịch tỉnh {province}",
        "Đoàn xúc tiến du lịch",
        "Giám đốc Sở Du lịch",
        6,
        "Lãnh đạo Sở; 01 chuyên viên; 04 doanh nghiệp lữ hành, khách sạn",
        ("JP",),
        ("Shizuoka", "Tổ chức Xúc tiến Thương mại Nhật Bản"),
        "Tỉnh Shizuoka; JETRO",
        "Giới thiệu điểm đến tại hội chợ du lịch; tìm hãng lữ hành đưa khách Nhật Bản về khu di tích Kim Liên",
        6,
        "Tháng 9",
        F.SECTOR,
        "Kinh phí xúc tiến du lịch năm {year}",
    ),
    D(
        "sovhtt",
        OUT,
        G_DEP,
        "Đoàn nghệ thuật tỉnh {province}",
        "Đoàn giao lưu văn hóa",
        "Phó Giám đốc Sở Văn hóa và Thể thao",
        25,
        "Diễn viên, nhạc công Nhà hát Dân ca; 02 cán bộ Sở",
        LA,
        ("Thủ đô Viêng Chăn",),
        "Sở Thông tin, Văn hóa và Du lịch Thủ đô Viêng Chăn",
        "Biểu diễn Dân ca ví, giặm Nghệ Tĩnh trong chương trình giao lưu văn hóa Việt – Lào",
        5,
        "Quý III",
        F.PROVINCE,
    ),
    D(
        "sovhtt",
        OUT,
        G_DEP,
        "Đoàn vận động viên tỉnh {province}",
        "Đoàn thể thao",
        "Trưởng phòng Quản lý thể dục thể thao",
        20,
        "Huấn luyện viên, vận động viên bóng đá, vật, võ cổ truyền",
        LA,
        (XK_,),
        "Sở Giáo dục và Thể thao tỉnh Xiêng Khoảng",
        "Dự giải thể thao giao hữu các tỉnh có chung đường biên",
        5,
        "Tùy thuộc lịch thi đấu",
        F.SECTOR,
        "Kinh phí sự nghiệp thể thao",
    ),
    D(
        "sokhcn",
        OUT,
        G_DEP,
        "Đoàn Sở Khoa học và Công nghệ",
        "Đoàn công tác",
        "Giám đốc Sở Khoa học và Công nghệ",
        5,
        "Lãnh đạo Sở; Trung tâm Đổi mới sáng tạo; 01 phiên dịch",
        ("KR",),
        ("Daegu",),
        "Viện Công nghệ thành phố Daegu",
        "Tìm hiểu mô hình vườn ươm khởi nghiệp và chuyển đổi số trong quản lý nhà nước",
        5,
        "Quý IV",
        F.PROVINCE,
    ),
    D(
        "sotaichinh",
        OUT,
        G_DEP,
        "Đoàn Sở Tài chính",
        "Đoàn khảo sát",
        "Phó Giám đốc Sở Tài chính",
        5,
        "01 Phó Giám đốc; 02 trưởng phòng; 01 chuyên viên Ban Quản lý Khu kinh tế",
        ("SG",),
        ("Sembcorp",),
        "Tập đoàn Sembcorp; Ủy ban Phát triển Kinh tế Singapore",
        "Khảo sát mô hình khu công nghiệp – đô thị – dịch vụ; trao đổi phương thức thu hút đầu tư hạ tầng",
        4,
        "Tháng 6",
        F.PROVINCE,
    ),
    D(
        "bqlkkt",
        OUT,
        G_DEP,
        "Đoàn Ban Quản lý Khu kinh tế Đông Nam",
        "Đoàn xúc tiến đầu tư",
        "Trưởng ban",
        6,
        "Lãnh đạo Ban; 02 trưởng phòng; 01 phiên dịch; đại diện doanh nghiệp hạ tầng",
        ("CN", "TW"),
        ("Luxshare-ICT",),
        "Tập đoàn Luxshare-ICT; các nhà cung cấp linh kiện trong chuỗi điện tử",
        "Làm việc với nhà đầu tư hiện có về mở rộng dự án; mời nhà cung cấp linh kiện vào khu công nghiệp",
        6,
        "6/{year}",
        F.PROVINCE,
        duration_text="03 ngày/vùng lãnh thổ",
    ),
    D(
        "sonoivu",
        OUT,
        G_DEP,
        "Đoàn Sở Nội vụ",
        "Đoàn công tác",
        "Phó Giám đốc Sở Nội vụ",
        5,
        "01 Phó Giám đốc; Trung tâm Dịch vụ việc làm; 02 chuyên viên",
        ("KR",),
        ("Cơ quan Hợp tác Quốc tế Hàn Quốc",),
        "Bộ Việc làm và Lao động Hàn Quốc; KOICA",
        "Làm việc về chương trình cấp phép việc làm (EPS) và lao động thời vụ của người dân miền Tây",
        5,
        "Quý II",
        F.PROVINCE,
    ),
    D(
        "sogddt",
        OUT,
        G_DEP,
        "Đoàn cán bộ quản lý giáo dục",
        "Đoàn học tập kinh nghiệm",
        "Phó Giám đốc Sở Giáo dục và Đào tạo",
        8,
        "Lãnh đạo Sở; hiệu trưởng 05 trường phổ thông; 01 chuyên viên",
        ("SG",),
        (),
        "Viện Giáo dục Quốc gia Singapore",
        "Tìm hiểu giáo dục STEM và bồi dưỡng giáo viên dạy tiếng Anh",
        6,
        "Tháng 11-12",
        F.PROVINCE,
    ),
    D(
        "dhvinh",
        OUT,
        G_DEP,
        "Đoàn Trường Đại học Vinh",
        "Đoàn công tác",
        "Hiệu trưởng",
        5,
        "Ban Giám hiệu; Phòng Hợp tác quốc tế; 02 trưởng khoa",
        LA,
        ("Đại học Xu-pha-nu-vông",),
        "Trường Đại học Xu-pha-nu-vông (Luông Pha Băng)",
        "Gia hạn thỏa thuận đào tạo; tuyển sinh lưu học sinh Lào hệ đại học và sau đại học",
        4,
        "Quý I, II, III",
        F.SELF_FINANCED,
        "Nguồn tự chủ của Trường",
    ),
    D(
        "dhvinh",
        OUT,
        G_DEP,
        "Đoàn giảng viên Trường Đại học Vinh",
        "Đoàn trao đổi học thuật",
        "Phó Hiệu trưởng",
        6,
        "01 Phó Hiệu trưởng; 05 giảng viên",
        ("RU",),
        ("Ulianốp",),
        "Trường Đại học Sư phạm quốc gia Ulianốp",
        "Trao đổi giảng viên, sinh viên; đồng tổ chức hội thảo khoa học",
        7,
        "Quý IV",
        F.SELF_FINANCED,
        "Nguồn tự chủ của Trường",
    ),
    D(
        "bvhndk",
        OUT,
        G_DEP,
        "Đoàn Bệnh viện Hữu nghị Đa khoa tỉnh",
        "Đoàn chuyên môn",
        "Giám đốc Bệnh viện",
        6,
        "01 Giám đốc; 04 bác sĩ tim mạch; 01 điều dưỡng trưởng",
        ("JP",),
        ("Cơ quan Hợp tác Quốc tế Nhật Bản",),
        "Bệnh viện đối tác tại Nhật Bản; JICA",
        "Đào tạo kỹ thuật can thiệp tim mạch và quản lý chất lượng bệnh viện",
        10,
        "Tháng 10",
        F.PARTNER,
        "JICA tài trợ toàn bộ",
    ),
    D(
        "vqgpumat",
        OUT,
        G_DEP,
        "Đoàn Vườn quốc gia Pù Mát",
        "Đoàn công tác",
        "Giám đốc Vườn",
        5,
        "01 Giám đốc; 02 kiểm lâm; 02 cán bộ khoa học",
        LA,
        (BLKX,),
        "Khu bảo tồn quốc gia Nậm Xắn",
        "Phối hợp tuần tra bảo vệ rừng giáp biên; chia sẻ dữ liệu bẫy ảnh về loài nguy cấp",
        4,
        "Quý I",
        F.CENTRAL,
        "Ngân sách Trung ương (chương trình bảo tồn)",
    ),
    D(
        "ttxt",
        OUT,
        G_DEP,
        "Đoàn Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch",
        "Đoàn xúc tiến thương mại",
        "Giám đốc Trung tâm",
        6,
        "Lãnh đạo Trung tâm; 05 doanh nghiệp chế biến nông sản, thủy sản",
        ("US",),
        ("Phòng Thương mại Hoa Kỳ tại Việt Nam",),
        "Hội chợ thực phẩm tại Hoa Kỳ; Đại sứ quán Việt Nam tại Hoa Kỳ",
        "Giới thiệu nông sản, thủy sản chế biến của tỉnh; tìm nhà nhập khẩu",
        7,
        "Tháng 9",
        F.PROVINCE,
        duration_text="03 ngày/bang",
    ),
    D(
        "sonnmt",
        OUT,
        G_DEP,
        "Đoàn khảo sát nông nghiệp công nghệ cao",
        "Đoàn khảo sát",
        "Phó Giám đốc Sở Nông nghiệp và Môi trường",
        6,
        "Lãnh đạo Sở; 03 doanh nghiệp nông nghiệp; 01 phiên dịch",
        ("NL",),
        (),
        "Đại học Wageningen; các trang trại nhà kính",
        "Tìm hiểu công nghệ nhà kính, tưới tiết kiệm và quản lý tài nguyên nước",
        6,
        "Quý II/Quý III",
        F.PROVINCE,
    ),
    D(
        "lhhn",
        OUT,
        G_DEP,
        "Đoàn Liên hiệp các tổ chức hữu nghị tỉnh",
        "Đoàn hữu nghị",
        "Chủ tịch Liên hiệp",
        6,
        "Lãnh đạo Liên hiệp; đại diện Hội hữu nghị Việt – Lào tỉnh",
        LA,
        (BLKX,),
        "Hội Hữu nghị Lào – Việt Nam tỉnh Bo Ly Khăm Xay",
        "Giao lưu hữu nghị nhân dân; trao học bổng cho học sinh vượt khó hai bên biên giới",
        4,
        "Tháng 7",
        F.PROVINCE,
    ),
    D(
        "lhhn",
        OUT,
        G_DEP,
        "Đoàn Hội hữu nghị Việt Nam – Cu Ba tỉnh",
        "Đoàn hữu nghị",
        "Phó Chủ tịch Liên hiệp",
        5,
        "Lãnh đạo Liên hiệp; hội viên Hội hữu nghị",
        ("CU",),
        (),
        "Viện Cu Ba hữu nghị với các dân tộc",
        "Giao lưu nhân dân nhân dịp kỷ niệm quan hệ ngoại giao; thăm các cơ sở y tế",
        6,
        "Tháng 11-12",
        F.OTHER,
        "Vận động xã hội hóa",
    ),
    D(
        "tinhdoan",
        OUT,
        G_DEP,
        "Đoàn Tỉnh đoàn {province}",
        "Đoàn thanh niên tình nguyện",
        "Bí thư Tỉnh đoàn",
        15,
        "Lãnh đạo Tỉnh đoàn; 10 đoàn viên thanh niên tình nguyện; 02 bác sĩ trẻ",
        LA,
        (XK_,),
        "Đoàn Thanh niên Nhân dân Cách mạng Lào tỉnh Xiêng Khoảng",
        "Giao lưu thanh niên; khám bệnh, cấp thuốc và tặng quà tại các bản biên giới",
        5,
        "Quý III",
        F.PROVINCE,
    ),
    D(
        "hoiphunu",
        OUT,
        G_DEP,
        "Đoàn Hội Liên hiệp Phụ nữ tỉnh",
        "Đoàn công tác",
        "Chủ tịch Hội LHPN tỉnh",
        6,
        "Lãnh đạo Hội; 02 cán bộ chuyên môn; 01 phiên dịch",
        LA,
        (HP,),
        "Hội Liên hiệp Phụ nữ tỉnh Hủa Phăn",
        "Chia sẻ kinh nghiệm phòng chống mua bán người; hỗ trợ sinh kế cho phụ nữ dân tộc thiểu số",
        4,
        "Tháng 10",
        F.PROVINCE,
    ),
    D(
        "ldld",
        OUT,
        G_DEP,
        "Đoàn Liên đoàn Lao động tỉnh",
        "Đoàn công tác",
        "Chủ tịch Liên đoàn Lao động tỉnh",
        6,
        "Lãnh đạo Liên đoàn; 03 chủ tịch công đoàn cơ sở",
        LA,
        ("Viêng Chăn",),
        "Liên hiệp Công đoàn tỉnh Viêng Chăn",
        "Trao đổi kinh nghiệm chăm lo đời sống người lao động tại khu công nghiệp",
        4,
        "Quý II",
        F.PROVINCE,
    ),
    D(
        "mttq",
        OUT,
        G_DEP,
        "Đoàn Ủy ban MTTQ Việt Nam tỉnh",
        "Đoàn thăm và làm việc",
        "Chủ tịch Ủy ban MTTQ tỉnh",
        7,
        "Lãnh đạo Ủy ban MTTQ; lãnh đạo các đoàn thể; 01 phiên dịch",
        LA,
        (XK_,),
        "Ủy ban Mặt trận Lào xây dựng đất nước tỉnh Xiêng Khoảng",
        "Thăm hỏi, tặng quà; trao đổi về công tác vận động đồng bào các dân tộc vùng biên",
        4,
        "Quý I",
        F.PROVINCE,
    ),
    D(
        "congan",
        OUT,
        G_ARM,
        "Đoàn Công an tỉnh",
        "Đoàn công tác",
        "Giám đốc Công an tỉnh",
        8,
        "Ban Giám đốc; lãnh đạo các phòng nghiệp vụ; 01 phiên dịch",
        LA,
        (XK_,),
        "Bộ Chỉ huy An ninh tỉnh Xiêng Khoảng",
        "Hội đàm về phòng chống tội phạm ma túy, mua bán người qua biên giới; ký biên bản hợp tác năm",
        4,
        "Quý I",
        F.SECTOR,
        "Kinh phí nghiệp vụ của ngành Công an",
    ),
    D(
        "congan",
        OUT,
        G_ARM,
        "Đoàn Công an tỉnh",
        "Đoàn công tác",
        "Phó Giám đốc Công an tỉnh",
        7,
        "01 Phó Giám đốc; lãnh đạo các phòng nghiệp vụ; 01 phiên dịch",
        LA,
        (HP,),
        "Bộ Chỉ huy An ninh tỉnh Hủa Phăn",
        "Sơ kết phối hợp giữ an ninh trật tự khu vực biên giới; trao đổi thông tin về đối tượng truy nã",
        4,
        "Quý III",
        F.SECTOR,
        "Kinh phí nghiệp vụ của ngành Công an",
    ),
    D(
        "congan",
        OUT,
        G_ARM,
        "Đoàn Công an tỉnh",
        "Đoàn công tác",
        "Phó Giám đốc Công an tỉnh",
        6,
        "01 Phó Giám đốc; 04 cán bộ nghiệp vụ; 01 phiên dịch",
        LA,
        (BLKX,),
        "Bộ Chỉ huy An ninh tỉnh Bo Ly Khăm Xay",
        "Thống nhất cơ chế trao trả đối tượng vi phạm và xác minh nhân thân công dân qua lại biên giới",
        3,
        "Tháng 6",
        F.SECTOR,
        "Kinh phí nghiệp vụ của ngành Công an",
    ),
    D(
        "congan",
        OUT,
        G_ARM,
        "Đoàn cán bộ Công an tỉnh dự tập huấn",
        "Đoàn tập huấn nghiệp vụ",
        "Trưởng phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao",
        6,
        "06 cán bộ nghiệp vụ",
        ("KR",),
        ("Cơ quan Hợp tác Quốc tế Hàn Quốc",),
        "KOICA; Cơ quan Cảnh sát Quốc gia Hàn Quốc",
        "Tập huấn điều tra tội phạm sử dụng công nghệ cao",
        10,
        "Quý II/Quý III",
        F.PARTNER,
        "KOICA tài trợ",
    ),
    D(
        "bchqs",
        OUT,
        G_ARM,
        "Đoàn Bộ Chỉ huy Quân sự tỉnh",
        "Đoàn công tác",
        "Chỉ huy trưởng",
        7,
        "Chỉ huy trưởng; lãnh đạo các phòng, ban; 01 phiên dịch",
        LA,
        (XK_,),
        "Bộ Chỉ huy Quân sự tỉnh Xiêng Khoảng",
        "Hội đàm hợp tác quốc phòng năm; phối hợp tìm kiếm, quy tập hài cốt liệt sĩ quân tình nguyện và chuyên gia "
        "Việt Nam hy sinh tại Lào",
        5,
        "Quý I",
        F.SECTOR,
        "Kinh phí quốc phòng địa phương",
    ),
    D(
        "bchqs",
        OUT,
        G_ARM,
        "Đội tìm kiếm, quy tập hài cốt liệt sĩ (Đội 192)",
        "Đội chuyên trách",
        "Đội trưởng",
        22,
        "Cán bộ, chiến sĩ Đội quy tập; 02 phiên dịch; 01 y sĩ",
        LA,
        (HP,),
        "Bộ Chỉ huy Quân sự tỉnh Hủa Phăn",
        "Tìm kiếm, cất bốc hài cốt liệt sĩ mùa khô",
        150,
        "Mùa khô (Tháng 11-12)",
        F.CENTRAL,
        "Ngân sách Trung ương (Bộ Quốc phòng)",
        duration_text="Mùa khô, khoảng 150 ngày",
        now=DS.APPROVED,
    ),
    D(
        "bdbp",
        OUT,
        G_ARM,
        "Đoàn Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
        "Đoàn công tác",
        "Chỉ huy trưởng",
        7,
        "Chỉ huy trưởng; lãnh đạo các phòng; chỉ huy đồn biên phòng cửa khẩu; 01 phiên dịch",
        LA,
        (BLKX,),
        "Bộ Chỉ huy Quân sự tỉnh Bo Ly Khăm Xay",
        "Hội đàm song phương về quản lý, bảo vệ đường biên và hệ thống mốc quốc giới",
        3,
        "Quý II",
        F.SECTOR,
        "Kinh phí nghiệp vụ Biên phòng",
    ),
    D(
        "bdbp",
        OUT,
        G_ARM,
        "Đoàn Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
        "Đoàn công tác",
        "Phó Chỉ huy trưởng",
        6,
        "01 Phó Chỉ huy trưởng; chỉ huy 03 đồn biên phòng; 01 phiên dịch",
        LA,
        (HP,),
        "Bộ Chỉ huy Quân sự tỉnh Hủa Phăn",
        "Giao ban định kỳ về tình hình biên giới; thống nhất kế hoạch tuần tra song phương",
        3,
        "6 tháng cuối năm",
        F.SECTOR,
        "Kinh phí nghiệp vụ Biên phòng",
    ),
    D(
        "kyson",
        OUT,
        G_DIS,
        "Đoàn huyện Kỳ Sơn",
        "Đoàn thăm và làm việc",
        "Bí thư Huyện ủy",
        8,
        "Lãnh đạo Huyện ủy, UBND huyện; đồn biên phòng; 01 phiên dịch",
        LA,
        (XK_,),
        "Chính quyền huyện Noọng Hét, tỉnh Xiêng Khoảng",
        "Kết nghĩa các cặp bản đối diện; phối hợp quản lý lao động và hôn nhân qua biên giới",
        3,
        "Quý I",
        F.DISTRICT,
    ),
    D(
        "tuongduong",
        OUT,
        G_DIS,
        "Đoàn huyện Tương Dương",
        "Đoàn thăm và làm việc",
        "Chủ tịch UBND huyện",
        7,
        "Lãnh đạo huyện; các phòng chuyên môn; 01 phiên dịch",
        LA,
        (XK_,),
        "Chính quyền huyện Khăm, tỉnh Xiêng Khoảng",
        "Phối hợp bảo vệ rừng đầu nguồn và kiểm soát dịch bệnh gia súc qua biên giới",
        3,
        "Tháng 3",
        F.DISTRICT,
    ),
    D(
        "quephong",
        OUT,
        G_DIS,
        "Đoàn huyện Quế Phong",
        "Đoàn thăm và làm việc",
        "Bí thư Huyện ủy",
        7,
        "Lãnh đạo huyện; đồn biên phòng; 01 phiên dịch",
        LA,
        (HP,),
        "Chính quyền huyện Mường Quắn, tỉnh Hủa Phăn",
        "Trao đổi về mở đường tuần tra, chợ biên giới và giao lưu văn hóa các dân tộc",
        3,
        "Quý II",
        F.DISTRICT,
    ),
    D(
        "concuong",
        OUT,
        G_DIS,
        "Đoàn huyện Con Cuông",
        "Đoàn thăm và làm việc",
        "Chủ tịch UBND huyện",
        6,
        "Lãnh đạo huyện; Vườn quốc gia Pù Mát; 01 phiên dịch",
        LA,
        (BLKX,),
        "Chính quyền huyện Xay Chăm Phon, tỉnh Bo Ly Khăm Xay",
        "Phối hợp quản lý bảo vệ rừng giáp ranh; hỗ trợ giống cây trồng cho bản đối diện",
        3,
        "Quý III",
        F.DISTRICT,
    ),
    D(
        "anhson",
        OUT,
        G_DIS,
        "Đoàn huyện Anh Sơn",
        "Đoàn thăm và làm việc",
        "Phó Chủ tịch UBND huyện",
        6,
        "Lãnh đạo huyện; các phòng chuyên môn; 01 phiên dịch",
        LA,
        (BLKX,),
        "Chính quyền các bản giáp biên",
        "Giao lưu văn hóa, thể thao; thống nhất phối hợp giữ an ninh trật tự vùng giáp biên",
        3,
        "Tháng 9",
        F.DISTRICT,
    ),
    D(
        "thanhchuong",
        OUT,
        G_DIS,
        "Đoàn huyện Thanh Chương",
        "Đoàn thăm và làm việc",
        "Chủ tịch UBND huyện",
        7,
        "Lãnh đạo huyện; Ban quản lý cửa khẩu Thanh Thủy; 01 phiên dịch",
        LA,
        (BLKX,),
        "Chính quyền huyện Viêng Thong, tỉnh Bo Ly Khăm Xay",
        "Bàn nâng cấp cặp cửa khẩu Thanh Thủy – Nậm On và phát triển chợ cửa khẩu",
        3,
        "Quý IV",
        F.DISTRICT,
    ),
    D(
        "vinh",
        OUT,
        G_DIS,
        "Đoàn thành phố Vinh",
        "Đoàn học tập kinh nghiệm",
        "Chủ tịch UBND thành phố",
        7,
        "Lãnh đạo thành phố; các phòng quản lý đô thị, tài nguyên; 01 phiên dịch",
        ("JP",),
        ("Kochi",),
        "Chính quyền tỉnh Kochi",
        "Tìm hiểu quản lý đô thị thông minh, phân loại và xử lý rác thải sinh hoạt",
        5,
        "Quý II",
        F.DISTRICT,
    ),
    D(
        "myly",
        OUT,
        G_DIS,
        "Đoàn xã Mỹ Lý",
        "Đoàn giao lưu bản kết nghĩa",
        "Chủ tịch UBND xã",
        6,
        "Lãnh đạo Đảng ủy, UBND xã; trưởng 03 bản; cán bộ đồn biên phòng",
        LA,
        (),
        "Các bản kết nghĩa phía bạn",
        "Thăm bản kết nghĩa dịp Tết cổ truyền; trao đổi về giữ gìn an ninh bản biên giới",
        2,
        "Tháng 4",
        F.DISTRICT,
        "Ngân sách huyện hỗ trợ",
    ),
    D(
        "namcan",
        OUT,
        G_DIS,
        "Đoàn xã Nậm Cắn",
        "Đoàn giao lưu bản kết nghĩa",
        "Bí thư Đảng ủy xã",
        6,
        "Lãnh đạo xã; trưởng bản; cán bộ đồn biên phòng cửa khẩu",
        LA,
        (XK_,),
        "Chính quyền cụm bản Nậm Cắn, huyện Noọng Hét",
        "Giao lưu văn nghệ, thể thao; phối hợp quản lý người qua lại cửa khẩu phụ",
        2,
        "Quý II",
        F.DISTRICT,
        "Ngân sách huyện hỗ trợ",
    ),
]

# Inbound delegations (Phụ lục 2).
INBOUND: list[DelegationSpec] = [
    D(
        "tinhuy",
        IN,
        G_A,
        "Đoàn đại biểu cấp cao tỉnh Xiêng Khoảng",
        "Đoàn đối ngoại",
        "Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh Xiêng Khoảng",
        25,
        "Lãnh đạo Tỉnh ủy, chính quyền và các sở, ngành của bạn",
        LA,
        (XK_,),
        "Tỉnh ủy, chính quyền tỉnh Xiêng Khoảng",
        "Hội đàm thường niên luân phiên tổ chức tại {province}; ký biên bản hội đàm",
        4,
        "Quý IV",
        F.PROVINCE,
        "Ngân sách tỉnh (chi đón tiếp)",
    ),
    D(
        "tinhuy",
        IN,
        G_A,
        "Đoàn đại biểu cấp cao tỉnh Hủa Phăn",
        "Đoàn đối ngoại",
        "Bí thư Tỉnh ủy, Tỉnh trưởng tỉnh Hủa Phăn",
        20,
        "Lãnh đạo tỉnh và các sở, ngành của bạn",
        LA,
        (HP,),
        "Tỉnh ủy, chính quyền tỉnh Hủa Phăn",
        "Hội đàm, thăm khu di tích và một số mô hình sản xuất",
        4,
        "Tháng 11-12",
        F.PROVINCE,
        "Ngân sách tỉnh (chi đón tiếp)",
    ),
    D(
        "ubnd",
        IN,
        G_A,
        "Đoàn Tỉnh trưởng tỉnh Bo Ly Khăm Xay",
        "Đoàn thăm và làm việc",
        "Tỉnh trưởng tỉnh Bo Ly Khăm Xay",
        15,
        "Lãnh đạo tỉnh và các sở, ngành của bạn",
        LA,
        (BLKX,),
        "Chính quyền tỉnh Bo Ly Khăm Xay",
        "Hội đàm về hợp tác kinh tế, thương mại qua cửa khẩu Thanh Thủy",
        3,
        "Quý II",
        F.PROVINCE,
        "Ngân sách tỉnh (chi đón tiếp)",
    ),
    D(
        "hdnd",
        IN,
        G_A,
        "Đoàn Hội đồng nhân dân tỉnh Xiêng Khoảng",
        "Đoàn thăm và làm việc",
        "Chủ tịch HĐND tỉnh Xiêng Khoảng",
        12,
        "Lãnh đạo HĐND và các ban của bạn",
        LA,
        (XK_,),
        "Hội đồng nhân dân tỉnh Xiêng Khoảng",
        "Trao đổi kinh nghiệm tổ chức kỳ họp và hoạt động giám sát",
        3,
        "Tháng 8",
        F.PROVINCE,
        "Ngân sách tỉnh (chi đón tiếp)",
    ),
    D(
        "ubnd",
        IN,
        G_B,
        "Đoàn chính quyền tỉnh Gifu",
        "Đoàn thăm và làm việc",
        "Phó Thống đốc tỉnh Gifu",
        10,
        "Lãnh đạo tỉnh Gifu; đại diện doanh nghiệp và nghiệp đoàn tiếp nhận thực tập sinh",
        ("JP",),
        ("Gifu",),
        "Chính quyền tỉnh Gifu",
        "Trao đổi hợp tác phái cử thực tập sinh kỹ năng và giao lưu thanh thiếu niên",
        3,
        "Quý III",
        F.SELF_PAID,
        "Đoàn tự túc; tỉnh chi đón tiếp theo quy định",
    ),
    D(
        "ubnd",
        IN,
        G_B,
        "Đoàn Đại sứ Hàn Quốc tại Việt Nam",
        "Đoàn thăm và làm việc",
        "Đại sứ Hàn Quốc",
        6,
        "Đại sứ; cán bộ Đại sứ quán; đại diện KOICA",
        ("KR",),
        ("Đại sứ quán Hàn Quốc tại Việt Nam",),
        "Đại sứ quán Hàn Quốc tại Việt Nam",
        "Tìm hiểu môi trường đầu tư; thăm các dự án do KOICA tài trợ trên địa bàn",
        2,
        "Tháng 5",
        F.SELF_PAID,
    ),
    D(
        "ubnd",
        IN,
        G_B,
        "Đoàn Đại sứ quán Úc",
        "Đoàn thăm và làm việc",
        "Tham tán Đại sứ quán Úc",
        4,
        "Cán bộ Đại sứ quán phụ trách giáo dục, phát triển",
        ("AU",),
        ("Đại sứ quán Úc tại Việt Nam",),
        "Đại sứ quán Úc tại Việt Nam",
        "Trao đổi hợp tác giáo dục, học bổng Chính phủ Úc cho cán bộ của tỉnh",
        2,
        "Quý I",
        F.SELF_PAID,
    ),
    D(
        "songoaivu",
        IN,
        G_B,
        "Đoàn Đại sứ Lào tại Việt Nam",
        "Đoàn thăm và làm việc",
        "Đại sứ Lào tại Việt Nam",
        6,
        "Đại sứ; cán bộ Đại sứ quán",
        LA,
        ("Đại sứ quán Lào tại Việt Nam",),
        "Đại sứ quán Lào tại Việt Nam",
        "Chúc Tết Nguyên đán; làm việc về học sinh, sinh viên Lào đang học tại tỉnh",
        2,
        "Tháng 1-2",
        F.PROVINCE,
        "Ngân sách tỉnh (chi đón tiếp)",
    ),
    D(
        "ubnd",
        IN,
        G_B,
        "Đoàn chính quyền tỉnh Ulianốp",
        "Đoàn thăm và làm việc",
        "Phó Thống đốc tỉnh Ulianốp",
        8,
        "Lãnh đạo tỉnh; đại diện các trường đại học và doanh nghiệp",
        ("RU",),
        ("Ulianốp",),
        "Chính quyền tỉnh Ulianốp",
        "Thăm Khu di tích Kim Liên; bàn hợp tác giáo dục và du lịch",
        4,
        "Quý II/Quý III",
        F.SELF_PAID,
    ),
    D(
        "hdnd",
        IN,
        G_B,
        "Đoàn Hội đồng tỉnh Gyeonggi",
        "Đoàn thăm và làm việc",
        "Phó Chủ tịch Hội đồng tỉnh",
        8,
        "Đại biểu Hội đồng tỉnh; chuyên viên",
        ("KR",),
        ("Gyeonggi",),
        "Hội đồng tỉnh Gyeonggi",
        "Trao đổi hợp tác giữa hai cơ quan dân cử; thăm lao động đã về nước",
        3,
        "Quý IV",
        F.SELF_PAID,
    ),
    D(
        "ubnd",
        IN,
        G_B,
        "Đoàn Cơ quan Phát triển Pháp (AFD)",
        "Đoàn khảo sát",
        "Giám đốc AFD tại Việt Nam",
        5,
        "Chuyên gia cấp nước, biến đổi khí hậu",
        ("FR",),
        ("Cơ quan Phát triển Pháp",),
        "Cơ quan Phát triển Pháp",
        "Khảo sát dự án cấp nước và thích ứng biến đổi khí hậu vùng ven biển",
        3,
        "Tháng 6",
        F.PARTNER,
        "AFD chi trả",
    ),
    D(
        "ubnd",
        IN,
        G_B,
        "Đoàn Phái đoàn Liên minh châu Âu",
        "Đoàn thăm và làm việc",
        "Đại sứ, Trưởng Phái đoàn EU",
        6,
        "Đại sứ; cán bộ phụ trách hợp tác, thương mại",
        (),
        ("Phái đoàn Liên minh châu Âu tại Việt Nam",),
        "Phái đoàn Liên minh châu Âu tại Việt Nam",
        "Tìm hiểu cơ hội thực thi Hiệp định EVFTA và các chương trình hỗ trợ năng lượng tái tạo",
        2,
        "Quý III",
        F.SELF_PAID,
    ),
    D(
        "songoaivu",
        IN,
        G_B,
        "Đoàn Đại sứ quán Thái Lan",
        "Đoàn thăm và làm việc",
        "Tham tán Công sứ",
        5,
        "Cán bộ Đại sứ quán; đại diện doanh nghiệp Thái Lan",
        ("TH",),
        ("Đại sứ quán Thái Lan tại Việt Nam",),
        "Đại sứ quán Thái Lan tại Việt Nam",
        "Kết nối doanh nghiệp; thúc đẩy vận tải hàng hóa theo Đường 8",
        2,
        "Tháng 10",
        F.SELF_PAID,
    ),
    D(
        "soyte",
        IN,
        G_DEP,
        "Đoàn Sở Y tế tỉnh Xiêng Khoảng",
        "Đoàn học tập kinh nghiệm",
        "Giám đốc Sở Y tế tỉnh bạn",
        8,
        "Lãnh đạo Sở; bác sĩ các bệnh viện tỉnh bạn",
        LA,
        (XK_,),
        "Sở Y tế tỉnh Xiêng Khoảng",
        "Học tập quy trình cấp cứu, kiểm soát nhiễm khuẩn; bàn việc khám chữa bệnh cho người bệnh Lào",
        4,
        "Quý III",
        F.PROVINCE,
        "Ngân sách tỉnh (chi đón tiếp)",
    ),
    D(
        "soyte",
        IN,
        G_DEP,
        "Đoàn Tổ chức Y tế Thế giới",
        "Đoàn giám sát",
        "Trưởng nhóm kỹ thuật",
        4,
        "Chuyên gia WHO; cán bộ Bộ Y tế",
        (),
        ("Tổ chức Y tế Thế giới",),
        "Văn phòng WHO tại Việt Nam",
        "Giám sát tiêm chủng mở rộng và phòng chống sốt rét vùng biên",
        3,
        "Quý I",
        F.PARTNER,
        "WHO chi trả",
    ),
    D(
        "sogddt",
        IN,
        G_DEP,
        "Đoàn Sở Giáo dục và Thể thao tỉnh Hủa Phăn",
        "Đoàn thăm và làm việc",
        "Giám đốc Sở Giáo dục và Thể thao tỉnh bạn",
        7,
        "Lãnh đạo Sở và một số trường của bạn",
        LA,
        (HP,),
        "Sở Giáo dục và Thể thao tỉnh Hủa Phăn",
        "Thăm học sinh Lào đang học tại tỉnh; ký kế hoạch hợp tác năm học",
        3,
        "Tháng 7",
        F.PROVINCE,
        "Ngân sách tỉnh (chi đón tiếp)",
    ),
    D(
        "sodulich",
        IN,
        G_DEP,
        "Đoàn doanh nghiệp lữ hành Thái Lan (famtrip)",
        "Đoàn khảo sát du lịch",
        "Chủ tịch Hiệp hội lữ hành tỉnh Khỏn Kèn",
        12,
        "Đại diện 10 công ty lữ hành; 02 phóng viên",
        ("TH",),
        ("Khỏn Kèn",),
        "Các công ty lữ hành tỉnh Khỏn Kèn và U-đon Tha-ni",
        "Khảo sát tuyến, điểm du lịch để xây dựng tour theo Đường 8",
        4,
        "Quý II/Quý III",
        F.SELF_PAID,
    ),
    D(
        "sodulich",
        IN,
        G_DEP,
        "Đoàn Sở Thông tin, Văn hóa và Du lịch tỉnh Xiêng Khoảng",
        "Đoàn thăm và làm việc",
        "Giám đốc Sở tỉnh bạn",
        8,
        "Lãnh đạo Sở; đại diện doanh nghiệp du lịch của bạn",
        LA,
        (XK_,),
        "Sở Thông tin, Văn hóa và Du lịch tỉnh Xiêng Khoảng",
        "Xây dựng sản phẩm du lịch chung Cánh đồng Chum – miền Tây Nghệ An",
        3,
        "Tháng 10",
        F.PROVINCE,
        "Ngân sách tỉnh (chi đón tiếp)",
    ),
    D(
        "socongthuong",
        IN,
        G_DEP,
        "Đoàn doanh nghiệp Hàn Quốc",
        "Đoàn xúc tiến thương mại",
        "Phó Chủ tịch Phòng Thương mại và Công nghiệp Hàn Quốc",
        15,
        "Đại diện 12 doanh nghiệp",
        ("KR",),
        ("Phòng Thương mại và Công nghiệp Hàn Quốc",),
        "Phòng Thương mại và Công nghiệp Hàn Quốc",
        "Tìm hiểu cơ hội đầu tư, giao thương; gặp doanh nghiệp của tỉnh",
        3,
        "Tháng 5",
        F.SELF_PAID,
    ),
    D(
        "bqlkkt",
        IN,
        G_DEP,
        "Đoàn nhà đầu tư Đài Loan",
        "Đoàn khảo sát đầu tư",
        "Hội trưởng",
        10,
        "Đại diện các doanh nghiệp thành viên",
        ("TW",),
        ("Tổng hội Thương gia Đài Loan tại Việt Nam",),
        "Tổng hội Thương gia Đài Loan tại Việt Nam",
        "Khảo sát Khu kinh tế Đông Nam và các khu công nghiệp",
        2,
        "Quý I, II, III",
        F.SELF_PAID,
    ),
    D(
        "sonnmt",
        IN,
        G_DEP,
        "Đoàn Tổ chức Lương thực và Nông nghiệp Liên hợp quốc (FAO)",
        "Đoàn đánh giá dự án",
        "Trưởng đoàn chuyên gia FAO",
        4,
        "Chuyên gia FAO; cán bộ Bộ Nông nghiệp và Môi trường",
        (),
        ("Tổ chức Lương thực và Nông nghiệp Liên hợp quốc",),
        "FAO tại Việt Nam",
        "Đánh giá dự án hỗ trợ sinh kế lâm nghiệp cộng đồng",
        4,
        "Tháng 3",
        F.PARTNER,
        "FAO chi trả",
    ),
    D(
        "sokhcn",
        IN,
        G_DEP,
        "Đoàn chuyên gia KOICA",
        "Đoàn khảo sát",
        "Trưởng đoàn chuyên gia",
        5,
        "Chuyên gia KOICA; đại diện viện nghiên cứu Hàn Quốc",
        ("KR",),
        ("Cơ quan Hợp tác Quốc tế Hàn Quốc",),
        "KOICA",
        "Khảo sát dự án chuyển giao công nghệ chế biến nông sản sau thu hoạch",
        3,
        "Quý II",
        F.PARTNER,
        "KOICA chi trả",
    ),
    D(
        "lhhn",
        IN,
        G_DEP,
        "Đoàn Tổ chức Tầm nhìn Thế giới",
        "Đoàn giám sát dự án",
        "Giám đốc chương trình",
        5,
        "Cán bộ dự án; chuyên gia đánh giá",
        ("US",),
        ("Tổ chức Tầm nhìn Thế giới",),
        "World Vision Việt Nam",
        "Giám sát dự án phát triển vùng tại các huyện Quế Phong, Kỳ Sơn",
        5,
        "6 tháng đầu năm",
        F.PARTNER,
        "Tổ chức phi chính phủ chi trả",
    ),
    D(
        "lhhn",
        IN,
        G_DEP,
        "Đoàn Tổ chức cầu vồng hài hòa",
        "Đoàn thiện nguyện",
        "Chủ tịch Tổ chức",
        10,
        "Thành viên tổ chức; tình nguyện viên",
        ("KR",),
        ("Tổ chức cầu vồng hài hòa",),
        "Tổ chức cầu vồng hài hòa",
        "Khảo sát, tặng quà và trang thiết bị cho các trường học miền núi",
        4,
        "Tháng 11-12",
        F.PARTNER,
        "Tổ chức phi chính phủ chi trả",
    ),
    D(
        "dhvinh",
        IN,
        G_DEP,
        "Đoàn Đại học Quốc gia Lào",
        "Đoàn trao đổi học thuật",
        "Phó Hiệu trưởng",
        6,
        "Lãnh đạo trường; giảng viên các khoa",
        LA,
        ("Đại học Quốc gia Lào",),
        "Đại học Quốc gia Lào",
        "Trao đổi hợp tác đào tạo sau đại học và nghiên cứu chung",
        3,
        "Quý IV",
        F.SELF_FINANCED,
        "Nguồn tự chủ của Trường",
    ),
    D(
        "tinhdoan",
        IN,
        G_DEP,
        "Đoàn thanh niên tỉnh Xiêng Khoảng",
        "Đoàn giao lưu thanh niên",
        "Bí thư Tỉnh đoàn bạn",
        30,
        "Cán bộ đoàn, thanh niên tiêu biểu",
        LA,
        (XK_,),
        "Đoàn Thanh niên Nhân dân Cách mạng Lào tỉnh Xiêng Khoảng",
        "Trại hè thanh niên Việt – Lào",
        5,
        "Tháng 7",
        F.PROVINCE,
        "Ngân sách tỉnh (chi đón tiếp)",
    ),
    D(
        "sovhtt",
        IN,
        G_DEP,
        "Đoàn vận động viên tỉnh Hủa Phăn",
        "Đoàn thể thao",
        "Trưởng đoàn",
        20,
        "Huấn luyện viên, vận động viên",
        LA,
        (HP,),
        "Sở Giáo dục và Thể thao tỉnh Hủa Phăn",
        "Dự giải thể thao giao hữu các tỉnh có chung đường biên",
        4,
        "Tùy thuộc lịch thi đấu",
        F.SECTOR,
        "Kinh phí sự nghiệp thể thao",
    ),
    D(
        "congan",
        IN,
        G_ARM,
        "Đoàn Bộ Chỉ huy An ninh tỉnh Xiêng Khoảng",
        "Đoàn công tác",
        "Chỉ huy trưởng",
        10,
        "Chỉ huy trưởng; lãnh đạo các phòng nghiệp vụ",
        LA,
        (XK_,),
        "Bộ Chỉ huy An ninh tỉnh Xiêng Khoảng",
        "Hội đàm thường niên về hợp tác bảo đảm an ninh trật tự",
        4,
        "Quý IV",
        F.SECTOR,
        "Kinh phí nghiệp vụ của ngành Công an",
    ),
    D(
        "congan",
        IN,
        G_ARM,
        "Đoàn Bộ Chỉ huy An ninh tỉnh Bo Ly Khăm Xay",
        "Đoàn công tác",
        "Phó Chỉ huy trưởng",
        8,
        "Lãnh đạo và cán bộ nghiệp vụ",
        LA,
        (BLKX,),
        "Bộ Chỉ huy An ninh tỉnh Bo Ly Khăm Xay",
        "Trao đổi kinh nghiệm đấu tranh với tội phạm ma túy trên tuyến biên giới",
        3,
        "Tháng 8",
        F.SECTOR,
        "Kinh phí nghiệp vụ của ngành Công an",
    ),
    D(
        "bchqs",
        IN,
        G_ARM,
        "Đoàn Bộ Chỉ huy Quân sự tỉnh Hủa Phăn",
        "Đoàn công tác",
        "Chỉ huy trưởng",
        10,
        "Chỉ huy và cán bộ các phòng",
        LA,
        (HP,),
        "Bộ Chỉ huy Quân sự tỉnh Hủa Phăn",
        "Hội đàm hợp tác quốc phòng; bàn giao hài cốt liệt sĩ đã quy tập",
        3,
        "Tháng 12",
        F.SECTOR,
        "Kinh phí quốc phòng địa phương",
    ),
    D(
        "bdbp",
        IN,
        G_ARM,
        "Đoàn lực lượng bảo vệ biên giới tỉnh Xiêng Khoảng",
        "Đoàn công tác",
        "Chỉ huy trưởng",
        8,
        "Chỉ huy và cán bộ các đồn biên phòng của bạn",
        LA,
        (XK_,),
        "Bộ Chỉ huy Quân sự tỉnh Xiêng Khoảng",
        "Hội đàm về quản lý biên giới, tuần tra song phương và phòng chống tội phạm",
        3,
        "Quý III",
        F.SECTOR,
        "Kinh phí nghiệp vụ Biên phòng",
    ),
    D(
        "kyson",
        IN,
        G_DIS,
        "Đoàn huyện Noọng Hét",
        "Đoàn thăm và làm việc",
        "Bí thư, Huyện trưởng",
        12,
        "Lãnh đạo huyện và trưởng các bản giáp biên",
        LA,
        (XK_,),
        "Chính quyền huyện Noọng Hét",
        "Chúc Tết cổ truyền; giao lưu văn nghệ, thể thao",
        2,
        "Quý I",
        F.DISTRICT,
        "Ngân sách huyện",
    ),
    D(
        "quephong",
        IN,
        G_DIS,
        "Đoàn huyện Mường Quắn",
        "Đoàn thăm và làm việc",
        "Huyện trưởng",
        10,
        "Lãnh đạo huyện và cán bộ chuyên môn",
        LA,
        (HP,),
        "Chính quyền huyện Mường Quắn",
        "Trao đổi về phát triển chợ biên giới và hỗ trợ học sinh bán trú",
        2,
        "Tháng 9",
        F.DISTRICT,
        "Ngân sách huyện",
    ),
    D(
        "thanhthuy",
        IN,
        G_DIS,
        "Đoàn cụm bản Nậm On",
        "Đoàn giao lưu bản kết nghĩa",
        "Trưởng cụm bản",
        10,
        "Trưởng bản, già làng, thanh niên",
        LA,
        (BLKX,),
        "Chính quyền cụm bản Nậm On",
        "Giao lưu bản kết nghĩa; thống nhất lịch họp chợ cửa khẩu",
        1,
        "Tháng 5",
        F.DISTRICT,
        "Ngân sách huyện hỗ trợ",
    ),
    D(
        "tamhop",
        IN,
        G_DIS,
        "Đoàn các bản giáp biên huyện Khăm",
        "Đoàn giao lưu bản kết nghĩa",
        "Trưởng bản",
        8,
        "Trưởng bản, già làng",
        LA,
        (XK_,),
        "Các bản kết nghĩa phía bạn",
        "Giao lưu nhân dịp Tết Độc lập của Lào; trao đổi về bảo vệ rừng giáp ranh",
        1,
        "Quý II",
        F.DISTRICT,
        "Ngân sách huyện hỗ trợ",
    ),
]

# ----------------------------------------------------------------------------------------- conferences


@dataclass(frozen=True)
class ConferenceSpec:
    unit: str
    title: str
    form: str
    countries: tuple[str, ...]
    partners: tuple[str, ...]
    partner_text: str
    delegates: tuple[int, int, int]  # Vietnamese, foreigners in Vietnam, from abroad
    place: str
    days: int
    time_text: str
    funding: str
    funding_text: str = ""
    high_level: bool = False
    sensitive: bool = False
    now: str = CS.PROPOSED  # status in the current year
    next: str = CS.DRAFT  # status in the next year


C = ConferenceSpec
CONFERENCES: list[ConferenceSpec] = [
    C(
        "ttxt",
        "Hội nghị xúc tiến đầu tư {province} – Hàn Quốc",
        ConferenceForm.HYBRID,
        ("KR",),
        ("Cơ quan Xúc tiến Thương mại và Đầu tư Hàn Quốc", "Phòng Thương mại và Công nghiệp Hàn Quốc"),
        "KOTRA; Phòng Thương mại và Công nghiệp Hàn Quốc; có Thứ trưởng Bộ Thương mại, Công nghiệp và Năng lượng "
        "Hàn Quốc tham dự",
        (250, 40, 30),
        "Thành phố Vinh",
        1,
        "Tháng 6",
        F.PROVINCE,
        high_level=True,
        now=CS.REPORTED,
        next=CS.PROPOSED,
    ),
    C(
        "soyte",
        "Hội thảo hợp tác y tế các tỉnh biên giới Việt Nam – Lào về phòng chống dịch bệnh",
        ConferenceForm.IN_PERSON,
        LA,
        (XK_, HP, BLKX),
        "Sở Y tế các tỉnh Xiêng Khoảng, Hủa Phăn, Bo Ly Khăm Xay",
        (80, 0, 30),
        "Bệnh viện Hữu nghị Đa khoa tỉnh",
        2,
        "Quý II",
        F.PROVINCE,
        now=CS.REPORTED,
        next=CS.PROPOSED,
    ),
    C(
        "vqgpumat",
        "Hội thảo quốc tế về bảo tồn đa dạng sinh học Khu dự trữ sinh quyển miền Tây {province}",
        ConferenceForm.HYBRID,
        (),
        ("Tổ chức Giáo dục, Khoa học và Văn hóa Liên hợp quốc",),
        "UNESCO; các khu dự trữ sinh quyển trong mạng lưới",
        (120, 10, 15),
        "Huyện Con Cuông",
        2,
        "Tháng 9",
        F.PARTNER,
        "UNESCO tài trợ một phần",
        now=CS.HELD,
    ),
    C(
        "dhvinh",
        "Hội thảo khoa học quốc tế về giáo dục STEM và chuyển đổi số trong đào tạo giáo viên",
        ConferenceForm.HYBRID,
        ("LA", "RU", "JP"),
        ("Đại học Quốc gia Lào",),
        "Các trường đại học đối tác tại Lào, Nga, Nhật Bản",
        (200, 10, 20),
        "Trường Đại học Vinh",
        2,
        "Quý IV",
        F.SELF_FINANCED,
        "Nguồn tự chủ của Trường",
        now=CS.PERMITTED,
        next=CS.PROPOSED,
    ),
    C(
        "bdbp",
        "Hội nghị sơ kết phối hợp quản lý, bảo vệ biên giới với các tỉnh Xiêng Khoảng, Hủa Phăn, Bo Ly Khăm Xay",
        ConferenceForm.IN_PERSON,
        LA,
        (XK_, HP, BLKX),
        "Lực lượng bảo vệ biên giới ba tỉnh của bạn",
        (60, 0, 30),
        "Thành phố Vinh",
        1,
        "Quý I",
        F.SECTOR,
        "Kinh phí nghiệp vụ Biên phòng",
        sensitive=True,
        now=CS.REPORTED,
    ),
    C(
        "songoaivu",
        "Hội nghị thường niên Hiệp hội các tỉnh sử dụng Đường 8 và Đường 12",
        ConferenceForm.IN_PERSON,
        ("LA", "TH"),
        ("Hiệp hội các tỉnh sử dụng Đường 8 và Đường 12",),
        "Các tỉnh thành viên của Lào và Thái Lan",
        (100, 0, 60),
        "Thị xã Cửa Lò",
        2,
        "Quý III",
        F.PROVINCE,
        now=CS.POSTPONED,
        next=CS.PROPOSED,
    ),
    C(
        "sodulich",
        "Diễn đàn hợp tác du lịch Việt Nam – Lào – Thái Lan trên hành lang Đường 8",
        ConferenceForm.HYBRID,
        ("LA", "TH"),
        ("Khỏn Kèn", XK_),
        "Cơ quan du lịch các tỉnh đối tác của Lào, Thái Lan",
        (150, 5, 40),
        "Thành phố Vinh",
        1,
        "Tháng 12",
        F.PROVINCE,
        now=CS.PROPOSED,
        next=CS.PROPOSED,
    ),
    C(
        "sonnmt",
        "Hội thảo chia sẻ kinh nghiệm nông nghiệp thích ứng với biến đổi khí hậu",
        ConferenceForm.HYBRID,
        ("FR",),
        ("Cơ quan Phát triển Pháp",),
        "Cơ quan Phát triển Pháp (AFD)",
        (90, 5, 6),
        "Thành phố Vinh",
        1,
        "Tháng 11-12",
        F.PARTNER,
        "AFD tài trợ",
        now=CS.CANCELLED,
    ),
    C(
        "ubnd",
        "Hội nghị gặp gỡ nhà đầu tư Nhật Bản",
        ConferenceForm.IN_PERSON,
        ("JP",),
        ("Tổ chức Xúc tiến Thương mại Nhật Bản", "Đại sứ quán Nhật Bản tại Việt Nam"),
        "JETRO; Đại sứ quán Nhật Bản; có Bộ trưởng phụ trách kinh tế của Nhật Bản tham dự",
        (180, 30, 25),
        "Thành phố Vinh",
        1,
        "Tháng 10",
        F.PROVINCE,
        high_level=True,
        now=CS.HELD,
        next=CS.PROPOSED,
    ),
    C(
        "congan",
        "Hội thảo hợp tác phòng chống tội phạm ma túy xuyên biên giới Việt Nam – Lào",
        ConferenceForm.IN_PERSON,
        LA,
        (XK_, HP),
        "Bộ Chỉ huy An ninh các tỉnh Xiêng Khoảng, Hủa Phăn",
        (70, 0, 25),
        "Công an tỉnh",
        1,
        "Quý III",
        F.SECTOR,
        "Kinh phí nghiệp vụ của ngành Công an",
        sensitive=True,
        now=CS.REPORTED,
    ),
]

# ------------------------------------------------------------------------------------------ agreements


@dataclass(frozen=True)
class AgreementSpec:
    unit: str
    capacity: str
    type: str
    title: str
    country: str
    partner: str
    partner_text: str
    signing_level: str
    approving_authority: str
    time_text: str
    now: str = ""  # status in the current year; "" when the agreement is only proposed for next year
    next: str = ""  # status in the next year; "" when it was settled this year


A = AgreementSpec
CHAIRMAN = "Chủ tịch UBND tỉnh"
AGREEMENTS: list[AgreementSpec] = [
    A(
        "ubnd",
        "UBND tỉnh {province}",
        AgreementType.AGREEMENT,
        "Thỏa thuận hợp tác giữa UBND tỉnh {province} và chính quyền tỉnh Xiêng Khoảng giai đoạn {year}–{year4}",
        "LA",
        XK_,
        "Chính quyền tỉnh Xiêng Khoảng",
        "Chủ tịch UBND tỉnh – Tỉnh trưởng tỉnh Xiêng Khoảng",
        CHAIRMAN,
        "Quý II",
        now=AS.IN_FORCE,
    ),
    A(
        "ubnd",
        "UBND tỉnh {province}",
        AgreementType.MOU,
        "Biên bản ghi nhớ hợp tác với tỉnh Gifu (Nhật Bản)",
        "JP",
        "Gifu",
        "Chính quyền tỉnh Gifu",
        "Phó Chủ tịch UBND tỉnh – Phó Thống đốc tỉnh Gifu",
        CHAIRMAN,
        "Quý III",
        now=AS.CONSULTED,
        next=AS.PROPOSED,
    ),
    A(
        "congan",
        "Công an tỉnh",
        AgreementType.MOU,
        "Biên bản ghi nhớ hợp tác phòng chống tội phạm với Bộ Chỉ huy An ninh tỉnh Xiêng Khoảng",
        "LA",
        XK_,
        "Bộ Chỉ huy An ninh tỉnh Xiêng Khoảng",
        "Giám đốc Công an tỉnh – Chỉ huy trưởng An ninh tỉnh bạn",
        "Bộ trưởng Bộ Công an",
        "Quý I",
        now=AS.SIGNED,
        next=AS.DRAFT,
    ),
    A(
        "sodulich",
        "Sở Du lịch",
        AgreementType.AGREEMENT,
        "Thỏa thuận hợp tác phát triển du lịch với tỉnh Khỏn Kèn",
        "TH",
        "Khỏn Kèn",
        "Sở Du lịch và Thể thao tỉnh Khỏn Kèn",
        "Giám đốc Sở Du lịch",
        CHAIRMAN,
        "Tháng 11-12",
        now=AS.APPROVED,
        next=AS.DRAFT,
    ),
    A(
        "kyson",
        "UBND huyện Kỳ Sơn",
        AgreementType.AGREEMENT,
        "Thỏa thuận hợp tác giữa UBND huyện Kỳ Sơn và chính quyền huyện Noọng Hét",
        "LA",
        XK_,
        "Chính quyền huyện Noọng Hét, tỉnh Xiêng Khoảng",
        "Chủ tịch UBND huyện – Huyện trưởng",
        CHAIRMAN,
        "Quý I",
        now=AS.IN_FORCE,
    ),
    A(
        "soyte",
        "Sở Y tế",
        AgreementType.MINUTES,
        "Biên bản hợp tác về y tế với Sở Y tế tỉnh Hủa Phăn",
        "LA",
        HP,
        "Sở Y tế tỉnh Hủa Phăn",
        "Giám đốc Sở Y tế hai tỉnh",
        CHAIRMAN,
        "Tháng 5",
        now=AS.SIGNED,
    ),
    A(
        "bdbp",
        "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
        AgreementType.MOU,
        "Biên bản ghi nhớ về quản lý biên giới với lực lượng bảo vệ biên giới tỉnh Bo Ly Khăm Xay",
        "LA",
        BLKX,
        "Bộ Chỉ huy Quân sự tỉnh Bo Ly Khăm Xay",
        "Chỉ huy trưởng hai bên",
        "Bộ trưởng Bộ Quốc phòng",
        "Quý IV",
        now=AS.PROPOSED,
        next=AS.PROPOSED,
    ),
    A(
        "ubnd",
        "UBND tỉnh {province}",
        AgreementType.AGREEMENT,
        "Thỏa thuận hợp tác giữa UBND tỉnh {province} và chính quyền tỉnh Hủa Phăn giai đoạn {year}–{year4}",
        "LA",
        HP,
        "Chính quyền tỉnh Hủa Phăn",
        "Chủ tịch UBND tỉnh – Tỉnh trưởng tỉnh Hủa Phăn",
        CHAIRMAN,
        "Quý I, II, III",
        next=AS.PROPOSED,
    ),
    A(
        "vinh",
        "UBND thành phố Vinh",
        AgreementType.MOU,
        "Biên bản ghi nhớ hợp tác về quản lý đô thị giữa thành phố Vinh và tỉnh Kochi",
        "JP",
        "Kochi",
        "Chính quyền tỉnh Kochi",
        "Chủ tịch UBND thành phố",
        CHAIRMAN,
        "Quý IV",
        next=AS.DRAFT,
    ),
]

# -------------------------------------------------------------------------------------------- phrasing

RESULT_REPORTS = [
    "Đoàn hoàn thành chương trình; hai bên ký biên bản làm việc, thống nhất các việc cần làm trong năm tới.",
    "Đoàn đã làm việc đúng nội dung được duyệt; đề xuất giao các sở theo dõi thực hiện những điểm đã thống nhất.",
    "Chuyến công tác đạt mục đích đề ra; phía bạn nhất trí cử đoàn đáp lễ. Kinh phí sử dụng trong dự toán.",
    "Đoàn đã trao quà, làm việc với chính quyền sở tại; ghi nhận một số kiến nghị chuyển các ngành xử lý.",
]
CONFERENCE_REPORTS = [
    "Hội nghị diễn ra đúng chương trình, không phát sinh vấn đề phức tạp; các bên thông qua tuyên bố chung.",
    "Hội thảo thu hút đại biểu đúng thành phần được phép; kỷ yếu và kiến nghị đã gửi các cơ quan liên quan.",
]
POSTPONE_REASONS = [
    "Phía bạn đang kiện toàn nhân sự sau đại hội, đề nghị lùi thời gian.",
    "Trùng lịch kỳ họp HĐND tỉnh; chuyển sang thời điểm phù hợp.",
    "Tập trung khắc phục hậu quả mưa lũ; sẽ bố trí lại thời gian.",
]
CANCEL_REASONS = [
    "Nội dung làm việc đã lồng ghép vào đoàn của lãnh đạo tỉnh.",
    "Điều chỉnh kế hoạch để tiết kiệm chi thường xuyên.",
    "Đối tác không bố trí được lịch làm việc trong năm.",
]
RETURN_COMMENTS = [
    "Đề nghị bổ sung dự toán kinh phí và ghi rõ thành phần đoàn.",
    "Nội dung trùng với đoàn của đơn vị khác cùng đến địa phương này; đề nghị phối hợp, gộp đoàn.",
]
TIME_CHOICES = [
    "Quý I",
    "Quý II",
    "Quý III",
    "Quý IV",
    "Quý II/Quý III",
    "Tháng 3",
    "Tháng 5",
    "Tháng 8-9",
    "Tháng 11-12",
    "6 tháng đầu năm",
    "6 tháng cuối năm",
    "Quý I, II, III",
    "{month}/{year}",
]

# ------------------------------------------------------------------------------------------------ steps


def latest_past(builder: DemoBuilder, margin: int = 20) -> dt.date:
    return builder.today - dt.timedelta(days=margin)


def past_start(builder: DemoBuilder, time_text: str, length: int, margin: int = 20) -> tuple[dt.date, str]:
    """A start date, `length` days before an end no later than today − margin, inside the planned months.

    Returns the date and the planned-time text to keep: the written one when the date fits it, else
    "Tháng M" for the month the activity actually happened in.
    """
    latest_end = latest_past(builder, margin)
    latest_start = latest_end - dt.timedelta(days=max(length - 1, 0))
    months = sorted(parse_planned_time(time_text).months)
    year = builder.year
    fitting = [m for m in months if latest_start.year == year and dt.date(year, m, 1) <= latest_start]
    if fitting:
        month = builder.rng.choice(fitting)
        last_day = calendar.monthrange(year, month)[1]
        if month == latest_start.month:
            last_day = latest_start.day
        return dt.date(year, month, builder.rng.randint(1, last_day)), time_text
    if latest_start.year == year:
        span = (latest_start - dt.date(year, 1, 1)).days
        start = dt.date(year, 1, 1) + dt.timedelta(days=builder.rng.randint(0, span))
    else:  # the year has only just begun: it happened late last year
        start = latest_start - dt.timedelta(days=builder.rng.randint(0, 40))
    return start, (time_text if not months else f"Tháng {start.month}")


def upcoming(builder: DemoBuilder, days: int) -> dt.date:
    """A day `days` ahead, kept inside the current year when the year leaves room."""
    return min(builder.today + dt.timedelta(days=days), max(dt.date(builder.year, 12, 31), builder.today))


def create_delegation(builder: DemoBuilder, spec: DelegationSpec, year: int, time_text: str, size: int) -> Delegation:
    officer = builder.officers[spec.unit]
    duration = spec.duration_text or f"{spec.days:02d} ngày"
    delegation = Delegation(
        year=year,
        direction=spec.direction,
        group=spec.group,
        name=builder.fill(spec.name, year),
        capacity=spec.capacity,
        head=spec.head,
        size=size,
        composition=spec.composition,
        partner_text=spec.partner_text,
        purpose=builder.fill(spec.purpose, year),
        duration_text=duration,
        duration_days=spec.days,
        time_text=builder.fill(time_text, year),
        funding_source=spec.funding,
        funding_text=builder.fill(spec.funding_text, year),
        uses_state_budget=spec.funding in FundingSource.state_budget(),
        proposing_unit=builder.units[spec.unit],
    )
    delegation._history_user = officer  # type: ignore[attr-defined]
    delegation.save()
    countries, partners = builder.lookup(spec.countries, spec.partners)
    delegation.countries.set(countries)
    delegation.partners.set(partners)
    builder.counts["delegations"] += 1
    return delegation


def decision_ref(builder: DemoBuilder, spec: DelegationSpec) -> str:
    return builder.ref("{}-QĐ/TU" if spec.group == G_A and spec.unit == "tinhuy" else "{}/QĐ-UBND")


def delegations_current(builder: DemoBuilder) -> None:
    """This year's plan, under way: done (some reports late), approved, in the plan, postponed, cancelled."""
    specs = [*OUTBOUND, *INBOUND]
    pool = [DS.DONE] * 38 + [DS.APPROVED] * 14 + [DS.IN_PLAN] * 16 + [DS.POSTPONED] * 6 + [DS.CANCELLED] * 6
    builder.rng.shuffle(pool)
    late_left = 4  # outbound delegations back for more than 15 days without a result report
    for i, spec in enumerate(specs):
        status = spec.now or pool[i % len(pool)]
        officer = builder.officers[spec.unit]
        time_text = spec.time_text
        start = end = None
        if status == DS.DONE:
            start, time_text = past_start(builder, builder.fill(time_text, builder.year), spec.days)
            end = start + dt.timedelta(days=spec.days - 1)
        d = create_delegation(builder, spec, builder.year, time_text, spec.size)
        d = builder.step(delegation_services.delegation_submit, delegation=d, by=officer)
        if status == DS.CANCELLED and i % 2:
            builder.step(
                delegation_services.delegation_cancel,
                delegation=d,
                by=builder.leader,
                reason=builder.rng.choice(CANCEL_REASONS),
            )
            continue
        d = builder.step(delegation_services.delegation_include_in_plan, delegation=d, by=builder.coordinator)
        if status == DS.IN_PLAN:
            continue
        if status in (DS.POSTPONED, DS.CANCELLED) and i % 3 == 0:
            service = (
                delegation_services.delegation_postpone
                if status == DS.POSTPONED
                else delegation_services.delegation_cancel
            )
            reasons = POSTPONE_REASONS if status == DS.POSTPONED else CANCEL_REASONS
            builder.step(service, delegation=d, by=builder.leader, reason=builder.rng.choice(reasons))
            continue
        decided = (
            start - dt.timedelta(days=builder.rng.randint(7, 25))
            if start
            else builder.today - dt.timedelta(days=builder.rng.randint(5, 60))
        )
        d = builder.step(
            delegation_services.delegation_approve,
            delegation=d,
            by=builder.leader,
            decision_ref=decision_ref(builder, spec),
            decision_date=decided,
        )
        if status == DS.APPROVED:
            continue
        if status == DS.POSTPONED:
            builder.step(
                delegation_services.delegation_postpone,
                delegation=d,
                by=builder.leader,
                reason=builder.rng.choice(POSTPONE_REASONS),
            )
            continue
        if status == DS.CANCELLED:
            builder.step(
                delegation_services.delegation_cancel,
                delegation=d,
                by=builder.leader,
                reason=builder.rng.choice(CANCEL_REASONS),
            )
            continue
        if start is None or end is None:  # set above for every DONE delegation
            continue
        late = spec.direction == OUT and late_left > 0 and spec.group != G_A
        report_now = not late and builder.rng.random() < 0.5
        d = builder.step(
            delegation_services.delegation_complete,
            delegation=d,
            by=officer,
            actual_start=start,
            actual_end=end,
            result_report=builder.rng.choice(RESULT_REPORTS) if report_now else "",
        )
        if late:
            late_left -= 1
        elif not report_now and (spec.direction == OUT or builder.rng.random() < 0.5):
            builder.step(
                delegation_services.delegation_report_result,
                delegation=d,
                by=officer,
                result_report=builder.rng.choice(RESULT_REPORTS),
            )


def delegations_next(builder: DemoBuilder) -> None:
    """Next year's plan, being consolidated: drafts, proposals, a few already in the plan, two sent back."""
    year = builder.year + 1
    forced = {
        "sodulich": [DS.DRAFT, DS.PROPOSED, DS.DRAFT, DS.PROPOSED, DS.IN_PLAN],
        "congan": [DS.DRAFT, DS.PROPOSED, DS.PROPOSED, DS.DRAFT, DS.IN_PLAN, DS.DRAFT],
    }
    returned_left = len(RETURN_COMMENTS)
    for spec in [*OUTBOUND, *INBOUND]:
        officer = builder.officers[spec.unit]
        if forced.get(spec.unit):
            status = forced[spec.unit].pop(0)
        else:
            status = builder.rng.choices([DS.DRAFT, DS.PROPOSED, DS.IN_PLAN], weights=[3, 4, 3])[0]
        time_text = spec.time_text
        if not spec.now and builder.rng.random() < 0.3 and parse_planned_time(time_text).months:
            time_text = builder.rng.choice(TIME_CHOICES).replace("{month}", str(builder.rng.randint(2, 11)))
        size = spec.size if spec.size > 12 else max(3, spec.size + builder.rng.choice([-1, 0, 0, 1]))
        d = create_delegation(builder, spec, year, time_text, size)
        if status == DS.DRAFT:
            continue
        d = builder.step(delegation_services.delegation_submit, delegation=d, by=officer)
        if status == DS.PROPOSED and returned_left and spec.unit not in forced and builder.rng.random() < 0.2:
            returned_left -= 1
            builder.step(
                delegation_services.delegation_return_to_draft,
                delegation=d,
                by=builder.coordinator,
                comment=RETURN_COMMENTS[returned_left],
            )
            continue
        if status == DS.IN_PLAN:
            builder.step(delegation_services.delegation_include_in_plan, delegation=d, by=builder.coordinator)


def create_conference(
    builder: DemoBuilder, spec: ConferenceSpec, year: int, time_text: str, start: dt.date | None
) -> Conference:
    authority = rules.conference_authority(high_level=spec.high_level, sensitive=spec.sensitive)
    vn, foreign_in_vn, abroad = spec.delegates
    conference = Conference(
        year=year,
        title=builder.fill(spec.title, year),
        form=spec.form,
        partner_text=spec.partner_text,
        delegates_vn=vn,
        delegates_foreign_in_vn=foreign_in_vn,
        delegates_from_abroad=abroad,
        start_date=start,
        days=spec.days,
        place=spec.place,
        time_text=time_text,
        funding_source=spec.funding,
        funding_text=spec.funding_text,
        uses_state_budget=spec.funding in FundingSource.state_budget(),
        has_foreign_high_level=spec.high_level,
        sensitive_topics=spec.sensitive,
        permitting_authority_text=authority.label,
        organising_unit=builder.units[spec.unit],
    )
    conference._history_user = builder.officers[spec.unit]  # type: ignore[attr-defined]
    conference.save()
    countries, partners = builder.lookup(spec.countries, spec.partners)
    conference.countries.set(countries)
    conference.partners.set(partners)
    builder.counts["conferences"] += 1
    return conference


def permit_ref(builder: DemoBuilder, spec: ConferenceSpec) -> str:
    return builder.ref("{}/TTg-QHQT" if spec.high_level or spec.sensitive else "{}/UBND-NV")


def conferences_current(builder: DemoBuilder) -> None:
    """Reported, held (report missing), permitted, one proposal past its apply-by date, postponed, cancelled."""
    for spec in CONFERENCES:
        officer = builder.officers[spec.unit]
        apply_days = rules.conference_authority(high_level=spec.high_level, sensitive=spec.sensitive).apply_days
        time_text, start = spec.time_text, None
        if spec.now in (CS.HELD, CS.REPORTED):
            start, time_text = past_start(builder, spec.time_text, spec.days)
        elif spec.now == CS.PERMITTED:
            start = upcoming(builder, 25)
            time_text = f"Tháng {start.month}"
        elif spec.now == CS.PROPOSED:  # opens in about three weeks: the 30/40-day application is overdue
            start = upcoming(builder, 20)
            time_text = f"Tháng {start.month}"
        c = create_conference(builder, spec, builder.year, time_text, start)
        c = builder.step(conference_services.conference_submit, conference=c, by=officer)
        if spec.now == CS.PROPOSED:
            continue
        if spec.now == CS.CANCELLED:
            builder.step(
                conference_services.conference_cancel,
                conference=c,
                by=builder.leader,
                reason=builder.rng.choice(CANCEL_REASONS),
            )
            continue
        if start is None:  # postponed: permitted some weeks ago, then put off
            applied = builder.today - dt.timedelta(days=apply_days + 30)
            permitted = applied + dt.timedelta(days=12)
        elif start > builder.today:
            applied = builder.today - dt.timedelta(days=builder.rng.randint(25, 35))
            permitted = builder.today - dt.timedelta(days=builder.rng.randint(3, 10))
        else:
            applied = start - dt.timedelta(days=apply_days + builder.rng.randint(3, 12))
            permitted = applied + dt.timedelta(days=builder.rng.randint(7, 20))
        c = builder.step(
            conference_services.conference_permit,
            conference=c,
            by=builder.leader,
            permit_ref=permit_ref(builder, spec),
            permit_date=permitted,
            applied_on=applied,
        )
        if spec.now == CS.POSTPONED:
            builder.step(
                conference_services.conference_postpone,
                conference=c,
                by=builder.leader,
                reason=builder.rng.choice(POSTPONE_REASONS),
            )
            continue
        if spec.now == CS.PERMITTED or start is None:
            continue
        c = builder.step(conference_services.conference_hold, conference=c, by=officer, held_on=start)
        if spec.now == CS.REPORTED:
            builder.step(
                conference_services.conference_report,
                conference=c,
                by=officer,
                report=builder.rng.choice(CONFERENCE_REPORTS),
            )


def conferences_next(builder: DemoBuilder) -> None:
    year = builder.year + 1
    for spec in CONFERENCES:
        c = create_conference(builder, spec, year, spec.time_text, None)
        if spec.next == CS.PROPOSED:
            builder.step(conference_services.conference_submit, conference=c, by=builder.officers[spec.unit])


def create_agreement(builder: DemoBuilder, spec: AgreementSpec, year: int, time_text: str) -> Agreement:
    countries, partners = builder.lookup([spec.country], [spec.partner])
    agreement = Agreement(
        year=year,
        proposing_unit=builder.units[spec.unit],
        capacity=builder.fill(spec.capacity, year),
        type=spec.type,
        title=builder.fill(spec.title, year),
        country=countries[0],
        partner=partners[0],
        partner_text=spec.partner_text,
        signing_level=spec.signing_level,
        approving_authority=spec.approving_authority,
        time_text=time_text,
    )
    agreement._history_user = builder.officers[spec.unit]  # type: ignore[attr-defined]
    agreement.save()
    builder.counts["agreements"] += 1
    return agreement


def agreements_current(builder: DemoBuilder) -> None:
    """Consulted, approved, signed (one report to the Prime Minister late), in force, proposed."""
    late_left = 1
    ags = agreement_services
    for spec in AGREEMENTS:
        if not spec.now:
            continue
        officer = builder.officers[spec.unit]
        time_text, signed = spec.time_text, None
        if spec.now in (AS.SIGNED, AS.IN_FORCE):
            signed, time_text = past_start(builder, spec.time_text, 1, margin=25)
        a = create_agreement(builder, spec, builder.year, time_text)
        a = builder.step(ags.agreement_submit, agreement=a, by=officer)
        if spec.now == AS.PROPOSED:
            continue
        if signed:
            consulted = signed - dt.timedelta(days=builder.rng.randint(45, 70))
            approved = signed - dt.timedelta(days=builder.rng.randint(10, 25))
        elif spec.now == AS.APPROVED:
            consulted = builder.today - dt.timedelta(days=builder.rng.randint(40, 60))
            approved = builder.today - dt.timedelta(days=builder.rng.randint(5, 15))
        else:
            consulted = builder.today - dt.timedelta(days=builder.rng.randint(4, 12))
            approved = builder.today
        a = builder.step(
            ags.agreement_consult,
            agreement=a,
            by=builder.coordinator,
            consulted_on=consulted,
            consulted_bodies="Bộ Ngoại giao; Bộ Công an; Bộ Quốc phòng",
        )
        if spec.now == AS.CONSULTED:
            continue
        a = builder.step(
            ags.agreement_approve,
            agreement=a,
            by=builder.leader,
            approval_ref=builder.ref("{}/QĐ-UBND"),
            approved_on=approved,
        )
        if spec.now == AS.APPROVED or signed is None:
            continue
        valid_until = dt.date(signed.year + 5, signed.month, min(signed.day, 28))
        a = builder.step(ags.agreement_sign, agreement=a, by=officer, signed_on=signed, valid_until=valid_until)
        if spec.now == AS.SIGNED and late_left:
            late_left -= 1  # signed weeks ago; the report to the Prime Minister is still missing
            continue
        a = builder.step(
            ags.agreement_record_report,
            agreement=a,
            by=officer,
            reported_on=signed + dt.timedelta(days=builder.rng.randint(4, 12)),
        )
        if spec.now == AS.IN_FORCE:
            builder.step(ags.agreement_bring_into_force, agreement=a, by=builder.coordinator, effective_on=signed)


def agreements_next(builder: DemoBuilder) -> None:
    year = builder.year + 1
    for spec in AGREEMENTS:
        if not spec.next:
            continue
        a = create_agreement(builder, spec, year, spec.time_text)
        if spec.next == AS.PROPOSED:
            builder.step(agreement_services.agreement_submit, agreement=a, by=builder.officers[spec.unit])


def owner_units() -> set[str]:
    """The units that propose or organise a record of the plan (each gets an officer)."""
    specs: list[DelegationSpec | ConferenceSpec | AgreementSpec] = [*OUTBOUND, *INBOUND, *CONFERENCES, *AGREEMENTS]
    return {s.unit for s in specs}


def build_plan(builder: DemoBuilder) -> None:
    """This year's delegations, conferences and agreements under way, and next year's being planned."""
    delegations_current(builder)
    delegations_next(builder)
    conferences_current(builder)
    conferences_next(builder)
    agreements_current(builder)
    agreements_next(builder)
