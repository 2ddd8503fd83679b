"""Tasks of the body, with their section, pillar, domain, lead unit and coordinating units.

Built for the numbering of Decree 30 documents, whatever mix a province uses: "Phần II -", "A.", "I." or "II-",
"1." or "1)", "a)" or "a.", then "-" and "+" items. The kinds of marker nest in the order a document first uses
them, so "Phần II" > "1." > "a)" in one plan and "B." > "I." > "1." in another both give their path ("II.1.a",
"B.I.1"). A numbered line is a heading, not a task, when it does not end a sentence and the next paragraph sits
below it; the reader has already joined a heading or a sentence wrapped onto another line or page, and moved
footnote text out of the body. Sections about aims, requirements, funding and implementation hold no tasks; the
articles of a decision ("Điều 1.") neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from doingoai.documents.extract.common import _END_OF_BODY, _flat, _is_upper
from doingoai.documents.gazetteer import fold

_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("part", re.compile(r"^(?:Phần|PHẦN)\s+(?:thứ\s+)?([IVX]{1,5}|\d{1,2})\s*[-–.:)]?\s*(.*)$")),
    ("article", re.compile(r"^(?:Điều|ĐIỀU)\s+(\d{1,3})\s*[.:]?\s*(.*)$")),
    ("capital", re.compile(r"^([A-DĐ])\s*[.)]\s+(\S.*)$")),
    ("roman", re.compile(r"^([IVX]{1,5})\s*[.)\-–:]\s*(\S.*)$")),
    ("subnumber", re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$")),
    ("number", re.compile(r"^(\d{1,2})\s*(?:[.)]|[-–](?=\s))\s*(?!\d)(\S.*)$")),
    ("letter", re.compile(r"^([a-zđ])\s*\)\s*(\S.*)$|^([a-zđ])\.\s+([A-ZĐÀ-Ỹ].*)$")),
    ("dash", re.compile(r"^[-–•●▪]\s*(\S.*)$")),
    ("plus", re.compile(r"^[+*]\s*(\S.*)$")),
)
_STRUCTURAL = ("part", "article", "capital", "roman", "subnumber", "number", "letter")
_OUTER = ("part", "capital", "roman")
_TASK_SECTIONS = re.compile(r"noi dung|nhiem vu|giai phap|cac hoat dong|hoat dong cu the")
_NOT_TASK_SECTIONS = re.compile(
    r"muc dich|yeu cau|muc tieu|kinh phi|to chuc thuc hien|to chuc trien khai|quan diem|ket qua|danh gia|tinh hinh"
)
_PILLARS = (
    ("party", re.compile(r"^(?:cong tac |hoat dong )?doi ngoai (?:cua )?dang\b")),
    ("state", re.compile(r"^(?:cong tac |hoat dong )?(?:ngoai giao nha nuoc|(?:doi ngoai|ngoai giao) chinh quyen)\b")),
    ("people", re.compile(r"^(?:cong tac |hoat dong )?doi ngoai nhan dan\b")),
)
_MARKDOWN = re.compile(r"\*\*|__")


def _pillar(headings: Iterable[str]) -> str:
    for heading in headings:
        folded = fold(heading)
        for pillar, pattern in _PILLARS:
            if pattern.search(folded):
                return pillar
    return "general"


@dataclass
class _Item:
    kind: str
    marker: str
    text: str


def _item(text: str) -> _Item:
    for kind, pattern in _MARKERS:
        match = pattern.match(text)
        if match is None:
            continue
        groups = [group for group in match.groups() if group is not None]
        if kind in ("dash", "plus"):
            return _Item(kind, "", groups[0])
        if kind == "capital" and not _is_upper(groups[1]):
            continue  # "A. Nguyễn …" is a sentence, "A. MỤC ĐÍCH" a part
        return _Item(kind, groups[0], groups[1] if len(groups) > 1 else "")
    return _Item("text", "", text)


def _ends_sentence(text: str) -> bool:
    return text.rstrip()[-1:] in ".;!?…"


def _tasks(paragraphs: list[str]) -> list[dict[str, Any]]:
    texts = [_MARKDOWN.sub("", text).strip() for text in paragraphs]
    items = [_item(text) for text in texts]
    outer = [item for item in items if item.kind in _OUTER]
    wanted_outer = any(_TASK_SECTIONS.search(fold(item.text)) for item in outer)
    order: list[str] = []  # the structural kinds from outermost in, as the document first uses them
    stack: list[tuple[_Item, bool]] = []  # (item, is a heading)
    tasks: list[dict[str, Any]] = []
    last_dash: dict[str, Any] | None = None
    started = False

    def active() -> bool:
        if any(item.kind == "article" for item, _ in stack):
            return False
        headings = [fold(item.text) for item, heading in stack if heading]
        if any(_NOT_TASK_SECTIONS.search(heading[:60]) for heading in headings):
            return False
        if wanted_outer:
            return any(_TASK_SECTIONS.search(fold(item.text)[:80]) for item, _ in stack if item.kind in _OUTER)
        return True

    def add(text: str, marker: str | None = None) -> dict[str, Any]:
        markers = [item.marker for item, _ in stack if item.marker]
        if marker:
            markers.append(marker)
        headings = [item.text.strip(" :") for item, heading in reversed(stack) if heading and item.text]
        lead, coordinating = _units(_flat(text))
        task = {
            "section": ".".join(markers),
            "pillar": _pillar(headings),
            "domain": headings[0] if headings else None,
            "text": _flat(text),
            "lead_unit": lead,
            "coordinating_units": coordinating,
        }
        tasks.append(task)
        return task

    def deeper(kind: str, following: _Item | None) -> bool:
        """Whether ``following`` sits below an item of ``kind`` (a deeper marker, or plain text)."""
        if following is None:
            return False
        if following.kind == "text":
            return True
        if following.kind in ("dash", "plus"):
            return True
        if following.kind in order and kind in order:
            return order.index(following.kind) > order.index(kind)
        return following.kind not in order and following.kind not in _OUTER

    for index, (text, item) in enumerate(zip(texts, items, strict=True)):
        if _END_OF_BODY.match(text) or re.match(r"^Trên đây là\b", text):
            if tasks or started:
                break
            continue
        following = next((items[ahead] for ahead in range(index + 1, len(items)) if texts[ahead]), None)
        if item.kind in _STRUCTURAL:
            started = True
            if item.kind not in order:
                order.append(item.kind)
            depth = order.index(item.kind)
            stack = [entry for entry in stack if order.index(entry[0].kind) < depth]
            last_dash = None
            heading = (
                item.kind in _OUTER
                or item.kind == "article"
                or (not _ends_sentence(item.text) and len(item.text.split()) <= 25 and deeper(item.kind, following))
            )
            stack.append((item, heading))
            if not heading and active():
                stack.pop()
                add(item.text, item.marker)
                stack.append((_Item(item.kind, item.marker, ""), False))
            if text.rstrip().endswith("./."):
                break
            continue
        if not started or not active():
            continue
        if item.kind == "plus" and last_dash is not None:
            last_dash["text"] = f"{last_dash['text']}\n{_flat(item.text)}"
            continue
        if item.kind == "dash":
            last_dash = add(item.text)
            continue
        if item.kind == "plus":
            add(item.text)
            continue
        if text.rstrip().endswith("./."):
            break  # the closing sentence of a letter
        if stack and stack[-1][1] and len(text.split()) >= 4:
            add(text)
    return tasks


# The words a unit's name starts with: a piece of a list that starts otherwise continues the name before it
# ("Sở Văn hóa, Thể thao và Du lịch", "Sở Kế hoạch và Đầu tư").
_UNIT_HEAD = re.compile(
    r"^(?:sở|ban|ubnd|ủy ban|uỷ ban|văn phòng|công an|bộ|báo|đài|liên hiệp|liên đoàn|hội|trường|bệnh viện|cục|"
    r"chi cục|tỉnh đoàn|tỉnh ủy|tỉnh uỷ|thành ủy|huyện ủy|mặt trận|viện|trung tâm|đoàn|ngân hàng|kho bạc|cảnh sát|"
    r"hải quan|thanh tra|đảng ủy|đảng uỷ|các|cổng|học viện|đại học|quỹ|tổng công ty|công ty|hiệp hội|"
    r"mttq|hđnd|hội đồng|thường trực|chủ tịch|giám đốc|lãnh đạo)\b",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"(?:^|(?<=[.;:(]\s)|(?<=[.;:(]))\s*(?:(?:giao(?:\s+cho)?|do|đề nghị)\s+)?"
    r"(?P<lead>[A-ZĐÀ-Ỹ][^.;:()]{1,100}?)\s+(?:là đơn vị\s+|làm\s+)?chủ trì\b",
)
_FIELDS = re.compile(
    r"(?:cơ quan|đơn vị)\s+chủ trì\s*:\s*(?P<lead>[^.;\n]+?)\s*[.;]\s*(?:cơ quan|đơn vị)\s+phối hợp\s*:\s*"
    r"(?P<with>[^.;\n]+)",
    re.IGNORECASE,
)
_WITH = re.compile(r"^\s*,?\s*(?:và\s+)?(?:phối hợp|cùng|phối hợp cùng)\s+(?:với\s+)?", re.IGNORECASE)
_WITH_END = re.compile(
    r"[.;)]|\s+(?:thực hiện|tổ chức|triển khai|tham mưu|xây dựng|để|nhằm|trong|theo|tiến hành|hoàn thành|"
    r"hướng dẫn|kiểm tra|rà soát|đôn đốc|báo cáo|chuẩn bị)\b"
)


def _units(text: str) -> tuple[str | None, list[str]]:
    """The lead unit and coordinating units a task assigns ("Sở X chủ trì, phối hợp với Sở Y, UBND huyện Z")."""
    fields = _FIELDS.search(text)
    if fields:
        return fields["lead"].strip(), _split_units(fields["with"])
    match = None
    for candidate in _LEAD.finditer(text):
        if _UNIT_HEAD.match(candidate["lead"]):
            match = candidate
            break
    if match is None:
        return None, []
    lead = match["lead"].strip(" ,")
    rest = text[match.end() :]
    joined = _WITH.match(rest)
    if joined is None:
        return lead, []
    listed = rest[joined.end() :]
    end = _WITH_END.search(listed)
    return lead, _split_units(listed[: end.start()] if end else listed)


def _split_units(listed: str) -> list[str]:
    units: list[str] = []
    for piece in re.split(r",\s*|\s+và\s+(?=\S)", listed):
        piece = piece.strip(" .;:")
        if not piece:
            continue
        if units and not _UNIT_HEAD.match(piece):
            separator = " và " if re.search(rf"\s+và\s+{re.escape(piece)}", listed) else ", "
            units[-1] = f"{units[-1]}{separator}{piece}"
        else:
            units.append(piece)
    return units
