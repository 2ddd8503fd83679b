"""Legal references: the laws, decrees, decisions and letters a document cites."""

from __future__ import annotations

import re
from typing import Any

from doingoai.documents.extract.common import _FLAGS, _Context, _date, _flat, _iso
from doingoai.documents.gazetteer import compact

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


_DATE_TEXT = r"(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))"
# "Ngày 06/4/2026, Văn phòng Chính phủ ban hành Thông báo số …": the date and issuer written before the reference.
_DATE_BEFORE = re.compile(
    rf"\bngày\s+{_DATE_TEXT}\s*,\s*(?P<issuer>[^,;.]{{2,80}}?)\s+(?:đã\s+)?(?:ký\s+)?(?:ban hành|ký|có|gửi)\s+"
    rf"(?:{_LEGAL_KIND.pattern})\s+(?:số\s*:?\s*)?$",
    _FLAGS,
)
_ISSUED_ON = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(\d{4})", _FLAGS)


def _legal_references(context: _Context) -> list[dict[str, Any]]:
    texts = [*context.paragraphs, *context.document.footnotes.values()]
    for table in context.document.tables():
        texts.extend(cell.text for row in table.rows for cell in row)
    own = compact(context.number) if context.number else None
    issued = next((int(on[1]) for line in context.lines[:40] if (on := _ISSUED_ON.search(line))), None)
    # The years the document's own number may be cited with: its year of issue, or, when the header does not
    # say, the year it is about and the one before (a programme for 2022 is issued in late 2021).
    own_years = {issued} if issued else {year for year in (context.year, (context.year or 1) - 1) if year}
    found: dict[tuple[str, int | None], dict[str, Any]] = {}
    for text in texts:
        flat = _flat(text)
        for match in _LEGAL_NUMBER.finditer(flat):
            number = match[1]
            key = compact(number)
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
            issuer = None
            date = _LEGAL_DATE.match(after)
            if date:
                when = _date(date[1] or date[4], date[2] or date[5], date[3] or date[6])
                after = after[date.end() :]
            else:
                sentence = flat[: match.start()]
                sentence = sentence[max(sentence.rfind(". "), sentence.rfind("; ")) + 1 :]
                written = _DATE_BEFORE.search(sentence)
                if written:
                    when = _date(written[1] or written[4], written[2] or written[5], written[3] or written[6])
                    issuer = written["issuer"].strip()
            if key == own and (when is None or when.year in own_years):
                continue  # the document's own number; the same number of another year is another document
            issuer_match = _ISSUER.match(after)
            issuer = issuer_match[1].strip() if issuer_match else issuer
            year = when.year if when else None
            same = [item for item in found if item[0] == key]
            target = (key, year) if (key, year) in found else None
            if target is None and same:
                if year is None:
                    target = same[0]  # a later mention without its date
                elif (key, None) in found:
                    target = (key, None)  # the first mention had no date, this one has
                    found[(key, year)] = found.pop(target)
                    target = (key, year)
            if target is None:
                found[(key, year)] = {"kind": kind, "number": number, "date": _iso(when), "issuer": issuer}
            else:
                entry = found[target]
                entry["date"] = entry["date"] or _iso(when)
                entry["issuer"] = entry["issuer"] or issuer
    return list(found.values())
