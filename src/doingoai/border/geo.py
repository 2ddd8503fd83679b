"""The base map of the marker map: `vendor/geo/vn-la-border.geo.json`, Laos and the Vietnamese provinces of the
border area clipped to a rectangle around it (see scripts/vendor_border_geojson.py). Only this area is ever
drawn: never a national map (which would have to show the Hoàng Sa and Trường Sa archipelagos)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders

BORDER = "vendor/geo/vn-la-border.geo.json"


@lru_cache(maxsize=1)
def border_map() -> dict[str, Any]:
    """{"geojson": FeatureCollection, "bbox": [west, south, east, north]} (empty when the file is missing)."""
    path = finders.find(BORDER)
    if not path:
        return {"geojson": {"type": "FeatureCollection", "features": []}, "bbox": None}
    data = json.loads(Path(str(path)).read_text(encoding="utf-8"))
    return {"geojson": {"type": "FeatureCollection", "features": data["features"]}, "bbox": data["bbox"]}
