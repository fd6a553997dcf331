"""Regions applicants may be based in, for the funding filters.

An opportunity names the countries where applicants must be based (none:
anywhere). Regions are fixed groups of ISO 3166 codes (UN M49 groupings,
with the Western Balkans as the MARRI participants), so a filter such as
``?region=east-africa`` means the same in every language and needs no
editor to tag it. Regions may overlap: the Western Balkans are in Europe.
"""

from django.utils.translation import gettext_lazy as _

WESTERN_BALKANS = {"AL", "BA", "XK", "ME", "MK", "RS"}
EUROPE = WESTERN_BALKANS | {
    "AD", "AT", "BE", "BG", "BY", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB",
    "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MD", "MT", "NL", "NO",
    "PL", "PT", "RO", "RU", "SE", "SI", "SK", "SM", "TR", "UA", "VA",
}  # fmt: skip
EAST_AFRICA = {
    "BI", "DJ", "ER", "ET", "KE", "KM", "MG", "MU", "MW", "MZ", "RW", "SC", "SO", "SS", "TZ",
    "UG", "ZM", "ZW",
}  # fmt: skip
AMERICAS = {
    "AR", "BO", "BR", "CA", "CL", "CO", "CR", "CU", "DO", "EC", "GT", "HN", "HT", "JM", "MX",
    "NI", "PA", "PE", "PY", "SV", "TT", "US", "UY", "VE",
}  # fmt: skip

REGIONS = [
    ("western-balkans", _("Western Balkans"), WESTERN_BALKANS),
    ("europe", _("Europe"), EUROPE),
    ("east-africa", _("East Africa"), EAST_AFRICA),
    ("americas", _("Americas"), AMERICAS),
]
REGION_CHOICES = [(value, label) for value, label, _codes in REGIONS]
REGION_CODES = {value: codes for value, _label, codes in REGIONS}
