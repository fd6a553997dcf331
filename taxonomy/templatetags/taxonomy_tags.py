from django import template
from django.utils.translation import gettext as _

from taxonomy.models import KOSOVO_CODE
from taxonomy.names import localized_name

register = template.Library()

MENTIONS_KOSOVO = "_portal_mentions_kosovo"


@register.simple_tag(takes_context=True)
def taxonomy_name(context, item):
    """The item's name in the visitor's language.

    Kosovo is shown with its asterisk, and the page then carries the
    footnote MARRI's naming rules require (see ``kosovo_footnote``).
    """
    if item is None:
        return ""
    name = localized_name(item)
    if getattr(item, "code", None) == KOSOVO_CODE:
        request = context.get("request")
        if request is not None:
            setattr(request, MENTIONS_KOSOVO, True)
        return f"{name}*"
    return name


@register.simple_tag(takes_context=True)
def mark_kosovo_mentioned(context):
    request = context.get("request")
    if request is not None:
        setattr(request, MENTIONS_KOSOVO, True)
    return ""


@register.inclusion_tag("includes/kosovo_footnote.html", takes_context=True)
def kosovo_footnote(context):
    request = context.get("request")
    return {"show": bool(request is not None and getattr(request, MENTIONS_KOSOVO, False))}


@register.simple_tag
def kosovo_footnote_text():
    return _(
        "* This designation is without prejudice to positions on status, and is in line "
        "with UNSCR 1244/1999 and the ICJ Opinion on the Kosovo declaration of independence."
    )
