"""Money and authority: cost estimates against the legal norms, the finance department's appraisal, the
competent authority that decides a record, and what was spent.

A floor between the domain apps and `persons`: delegations, conferences and events inherit `Budgeted` and bind
the budget steps of `finance.services` into their workflows; `programs`, `dashboard` and `api` read the totals
through `finance.selectors`.
"""
