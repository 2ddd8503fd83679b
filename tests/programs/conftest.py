"""Fixtures of the plans tests."""

from tests.programs.plan_data import info_plan  # noqa: F401 - a fixture
