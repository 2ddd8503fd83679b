"""The templates: the columns of each appendix's workbook, declared once for writing and reading."""

from __future__ import annotations

from doingoai.documents.proposals_xlsx.model import EXAMPLE_PREFIX, Column, Template

_TIME_HELP = (
    "Ghi như trong kế hoạch: “Tháng 6”, “Tháng 11-12”, “Quý II”, “Quý II/Quý III”, “Quý I, II, III”, "
    "“6/{year}”, “6 tháng đầu năm”, “Cả năm”; chưa rõ tháng thì ghi “Chưa xác định” hoặc “Tùy thuộc …”."
)
_YEAR = Column("year", "Năm kế hoạch", "Năm thực hiện, ví dụ {year}.", "year", required=True, width=10)
_NOTE = Column("note", "Ghi chú", "Ghi chú thêm (không bắt buộc).", width=24)
_FUNDING = Column(
    "funding_source",
    "Nguồn kinh phí",
    "Chọn trong danh sách.",
    "choice",
    required=True,
    choices="funding",
    width=24,
    example="Ngân sách tỉnh",
)
_STATE_BUDGET = Column(
    "uses_state_budget",
    "Sử dụng ngân sách nhà nước",
    "“Có” hoặc “Không”; để trống thì xác định theo nguồn kinh phí.",
    "bool",
    width=12,
)


def _delegation_columns(direction: str) -> tuple[Column, ...]:
    out = direction == "out"
    return (
        Column(
            "name",
            "Tên đoàn",
            "Tên đoàn như trong kế hoạch.",
            required=True,
            max_length=500,
            width=32,
            example=f"{EXAMPLE_PREFIX} Đoàn công tác Sở Du lịch" if out else f"{EXAMPLE_PREFIX} Đoàn tỉnh Xiêng Khoảng",
        ),
        Column(
            "capacity",
            "Danh nghĩa đoàn",
            "Ví dụ: Đoàn nghiệp vụ; Đoàn đối ngoại.",
            max_length=255,
            example="Đoàn nghiệp vụ",
        ),
        Column("head", "Trưởng đoàn", "Chức danh trưởng đoàn.", max_length=255, example="Phó Giám đốc Sở"),
        Column("size", "Số người", "Số nguyên, ví dụ 5.", "int", width=9, example=5),
        Column("composition", "Thành phần", "Thành phần đoàn.", width=28, example="Lãnh đạo và chuyên viên Sở"),
        Column(
            "countries",
            "Đến nước" if out else "Đến từ nước",
            "Chọn trong danh sách; nhiều nước thì ngăn cách bằng dấu chấm phẩy, ví dụ “Nhật Bản; Hàn Quốc”.",
            "countries",
            required=True,
            width=18,
            example="Lào",
        ),
        Column(
            "partner_text",
            "Đối tác làm việc" if out else "Cơ quan, tổ chức nước ngoài",
            "Tên đối tác như trong đề xuất; nhiều đối tác ngăn cách bằng dấu chấm phẩy.",
            width=28,
            example="Sở Du lịch tỉnh Xiêng Khoảng",
        ),
        Column(
            "purpose", "Nội dung hoạt động", "Mục đích, nội dung làm việc.", width=32, example="Khảo sát tuyến du lịch"
        ),
        Column("duration_text", "Số ngày", "Ví dụ: 05 ngày; 03 ngày/nước.", max_length=64, width=10, example="05 ngày"),
        Column(
            "time_text",
            "Thời gian thực hiện",
            _TIME_HELP,
            "time",
            required=True,
            max_length=128,
            width=16,
            example="Quý II/Quý III",
        ),
        _FUNDING,
        Column(
            "group",
            "Nhóm",
            "Nhóm đoàn theo phụ lục; chọn trong danh sách.",
            "choice",
            required=True,
            choices="groups",
            width=30,
            example="Sở, ban, ngành, đoàn thể cấp tỉnh",
        ),
        _STATE_BUDGET,
        _YEAR,
        Column(
            "unit",
            "Đơn vị đề xuất",
            "Để trống: đơn vị của người nhập. Cán bộ đơn vị chỉ nhập đề xuất của đơn vị mình.",
            "unit",
            width=26,
        ),
        _NOTE,
    )


TEMPLATES: dict[str, Template] = {
    t.kind: t
    for t in (
        Template("delegations_out", "Đoàn ra", "Phụ lục 1", _delegation_columns("out")),
        Template("delegations_in", "Đoàn vào", "Phụ lục 2", _delegation_columns("in")),
        Template(
            "conferences",
            "Hội nghị, hội thảo",
            "Phụ lục 3",
            (
                Column(
                    "title",
                    "Tên, chủ đề hội nghị, hội thảo",
                    "Tên hoặc chủ đề như trong kế hoạch.",
                    required=True,
                    max_length=500,
                    width=34,
                    example=f"{EXAMPLE_PREFIX} Hội thảo xúc tiến đầu tư vào tỉnh",
                ),
                Column(
                    "form",
                    "Hình thức",
                    "Trực tiếp, trực tuyến hoặc kết hợp; để trống là trực tiếp.",
                    "choice",
                    choices="forms",
                    width=16,
                    example="Trực tiếp",
                ),
                Column(
                    "partner_text",
                    "Cơ quan, tổ chức nước ngoài phối hợp",
                    "Tên như trong đề xuất.",
                    width=28,
                    example="Tổng Lãnh sự quán Nhật Bản",
                ),
                Column(
                    "countries",
                    "Nước",
                    "Nước của đối tác; nhiều nước ngăn cách bằng dấu chấm phẩy.",
                    "countries",
                    width=16,
                    example="Nhật Bản",
                ),
                Column("delegates_vn", "Đại biểu Việt Nam", "Số người.", "int", width=10, example=150),
                Column(
                    "delegates_foreign_in_vn",
                    "Đại biểu nước ngoài ở trong nước",
                    "Số người.",
                    "int",
                    width=12,
                    example=20,
                ),
                Column("delegates_from_abroad", "Đại biểu từ nước ngoài", "Số người.", "int", width=12, example=10),
                Column(
                    "time_text",
                    "Thời gian thực hiện",
                    _TIME_HELP,
                    "time",
                    required=True,
                    max_length=128,
                    width=16,
                    example="Tháng 9",
                ),
                Column("days", "Số ngày", "Số nguyên.", "int", width=8, example=1),
                Column("place", "Địa điểm", "Nơi tổ chức.", max_length=255, example="Thành phố Vinh"),
                _FUNDING,
                Column(
                    "permitting_authority_text",
                    "Cơ quan cho phép",
                    "Thủ tướng Chính phủ (có nguyên thủ, bộ trưởng nước ngoài hoặc nội dung nhạy cảm) hoặc "
                    "Chủ tịch UBND tỉnh (Quyết định 06/2020/QĐ-TTg).",
                    "choice",
                    choices="conference_authorities",
                    max_length=255,
                    width=22,
                    example="Chủ tịch UBND tỉnh",
                ),
                Column(
                    "has_foreign_high_level",
                    "Có nguyên thủ, bộ trưởng nước ngoài",
                    "“Có” hoặc “Không” (để trống là Không).",
                    "bool",
                    width=12,
                    example="Không",
                ),
                Column(
                    "sensitive_topics",
                    "Nội dung nhạy cảm",
                    "Chủ quyền, an ninh, quốc phòng, dân tộc, tôn giáo, nhân quyền, bí mật nhà nước: “Có” hoặc "
                    "“Không” (để trống là Không).",
                    "bool",
                    width=12,
                    example="Không",
                ),
                _YEAR,
                Column(
                    "unit",
                    "Đơn vị tổ chức",
                    "Để trống: đơn vị của người nhập. Cán bộ đơn vị chỉ nhập đề xuất của đơn vị mình.",
                    "unit",
                    width=26,
                ),
                _NOTE,
            ),
        ),
        Template(
            "agreements",
            "Thỏa thuận quốc tế",
            "Phụ lục 4",
            (
                Column(
                    "unit",
                    "Cơ quan, địa phương đề xuất ký",
                    "Để trống: đơn vị của người nhập. Cán bộ đơn vị chỉ nhập đề xuất của đơn vị mình.",
                    "unit",
                    width=26,
                ),
                Column("capacity", "Danh nghĩa ký", "Ví dụ: Đối ngoại.", max_length=255, example="Đối ngoại"),
                Column(
                    "type",
                    "Loại văn bản",
                    "Chọn trong danh sách.",
                    "choice",
                    required=True,
                    choices="agreement_types",
                    width=20,
                    example="Biên bản ghi nhớ",
                ),
                Column(
                    "title",
                    "Tên văn bản",
                    "Tên thỏa thuận dự kiến ký.",
                    required=True,
                    max_length=500,
                    width=36,
                    example=f"{EXAMPLE_PREFIX} Bản ghi nhớ hợp tác về du lịch",
                ),
                Column("country", "Nước ký", "Chọn trong danh sách (một nước).", "country", width=16, example="Lào"),
                Column(
                    "partner_text",
                    "Tên đối tác",
                    "Tên đối tác như trong đề xuất.",
                    required=True,
                    max_length=500,
                    width=28,
                    example="Sở Du lịch tỉnh Hủa Phăn",
                ),
                Column(
                    "time_text",
                    "Thời điểm dự kiến ký",
                    _TIME_HELP,
                    "time",
                    required=True,
                    max_length=128,
                    width=16,
                    example="Quý III",
                ),
                Column(
                    "signing_level",
                    "Dự kiến cấp ký",
                    "Chức danh người ký hai bên.",
                    max_length=500,
                    width=26,
                    example="Giám đốc Sở Du lịch",
                ),
                Column(
                    "approving_authority",
                    "Cấp có thẩm quyền phê duyệt",
                    "Chọn trong danh sách hoặc ghi cụ thể.",
                    "choice",
                    choices="approving_authorities",
                    strict=False,
                    max_length=255,
                    width=22,
                    example="Chủ tịch UBND tỉnh",
                ),
                _YEAR,
                _NOTE,
            ),
        ),
    )
}
KINDS: tuple[str, ...] = tuple(TEMPLATES)


def column_ref(kind: str, key: str) -> tuple[str, str]:
    """(column letter, header) of `key` in the template of `kind`, for messages about a cell."""
    letter, column = TEMPLATES[kind].column(key)
    return letter, column.header
