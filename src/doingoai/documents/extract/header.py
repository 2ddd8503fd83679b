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
    ("quyet dinh", "decision"),
    ("to trinh", "other"),
    ("chi thi", "other"),
    ("nghi quyet", "other"),
    ("huong dan", "other"),
    ("de an", "other"),
)
NUMBER_KINDS = {"CTr": "program", "KH": "plan", "TB": "notice", "BC": "report", "QĐ": "decision"}
# The national motto and the Party's line beside the issuer: never part of it (two columns flattened into one).
_MOTTO = re.compile(
    r"CỘNG\s+H(?:ÒA|OÀ)\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[-–]\s*Tự\s+do\s*[-–]\s*Hạnh\s+phúc"
    r"|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM",
    re.IGNORECASE,
)
# Where a flattened line holds a second column: "|", tabs, or the place and date ("Hà Tĩnh, ngày …").
_COLUMN_BREAK = re.compile(r"\s*\|\s*|\t+")
_PLACE_DATE = re.compile(r"\s(?=[A-ZĐ][^\d,|]{1,30},\s*ngày\s+\d)")


def _header_lines(lines: list[str]) -> list[str]:
    """The first lines as the header's cells, one per line: columns split, motto, rules and markdown markers
    dropped, "Số:" joined to a number written on the next line."""
    out: list[str] = []
    unmarked = "\n".join(re.sub(r"\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)", "", line) for line in lines)
    # Over the whole header: a motto broken over two lines ("… CHỦ NGHĨA" / "VIỆT NAM …" where a one-line header
    # was wrapped) is still the motto; the lines keep their count.
    unmarked = _MOTTO.sub(lambda motto: "|" + "\n" * motto[0].count("\n"), unmarked)
    for line in unmarked.split("\n"):
        for column in _COLUMN_BREAK.split(line):
            place = _PLACE_DATE.search(column)  # the first place only: "… UBND Hà Tĩnh, ngày" splits before "Hà"
            if place and _PLACE_DATE_LINE.match(column.strip()):
                place = None  # the line is the place and date ("Nghệ An, ngày …"): nothing before it to split off
            for part in (column[: place.start()], column[place.end() :]) if place else (column,):
                part = re.sub(r"^[\-–_*=~]{3,}\s*", "", part.strip())  # the rule under the issuer, then "Số:"
                if part and not re.fullmatch(r"[\-–_*=.:~ ]+", part):
                    out.append(part)
    joined: list[str] = []
    for part in out:
        if joined and re.fullmatch(r"(?:Số|SỐ)\s*[:.]?", joined[-1]) and re.match(r"\d", part):
            joined[-1] = f"Số: {part}"
        else:
            joined.append(part)
    return joined


_BODY_START = re.compile(
    r"^(?:Căn cứ|Thực hiện|Kính gửi|Triển khai|Nhằm|Để|Ngày|Theo|Trên cơ sở|Phần|PHẦN"
    r"|[IVX]+\.|\d+\.|[A-D]\.|-|\+|\(Kèm)"
)
_STRONG_BODY_START = re.compile(r"^(?:Căn cứ|Kính gửi|Phần|PHẦN|[IVX]+\.|\d+\.|[A-D]\.|-|\+|\(Kèm)")
_PLACE_DATE_LINE = re.compile(r"^[^,\d]{2,40},\s*ngày\s+\d")
_POSITION = (
    r"(?:PHÓ\s+)?(?:CHỦ\s+TỊCH|GIÁM\s+ĐỐC|TRƯỞNG\s+BAN|BÍ\s+THƯ|CHÁNH\s+VĂN\s+PHÒNG|TRƯỞNG\s+PHÒNG|CỤC\s+TRƯỞNG"
    r"|BỘ\s+TRƯỞNG|THỦ\s+TRƯỞNG|CHỈ\s+HUY\s+TRƯỞNG|TỔNG\s+BIÊN\s+TẬP|HIỆU\s+TRƯỞNG|VIỆN\s+TRƯỞNG)"
)
_AUTHORITY = re.compile(rf"^{_POSITION}\s+(?:ỦY|UỶ|UBND|HỘI|SỞ|BAN|BỘ)\b")
_BARE_POSITION = re.compile(rf"^{_POSITION}\s*$")
_SIGNATURE_INSIDE = re.compile(rf"(?<=\s)(?:T\.?M\.|T/M|KT\.|TL\.|TUQ\.)\s*(?:[A-ZĐÀ-Ỹ]{{2,}}|{_POSITION})")
_SIGNATURE_MARK = re.compile(r"^(?:T\.?M\.|T/M|KT\.|Q\.|TL\.|TUQ\.)\s*\S")
_NOT_A_NAME = re.compile(
    r"\b(?:PHỤ|LỤC|CHỦ|TỊCH|GIÁM|ĐỐC|BAN|NHÂN|DÂN|KẾ|HOẠCH|CHƯƠNG|TRÌNH|Nơi|nhận|ký|dấu|Lưu|THƯỜNG|TRỰC|BÍ|THƯ"
    r"|PHÓ|TRƯỞNG|CHÁNH|TỈNH|SỞ|UBND|ỦY|UỶ|HỘI|ĐỒNG|PHÒNG|CỤC|QUYỀN|Phó|Chủ|Giám|Trưởng|Bí)\b"
)


def _document_info(context: _Context) -> dict[str, Any]:
    lines = context.lines
    head = _header_lines(lines[:40])
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
    number = _own_number(context, head)
    if kind_index is None and number:
        code = re.search(r"/(CTr|KH|TB|BC|QĐ)-", number)
        if code:
            kind = NUMBER_KINDS[code[1]]
        elif re.search(r"/[A-ZĐ]+-[A-ZĐ]+$", number):
            kind = "official_letter"
    title = _title(head, kind_index, kind_word, kind)
    if kind == "decision" and title and re.search(r"\bban hành (?:bản )?(?:quy chế|quy định)\b", title, _FLAGS):
        kind = "regulation"  # a decision that issues a Quy chế / Quy định: the body is the regulation
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
    for offset, line in enumerate(head[start : start + 4]):
        # The line right under the kind word is the title even when it opens like a sentence ("Triển khai …").
        starts_body = (_STRONG_BODY_START if offset == 0 and not parts else _BODY_START).match(line)
        if starts_body or len(line) > 200 or re.match(r"^[-_*=.]{3,}$", line) or line.startswith("Số"):
            break
        if _PLACE_DATE_LINE.match(line) or _AUTHORITY.match(line):
            break  # "Nghệ An, ngày …" beside a letter's subject; "CHỦ TỊCH ỦY BAN …" above a decision's body
        if parts and _is_upper(line) and not all(_is_upper(part) for part in parts):
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


def _own_number(context: _Context, head: list[str]) -> str | None:
    for line in head[:30]:
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
    text = re.sub(
        r"^ubnd\b", "Ủy ban nhân dân", re.sub(r"^hđnd\b", "Hội đồng nhân dân", text, flags=_FLAGS), flags=_FLAGS
    )
    return re.sub(r"^(Sở|Ban|Bộ|Cục|Văn phòng) (\w)", lambda match: f"{match[1]} {match[2].upper()}", text)


_ISSUER_WORDS = re.compile(
    r"^(?:ỦY BAN|UỶ BAN|UBND|HỘI ĐỒNG|HĐND|SỞ|BAN|TỈNH ỦY|TỈNH UỶ|BỘ|VĂN PHÒNG|THÀNH ỦY|HUYỆN ỦY"
    r"|CÔNG AN|BỘ CHỈ HUY)"
)


def _issuer(context: _Context, head: list[str], kind_index: int | None, province: str | None) -> str | None:
    issuer_lines: list[str] = []
    parent = ""
    for line in head[: kind_index if kind_index is not None else 10]:
        if not _is_upper(line) or fold(line).startswith(("cong hoa", "doc lap")) or re.match(r"^(?:Số|SỐ)\b", line):
            if issuer_lines:
                break
            continue
        if len(issuer_lines) == 1 and _ISSUER_WORDS.match(line) and not re.match(r"^(?:TỈNH|THÀNH PHỐ|HUYỆN)\b", line):
            parent = issuer_lines[0]  # parent body above ("TỈNH ỦY X", "UBND TỈNH X"), the issuing body below
            issuer_lines = [line]
            continue
        if _ISSUER_WORDS.match(line) or issuer_lines:
            issuer_lines.append(line)  # a name broken over lines ("BAN CHỈ ĐẠO CÔNG TÁC" / "THÔNG TIN ĐỐI NGOẠI")
    if issuer_lines:
        issuer = _sentence_case(" ".join(issuer_lines), province)
        under_province = re.match(r"^(?:TỈNH|THÀNH) [ỦU]Y\b|^(?:UBND|[ỦU]Y BAN NHÂN DÂN) (?:TỈNH|THÀNH PHỐ)\b", parent)
        if under_province and re.fullmatch(r"Văn phòng", issuer, _FLAGS):
            # "VĂN PHÒNG" under its committee is that committee's office: "Văn phòng Ủy ban nhân dân tỉnh X"
            issuer = f"Văn phòng {_sentence_case(parent, province)}"
        elif under_province and province and province.casefold() not in issuer.casefold():
            # The full name of a body under the province's Party committee or People's Committee carries the
            # province ("Ban Chỉ đạo … tỉnh Hà Tĩnh", "Sở Ngoại vụ tỉnh Cao Bằng"): "Sở Ngoại vụ" alone names
            # the department of any of 34 provinces.
            issuer = f"{issuer} {'thành phố' if 'THÀNH PHỐ' in parent else 'tỉnh'} {province}"
        return issuer
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
    plain = [re.sub(r"\*\*|__", "", line).strip() for line in lines]
    for index, line in enumerate(plain):
        inside = _SIGNATURE_INSIDE.search(line)
        if inside and not _SIGNATURE_MARK.match(line) and _is_upper(line[inside.start() :]):
            plain[index] = line[inside.start() :]  # "Nơi nhận:      KT. CHỦ TỊCH": two columns flattened by spaces
    marked = [index for index, line in enumerate(plain) if _SIGNATURE_MARK.match(line)]
    # Without "TM./KT.", a bare position ("CHỦ TỊCH", "GIÁM ĐỐC") then the name, below the body.
    bare = [index for index, line in enumerate(plain) if index > 8 and _BARE_POSITION.match(line)]
    for index in [*marked, *reversed(bare)]:
        line = plain[index]
        tail = re.search(r"(?:[A-ZĐÀ-Ỹ]{2,}\s+)([A-ZĐÀ-Ỹ][a-zà-ỹđ]+(?:\s+[A-ZĐÀ-Ỹ][a-zà-ỹđ]+){1,4})$", line)
        if tail and _looks_like_name(tail[1]):
            return tail[1]  # a signature block flattened onto one line: "TM. ỦY BAN … PHÓ CHỦ TỊCH Trần Báu Hà"
        for following in (re.sub(r"\*\*|__", "", line).strip() for line in lines[index + 1 : index + 14]):
            if re.match(r"^(?:PHỤ LỤC|Phụ lục|Nơi nhận)", following):
                break
            if re.match(r"^\(.*\)$|^\[.*\]$|^Đã ký", following, _FLAGS):
                continue
            if _looks_like_name(following):
                return following.strip()
    return None
