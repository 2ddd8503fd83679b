"""The reference registries in the search box (search.registry)."""

from doingoai.core.models import Country, DiplomaticRelation, Partner, Unit
from doingoai.search.registry import register

register(Partner, fields=["name", "aliases", "kind", "country", "note"], order=40)
register(Unit, fields=["name", "short_name", "kind", "parent", "note"], order=50)
register(Country, fields=["name_vi", "name_en", "code", "aliases", "region"], order=60)
register(DiplomaticRelation, fields=["name_vi", "code", "country", "established_on"], order=70)
