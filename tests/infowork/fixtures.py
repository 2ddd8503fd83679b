"""External-information objects for the authorisation matrix, of officer2's unit: a false-information case and a
language version of a planned product."""

from __future__ import annotations

import datetime as dt

import pytest

from doingoai.infowork.models import FalseInfoCase, InfoProduct, InfoProductVersion


@pytest.fixture
def infowork_objects(users):
    unit = users["officer2"].unit
    product = InfoProduct.objects.create(year=2027, title="Video giới thiệu du lịch", producing_unit=unit)
    case = FalseInfoCase.objects.create(
        detected_on=dt.date(2026, 11, 2),
        source="Trang mạng xã hội X",
        summary="Thông tin sai về dự án cửa khẩu",
        topic="Dự án cửa khẩu",
        handling_unit=unit,
    )
    return {
        "falseinfocase": case,
        "infoproductversion": InfoProductVersion.objects.create(product=product, language="en"),
    }
