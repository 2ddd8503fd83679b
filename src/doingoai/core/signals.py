"""Signals other floors listen to (core imports none of them)."""

from __future__ import annotations

from django.dispatch import Signal

# Sent by `load_refdata` after the countries, relations and partners are in line with the shipped files, with
# `tallies` (a dict of name → Tally) to which receivers add their own reference data (finance: the cost norms).
reference_synced = Signal()

# Sent with `user`, `by` (who acted, or None) and `reason` (see core.accounts.REASONS) when the user's password
# changes, the user is deactivated or an administrator revokes their access. Apps that hold secrets standing
# for the user (API tokens, calendar feed addresses) end them all and return how many they ended.
credentials_ended = Signal()
