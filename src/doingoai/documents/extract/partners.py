"""Foreign partners named anywhere in the document (text, footnotes, tables)."""

from __future__ import annotations

from typing import Any

from doingoai.documents.extract.common import _Context, _flat
from doingoai.documents.gazetteer import compact


def _partners(context: _Context) -> list[dict[str, Any]]:
    texts = [*context.paragraphs, *context.document.footnotes.values()]
    for table in context.document.tables():
        texts.extend(cell.text for row in table.rows for cell in row)
    found: dict[tuple[str, str | None], dict[str, Any]] = {}
    for text in texts:
        for match in context.gazetteer.partners_in(_flat(text)):
            if match.country == "VN":
                continue  # a Vietnamese organisation ("Liên hiệp các tổ chức hữu nghị Việt Nam") is no foreign partner
            key = (compact(match.canonical), match.country)
            found.setdefault(
                key, {"name": match.name, "canonical": match.canonical, "country": match.country, "kind": match.kind}
            )
    return list(found.values())
