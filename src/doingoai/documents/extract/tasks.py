"""Tasks of the programme body, with their section, pillar and domain."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from doingoai.documents.extract.common import _END_OF_BODY, _flat
from doingoai.documents.gazetteer import fold

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
