# Serbian (Cyrillic) writes dates and numbers as Serbian (Latin) does, in its own
# script: the month names come from the Cyrillic catalogue ("29. новембра 2027.").
from languages.formats.sr_Latn.formats import (  # noqa: F401 (read by Django by name)
    DATE_FORMAT,
    DATETIME_FORMAT,
    DECIMAL_SEPARATOR,
    FIRST_DAY_OF_WEEK,
    MONTH_DAY_FORMAT,
    NUMBER_GROUPING,
    SHORT_DATE_FORMAT,
    SHORT_DATETIME_FORMAT,
    THOUSAND_SEPARATOR,
    TIME_FORMAT,
    YEAR_MONTH_FORMAT,
)
