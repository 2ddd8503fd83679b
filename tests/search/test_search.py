"""Search over the registries: normalisation and aliases end to end, ranking, grouping, rights, index upkeep."""

from __future__ import annotations

import dataclasses
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction

from doingoai.search import fulltext, registry
from doingoai.search.models import SearchEntry
from doingoai.search.registry import registered, spec_for
from doingoai.search.selectors import search
from tests.api_cases import api_client, web_cases
from tests.factories import AgreementFactory, ConferenceFactory, CountryFactory, DelegationFactory, PartnerFactory

pytestmark = pytest.mark.django_db


def titles(user, text, registry_key=None):
    return [h.title for g in search(user=user, text=text, registry=registry_key, per_group=50).groups for h in g.hits]


@pytest.fixture
def laos():
    return CountryFactory(code="LA", name_vi="Lào", name_en="Laos", aliases=["CHDCND Lào"])


@pytest.fixture
def bolykhamxay(laos):
    return PartnerFactory(name="Bo Ly Khăm Xay", country=laos, aliases=["Bô Ly Khăm Xay", "Bolykhămxay", "Borikhamxay"])


def test_without_diacritics_finds_xieng_khoang(users):
    d = DelegationFactory(name="Đoàn thanh niên tỉnh Xiêng Khoảng", status="in_plan")
    DelegationFactory(name="Đoàn xúc tiến thương mại", status="in_plan")
    for text in ("xieng khoang", "XIENG-KHOANG", "Xiêng Khoảng", "xieng kho"):
        assert titles(users["officer1"], text) == [d.name], text


@pytest.mark.parametrize(("stored", "typed"), [("hòa", "hoà"), ("hoà", "hòa"), ("Hóa", "Hoá"), ("thủy", "thuỷ")])
def test_old_and_new_tone_placement_are_the_same(users, stored, typed):
    d = DelegationFactory(name=f"Đoàn giao lưu văn {stored} hữu nghị", status="in_plan")
    assert d.name in titles(users["coordinator"], f"văn {typed} ")


def test_alias_finds_records_written_another_way(users, bolykhamxay):
    written_apart = DelegationFactory(partner_text="Tỉnh Bô Ly Khăm Xay", name="Đoàn xúc tiến du lịch")
    written_joined = AgreementFactory(title="Biên bản ghi nhớ với tỉnh Borikhamxay")
    linked = ConferenceFactory(title="Hội thảo hợp tác giáo dục")
    linked.partners.add(bolykhamxay)
    found = titles(users["coordinator"], "Bolykhămxay")
    assert {written_apart.name, written_joined.title, linked.title, str(bolykhamxay)} <= set(found)
    assert set(titles(users["coordinator"], "bo ly kham xay")) == set(found)


def test_ranked_title_before_body_and_grouped_by_registry(users):
    body_hit = DelegationFactory(name="Đoàn công tác", purpose="Làm việc về hợp tác giáo dục", status="in_plan")
    title_hit = DelegationFactory(name="Đoàn hợp tác giáo dục", status="in_plan")
    conference = ConferenceFactory(title="Hội thảo hợp tác giáo dục", status="permitted")
    results = search(user=users["coordinator"], text="hợp tác giáo dục")
    groups = {g.key: g for g in results.groups}
    assert [h.pk for h in groups["delegations.delegation"].hits] == [title_hit.pk, body_hit.pk]
    assert groups["delegations.delegation"].count == 2
    assert [h.pk for h in groups["conferences.conference"].hits] == [conference.pk]
    assert results.total == 3


def test_only_what_the_user_may_see(users):
    draft = DelegationFactory(name="Đoàn nháp Xiêng Khoảng", proposing_unit=users["officer2"].unit)
    published = DelegationFactory(
        name="Đoàn kế hoạch Xiêng Khoảng", proposing_unit=users["officer2"].unit, status="in_plan"
    )
    mine = DelegationFactory(name="Đoàn của tôi Xiêng Khoảng", proposing_unit=users["officer1"].unit)
    assert set(titles(users["officer1"], "xieng khoang")) == {published.name, mine.name}
    assert set(titles(users["officer2"], "xieng khoang")) == {published.name, draft.name}
    assert set(titles(users["leader"], "xieng khoang")) == {published.name, draft.name, mine.name}


def test_personal_data_registries_show_no_excerpt_and_can_be_hidden(users, monkeypatch):
    d = DelegationFactory(name="Đoàn Xiêng Khoảng", purpose="Nội dung riêng tư", status="in_plan")
    spec = spec_for("delegations.delegation")
    monkeypatch.setitem(registry._REGISTRY, spec.key, dataclasses.replace(spec, personal_data=True))
    call_command("reindex", "delegations.delegation", stdout=io.StringIO())
    hit = search(user=users["coordinator"], text="xieng khoang").groups[0].hits[0]
    assert hit.pk == d.pk and hit.excerpt == ""
    assert SearchEntry.objects.get(registry=spec.key, object_id=d.pk).text == ""
    hidden = dataclasses.replace(spec, visible_to=lambda user: user.is_coordinator)
    monkeypatch.setitem(registry._REGISTRY, spec.key, hidden)
    assert titles(users["leader"], "xieng khoang") == []
    assert titles(users["coordinator"], "xieng khoang") == [d.name]


def test_index_follows_every_change(users, bolykhamxay, laos):
    d = DelegationFactory(name="Đoàn xúc tiến", status="in_plan")
    assert titles(users["coordinator"], "xuc tien") == [d.name]
    d.name = "Đoàn giao lưu"
    d.save()
    assert titles(users["coordinator"], "xuc tien") == []
    assert titles(users["coordinator"], "giao luu") == [d.name]
    d.partners.add(bolykhamxay)  # many-to-many
    assert d.name in titles(users["coordinator"], "borikhamxay")
    bolykhamxay.name = "Bô-ly-khăm-xay mới"  # a related record renamed
    bolykhamxay.save()
    assert d.name in titles(users["coordinator"], "khăm xay mới")
    laos.partners.set([])  # a reverse clear from the other side is seen too
    d.partners.clear()
    assert d.name not in titles(users["coordinator"], "moi")
    pk = d.pk
    d.delete()
    assert not SearchEntry.objects.filter(registry="delegations.delegation", object_id=pk).exists()


def test_rolled_back_write_leaves_no_index_row(users):
    with pytest.raises(RuntimeError), transaction.atomic():
        DelegationFactory(name="Đoàn không được lưu")
        raise RuntimeError
    assert not SearchEntry.objects.filter(title="Đoàn không được lưu").exists()
    assert titles(users["coordinator"], "khong duoc luu") == []


def test_reindex_command_rebuilds(users):
    d = DelegationFactory(name="Đoàn Xiêng Khoảng", status="in_plan")
    SearchEntry.objects.all().delete()
    assert titles(users["coordinator"], "xieng khoang") == []
    call_command("reindex", stdout=io.StringIO())
    assert titles(users["coordinator"], "xieng khoang") == [d.name]
    with pytest.raises(CommandError, match="Không có danh mục"):
        call_command("reindex", "khong.co")


def test_paused_indexing_for_bulk_loads_reindexes_at_the_end(users):
    from doingoai.search.indexing import paused

    kept = DelegationFactory(name="Đoàn Hủa Phăn", status="in_plan")
    with paused():
        d = DelegationFactory(name="Đoàn Xiêng Khoảng", status="in_plan")
        kept.delete()
        assert not SearchEntry.objects.filter(title=d.name).exists()  # not indexed one by one
    assert titles(users["coordinator"], "xieng khoang") == [d.name]
    assert titles(users["coordinator"], "hua phan") == []
    DelegationFactory(name="Đoàn Luang Pha Bang", status="in_plan")  # current again afterwards
    assert titles(users["coordinator"], "luang pha bang") == ["Đoàn Luang Pha Bang"]


def test_the_lists_free_text_filter_uses_the_index(client_for, users, bolykhamxay):
    d = DelegationFactory(name="Đoàn Xiêng Khoảng", partner_text="Tỉnh Bô Ly Khăm Xay", status="in_plan")
    other = DelegationFactory(name="Đoàn Hủa Phăn", status="in_plan")
    for q in ("xieng khoang", "Bolykhamxay"):
        body = client_for("officer1").get("/delegations/", {"q": q}).content.decode()
        assert d.name in body and other.name not in body, q


def test_search_page_full_partial_registry_and_login(client, client_for, users):
    d = DelegationFactory(name="Đoàn Xiêng Khoảng", status="in_plan")
    c = client_for("officer1")
    page = c.get("/search/", {"q": "xieng khoang"}).content.decode()
    assert "<html" in page and 'data-registry="delegations.delegation"' in page
    assert f'href="/delegations/{d.pk}/"' in page and "<mark>Xiêng</mark>" in page
    partial = c.get("/search/", {"q": "xieng khoang"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in partial and 'id="search-results"' in partial and f'href="/delegations/{d.pk}/"' in partial
    one = c.get("/search/", {"q": "xieng khoang", "registry": "delegations.delegation"}).content.decode()
    assert "Chỉ tìm trong" in one and f'href="/delegations/{d.pk}/"' in one
    assert "Không tìm thấy" in c.get("/search/", {"q": "khong co gi"}).content.decode()
    client.logout()
    assert client.get("/search/", {"q": "x"}).status_code == 302


def test_json_search_in_the_api(users):
    d = DelegationFactory(name="Đoàn Xiêng Khoảng", purpose="Giao lưu với Xiêng Khoảng", status="in_plan")
    data = api_client(users["officer1"]).get("/api/search/", {"q": "xieng khoang"}).json()
    assert data["total"] == 1
    hit = data["groups"][0]["results"][0]
    assert hit["id"] == d.pk and hit["title"] == d.name and hit["web_url"].endswith(f"/delegations/{d.pk}/")
    assert "Giao lưu với Xiêng Khoảng ·" in hit["excerpt"] and "<mark>" not in hit["excerpt"]
    assert api_client().get("/api/search/", {"q": "x"}).status_code == 401


# Generated per searchable registry that has a web test case: created records are found, drafts stay private.
CASES = [case for model, case in web_cases().items() if spec_for(model) is not None]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.model.__name__)
def test_every_registry_is_searchable_with_rights(users, case):
    title = "Bản ghi thử nghiệm Xiêng Khoảng"
    obj = case.factory(**{case.owner_field: users["officer2"].unit, case.title_field: title})
    key = spec_for(case.model).key
    assert titles(users["coordinator"], "xieng khoang", key) == [str(obj)]
    assert titles(users["officer2"], "xieng khoang", key) == [str(obj)]
    assert titles(users["officer1"], "xieng khoang", key) == []


def test_every_declaration_names_real_fields_and_a_restricted_model():
    for spec in registered():
        assert hasattr(spec.model.objects.all(), "restrict")
        for name in spec.fields:
            spec.model._meta.get_field(name)


def test_backend_matches_the_database():
    expected = {"sqlite": fulltext.SQLiteBackend, "postgresql": fulltext.PostgresBackend}
    assert isinstance(fulltext.backend(), expected.get(connection.vendor, fulltext.LikeBackend))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only (set DATABASE_URL)")
def test_postgresql_index_uses_unaccent_and_gin(users):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'unaccent'")
        assert cursor.fetchone()
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'search_entry_vector_gin'")
        assert "gin" in cursor.fetchone()[0].lower()
        cursor.execute("SELECT to_tsvector('doingoai_search', 'Xiêng Khoảng')::text")
        assert cursor.fetchone()[0] == "'khoang':2 'xieng':1"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")
def test_sqlite_index_is_fts5():
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'search_fts'")
        assert "fts5" in cursor.fetchone()[0].lower()
