"""Write src/doingoai/reference/data/vn_former_units.csv: Vietnam's units before the 2025 reorganisation.

The maintained package `vietnam-provinces` (2025.x, a run-time dependency) knows only today's 34 provinces and
their communes. The former 63 provinces, ~700 districts and ~10,000 communes come from its old release 0.6.0,
read once here and shipped as data (never a run-time dependency):

    pip download --no-deps vietnam-provinces==0.6.0 -d /tmp/vp06 && unzip -q /tmp/vp06/*.whl -d /tmp/vp06/x
    .venv/bin/python scripts/vendor_former_units.py /tmp/vp06/x/vietnam_provinces/data/nested-divisions.json

Today's province of a former unit: in 2025 every new commune took the code of one of the communes merged into
it, so a former commune whose code lives on is mapped to that commune (`commune_code`), and the surviving codes
of a former province all fall in one new province (checked below), which gives `province_code` for every row.
"""

from __future__ import annotations

import csv
import json
import sys
from collections import Counter
from pathlib import Path

from vietnam_provinces import NESTED_DIVISIONS_JSON_PATH

OUT = Path(__file__).resolve().parents[1] / "src/doingoai/reference/data/vn_former_units.csv"


def main(old_json: str) -> None:
    new = json.loads(NESTED_DIVISIONS_JSON_PATH.read_text(encoding="utf-8"))
    old = json.loads(Path(old_json).read_text(encoding="utf-8"))
    new_commune_province = {w["code"]: p["code"] for p in new for w in p["wards"]}
    votes: dict[int, Counter[int]] = {}
    for p in old:
        for d in p["districts"]:
            for w in d["wards"]:
                if w["code"] in new_commune_province:
                    votes.setdefault(p["code"], Counter())[new_commune_province[w["code"]]] += 1
    province_map = {}
    for code, counter in votes.items():
        if len(counter) != 1:
            sys.exit(f"former province {code} spreads over {dict(counter)}")
        province_map[code] = next(iter(counter))
    rows = []
    for p in old:
        today = province_map[p["code"]]
        rows.append(["province", p["code"], p["name"], "", today, ""])
        for d in p["districts"]:
            rows.append(["district", d["code"], d["name"], p["code"], today, ""])
            for w in d["wards"]:
                kept = w["code"] if w["code"] in new_commune_province else ""
                rows.append(["commune", w["code"], w["name"], d["code"], today, kept])
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["level", "code", "name", "parent_code", "province_code", "commune_code"])
        writer.writerows(rows)
    print(f"{OUT.name}: {len(rows)} rows")


if __name__ == "__main__":
    main(sys.argv[1])
