"""Demo rows of the registries that have no demo module of their own: a few records per unit from each
declaration's `example()` (a scaffolded registry shows data from its first run)."""

from __future__ import annotations

from typing import Any

from doingoai.core.registry import Registry, all_registries
from doingoai.core.services import object_create
from doingoai.devtools.demo.builder import DemoBuilder

PER_REGISTRY = 3


def build_example_demo(builder: DemoBuilder) -> None:
    units = list(builder.units.values())[:PER_REGISTRY]
    coordinator = builder.coordinator
    for reg in all_registries():
        if type(reg).example is Registry.example or reg.form is None or reg.model._default_manager.exists():
            continue
        for n, unit in enumerate(units, start=1):
            values: Any = reg.example(unit=unit, n=n)
            if values:
                object_create(model=reg.model, by=coordinator, values=values)
                builder.counts[reg.model_name] = builder.counts.get(reg.model_name, 0) + 1
