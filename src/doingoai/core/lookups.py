"""`field__in_set=[…]`: `__in` for long lists of integers (the calendar's month masks: 2,048 of them for one month),
sent to the database as ONE parameter instead of one per value.

With `__in`, Django resolves and adapts each value and psycopg splices thousands of placeholders into the text
(~40 % of the calendar's planned entries' CPU on PostgreSQL). The database still finds each value in the index:
PostgreSQL's `= ANY(array)` and SQLite's `IN (SELECT value FROM json_each(…))` are both index lookups.

And `__in` itself on integer columns (`IntegerIn`): values the column cannot hold are left out, not sent.
"""

from __future__ import annotations

import json
from typing import Any

from django.db.models import IntegerField, Lookup
from django.db.models.lookups import In


@IntegerField.register_lookup
class InSet(Lookup):
    lookup_name = "in_set"
    prepare_rhs = False

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, list[Any]]:
        # The column comes from Django's compiler and the values go as parameters: nothing of the user's is spliced.
        lhs, lhs_params = self.process_lhs(compiler, connection)
        values = sorted({int(v) for v in self.rhs})
        if not values:
            return "1 = 0", []  # as `__in=[]` matches nothing (Django raises EmptyResultSet there)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*lhs_params, values]
        if connection.vendor == "sqlite":
            return f"{lhs} IN (SELECT value FROM json_each(%s))", [*lhs_params, json.dumps(values)]  # noqa: S608
        return f"{lhs} IN ({', '.join(['%s'] * len(values))})", [*lhs_params, *values]


@IntegerField.register_lookup
class IntegerIn(In):
    """`__in` on an integer column (ids first of all) that leaves out the values the column cannot hold, as
    Django's `exact` and comparisons already do (`IntegerFieldOverflow`): a form's id list with 2**63 in it
    (`{"countries": 9223372036854775808}`) then matches nothing and the field says "not one of the choices",
    instead of the database driver's OverflowError and a server error."""

    def process_rhs(self, compiler: Any, connection: Any) -> tuple[str, Any]:
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(self.lhs.output_field.get_internal_type())
            self.rhs = [
                v
                for v in self.rhs
                if not isinstance(v, int) or ((low is None or v >= low) and (high is None or v <= high))
            ]
        return super().process_rhs(compiler, connection)
