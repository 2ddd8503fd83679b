"""`core.numbers.local_decimal` writes whole numbers itself (a totals page writes thousands): the same text as
Babel's, in both languages."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest
from babel.numbers import format_decimal
from django.utils import translation

from doingoai.core.numbers import local_decimal


@pytest.mark.parametrize("language,locale", [("vi", "vi"), ("en", "en")])
def test_whole_numbers_as_babel_writes_them(language, locale):
    rng = random.Random(7)
    values = [0, 1, -1, 999, 1000, -1000, 10**15, -(10**12) - 1, *(rng.randint(-(10**16), 10**16) for _ in range(2000))]
    decimals = [Decimal("-0"), Decimal("1E+3"), Decimal("5.000"), Decimal("-12.00"), Decimal("0.0"), Decimal("2.5")]
    with translation.override(language):
        for value in [*values, *(Decimal(v) for v in values), *decimals]:
            assert local_decimal(value) == format_decimal(value, locale=locale, decimal_quantization=False), value
