"""Diaspora registries in the search box (search.registry). Persons are personal data (Decree 13/2023): no
excerpt in results, and contacts (phone, e-mail, address) are never indexed."""

from doingoai.diaspora.models import DiasporaAssociation, OverseasVietnamese
from doingoai.search.registry import register

register(DiasporaAssociation, fields=["name", "country", "city", "leader", "note"], order=50)
register(
    OverseasVietnamese,
    fields=["full_name", "home_commune", "home_district", "country", "city", "occupation", "association"],
    personal_data=True,
    order=51,
)
