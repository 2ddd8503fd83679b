"""The cost norms shipped with the system (`data/norms.csv`), added to the database by `load_refdata`.

Rows are only ever added, never overwritten: the administrator's corrections (a verified figure, an amended
ceiling) stay. A row is the same row when its kind, country, rank, item and date of application are. The file says
for each figure where it was read and whether it was checked against the official text; a figure nobody could
read is shipped without an amount ("chưa kiểm tra") — never guessed.
"""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from django.utils.translation import gettext

from doingoai.finance.currency import CURRENCIES
from doingoai.finance.models import Norm, NormKind, NormPer

NORMS_CSV = Path(__file__).with_name("data") / "norms.csv"
# Figures of Thông tư 35/2026/TT-BTC were read from a copy of the published text, not from the Official Gazette.
UNCHECKED_COPY = "Số liệu đọc từ bản sao văn bản đăng trên mạng; cần đối chiếu Công báo trước khi dùng chính thức."


def read_norms(path: Path = NORMS_CSV) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8", newline="") as file:
        for number, row in enumerate(csv.DictReader(file), start=2):
            if row["kind"] not in NormKind.values or row["per"] not in NormPer.values:
                raise ValueError(
                    gettext("norms.csv dòng %(number)s: loại “%(kind)s” hoặc đơn vị “%(per)s” không hợp lệ.")
                    % {"number": number, "kind": row["kind"], "per": row["per"]}
                )
            currency = row["currency"].strip().upper()
            amount: Decimal | None = None
            note = row["note"].strip()
            if row["amount"].strip():
                try:
                    amount = Decimal(row["amount"].strip())
                except InvalidOperation:
                    raise ValueError(
                        gettext("norms.csv dòng %(number)s: mức chi “%(amount)s” không phải là số.")
                        % {"number": number, "amount": row["amount"]}
                    ) from None
            if amount is not None and currency not in CURRENCIES:  # a rate or a percentage, not a ceiling
                note = f"{note} (Mức trong văn bản: {row['amount']})".strip()
                amount = None
            verified = row["verified"].strip().lower() == "yes" and "35/2026" not in row["source"]
            if amount is not None and not verified:
                note = f"{note} {UNCHECKED_COPY}".strip()
            rows.append(
                {
                    "kind": row["kind"],
                    "country_code": row["country_code"].strip().upper(),
                    "rank": row["rank"].strip(),
                    "item": row["item"].strip()[:255],
                    "amount": amount,
                    "currency": currency if currency in CURRENCIES else "VND",
                    "per": row["per"],
                    "source": row["source"].strip()[:500],
                    "valid_from": dt.date.fromisoformat(row["valid_from"]) if row["valid_from"].strip() else None,
                    "verified": verified,
                    "note": note,
                }
            )
    return rows


def sync_norms(*, tallies: dict[str, Any] | None = None, **_: Any) -> int:
    """Add the shipped norms the database does not have; returns how many were added."""
    from doingoai.core.management.commands.load_refdata import Tally
    from doingoai.core.models import Country

    countries = {c.code: c for c in Country.objects.all()}
    tally = Tally()
    for row in read_norms():
        code = row.pop("country_code")
        country = countries.get(code) if code else None
        key = {k: row[k] for k in ("kind", "rank", "item", "valid_from")}
        if Norm.objects.filter(country=country, **key).exists():
            tally.unchanged += 1
            continue
        Norm.objects.create(country=country, **row)
        tally.created += 1
    if tallies is not None:
        tallies["norms"] = tally
    return tally.created
