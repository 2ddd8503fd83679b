"""Every figure of the dashboard from known rows, its list address, the rights, and the page itself."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
from django.urls import reverse
from django.utils import translation

from doingoai.dashboard.selectors import COUNTED_STATUSES, PLANNED_STATUSES, ListLinks, dashboard_data, list_link
from doingoai.dashboard.templatetags.dashboard_tags import vi_number
from tests.dashboard.conftest import YEAR

pytestmark = pytest.mark.django_db


def values(items):
    return {i["code"]: i["value"] for i in items}


def query(link):
    parts = urlsplit(link)
    return parts.path, {k: sorted(v) for k, v in parse_qs(parts.query).items()}


def test_plan_vs_done_by_quarter_and_direction(users, plan_rows):
    q = dashboard_data(user=users["coordinator"], year=YEAR)["quarters"]
    # d7's time is unknown ("Tùy thuộc lịch thi đấu"), so the "Chưa xác định" column appears.
    assert q["labels"] == ["Quý I", "Quý II", "Quý III", "Quý IV", "Chưa xác định"]
    got = {(s["direction"], s["measure"]): [c["value"] for c in s["data"]] for s in q["series"]}
    assert got == {
        ("out", "planned"): [0, 2, 1, 0, 1],  # d1 (II), d2 (II and III), d7 (unknown); d4 draft, d5 cancelled
        ("out", "done"): [0, 1, 1, 0, 0],  # d2
        ("in", "planned"): [0, 0, 1, 1, 0],  # d9 (III), d3 (IV); d6 only proposed
        ("in", "done"): [0, 0, 1, 0, 0],  # d9
    }
    assert [s["name"] for s in q["series"]] == [
        "Đoàn ra – kế hoạch",
        "Đoàn ra – đã thực hiện",
        "Đoàn vào – kế hoạch",
        "Đoàn vào – đã thực hiện",
    ]


def test_quarter_links_open_the_same_delegations(users, plan_rows, client_for):
    q = dashboard_data(user=users["coordinator"], year=YEAR)["quarters"]
    out_planned = next(s for s in q["series"] if s["direction"] == "out" and s["measure"] == "planned")
    path, params = query(out_planned["data"][1]["link"])
    assert path == reverse("delegations:delegation_list")
    assert params == {
        "year": [str(YEAR)],
        "direction": ["out"],
        "quarter": ["2"],
        "status": sorted(PLANNED_STATUSES),
    }
    # The unknown-quarter bar cannot be listed by quarter, so it has no address.
    assert out_planned["data"][4]["link"] is None
    client = client_for("coordinator")
    listed = client.get(out_planned["data"][1]["link"]).context["filter"].qs
    assert {d.name for d in listed} == {"Đoàn d1", "Đoàn d2"}
    out_done = next(s for s in q["series"] if s["direction"] == "out" and s["measure"] == "done")
    assert {d.name for d in client.get(out_done["data"][2]["link"]).context["filter"].qs} == {"Đoàn d2"}


def test_regions_countries_and_funding(users, plan_rows, countries):
    data = dashboard_data(user=users["coordinator"], year=YEAR)
    # Counted: every delegation of the year except the cancelled d5 (and d8 of next year).
    assert values(data["regions"]) == {
        "lao": 3,  # d1, d2, d9
        "sea": 2,  # d2, d4
        "nea": 2,  # d3, d7
        "europe": 0,
        "americas": 0,
        "oceania": 0,
        "other": 0,
    }
    assert data["no_country"] == 1  # d6
    assert [(c["name"], c["label"], c["out"], c["in"], c["value"]) for c in data["countries"]] == [
        ("LA", "Lào", 2, 1, 3),
        ("JP", "Nhật Bản", 1, 1, 2),
        ("TH", "Thái Lan", 2, 0, 2),
    ]
    assert [c["pk"] for c in data["countries"]] == [countries[k].pk for k in ("LA", "JP", "TH")]
    assert [(f["code"], f["value"]) for f in data["funding"]] == [
        ("province", 3),  # d1, d2, d7
        ("sector", 1),  # d4
        ("partner", 2),  # d3, d9
        ("self_paid", 1),  # d6
    ]


def test_region_country_and_funding_links_list_exactly_the_counted_delegations(users, plan_rows, countries, client_for):
    data = dashboard_data(user=users["coordinator"], year=YEAR)
    la = data["countries"][0]
    path, params = query(la["link"])
    assert path == reverse("delegations:delegation_list")
    assert params == {"year": [str(YEAR)], "country": [str(countries["LA"].pk)], "status": sorted(COUNTED_STATUSES)}
    client = client_for("coordinator")
    assert {d.name for d in client.get(la["link"]).context["filter"].qs} == {"Đoàn d1", "Đoàn d2", "Đoàn d9"}
    sea = next(r for r in data["regions"] if r["code"] == "sea")
    assert query(sea["link"])[1]["region"] == ["sea"]
    assert {d.name for d in client.get(sea["link"]).context["filter"].qs} == {"Đoàn d2", "Đoàn d4"}
    province = data["funding"][0]
    assert query(province["link"])[1]["funding_source"] == ["province"]
    assert {d.name for d in client.get(province["link"]).context["filter"].qs} == {"Đoàn d1", "Đoàn d2", "Đoàn d7"}


def test_conference_and_agreement_statuses(users, plan_rows, client_for):
    data = dashboard_data(user=users["coordinator"], year=YEAR)
    assert values(data["conference_status"]) == {
        "draft": 1,
        "proposed": 1,
        "permitted": 0,
        "held": 1,
        "reported": 1,
        "postponed": 0,
        "cancelled": 0,
    }
    assert values(data["agreement_status"]) == {
        "draft": 0,
        "proposed": 1,
        "consulted": 0,
        "approved": 0,
        "signed": 1,
        "in_force": 1,
        "expired": 0,
        "terminated": 0,
        "cancelled": 0,
    }
    held = next(b for b in data["conference_status"] if b["code"] == "held")
    assert query(held["link"]) == (reverse("conferences:conference_list"), {"year": [str(YEAR)], "status": ["held"]})
    assert [c.pk for c in client_for("coordinator").get(held["link"]).context["filter"].qs] == [plan_rows["c1"].pk]
    signed = next(b for b in data["agreement_status"] if b["code"] == "signed")
    assert query(signed["link"]) == (reverse("agreements:agreement_list"), {"year": [str(YEAR)], "status": ["signed"]})


def test_summary_cards(users, plan_rows):
    cards = dashboard_data(user=users["coordinator"], year=YEAR)["cards"]
    assert [(c["label"], c["value"], c["done"]) for c in cards] == [
        ("Đoàn ra", 4, 1),  # d1, d2, d4, d7; done d2
        ("Đoàn vào", 3, 1),  # d3, d6, d9; done d9
        ("Hội nghị, hội thảo quốc tế", 4, 2),  # held c1, reported c3
        ("Thỏa thuận quốc tế", 3, 2),  # signed a2, in force a3
    ]


def test_an_officer_does_not_count_other_units_drafts(users, plan_rows):
    """officer1 (unit A) sees its own records and what is published, never unit B's draft d4, c2 or proposal a1."""
    data = dashboard_data(user=users["officer1"], year=YEAR)
    assert values(data["regions"])["sea"] == 1  # d2 only: d4 is unit B's draft
    assert [(c["name"], c["value"]) for c in data["countries"]] == [("LA", 3), ("JP", 2), ("TH", 1)]
    assert ("sector", 1) not in [(f["code"], f["value"]) for f in data["funding"]]
    assert values(data["conference_status"])["draft"] == 0
    assert values(data["agreement_status"])["proposed"] == 0
    assert [(c["value"], c["done"]) for c in data["cards"]] == [(3, 1), (3, 1), (3, 2), (2, 2)]
    # officer2 sees its own draft but not unit A's proposal d6.
    other = dashboard_data(user=users["officer2"], year=YEAR)
    assert values(other["regions"])["sea"] == 2
    assert other["no_country"] == 0


def test_the_year_selects_the_rows(users, plan_rows):
    data = dashboard_data(user=users["coordinator"], year=YEAR + 1)
    assert [(c["name"], c["value"]) for c in data["countries"]] == [("LA", 1)]  # d8
    assert dashboard_data(user=users["coordinator"], year=YEAR + 2)["countries"] == []


def test_aggregated_queries_do_not_grow_with_rows(users, plan_rows, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        dashboard_data(user=users["officer1"], year=YEAR)


def test_page_embeds_the_chart_data_and_links(users, plan_rows, client_for):
    response = client_for("officer1").get(reverse("dashboard:dashboard"), {"year": YEAR})
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('<script id="dashboard-data" type="application/json">') + len(
        '<script id="dashboard-data" type="application/json">'
    )
    embedded = json.loads(html[start : html.index("</script>", start)])
    assert embedded == json.loads(json.dumps(dashboard_data(user=users["officer1"], year=YEAR)))
    # Every chart has its clickable figures as plain links too (keyboard, no JavaScript).
    for table in ("quarters", "regions", "countries", "funding", "conferences", "agreements"):
        assert f'id="table-{table}"' in html
    assert f"/delegations/?year={YEAR}&amp;direction=out&amp;quarter=2&amp;status=in_plan" in html
    assert f"/conferences/?year={YEAR}&amp;status=held" in html
    assert "vendor/echarts/echarts.min.js" in html
    assert "vendor/geo/world-countries-110m.geo.json" in html
    assert "cdn" not in html.lower()


def test_page_year_selector_falls_back_on_nonsense(users, client_for):
    response = client_for("leader").get(reverse("dashboard:dashboard"), {"year": "abc"})
    assert response.status_code == 200
    assert response.context["year"] >= 2025


def test_numbers_are_written_the_vietnamese_way():
    assert vi_number(1234567.5) == "1.234.567,5"
    assert vi_number(1234) == "1.234"
    assert vi_number(0) == "0"
    assert vi_number(None) == ""
    assert vi_number(-1234567) == "-1.234.567"
    with translation.override("en"):
        assert vi_number(1234567) == "1,234,567"
        assert vi_number(1234567.5) == "1,234,567.5"


def test_list_links_of_one_page_are_list_links():
    def written_out(name, **params):  # the address as urlencode writes it, empty values left out
        return f"{reverse(name)}?{urlencode({k: v for k, v in params.items() if v not in (None, '', [])}, doseq=True)}"

    links = ListLinks()
    cases = [
        ("delegations:delegation_list", {"year": 2027, "country": 5, "status": COUNTED_STATUSES}),
        ("delegations:delegation_list", {"year": 2027, "country": 6, "status": COUNTED_STATUSES}),
        ("delegations:delegation_list", {"year": 2027, "quarter": 0, "direction": "out", "status": ["done"]}),
        ("delegations:delegation_list", {"year": 2027, "region": None, "funding_source": "", "status": []}),
        ("delegations:delegation_list", {"year": 2027, "q": "Hà Nội & Viêng Chăn", "status": ("a b", "c/d")}),
        ("conferences:conference_list", {"year": 2027, "status": "held"}),
        ("conferences:conference_list", {"year": 2027}),
    ]
    for _ in range(2):  # the second time from what the first kept
        for name, params in cases:
            assert links(name, **params) == list_link(name, **params) == written_out(name, **params)
