import re

from django import template
from django.utils.html import format_html_join
from django.utils.translation import gettext as _

from taxonomy.models import KOSOVO_CODE, Country
from taxonomy.names import default_items, localized_name

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


def kosovo_pattern():
    """Kosovo's name in English and the visitor's language, with any ending.

    Stems ("Kosov", "Косов") so that inflected forms (Kosova, Kosovës,
    Kosovu) are found too; from the taxonomy, so editors' spelling counts.
    """
    names = {"Kosovo"}
    for item in default_items(Country):
        if item.code == KOSOVO_CODE:
            names |= {item.name, localized_name(item)}
    stems = sorted({name.rstrip("aeiouëаеиоу") or name for name in names}, key=len, reverse=True)
    alternatives = "|".join(re.escape(stem) for stem in stems)
    return re.compile(rf"\b(?:{alternatives})\w*+\*?")


@register.simple_tag(takes_context=True)
def kosovo_marked(context, text):
    """``text`` (escaped) with Kosovo's name marked "Kosovo*"; the page then shows the footnote.

    For free text such as search results' titles and summaries, where
    editors write the name themselves.
    """
    text = str(text or "")
    pieces, last = [], 0
    for match in kosovo_pattern().finditer(text):
        pieces += [(text[last : match.start()], ""), (match.group(0).rstrip("*"), "*")]
        last = match.end()
    if last:
        mark_kosovo_mentioned(context)
    pieces.append((text[last:], ""))
    return format_html_join("", "{}{}", pieces)


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
