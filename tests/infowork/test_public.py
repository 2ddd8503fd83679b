"""The public foreign-language page and its Atom feeds: published, public, reviewed in the language — nothing else."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from doingoai.infowork.models import FalseInfoCase, InfoProduct, InfoProductVersion
from tests.factories import InvestmentOpportunityFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def products(users):
    unit = users["officer1"].unit

    def make(title, status="published", public=True, versions=(("en", "reviewed"),)):
        p = InfoProduct.objects.create(
            year=2026, title=title, producing_unit=unit, status=status, public=public,
            published_on=dt.date(2026, 5, 1) if status == "published" else None,
        )  # fmt: skip
        for lang, state in versions:
            InfoProductVersion.objects.create(
                product=p, language=lang, title=f"{title} [{lang}]", translation_status=state
            )
        return p

    make("Du lịch Nghệ An", versions=(("en", "reviewed"), ("lo", "reviewed"), ("vi", "reviewed")))
    make("Bản thảo chưa duyệt", status="drafted")
    make("Sản phẩm nội bộ", public=False)
    make("Bản tiếng Anh chưa thẩm định", versions=(("en", "translated"),))
    FalseInfoCase.objects.create(
        detected_on=dt.date(2026, 5, 2), source="X", summary="Tin bịa đặt bí mật", topic="Bí mật",
        handling_unit=unit,
    )  # fmt: skip


def test_the_public_page_shows_only_published_public_reviewed_versions(products):
    client = Client()
    en = client.get("/infowork/public/", {"lang": "en"})
    assert en.status_code == 200 and '<meta charset="utf-8">' in en.content.decode()
    body = en.content.decode()
    assert "Du lịch Nghệ An [en]" in body
    for hidden in ("Bản thảo chưa duyệt", "Sản phẩm nội bộ", "Bản tiếng Anh chưa thẩm định", "Bí mật"):
        assert hidden not in body
    assert "Du lịch Nghệ An [lo]" in client.get("/infowork/public/", {"lang": "lo"}).content.decode()
    assert "Du lịch Nghệ An [vi]" in client.get("/infowork/public/", {"lang": "xx"}).content.decode()  # default


@pytest.mark.parametrize("lang", ["vi", "en", "lo"])
def test_each_language_has_an_atom_feed(products, lang):
    response = Client().get("/infowork/public/feed.atom", {"lang": lang})
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed, not outside input
    titles = [e.findtext(f"{ATOM}title") for e in root.findall(f"{ATOM}entry")]
    assert titles == [f"Du lịch Nghệ An [{lang}]"]
    assert Client().get("/infowork/public/feed.atom", {"lang": "de"}).status_code == 404


HIDDEN = ("Bản thảo chưa duyệt", "Sản phẩm nội bộ", "Bản tiếng Anh chưa thẩm định", "Bí mật", "Tin bịa đặt")


@pytest.mark.parametrize(
    ("lang", "heading", "words"),
    [
        ("vi", "Giới thiệu tỉnh Nghệ An", "quê hương của Chủ tịch Hồ Chí Minh"),
        ("en", "About Nghe An province", "homeland of President Ho Chi Minh"),
        ("lo", "ແນະນຳແຂວງເງະອານ", "ບ້ານເກີດຂອງປະທານ ໂຮ່ຈີມິນ"),
    ],
)
def test_the_province_profile_is_written_in_each_language(products, settings, lang, heading, words):
    settings.PROVINCE_NAME = "Nghệ An"
    body = Client().get("/infowork/public/", {"lang": lang}).content.decode()
    assert f'<html lang="{lang}">' in body
    assert heading in body and words in body
    if lang == "lo":  # Lao script throughout, not a placeholder: the page's own wording too
        assert "ຂໍ້ມູນຂ່າວສານຕໍ່ຕ່າງປະເທດ" in body and "ບໍລິຄຳໄຊ, ຊຽງຂວາງ ແລະ ຫົວພັນ" in body


def test_another_province_gets_no_profile_of_nghe_an(products, settings):
    settings.PROVINCE_NAME = "Hà Tĩnh"
    body = Client().get("/infowork/public/", {"lang": "en"}).content.decode()
    assert "province-profile" not in body and "Ha Tinh" not in body and "Hà Tĩnh Province" in body


@pytest.mark.parametrize("lang", ["vi", "en", "lo"])
def test_nothing_unpublished_or_restricted_leaks_on_the_page_or_the_feed(products, lang):
    """Drafts, products kept internal, unreviewed translations and false-information cases: never shown."""
    client = Client()
    for body in (
        client.get("/infowork/public/", {"lang": lang}).content.decode(),
        client.get("/infowork/public/feed.atom", {"lang": lang}).content.decode(),
    ):
        assert f"Du lịch Nghệ An [{lang}]" in body
        for hidden in HIDDEN:
            assert hidden not in body


def test_the_investment_sectors_are_named_in_the_page_language(products):
    InvestmentOpportunityFactory(sector="tourism", public=True, status="open")
    InvestmentOpportunityFactory(sector="energy", public=False, status="open", title="Dự án nội bộ")
    client = Client()
    lao = client.get("/infowork/public/", {"lang": "lo"}).content.decode()
    assert "ການທ່ອງທ່ຽວ" in lao and "Tourism" not in lao and "ພະລັງງານ" not in lao  # the internal one stays out
    assert "Tourism" in client.get("/infowork/public/", {"lang": "en"}).content.decode()
    assert "Du lịch</span>" in client.get("/infowork/public/", {"lang": "vi"}).content.decode()
