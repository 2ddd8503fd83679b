"""Turn a read document into the ``doingoai extract`` contract of DESIGN.md (no Django).

``extract(document)`` returns a dict with every key of the contract, null or [] where the document says
nothing. It is built for the genre — provincial foreign-affairs programmes, plans, notices, reports and
letters — not for one file: the appendix tables are recognised by their header words, whatever their column
order; group header rows ("A", "I", "-" …) give the delegation group, state-budget flag and region; the body
is read for the stated counts, deadlines, reporting duties, anniversaries, legal references and tasks.

Round anniversaries come from the text only: a date range "(23/9/1975-23/9/2025)" beside a country or a
diplomatic cue, or a named one ("kỷ niệm 30 năm thiết lập quan hệ ngoại giao Việt Nam - Hàn Quốc") whose
dates are looked up in the reference data (``reference/data/diplomatic_relations.csv``); nothing is computed that
the text does not state.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from doingoai.documents.gazetteer import Gazetteer, compact, default_gazetteer, fold, fold_keep
from doingoai.documents.model import Cell, Document, Paragraph, Table
from doingoai.documents.timeparse import parse_planned_time
from doingoai.reference import refdata

__all__ = ["CONTRACT_KEYS", "extract"]

CONTRACT_KEYS = (
    "document",
    "planned_counts",
    "deadlines",
    "reporting",
    "anniversaries",
    "legal_references",
    "partners",
    "delegations",
    "conferences",
    "agreements",
    "tasks",
)

# Document kinds by the word that opens the title block (folded).
KINDS: tuple[tuple[str, str], ...] = (
    ("chuong trinh", "program"),
    ("ke hoach", "plan"),
    ("thong bao", "notice"),
    ("bao cao", "report"),
    ("cong van", "official_letter"),
    ("quyet dinh", "other"),
    ("to trinh", "other"),
    ("chi thi", "other"),
    ("nghi quyet", "other"),
    ("huong dan", "other"),
    ("de an", "other"),
)
NUMBER_KINDS = {"CTr": "program", "KH": "plan", "TB": "notice", "BC": "report"}

# Legal document kinds as written before a number, and by the type code inside the number.
LEGAL_KIND_WORDS = (
    "Bộ luật",
    "Luật",
    "Pháp lệnh",
    "Nghị định",
    "Nghị quyết",
    "Quyết định",
    "Chỉ thị",
    "Kết luận",
    "Kế hoạch",
    "Chương trình hành động",
    "Chương trình",
    "Công văn",
    "Văn bản",
    "Thông tư liên tịch",
    "Thông tư",
    "Thông báo",
    "Thông tri",
    "Đề án",
    "Hướng dẫn",
    "Quy định",
    "Quy chế",
    "Báo cáo",
    "Tờ trình",
    "Công điện",
    "Hiệp định",
)
LEGAL_KIND_CODES = {
    "QĐ": "Quyết định",
    "NĐ": "Nghị định",
    "NQ": "Nghị quyết",
    "CT": "Chỉ thị",
    "KL": "Kết luận",
    "KH": "Kế hoạch",
    "CTr": "Chương trình",
    "TB": "Thông báo",
    "BC": "Báo cáo",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "HD": "Hướng dẫn",
    "ĐA": "Đề án",
    "CV": "Công văn",
    "TTr": "Tờ trình",
    "QC": "Quy chế",
    "QyĐ": "Quy định",
    "PL": "Pháp lệnh",
    "CĐ": "Công điện",
    "TTg": "Quyết định",
    "QĐi": "Quy định",
}
LEGAL_KIND_CANONICAL = {"Chương trình hành động": "Chương trình", "Văn bản": "Công văn"}

DELEGATION_GROUPS = ("central_leaders", "provincial_leaders", "departments", "armed_forces", "districts")

_FLAGS = re.IGNORECASE


def _fold_keep(text: str) -> str:
    """Accent- and case-free copy of ``text`` with the same length, so offsets carry over."""
    return fold_keep(text)


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = "\n".join(re.sub(r"\s+", " ", line).strip() for line in text.split("\n"))
    text = text.strip()
    return text or None


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _date(day: str | int, month: str | int, year: str | int) -> datetime.date | None:
    try:
        return datetime.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _sentences(text: str) -> list[str]:
    """Split a paragraph into sentences (after ". ", "; ", "! ", "? " before a capital, bullet or bracket)."""
    parts = re.split(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ\-+(\"“])", _flat(text))
    return [part for part in parts if part]


def _is_upper(line: str) -> bool:
    letters = [char for char in line if char.isalpha()]
    return len(letters) >= 2 and all(not char.islower() for char in letters)


@dataclass
class _Context:
    document: Document
    gazetteer: Gazetteer
    relations: list[refdata.RelationRow]
    lines: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    year: int | None = None
    number: str | None = None


def extract(
    document: Document,
    *,
    gazetteer: Gazetteer | None = None,
    relations: Sequence[refdata.RelationRow] | None = None,
) -> dict[str, Any]:
    """Extract the DESIGN.md contract from a document; every key is present (null or [] when absent)."""
    context = _Context(
        document=document,
        gazetteer=gazetteer or default_gazetteer(),
        relations=list(relations if relations is not None else _relations()),
        lines=list(document.lines()),
        paragraphs=document.paragraphs(),
    )
    info = _document_info(context)
    context.year = info["year"]
    context.number = info["number"]
    body = _body_paragraphs(context.paragraphs)
    delegations, conferences, agreements = _appendices(context)
    return {
        "document": info,
        "planned_counts": _planned_counts(body),
        "deadlines": _deadlines(body, context.year),
        "reporting": _reporting(body),
        "anniversaries": _anniversaries(context, body),
        "legal_references": _legal_references(context),
        "partners": _partners(context),
        "delegations": delegations,
        "conferences": conferences,
        "agreements": agreements,
        "tasks": _tasks(context.paragraphs),
    }


@functools.cache
def _relations() -> tuple[refdata.RelationRow, ...]:
    """The shipped diplomatic relations (read once per process)."""
    return tuple(refdata.load_relations())


_END_OF_BODY = re.compile(r"^(?:PHỤ LỤC|Phụ lục\s+\d|Nơi nhận|NƠI NHẬN|T\.?M\.\s|KT\.\s|TL\.\s|TUQ\.\s)")


def _body_paragraphs(paragraphs: list[str]) -> list[str]:
    """The paragraphs of the body: up to the recipients, signature or first appendix title."""
    body: list[str] = []
    for text in paragraphs:
        if _END_OF_BODY.match(text) and len(body) > 3:
            break
        body.append(text)
    return body


# ---------------------------------------------------------------------------------------------------------
# Document: kind, title, year, province, issuer, number, signer


_BODY_START = re.compile(
    r"^(?:Căn cứ|Thực hiện|Kính gửi|Triển khai|Nhằm|Để|Ngày|Theo|Trên cơ sở|Phần|PHẦN"
    r"|[IVX]+\.|\d+\.|[A-D]\.|-|\+|\(Kèm)"
)
_SIGNATURE_MARK = re.compile(r"^(?:T\.?M|KT|Q|TL|TUQ)\.\s*\S")
_NOT_A_NAME = re.compile(
    r"\b(?:PHỤ|LỤC|CHỦ|TỊCH|GIÁM|ĐỐC|BAN|NHÂN|DÂN|KẾ|HOẠCH|CHƯƠNG|TRÌNH|Nơi|nhận|ký|dấu|Lưu|THƯỜNG|TRỰC|BÍ|THƯ"
    r"|PHÓ|TRƯỞNG|CHÁNH|TỈNH|SỞ|UBND|ỦY|UỶ|HỘI|ĐỒNG|PHÒNG|CỤC|QUYỀN|Phó|Chủ|Giám|Trưởng|Bí)\b"
)


def _document_info(context: _Context) -> dict[str, Any]:
    lines = context.lines
    head = lines[:40]
    kind, kind_index, kind_word = "other", None, ""
    for index, line in enumerate(head):
        folded = fold(line)
        if re.match(r"^(?:v/v|ve viec)\b", folded) and kind_index is None:
            kind, kind_index, kind_word = "official_letter", index, ""
            break
        if not _is_upper(line) or folded.startswith(("cong hoa", "doc lap")):
            continue
        found = next((value for word, value in KINDS if re.match(rf"^{word}\b", folded)), None)
        if found is not None:
            kind, kind_index = found, index
            kind_word = line[: len(next(word for word, _ in KINDS if folded.startswith(word)))]
            break
    number = _own_number(context)
    if kind_index is None and number:
        code = re.search(r"/(CTr|KH|TB|BC)-", number)
        if code:
            kind = NUMBER_KINDS[code[1]]
        elif re.search(r"/[A-ZĐ]+-[A-ZĐ]+$", number):
            kind = "official_letter"
    title = _title(head, kind_index, kind_word, kind)
    province = _province(context, title, head, kind_index)
    year = _year(title, head, number)
    return {
        "kind": kind,
        "title": title,
        "year": year,
        "province": province,
        "issuer": _issuer(context, head, kind_index, province),
        "number": number,
        "signer": _signer(lines),
    }


def _title(head: list[str], index: int | None, kind_word: str, kind: str) -> str | None:
    if index is None:
        return None
    line = head[index]
    if kind == "official_letter":
        parts = [re.sub(r"^(?:V/v|Về việc)[:.]?\s*", "", line, flags=_FLAGS)]
        start = index + 1
    else:
        rest = line[len(kind_word) :].strip(" :")
        parts = [rest] if rest else []
        start = index + 1
    for line in head[start : start + 4]:
        if _BODY_START.match(line) or len(line) > 200 or re.match(r"^[-_*=.]{3,}$", line) or line.startswith("Số"):
            break
        parts.append(line)
    subtitle = _flat(" ".join(parts))
    if kind == "official_letter":
        return subtitle or None
    if not subtitle:
        return kind_word or None
    if _is_upper(subtitle):
        return f"{kind_word} {subtitle}"
    return f"{kind_word.capitalize()} {subtitle[0].lower()}{subtitle[1:]}"


def _province(context: _Context, title: str | None, head: list[str], kind_index: int | None) -> str | None:
    gazetteer = context.gazetteer
    if title:
        found = gazetteer.provinces_in(title)
        if found:
            return found[0].value
    for line in head[: kind_index if kind_index is not None else 12]:
        if _is_upper(line) and not fold(line).startswith(("cong hoa", "doc lap")):
            found = gazetteer.provinces_in(line)
            if found:
                return found[0].value
    for line in head:
        place = re.match(r"^([^,\d]{2,30}),\s*ngày\b", line)
        if place:
            found_province = gazetteer.province_of(place[1])
            if found_province:
                return found_province
    counts: Counter[str] = Counter()
    for text in context.paragraphs:
        for match in re.finditer(r"\b(?:tỉnh|thành phố|TP\.?)\s+", text, _FLAGS):
            found = gazetteer.provinces_in(text[match.end() : match.end() + 30])
            if found and found[0].start == 0:
                counts[found[0].value] += 1
    return counts.most_common(1)[0][0] if counts else None


def _year(title: str | None, head: list[str], number: str | None) -> int | None:
    if title:
        found = re.search(r"\bnăm\s+(\d{4})\b", title, _FLAGS)
        if found:
            return int(found[1])
    for line in head:
        found = re.search(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(\d{4})", line, _FLAGS)
        if found:
            return int(found[1])
    if number:
        found = re.search(r"/((?:19|20)\d\d)/", number)
        if found:
            return int(found[1])
    return None


def _own_number(context: _Context) -> str | None:
    for line in context.lines[:30]:
        found = re.match(r"^Số\s*[:.]?\s*(\d[\w/.\-]*/[\w/.\-]+)", line)
        if found:
            return found[1].rstrip(".-/")
    for text in context.paragraphs:
        found = re.match(
            r"^\(?\s*Kèm theo\s+(?:Chương trình|Kế hoạch|Thông báo|Báo cáo|Quyết định|Công văn|Văn bản)\s+(?:số\s+)?"
            r"(\d[\w/.\-]*/[\w/.\-]+)",
            text,
            _FLAGS,
        )
        if found:
            return found[1].rstrip(".-/")
    return None


def _sentence_case(upper: str, province: str | None) -> str:
    text = upper.lower().replace("uỷ", "ủy")
    text = text[:1].upper() + text[1:]
    if province:
        text = re.sub(re.escape(province.lower()), province, text)
    # "Sở Ngoại vụ", "Ban Dân tộc": the word after the kind of body is a name.
    return re.sub(r"^(Sở|Ban|Bộ|Cục|Văn phòng) (\w)", lambda match: f"{match[1]} {match[2].upper()}", text)


_ISSUER_WORDS = re.compile(
    r"^(?:ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|HĐND|SỞ|BAN|TỈNH ỦY|TỈNH UỶ|BỘ|VĂN PHÒNG|THÀNH ỦY|HUYỆN ỦY"
    r"|CÔNG AN|BỘ CHỈ HUY)"
)


def _issuer(context: _Context, head: list[str], kind_index: int | None, province: str | None) -> str | None:
    issuer_lines: list[str] = []
    for line in head[: kind_index if kind_index is not None else 10]:
        if not _is_upper(line) or fold(line).startswith(("cong hoa", "doc lap")) or re.match(r"^(?:Số|SỐ)\b", line):
            if issuer_lines:
                break
            continue
        if issuer_lines and not re.match(r"^(?:TỈNH|THÀNH PHỐ|HUYỆN)\b", line) and len(issuer_lines) == 1:
            issuer_lines = [line]  # parent body above, the issuing body below
            continue
        if _ISSUER_WORDS.match(line) or issuer_lines:
            issuer_lines.append(line)
    if issuer_lines:
        return _sentence_case(" ".join(issuer_lines), province)
    for line in context.lines:
        found = re.match(r"^T\.?M\.\s*(.+)$", line)
        if found and _is_upper(found[1]):
            body = _sentence_case(found[1].strip(), province)
            if province and re.match(r"^(?:ủy|uỷ) ban nhân dân$|^hội đồng nhân dân$", body, _FLAGS):
                body = f"{body} tỉnh {province}"
            return body
    for text in context.paragraphs:
        found = re.search(r"Kèm theo [^()]*?\bcủa\s+((?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)[^()]*?)\)?$", text)
        if found:
            return found[1].strip()
    return None


def _looks_like_name(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 5 or len(line) > 40 or any(char.isdigit() or char in ":;,()/" for char in line):
        return False
    if not all(word[:1].isupper() for word in words):
        return False
    # A position ("PHÓ CHỦ TỊCH") is upper case too, so upper-case names are told apart by their words.
    return not _NOT_A_NAME.search(line)


def _signer(lines: list[str]) -> str | None:
    for index, line in enumerate(lines):
        if not _SIGNATURE_MARK.match(line):
            continue
        for following in lines[index + 1 : index + 14]:
            if re.match(r"^(?:PHỤ LỤC|Phụ lục|Nơi nhận)", following):
                break
            if re.match(r"^\(.*\)$|^\[.*\]$|^Đã ký", following, _FLAGS):
                continue
            if _looks_like_name(following):
                return following.strip()
    return None


# ---------------------------------------------------------------------------------------------------------
# Planned counts, deadlines, reporting


_COUNT_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "outbound_delegations": (
        re.compile(r"\b(\d{1,3}) doan ra\b"),
        re.compile(r"\b(\d{1,3}) doan (?:cong tac |di )?(?:nuoc ngoai|ra nuoc ngoai)\b(?! vao)"),
        re.compile(r"\bdoan ra\b[^.;\d]{0,40}?(\d{1,3}) doan\b"),
    ),
    "inbound_delegations": (
        re.compile(r"\b(\d{1,3}) doan vao\b"),
        re.compile(r"\b(\d{1,3}) doan (?:khach )?(?:quoc te|nuoc ngoai) (?:vao|den)\b"),
        re.compile(r"\bdoan vao\b[^.;\d]{0,40}?(\d{1,3}) doan\b"),
    ),
    "conferences": (
        re.compile(r"\b(\d{1,3}) (?:cuoc )?hoi (?:nghi|thao)\b"),
        re.compile(r"\bhoi (?:nghi|thao)(?:, hoi (?:nghi|thao))? quoc te[^.;\d]{0,30}?: ?(\d{1,3})\b(?!/)"),
    ),
    "agreements": (
        re.compile(r"\b(\d{1,3}) (?:van ban )?(?:thoa thuan|dieu uoc)\b"),
        re.compile(r"\bthoa thuan quoc te[^.;\d]{0,30}?: ?(\d{1,3})\b(?!/)"),
    ),
}
_COUNT_CUES = ("du kien", "phu luc", "ke hoach", "quoc te")


def _planned_counts(body: list[str]) -> dict[str, int | None]:
    result: dict[str, int | None] = dict.fromkeys(_COUNT_PATTERNS)
    clauses = [
        re.sub(r"\s+", " ", _fold_keep(clause))
        for text in body
        for sentence in _sentences(text)
        for clause in sentence.split(";")
        if any(char.isdigit() for char in clause)
    ]
    for key, patterns in _COUNT_PATTERNS.items():
        best: tuple[int, int] | None = None  # (score, value)
        for folded in clauses:
            for pattern in patterns:
                for match in pattern.finditer(folded):
                    score = sum(1 for cue in _COUNT_CUES if cue in folded)
                    if key in ("conferences", "agreements") and score == 0:
                        continue  # "02 hội nghị giao ban" is not the plan of international conferences
                    if best is None or score > best[0]:
                        best = (score, int(match[1]))
        result[key] = best[1] if best else None
    return result


_DATE_RE = r"(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?"
_DEADLINE = re.compile(
    rf"\b(?:trước|chậm nhất(?: là)?|hạn chót(?: là)?|không muộn hơn|không quá|hoàn thành trong|đến hết)\s+(?:ngày\s+)?"
    rf"(?:{_DATE_RE}|(\d{{1,2}})\s+tháng\s+(\d{{1,2}})(?:\s+năm\s+(\d{{4}}))?)",
    _FLAGS,
)


def _deadlines(body: list[str], year: int | None) -> list[dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for text in body:
        for sentence in _sentences(text):
            reporting = bool(_report_periods(sentence))
            for match in _DEADLINE.finditer(sentence):
                day, month, written_year = match[1] or match[4], match[2] or match[5], match[3] or match[6]
                if reporting and not written_year:
                    continue
                when = _date(day, month, written_year or year or 0) if (written_year or year) else None
                if when is None:
                    continue
                found.setdefault(when.isoformat(), {"date": when.isoformat(), "text": sentence.strip(" .;")})
    return sorted(found.values(), key=lambda item: item["date"])


_PERIODS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("monthly", re.compile(r"\b(?:hang|moi|dinh ky) thang\b|\bbao cao thang\b|\bthang mot lan\b")),
    ("quarterly", re.compile(r"\b(?:hang|moi|dinh ky|theo|bao cao) quy\b(?! (?:dinh|che|hoach|mo|tap|trinh|luat))")),
    ("semiannual", re.compile(r"\b(?:0?6|sau) thang\b|\bnua nam\b|\bso ket\b")),
    (
        "annual",
        re.compile(
            r"\bcuoi nam\b|\b(?:hang|moi|ca) nam\b|\bbao cao nam\b(?! ?\d)|\btong ket nam\b"
            r"|\b(?:va|hoac) (?:bao cao )?nam\b(?! ?\d)"
        ),
    ),
    ("adhoc", re.compile(r"\bdot xuat\b")),
)
_DAYS_AFTER = re.compile(
    r"\b(?:trong vong|trong thoi han|cham nhat(?: la)?|sau)\s*(\d{1,3})\s*ngay(?: lam viec)?\s*"
    r"(?:ke tu|sau khi|sau|tu khi|tu ngay|ket thuc|khi)"
)
_DUE = re.compile(r"\b(?:truoc|cham nhat(?: la)?|vao|han chot(?: la)?|khong muon hon)\s+(?=(?:ngay\s+)?\d)")
# "ngày 25/5", "20" (monthly), then more dates joined by "và" or a comma: "trước ngày 25/5 và 10/10".
_DUE_DATE = re.compile(
    r"(?:\s*(?:,|va)\s*)?(?:ngay\s+)?(\d{1,2})(?:\s*[/.-]\s*(\d{1,2}))?(?![\d/.-]*\d{4})(?!\s*(?:ngay|thang|nam)\b)\b"
)
_BODIES = r"(?:ubnd|uy ban|hdnd|so|bo|ban|tinh uy|van phong|thuong truc|chu tich|thu tuong|chinh phu|cuc)\b"
_RECIPIENT = re.compile(rf"(?:\b(?:ve|gui ve|gui|len|cho|toi)\s+|\bbao cao\s+)(?={_BODIES})")
_RECIPIENT_END = re.compile(r"\s+(?:truoc|cham nhat|de|theo|dinh ky|trong vong|vao|han)\b|[.;,]\s|[.;]$")


def _report_periods(sentence: str) -> list[tuple[int, str]]:
    folded = _fold_keep(sentence)
    if "bao cao" not in folded:
        return []
    found = [(match.start(), period) for period, pattern in _PERIODS for match in pattern.finditer(folded)]
    return sorted(found)


def _recipient(sentence: str) -> str | None:
    folded = _fold_keep(sentence)
    at = folded.find("bao cao")
    match = _RECIPIENT.search(folded, max(at, 0))
    if match is None:
        return None
    start = match.end()
    depth = 0
    end = len(sentence)
    index = start
    while index < len(folded):
        char = folded[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
            if depth == 0 and index + 1 < len(folded):
                index += 1
                continue
        elif depth == 0:
            stop = _RECIPIENT_END.match(folded, index)
            if stop:
                end = index
                break
        index += 1
    text = sentence[start:end].strip(" ,.;:")
    return text or None


def _reporting(body: list[str]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = []
    for text in body:
        for sentence in _sentences(text):
            sentence_to = _recipient(sentence)
            for clause in sentence.split(";"):
                _reporting_clause(clause, sentence_to, result)
    return result


def _reporting_clause(clause: str, sentence_to: str | None, result: list[dict[str, Any]]) -> None:
    """Add the reporting duties of one clause ("báo cáo 6 tháng trước ngày 15/6 … gửi UBND tỉnh")."""
    folded = _fold_keep(clause)
    if re.search(r"\bnhu sau\b", folded):
        return  # "UBND tỉnh báo cáo kết quả 6 tháng đầu năm như sau": the report itself, not a duty
    periods = _report_periods(clause)
    days = _DAYS_AFTER.search(folded)
    if not periods and not (days and "bao cao" in folded):
        return
    if not periods:
        periods = [(days.start() if days else 0, "adhoc")]
    to = _recipient(clause) or sentence_to
    dues: list[tuple[int, str, str | None]] = []
    for trigger in _DUE.finditer(folded):
        at = trigger.end()
        while (date := _DUE_DATE.match(folded, at)) is not None and (
            at == trigger.end() or date[0].strip()[:1] in ",v"
        ):
            dues.append((date.start(1), date[1], date[2]))
            at = date.end()
    assigned: dict[int, str | None] = {}
    timed = [item for item in periods if item[1] != "adhoc"]
    if dues and len(dues) == len(timed) and all(due[0] > timed[-1][0] for due in dues):
        # "báo cáo 6 tháng và năm trước ngày 25/5 và 10/10": the dates follow the periods in order.
        for (position, _), (_, day, month) in zip(timed, dues, strict=True):
            assigned[position] = _due(day, month)
    else:
        for due_at, day, month in dues:
            before = [item for item in periods if item[0] < due_at]
            owner = before[-1] if before else periods[0]
            assigned.setdefault(owner[0], _due(day, month))
    for position, period in periods:
        entry = {
            "period": period,
            "due": assigned.get(position),
            "days_after": int(days[1]) if days else None,
            "to": to,
        }
        if entry not in result:
            result.append(entry)


def _due(day: str, month: str | None) -> str | None:
    if month:
        when = _date(day, month, 2000)
        return when.strftime("%m-%d") if when else None
    return f"{int(day):02d}" if 1 <= int(day) <= 31 else None


# ---------------------------------------------------------------------------------------------------------
# Anniversaries


_DATE_RANGE = re.compile(
    r"\(\s*(\d{1,2})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{4})\s*[-–—]\s*(\d{1,2})\s*[/.]\s*(\d{1,2})\s*[/.]\s*(\d{4})\s*\)"
)
_DIPLOMATIC_CUE = re.compile(r"quan he ngoai giao|thiet lap quan he|hiep uoc|gia nhap asean|gia nhap hiep hoi")
_OTHER_CUE = re.compile(
    r"cach mang|ngay sinh|ngay mat|thanh lap dang|chien thang|giai phong|ngay thanh lap|ngay truyen thong"
    r"|doi tac (?:chien luoc|toan dien)"
)
_NAMED = re.compile(
    r"\b(\d{1,3}) nam (?:ngay )?(?P<what>thiet lap quan he ngoai giao|quan he ngoai giao|thiet lap quan he|"
    r"(?:ngay )?ky (?:ket )?hiep uoc|hiep uoc|(?:ngay )?viet nam gia nhap|quan he(?= (?:giua )?(?:viet nam|hai nuoc)))"
    r"(?! doi tac| huu nghi dac biet va| hop tac)"
)


def _anniversaries(context: _Context, body: list[str]) -> list[dict[str, Any]]:
    gazetteer = context.gazetteer
    found: dict[tuple[str, str, int], dict[str, Any]] = {}

    def relation(code: str | None, kind: str | None, since: datetime.date | None) -> refdata.RelationRow | None:
        for row in context.relations:
            if code is not None and row.subject_code != code:
                continue
            if kind is not None and row.kind != kind:
                continue
            if since is not None and row.established_on != since:
                continue
            return row
        return None

    def add(code: str, kind: str, years: int, since: datetime.date | None, row: refdata.RelationRow | None) -> None:
        if since is None and row is not None:
            since = row.established_on
        date = _add_years(since, years) if since else None
        key = (code, kind, years)
        if key not in found:
            found[key] = {
                "country": code,
                "subject": _subject(gazetteer, code, kind, row),
                "since": _iso(since),
                "date": _iso(date),
                "years": years,
            }

    for text in body:
        flat = _flat(text)
        folded = _fold_keep(flat)
        for match in _DATE_RANGE.finditer(flat):
            since = _date(match[1], match[2], match[3])
            until = _date(match[4], match[5], match[6])
            if since is None or until is None or (since.month, since.day) != (until.month, until.day):
                continue
            years = until.year - since.year
            if years <= 0:
                continue
            before = flat[: match.start()]
            cut = max(before.rfind(mark) for mark in ");:")
            segment = before[cut + 1 :]
            codes = gazetteer.countries_in(segment, blocs=True)
            code = codes[-1] if codes else None
            clause_start = max(folded.rfind(mark, 0, match.start()) for mark in ".;")
            clause = folded[clause_start + 1 : match.start()]
            cue_at = max((cue.end() for cue in _DIPLOMATIC_CUE.finditer(clause)), default=-1)
            treaty = "hiep uoc" in _fold_keep(segment)
            kind = "treaty" if treaty else ("accession" if code == "ASEAN" else "relations")
            row = relation(code, kind, since) or relation(code, None, since)
            if row is None and code is None and not _OTHER_CUE.search(_fold_keep(segment)):
                row = relation(None, None, since)  # "(5/9/1962 - 5/9/2022)": the date names the country
            if row is not None:
                code, kind = row.subject_code, row.kind
            elif (
                code is None
                or cue_at < 0
                or _OTHER_CUE.search(clause[cue_at:])
                or _OTHER_CUE.search(_fold_keep(segment))
            ):
                continue
            add(code, kind, years, since, row)
        for match in _NAMED.finditer(folded):
            years = int(match[1])
            after = flat[match.end() : match.end() + 90]
            if re.match(r"^[^(;.]*\(\s*\d", after):
                continue  # dated: handled above
            segment = re.split(r"[(;.]|\bkỷ niệm\b|\b\d+\s+năm\b", after, maxsplit=1, flags=_FLAGS)[0]
            codes = [code for code in gazetteer.countries_in(segment, blocs=True) if code != "VN"]
            if "gia nhap" in match["what"]:
                codes = [code for code in codes if code == "ASEAN"] or (["ASEAN"] if "asean" in fold(segment) else [])
            for code in codes:
                kind = "treaty" if "hiep uoc" in match["what"] else ("accession" if code == "ASEAN" else "relations")
                add(code, kind, years, None, relation(code, kind, None))
    return list(found.values())


def _add_years(since: datetime.date, years: int) -> datetime.date:
    try:
        return since.replace(year=since.year + years)
    except ValueError:  # 29 February
        return since.replace(year=since.year + years, day=28)


def _subject(gazetteer: Gazetteer, code: str, kind: str, row: refdata.RelationRow | None) -> str:
    if kind == "treaty" and row is not None:
        return row.name_vi
    if kind == "accession":
        return f"Việt Nam gia nhập {code}"
    return f"Thiết lập quan hệ ngoại giao Việt Nam - {gazetteer.country_name(code)}"


# ---------------------------------------------------------------------------------------------------------
# Legal references


_CODE = r"[A-ZĐ][A-Za-zĐđ]{0,7}\d{0,2}"
_LEGAL_NUMBER = re.compile(rf"(?<![\w/.\-])(\d{{1,5}}[a-z]?(?:/\d{{4}})?(?:[/\-]{_CODE})+)(?![\w/\-])")
_LEGAL_KIND = re.compile("|".join(re.escape(word) for word in LEGAL_KIND_WORDS) + r"(?! thư)", _FLAGS)
_LEGAL_DATE = re.compile(
    r"^\s*,?\s*(?:ban hành\s+)?ngày\s+"
    r"(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))",
    _FLAGS,
)
_ISSUER = re.compile(
    r"^\s*,?\s*(?:của|do)\s+(.{2,80}?)(?=\s+(?:về|ban hành|triển khai|thực hiện|quy định|phê duyệt|hướng dẫn|tổ chức|"
    r"tăng cường|đối với|nhằm|trên|tại|thông qua|đến năm|giai đoạn|và|là)\b|\s*[,;.()“\"]|$)",
    _FLAGS,
)


def _legal_kind_from_code(number: str) -> str:
    party = re.match(r"^\d+[a-z]?-([A-ZĐ][A-Za-zĐđ]*)/", number)
    if party:
        return LEGAL_KIND_CODES.get(party[1], "Văn bản")
    segments = re.findall(r"[/\-]([A-ZĐ][A-Za-zĐđ]*)(\d*)", number)
    if not segments:
        return "Văn bản"
    code, digits = segments[0]
    if code == "QH" and digits:
        return "Luật"
    if len(segments) == 1 or code not in LEGAL_KIND_CODES:
        return "Công văn" if len(segments) >= 1 and code not in LEGAL_KIND_CODES else LEGAL_KIND_CODES[code]
    return LEGAL_KIND_CODES[code]


def _legal_references(context: _Context) -> list[dict[str, Any]]:
    texts = [*context.paragraphs, *context.document.footnotes.values()]
    for table in context.document.tables():
        texts.extend(cell.text for row in table.rows for cell in row)
    own = compact(context.number) if context.number else None
    found: dict[str, dict[str, Any]] = {}
    for text in texts:
        flat = _flat(text)
        for match in _LEGAL_NUMBER.finditer(flat):
            number = match[1]
            key = compact(number)
            if key == own:
                continue
            before = flat[max(0, match.start() - 90) : match.start()]
            kind = None
            for word in _LEGAL_KIND.finditer(before):
                between = before[word.end() :]
                simple = re.fullmatch(r"\s*(?:số\s*:?\s*)?", between, _FLAGS)
                named = word[0].lower() in ("luật", "bộ luật", "pháp lệnh") and re.search(r"\bsố\s*$", between)
                if (simple or named) and not re.search(r"\d", between):
                    kind = word[0][:1].upper() + word[0][1:]
            kind = LEGAL_KIND_CANONICAL.get(kind, kind) if kind else _legal_kind_from_code(number)
            after = flat[match.end() :]
            when = None
            date = _LEGAL_DATE.match(after)
            if date:
                when = _date(date[1] or date[4], date[2] or date[5], date[3] or date[6])
                after = after[date.end() :]
            issuer_match = _ISSUER.match(after)
            issuer = issuer_match[1].strip() if issuer_match else None
            entry = found.get(key)
            if entry is None:
                found[key] = {"kind": kind, "number": number, "date": _iso(when), "issuer": issuer}
            else:
                entry["date"] = entry["date"] or _iso(when)
                entry["issuer"] = entry["issuer"] or issuer
    return list(found.values())


# ---------------------------------------------------------------------------------------------------------
# Partners


def _partners(context: _Context) -> list[dict[str, Any]]:
    texts = [*context.paragraphs, *context.document.footnotes.values()]
    for table in context.document.tables():
        texts.extend(cell.text for row in table.rows for cell in row)
    found: dict[tuple[str, str | None], dict[str, Any]] = {}
    for text in texts:
        for match in context.gazetteer.partners_in(_flat(text)):
            key = (compact(match.canonical), match.country)
            found.setdefault(
                key, {"name": match.name, "canonical": match.canonical, "country": match.country, "kind": match.kind}
            )
    return list(found.values())


# ---------------------------------------------------------------------------------------------------------
# Appendix tables: delegations, conferences, agreements


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
    if re.search(r"cong an|quan su|bien phong|luc luong vu trang|quan khu|bo doi", folded):
        return "armed_forces"
    if re.search(r"\bso\b|\bnganh\b|doan the|co quan, don vi|don vi su nghiep", folded):
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
        for partner in gazetteer.partners_in(text):
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
    if not text:
        return None, None
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
        countries = gazetteer.countries_in(value("countries") or "")
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


# ---------------------------------------------------------------------------------------------------------
# Tasks of the programme body


_ROMAN = re.compile(r"^([IVX]{1,5})\.\s*(\S.*)$")
_NUMBER = re.compile(r"^(\d{1,2})\.\s*(\S.*)$")
_LETTER = re.compile(r"^([a-zđ])\)\s*(\S.*)$")
_DASH = re.compile(r"^[-–•]\s*(\S.*)$")
_PLUS = re.compile(r"^[+*]\s*(\S.*)$")
_TASK_SECTIONS = re.compile(r"noi dung|nhiem vu|giai phap|cac hoat dong|hoat dong cu the")
_NOT_TASK_SECTIONS = re.compile(r"muc dich|yeu cau|kinh phi|to chuc thuc hien|to chuc trien khai|quan diem|ket qua")
_PILLARS = (
    ("party", re.compile(r"^(?:cong tac |hoat dong )?doi ngoai (?:cua )?dang\b")),
    ("state", re.compile(r"^(?:cong tac |hoat dong )?(?:ngoai giao nha nuoc|(?:doi ngoai|ngoai giao) chinh quyen)\b")),
    ("people", re.compile(r"^(?:cong tac |hoat dong )?doi ngoai nhan dan\b")),
)


def _pillar(headings: Iterable[str]) -> str:
    for heading in headings:
        folded = fold(heading)
        for pillar, pattern in _PILLARS:
            if pattern.search(folded):
                return pillar
    return "general"


def _is_heading(text: str, following: str | None, same_level: re.Pattern[str]) -> bool:
    if text.rstrip()[-1:] in ".;!?" or len(text.split()) > 25:
        return False
    return following is not None and not same_level.match(following) and not _ROMAN.match(following)


def _tasks(paragraphs: list[str]) -> list[dict[str, Any]]:
    romans = [(index, match) for index, text in enumerate(paragraphs) if (match := _ROMAN.match(text))]
    if romans:
        wanted = [index for index, match in romans if _TASK_SECTIONS.search(fold(match[2]))]
        if not wanted:
            wanted = [index for index, match in romans if not _NOT_TASK_SECTIONS.search(fold(match[2]))]
    tasks: list[dict[str, Any]] = []
    path: list[tuple[str, str]] = []  # (marker, heading text) from the roman numeral down
    active = not romans
    last_dash: dict[str, Any] | None = None

    def add(text: str, marker: str | None = None) -> dict[str, Any]:
        section = ".".join(item[0] for item in path) + (("." if path else "") + marker if marker else "")
        headings = [item[1] for item in reversed(path)]
        domain = next((heading for heading in headings if heading), None)
        task = {"section": section, "pillar": _pillar(headings), "domain": domain, "text": _flat(text)}
        tasks.append(task)
        return task

    for index, text in enumerate(paragraphs):
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        if _END_OF_BODY.match(text) or re.match(r"^Trên đây là\b", text):
            if tasks or active:
                break
            continue
        roman = _ROMAN.match(text)
        if roman:
            active = not romans or index in wanted
            path = [(roman[1], roman[2].strip())]
            last_dash = None
            continue
        if not active:
            continue
        number = _NUMBER.match(text)
        letter = _LETTER.match(text)
        if number:
            path = [*path[:1], (number[1], "")] if romans else [(number[1], "")]
            last_dash = None
            if _is_heading(number[2], following, _NUMBER):
                path[-1] = (number[1], number[2].strip(" :"))
            else:
                path[-1] = (number[1], "")
                add(number[2])
                path[-1] = (number[1], "")
            continue
        if letter:
            depth = (1 if romans else 0) + (1 if any(item[0].isdigit() for item in path) else 0)
            path = [*path[:depth]]
            last_dash = None
            if _is_heading(letter[2], following, _LETTER):
                path.append((letter[1], letter[2].strip(" :")))
            else:
                add(letter[2], letter[1])
            continue
        plus = _PLUS.match(text)
        if plus and last_dash is not None:
            last_dash["text"] = f"{last_dash['text']}\n{_flat(plus[1])}"
            continue
        dash = _DASH.match(text)
        if dash:
            last_dash = add(dash[1])
            continue
        if plus:
            add(plus[1])
            continue
        if path and len(text.split()) >= 4:
            add(text)
    return tasks
