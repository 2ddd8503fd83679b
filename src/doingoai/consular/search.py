"""Consular registries in the search box (search.registry). Citizen-protection cases are personal data
(Decree 13/2023): no excerpt in results, and only non-contact fields are indexed."""

from doingoai.consular.models import ApecCardApplication, CitizenCase, ForeignPressVisit
from doingoai.search.registry import register

register(CitizenCase, fields=["person_name", "kind", "country", "place", "status"], personal_data=True, order=60)
register(
    ApecCardApplication,
    fields=["applicant_name", "position", "enterprise", "countries", "receiving_unit", "status", "decision_ref"],
    personal_data=True,
    order=61,
)
register(
    ForeignPressVisit,
    fields=["outlet", "country", "journalists", "places", "topic", "host_unit", "approval_ref", "status", "note"],
    order=62,
)
