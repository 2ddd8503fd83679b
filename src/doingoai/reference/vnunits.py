"""Vietnamese administrative units: is a name a Vietnamese province, district or commune? (no Django)

The document extractor asks this before taking a locality for a foreign partner: "huyện Kỳ Sơn" beside
"tỉnh Xiêng Khoảng (Lào)" is the province's own border district, not a Lao one. The provinces and communes
of today (after the 2025 reform) come from the `vietnam-provinces` package; the former districts, which the
documents of past years still name and which the package no longer lists, from ``FORMER_DISTRICTS`` below (the
border districts of the provinces that face Laos, Cambodia and China, where the confusion arises), and the
former provinces from ``FORMER_PROVINCES``.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import unicodedata
from pathlib import Path

# Former (before 1 July 2025) districts of the border provinces, as the documents name them.
FORMER_DISTRICTS: frozenset[str] = frozenset(
    {
        # Nghệ An
        "Kỳ Sơn", "Tương Dương", "Quế Phong", "Con Cuông", "Anh Sơn", "Thanh Chương", "Quỳ Châu", "Quỳ Hợp",
        "Nghĩa Đàn", "Tân Kỳ", "Đô Lương", "Nam Đàn", "Hưng Nguyên", "Nghi Lộc", "Diễn Châu", "Yên Thành",
        "Quỳnh Lưu", "Thái Hòa", "Hoàng Mai", "Cửa Lò",
        # Thanh Hóa
        "Mường Lát", "Quan Sơn", "Quan Hóa", "Bá Thước", "Lang Chánh", "Thường Xuân", "Như Xuân",
        # Hà Tĩnh
        "Hương Sơn", "Vũ Quang", "Hương Khê", "Đức Thọ", "Kỳ Anh",
        # Quảng Bình, Quảng Trị
        "Minh Hóa", "Tuyên Hóa", "Bố Trạch", "Lệ Thủy", "Hướng Hóa", "Đakrông", "Đa Krông", "Gio Linh", "Vĩnh Linh",
        # Thừa Thiên Huế, Quảng Nam, Kon Tum
        "A Lưới", "Nam Giang", "Tây Giang", "Đông Giang", "Phước Sơn", "Đắk Glei", "Ngọc Hồi", "Sa Thầy",
        # Điện Biên, Sơn La, Lai Châu
        "Mường Nhé", "Nậm Pồ", "Mường Chà", "Điện Biên Đông", "Sốp Cộp", "Sông Mã", "Mộc Châu", "Vân Hồ",
        "Yên Châu", "Mai Sơn", "Phong Thổ", "Sìn Hồ", "Mường Tè",
        # Northern border with China
        "Bát Xát", "Mường Khương", "Si Ma Cai", "Xín Mần", "Hoàng Su Phì", "Đồng Văn", "Mèo Vạc", "Yên Minh",
        "Bảo Lạc", "Bảo Lâm", "Hà Quảng", "Trùng Khánh", "Hạ Lang", "Thạch An", "Tràng Định", "Văn Lãng",
        "Cao Lộc", "Lộc Bình", "Đình Lập", "Bình Liêu", "Hải Hà", "Móng Cái",
        # Mekong and Central Highlands border with Cambodia
        "Ia H'Drai", "Đức Cơ", "Chư Prông", "Ea Súp", "Buôn Đôn", "Đắk Mil", "Đắk Song", "Tuy Đức", "Bù Gia Mập",
        "Lộc Ninh", "Hớn Quản", "Tân Biên", "Tân Châu", "Châu Thành", "Bến Cầu", "Đức Huệ", "Mộc Hóa",
        "Vĩnh Hưng", "Tân Hưng", "Hồng Ngự", "Tân Hồng", "An Phú", "Tịnh Biên", "Tri Tôn",
        "Giang Thành", "Hà Tiên", "Phú Quốc",
    }
)  # fmt: skip
# Provinces merged away in 2025, named by the documents of earlier years.
FORMER_PROVINCES: frozenset[str] = frozenset(
    {
        "Hà Giang", "Bắc Kạn", "Yên Bái", "Hòa Bình", "Vĩnh Phúc", "Bắc Giang", "Thái Bình", "Hà Nam",
        "Nam Định", "Quảng Bình", "Quảng Nam", "Kon Tum", "Bình Định", "Phú Yên", "Ninh Thuận", "Đắk Nông",
        "Bình Phước", "Bình Dương", "Bình Thuận", "Bà Rịa - Vũng Tàu", "Long An", "Tiền Giang", "Bến Tre",
        "Trà Vinh", "Sóc Trăng", "Hậu Giang", "Bạc Liêu", "Kiên Giang",
    }
)  # fmt: skip

_UNIT_WORDS = re.compile(
    r"^(?:(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân|chính quyền)\s+)?"
    r"(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|thị trấn|xã|phường|đặc khu)\s+",
    re.IGNORECASE,
)


def _key(name: str) -> str:
    text = unicodedata.normalize("NFC", name).replace("uỷ", "ủy").replace("Uỷ", "Ủy")
    text = re.sub(r"\s+", " ", text).strip(" .,;:()")
    while (stripped := _UNIT_WORDS.sub("", text)) != text:
        text = stripped
    # "Hòa"/"Hoà": both spellings of the tone mark are in use.
    text = text.replace("oà", "òa").replace("oá", "óa").replace("oả", "ỏa").replace("oã", "õa").replace("oạ", "ọa")
    return text.casefold()


@functools.cache
def _names() -> frozenset[str]:
    # The package's own data file, read without importing the package: its code enums take 0.2 s to import,
    # which `doingoai extract` (start-up budget of well under a second) does not need.
    spec = importlib.util.find_spec("vietnam_provinces")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("vietnam-provinces is not installed")
    data = Path(next(iter(spec.submodule_search_locations))) / "data" / "flat-divisions.json"
    wards = json.loads(data.read_text(encoding="utf-8"))
    names = {_key(ward["name"]) for ward in wards} | {_key(ward["province_name"]) for ward in wards}
    names |= {_key(name) for name in FORMER_DISTRICTS | FORMER_PROVINCES}
    names.discard("")
    return frozenset(names)


def is_vietnamese_place(name: str) -> bool:
    """Whether ``name`` ("Kỳ Sơn", "huyện Quế Phong", "xã Mường Xén", "tỉnh Nghệ An") is a Vietnamese
    province, district or commune, of today or before the 2025 reform."""
    key = _key(name)
    return bool(key) and key in _names()
