# English interface: dates stay dd/mm/yyyy as in Vietnamese documents (the data is Vietnamese administrative
# records, and forms must read what they show); numbers in English grouping.
from doingoai.formats.vi.formats import (  # noqa: F401
    DATE_FORMAT,
    DATE_INPUT_FORMATS,
    DATETIME_FORMAT,
    DATETIME_INPUT_FORMATS,
    FIRST_DAY_OF_WEEK,
    NUMBER_GROUPING,
    SHORT_DATE_FORMAT,
    SHORT_DATETIME_FORMAT,
)

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
USE_THOUSAND_SEPARATOR = True
