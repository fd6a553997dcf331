import re

from django import template
from django.utils.safestring import SafeData, mark_safe

register = template.Library()

# Two full stops where a date's own (Serbian and Bosnian "2027.") meets the
# sentence's; an ellipsis ("...") is left alone.
DOUBLE_FULL_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


@register.filter(is_safe=True)
def one_full_stop(text):
    """A sentence with a date in it, ending in one full stop in every language.

    Use with ``{% blocktranslate ... asvar sentence %}`` and ``{{ sentence|one_full_stop }}``.
    """
    collapsed = DOUBLE_FULL_STOP.sub(".", str(text))
    if isinstance(text, SafeData):
        # Removing a full stop cannot make safe HTML unsafe.
        return mark_safe(collapsed)  # noqa: S308  # nosec B308 B703
    return collapsed
