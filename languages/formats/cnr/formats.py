# Montenegrin writes dates and numbers as Serbian does: "29. novembra 2027." (the
# month in the genitive, as a date in running text reads), "29. novembra 2027.
# 14:00"; "10.000,5". One definition, so the two cannot drift apart.
# Django reads each format by name from this module.
from languages.formats.sr_Latn.formats import *  # noqa: F403
