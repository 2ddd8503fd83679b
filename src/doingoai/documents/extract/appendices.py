"""Appendix tables: delegations, conferences, agreements."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from doingoai.documents.extract.common import _FLAGS, _clean, _Context
from doingoai.documents.gazetteer import Gazetteer, fold
from doingoai.documents.model import Cell, Paragraph, Table
from doingoai.documents.timeparse import parse_planned_time

_INDEX = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.?$")
_MARKER = re.compile(r"^(?:[A-ZĐ]|[IVX]{1,4}|[-+*•–])\.?$")

Rule = tuple[str, str]
DELEGATION_RULES: tuple[Rule, ...] = (
    ("index", r"^(?:s?tt|so tt)$"),
    ("name", r"\bten doan\b|^doan$"),
    ("capacity", r"danh nghia"),
    ("head", r"truong doan|nguoi dan dau|lanh dao doan"),
    ("proposer", r"don vi de xuat|co quan de xuat|don vi chu tri|co quan chu tri|don vi to chuc|don vi thuc hien"),
    ("size", r"so nguoi|so luong|so thanh vien|thanh phan.*so|so.*thanh phan"),
    ("composition", r"thanh phan"),
    ("partner_text", r"doi tac|co quan lam viec|don vi lam viec"),
    ("countries", r"nuoc|quoc gia|dia ban"),
    ("purpose", r"noi dung|muc dich|hoat dong"),
    ("duration", r"so ngay|thoi gian luu|thoi luong"),
    ("time_text", r"thoi gian|thoi diem"),
    ("funding", r"kinh phi|nguon"),
)
CONFERENCE_RULES: tuple[Rule, ...] = (
    ("index", r"^(?:s?tt|so tt)$"),
    ("permitting_authority", r"cho phep|cap phep|tham quyen"),
    ("partner_text", r"nuoc ngoai phoi hop|doi tac|phoi hop|dong to chuc"),
    ("delegates_foreign_in_vn", r"trong nuoc"),
    ("delegates_from_abroad", r"tu nuoc ngoai|nuoc ngoai sang"),
    ("country", r"den tu nuoc|quoc tich"),
    ("delegates_vn", r"viet nam"),
    ("title", r"\bten\b|chu de|noi dung"),
    ("duration", r"so ngay"),
    ("time_text", r"thoi gian|thoi diem"),
    ("funding", r"kinh phi|nguon"),
)
AGREEMENT_RULES: tuple[Rule, ...] = (
    ("index", r"^(?:s?tt|so tt)$"),
    ("proposer", r"de xuat|don vi"),
    ("capacity", r"danh nghia"),
    ("type", r"\bloai\b"),
    ("partner", r"doi tac"),
    ("title", r"\bten\b|noi dung"),
    ("country", r"nuoc|quoc gia"),
    ("signing_level", r"cap ky"),
    ("time_text", r"thoi diem|thoi gian"),
    ("approving_authority", r"phe duyet|tham quyen"),
    ("note", r"ghi chu"),
)
_RULES = {"out": DELEGATION_RULES, "in": DELEGATION_RULES, "conference": CONFERENCE_RULES, "agreement": AGREEMENT_RULES}
POSITIONAL: dict[str, tuple[str, ...]] = {
    "out": (
        "index",
        "name",
        "capacity",
        "head",
        "size",
        "countries",
        "partner_text",
        "purpose",
        "duration",
        "time_text",
        "funding",
    ),
    "in": ("index", "name", "capacity", "head", "size", "countries", "purpose", "duration", "time_text", "funding"),
    "conference": (
        "index",
        "title",
        "partner_text",
        "delegates_vn",
        "delegates_foreign_in_vn",
        "delegates_from_abroad",
        "country",
        "time_text",
        "duration",
        "funding",
        "permitting_authority",
    ),
    "agreement": (
        "index",
        "proposer",
        "capacity",
        "type",
        "title",
        "country",
        "partner",
        "time_text",
        "signing_level",
        "approving_authority",
        "note",
    ),
}


def _texts(row: list[Cell]) -> list[str]:
    return [cell.text for cell in row]


def _is_data_row(row: list[Cell]) -> bool:
    texts = _texts(row)
    first = next((text for text in texts if text), "")
    return bool(_INDEX.match(first)) and sum(1 for text in texts if text) >= 3 and not _is_numbering_row(row)


def _is_numbering_row(row: list[Cell]) -> bool:
    values = [text for text in _texts(row) if text]
    return (
        len(values) >= 3
        and all(value.isdigit() for value in values)
        and [int(v) for v in values] == list(range(int(values[0]), int(values[0]) + len(values)))
    )


def _is_group_row(row: list[Cell]) -> bool:
    values = [text for text in _texts(row) if text]
    return (
        not _is_data_row(row)
        and 1 <= len(values) <= 2
        and any(len(value) >= 3 and any(char.isalpha() for char in value) for value in values)
    )


def _table_kind(table: Table, context_text: str) -> str | None:
    header_rows = _header_rows(table)
    header = fold(" ".join(cell.text for row in header_rows for cell in row))
    title = fold(context_text)
    if re.search(r"den tu nuoc|tu nuoc|nuoc den tham", header) and re.search(r"doan", header):
        return "in"
    if re.search(r"den nuoc|nuoc den|nuoc di|di nuoc", header) and re.search(r"doan", header):
        return "out"
    if re.search(r"hoi nghi|hoi thao|dai bieu", header) and "ten doan" not in header:
        return "conference"
    if re.search(r"van ban|danh nghia ky|cap ky|thoa thuan", header):
        return "agreement"
    if re.search(r"truong doan|ten doan", header):
        return "in" if re.search(r"doan vao|nuoc ngoai vao|vao tinh|vao lam viec", title) else "out"
    if re.search(r"hoi nghi|hoi thao", title):
        return "conference"
    if re.search(r"thoa thuan|dieu uoc", title):
        return "agreement"
    return None


def _header_rows(table: Table) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    for row in table.rows:
        if _is_data_row(row) or _is_numbering_row(row) or (rows and _is_group_row(row) and _marker(row)):
            break
        rows.append(row)
    return rows


def _marker(row: list[Cell]) -> str:
    values = [text for text in _texts(row) if text]
    if values and len(values[0]) <= 4 and _MARKER.match(values[0]):
        return values[0].rstrip(".")
    if values:
        found = re.match(r"^([A-ZĐ]|[IVX]{1,4})[.)]\s+|^([-+*•–])\s*", values[-1])
        if found:
            return found[1] or found[2]
    return ""


def _trim(cells: list[Cell]) -> list[Cell]:
    end = len(cells)
    while end and not cells[end - 1].text:
        end -= 1
    return cells[:end]


def _labels(header_rows: list[list[Cell]], width: int, data_width: int) -> list[str]:
    """One label per grid column: the joined texts of the header cells above it.

    When every header row fills the grid (Word's spans, or extracted text that repeats a merged cell's text
    in each column) the columns line up directly; otherwise the one merged group ("Số lượng đại biểu") is
    split into as many columns as the data rows need, using the header rows below it.
    """
    if not header_rows:
        return [""] * width
    if all(sum(cell.span for cell in row) == width for row in header_rows):
        labels = [""] * width
        for row in header_rows:
            column = 0
            for cell in row:
                for offset in range(cell.span):
                    if column + offset < width and cell.text:
                        labels[column + offset] = f"{labels[column + offset]} {cell.text}".strip()
                column += cell.span
        return labels
    first = [cell.text for cell in _trim(header_rows[0])]
    width = data_width
    deficit = width - len(first)
    if deficit <= 0:
        return (first + [""] * width)[:width]
    groups = [index for index, text in enumerate(first) if re.search(r"so luong|dai bieu|thanh phan", fold(text))]
    leaves: list[str] | None = None
    if len(groups) == 1 and len(header_rows) > 1:
        needed = deficit + 1
        second = [cell.text for cell in header_rows[1] if cell.text]
        third = [cell.text for cell in header_rows[2] if cell.text] if len(header_rows) > 2 else []
        if len(second) == needed:
            leaves = second
        elif third and len(second) - 1 + len(third) == needed:
            words = set(fold(" ".join(third)).split())
            split_at = max(range(len(second)), key=lambda i: (len(words & set(fold(second[i]).split())), -i))
            leaves = [*second[:split_at], *(f"{second[split_at]} {item}" for item in third), *second[split_at + 1 :]]
        elif len(third) == needed:
            leaves = third
        if leaves is not None:
            group = groups[0]
            return [*first[:group], *(f"{first[group]} {leaf}" for leaf in leaves), *first[group + 1 :]][:width]
    return (first + [""] * width)[:width]


def _columns(labels: list[str], rules: tuple[Rule, ...], kind: str) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, label in enumerate(labels):
        folded = fold(label)
        for name, pattern in rules:
            if name not in columns and re.search(pattern, folded):
                columns[name] = index
                break
    required = {"out": "name", "in": "name", "conference": "title", "agreement": "title"}[kind]
    if required not in columns or len(columns) < 4:
        return {name: index for index, name in enumerate(POSITIONAL[kind])}
    return columns


def _grid(row: list[Cell], width: int) -> list[str]:
    values: list[str] = []
    for cell in row:
        values.append(cell.text)
        values.extend([""] * (cell.span - 1))
    return (values + [""] * width)[:width]


@dataclass
class _Header:
    level: int
    text: str
    group: str | None
    budget: bool | None
    country: str | None
    direction: str | None = None


def _direction_of(text: str) -> str | None:
    folded = fold(text)
    if re.search(r"\bdoan vao\b|nuoc ngoai vao|vao (?:lam viec|tham)|\bden tu\b", folded):
        return "in"
    if re.search(r"\bdoan ra\b|di nuoc ngoai|di cong tac nuoc ngoai|\bdoan di\b", folded):
        return "out"
    return None


def _level(marker: str) -> int:
    if re.fullmatch(r"[IVX]{1,4}", marker):
        return 2
    if re.fullmatch(r"[A-ZĐ]", marker):
        return 1
    return 3


def _group_of(text: str) -> str | None:
    """The delegation group a group header names; the more specific kinds of unit are tried first."""
    folded = fold(text)
    if re.search(r"ban bi thu|bo chinh tri|trung uong quan ly", folded):
        return "central_leaders"
    departments = re.search(r"\bso\b|\bnganh\b|doan the|co quan, don vi|don vi su nghiep", folded)
    # "… của các sở, ban, ngành, đoàn thể và lực lượng vũ trang cấp tỉnh" holds both: each row's unit decides.
    if not departments and re.search(r"cong an|quan su|bien phong|luc luong vu trang|quan khu|bo doi", folded):
        return "armed_forces"
    if departments:
        return "departments"
    if re.search(r"huyen|thi xa|cap xa|thanh, thi|xa, phuong|thanh pho, thi xa", folded):
        return "districts"
    if re.search(
        r"lanh dao (?:ubnd |hdnd )?tinh|thuong truc tinh uy|lanh dao chu chot|\b(?:tinh uy|hdnd tinh|ubnd tinh)\b"
        r"|(?:hoi dong|uy ban) nhan dan tinh",
        folded,
    ):
        return "provincial_leaders"
    return None


def _budget_of(text: str) -> bool | None:
    folded = fold(text)
    if re.search(r"khong su dung ngan sach|ngoai ngan sach|tu tuc|khong dung ngan sach", folded):
        return False
    if re.search(r"su dung ngan sach|dung ngan sach|ngan sach nha nuoc", folded):
        return True
    return None


def _unit_kind(name: str) -> str | None:
    folded = fold(name)
    if re.search(r"\b(?:cong an|quan su|bien phong|quan khu|bo doi|canh sat|bch qs|bchqs)\b", folded):
        return "armed_forces"
    if re.search(
        r"\b(?:huyen|thi xa|thi uy|thanh uy|huyen uy|ubcq huyen)\b"
        r"|\b(?:ubnd|uy ban nhan dan) (?:thanh pho|xa|phuong|thi tran)\b|\bdang uy xa\b",
        folded,
    ):
        return "districts"
    return None


def _countries_named(gazetteer: Gazetteer, *texts: str | None) -> list[str]:
    """Countries of the partners or countries named in a row without a country column ("Đoàn tỉnh Gifu")."""
    codes: list[str] = []
    for text in filter(None, texts):
        for partner in gazetteer.partners_in(text, vietnamese_missions=True):
            if partner.country and partner.country != "VN" and partner.country not in codes:
                codes.append(partner.country)
        codes.extend(code for code in gazetteer.countries_in(text) if code not in codes)
    return codes


def _is_unnumbered_data_row(row: list[Cell], rules: tuple[Rule, ...]) -> bool:
    """In a table without a "TT" column: a row of at least three cells that is not made of column titles."""
    values = [fold(cell.text) for cell in row if cell.text]
    if len(values) < 3 or _is_numbering_row(row):
        return False
    titles = sum(1 for value in values if any(re.search(pattern, value) for _, pattern in rules))
    return titles * 2 < len(values)


def _funding_is_state(text: str | None) -> bool | None:
    if not text:
        return None
    folded = fold(text)
    if re.search(r"khong su dung ngan sach|ngoai ngan sach", folded):
        return False
    state = re.search(r"ngan sach|\bnsnn\b|von nha nuoc", folded)
    if not state and re.search(
        r"tu tuc|tai tro|doi tac|xa hoi hoa|dai tho|^(?:nguon )?(?:do )?to chuc\b|doanh nghiep|ca nhan|phia ban",
        folded,
    ):
        return False
    if state or re.search(r"kinh phi|su nghiep|tu chu|\bubnd\b|\bhdnd\b|uy ban|nghiep vu", folded):
        return True
    return None


def _size(text: str | None) -> tuple[int | None, str | None]:
    """(size, composition) of a "Số người" cell: "08 người, gồm: 01 đ/c …" gives 8 and the list; a bare list
    of parts ("01 đ/c Phó Chủ tịch; 04 lãnh đạo sở") states no total, so the size is null, not its first part."""
    if not text:
        return None, None
    total = re.match(
        r"^\s*(?:khoảng|dự kiến|tối đa|từ)?\s*\d{1,4}\s*(?:-\s*\d{1,4}\s*)?(?:người|thành viên|đại biểu)\b",
        text,
        _FLAGS,
    )
    parts = re.findall(r"(?:^|[;,]|\bvà)\s*\d{1,3}\s+[^\W\d_]", text)
    if total is None and len(parts) >= 2:
        return None, _clean(text)
    found = re.match(r"^\s*(?:khoảng|dự kiến|tối đa|từ)?\s*(\d{1,4})", text, _FLAGS) or re.search(
        r"(\d{1,4})\s*(?:người|thành viên|đồng chí|đại biểu)", text, _FLAGS
    )
    size = int(found[1]) if found else None
    parts = re.split(r"\bgồm\b\s*:?|:", text, maxsplit=1)
    if len(parts) == 2 and re.search(r"[^\W\d_]", parts[1]):
        return size, _clean(parts[1].strip(" ,;"))
    if size is None and re.search(r"[^\W\d_]", text):
        return None, _clean(text)
    return size, None


def _int(text: str | None) -> int | None:
    found = re.match(r"^\s*(\d{1,6})", text or "")
    return int(found[1]) if found else None


def _appendices(context: _Context) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    delegations: list[dict[str, Any]] = []
    conferences: list[dict[str, Any]] = []
    agreements: list[dict[str, Any]] = []
    recent: list[str] = []
    previous: tuple[str, tuple[dict[str, int], int]] | None = None  # a table going on without its header
    for block in context.document.blocks:
        if isinstance(block, Paragraph):
            recent = [*recent[-2:], block.text]
            previous = None
            continue
        kind = _table_kind(block, " ".join(recent))
        if kind is not None:
            rules = _RULES[kind]
            layout = _layout(block, kind, rules)
        elif previous is not None:
            kind, layout = previous
            rules = _RULES[kind]
        else:
            continue
        previous = (kind, layout)
        if kind in ("out", "in"):
            title = next((text for text in reversed(recent) if _is_group_title(text)), "")
            delegations.extend(_delegations(block, kind, context.gazetteer, layout, title))
        elif kind == "conference":
            conferences.extend(_rows(block, layout, rules, _conference, context.gazetteer))
        else:
            agreements.extend(_rows(block, layout, rules, _agreement, context.gazetteer))
        recent = []
    return delegations, conferences, agreements


def _is_group_title(text: str) -> bool:
    """A paragraph above a table that names a group of delegations ("II. ĐOÀN RA CỦA CÁC SỞ, NGÀNH")."""
    return (
        not re.match(r"^\(?\s*Kèm theo", text, _FLAGS)
        and re.search(r"\bđoàn\b", text, _FLAGS) is not None
        and _group_of(text) is not None
        and len(text) < 200
    )


def _layout(table: Table, kind: str, rules: tuple[Rule, ...]) -> tuple[dict[str, int], int]:
    data = [row for row in table.rows if _is_data_row(row)]
    widths = Counter(sum(cell.span for cell in _trim(row)) for row in data)
    data_width = widths.most_common(1)[0][0] if widths else table.width
    width = table.width
    return _columns(_labels(_header_rows(table), width, data_width), rules, kind), width


def _rows(
    table: Table,
    layout: tuple[dict[str, int], int],
    rules: tuple[Rule, ...],
    build: Callable[[Callable[[str], str | None], Gazetteer], dict[str, Any]],
    gazetteer: Gazetteer,
) -> list[dict[str, Any]]:
    columns, width = layout
    result = []
    for row in table.rows:
        if not _is_data_row(row) and not ("index" not in columns and _is_unnumbered_data_row(row, rules)):
            continue
        values = _grid(row, max(width, sum(cell.span for cell in row)))

        def value(name: str, values: list[str] = values) -> str | None:
            index = columns.get(name)
            return _clean(values[index]) if index is not None and index < len(values) else None

        result.append(build(value, gazetteer))
    return result


def _conference(value: Callable[[str], str | None], gazetteer: Gazetteer) -> dict[str, Any]:
    return {
        "title": value("title"),
        "partner_text": value("partner_text"),
        "delegates_vn": _int(value("delegates_vn")),
        "delegates_foreign_in_vn": _int(value("delegates_foreign_in_vn")),
        "delegates_from_abroad": _int(value("delegates_from_abroad")),
        "time_text": value("time_text"),
        "permitting_authority": value("permitting_authority"),
        "funding": value("funding"),
    }


def _agreement(value: Callable[[str], str | None], gazetteer: Gazetteer) -> dict[str, Any]:
    country_text = value("country") or ""
    country = gazetteer.country_of(country_text)
    if country is None:
        codes = gazetteer.countries_in(country_text)
        country = codes[0] if codes else None
    return {
        "proposer": value("proposer"),
        "capacity": value("capacity"),
        "type": value("type"),
        "title": value("title"),
        "country": country,
        "partner": value("partner"),
        "time_text": value("time_text"),
        "signing_level": value("signing_level"),
        "approving_authority": value("approving_authority"),
        "note": value("note"),
    }


def _header(label: str, level: int, gazetteer: Gazetteer) -> _Header:
    codes = gazetteer.countries_in(label)
    excluded = re.search(r"\b(?:trừ|ngoài)\b", label, _FLAGS)
    country = codes[0] if len(codes) == 1 and not excluded else None
    return _Header(level, label, _group_of(label), _budget_of(label), country, _direction_of(label))


def _delegations(
    table: Table, direction: str, gazetteer: Gazetteer, layout: tuple[dict[str, int], int], title: str
) -> list[dict[str, Any]]:
    columns, width = layout
    # A title such as "I. ĐOÀN RA CỦA LÃNH ĐẠO TỈNH" above a table without group rows is its group.
    headers: list[_Header] = [_header(title, 0, gazetteer)] if title else []
    result: list[dict[str, Any]] = []
    seen_data = False
    no_index = "index" not in columns
    for row in table.rows:
        if _is_group_row(row) and (seen_data or _marker(row) or headers or _group_of(" ".join(_texts(row)))):
            values = [text for text in _texts(row) if text]
            label = max(values, key=len)
            level = _level(_marker(row))
            headers = [header for header in headers if header.level < level]
            headers.append(_header(label, level, gazetteer))
            continue
        if not _is_data_row(row) and not (no_index and _is_unnumbered_data_row(row, DELEGATION_RULES)):
            continue
        seen_data = True
        values = _grid(row, max(width, sum(cell.span for cell in row)))

        def value(name: str, values: list[str] = values) -> str | None:
            index = columns.get(name)
            return _clean(values[index]) if index is not None and index < len(values) else None

        name = value("name")
        group = next((header.group for header in reversed(headers) if header.group), None)
        if group not in ("central_leaders", "provincial_leaders"):
            group = _unit_kind(value("proposer") or "") or _unit_kind(name or "") or group or "departments"
        size, composition = _size(value("size"))
        composition = value("composition") or composition
        countries = gazetteer.countries_in(value("countries") or "", blocs=True)  # "EU, Anh": both
        if not countries:
            hint = next((header.country for header in reversed(headers) if header.country), None)
            countries = [hint] if hint else _countries_named(gazetteer, name, value("partner_text"))
        time_text = value("time_text")
        funding = value("funding")
        budget = next((header.budget for header in reversed(headers) if header.budget is not None), None)
        row_direction = next((header.direction for header in reversed(headers) if header.direction), direction)
        result.append(
            {
                "direction": row_direction,
                "group": group,
                "name": name,
                "capacity": value("capacity"),
                "head": value("head"),
                "size": size,
                "composition": composition,
                "countries": countries,
                "partner_text": value("partner_text"),
                "purpose": value("purpose"),
                "duration": value("duration"),
                "time_text": time_text,
                "months": sorted(parse_planned_time(time_text).months),
                "funding": funding,
                "state_budget": budget if budget is not None else _funding_is_state(funding),
            }
        )
    return result
