from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views import View

from doingoai.aid.formatting import format_amount, format_number
from doingoai.aid.maps import province_map
from doingoai.aid.models import SECTOR_EN, Sector
from doingoai.aid.public import TEXTS, language
from doingoai.aid.selectors import count_by, public_investment_opportunities
from doingoai.core import generic


class NumbersDetailView(generic.ObjectDetailView):
    """Amounts and areas on the detail page in Vietnamese number format (1.234.567,5)."""

    def field_rows(self, obj: Any) -> list[tuple[str, Any]]:
        rows = super().field_rows(obj)
        return [(label, format_number(v) if isinstance(v, Decimal) else v) for label, v in rows]


class PublicInvestmentView(View):
    """The province's open investment opportunities for everyone, no login: Vietnamese or English (`?lang=en`)."""

    def get(self, request: HttpRequest) -> HttpResponse:
        lang = language(request)
        rows = list(public_investment_opportunities())
        sectors = {s.value: (SECTOR_EN[s] if lang == "en" else s.label) for s in Sector}
        chosen_sector = request.GET.get("sector", "")
        chosen_place = request.GET.get("place", "")
        shown = [
            o
            for o in rows
            if (not chosen_sector or o.sector == chosen_sector) and (not chosen_place or o.place == chosen_place)
        ]
        by_sector = [(sectors[s], n, s) for s, n in count_by([o.sector for o in rows])]
        by_place = count_by([o.place for o in rows])
        items = [
            {
                "title": (o.title_en or o.title) if lang == "en" else o.title,
                "sector": sectors[o.sector],
                "place": o.place,
                "area": format_number(o.area_ha, lang),
                "scale": (o.scale_en or o.scale) if lang == "en" else o.scale,
                "investment": format_amount(o.total_investment, o.currency, lang),
                "description": (o.description_en or o.description) if lang == "en" else o.description,
                "year": o.year,
            }
            for o in shown
        ]
        points = [
            {"name": item["title"], "value": [float(o.longitude), float(o.latitude)], "sector": item["sector"]}  # type: ignore[arg-type]
            for o, item in zip(shown, items, strict=True)
            if o.has_point
        ]
        geo = province_map(settings.PROVINCE_NAME)
        ctx = {
            "lang": lang,
            "t": TEXTS[lang],
            "other_lang": "vi" if lang == "en" else "en",
            "province": settings.PROVINCE_NAME,
            "items": items,
            "total": len(rows),
            "by_sector": by_sector,
            "by_place": by_place,
            "chosen_sector": chosen_sector,
            "chosen_place": chosen_place,
            "chart": {
                "labels": [s for s, _, _ in by_sector],
                "values": [n for _, n, _ in by_sector],
                "codes": [c for _, _, c in by_sector],
            },
            "points": points,
            "geo": geo,
            "updated": timezone.localdate(),
        }
        return render(request, "aid/public_investment.html", ctx)
