"""Settings of the fault tests' template database: the schema straight from the models (no migration replay, which
takes minutes on a loaded machine); the processes under test then run with `doingoai.settings` on it."""

from doingoai.settings import *  # noqa: F403


class _NoMigrations(dict):
    def __contains__(self, item: object) -> bool:
        return True

    def __getitem__(self, item: str) -> None:
        return None


MIGRATION_MODULES = _NoMigrations()
