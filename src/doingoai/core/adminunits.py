"""Vietnam's administrative units in the database: synced from `reference.vnunits` by `load_refdata`.

Rows are written in bulk and without field history: they follow the pinned `vietnam-provinces` release and the
shipped file of former units, whose versions are their history. Former communes stay in `reference.vnunits`
only (10,000 names for matching text), the database keeps what records point to.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from doingoai.core.models import COMMUNE_KINDS, AdministrativeUnit, AdminUnitKind
from doingoai.reference import vnunits
from doingoai.reference.text import search_key

if TYPE_CHECKING:
    from doingoai.core.management.commands.load_refdata import Tally


def sync_admin_units(tally: Tally) -> None:
    """Create the units that are missing and update those whose name or province changed."""
    existing = {(u.kind, u.code): u for u in AdministrativeUnit.objects.all()}
    now = timezone.now()
    wanted = [u for u in vnunits.current_units() if u.kind in AdminUnitKind.values] + [
        u for u in vnunits.former_units() if u.kind in ("former_province", "former_district")
    ]
    former_province_codes = {u.name: u.code for u in wanted if u.kind == "former_province"}

    def values(unit: vnunits.VnUnit, rows: dict[tuple[str, int], AdministrativeUnit]) -> dict[str, Any]:
        province = rows.get((AdminUnitKind.PROVINCE, unit.province_code))
        former = rows.get((AdminUnitKind.FORMER_PROVINCE, former_province_codes.get(unit.parent_name, -1)))
        return {
            "name": unit.name,
            "province_id": None if unit.kind == AdminUnitKind.PROVINCE or province is None else province.pk,
            "former_province_id": former.pk if unit.kind == AdminUnitKind.FORMER_DISTRICT and former else None,
            "search_text": search_key(unit.name),
        }

    # Provinces first, so that the others find them.
    for levels in (("province", "former_province"), ("commune", "ward", "special_zone", "former_district")):
        rows = existing
        new, changed = [], []
        for unit in wanted:
            if unit.kind not in levels:
                continue
            vals = values(unit, rows)
            row = rows.get((unit.kind, unit.code))
            if row is None:
                new.append(AdministrativeUnit(kind=unit.kind, code=unit.code, **vals))
            elif any(getattr(row, k) != v for k, v in vals.items()):
                for k, v in vals.items():
                    setattr(row, k, v)
                row.version += 1
                row.updated_at = now  # bulk_update does not apply auto_now: the kept names (table_version) see it
                changed.append(row)
            else:
                tally.unchanged += 1
        AdministrativeUnit.objects.bulk_create(new, batch_size=500)
        AdministrativeUnit.objects.bulk_update(
            changed,
            ["name", "province_id", "former_province_id", "search_text", "version", "updated_at"],
            batch_size=500,
        )
        tally.created += len(new)
        tally.updated += len(changed)
        existing = {(u.kind, u.code): u for u in AdministrativeUnit.objects.all()}


@functools.cache
def _home_province_code() -> int | None:
    units = [u for u in vnunits.lookup(settings.PROVINCE_NAME) if u.kind == "province"]
    return units[0].code if units else None


def local_communes_q() -> Q:
    """Today's communes, wards and special zones of the province the system serves (settings.PROVINCE_NAME)."""
    return Q(kind__in=COMMUNE_KINDS, province__code=_home_province_code())


def local_former_districts_q() -> Q:
    """The former districts (before 2025) of the province the system serves."""
    return Q(kind=AdminUnitKind.FORMER_DISTRICT, province__code=_home_province_code())
