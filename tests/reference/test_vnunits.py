"""Vietnam's administrative units: today's from the package, the former ones from the shipped file."""

from __future__ import annotations

import pytest

from doingoai.reference import refdata, vnunits
from doingoai.reference.vnunits import is_vietnamese_place


def test_today_34_provinces_and_their_communes():
    units = vnunits.current_units()
    assert sum(u.kind == "province" for u in units) == 34
    assert 3000 < sum(u.kind in ("commune", "ward", "special_zone") for u in units) < 3500


def test_former_63_provinces_each_mapped_to_todays_province():
    former = vnunits.former_units()
    provinces = [u for u in former if u.kind == "former_province"]
    assert len(provinces) == 63
    today = {u.name for u in vnunits.current_units() if u.kind == "province"}
    assert {u.province_name for u in former} == today
    by_name = {u.name: u.province_name for u in provinces}
    # The 2025 mergers: Hà Giang into Tuyên Quang, Quảng Bình into Quảng Trị, Kon Tum into Quảng Ngãi.
    assert by_name["Tỉnh Hà Giang"] == "Tuyên Quang"
    assert by_name["Tỉnh Quảng Bình"] == "Quảng Trị"
    assert by_name["Tỉnh Kon Tum"] == "Quảng Ngãi"
    assert by_name["Tỉnh Nghệ An"] == "Nghệ An"


@pytest.mark.parametrize(
    "name",
    [
        "Nghệ An",
        "tỉnh Nghệ An",
        "TINH NGHE AN",
        "Kỳ Sơn",
        "huyện Kỳ Sơn",
        "H. Tương Dương",
        "TP. Vinh",
        "thành phố Vinh",
        "Thị xã Thái Hòa",  # the file writes "Thái Hoà": old and new tone placement meet
        "xã Mường Típ",
        "Mường Típ",
        "thị trấn Mường Xén",
        "Phường 1",
        "Hà Giang",
    ],
)
def test_vietnamese_places(name):
    assert vnunits.is_vietnamese_place(name)


@pytest.mark.parametrize(
    "name",
    ["Xiêng Khoảng", "Hủa Phăn", "Bôlykhămxay", "Viêng Chăn", "Sầm Nưa", "Lào", "1", "", "xã", "huyện Mường Típ"],
)
def test_foreign_or_no_places(name):
    assert not vnunits.is_vietnamese_place(name)


def test_no_foreign_partner_of_the_reference_data_is_taken_for_a_vietnamese_place():
    # The bug the issue names: the import proposed Vietnamese border districts as Lao partners, and the reverse
    # mistake would hide real partners.
    for partner in refdata.load_partners():
        for name in (partner.name, *partner.aliases):
            assert not vnunits.is_vietnamese_place(name), name
    for country in refdata.load_countries():
        assert not vnunits.is_vietnamese_place(country.name_vi), country.name_vi


def test_lookup_gives_kind_code_and_todays_province():
    [district] = vnunits.lookup("huyện Kỳ Sơn, tỉnh Nghệ An")
    assert (district.kind, district.province_name, district.parent_name) == (
        "former_district",
        "Nghệ An",
        "Tỉnh Nghệ An",
    )
    assert {u.province_name for u in vnunits.lookup("huyện Kỳ Sơn")} >= {"Nghệ An"}
    # Today's unit first, then the former one of the same name.
    units = vnunits.lookup("xã Mường Típ")
    assert units[0].current and units[0].kind == "commune" and units[0].province_name == "Nghệ An"
    assert not units[1].current


def test_former_commune_whose_code_lived_on_leads_to_todays_commune():
    former = [u for u in vnunits.former_units() if u.kind == "former_commune" and u.commune_code]
    assert len(former) > 3000
    today = vnunits.current_commune(former[0])
    assert today is not None and today.current and today.code == former[0].commune_code
    gone = next(u for u in vnunits.former_units() if u.kind == "former_commune" and u.commune_code is None)
    assert vnunits.current_commune(gone) is None


def test_split_prefix():
    assert vnunits.split_prefix("TP. Vinh") == ("thanh pho", "vinh")
    assert vnunits.split_prefix("Thị trấn Kim Sơn") == ("thi tran", "kim son")
    assert vnunits.split_prefix("Xã") == (None, "xa")


def test_a_country_name_is_a_country_unless_the_kind_word_says_otherwise():
    assert not vnunits.is_vietnamese_place("Ấn Độ")
    assert vnunits.is_vietnamese_place("xã An Đổ")


@pytest.mark.parametrize(
    "name",
    ["Kỳ Sơn", "huyện Quế Phong", "xã Mường Xén", "tỉnh Nghệ An", "Thành phố Hà Nội", "UBND huyện Tương Dương",
     "Huyện Hướng Hoá", "thị xã Thái Hòa"],
)  # fmt: skip
def test_the_extractors_vietnamese_units(name):
    assert is_vietnamese_place(name)


@pytest.mark.parametrize(
    "name", ["Xiêng Khoảng", "Hủa Phăn", "tỉnh Bo Ly Khăm Xay", "Khăm Muộn", "Gifu", "Gyeonggi", "Hồ Nam", ""]
)
def test_the_extractors_foreign_localities(name):
    assert not is_vietnamese_place(name)


def test_the_folded_index_is_kept_between_runs_and_rebuilt_when_damaged(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    vnunits._index.cache_clear()
    try:
        assert vnunits.is_vietnamese_place("huyện Kỳ Sơn") and not vnunits.is_vietnamese_place("Xiêng Khoảng")
        [kept] = (tmp_path / "doingoai").iterdir()
        vnunits._index.cache_clear()
        assert isinstance(vnunits._index()["ky son"][0], list)  # read back from the JSON, not built again
        assert vnunits.is_vietnamese_place("Mường Típ")
        kept.write_text('["a stamp of other data", {"ky son": []}]', encoding="utf-8")  # stale
        vnunits._index.cache_clear()
        assert vnunits.is_vietnamese_place("Kỳ Sơn")
        kept.write_text("[1, 2", encoding="utf-8")  # damaged
        vnunits._index.cache_clear()
        assert vnunits.is_vietnamese_place("Kỳ Sơn")
        assert [u.name for u in vnunits.lookup("huyện Kỳ Sơn, tỉnh Nghệ An")] == ["Huyện Kỳ Sơn"]
    finally:
        vnunits._index.cache_clear()
