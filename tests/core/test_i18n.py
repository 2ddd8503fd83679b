"""The English interface: Vietnamese stays the default (whatever the browser says), the language switch turns the
pages English, the API answers in the language asked for, every marked string has its English, and nothing of the
interface is left unmarked."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from django.utils import translation
from django.utils.translation import gettext

from doingoai.core.i18n import vietnamese
from doingoai.delegations.models import DelegationStatus
from tests.api_cases import api_client
from tests.factories import DelegationFactory

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "src" / "doingoai" / "locale" / "en" / "LC_MESSAGES"


def english(text: str) -> str:
    with translation.override("en"):
        translated = gettext(text)
    assert translated != text, f"chưa có bản tiếng Anh: {text!r}"
    return translated


@pytest.mark.django_db
def test_vietnamese_is_the_default_even_for_an_english_browser(client_for):
    client = client_for("officer1")
    body = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="vi">' in body and "Đăng xuất" in body
    assert english("Đăng xuất") not in body


@pytest.mark.django_db
def test_the_switch_turns_the_pages_english_and_back(client_for):
    client = client_for("officer1")
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/delegations/"})
    assert response.status_code == 302 and response["Location"] == "/delegations/"
    body = client.get("/delegations/").content.decode()
    assert '<html lang="en">' in body
    assert english("Đăng xuất") in body and ">Đăng xuất<" not in body
    assert english("Trạng thái") in body  # a filter's label: model and form strings, not only templates
    client.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    assert "Đăng xuất" in client.get("/").content.decode()


@pytest.mark.django_db
def test_login_page_offers_the_switch(client):
    body = client.get("/accounts/login/").content.decode()
    assert 'id="language-switch"' in body and 'value="en"' in body and "English</button>" in body
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    body = client.get("/accounts/login/").content.decode()
    assert english("Tên đăng nhập") in body and "Tiếng Việt" in body  # the way back, named in Vietnamese


@pytest.mark.django_db
def test_dates_stay_day_month_year_in_english(client_for):
    delegation = DelegationFactory(decision_ref="12/QĐ-UBND", decision_date=dt.date(2027, 3, 9))
    client = client_for("coordinator")
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    body = client.get(f"/delegations/{delegation.pk}/").content.decode()
    assert "09/03/2027" in body and "March 9" not in body and "Mar. 9" not in body


@pytest.mark.django_db
def test_api_answers_in_the_language_asked_for(users):
    client = api_client(users["coordinator"])
    vi = client.get("/api/delegations/987654/").json()["detail"]
    en = client.get("/api/delegations/987654/", HTTP_ACCEPT_LANGUAGE="en").json()["detail"]
    assert vi != en
    assert re.search(r"[ăâđêôơư]", vi.lower()) and not re.search(r"[ăâđêôơư]", en.lower())


@pytest.mark.django_db
def test_documents_and_imports_keep_vietnamese_labels_under_english():
    with translation.override("en"):
        assert vietnamese(DelegationStatus.DONE.label) == "Đã thực hiện"
        assert str(DelegationStatus.DONE.label) != "Đã thực hiện"


def test_catalogue_is_complete_and_compiled():
    with (LOCALE / "django.po").open("rb") as f:
        catalog = read_po(f)
    missing = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
    assert not missing, f"{len(missing)} chuỗi chưa dịch, ví dụ: {missing[:5]}"
    with (LOCALE / "django.mo").open("rb") as f:
        compiled = read_mo(f)

    def text(string):  # a plural entry reads back from the .mo as a list
        return string if isinstance(string, str) else tuple(string)

    stale = [m.id for m in catalog if m.id and (m.id not in compiled or text(compiled[m.id].string) != text(m.string))]
    assert not stale, f"django.mo cũ so với django.po ({len(stale)} chuỗi): ./dev compilemessages"


def test_placeholders_survive_translation():
    with (LOCALE / "django.po").open("rb") as f:
        catalog = read_po(f)
    pattern = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
    for message in catalog:
        if message.id and isinstance(message.id, str):
            assert sorted(pattern.findall(message.id)) == sorted(pattern.findall(message.string)), message.id


def test_nothing_of_the_interface_is_left_unmarked():
    result = subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "scripts" / "i18n_mark.py"), "--check"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, "chuỗi giao diện chưa đánh dấu dịch (scripts/i18n_mark.py):\n" + result.stdout


@pytest.mark.django_db
def test_official_documents_stay_vietnamese_for_an_english_user():
    """The Decree 30 programme is a Vietnamese document whoever downloads it."""
    import io

    from docx import Document

    from doingoai.programs.exports import program_docx

    with translation.override("en"):
        english("II. NỘI DUNG CHƯƠNG TRÌNH")  # the heading has an English translation for the pages…
        content = program_docx(year=2027).content
        assert translation.get_language() == "en"  # …and the user's language is back after the document
    text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    assert "II. NỘI DUNG CHƯƠNG TRÌNH" in text and english("II. NỘI DUNG CHƯƠNG TRÌNH") not in text
