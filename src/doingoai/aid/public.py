"""The words of the public investment page in its two languages (`?lang=vi`, the default, or `?lang=en`)."""

from __future__ import annotations

from django.http import HttpRequest

LANGUAGES = ("vi", "en")

TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "html_title": "Cơ hội đầu tư",
        "heading": "Danh mục dự án kêu gọi đầu tư",
        "province_prefix": "Tỉnh",
        "intro": (
            "Các dự án tỉnh đang kêu gọi nhà đầu tư trong và ngoài nước, theo lĩnh vực và địa điểm. "
            "Thông tin chi tiết xin liên hệ cơ quan xúc tiến đầu tư của tỉnh."
        ),
        "switch": "English",
        "by_sector": "Số dự án theo lĩnh vực",
        "by_place": "Theo địa điểm",
        "map": "Bản đồ vị trí dự án",
        "map_note": "Chỉ hiện các dự án có tọa độ.",
        "map_missing": "Chưa có bản đồ ranh giới cho tỉnh này; các dự án vẫn được liệt kê bên dưới.",
        "list": "Danh sách dự án",
        "sector": "Lĩnh vực",
        "place": "Địa điểm",
        "all": "Tất cả",
        "filter": "Lọc",
        "clear": "Xóa bộ lọc",
        "title": "Tên dự án",
        "area": "Diện tích (ha)",
        "scale": "Quy mô",
        "investment": "Tổng vốn đầu tư dự kiến",
        "count": "Số dự án",
        "total": "dự án đang kêu gọi đầu tư",
        "empty": "Hiện chưa có dự án nào được công bố.",
        "empty_filtered": "Không có dự án nào phù hợp bộ lọc.",
        "source": "Nguồn: cơ quan quản lý nhà nước về đối ngoại và đầu tư của tỉnh; số liệu cập nhật ngày",
        "login": "Đăng nhập hệ thống",
    },
    "en": {
        "html_title": "Investment opportunities",
        "heading": "Investment opportunities",
        "province_prefix": "Province of",
        "intro": (
            "Projects for which the province is seeking domestic and foreign investors, by sector and location. "
            "For details, please contact the province's investment promotion agency."
        ),
        "switch": "Tiếng Việt",
        "by_sector": "Projects by sector",
        "by_place": "By location",
        "map": "Project locations",
        "map_note": "Only projects with coordinates are shown.",
        "map_missing": "No boundary map is available for this province; the projects are listed below.",
        "list": "Projects",
        "sector": "Sector",
        "place": "Location",
        "all": "All",
        "filter": "Filter",
        "clear": "Clear filters",
        "title": "Project",
        "area": "Area (ha)",
        "scale": "Scale",
        "investment": "Estimated total investment",
        "count": "Projects",
        "total": "projects open to investors",
        "empty": "No projects have been published yet.",
        "empty_filtered": "No projects match the filters.",
        "source": "Source: the province's foreign affairs and investment authorities; data as of",
        "login": "Staff sign-in",
    },
}


def language(request: HttpRequest) -> str:
    lang = request.GET.get("lang", "vi")
    return lang if lang in LANGUAGES else "vi"
