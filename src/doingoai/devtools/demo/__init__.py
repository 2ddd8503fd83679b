"""Demo data: a province's units and users, and two years of foreign affairs work moved through its workflows.

`load_demo()` builds what a demonstration needs: about fifty units of every kind (with the 2025 mergers kept
as history), the six demo accounts plus one officer per unit that owns records (`units`), for the current and
the next year the delegations, international conferences and agreements (`plan`), then the other registries
(`aid`, `events`, `diaspora`, `consular`, `border`, `people`), the programmes drawn from that plan (`programs`) and this
year's first reporting period (`reporting`), and a few rows of any other registry from its declaration's
`example()` (`examples`). Every part takes the same `DemoBuilder` (`builder`), in this order:
the run is deterministic.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from doingoai.devtools.demo.aid import build_aid_demo
from doingoai.devtools.demo.border import build_border_demo
from doingoai.devtools.demo.budget import build_authorities
from doingoai.devtools.demo.builder import DemoBuilder
from doingoai.devtools.demo.consular import build_consular_demo
from doingoai.devtools.demo.diaspora import build_diaspora_demo
from doingoai.devtools.demo.events import build_events_demo
from doingoai.devtools.demo.examples import build_example_demo
from doingoai.devtools.demo.infowork import build_infowork_demo
from doingoai.devtools.demo.laocoop import build_laocoop_demo
from doingoai.devtools.demo.people import build_people_demo, link_demo_workers
from doingoai.devtools.demo.plan import build_plan, owner_units
from doingoai.devtools.demo.programs import load_programs
from doingoai.devtools.demo.reporting import build_reporting_demo
from doingoai.devtools.demo.units import build_competences, build_units, build_users
from doingoai.search import indexing as search_indexing


@transaction.atomic
def load_demo(*, password: str, today: dt.date) -> dict[str, int]:
    """Write the demo province (units, users, this year's and next year's work) and return what was created.

    Loads the reference data first when there are no countries. Units and users are updated in place when
    they exist already; the delegations, conferences and agreements are always added, so callers check first
    that the database holds none (see the `load_demo` command).
    """
    with search_indexing.paused():  # one reindex at the end: several times faster than record by record
        builder = DemoBuilder(password=password, today=today)
        builder.load_reference()
        build_units(builder)
        build_competences(builder)
        build_users(builder, owner_units())
        build_authorities(builder)
        build_plan(builder)
        build_aid_demo(builder)
        build_events_demo(builder)
        build_diaspora_demo(builder)
        build_consular_demo(builder)
        build_border_demo(builder)
        build_laocoop_demo(builder)
        builder.counts["programs"] = load_programs(builder)
        build_infowork_demo(builder)  # after the programs: its products fulfil the information plan's tasks
        builder.counts["unit_reports"] = build_reporting_demo(builder)
        build_people_demo(builder)  # after the events and foreign organisations it links to
        build_example_demo(builder)  # registries without a demo module of their own
        link_demo_workers(builder)  # to the foreign organisations the examples made
        return dict(builder.counts)
