"""Round anniversaries of diplomatic relations named or dated in the body."""

from __future__ import annotations

import datetime
import re
from typing import Any

from doingoai.documents.extract.common import _FLAGS, _Context, _date, _flat, _fold_keep, _iso
from doingoai.documents.gazetteer import Gazetteer, fold
from doingoai.reference import refdata

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
            if not codes and re.fullmatch(r"\s*(?:,|và|cùng)?\s*", segment, _FLAGS):
                # "60 năm … ngoại giao và 45 năm … Hiệp ước … Việt Nam – Lào": the country named after the last
                # of several anniversaries listed together is the country of each.
                sentence = re.split(r"[;.]", flat[match.end() : match.end() + 300], maxsplit=1)[0]
                rest = re.sub(r"\([^()]*\)", " ", sentence)
                codes = [code for code in gazetteer.countries_in(rest, blocs=True) if code != "VN"][:1]
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
