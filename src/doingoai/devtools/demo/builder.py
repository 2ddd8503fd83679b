"""The state one demo run shares: the day, the seeded random numbers, and what was created so far.

Every part of the demo (`units`, `plan`, `aid`, …) receives the builder: it looks up the units, users, countries
and partners written before it, takes each workflow step through `step` (counted) and numbers documents with `ref`.
The run is deterministic: `random.Random(SEED)`.
"""

from __future__ import annotations

import datetime as dt
import functools
import random
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth.hashers import make_password

from doingoai.core.management.commands.load_refdata import sync_refdata
from doingoai.core.models import Country, Partner, Unit, User

SEED = 2026
DEFAULT_PASSWORD = "doingoai-demo-2026"  # noqa: S105 - the published demo password (README, ./dev run)


class DemoBuilder:
    """What the demo for `today` has written so far, and the helpers every part of it uses."""

    def __init__(self, *, password: str, today: dt.date) -> None:
        self.password = password
        self.today = today
        self.year = today.year
        self.rng = random.Random(SEED)  # noqa: S311 - demo data, not security
        self.province: str = settings.PROVINCE_NAME
        self.units: dict[str, Unit] = {}
        self.users: dict[str, User] = {}
        self.officers: dict[str, User] = {}
        self.countries: dict[str, Country] = {}
        self.partners: dict[str, Partner] = {}
        self.counts: dict[str, int] = {
            "units": 0,
            "users": 0,
            "delegations": 0,
            "conferences": 0,
            "agreements": 0,
            "workflow_steps": 0,
        }
        self._ref = 150

    @functools.cached_property
    def password_hash(self) -> str:
        """The demo accounts' one password, hashed once: PBKDF2 takes about half a second a hash, on purpose."""
        return make_password(self.password)

    def fill(self, text: str, year: int) -> str:
        return text.replace("{province}", self.province).replace("{year4}", str(year + 4)).replace("{year}", str(year))

    def ref(self, pattern: str) -> str:
        """A document number in the given pattern ("{}/QĐ-UBND"); increasing, like a real register."""
        self._ref += self.rng.randint(3, 40)
        return pattern.format(self._ref)

    def key_of(self, unit_id: int) -> str:
        """The demo key ("sodulich") of a unit written by the demo."""
        return next(key for key, unit in self.units.items() if unit.pk == unit_id)

    def step(self, service: Any, **kwargs: Any) -> Any:
        self.counts["workflow_steps"] += 1
        return service(**kwargs)

    @property
    def coordinator(self) -> User:
        return self.users["coordinator"]

    @property
    def leader(self) -> User:
        return self.users["leader"]

    def load_reference(self) -> None:
        if not Country.objects.exists():
            sync_refdata()
        self.countries = {c.code: c for c in Country.objects.all()}
        for partner in Partner.objects.all():
            self.partners.setdefault(partner.name, partner)

    def lookup(self, countries: Iterable[str], partners: Iterable[str]) -> tuple[list[Country], list[Partner]]:
        try:
            return [self.countries[c] for c in countries], [self.partners[p] for p in partners]
        except KeyError as exc:
            raise LookupError(f"Dữ liệu minh họa dùng {exc} không có trong dữ liệu tham chiếu.") from exc
