"""`doingoai national_data --scale S`: bulk-load the national-scale data set (doingoai.devtools.national).

For benchmarks and load tests on a fresh database (migrated, `load_refdata` run): 34 provinces over 10 years;
`--scale 1.0` is 250,000 delegations, 50,000 conferences, 20,000 agreements, 200,000 overseas Vietnamese and
over 1,000,000 history rows. Prints what it wrote as JSON on its last line.
"""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from doingoai.devtools.national import SEED, generate


class Command(BaseCommand):
    help = "Nạp bộ dữ liệu quy mô toàn quốc (34 tỉnh, 10 năm) để đo hiệu năng, kiểm thử tải."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 250.000 đoàn (mặc định); 0.04 = bản nhỏ")
        parser.add_argument("--seed", type=int, default=SEED)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = generate(scale=options["scale"], seed=options["seed"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(json.dumps(result, ensure_ascii=False))
