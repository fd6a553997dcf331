"""Django's own messages that visitors see, for the portal's catalogues.

Django's catalogues for the region are uneven: its Bosnian one leaves a third
of the messages in English (form errors among them), and its month names are
capitalised in Albanian and Macedonian, which write them in lower case, and
lack the genitive Serbian and Bosnian dates use ("29. novembra 2027.").

Listing the messages here puts them in ``locale/*/LC_MESSAGES/django.po`` (the
project's catalogues, which take precedence over Django's): ``make messages``
keeps them, and the catalogue test fails while any is untranslated. Nothing
calls these; the lazy strings are never evaluated.
"""

from django.utils.translation import gettext_lazy, ngettext_lazy, pgettext_lazy

MONTHS = [
    gettext_lazy("January"),
    gettext_lazy("February"),
    gettext_lazy("March"),
    gettext_lazy("April"),
    gettext_lazy("May"),
    gettext_lazy("June"),
    gettext_lazy("July"),
    gettext_lazy("August"),
    gettext_lazy("September"),
    gettext_lazy("October"),
    gettext_lazy("November"),
    gettext_lazy("December"),
]

# The form a month takes in a date ("E" in a date format): the genitive in
# Serbian, Bosnian and Montenegrin.
MONTHS_IN_A_DATE = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]

# What a visitor can meet on a form page (django.forms and django.core.validators).
FORM_ERRORS = [
    gettext_lazy("This field is required."),
    gettext_lazy("Enter a valid value."),
    gettext_lazy("Enter a valid email address."),
    gettext_lazy("Enter a valid URL."),
    gettext_lazy("Enter a whole number."),
    gettext_lazy("Enter a number."),
    gettext_lazy("Enter a valid date."),
    gettext_lazy("Enter a valid time."),
    gettext_lazy("Enter a valid date/time."),
    gettext_lazy("Enter a list of values."),
    gettext_lazy("Select a valid choice. %(value)s is not one of the available choices."),
    gettext_lazy("Select a valid choice. That choice is not one of the available choices."),
    gettext_lazy("Null characters are not allowed."),
    gettext_lazy("Ensure this value is less than or equal to %(limit_value)s."),
    gettext_lazy("Ensure this value is greater than or equal to %(limit_value)s."),
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
    ngettext_lazy(
        "Ensure this value has at least %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at least %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
]
