"""Diaspora objects for the authorisation matrix: a person recorded by officer2's unit, an association."""

from __future__ import annotations

import pytest

from tests.factories import DiasporaAssociationFactory, OverseasVietnameseFactory


@pytest.fixture
def diaspora_objects(users):
    return {
        "overseasvietnamese": OverseasVietnameseFactory(recording_unit=users["officer2"].unit),
        "diasporaassociation": DiasporaAssociationFactory(),
    }
