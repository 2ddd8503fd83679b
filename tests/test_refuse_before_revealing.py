"""Who may act is asked before anything about the record's state: a user refused a step learns nothing of the
record (a 403 "no right", never a 409 naming a status or a date), for every step of every registry.

The records come from the matrix's fixtures (officer2's unit, in their first status) moved through every status
of their workflow; for each step and each user who may not take it, the bound service is called with no other
argument: it must refuse on the rights before it looks at anything else.
"""

from __future__ import annotations

import pytest

from doingoai.core.registry import all_registries
from doingoai.core.workflow import StepPermissionDenied
from tests.border.fixtures import border_objects  # noqa: F401
from tests.consular.fixtures import consular_objects  # noqa: F401
from tests.diaspora.fixtures import diaspora_objects  # noqa: F401
from tests.imports.fixtures import imports_objects  # noqa: F401
from tests.infowork.fixtures import infowork_objects  # noqa: F401
from tests.programs.fixtures import programs_objects  # noqa: F401
from tests.reporting.fixtures import reporting_objects  # noqa: F401
from tests.test_authorization_matrix import objects  # noqa: F401 - the matrix's records, as a fixture

pytestmark = pytest.mark.django_db
ROLES = ["coordinator", "leader", "finance", "admin", "officer1", "officer2"]


def test_every_refused_step_is_refused_on_rights_before_state(users, objects):  # noqa: F811
    checked = 0
    for reg in all_registries():
        workflow = reg.workflow
        obj = objects.get(reg.model_name)
        if workflow is None or obj is None:
            continue
        statuses = [value for value, _ in reg.model._meta.get_field("status").choices or []]
        for status in statuses:
            obj.status = status  # in memory: the service must not get as far as reading it
            for name, transition in workflow.transitions.items():
                for role in ROLES:
                    user = users[role]
                    if transition.permits(user, obj):
                        continue
                    with pytest.raises(StepPermissionDenied):
                        workflow.services[name](**{reg.model_name: obj}, by=user)
                    checked += 1
    assert checked > 500
