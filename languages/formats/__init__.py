"""Date, time and number formats per language (settings.FORMAT_MODULE_PATH).

Django looks here before its own modules and falls back to them per setting, so a
module names only what differs. Every language gets a 24-hour clock, full
month names (no abbreviation full stops to collide with a sentence's), and digit
grouping as the language writes it (CLDR). Month names come from the gettext
catalogues; languages/django_messages.py lists the ones the portal corrects to
lower case or to the genitive a date needs.
"""
