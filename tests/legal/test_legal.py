"""The register of legal bases: one row per document, filled from imports, cited by plans, most-opened at hand."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from doingoai.legal import selectors, services
from doingoai.legal.models import LegalCitation, LegalDocument, number_key, year_in_number

pytestmark = pytest.mark.django_db

REFS = [
    {"kind": "Nghị định", "number": "80/2020/NĐ-CP", "date": "2020-07-11", "issuer": "Chính phủ"},
    {"kind": "Quyết định", "number": "1060-QĐ/TU", "date": "2021-03-05", "issuer": None},
    {"kind": "Quyết định", "number": "1060-QĐ/TU", "date": "2023-08-01", "issuer": "Tỉnh ủy"},  # another year
    {"kind": "Nghị định", "number": "80 / 2020 / ND-CP", "date": None, "issuer": None},  # the first, again
    {"kind": "Kế hoạch", "number": "", "date": None, "issuer": None},  # no number: nothing to register
]


def test_number_key_and_year():
    assert number_key("80 / 2020 / ND-CP") == number_key("80/2020/NĐ-CP") == "80/2020/ND-CP"
    assert year_in_number("80/2020/NĐ-CP") == 2020
    assert year_in_number("1060-QĐ/TU") is None


def test_references_give_one_row_per_document(users):
    tally = services.legal_documents_from_references(references=REFS, by=users["coordinator"], source="ct.docx")
    assert tally == {"created": 3, "updated": 0, "cited": 0}
    assert sorted(LegalDocument.objects.values_list("number", "year")) == [
        ("1060-QĐ/TU", 2021),
        ("1060-QĐ/TU", 2023),
        ("80/2020/NĐ-CP", 2020),
    ]
    # Known documents get their empty fields filled, never overwritten.
    later = [{"kind": "Quyết định", "number": "1060-QĐ/TU", "date": "2021-03-05", "issuer": "Tỉnh ủy Nghệ An"}]
    tally = services.legal_documents_from_references(references=later, by=users["coordinator"])
    assert tally["created"] == 0 and tally["updated"] == 1
    assert LegalDocument.objects.get(year=2021).issuer == "Tỉnh ủy Nghệ An"
    assert LegalDocument.objects.get(year=2023).issuer == "Tỉnh ủy"
    # Without a year, a number known in two years is not guessed.
    assert services.legal_document_match(number="1060-QĐ/TU", year=None) is None
    assert services.legal_document_match(number="80/2020/ND-CP", year=None).year == 2020


def test_citations_link_both_ways(users, client_for):
    from doingoai.core.models import Partner

    citing = Partner.objects.create(name="Xiêng Khoảng", kind="locality")
    services.legal_documents_from_references(references=REFS[:1], by=users["coordinator"], cited_by=citing)
    services.legal_documents_from_references(references=REFS[:1], by=users["coordinator"], cited_by=citing)
    doc = LegalDocument.objects.get()
    assert LegalCitation.objects.count() == 1
    assert selectors.documents_cited_by(obj=citing) == [doc]
    html = client_for("officer1").get(doc.get_absolute_url()).content.decode()
    assert "Xiêng Khoảng" in html and citing.get_absolute_url() in html


def test_most_opened_documents_are_at_hand(users, client_for):
    docs = [
        LegalDocument.objects.create(kind="Quyết định", number=f"{n}/QĐ-UBND", issued_on=dt.date(2024, 1, n))
        for n in range(1, 4)
    ]
    client = client_for("officer1")
    for doc, times in zip(docs, (1, 3, 0), strict=True):
        for _ in range(times):
            assert client.get(doc.get_absolute_url()).status_code == 200
    assert selectors.most_opened(user=users["officer1"]) == [docs[1], docs[0]]
    # Someone who opened nothing yet sees what everyone opens most.
    assert selectors.most_opened(user=users["officer2"]) == [docs[1], docs[0]]
    html = client.get(reverse("legal:legaldocument_list")).content.decode()
    assert "Văn bản hay dùng" in html
    start = html.index("Văn bản hay dùng")
    menu = html[start : html.index("</ul>", start)]
    assert menu.index("2/QĐ-UBND") < menu.index("1/QĐ-UBND") and "3/QĐ-UBND" not in menu


def test_form_refuses_a_duplicate_and_a_replacement_without_its_successor(client_for):
    LegalDocument.objects.create(kind="Nghị định", number="80/2020/NĐ-CP", issued_on=dt.date(2020, 7, 11))
    client = client_for("coordinator")
    data = {"kind": "Nghị định", "number": "80/2020/ND-CP", "status": "replaced"}
    html = client.post(reverse("legal:legaldocument_add"), data).content.decode()
    assert "đã có trong sổ" in html
    assert "Cần chọn văn bản thay thế khi văn bản đã được thay thế." in html
    # The same number of another year is another document.
    response = client.post(
        reverse("legal:legaldocument_add"),
        {"kind": "Quyết định", "number": "12/QĐ-UBND", "year": 2024, "status": "in_force"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("legal:legaldocument_add"),
        {"kind": "Quyết định", "number": "12/QĐ-UBND", "year": 2025, "status": "in_force"},
    )
    assert response.status_code == 302
    assert LegalDocument.objects.filter(number="12/QĐ-UBND").count() == 2


def test_search_finds_a_number_without_accents(client_for):
    doc = LegalDocument.objects.create(kind="Nghị định", number="64/2021/NĐ-CP", title="Hợp tác quốc tế của địa phương")
    html = client_for("officer1").get(reverse("legal:legaldocument_list"), {"q": "64/2021/nd-cp"}).content.decode()
    assert doc.get_absolute_url() in html
