"""Build static/vendor/geo/vn-la-border.geo.json, the base map of the border markers' map.

    cd "$(mktemp -d)" && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 scripts/vendor_border_geojson.py package/countries-10m.json \
        src/doingoai/static/vendor/geo/vietnam-provinces.geojson > src/doingoai/static/vendor/geo/vn-la-border.geo.json

Laos comes from world-atlas (Natural Earth 1:10m TopoJSON, decoded here into the GeoJSON that ECharts'
registerMap reads); Vietnam from the provinces GeoJSON already vendored beside it (the provinces reaching into the
area), or from world-atlas when that file is not given. Everything is clipped to the border area of the province
(a rectangle): the result is a regional map of the Vietnam–Laos border, not a map of the whole country, so it
never has to show (or omit) the islands. Coordinates are rounded to 4 decimals (about 10 m), far below the
sources' own accuracy.
"""

from __future__ import annotations

import json
import sys

COUNTRIES = {"704": ("VN", "Việt Nam"), "418": ("LA", "Lào")}
# west, south, east, north (degrees): Nghệ An and the Lao provinces across the border, with some margin.
BBOX = (102.3, 18.0, 106.7, 20.5)


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        part = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend(part if not points else part[1:])
    return points


def clip(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Sutherland–Hodgman clipping of one ring against BBOX."""
    west, south, east, north = BBOX
    edges = [
        (lambda p: p[0] >= west, lambda a, b: (west, a[1] + (b[1] - a[1]) * (west - a[0]) / (b[0] - a[0]))),
        (lambda p: p[0] <= east, lambda a, b: (east, a[1] + (b[1] - a[1]) * (east - a[0]) / (b[0] - a[0]))),
        (lambda p: p[1] >= south, lambda a, b: (a[0] + (b[0] - a[0]) * (south - a[1]) / (b[1] - a[1]), south)),
        (lambda p: p[1] <= north, lambda a, b: (a[0] + (b[0] - a[0]) * (north - a[1]) / (b[1] - a[1]), north)),
    ]
    for inside, cross in edges:
        if not points:
            break
        result = []
        previous = points[-1]
        for current in points:
            if inside(current):
                if not inside(previous):
                    result.append(cross(previous, current))
                result.append(current)
            elif inside(previous):
                result.append(cross(previous, current))
            previous = current
        points = result
    return points


def rounded(points: list[tuple[float, float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in points:
        p = [round(x, 4), round(y, 4)]
        if not out or p != out[-1]:
            out.append(p)
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def clipped(polygons: list[list[list[tuple[float, float]]]]) -> list[list[list[float]]]:
    kept = []
    for polygon in polygons:
        rings = [rounded(clip(r)) for r in polygon]
        if len(rings[0]) >= 4:
            kept.append([r for r in rings if len(r) >= 4])
    return kept


def feature(code: str, name: str, polygons: list) -> dict:
    return {
        "type": "Feature",
        "properties": {"name": name, "code": code},
        "geometry": {"type": "MultiPolygon", "coordinates": clipped(polygons)},
    }


def main(countries_path: str, provinces_path: str | None) -> None:
    with open(countries_path, encoding="utf-8") as f:
        topology = json.load(f)
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") not in COUNTRIES or (provinces_path and geometry["id"] == "704"):
            continue
        code, name = COUNTRIES[geometry["id"]]
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        features.append(feature(code, name, [[ring(r, arcs) for r in polygon] for polygon in polygons]))
    if provinces_path:
        with open(provinces_path, encoding="utf-8") as f:
            provinces = json.load(f)
        for province in provinces["features"]:
            geometry = province["geometry"]
            polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
            polygons = [[[(x, y) for x, y in r] for r in polygon] for polygon in polygons]
            candidate = feature("VN", province["properties"]["name"], polygons)
            if candidate["geometry"]["coordinates"]:
                features.append(candidate)
    json.dump(
        {"type": "FeatureCollection", "bbox": list(BBOX), "features": features},
        sys.stdout,
        ensure_ascii=False,
        separators=(",", ":"),
    )


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)
