# Montenegrin writes dates and numbers as Serbian does: "29. novembra 2027." (the
# month in the genitive, as a date in running text reads), "29. novembra 2027.
# 14:00"; "10.000,5". One definition, so the two cannot drift apart.
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
