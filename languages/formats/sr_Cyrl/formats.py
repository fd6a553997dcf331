# Serbian (Cyrillic) writes dates and numbers as Serbian (Latin) does, in its own
# script: the month names come from the Cyrillic catalogue ("29. новембра 2027.").
# Django reads each format by name from this module.
from languages.formats.sr_Latn.formats import *  # noqa: F403
