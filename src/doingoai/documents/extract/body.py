"""What the body states: planned counts, deadlines, reporting duties."""

from __future__ import annotations

import re
from typing import Any

from doingoai.documents.extract.common import _FLAGS, _date, _fold_keep, _sentences

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
            r"|(?:\b(?:va|hoac)|(?<=thang),|(?<=\bquy),) (?:bao cao )?nam\b(?! ?\d)"
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
# A date with its year ("trước 15/6/2026") is a one-off due date: its day and month are the period's.
_DUE_DATE = re.compile(
    r"(?:\s*(?:,|va)\s*)?(?:ngay\s+)?(\d{1,2})(?:\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*\d{4})?|\s+thang\s+(\d{1,2})\b"
    r"(?:\s+nam\s+\d{4})?)?(?![\d/.-]*\d)(?!\s*(?:ngay|nam)\b)(?!\s*thang\b(?! (?:cuoi|dau) quy))\b"
)
_BODIES = r"(?:ubnd|uy ban|hdnd|so|bo|ban|tinh uy|van phong|thuong truc|chu tich|thu tuong|chinh phu|cuc)\b"
_RECIPIENT = re.compile(rf"(?:\b(?:ve|gui ve|gui|len|cho|toi)\s+|\bbao cao\s+)(?={_BODIES})")
_SENT_TO = re.compile(rf"\bgui\s+(?:ve\s+)?(?={_BODIES})")
_RECIPIENT_END = re.compile(
    r"\s+(?:truoc|cham nhat|de|theo|dinh ky|trong vong|vao|han|tinh hinh|ket qua|viec|noi dung|so lieu)\b"
    r"|[.;,]\s|[.;]$"
)
# "trước ngày 20 của tháng cuối kỳ (báo cáo)": the day of the last month of each period the clause names.
_LAST_MONTH = re.compile(r"\s*(?:cua\s+)?thang\s+cuoi\s+(?:ky|quy|dot|nam)\b")
_LAST_MONTH_OF = {"monthly": None, "quarterly": None, "semiannual": "6", "annual": "12"}


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
    if match is None:  # "Các huyện gửi Sở Ngoại vụ kết quả … hằng tháng": sent to before the word "báo cáo"
        match = _SENT_TO.search(folded)
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
    if re.match(r"\s*(?:v/v|ve viec)\b", folded):
        return  # the subject line of a letter names the report it asks for, the duty is in the body
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
            dues.append((date.start(1), date[1], date[2] or date[3]))
            at = date.end()
    assigned: dict[int, str | None] = {}
    timed = [item for item in periods if item[1] != "adhoc"]
    relative = [due for due in dues if due[2] is None and _LAST_MONTH.match(folded, _due_end(folded, due[0]))]
    if len(dues) == 1 and relative and len(timed) > 1 and dues[0][0] > timed[-1][0]:
        # "định kỳ quý, 6 tháng và năm trước ngày 20 của tháng cuối kỳ": each period's own last month.
        for position, period in timed:
            assigned[position] = _due(relative[0][1], _LAST_MONTH_OF[period])
    elif dues and len(dues) == len(timed) and all(due[0] > timed[-1][0] for due in dues):
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


def _due_end(folded: str, start: int) -> int:
    """Where the day number that starts at ``start`` ends."""
    found = re.match(r"\d{1,2}", folded[start:])
    return start + (found.end() if found else 0)


def _due(day: str, month: str | None) -> str | None:
    if month:
        when = _date(day, month, 2000)
        return when.strftime("%m-%d") if when else None
    return f"{int(day):02d}" if 1 <= int(day) <= 31 else None
