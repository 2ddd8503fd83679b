"""The province's outline for the public investment map, cut from the vendored provinces GeoJSON.

Only the configured province and the provinces around it are sent: a national map drawn from Natural Earth
would lack the Hoàng Sa and Trường Sa archipelagos, which a Vietnamese public page must never publish.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders

from doingoai.reference.text import search_key

GEOJSON = "vendor/geo/vietnam-provinces.geojson"
# Degrees around the province within which a neighbour is drawn (for orientation only).
MARGIN = 0.4


def province_key(name: str) -> str:
    """ "Tỉnh Nghệ An", "nghe an", "TP. Hồ Chí Minh" → a key that ignores accents and the kind of unit."""
    key = search_key(name)
    return re.sub(r"^(tinh|thanh pho|tp\.?)\s+", "", key).replace("-", " ").strip()


def _bbox(geometry: dict[str, Any]) -> tuple[float, float, float, float]:
    xs: list[float] = []
    ys: list[float] = []

    def walk(coords: Any) -> None:
        if coords and isinstance(coords[0], int | float):
            xs.append(float(coords[0]))
            ys.append(float(coords[1]))
        else:
            for c in coords:
                walk(c)

    walk(geometry["coordinates"])
    return min(xs), min(ys), max(xs), max(ys)


@lru_cache(maxsize=1)
def _features() -> tuple[dict[str, Any], ...]:
    path = finders.find(GEOJSON)
    if not path:
        return ()
    data = json.loads(Path(str(path)).read_text(encoding="utf-8"))
    return tuple(data["features"])


@lru_cache(maxsize=8)
def province_map(province: str) -> dict[str, Any] | None:
    """{"geojson": the province and its neighbours, "name": its name in the file, "bbox": [minx, miny, maxx, maxy]}.

    None when the file has no province of that name (a province set up under a new name after a merger).
    """
    wanted = province_key(province)
    own = next((f for f in _features() if province_key(f["properties"]["name"]) == wanted), None)
    if own is None:
        return None
    x0, y0, x1, y1 = _bbox(own["geometry"])
    near = []
    for feature in _features():
        fx0, fy0, fx1, fy1 = _bbox(feature["geometry"])
        if fx1 >= x0 - MARGIN and fx0 <= x1 + MARGIN and fy1 >= y0 - MARGIN and fy0 <= y1 + MARGIN:
            near.append(feature)
    return {
        "geojson": {"type": "FeatureCollection", "features": near},
        "name": own["properties"]["name"],
        "bbox": [x0, y0, x1, y1],
    }
