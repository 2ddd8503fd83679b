"""A national-scale data set: all 34 provinces over 10 years in one deployment, bulk-inserted.

`generate(scale=1.0)` writes into the current database what a national roll-out would hold after ten years:
34 provinces × ~50 units (each with an officer), ~2,500 foreign partners weighted by how often provinces deal
with their countries (Laos, Japan, Korea, China, Thailand first), and at scale 1.0 250,000 delegations,
50,000 conferences, 20,000 agreements and 200,000 overseas Vietnamese, their statuses weighted by age (past
years mostly done, next year being planned), each record with its field history (one row per workflow step,
≥ 1,000,000 rows) and its search index row. It is the data of `./dev bench` (bench/bench_national.py) and of
the load test (`doingoai national_data --scale S`).

Speed over ceremony: the big tables are written with one `executemany` per chunk (SQLite) or `COPY`
(PostgreSQL), with ids assigned here so that many-to-many rows, history rows (`Historical*` tables) and
search rows (`search_searchentry`; the FTS5 triggers or the generated tsvector column index them) are
written in the same pass — no model `save()`, no signals. The small tables (units, partners, users) go
through `bulk_create` (with history for units and partners). Run on a freshly migrated database after
`load_refdata`; the demo accounts of `devtools.demo` (coordinator, leader, officer1, …) are created when absent.
Deterministic for a given seed and day.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, ClassVar

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from doingoai.agreements.models import Agreement, AgreementStatus, AgreementType
from doingoai.conferences.models import Conference, ConferenceForm, ConferenceStatus
from doingoai.core.choices import FundingSource, PartnerKind, Role, UnitKind
from doingoai.core.models import Country, Partner, Unit, User
from doingoai.delegations.models import Delegation, DelegationGroup, DelegationStatus, Direction
from doingoai.devtools.demo.builder import DEFAULT_PASSWORD, DemoBuilder
from doingoai.devtools.demo.units import DEMO_USERS, build_units, make_user
from doingoai.diaspora.models import OverseasVietnamese
from doingoai.documents.timeparse import parse_planned_time
from doingoai.finance.models import CostLine
from doingoai.reference.text import search_key
from doingoai.search.models import SearchEntry

SEED = 2026
YEARS = 10
FULL = {"delegations": 250_000, "conferences": 50_000, "agreements": 20_000, "overseas_vietnamese": 200_000}
CHUNK = 5_000

# The 34 provinces and cities after the 2025 reorganisation.
PROVINCES = [
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh", "Hưng Yên",
    "Hải Phòng", "Ninh Bình", "Quảng Trị", "Đà Nẵng", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng",
    "Đắk Lắk", "Hồ Chí Minh", "Đồng Nai", "Tây Ninh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
]  # fmt: skip
CITIES = {"Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}

K = UnitKind
G = DelegationGroup
# (name, short name, kind, delegation group); "{p}" is "tỉnh X" or "thành phố X". ~50 units per province.
UNIT_TEMPLATES: list[tuple[str, str, str, str]] = [
    ("Tỉnh ủy {P}", "Tỉnh ủy", K.PARTY, G.CENTRAL_LEADERS),
    ("Hội đồng nhân dân {p}", "HĐND", K.COUNCIL, G.PROVINCIAL_LEADERS),
    ("Văn phòng UBND {p}", "VP UBND", K.PEOPLES_COMMITTEE, G.PROVINCIAL_LEADERS),
    ("Sở Ngoại vụ {p}", "SNgV", K.DEPARTMENT, G.DEPARTMENTS),
    ("Sở Tài chính {p}", "STC", K.DEPARTMENT, G.DEPARTMENTS),
    ("Sở Du lịch {p}", "SDL", K.DEPARTMENT, G.DEPARTMENTS),
    ("Sở Y tế {p}", "SYT", K.DEPARTMENT, G.DEPARTMENTS),
    ("Sở Giáo dục và Đào tạo {p}", "SGDĐT", K.DEPARTMENT, G.DEPARTMENTS),
    ("Sở Công Thương {p}", "SCT", K.DEPARTMENT, G.DEPARTMENTS),
    ("Sở Văn hóa và Thể thao {p}", "SVHTT", K.DEPARTMENT, G.DEPARTMENTS),
    ("Sở Khoa học và Công nghệ {p}", "SKHCN", K.DEPARTMENT, G.DEPARTMENTS),
    ("Sở Nông nghiệp và Môi trường {p}", "SNNMT", K.DEPARTMENT, G.DEPARTMENTS),
    ("Sở Nội vụ {p}", "SNV", K.DEPARTMENT, G.DEPARTMENTS),
    ("Sở Xây dựng {p}", "SXD", K.DEPARTMENT, G.DEPARTMENTS),
    ("Sở Tư pháp {p}", "STP", K.DEPARTMENT, G.DEPARTMENTS),
    ("Ban Quản lý các khu kinh tế, khu công nghiệp {p}", "BQL KKT", K.DEPARTMENT, G.DEPARTMENTS),
    ("Thanh tra {p}", "TT", K.DEPARTMENT, G.DEPARTMENTS),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam {p}", "MTTQ", K.MASS_ORG, G.DEPARTMENTS),
    ("Hội Liên hiệp Phụ nữ {p}", "HLHPN", K.MASS_ORG, G.DEPARTMENTS),
    ("Tỉnh đoàn {P}", "Tỉnh đoàn", K.MASS_ORG, G.DEPARTMENTS),
    ("Hội Nông dân {p}", "HND", K.MASS_ORG, G.DEPARTMENTS),
    ("Liên đoàn Lao động {p}", "LĐLĐ", K.MASS_ORG, G.DEPARTMENTS),
    ("Liên hiệp các tổ chức hữu nghị {p}", "LHHN", K.MASS_ORG, G.DEPARTMENTS),
    ("Công an {p}", "CA", K.ARMED_FORCE, G.ARMED_FORCES),
    ("Bộ Chỉ huy Quân sự {p}", "BCHQS", K.ARMED_FORCE, G.ARMED_FORCES),
    ("Bộ Chỉ huy Bộ đội Biên phòng {p}", "BĐBP", K.ARMED_FORCE, G.ARMED_FORCES),
    ("Trường Đại học {P}", "ĐH", K.ENTERPRISE, G.DEPARTMENTS),
    ("Trường Cao đẳng Kỹ thuật {P}", "CĐKT", K.ENTERPRISE, G.DEPARTMENTS),
    ("Bệnh viện Đa khoa {p}", "BVĐK", K.ENTERPRISE, G.DEPARTMENTS),
    ("Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch {p}", "TTXT", K.ENTERPRISE, G.DEPARTMENTS),
    ("Đài Phát thanh và Truyền hình {p}", "PTTH", K.ENTERPRISE, G.DEPARTMENTS),
    ("Hiệp hội Doanh nghiệp {p}", "HHDN", K.ENTERPRISE, G.DEPARTMENTS),
    *[(f"Ủy ban nhân dân phường {n} ({{P}})", f"P.{n}", K.COMMUNE, G.DISTRICTS) for n in range(1, 9)],
    *[(f"Ủy ban nhân dân xã {n} ({{P}})", f"X.{n}", K.COMMUNE, G.DISTRICTS) for n in range(1, 10)],
]

# How often provinces work with a country (share of delegations); the rest go to the other countries.
COUNTRY_WEIGHTS = {
    "LA": 22, "JP": 12, "KR": 11, "CN": 10, "TH": 7, "KH": 6, "SG": 3, "US": 3, "FR": 2.5, "DE": 2, "AU": 2,
    "RU": 2, "IN": 1.5, "CU": 1, "GB": 1, "TW": 1.5, "MY": 1, "ID": 1, "PH": 0.8, "MM": 0.8, "NL": 0.8,
    "IT": 0.6, "BE": 0.5, "CZ": 0.5, "HU": 0.5, "CA": 0.8, "NZ": 0.5, "IL": 0.4, "BY": 0.3, "MN": 0.4,
}  # fmt: skip
DIASPORA_WEIGHTS = {
    "US": 30, "AU": 8, "FR": 6, "CA": 6, "JP": 9, "KR": 7, "DE": 5, "TW": 8, "LA": 5, "TH": 4, "CZ": 2,
    "RU": 2, "GB": 2, "KH": 3, "PL": 1, "NL": 1, "MY": 1,
}  # fmt: skip
LOCALITIES = {
    "LA": ["Viêng-chăn", "Luông Pha-bang", "Xiêng-khoảng", "Hủa Phăn", "Bô-ly-khăm-xay", "Khăm-muộn",
           "Xa-vẳn-na-khệt", "Chăm-pa-xắc", "Sa-la-van", "Sê-kông", "Át-ta-pư", "Phông-xa-lỳ", "U-đôm-xay",
           "Luổng-nặm-thà", "Bò-kẹo", "Xay-nha-bu-ly", "Xay-xổm-bun", "Viêng-chăn (tỉnh)"],
    "JP": ["Gifu", "Gunma", "Okayama", "Kanagawa", "Osaka", "Fukuoka", "Hokkaido", "Aichi", "Hyogo", "Nagano",
           "Shizuoka", "Tottori", "Kumamoto", "Niigata", "Saitama", "Chiba", "Hiroshima", "Ibaraki", "Nara",
           "Kyoto", "Tokushima", "Kochi"],
    "KR": ["Gyeonggi", "Gangwon", "Chungcheong Bắc", "Chungcheong Nam", "Jeolla Bắc", "Jeolla Nam",
           "Gyeongsang Bắc", "Gyeongsang Nam", "Jeju", "Busan", "Incheon", "Daegu", "Gwangju", "Daejeon", "Ulsan"],
    "CN": ["Quảng Tây", "Vân Nam", "Quảng Đông", "Hải Nam", "Tứ Xuyên", "Chiết Giang", "Giang Tô", "Hồ Nam",
           "Sơn Đông", "Phúc Kiến", "Quý Châu", "Trùng Khánh", "Thượng Hải", "Bắc Kinh"],
    "TH": ["Udon Thani", "Nakhon Phanom", "Khon Kaen", "Sakon Nakhon", "Mukdahan", "Ubon Ratchathani",
           "Chiang Mai", "Nong Khai", "Bangkok", "Phuket"],
    "KH": ["Ratanakiri", "Mondulkiri", "Kratie", "Svay Rieng", "Takeo", "Kampot", "Siem Reap", "Battambang",
           "Phnom Penh"],
    "US": ["California", "Texas", "Washington", "Oregon", "Massachusetts", "Virginia"],
    "FR": ["Île-de-France", "Normandie", "Bretagne", "Occitanie"],
    "RU": ["Ulyanovsk", "Tatarstan", "Novosibirsk", "Saint Petersburg"],
    "AU": ["New South Wales", "Victoria", "Queensland"],
}  # fmt: skip
SYLLABLES = ["An", "Bảo", "Cát", "Đông", "Gia", "Hòa", "Kim", "Long", "Minh", "Nam", "Phú", "Quang", "Sao",
             "Tân", "Thịnh", "Trường", "Vạn", "Việt", "Á", "Hưng"]  # fmt: skip
TOPICS = [
    "xúc tiến đầu tư, thương mại", "hợp tác giáo dục và đào tạo", "quảng bá du lịch", "hợp tác y tế",
    "trao đổi kinh nghiệm quản lý", "hợp tác nông nghiệp công nghệ cao", "giao lưu văn hóa, thể thao",
    "hợp tác lao động", "hợp tác biên giới và an ninh", "chuyển đổi số và khoa học công nghệ",
    "hợp tác môi trường và ứng phó biến đổi khí hậu", "thăm hữu nghị và làm việc",
]  # fmt: skip
TIMES = [
    "Quý I", "Quý II", "Quý III", "Quý IV", "Quý II/Quý III", "Tháng 3", "Tháng 4", "Tháng 5", "Tháng 6",
    "Tháng 8", "Tháng 9", "Tháng 10", "Tháng 11-12", "6 tháng đầu năm", "6 tháng cuối năm",
    "Tùy thuộc lịch thi đấu", "Tháng 4-5",
]  # fmt: skip
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Ngọc", "Hữu", "Quang", "Thu", "Xuân"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Giang", "Hà", "Hải", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long",
         "Mai", "Nam", "Nga", "Phúc", "Quỳnh", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Vân", "Yến"]  # fmt: skip
OCCUPATIONS = ["Kinh doanh", "Kỹ sư", "Bác sĩ", "Giảng viên", "Sinh viên", "Lao động", "Nhà hàng", "Nghiên cứu viên"]
FUNDING = [FundingSource.PROVINCE, FundingSource.SECTOR, FundingSource.PARTNER, FundingSource.SELF_FINANCED,
           FundingSource.SELF_PAID, FundingSource.CENTRAL]  # fmt: skip
FUNDING_WEIGHTS = [45, 15, 15, 10, 10, 5]


class Weighted:
    """Draws keys of a {key: weight} table (cumulative weights computed once)."""

    def __init__(self, table: Mapping[Any, float]) -> None:
        self.keys = list(table)
        self.cumulative: list[float] = []
        total = 0.0
        for key in self.keys:
            total += table[key]
            self.cumulative.append(total)

    def draw(self, rng: random.Random, k: int = 1) -> list[Any]:
        return rng.choices(self.keys, cum_weights=self.cumulative, k=k)

    def one(self, rng: random.Random) -> Any:
        return rng.choices(self.keys, cum_weights=self.cumulative)[0]


FUNDING_TABLE = Weighted(dict(zip(FUNDING, FUNDING_WEIGHTS, strict=True)))
FORM_TABLE = Weighted({ConferenceForm.IN_PERSON: 70, ConferenceForm.HYBRID: 20, ConferenceForm.ONLINE: 10})
AGREEMENT_TYPE_TABLE = Weighted({AgreementType.MOU: 50, AgreementType.AGREEMENT: 30, AgreementType.MINUTES: 20})

DS, CS, AS = DelegationStatus, ConferenceStatus, AgreementStatus
# Statuses weighted by the record's age: past years (mostly done), the current year, next year (planning).
DELEGATION_STATUS = {
    "past": {DS.DONE: 72, DS.CANCELLED: 10, DS.POSTPONED: 8, DS.APPROVED: 6, DS.IN_PLAN: 4},
    "now": {DS.DRAFT: 4, DS.PROPOSED: 10, DS.IN_PLAN: 30, DS.APPROVED: 26, DS.DONE: 22, DS.POSTPONED: 5,
            DS.CANCELLED: 3},
    "next": {DS.DRAFT: 45, DS.PROPOSED: 45, DS.IN_PLAN: 10},
}  # fmt: skip
DELEGATION_STATUS_TABLES = {age: Weighted(t) for age, t in DELEGATION_STATUS.items()}
DELEGATION_PATH = [DS.DRAFT, DS.PROPOSED, DS.IN_PLAN, DS.APPROVED, DS.DONE]
CONFERENCE_STATUS = {
    "past": {CS.REPORTED: 60, CS.HELD: 15, CS.CANCELLED: 10, CS.POSTPONED: 10, CS.PERMITTED: 5},
    "now": {CS.DRAFT: 5, CS.PROPOSED: 20, CS.PERMITTED: 30, CS.HELD: 20, CS.REPORTED: 15, CS.POSTPONED: 5,
            CS.CANCELLED: 5},
    "next": {CS.DRAFT: 50, CS.PROPOSED: 50},
}  # fmt: skip
CONFERENCE_STATUS_TABLES = {age: Weighted(t) for age, t in CONFERENCE_STATUS.items()}
CONFERENCE_PATH = [CS.DRAFT, CS.PROPOSED, CS.PERMITTED, CS.HELD, CS.REPORTED]
AGREEMENT_STATUS = {
    "past": {AS.IN_FORCE: 40, AS.EXPIRED: 15, AS.SIGNED: 15, AS.TERMINATED: 5, AS.CANCELLED: 10, AS.APPROVED: 5,
             AS.CONSULTED: 5, AS.PROPOSED: 5},
    "now": {AS.DRAFT: 10, AS.PROPOSED: 25, AS.CONSULTED: 20, AS.APPROVED: 15, AS.SIGNED: 15, AS.IN_FORCE: 10,
            AS.CANCELLED: 5},
    "next": {AS.DRAFT: 50, AS.PROPOSED: 50},
}  # fmt: skip
AGREEMENT_STATUS_TABLES = {age: Weighted(t) for age, t in AGREEMENT_STATUS.items()}
AGREEMENT_PATH = [AS.DRAFT, AS.PROPOSED, AS.CONSULTED, AS.APPROVED, AS.SIGNED, AS.IN_FORCE, AS.EXPIRED]
STOP_STATUSES = {"postponed", "cancelled", "terminated"}  # reached from the last "planned" status of the path


def status_path(path: Sequence[str], status: str, branch_from: str) -> list[str]:
    """The statuses a record went through to reach `status` (a stop status branches off `branch_from`)."""
    if status in STOP_STATUSES:
        return [*path[: path.index(branch_from) + 1], status]
    return list(path[: path.index(status) + 1])


def _age(year: int, this: int) -> str:
    return "past" if year < this else ("now" if year == this else "next")


class Writer:
    """Bulk rows into a table: `executemany` on SQLite, `COPY` on PostgreSQL; ids are assigned by the caller."""

    def __init__(self) -> None:
        self.vendor = connection.vendor
        self.rows = 0
        self._keys: dict[str, str] = {}

    def key(self, text: str) -> str:
        """`search_key`, remembered: generated texts repeat (units, countries, topics)."""
        found = self._keys.get(text)
        if found is None:
            found = self._keys[text] = search_key(text)
        return found

    def fast_writes(self, on: bool) -> None:
        """SQLite: no fsync and a big page cache while loading (a failed load is simply run again)."""
        if self.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA synchronous=OFF" if on else "PRAGMA synchronous=NORMAL")
                cursor.execute("PRAGMA cache_size=-262144" if on else "PRAGMA cache_size=-2000")

    def next_id(self, model: type[models.Model]) -> int:
        return (model._default_manager.aggregate(m=Max("pk"))["m"] or 0) + 1

    def ts(self, value: dt.datetime) -> Any:
        """A UTC timestamp as the database column wants it (SQLite: Django's naive UTC text)."""
        if self.vendor == "sqlite":
            return value.replace(tzinfo=None).isoformat(" ")
        return value

    def day(self, value: dt.date | None) -> Any:
        if value is None or self.vendor != "sqlite":
            return value
        return value.isoformat()

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
        with connection.cursor() as cursor:
            if self.vendor == "postgresql":
                raw = cursor.cursor  # psycopg 3
                with raw.copy(f"COPY {connection.ops.quote_name(table)} ({quoted}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(f"INSERT INTO {connection.ops.quote_name(table)} ({quoted}) VALUES ({marks})", rows)  # noqa: S608 - names from the models
        self.rows += len(rows)


def _defaults(model: type[models.Model]) -> dict[str, Any]:
    """Column defaults of `model` (field default, NULL, or empty text) by attname."""
    values: dict[str, Any] = {}
    for f in model._meta.concrete_fields:
        if f.has_default():
            values[f.attname] = f.get_default()
        elif f.null:
            values[f.attname] = None
        elif isinstance(f, models.CharField | models.TextField):
            values[f.attname] = ""
    return values


class Table:
    """One registry's rows, its history rows and its search rows, written chunk by chunk."""

    def __init__(self, writer: Writer, model: type[models.Model]) -> None:
        self.writer = writer
        self.model = model
        self.columns = [f.attname for f in model._meta.concrete_fields]
        self.defaults = _defaults(model)
        history = model.history.model  # type: ignore[attr-defined]
        self.history_table = history._meta.db_table
        self.history_columns = [f.attname for f in history._meta.concrete_fields if f.attname != "history_id"]
        self.rows: list[tuple[Any, ...]] = []
        self.history: list[tuple[Any, ...]] = []
        self.search: list[tuple[Any, ...]] = []
        self.links: dict[str, list[tuple[int, int]]] = {}
        self.registry = model._meta.label_lower
        self.history_rows = 0

    def add(
        self,
        values: dict[str, Any],
        steps: Iterable[tuple[dt.datetime, str, dict[str, Any], int | None]],
        title: str,
        parts: Sequence[str],
        *,
        personal: bool = False,
    ) -> None:
        """One record: its final `values`, its history `steps` (when, type, changed values, user), its search text."""
        row = self.defaults | values
        self.rows.append(tuple(row[c] for c in self.columns))
        hcols = self.history_columns
        for when, kind, changes, user_id in steps:
            snap = row | changes | {"history_date": when, "history_type": kind, "history_user_id": user_id}
            snap.setdefault("history_change_reason", None)
            self.history.append(tuple(snap[c] for c in hcols))
        text = "\n".join(str(p) for p in parts if p)  # choice labels are lazy (they follow the language)
        key = self.writer.key
        self.search.append(
            (
                self.registry,
                row["id"],
                title[:500],
                key(title),
                " ".join(k for k in (key(p) for p in parts) if k),
                "" if personal else text[:20000],
                row["updated_at"],
            )
        )

    def link(self, field: str, pairs: Iterable[tuple[int, int]]) -> None:
        self.links.setdefault(field, []).extend(pairs)

    def flush(self) -> None:
        w = self.writer
        w.insert(self.model._meta.db_table, self.columns, self.rows)
        for name, pairs in self.links.items():
            through = self.model._meta.get_field(name).remote_field.through  # type: ignore[union-attr]
            cols = [f.attname for f in through._meta.concrete_fields if f.attname != "id"]
            w.insert(through._meta.db_table, cols, pairs)
        w.insert(self.history_table, self.history_columns, self.history)
        w.insert(
            SearchEntry._meta.db_table,
            ["registry", "object_id", "title", "title_key", "body", "text", "updated_at"],
            self.search,
        )
        self.history_rows += len(self.history)
        self.rows, self.history, self.search, self.links = [], [], [], {}


class Generator:
    def __init__(self, *, scale: float, seed: int, today: dt.date) -> None:
        self.scale = scale
        self.rng = random.Random(seed)  # noqa: S311 - test data, not security
        self.today = today
        self.now = dt.datetime.combine(today, dt.time(9, 0), tzinfo=dt.UTC)
        self.this = today.year
        self.years = list(range(self.this - YEARS + 2, self.this + 2))  # 8 past years, this year, next year
        self.w = Writer()
        self.counts: dict[str, int] = {}
        self.seconds: dict[str, float] = {}
        self._masks: dict[str, int] = {}

    # ---------------------------------------------------------------- helpers

    def mask(self, text: str) -> int:
        if text not in self._masks:
            self._masks[text] = parse_planned_time(text).mask
        return self._masks[text]

    def moment(self, start: dt.datetime, days: int) -> dt.datetime:
        """`start` plus up to `days` days, never after now."""
        when = start + dt.timedelta(days=self.rng.randint(1, max(days, 1)), seconds=self.rng.randint(0, 30000))
        return min(when, self.now - dt.timedelta(minutes=self.rng.randint(1, 600)))

    def created(self, year: int) -> dt.datetime:
        """Proposals for year Y are written from September of Y-1; next year's from January of this year."""
        start = (
            dt.datetime(year - 1, 9, 1, tzinfo=dt.UTC)
            if year <= self.this
            else dt.datetime(self.this, 1, 2, tzinfo=dt.UTC)
        )
        return self.moment(start, 100)

    def timed(self, name: str, action: Callable[[], int]) -> None:
        started = time.perf_counter()
        self.counts[name] = action()
        self.seconds[name] = round(time.perf_counter() - started, 1)

    def n(self, name: str) -> int:
        return max(1, round(FULL[name] * self.scale))

    # ---------------------------------------------------------------- reference: units, users, partners

    def demo_accounts(self) -> None:
        """The demo province's units and accounts (coordinator, leader, officer1, …) unless they exist."""
        builder = DemoBuilder(password=os.environ.get("DEMO_PASSWORD") or DEFAULT_PASSWORD, today=self.today)
        if not User.objects.filter(username__in=[u.username for u in DEMO_USERS]).exists():
            build_units(builder)
            for spec in DEMO_USERS:
                unit = builder.units.get(spec.unit) if spec.unit else None
                make_user(builder, spec.username, spec.role, unit, spec.full_name, superuser=spec.superuser)
        users = {u.username: u for u in User.objects.filter(username__in=["coordinator", "leader"])}
        self.coordinator_id = users["coordinator"].pk
        self.leader_id = users["leader"].pk

    def units(self) -> int:
        """Units of the 34 provinces under their people's committees; names the demo already holds are reused."""
        if Unit.objects.filter(name=self._unit_name("Sở Ngoại vụ {p}", PROVINCES[0])).exists():
            raise ValueError("Dữ liệu quy mô toàn quốc đã có trong cơ sở dữ liệu này (chạy trên cơ sở dữ liệu mới).")
        reason = "Dữ liệu quy mô toàn quốc"
        root_names = {p: f"Ủy ban nhân dân {self._where(p)}" for p in PROVINCES}
        names = {self._unit_name(t, p): (p, group) for p in PROVINCES for t, _, _, group in UNIT_TEMPLATES}
        existing = set(Unit.objects.filter(name__in=[*root_names.values(), *names]).values_list("name", flat=True))
        roots = [
            Unit(name=name, short_name=f"UBND {p}", kind=K.PEOPLES_COMMITTEE)
            for p, name in root_names.items()
            if name not in existing
        ]
        bulk_create_with_history(roots, Unit, batch_size=1000, default_change_reason=reason)
        root_ids = dict(Unit.objects.filter(name__in=list(root_names.values())).values_list("name", "pk"))
        children = [
            Unit(name=self._unit_name(t, p), short_name=f"{short} {p}", kind=kind, parent_id=root_ids[root_names[p]])
            for p in PROVINCES
            for t, short, kind, _ in UNIT_TEMPLATES
            if self._unit_name(t, p) not in existing
        ]
        bulk_create_with_history(children, Unit, batch_size=1000, default_change_reason=reason)
        self.unit_rows: list[tuple[int, str, str, str]] = []  # (id, name, province, delegation group)
        self.foreign_desk: dict[str, int] = {}
        for pk, name in Unit.objects.filter(name__in=list(names)).values_list("pk", "name"):
            province, group = names[name]
            self.unit_rows.append((pk, name, province, group))
            if name.startswith("Sở Ngoại vụ"):
                self.foreign_desk[province] = pk
        self.unit_rows.sort()
        self.unit_names = {pk: name for pk, name, _, _ in self.unit_rows}
        self.units_by_province: dict[str, list[tuple[int, str, str, str]]] = {}
        for row in self.unit_rows:
            self.units_by_province.setdefault(row[2], []).append(row)
        return len(roots) + len(children)

    @staticmethod
    def _where(province: str) -> str:
        return f"thành phố {province}" if province in CITIES else f"tỉnh {province}"

    def _unit_name(self, template: str, province: str) -> str:
        where = self._where(province)
        return template.format(p=where, P=province if province not in CITIES else f"thành phố {province}")

    def users(self) -> int:
        shared = make_password("!")  # unusable for login: these officers exist to own records and history rows
        users = [
            User(
                username=f"cb{pk}",
                password=shared,
                role=Role.UNIT_OFFICER,
                unit_id=pk,
                first_name=self.rng.choice(GIVEN),
                last_name=f"{self.rng.choice(SURNAMES)} {self.rng.choice(MIDDLE)}",
            )
            for pk, _, _, _ in self.unit_rows
        ]
        User.objects.bulk_create(users, batch_size=1000)
        self.officer = dict(User.objects.filter(username__startswith="cb").values_list("unit_id", "pk"))
        return len(users)

    def partners(self) -> int:
        countries = {c.code: c for c in Country.objects.all()}
        self.country_name = {c.pk: c.name_vi for c in countries.values()}
        self.country_ids = {code: c.pk for code, c in countries.items()}
        existing: set[tuple[str, int | None]] = set(Partner.objects.values_list("name", "country_id"))
        new: list[Partner] = []

        def add(name: str, kind: str, code: str | None) -> None:
            country_id = countries[code].pk if code else None
            if (name, country_id) in existing:
                return
            existing.add((name, country_id))
            new.append(Partner(name=name, kind=kind, country_id=country_id, search_text=search_key(name)))

        for code in COUNTRY_WEIGHTS:
            if code not in countries:
                continue
            cname = countries[code].name_vi
            for place in LOCALITIES.get(code, []):
                add(f"Chính quyền {place}", PartnerKind.LOCALITY, code)
                add(f"Trường Đại học {place}", PartnerKind.UNIVERSITY, code)
                add(f"Phòng Thương mại và Công nghiệp {place}", PartnerKind.BUSINESS_ASSOC, code)
            add(f"Đại sứ quán {cname} tại Việt Nam", PartnerKind.MISSION, code)
            add(f"Tổng Lãnh sự quán {cname} tại Thành phố Hồ Chí Minh", PartnerKind.MISSION, code)
            add(f"Hiệp hội doanh nghiệp {cname} tại Việt Nam", PartnerKind.BUSINESS_ASSOC, code)
            add(f"Bộ Ngoại giao {cname}", PartnerKind.GOVERNMENT, code)
            for i in range(int(20 + COUNTRY_WEIGHTS[code] * 5)):
                brand = f"{self.rng.choice(SYLLABLES)} {self.rng.choice(SYLLABLES)}"
                add(f"Công ty {brand} {cname} {i + 1:03d}", PartnerKind.ENTERPRISE, code)
        for org in ["UNDP", "UNICEF", "WHO", "FAO", "UNFPA", "UNESCO", "ADB", "Ngân hàng Thế giới", "IOM", "ILO"]:
            add(f"{org} tại Việt Nam", PartnerKind.INTL_ORG, None)
        bulk_create_with_history(new, Partner, batch_size=1000, default_change_reason="Dữ liệu quy mô toàn quốc")
        self.partners_by_country: dict[int, list[tuple[int, str]]] = {}
        for pk, name, country_id in Partner.objects.values_list("pk", "name", "country_id"):
            label = f"{name} ({self.country_name[country_id]})" if country_id else name
            self.partners_by_country.setdefault(country_id or 0, []).append((pk, label))
        weighted = {countries[c].pk: w for c, w in COUNTRY_WEIGHTS.items() if c in countries}
        others = [c.pk for c in countries.values() if c.pk not in weighted and c.code != "VN"]
        for pk in others:
            weighted[pk] = 0.03  # every other country now and then
        self.country_table = Weighted(weighted)
        self.diaspora_table = Weighted({countries[c].pk: w for c, w in DIASPORA_WEIGHTS.items() if c in countries})
        return len(new)

    def index_reference(self) -> int:
        """Search rows for the new units and partners (through the ordinary indexing: a few thousand rows)."""
        from doingoai.search.indexing import index_queryset
        from doingoai.search.registry import spec_for

        count = 0
        for model, pks in ((Unit, self.unit_names), (Partner, None)):
            spec = spec_for(model)
            if spec is None:
                continue
            qs = model._default_manager.all()
            if pks is not None:
                qs = qs.filter(pk__in=list(pks))
            else:
                qs = qs.exclude(pk__in=SearchEntry.objects.filter(registry=spec.key).values("object_id"))
            count += index_queryset(spec, qs)
        return count

    # ---------------------------------------------------------------- registries

    def _countries(self) -> list[int]:
        k = 1 if self.rng.random() < 0.85 else self.rng.randint(2, 3)
        return list(dict.fromkeys(self.country_table.draw(self.rng, k)))

    def _partner(self, country_id: int) -> tuple[int, str] | None:
        options = self.partners_by_country.get(country_id)
        return self.rng.choice(options) if options else None

    def _steps(
        self, path: list[str], created: dt.datetime, owner: int | None, deciders: Mapping[Any, int | None]
    ) -> list[tuple[Any, str, dict[str, Any], int | None]]:
        """History: created as a draft by the unit, then one change per workflow step."""
        when = created
        steps: list[tuple[dt.datetime, str, dict[str, Any], int | None]] = []
        for i, status in enumerate(path):
            if i:
                when = self.moment(when, 40)
            steps.append(
                (
                    when,
                    "+" if i == 0 else "~",
                    {"status": status, "version": i + 1, "updated_at": self.w.ts(when)},
                    deciders.get(status, owner),
                )
            )
        return [(self.w.ts(w), k, c, u) for w, k, c, u in steps]

    def delegations(self) -> int:
        table = Table(self.w, Delegation)
        lines: list[list[Any]] = []
        self.delegation_type = ContentType.objects.get_for_model(Delegation).pk
        total = self.n("delegations")
        next_id = self.w.next_id(Delegation)
        deciders = {DS.IN_PLAN: self.coordinator_id, DS.APPROVED: self.leader_id}
        labels = {**dict(DS.choices), **dict(Direction.choices)}
        rng = self.rng
        for i in range(total):
            pk = next_id + i
            province = PROVINCES[i % len(PROVINCES)]
            unit_id, unit_name, _, group = rng.choice(self.units_by_province[province])
            year = self.years[i % len(self.years)]
            status = DELEGATION_STATUS_TABLES[_age(year, self.this)].one(rng)
            direction = Direction.OUT if rng.random() < 0.6 else Direction.IN
            countries = self._countries()
            partner = self._partner(countries[0]) if rng.random() < 0.7 else None
            country_names = ", ".join(self.country_name[c] for c in countries)
            topic = rng.choice(TOPICS)
            if direction == Direction.OUT:
                name = f"Đoàn {unit_name} đi {country_names}: {topic}"
            else:
                guest = partner[1] if partner else f"đối tác {country_names}"
                name = f"Đón đoàn {guest} thăm {self._where(province)}: {topic}"
            time_text = rng.choice(TIMES)
            path = status_path(DELEGATION_PATH, status, DS.IN_PLAN)
            created = self.created(year)
            steps = self._steps(path, created, self.officer.get(unit_id), deciders)
            values: dict[str, Any] = {
                "id": pk,
                "created_at": steps[0][0],
                "updated_at": steps[-1][0],
                "version": len(steps),
                "year": year,
                "time_text": time_text,
                "month_mask": self.mask(time_text),
                "direction": direction,
                "group": group,
                "name": name,
                "capacity": "Đoàn công tác của tỉnh",
                "head": f"Lãnh đạo {unit_name}",
                "size": rng.randint(3, 15),
                "composition": "Lãnh đạo đơn vị; chuyên viên; phiên dịch",
                "partner_text": partner[1] if partner else "",
                "purpose": f"Làm việc về {topic}; ký kết, triển khai các thỏa thuận hợp tác",
                "duration_text": f"{rng.randint(3, 10):02d} ngày",
                "funding_source": FUNDING_TABLE.one(rng),
                "uses_state_budget": rng.random() < 0.7,
                "proposing_unit_id": unit_id,
                "status": status,
            }
            if status in (DS.APPROVED, DS.DONE):
                values["decision_ref"] = f"{rng.randint(100, 4000)}/QĐ-UBND"
                values["decision_date"] = self.w.day(dt.date(year, 1, 1) + dt.timedelta(days=rng.randint(0, 60)))
            if status == DS.DONE:
                start = min(dt.date(year, rng.randint(1, 12), rng.randint(1, 28)), self.today - dt.timedelta(days=20))
                end = start + dt.timedelta(days=rng.randint(3, 10))
                values["actual_start"], values["actual_end"] = self.w.day(start), self.w.day(end)
                if rng.random() < 0.85:
                    values["result_report"] = f"Đoàn đã hoàn thành chương trình làm việc về {topic}."
                    values["result_reported_on"] = self.w.day(end + dt.timedelta(days=rng.randint(2, 25)))
            if values["uses_state_budget"] and status in (DS.IN_PLAN, DS.APPROVED, DS.DONE):
                values |= self._budget(pk, direction, status, values["funding_source"], values["size"], lines)
            parts = [
                labels[direction], values["capacity"], values["head"], values["composition"], country_names,
                partner[1] if partner else "", values["partner_text"], values["purpose"], time_text, unit_name,
                values.get("decision_ref", ""), labels[status],
            ]  # fmt: skip
            table.add(values, steps, name, parts)
            table.link("countries", ((pk, c) for c in countries))
            if partner:
                table.link("partners", [(pk, partner[0])])
            if len(table.rows) >= CHUNK:
                self._flush(table, lines)
        self._flush(table, lines)
        self.counts["delegation_history"] = table.history_rows
        return total

    COST_LINES: ClassVar[dict[str, tuple[tuple[str, int, int], ...]]] = {
        # category, unit price range in thousand đồng (per person, per day where it applies)
        Direction.OUT: (("air_fare", 12_000, 38_000), ("allowance", 1_000, 2_000), ("accommodation", 2_000, 4_500)),
        Direction.IN: (("accommodation", 1_600, 4_800), ("meals", 1_200, 3_000), ("reception", 1_200, 3_000)),
    }

    def _budget(self, pk: int, direction: str, status: str, source: str, size: int, lines: list) -> dict[str, Any]:
        """Three estimate lines of a state-budget delegation: appraised once in the plan (mostly), settled for most
        done trips; the record's totals as the services keep them."""
        rng, now = self.rng, self.w.ts(timezone.now())
        appraised = status != DS.IN_PLAN or rng.random() < 0.5
        settled = status == DS.DONE and rng.random() < 0.7
        totals = {"estimate": 0, "appraised": 0, "actual": 0}
        for order, (category, low, high) in enumerate(self.COST_LINES[direction], start=1):
            days = 1 if category in ("air_fare", "reception") else rng.randint(3, 8)
            price = rng.randint(low, high) * 1000
            amount = size * days * price
            agreed = amount - (amount // 10 if rng.random() < 0.2 else 0)
            spent = agreed * rng.randint(85, 102) // 100 if settled else None
            totals["estimate"] += amount
            totals["appraised"] += agreed
            totals["actual"] += spent or 0
            lines.append([
                self.delegation_type, pk, order * 10, category, "", size, days, price, "VND", amount, source,
                False, agreed if appraised else None, spent, "", now, now,
            ])  # fmt: skip
        return {
            "budget_status": "settled" if settled else "appraised" if appraised else "pending",
            "estimate_vnd": totals["estimate"],
            "appraised_vnd": totals["appraised"] if appraised else None,
            "actual_vnd": totals["actual"] if settled else None,
        }

    def conferences(self) -> int:
        table = Table(self.w, Conference)
        total = self.n("conferences")
        next_id = self.w.next_id(Conference)
        deciders = {CS.PERMITTED: self.leader_id}
        labels = dict(CS.choices)
        rng = self.rng
        for i in range(total):
            pk = next_id + i
            province = PROVINCES[i % len(PROVINCES)]
            unit_id, unit_name, _, _ = rng.choice(self.units_by_province[province])
            year = self.years[i % len(self.years)]
            status = CONFERENCE_STATUS_TABLES[_age(year, self.this)].one(rng)
            countries = self._countries()
            partner = self._partner(countries[0]) if rng.random() < 0.6 else None
            topic = rng.choice(TOPICS)
            title = f"Hội thảo quốc tế về {topic} tại {self._where(province)}"
            time_text = rng.choice(TIMES)
            steps = self._steps(
                status_path(CONFERENCE_PATH, status, CS.PROPOSED), self.created(year), self.officer.get(unit_id),
                deciders,
            )  # fmt: skip
            place = f"Trung tâm Hội nghị {self._where(province)}"
            values: dict[str, Any] = {
                "id": pk,
                "created_at": steps[0][0],
                "updated_at": steps[-1][0],
                "version": len(steps),
                "year": year,
                "time_text": time_text,
                "month_mask": self.mask(time_text),
                "title": title,
                "form": FORM_TABLE.one(rng),
                "partner_text": partner[1] if partner else "",
                "delegates_vn": rng.randint(30, 300),
                "delegates_foreign_in_vn": rng.randint(0, 30),
                "delegates_from_abroad": rng.randint(0, 50),
                "days": rng.randint(1, 3),
                "place": place,
                "funding_source": FUNDING_TABLE.one(rng),
                "uses_state_budget": rng.random() < 0.6,
                "organising_unit_id": unit_id,
                "status": status,
            }
            parts = [values["partner_text"], ", ".join(self.country_name[c] for c in countries), place, time_text,
                     unit_name, labels[status]]  # fmt: skip
            table.add(values, steps, title, parts)
            table.link("countries", ((pk, c) for c in countries))
            if partner:
                table.link("partners", [(pk, partner[0])])
            if len(table.rows) >= CHUNK:
                self._flush(table)
        self._flush(table)
        self.counts["conference_history"] = table.history_rows
        return total

    def agreements(self) -> int:
        table = Table(self.w, Agreement)
        total = self.n("agreements")
        next_id = self.w.next_id(Agreement)
        deciders = {AS.CONSULTED: self.coordinator_id, AS.APPROVED: self.leader_id}
        labels = {**dict(AS.choices), **dict(AgreementType.choices)}
        rng = self.rng
        for i in range(total):
            pk = next_id + i
            province = PROVINCES[i % len(PROVINCES)]
            unit_id, unit_name, _, _ = rng.choice(self.units_by_province[province])
            year = self.years[i % len(self.years)]
            status = AGREEMENT_STATUS_TABLES[_age(year, self.this)].one(rng)
            country = self._countries()[0]
            partner = self._partner(country)
            kind = AGREEMENT_TYPE_TABLE.one(rng)
            topic = rng.choice(TOPICS)
            other = partner[1] if partner else self.country_name[country]
            title = f"{labels[kind]} về {topic} giữa {unit_name} và {other}"
            time_text = rng.choice(TIMES)
            steps = self._steps(
                status_path(AGREEMENT_PATH, status, AS.PROPOSED), self.created(year), self.officer.get(unit_id),
                deciders,
            )  # fmt: skip
            values: dict[str, Any] = {
                "id": pk,
                "created_at": steps[0][0],
                "updated_at": steps[-1][0],
                "version": len(steps),
                "year": year,
                "time_text": time_text,
                "month_mask": self.mask(time_text),
                "proposing_unit_id": unit_id,
                "capacity": unit_name,
                "type": kind,
                "title": title,
                "country_id": country,
                "partner_id": partner[0] if partner else None,
                "partner_text": partner[1] if partner else "",
                "signing_level": "Lãnh đạo đơn vị",
                "status": status,
            }
            if status in (AS.SIGNED, AS.IN_FORCE, AS.EXPIRED, AS.TERMINATED):
                values["signed_on"] = self.w.day(
                    min(dt.date(year, rng.randint(1, 12), rng.randint(1, 28)), self.today - dt.timedelta(days=5))
                )
            parts = [labels[kind], unit_name, self.country_name[country], partner[1] if partner else "",
                     values["signing_level"], time_text, labels[status]]  # fmt: skip
            table.add(values, steps, title, parts)
            if len(table.rows) >= CHUNK:
                self._flush(table)
        self._flush(table)
        self.counts["agreement_history"] = table.history_rows
        return total

    def overseas_vietnamese(self) -> int:
        table = Table(self.w, OverseasVietnamese)
        total = self.n("overseas_vietnamese")
        next_id = self.w.next_id(OverseasVietnamese)
        first = dt.datetime(self.years[0], 1, 1, tzinfo=dt.UTC)
        rng = self.rng
        for i in range(total):
            pk = next_id + i
            province = PROVINCES[i % len(PROVINCES)]
            unit_id = self.foreign_desk[province]
            country = self.diaspora_table.one(rng)
            name = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            created = self.moment(first, (self.now - first).days)
            when = self.w.ts(created)
            commune = f"Xã {rng.randint(1, 9)}"
            occupation = rng.choice(OCCUPATIONS)
            city = rng.choice(["Thủ đô", "Thành phố lớn", "Vùng ngoại ô"])
            values: dict[str, Any] = {
                "id": pk,
                "created_at": when,
                "updated_at": when,
                "recording_unit_id": unit_id,
                "purpose": "Quản lý thông tin kiều bào phục vụ công tác người Việt Nam ở nước ngoài",
                "consent_given_on": self.w.day(created.date()),
                "consent_means": "written",
                "full_name": name,
                "birth_year": rng.randint(1945, 2005),
                "home_commune": commune,
                "home_district": province,
                "country_id": country,
                "city": city,
                "occupation": occupation,
                "phone": f"+{rng.randint(1, 99)} {rng.randint(100000000, 999999999)}",
                "search_text": " ".join(self.w.key(v) for v in (name, city, commune, province, occupation)),
            }
            steps: list[tuple[Any, str, dict[str, Any], int | None]] = [(when, "+", {}, self.officer.get(unit_id))]
            parts = [commune, province, self.country_name[country], city, occupation]
            table.add(values, steps, name, parts, personal=True)
            if len(table.rows) >= CHUNK:
                self._flush(table)
        self._flush(table)
        self.counts["overseas_vietnamese_history"] = table.history_rows
        return total

    LINE_COLUMNS = [
        "content_type_id", "object_id", "order", "category", "description", "quantity", "days", "unit_price",
        "currency", "amount_vnd", "funding_source", "over_norm", "appraised_vnd", "actual_vnd", "actual_note",
        "created_at", "updated_at",
    ]  # fmt: skip

    def _flush(self, table: Table, lines: list | None = None) -> None:
        with transaction.atomic():
            table.flush()
            if lines:  # after their delegations, in the same transaction
                self.w.insert(CostLine._meta.db_table, self.LINE_COLUMNS, lines)
                self.counts["cost_lines"] = self.counts.get("cost_lines", 0) + len(lines)
                lines.clear()

    def finish(self) -> int:
        """Sequences after explicit ids (PostgreSQL), then the visibility map and fresh planner statistics (and a
        merged FTS index)."""
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                models_ = [Delegation, Conference, Agreement, OverseasVietnamese]
                for sql in connection.ops.sequence_reset_sql(no_style(), models_):
                    cursor.execute(sql)
                # VACUUM as autovacuum would soon after: the visibility map lets index-only scans (the list's
                # COUNT and page ids) skip the table. Not in a transaction (a test's), where VACUUM cannot run.
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
            elif connection.vendor == "sqlite":
                cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
                cursor.execute("ANALYZE")
        return 0

    def run(self) -> dict[str, Any]:
        started = time.perf_counter()
        if not Country.objects.exists():
            from doingoai.core.management.commands.load_refdata import sync_refdata

            sync_refdata()
        self.demo_accounts()
        self.w.fast_writes(True)
        with transaction.atomic():
            self.timed("units", self.units)
            self.timed("users", self.users)
            self.timed("partners", self.partners)
            self.timed("reference_search_rows", self.index_reference)
        self.timed("delegations", self.delegations)
        self.timed("conferences", self.conferences)
        self.timed("agreements", self.agreements)
        self.timed("overseas_vietnamese", self.overseas_vietnamese)
        self.timed("analyze", self.finish)
        self.w.fast_writes(False)
        self.counts["history_rows"] = sum(v for k, v in self.counts.items() if k.endswith("_history"))
        self.counts["search_rows"] = SearchEntry.objects.count()
        return {
            "scale": self.scale,
            "provinces": len(PROVINCES),
            "years": [self.years[0], self.years[-1]],
            "counts": self.counts,
            "seconds": self.seconds,
            "total_seconds": round(time.perf_counter() - started, 1),
            "rows_written": self.w.rows,
            "database": connection.vendor,
        }


def generate(scale: float = 1.0, seed: int = SEED, today: dt.date | None = None) -> dict[str, Any]:
    """Bulk-insert the national data set into the current database; returns counts and seconds per part.

    `scale` 1.0 is the full size (250,000 delegations, 50,000 conferences, 20,000 agreements, 200,000 overseas
    Vietnamese, over 1,000,000 history rows); 0.04 is a quick run. Raises ValueError when it was loaded before.
    """
    if scale <= 0:
        raise ValueError("scale must be positive")
    return Generator(scale=scale, seed=seed, today=today or timezone.localdate()).run()
