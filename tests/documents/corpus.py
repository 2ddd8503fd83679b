# ruff: noqa: E501  (the documents are written as they are printed: one paragraph per line)
"""A corpus of Decree 30 administrative documents written for the tests, with what each one states.

Written for the genre, not copied from any real document: programmes, plans, decisions and official letters of
several provinces, in the shapes they reach us (two columns flattened with "|" or tabs, "Số:" and the number on
separate lines, a bare signer title, footnote markers and footnote text, a page break inside a task, numbering
I./II-/Phần II -/1./a)/-/+, reporting duties written in many ways). ``EXPECTED`` holds, for each document, the
facts a reader would note by hand; ``test_accuracy`` measures recall and precision per field against them.

Every expected value is what the text states: a field the text does not state is None, never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Task = tuple[str, str, str, str | None, tuple[str, ...]]  # section, pillar, text start, lead unit, coordinating


@dataclass(frozen=True)
class Fixture:
    name: str
    text: str
    document: dict[str, Any]
    reporting: list[tuple[str, str | None, str | None]] = field(default_factory=list)  # period, due, to
    deadlines: list[str] = field(default_factory=list)  # ISO dates
    tasks: list[Task] = field(default_factory=list)
    partners: list[tuple[str, str | None]] = field(default_factory=list)  # name (compact-compared), country
    anniversaries: list[tuple[str, int]] = field(default_factory=list)  # country, years
    legal_references: list[tuple[str, str | None]] = field(default_factory=list)  # number as written, ISO date


HA_TINH_PLAN = Fixture(
    name="ha_tinh_plan",
    text="""ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH HÀ TĨNH | Độc lập - Tự do - Hạnh phúc
------- | ---------------
Số: 215/KH-UBND | Hà Tĩnh, ngày 12 tháng 01 năm 2024

KẾ HOẠCH
Triển khai công tác đối ngoại năm 2024

Căn cứ Nghị định số 80/2020/NĐ-CP ngày 08/7/2020 của Chính phủ về quản lý và sử dụng viện trợ không hoàn lại;
Căn cứ Quyết định số 12/2018/QĐ-UBND ngày 05/3/2018 và Quyết định số 12/2021/QĐ-UBND ngày 20/4/2021 của UBND tỉnh;
Ngày 06/4/2023, Văn phòng Chính phủ ban hành Thông báo số 150/TB-VPCP về kết luận của Thủ tướng Chính phủ;
UBND tỉnh ban hành Kế hoạch triển khai công tác đối ngoại năm 2024 như sau:

Phần I - MỤC ĐÍCH, YÊU CẦU
1. Triển khai đồng bộ, hiệu quả các hoạt động đối ngoại của tỉnh.
2. Bảo đảm sự lãnh đạo thống nhất của Tỉnh ủy đối với công tác đối ngoại.

Phần II - NHIỆM VỤ CỤ THỂ
1. Công tác đối ngoại Đảng
a) Tăng cường quan hệ với Đảng Nhân dân Cách mạng Lào, trọng tâm là các tỉnh Khăm Muộn, Bôlykhămxay (Lào)¹. Ban Đối ngoại Tỉnh ủy chủ trì, phối hợp với Sở Ngoại vụ, UBND huyện Hương Sơn thực hiện.
b) Tổ chức các hoạt động kỷ niệm 60 năm Ngày thiết lập quan hệ ngoại giao và 45 năm Ngày ký Hiệp ước hữu nghị và hợp tác Việt Nam – Lào.
2. Công tác ngoại giao chính quyền
và hợp tác quốc tế của tỉnh
a) Xúc tiến quan hệ hợp tác với tỉnh Gifu (Nhật Bản) và tỉnh Gyeonggi (Hàn Quốc). Sở Ngoại vụ chủ trì, phối hợp với Sở Kế hoạch và Đầu tư, Sở Công Thương.
b) Làm việc với Đại sứ quán các nước Nhật Bản, Hàn Quốc, Ô-xtrây-li-a tại Việt Nam về các dự án hợp tác của tỉnh trong lĩnh vực giáo dục,

--- Trang 2 ---

y tế và nông nghiệp công nghệ cao.
3. Công tác đối ngoại nhân dân
- Củng cố hoạt động của Liên hiệp các tổ chức hữu nghị tỉnh; tăng cường giao lưu nhân dân vùng biên giới với huyện Mường Khăm, tỉnh Xiêng Khoảng.
- Tổ chức kỷ niệm 50 năm Ngày giải phóng miền Nam, thống nhất đất nước (30/4/1975-30/4/2025).

Phần III - TỔ CHỨC THỰC HIỆN
1. Các sở, ban, ngành, UBND các huyện, thành phố, thị xã báo cáo 6 tháng (trước ngày 15/6) và năm (trước ngày 15/12) gửi UBND tỉnh (qua Sở Ngoại vụ).
2. Sở Ngoại vụ tổng hợp, tham mưu UBND tỉnh báo cáo Bộ Ngoại giao trước ngày 20/12/2024.

¹ Theo Biên bản ghi nhớ ký ngày 10/5/2022 giữa hai tỉnh.

Nơi nhận:
- Bộ Ngoại giao;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Trần Báu Hà
""",
    document={
        "kind": "plan",
        "title": "Kế hoạch triển khai công tác đối ngoại năm 2024",
        "year": 2024,
        "province": "Hà Tĩnh",
        "issuer": "Ủy ban nhân dân tỉnh Hà Tĩnh",
        "number": "215/KH-UBND",
        "signer": "Trần Báu Hà",
    },
    reporting=[
        ("semiannual", "06-15", "UBND tỉnh (qua Sở Ngoại vụ)"),
        ("annual", "12-15", "UBND tỉnh (qua Sở Ngoại vụ)"),
    ],
    deadlines=["2024-12-20"],
    tasks=[
        (
            "II.1.a",
            "party",
            "Tăng cường quan hệ với Đảng Nhân dân",
            "Ban Đối ngoại Tỉnh ủy",
            ("Sở Ngoại vụ", "UBND huyện Hương Sơn"),
        ),
        ("II.1.b", "party", "Tổ chức các hoạt động kỷ niệm 60 năm", None, ()),
        (
            "II.2.a",
            "state",
            "Xúc tiến quan hệ hợp tác với tỉnh Gifu",
            "Sở Ngoại vụ",
            ("Sở Kế hoạch và Đầu tư", "Sở Công Thương"),
        ),
        ("II.2.b", "state", "Làm việc với Đại sứ quán các nước", None, ()),
        ("II.3", "people", "Củng cố hoạt động của Liên hiệp", None, ()),
        ("II.3", "people", "Tổ chức kỷ niệm 50 năm Ngày giải phóng", None, ()),
    ],
    partners=[
        ("Đảng Nhân dân Cách mạng Lào", "LA"),
        ("Khăm Muộn", "LA"),
        ("Bo Ly Khăm Xay", "LA"),
        ("Gifu", "JP"),
        ("Gyeonggi", "KR"),
        ("Đại sứ quán Nhật Bản tại Việt Nam", "JP"),
        ("Đại sứ quán Hàn Quốc tại Việt Nam", "KR"),
        ("Đại sứ quán Ô-xtrây-li-a tại Việt Nam", "AU"),
        ("Mường Khăm", "LA"),
        ("Xiêng Khoảng", "LA"),
    ],
    anniversaries=[("LA", 60), ("LA", 45)],
    legal_references=[
        ("80/2020/NĐ-CP", "2020-07-08"),
        ("12/2018/QĐ-UBND", "2018-03-05"),
        ("12/2021/QĐ-UBND", "2021-04-20"),
        ("150/TB-VPCP", "2023-04-06"),
    ],
)

QUANG_TRI_PROGRAM = Fixture(
    name="quang_tri_program",
    text="""UBND TỈNH QUẢNG TRỊ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
\tĐộc lập - Tự do - Hạnh phúc
Số:
48/CTr-UBND\tQuảng Trị, ngày 20 tháng 02 năm 2023

CHƯƠNG TRÌNH
Hoạt động đối ngoại năm 2023

Thực hiện Chỉ thị số 32-CT/TW ngày 18/02/2019 của Ban Bí thư, Kết luận số 12-KL/TW ngày 12/8/2021 của Bộ Chính trị; căn cứ Chương trình số 48/CTr-UBND ngày 15/3/2022 của UBND tỉnh, UBND tỉnh ban hành Chương trình hoạt động đối ngoại năm 2023 như sau:

I. MỤC TIÊU
Nâng cao hiệu quả công tác đối ngoại của tỉnh năm 2023.

II- NHIỆM VỤ VÀ GIẢI PHÁP
1. Đối ngoại Đảng:
- Duy trì quan hệ với Tỉnh ủy các tỉnh Xa La Van, Savannakhet của Lào.
2. Ngoại giao chính quyền:
- Phối hợp với Lãnh sự quán Lào tại Đà Nẵng tổ chức các hoạt động hữu nghị.
+ Tổ chức đón đoàn của tỉnh Savannakhet sang thăm và làm việc.
- Mở rộng hợp tác với các địa phương của Thái Lan, Hàn Quốc; Sở Công Thương chủ trì, phối hợp với Sở Ngoại vụ, UBND huyện Hướng Hóa, UBND huyện Đakrông.
3. Đối ngoại nhân dân:
- Liên hiệp các tổ chức hữu nghị tỉnh chủ trì tổ chức giao lưu nhân dân tại cửa khẩu Lao Bảo, huyện Hướng Hóa.

III. TỔ CHỨC THỰC HIỆN
1. Các cơ quan, đơn vị báo cáo tình hình thực hiện trước ngày 20 hằng tháng, báo cáo quý trước ngày 15 của tháng cuối quý về Sở Ngoại vụ.
2. Sở Ngoại vụ tổng hợp báo cáo năm gửi UBND tỉnh trước ngày 15 tháng 11.
3. Các đơn vị gửi đăng ký đoàn ra năm 2024 về Sở Ngoại vụ chậm nhất ngày 30/9/2023.

Nơi nhận:
- Như trên;
- Lưu: VT.
CHỦ TỊCH

Võ Văn Hưng
""",
    document={
        "kind": "program",
        "title": "Chương trình hoạt động đối ngoại năm 2023",
        "year": 2023,
        "province": "Quảng Trị",
        "issuer": "Ủy ban nhân dân tỉnh Quảng Trị",
        "number": "48/CTr-UBND",
        "signer": "Võ Văn Hưng",
    },
    reporting=[
        ("monthly", "20", "Sở Ngoại vụ"),
        ("quarterly", "15", "Sở Ngoại vụ"),  # "trước ngày 15 của tháng cuối quý"
        ("annual", "11-15", "UBND tỉnh"),
    ],
    deadlines=["2023-09-30"],
    tasks=[
        ("II.1", "party", "Duy trì quan hệ với Tỉnh ủy", None, ()),
        ("II.2", "state", "Phối hợp với Lãnh sự quán Lào", None, ()),
        (
            "II.2",
            "state",
            "Mở rộng hợp tác với các địa phương",
            "Sở Công Thương",
            ("Sở Ngoại vụ", "UBND huyện Hướng Hóa", "UBND huyện Đakrông"),
        ),
        ("II.3", "people", "Liên hiệp các tổ chức hữu nghị tỉnh chủ trì", "Liên hiệp các tổ chức hữu nghị tỉnh", ()),
    ],
    partners=[
        ("Xa La Van", "LA"),
        ("Xa Vẳn Na Khẹt", "LA"),
        ("Lãnh sự quán Lào tại Đà Nẵng", "LA"),
    ],
    legal_references=[
        ("32-CT/TW", "2019-02-18"),
        ("12-KL/TW", "2021-08-12"),
        ("48/CTr-UBND", "2022-03-15"),
    ],
)

THANH_HOA_DECISION = Fixture(
    name="thanh_hoa_decision",
    text="""**ỦY BAN NHÂN DÂN** **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
**TỈNH THANH HÓA** **Độc lập - Tự do - Hạnh phúc**
Số: 1520/QĐ-UBND Thanh Hóa, ngày 03 tháng 5 năm 2022

QUYẾT ĐỊNH
Ban hành Quy chế quản lý đoàn ra, đoàn vào trên địa bàn tỉnh Thanh Hóa

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA

Căn cứ Luật Tổ chức chính quyền địa phương số 77/2015/QH13 ngày 19/6/2015;
Căn cứ Quyết định số 06/2020/QĐ-TTg ngày 21/02/2020 của Thủ tướng Chính phủ;
Theo đề nghị của Giám đốc Sở Ngoại vụ.

QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý đoàn ra, đoàn vào trên địa bàn tỉnh Thanh Hóa.
Điều 2. Các cơ quan, đơn vị báo cáo định kỳ hằng quý trước ngày 25 của tháng cuối quý và báo cáo năm trước 15/12 về Sở Ngoại vụ.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận:
- Như Điều 3;
- Lưu: VT.
CHỦ TỊCH
Đỗ Minh Tuấn
""",
    document={
        "kind": "regulation",
        "title": "Quyết định ban hành Quy chế quản lý đoàn ra, đoàn vào trên địa bàn tỉnh Thanh Hóa",
        "year": 2022,
        "province": "Thanh Hóa",
        "issuer": "Ủy ban nhân dân tỉnh Thanh Hóa",
        "number": "1520/QĐ-UBND",
        "signer": "Đỗ Minh Tuấn",
    },
    reporting=[
        ("quarterly", "25", "Sở Ngoại vụ"),
        ("annual", "12-15", "Sở Ngoại vụ"),
    ],
    legal_references=[
        ("77/2015/QH13", "2015-06-19"),
        ("06/2020/QĐ-TTg", "2020-02-21"),
    ],
)

NGHE_AN_LETTER = Fixture(
    name="nghe_an_letter",
    text="""UBND TỈNH NGHỆ AN
SỞ NGOẠI VỤ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 512/SNgV-HTQT
V/v báo cáo kết quả công tác đối ngoại 6 tháng đầu năm 2026
Nghệ An, ngày 20 tháng 5 năm 2026

Kính gửi: Các sở, ban, ngành cấp tỉnh.

Ngày 06/4/2026, Văn phòng Chính phủ ban hành Thông báo số 112/TB-VPCP về kết luận của Phó Thủ tướng; thực hiện Công văn số 1349/BNG-CNV ngày 15/3/2026 của Bộ Ngoại giao, Sở Ngoại vụ đề nghị các đơn vị:
1. Báo cáo kết quả công tác đối ngoại 6 tháng đầu năm 2026, gửi về Sở Ngoại vụ trước 15/6/2026.
2. Rà soát các thỏa thuận quốc tế đã ký với các tỉnh Hủa Phăn, Xiêng Khoảng, Bôlykhămxay và gửi kết quả trước ngày 30 tháng 6 năm 2026.

Sở Ngoại vụ đề nghị các đơn vị quan tâm phối hợp thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT, HTQT.
GIÁM ĐỐC

Nguyễn Thị Hồng
""",
    document={
        "kind": "official_letter",
        "title": "báo cáo kết quả công tác đối ngoại 6 tháng đầu năm 2026",  # the subject after "V/v"
        "year": 2026,
        "province": "Nghệ An",
        "issuer": "Sở Ngoại vụ tỉnh Nghệ An",  # a department under its committee: its full name
        "number": "512/SNgV-HTQT",
        "signer": "Nguyễn Thị Hồng",
    },
    deadlines=["2026-06-15", "2026-06-30"],
    reporting=[("semiannual", "06-15", "Sở Ngoại vụ")],
    tasks=[
        ("1", "general", "Báo cáo kết quả công tác đối ngoại 6 tháng", None, ()),
        ("2", "general", "Rà soát các thỏa thuận quốc tế", None, ()),
    ],
    partners=[("Hủa Phăn", "LA"), ("Xiêng Khoảng", "LA"), ("Bo Ly Khăm Xay", "LA")],
    legal_references=[("112/TB-VPCP", "2026-04-06"), ("1349/BNG-CNV", "2026-03-15")],
)

QUANG_BINH_STEERING = Fixture(
    name="quang_binh_steering",
    text="""TỈNH ỦY QUẢNG BÌNH
BAN CHỈ ĐẠO CÔNG TÁC
THÔNG TIN ĐỐI NGOẠI
*
Số: 07-KH/BCĐ
ĐẢNG CỘNG SẢN VIỆT NAM
Quảng Bình, ngày 15 tháng 3 năm 2025

KẾ HOẠCH
Công tác thông tin đối ngoại năm 2025

Căn cứ Quyết định số 1334/QĐ-TTg ngày 10/11/2023 của Thủ tướng Chính phủ; Kế hoạch số 07-KH/BCĐ ngày 20/3/2024 của Ban Chỉ đạo;

A. MỤC ĐÍCH, YÊU CẦU
Tuyên truyền đầy đủ, kịp thời về các sự kiện đối ngoại của tỉnh.

B. NHIỆM VỤ TRỌNG TÂM
I. Thông tin đối ngoại về các sự kiện
1. Tuyên truyền kỷ niệm 50 năm Ngày thiết lập quan hệ ngoại giao Việt Nam - Nhật Bản (21/9/1973-21/9/2023)²; Sở Văn hóa, Thể thao và Du lịch chủ trì.
2. Giới thiệu hình ảnh tỉnh tới các đối tác của Cộng hòa Liên bang Đức và tỉnh Ulianốp (LB Nga).
II. Thông tin đối ngoại trên không gian mạng
1. Xây dựng chuyên trang thông tin đối ngoại tiếng Anh, tiếng Lào trên Cổng thông tin điện tử tỉnh; Sở Thông tin và Truyền thông chủ trì, phối hợp với Sở Ngoại vụ, Báo Quảng Bình.

C. TỔ CHỨC THỰC HIỆN
Các thành viên Ban Chỉ đạo báo cáo kết quả 6 tháng, năm về Ban Chỉ đạo (qua Sở Ngoại vụ) trước ngày 10/6 và 10/12.

² Kỷ niệm được tổ chức năm 2023; nội dung tiếp tục tuyên truyền năm 2025.

Nơi nhận:
- Lưu: VT.
T/M BAN CHỈ ĐẠO
TRƯỞNG BAN
Phan Thị Lan
""",
    document={
        "kind": "plan",
        "title": "Kế hoạch công tác thông tin đối ngoại năm 2025",
        "year": 2025,
        "province": "Quảng Bình",
        "issuer": "Ban Chỉ đạo công tác thông tin đối ngoại tỉnh Quảng Bình",
        "number": "07-KH/BCĐ",
        "signer": "Phan Thị Lan",
    },
    reporting=[
        ("semiannual", "06-10", "Ban Chỉ đạo (qua Sở Ngoại vụ)"),
        ("annual", "12-10", "Ban Chỉ đạo (qua Sở Ngoại vụ)"),
    ],
    tasks=[
        ("B.I.1", "general", "Tuyên truyền kỷ niệm 50 năm", "Sở Văn hóa, Thể thao và Du lịch", ()),
        ("B.I.2", "general", "Giới thiệu hình ảnh tỉnh tới", None, ()),
        (
            "B.II.1",
            "general",
            "Xây dựng chuyên trang thông tin",
            "Sở Thông tin và Truyền thông",
            ("Sở Ngoại vụ", "Báo Quảng Bình"),
        ),
    ],
    partners=[("Ulianốp", "RU")],
    anniversaries=[("JP", 50)],
    legal_references=[("1334/QĐ-TTg", "2023-11-10"), ("07-KH/BCĐ", "2024-03-20")],
)

DIEN_BIEN_PLAN = Fixture(
    name="dien_bien_plan",
    text="""ỦY BAN NHÂN DÂN
TỈNH ĐIỆN BIÊN
Số:
1876/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Điện Biên, ngày 28 tháng 12 năm 2023

KẾ HOẠCH
Hoạt động đối ngoại của tỉnh Điện Biên năm 2024

I- MỤC ĐÍCH, YÊU CẦU
Nâng cao hiệu quả hợp tác với các địa phương nước láng giềng.

II- NỘI DUNG HOẠT ĐỘNG
1- Hợp tác với các tỉnh của Lào
+ Tổ chức gặp gỡ, hội đàm với lãnh đạo các tỉnh Phông Xa Lỳ, Luông Pha Băng, U Đôm Xay (Lào); Sở Ngoại vụ chủ trì, phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh, UBND huyện Mường Nhé.
+ Hỗ trợ đào tạo cán bộ cho tỉnh Phongsaly tại Trường Cao đẳng Sư phạm Điện Biên.
2- Hợp tác với Trung Quốc
+ Tăng cường trao đổi thông tin với tỉnh Vân Nam (Trung Quốc) về quản lý cửa khẩu; hoàn thành trước ngày 31/10/2024.
+ Tổ chức kỷ niệm 75 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Trung Quốc (18/01/1950 – 18/01/2025).
3- Hoạt động khác
+ Tổ chức các hoạt động kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954-07/5/2024) gắn với quảng bá du lịch tới du khách quốc tế.

III- TỔ CHỨC THỰC HIỆN
Định kỳ hằng quý (trước ngày 20 tháng cuối quý), 6 tháng (trước ngày 10/6) và năm (trước ngày 10/11), các sở, ngành, địa phương báo cáo UBND tỉnh (qua Sở Ngoại vụ).

Nơi nhận:
- Bộ Ngoại giao;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lò Văn Tiến
""",
    document={
        "kind": "plan",
        "title": "Kế hoạch hoạt động đối ngoại của tỉnh Điện Biên năm 2024",
        "year": 2024,
        "province": "Điện Biên",
        "issuer": "Ủy ban nhân dân tỉnh Điện Biên",
        "number": "1876/KH-UBND",
        "signer": "Lò Văn Tiến",
    },
    reporting=[
        ("quarterly", "20", "UBND tỉnh (qua Sở Ngoại vụ)"),
        ("semiannual", "06-10", "UBND tỉnh (qua Sở Ngoại vụ)"),
        ("annual", "11-10", "UBND tỉnh (qua Sở Ngoại vụ)"),
    ],
    deadlines=["2024-10-31"],
    tasks=[
        (
            "II.1",
            "general",
            "Tổ chức gặp gỡ, hội đàm với lãnh đạo",
            "Sở Ngoại vụ",
            ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "UBND huyện Mường Nhé"),
        ),
        ("II.1", "general", "Hỗ trợ đào tạo cán bộ cho tỉnh Phongsaly", None, ()),
        ("II.2", "general", "Tăng cường trao đổi thông tin với tỉnh Vân Nam", None, ()),
        ("II.2", "general", "Tổ chức kỷ niệm 75 năm Ngày thiết lập", None, ()),
        ("II.3", "general", "Tổ chức các hoạt động kỷ niệm 70 năm", None, ()),
    ],
    partners=[("Phông Xa Lỳ", "LA"), ("Luông Pha Băng", "LA"), ("U Đôm Xay", "LA"), ("Vân Nam", "CN")],
    anniversaries=[("CN", 75)],
)

LANG_SON_LETTER = Fixture(
    name="lang_son_letter",
    text="""ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc
Số: 905/UBND-NV
V/v triển khai hợp tác với Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc) năm 2025
Lạng Sơn, ngày 02 tháng 6 năm 2025

Kính gửi:
- Sở Ngoại vụ;
- UBND các huyện Cao Lộc, Văn Lãng, Tràng Định.

Thực hiện Công văn số 2145/BNG-LPQT ngày 20/5/2025 của Bộ Ngoại giao và Biên bản Hội đàm năm 2025 giữa tỉnh Lạng Sơn với Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc), Chủ tịch UBND tỉnh có ý kiến như sau:
1. Sở Ngoại vụ chủ trì, phối hợp với Công an tỉnh, Sở Công Thương và UBND huyện Cao Lộc xây dựng kế hoạch triển khai các nội dung đã thống nhất với thành phố Bằng Tường, thành phố Sùng Tả (Trung Quốc).
2. UBND các huyện biên giới báo cáo kết quả về Sở Ngoại vụ trước ngày 05 hằng tháng; Sở Ngoại vụ tổng hợp, báo cáo UBND tỉnh trước ngày 15 tháng 7 năm 2025.

Yêu cầu các đơn vị triển khai thực hiện./.

Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đoàn Thanh Sơn
""",
    document={
        "kind": "official_letter",
        "title": "triển khai hợp tác với Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc) năm 2025",
        "year": 2025,
        "province": "Lạng Sơn",
        "issuer": "Ủy ban nhân dân tỉnh Lạng Sơn",
        "number": "905/UBND-NV",
        "signer": "Đoàn Thanh Sơn",
    },
    reporting=[("monthly", "05", "Sở Ngoại vụ")],
    deadlines=["2025-07-15"],
    tasks=[
        (
            "1",
            "general",
            "Sở Ngoại vụ chủ trì, phối hợp với Công an",
            "Sở Ngoại vụ",
            ("Công an tỉnh", "Sở Công Thương", "UBND huyện Cao Lộc"),
        ),
        ("2", "general", "UBND các huyện biên giới báo cáo", None, ()),
    ],
    partners=[("Quảng Tây", "CN"), ("Bằng Tường", "CN"), ("Sùng Tả", "CN")],
    legal_references=[("2145/BNG-LPQT", "2025-05-20")],
)

# Written after the fit of issue 15's first round, and measured before any change (README: documents section).
QUANG_NGAI_OCR = Fixture(
    name="quang_ngai_ocr",
    text="""ỦY BAN NHÂN DÂN           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH QUẢNG NGÃI              Độc lập - Tự do - Hạnh phúc
    ~~~~~~                  ———————————
Số: 92 /KH-UBND         Quảng Ngãi, ngày 17 tháng 02 năm 2023 '

                 KẾ HOẠCH
Thực hiện công tác đối ngoại năm 2023 ‘

Căn cứ Nghị định số 64/2021/NĐ-CP ngày 30/6/2021 của Chính phủ về ký kết và thực hiện thỏa thuận quốc tế nhân danh chính quyền địa phương;
Căn cứ Quyết định số 06/2020/QĐ-TTg ngày 21/02/2020 của Thủ tướng Chính phủ;  .
UBND tỉnh ban hành Kế hoạch thực hiện công tác đối ngoại năm 2023 như sau:

I. MỤC ĐÍCH, YÊU CẦU
Nâng cao hiệu quả công tác đối ngoại, phục vụ phát triển kinh tế - xã hội của tỉnh.
II. NHIỆM VỤ
1. Đối ngoại Đảng
■ Tăng cường quan hệ hữu nghị với tỉnh Chăm Pa Xắc (Lào); Ban Đối ngoại Tỉnh ủy chủ trì.
2. Đối ngoại chính quyền
| ■ Tổ chức các hoạt động kỷ niệm 50 năm Ngày thiết lập quan hệ ngoại giao Việt Nam - Nhật Bản; Sở Ngoại vụ chủ trì, phối hợp với Sở Văn hóa, Thể thao và Du lịch, Sở Công Thương.
■ Mở rộng hợp tác với tỉnh Xiêm Riệp (Campuchia) và làm việc với Đại sứ quán Campuchia tại Việt Nam về các dự án giáo dục….
                                                                   2
3. Đối ngoại nhân dân
■ Tổ chức kỷ niệm 48 năm Ngày giải phóng tỉnh Quảng Ngãi và các hoạt động giao lưu nhân dân.
III. TỔ CHỨC THỰC HIỆN
Các sở, ban, ngành, địa phương báo cáo định kỳ 6 tháng (trước ngày 10/6) và hằng năm (trước ngày 05/12) gửi Sở Ngoại vụ; Sở Ngoại vụ tổng hợp, báo cáo UBND tỉnh trước ngày 20/12/2023.

Nơi nhận:                                           KT. CHỦ TỊCH
- Bộ Ngoại giao;                                  PHÓ CHỦ TỊCH
- Lưu: VT.
                                                         (Đã ký)
                                                    Trần Phước Hiền
""",
    document={
        "kind": "plan",
        "title": "Kế hoạch thực hiện công tác đối ngoại năm 2023",
        "year": 2023,
        "province": "Quảng Ngãi",
        "issuer": "Ủy ban nhân dân tỉnh Quảng Ngãi",
        "number": "92/KH-UBND",
        "signer": "Trần Phước Hiền",
    },
    reporting=[("semiannual", "06-10", "Sở Ngoại vụ"), ("annual", "12-05", "Sở Ngoại vụ")],
    deadlines=["2023-12-20"],
    tasks=[
        ("II.1", "party", "Tăng cường quan hệ hữu nghị", "Ban Đối ngoại Tỉnh ủy", ()),
        (
            "II.2",
            "state",
            "Tổ chức các hoạt động kỷ niệm 50 năm",
            "Sở Ngoại vụ",
            ("Sở Văn hóa, Thể thao và Du lịch", "Sở Công Thương"),
        ),
        ("II.2", "state", "Mở rộng hợp tác với tỉnh Xiêm Riệp", None, ()),
        ("II.3", "people", "Tổ chức kỷ niệm 48 năm Ngày giải phóng", None, ()),
    ],
    partners=[("Chăm Pa Xắc", "LA"), ("Xiêm Riệp", "KH"), ("Đại sứ quán Campuchia tại Việt Nam", "KH")],
    anniversaries=[("JP", 50)],
    legal_references=[("64/2021/NĐ-CP", "2021-06-30"), ("06/2020/QĐ-TTg", "2020-02-21")],
)

CAO_BANG_MARKDOWN = Fixture(
    name="cao_bang_markdown",
    text="""| UBND TỈNH CAO BẰNG<br>**SỞ NGOẠI VỤ** | **CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**<br>**Độc lập - Tự do - Hạnh phúc** |
|---|---|
| Số: 318/KH-SNgV | *Cao Bằng, ngày 08 tháng 4 năm 2024* |

# KẾ HOẠCH
## Tổ chức các hoạt động giao lưu hữu nghị biên giới năm 2024

Thực hiện Kế hoạch số 77/KH-UBND ngày 15/01/2024 của UBND tỉnh Cao Bằng về công tác đối ngoại năm 2024; ngày 20/02/2024, Bộ Ngoại giao có Công văn số 612/BNG-ĐBBG về công tác biên giới, Sở Ngoại vụ xây dựng Kế hoạch như sau:

**I. MỤC ĐÍCH, YÊU CẦU**

Góp phần xây dựng đường biên giới hòa bình, hữu nghị, hợp tác và phát triển.

**II. NỘI DUNG**

**1. Hoạt động đối ngoại chính quyền**

**a)** Phối hợp tổ chức Hội nghị hội đàm giữa lãnh đạo tỉnh Cao Bằng với lãnh đạo Khu tự trị dân tộc Choang Quảng Tây (Trung Quốc); Sở Ngoại vụ chủ trì, phối hợp với Bộ Chỉ huy Bộ đội Biên phòng tỉnh, Công an tỉnh.

**b)** Tổ chức đoàn công tác của tỉnh thăm, làm việc tại thành phố Bách Sắc và thành phố Sùng Tả, Quảng Tây, Trung Quốc.

**2. Hoạt động đối ngoại nhân dân**

Tổ chức giao lưu hữu nghị nhân dân hai bên biên giới nhân kỷ niệm 75 năm Ngày thiết lập quan hệ ngoại giao Việt Nam – Trung Quốc (18/01/1950 - 18/01/2025).

**III. TỔ CHỨC THỰC HIỆN**

1. Các phòng chuyên môn báo cáo kết quả thực hiện hằng quý trước ngày 20 tháng cuối quý, báo cáo năm trước ngày 30 tháng 11 về Văn phòng Sở.
2. Giao Phòng Hợp tác quốc tế theo dõi, đôn đốc việc thực hiện Kế hoạch này.

**Nơi nhận:**
- UBND tỉnh;
- Lưu: VT.

**KT. GIÁM ĐỐC**
**PHÓ GIÁM ĐỐC**
*(Đã ký)*
**Nông Văn Bình**
""",
    document={
        "kind": "plan",
        "title": "Kế hoạch tổ chức các hoạt động giao lưu hữu nghị biên giới năm 2024",
        "year": 2024,
        "province": "Cao Bằng",
        "issuer": "Sở Ngoại vụ tỉnh Cao Bằng",
        "number": "318/KH-SNgV",
        "signer": "Nông Văn Bình",
    },
    reporting=[("quarterly", "20", "Văn phòng Sở"), ("annual", "11-30", "Văn phòng Sở")],
    tasks=[
        (
            "II.1.a",
            "state",
            "Phối hợp tổ chức Hội nghị hội đàm",
            "Sở Ngoại vụ",
            ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Công an tỉnh"),
        ),
        ("II.1.b", "state", "Tổ chức đoàn công tác của tỉnh", None, ()),
        ("II.2", "people", "Tổ chức giao lưu hữu nghị nhân dân", None, ()),
    ],
    partners=[("Quảng Tây", "CN"), ("Bách Sắc", "CN"), ("Sùng Tả", "CN")],
    anniversaries=[("CN", 75)],
    legal_references=[("77/KH-UBND", "2024-01-15"), ("612/BNG-ĐBBG", "2024-02-20")],
)

KON_TUM_WRAPPED = Fixture(
    name="kon_tum_wrapped",
    text="""ỦY BAN NHÂN DÂN
TỈNH KON TUM
Số:
 1105/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Kon Tum, ngày 28 tháng 12 năm 2023

QUYẾT ĐỊNH
Ban hành Quy định quản lý hoạt động đối ngoại
trên địa bàn tỉnh Kon Tum

ỦY BAN NHÂN DÂN TỈNH KON TUM

Căn cứ Nghị định số 80/2020/NĐ-CP ngày 08 tháng 7 năm 2020 của Chính phủ về quản lý và sử dụng
viện trợ không thuộc hỗ trợ phát triển chính thức; Căn cứ Quyết định số 06/2020/QĐ-TTg ngày
21/02/2020 của Thủ tướng Chính phủ về tổ chức và quản lý hội nghị, hội thảo quốc tế tại Việt Nam;
Theo đề nghị của Giám đốc Sở Ngoại vụ.

QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Quy định quản lý hoạt động đối ngoại trên địa bàn
tỉnh Kon Tum.
Điều 2. Sở Ngoại vụ chủ trì, phối hợp với Công an tỉnh, Sở Tài chính hướng dẫn, kiểm tra việc
thực hiện Quy định trong quan hệ hợp tác với các tỉnh Át-tạ-pư, Xê Kông (Lào) và tỉnh
Ratanakiri (Campuchia); tổng hợp, báo cáo UBND tỉnh tình hình thực hiện định kỳ quý, 6 tháng và
năm trước ngày 20 của tháng cuối kỳ báo cáo.
Điều 3. Quyết định này có hiệu lực kể từ ngày 01/01/2024 và thay thế Quyết định số 25/2019/QĐ-
UBND ngày 15/8/2019 của UBND tỉnh Kon Tum.
Điều 4. Chánh Văn phòng UBND tỉnh, Giám đốc các sở, ban, ngành và Chủ tịch UBND các huyện,
thành phố chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 4;
- Bộ Ngoại giao (b/c);
- Lưu: VT, NC.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Y Ngọc
""",
    document={
        "kind": "regulation",
        "title": "Quyết định ban hành Quy định quản lý hoạt động đối ngoại trên địa bàn tỉnh Kon Tum",
        "year": 2023,
        "province": "Kon Tum",
        "issuer": "Ủy ban nhân dân tỉnh Kon Tum",
        "number": "1105/QĐ-UBND",
        "signer": "Y Ngọc",
    },
    reporting=[
        ("quarterly", "20", "UBND tỉnh"),
        ("semiannual", "06-20", "UBND tỉnh"),
        ("annual", "12-20", "UBND tỉnh"),
    ],
    partners=[("Át Tạ Pư", "LA"), ("Xê Kông", "LA"), ("Ratanakiri", "KH")],
    legal_references=[
        ("80/2020/NĐ-CP", "2020-07-08"),
        ("06/2020/QĐ-TTg", "2020-02-21"),
        ("25/2019/QĐ-UBND", "2019-08-15"),
    ],
)

CORPUS: tuple[Fixture, ...] = (
    HA_TINH_PLAN,
    QUANG_TRI_PROGRAM,
    THANH_HOA_DECISION,
    NGHE_AN_LETTER,
    QUANG_BINH_STEERING,
    DIEN_BIEN_PLAN,
    LANG_SON_LETTER,
    QUANG_NGAI_OCR,
    CAO_BANG_MARKDOWN,
    KON_TUM_WRAPPED,
)
