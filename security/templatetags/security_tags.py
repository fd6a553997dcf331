from django import template
from django.utils.safestring import mark_safe

from security.sanitise import sanitise_rich_text

register = template.Library()


@register.filter
def sanitised_rich_text(html):
    """Rich text HTML with anything outside the allowed markup removed; safe to output."""
    # Cleaned by nh3 on this very line, so marking it safe is the point.
    return mark_safe(sanitise_rich_text(str(html)))  # noqa: S308  # nosec B308 B703
