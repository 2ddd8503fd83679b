"""The public foreign-language page (`/infowork/public/?lang=vi|en|lo`) and its Atom feed per language: the
province's profile (data/province_profile.toml), its published information products and the investment
catalogue's sectors, for everyone, no login.

Only published products marked public, through the version reviewed in the chosen language, ever appear
(`selectors.public_products`); nothing of the plans, drafts or false-information cases is read here.
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views import View

from doingoai.aid.models import SECTOR_EN, Sector
from doingoai.aid.selectors import count_by, public_investment_opportunities
from doingoai.infowork.selectors import PublicItem, public_products

LANGUAGES = ("vi", "en", "lo")

# Lao wording kept plain; to be read again by the province's Lao-language editors.
TEXTS: dict[str, dict[str, str]] = {
    "vi": {
        "name": "Tiếng Việt",
        "province": "Tỉnh {name}",
        "heading": "Thông tin đối ngoại",
        "intro": "Tin, bài, ấn phẩm và video về tỉnh {name} dành cho bạn bè quốc tế.",
        "latest": "Sản phẩm mới phát hành",
        "empty": "Chưa có sản phẩm nào được công bố bằng ngôn ngữ này.",
        "investment": "Cơ hội đầu tư theo lĩnh vực",
        "investment_link": "Xem danh mục dự án kêu gọi đầu tư, bản đồ và biểu đồ",
        "projects": "dự án",
        "feed": "Nguồn tin Atom",
        "open": "Xem",
    },
    "en": {
        "name": "English",
        "province": "{name} Province",
        "heading": "Foreign information",
        "intro": "News, articles, publications and videos about {name} province for international friends.",
        "latest": "Latest publications",
        "empty": "Nothing has been published in this language yet.",
        "investment": "Investment opportunities by sector",
        "investment_link": "See the projects open to investors, with map and charts",
        "projects": "projects",
        "feed": "Atom feed",
        "open": "Open",
    },
    "lo": {
        "name": "ພາສາລາວ",
        "province": "ແຂວງ {name}",
        "heading": "ຂໍ້ມູນຂ່າວສານຕໍ່ຕ່າງປະເທດ",
        "intro": "ຂ່າວ, ບົດຄວາມ, ສິ່ງພິມ ແລະ ວິດີໂອ ກ່ຽວກັບແຂວງ {name} ສຳລັບມິດສະຫາຍສາກົນ.",
        "latest": "ສິ່ງພິມໃໝ່ລ່າສຸດ",
        "empty": "ຍັງບໍ່ມີຂໍ້ມູນທີ່ເຜີຍແຜ່ເປັນພາສານີ້.",
        "investment": "ໂອກາດການລົງທຶນ ຕາມຂະແໜງການ",
        "investment_link": "ເບິ່ງບັນດາໂຄງການທີ່ເປີດໃຫ້ນັກລົງທຶນ, ພ້ອມແຜນທີ່ ແລະ ແຜນພູມິ",
        "projects": "ໂຄງການ",
        "feed": "ຊ່ອງຂ່າວ Atom",
        "open": "ເປີດ",
    },
}


# The investment sectors in Lao (the catalogue keeps Vietnamese and English: aid.models.SECTOR_EN).
SECTOR_LO = {
    Sector.AGRICULTURE: "ກະສິກຳ, ປ່າໄມ້ ແລະ ການປະມົງ",
    Sector.INDUSTRY: "ອຸດສາຫະກຳປຸງແຕ່ງ ແລະ ຜະລິດ",
    Sector.ENERGY: "ພະລັງງານ",
    Sector.TRANSPORT: "ພື້ນຖານໂຄງລ່າງການຄົມມະນາຄົມ",
    Sector.INDUSTRIAL_ZONES: "ພື້ນຖານໂຄງລ່າງເຂດເສດຖະກິດ ແລະ ນິຄົມອຸດສາຫະກຳ",
    Sector.URBAN: "ຕົວເມືອງ ແລະ ທີ່ຢູ່ອາໄສ",
    Sector.TRADE: "ການຄ້າ, ການບໍລິການ ແລະ ໂລຈິສຕິກ",
    Sector.TOURISM: "ການທ່ອງທ່ຽວ",
    Sector.HEALTH: "ສາທາລະນະສຸກ",
    Sector.EDUCATION: "ການສຶກສາ ແລະ ການຝຶກອົບຮົມ",
    Sector.ENVIRONMENT: "ສິ່ງແວດລ້ອມ, ການສະໜອງນ້ຳ ແລະ ລະບາຍນ້ຳ",
    Sector.CLIMATE: "ການຮັບມືກັບການປ່ຽນແປງດິນຟ້າອາກາດ ແລະ ປ້ອງກັນໄພພິບັດ",
    Sector.SOCIAL: "ສັງຄົມ ແລະ ການຫຼຸດຜ່ອນຄວາມທຸກຍາກ",
    Sector.SCIENCE: "ວິທະຍາສາດ, ເຕັກໂນໂລຊີ ແລະ ການຫັນເປັນດິຈິຕອນ",
    Sector.CULTURE: "ວັດທະນະທຳ ແລະ ກິລາ",
    Sector.OTHER: "ອື່ນໆ",
}


def sector_label(sector: Sector, lang: str) -> str:
    if lang == "vi":
        return str(sector.label)
    return SECTOR_LO[sector] if lang == "lo" else SECTOR_EN[sector]


def language_of(value: str | None) -> str:
    return value if value in LANGUAGES else "vi"


PROFILE_FILE = Path(__file__).parent / "data" / "province_profile.toml"


@dataclass(frozen=True)
class Profile:
    name: str  # the province's name in the language ("ເງະອານ")
    title: str
    paragraphs: list[str]
    facts: list[tuple[str, str]]
    source: str


@functools.cache
def _profile_data() -> dict[str, Any]:
    with PROFILE_FILE.open("rb") as f:
        return tomllib.load(f)


def province_profile(lang: str) -> Profile | None:
    """The province's profile in `lang` (data/province_profile.toml), when it is written for this province."""
    data = _profile_data()
    entry = data.get(lang)
    if data.get("province") != settings.PROVINCE_NAME or not entry:
        return None
    return Profile(
        name=entry["name"],
        title=entry["title"],
        paragraphs=list(entry["paragraphs"]),
        facts=[(label, value) for label, value in entry["facts"]],
        source=data.get("source", ""),
    )


def page_texts(lang: str) -> dict[str, str]:
    """The page's wording in `lang`, with the province's name as that language writes it."""
    profile = province_profile(lang)
    name = profile.name if profile else settings.PROVINCE_NAME
    return {k: v.format(name=name) for k, v in TEXTS[lang].items()}


class PublicInfoView(View):
    """Published products in one language, the province's profile and the investment sectors."""

    def get(self, request: HttpRequest) -> HttpResponse:
        lang = language_of(request.GET.get("lang"))
        texts = page_texts(lang)
        sectors = {s.value: sector_label(s, lang) for s in Sector}
        opportunities = [o.sector for o in public_investment_opportunities()]
        return render(
            request,
            "infowork/public.html",
            {
                "lang": lang,
                "t": texts,
                "profile": province_profile(lang),
                "languages": [(code, TEXTS[code]["name"]) for code in LANGUAGES],
                "items": public_products(language=lang),
                "sectors": [(sectors.get(s, s), n) for s, n in count_by(opportunities)],
                "investment_url": reverse("aid:public_investment") + ("?lang=en" if lang != "vi" else ""),
                "feed_url": reverse("infowork:public_feed") + f"?lang={lang}",
            },
        )


class PublicFeed(Feed):
    """Atom 1.0 feed of the published products in one language."""

    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest) -> str:  # type: ignore[override]
        lang = request.GET.get("lang", "vi")
        if lang not in LANGUAGES:
            raise Http404
        return lang

    def title(self, lang: str) -> str:
        texts = page_texts(lang)
        return f"{texts['province']} — {texts['heading']}"

    def link(self, lang: str) -> str:
        return reverse("infowork:public") + f"?lang={lang}"

    def subtitle(self, lang: str) -> str:
        return page_texts(lang)["intro"]

    def items(self, lang: str) -> list[PublicItem]:
        return public_products(language=lang)

    def item_title(self, item: PublicItem) -> str:
        return item.title

    def item_description(self, item: PublicItem) -> str:
        return item.summary

    def item_link(self, item: PublicItem) -> str:
        return item.link or reverse("infowork:public") + f"?lang={item.language}#item-{item.pk}"

    def item_guid(self, item: PublicItem) -> str:
        return f"infoproduct-{item.pk}-{item.language}"

    def item_pubdate(self, item: PublicItem) -> Any:
        return dt.datetime.combine(item.published_on, dt.time(8, 0), tzinfo=dt.UTC)
