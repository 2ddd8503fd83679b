"""The document itself: kind, title, year, province, issuer, number, signer."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from doingoai.documents.extract.common import _FLAGS, _Context, _flat, _is_upper
from doingoai.documents.gazetteer import fold

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
