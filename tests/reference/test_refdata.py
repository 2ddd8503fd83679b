"""Checks on the shipped reference data (countries, partners, diplomatic relations); no database needed."""

import datetime
import re
import unicodedata

import pytest

from doingoai.reference import refdata

REQUIRED_COUNTRY_ALIASES = {
    "SG": "Singapore|Xinh-ga-po|Xin-ga-po|Xingapo",
    "NZ": "New Zealand|Niu-zi-lân|Niu Di-lân|Niu-di-lân|Niu Zi-lân",
    "MY": "Malaysia|Ma-lai-xia|Ma-lai-xi-a|Mã Lai",
    "CA": "Canada|Ca-na-đa|Ca-na-da",
    "US": "Mỹ|Hoa Kỳ|Hợp chủng quốc Hoa Kỳ|USA|United States",
    "RU": "Nga|LB Nga|Liên bang Nga|Russia",
    "LA": "Lào|CHDCND Lào|Cộng hòa Dân chủ Nhân dân Lào|Laos",
    "KR": "Hàn Quốc|Đại Hàn|Korea|South Korea",
    "GB": "Anh|Vương quốc Anh|UK|United Kingdom",
    "AU": "Úc|Australia|Ô-xtrây-li-a",
    "TM": "Turkmenistan|Tuốc-mê-ni-xtan",
    "AL": "Albania|An-ba-ni",
    "DE": "Đức|CHLB Đức|Germany",
    "CH": "Thụy Sĩ|Thụy Sỹ|Switzerland",
    "TH": "Thái Lan|Thailand",
    "TW": "Đài Loan|Đài Bắc|Taiwan",
    "JP": "Nhật Bản|Nhật|Japan",
    "CN": "Trung Quốc|Trung Hoa|China",
    "CU": "Cuba|Cu Ba",
    "HU": "Hung-ga-ri|Hungary",
    "PL": "Ba Lan|Poland",
    "CZ": "Séc|Cộng hòa Séc|Czech",
    "FR": "Pháp|France",
}

REQUIRED_COUNTRY_NAMES = {
    "US": "Hoa Kỳ",
    "RU": "Liên bang Nga",
    "KR": "Hàn Quốc",
    "KP": "Triều Tiên",
    "LA": "Lào",
    "JP": "Nhật Bản",
    "CN": "Trung Quốc",
    "TW": "Đài Loan",
    "HK": "Hồng Kông",
    "AU": "Úc",
    "NZ": "Niu Di-lân",
    "GB": "Anh",
    "DE": "Đức",
    "FR": "Pháp",
    "CH": "Thụy Sĩ",
    "SG": "Xinh-ga-po",
    "TH": "Thái Lan",
    "KH": "Campuchia",
    "MY": "Ma-lai-xi-a",
    "CA": "Ca-na-đa",
    "CZ": "Séc",
    "TM": "Tuốc-mê-ni-xtan",
    "AL": "An-ba-ni",
    "SE": "Thụy Điển",
}

REQUIRED_REGIONS = {
    "LA": "lao",
    "TH": "sea",
    "KH": "sea",
    "SG": "sea",
    "TL": "sea",
    "CN": "nea",
    "JP": "nea",
    "KR": "nea",
    "KP": "nea",
    "TW": "nea",
    "HK": "nea",
    "MO": "nea",
    "MN": "nea",
    "RU": "europe",
    "TR": "europe",
    "DE": "europe",
    "KZ": "other",
    "UZ": "other",
    "TM": "other",
    "US": "americas",
    "CU": "americas",
    "AU": "oceania",
    "NZ": "oceania",
    "IN": "other",
    "ZA": "other",
}

LAO_PROVINCES = {
    "Thủ đô Viêng Chăn": "Vientiane Capital|Nakhon Luang Viêng Chăn",
    "Viêng Chăn": "",
    "Phông Xa Lỳ": "Phongsaly",
    "Luông Nậm Thà": "Luang Namtha",
    "U Đôm Xay": "Oudomxay",
    "Bò Kẹo": "Bokeo",
    "Luông Pha Băng": "Luang Prabang",
    "Hủa Phăn": "Houaphanh|Huaphan|Hua Phan|Hủa Phăn",
    "Xay Nha Bu Ly": "Xayaboury",
    "Xiêng Khoảng": "Xieng Khouang|Xiengkhouang|Xiêng Khoảng|Xiêng-khoảng",
    "Bo Ly Khăm Xay": "Bô Ly Khăm Xay|Bolykhămxay|Bolikhamxay|Borikhamxay|Bô-ly-khăm-xay|Bolikhamsai",
    "Khăm Muộn": "Khammouane|Khammuan|Khăm Muôn",
    "Xa Vẳn Na Khẹt": "Savẳnnakhẹt|Sa Vẳn Na Khẹt|Savannakhet|Xavănnakhet",
    "Xa La Van": "Salavan",
    "Xê Kông": "Sekong",
    "Chăm Pa Xắc": "Champasak",
    "Át Tạ Pư": "Attapeu",
    "Xay Xổm Bun": "Xay Sổm Bun|Xaisomboun|Xaysomboun",
}

REQUIRED_PARTNERS = {
    # name: (country or "", kind, required aliases)
    "Gifu": ("JP", "locality", "Gifu|Tỉnh Gifu"),
    "Shizuoka": ("JP", "locality", "Shizuoka"),
    "Kochi": ("JP", "locality", "Kochi"),
    "Gyeonggi": ("KR", "locality", "Kyonggi|Gyeonggi-do|Kinh Kỳ"),
    "Gwangju": ("KR", "locality", "Gwangju|Kwangju"),
    "Daegu": ("KR", "locality", "Daegu|Deagu|Taegu"),
    "Ulianốp": ("RU", "locality", "Ulianốp|U-li-a-nốp|Ulyanovsk|Ulianovsk"),
    "Quảng Tây": ("CN", "locality", "Guangxi|Khu tự trị dân tộc Choang Quảng Tây|Guangxi Zhuang"),
    "Hồ Nam": ("CN", "locality", "Hunan"),
    "Nam Úc": ("AU", "locality", "South Australia|Bang Nam Úc"),
    "Thuringen": ("DE", "locality", "Thüringen|Thuringia|Turinghen"),
    "Ngân hàng Thế giới": ("", "intl_org", "Ngân hàng Thế giới|World Bank|WB"),
    "Ngân hàng Phát triển châu Á": ("", "intl_org", "Ngân hàng Phát triển châu Á|Asian Development Bank|ADB"),
    "Quỹ Tiền tệ Quốc tế": ("", "intl_org", "IMF"),
    "Tổ chức Giáo dục, Khoa học và Văn hóa Liên hợp quốc": ("", "intl_org", "UNESCO"),
    "Cơ quan Hợp tác Quốc tế Nhật Bản": ("JP", "government", "JICA"),
    "Cơ quan Hợp tác Quốc tế Hàn Quốc": ("KR", "government", "KOICA"),
    "Tổ chức Xúc tiến Thương mại Nhật Bản": ("JP", "government", "JETRO"),
    "Ngân hàng Tái thiết Đức": ("DE", "government", "KfW|KFW"),
    "Cơ quan Phát triển Pháp": ("FR", "government", "AFD"),
    "Phòng Thương mại và Công nghiệp Hàn Quốc": ("KR", "business_assoc", "KCCI"),
    "Hiệp hội doanh nghiệp Hàn Quốc tại Việt Nam": ("KR", "business_assoc", "KORCHAM|KorCham"),
    "Hiệp hội doanh nghiệp châu Âu tại Việt Nam": ("", "business_assoc", "EuroCham"),
    "Phòng Thương mại Hoa Kỳ tại Việt Nam": ("US", "business_assoc", "AmCham"),
    "Ủy ban Công tác về các tổ chức phi chính phủ nước ngoài": ("VN", "government", "PACCOM"),
    "Đại sứ quán Hàn Quốc tại Việt Nam": ("KR", "mission", ""),
}


@pytest.fixture(scope="module")
def countries() -> list[refdata.CountryRow]:
    return refdata.load_countries()


@pytest.fixture(scope="module")
def partners() -> list[refdata.PartnerRow]:
    return refdata.load_partners()


@pytest.fixture(scope="module")
def relations() -> list[refdata.RelationRow]:
    return refdata.load_relations()


def _by_code(countries: list[refdata.CountryRow]) -> dict[str, refdata.CountryRow]:
    return {c.code: c for c in countries}


def _split(value: str) -> set[str]:
    return {a for a in value.split("|") if a}


def test_country_codes_unique_two_letters_and_sorted(countries):
    codes = [c.code for c in countries]
    assert len(codes) == len(set(codes))
    assert all(len(c) == 2 and c.isascii() and c.isalpha() and c.isupper() for c in codes)
    assert codes == sorted(codes)
    assert len(codes) >= 249
    assert {"XK", "VN"} <= set(codes)
    assert not {"ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"} & set(codes)


def test_every_country_has_names_valid_region_and_english_alias(countries):
    for c in countries:
        assert c.name_vi and c.name_en, c.code
        assert c.region in refdata.REGIONS, c.code
        assert c.name_en in c.aliases, c.code
        assert c.name_vi in c.aliases, c.code
        assert len(c.aliases) == len({a.casefold() for a in c.aliases}), c.code


def test_regions_match_the_plans(countries):
    by_code = _by_code(countries)
    for code, region in REQUIRED_REGIONS.items():
        assert by_code[code].region == region, code
    assert [c.code for c in countries if c.region == "lao"] == ["LA"]
    assert {c.code for c in countries if c.region == "nea"} == {"CN", "JP", "KR", "KP", "TW", "HK", "MO", "MN"}


def test_official_vietnamese_names(countries):
    by_code = _by_code(countries)
    for code, name in REQUIRED_COUNTRY_NAMES.items():
        assert by_code[code].name_vi == name, code


@pytest.mark.parametrize(("code", "aliases"), sorted(REQUIRED_COUNTRY_ALIASES.items()))
def test_required_country_aliases(countries, code, aliases):
    assert _split(aliases) <= set(_by_code(countries)[code].aliases)


def test_aliases_point_to_one_country_only(countries):
    owner: dict[str, str] = {}
    for c in countries:
        for alias in c.aliases:
            key = alias.casefold()
            assert owner.setdefault(key, c.code) == c.code, f"{alias!r}: {owner[key]} and {c.code}"


def test_text_is_nfc_and_new_style_tones():
    # "hoà", "thuỷ" are the old style; "quý" is fine because its u belongs to "qu"
    old_style = re.compile(r"(?<!q)(?:o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?!\w)", re.IGNORECASE)
    for path in (refdata.COUNTRIES_CSV, refdata.PARTNERS_CSV):
        text = path.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), path.name
        assert not old_style.findall(text), path.name


def test_partners_count_kinds_and_unique_names(partners):
    assert len(partners) >= 45
    assert all(p.kind in refdata.PARTNER_KINDS for p in partners)
    names = [p.name for p in partners]
    assert len(names) == len(set(names))


def test_partner_aliases_point_to_one_partner_only(partners):
    owner: dict[str, str] = {}
    for p in partners:
        for alias in p.aliases:
            key = alias.casefold()
            assert owner.setdefault(key, p.name) == p.name, f"{alias!r}: {owner[key]} and {p.name}"


def test_partner_countries_exist(partners, countries):
    codes = {c.code for c in countries}
    for p in partners:
        assert p.country is None or p.country in codes, p.name


def test_partner_dates_are_dates_or_none(partners):
    for p in partners:
        for value in (p.friendship_since, p.mou_since):
            assert value is None or isinstance(value, datetime.date), p.name


def test_all_lao_provinces(partners):
    lao = {p.name: p for p in partners if p.country == "LA" and p.kind == "locality"}
    assert set(LAO_PROVINCES) <= set(lao)
    assert len(LAO_PROVINCES) == 18
    for name, aliases in LAO_PROVINCES.items():
        assert _split(aliases) <= set(lao[name].aliases), name


@pytest.mark.parametrize(("name", "expected"), sorted(REQUIRED_PARTNERS.items()))
def test_required_partners(partners, name, expected):
    country, kind, aliases = expected
    partner = {p.name: p for p in partners}[name]
    assert partner.country == (country or None)
    assert partner.kind == kind
    assert _split(aliases) <= set(partner.aliases)


def test_relation_codes_are_countries_or_blocs(relations, countries):
    codes = {c.code for c in countries}
    assert {r.code for r in relations} >= {"EU", "ASEAN", "LA-TREATY"}
    for r in relations:
        assert r.subject_code in codes or r.subject_code in refdata.BLOC_CODES, r.code
        assert r.kind in refdata.RELATION_KINDS
        assert r.confidence in refdata.RELATION_CONFIDENCE
    assert len({r.code for r in relations}) == len(relations)


def test_loader_reports_file_and_line(tmp_path):
    bad = tmp_path / "countries.csv"
    bad.write_text("code,name_vi,name_en,region,aliases\nVN,Việt Nam,Vietnam,asia,Vietnam\n", encoding="utf-8")
    with pytest.raises(refdata.RefDataError, match=r"countries.csv:2: unknown region 'asia'"):
        refdata.load_countries(bad)
    bad_date = tmp_path / "partners.csv"
    bad_date.write_text(
        "name,country,kind,aliases,friendship_since,mou_since\nGifu,JP,locality,Gifu,2020-13-01,\n",
        encoding="utf-8",
    )
    with pytest.raises(refdata.RefDataError, match=r"partners.csv:2"):
        refdata.load_partners(bad_date)
