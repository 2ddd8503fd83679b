"""`doingoai load_refdata`: upsert the shipped reference data (countries, diplomatic relations, partners,
Vietnam's administrative units).

Safe to run at every start: a row is saved only when one of its values differs from the CSV files, so a
second run writes nothing and leaves no new history rows. Rows an administrator added by hand are kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import models, transaction
from django.utils.translation import gettext

from doingoai.core.adminunits import sync_admin_units
from doingoai.core.models import Country, DiplomaticRelation, Partner
from doingoai.core.signals import reference_synced
from doingoai.reference import refdata

CHANGE_REASON = "Nạp dữ liệu tham chiếu"


@dataclass
class Tally:
    """How many rows of one model the run created, updated and left as they were."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


def _upsert(
    obj: models.Model | None,
    model: type[models.Model],
    keys: Mapping[str, Any],
    values: Mapping[str, Any],
    tally: Tally,
) -> models.Model:
    """Create the row, or save it only when a value changed, so that history records real changes only."""
    if obj is None:
        obj = model(**keys, **values)
        tally.created += 1
    else:
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if not changed:
            tally.unchanged += 1
            return obj
        for name in changed:
            setattr(obj, name, values[name])
        obj.version += 1  # type: ignore[attr-defined]
        tally.updated += 1
    obj._change_reason = CHANGE_REASON  # type: ignore[attr-defined]
    obj.save()
    return obj


@transaction.atomic
def sync_refdata() -> dict[str, Tally]:
    """Bring Country, DiplomaticRelation and Partner in line with the CSV files in reference/data/."""
    tallies: dict[str, Tally] = {"countries": Tally(), "relations": Tally(), "partners": Tally()}

    countries: dict[str, Country] = {c.code: c for c in Country.objects.all()}
    for row in refdata.load_countries():
        values: dict[str, Any] = {
            "name_vi": row.name_vi,
            "name_en": row.name_en,
            "region": row.region,
            "aliases": list(row.aliases),
        }
        countries[row.code] = _upsert(  # type: ignore[assignment]
            countries.get(row.code), Country, {"code": row.code}, values, tallies["countries"]
        )

    relations = {r.code: r for r in DiplomaticRelation.objects.all()}
    for rel in refdata.load_relations():
        subject = rel.subject_code
        country = None if subject in refdata.BLOC_CODES else countries.get(subject)
        rel_values: dict[str, Any] = {
            "name_vi": rel.name_vi,
            "country_id": country.pk if country else None,
            "established_on": rel.established_on,
            "kind": rel.kind,
            "confidence": rel.confidence,
        }
        _upsert(relations.get(rel.code), DiplomaticRelation, {"code": rel.code}, rel_values, tallies["relations"])

    partners = {(p.name, p.country_id): p for p in Partner.objects.all()}
    for prow in refdata.load_partners():
        country = None
        if prow.country:
            country = countries.get(prow.country)
            if country is None:
                raise CommandError(
                    f"partners.csv: đối tác “{prow.name}” ghi mã nước {prow.country} không có trong danh mục nước."
                )
        key = (prow.name, country.pk if country else None)
        partner_values: dict[str, Any] = {
            "kind": prow.kind,
            "aliases": list(prow.aliases),
            "friendship_since": prow.friendship_since,
            "mou_since": prow.mou_since,
        }
        _upsert(
            partners.get(key), Partner, {"name": prow.name, "country_id": key[1]}, partner_values, tallies["partners"]
        )
    tallies["admin_units"] = Tally()
    sync_admin_units(tallies["admin_units"])
    reference_synced.send(sender=Country, tallies=tallies)  # the other floors' reference data (cost norms)
    return tallies


def summary(tallies: Mapping[str, Tally]) -> str:
    """One line in Vietnamese: how many rows of each kind were created and updated."""
    labels = {
        "countries": gettext("nước, vùng lãnh thổ"),
        "relations": gettext("quan hệ ngoại giao"),
        "partners": gettext("đối tác"),
    }
    labels["norms"] = gettext("định mức chi")
    labels["admin_units"] = gettext("đơn vị hành chính")
    parts = [
        f"{labels.get(name, name)} {t.total} (mới {t.created}, cập nhật {t.updated})" for name, t in tallies.items()
    ]
    return gettext("Dữ liệu tham chiếu: ") + "; ".join(parts) + "."


class Command(BaseCommand):
    help = "Nạp (cập nhật) danh mục nước, quan hệ ngoại giao và đối tác từ dữ liệu tham chiếu kèm theo hệ thống."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            tallies = sync_refdata()
        except refdata.RefDataError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(summary(tallies))
