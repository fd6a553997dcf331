"""Rich text is cleaned again when it is shown, whatever path it took into the database.

Wagtail's editor (Draftail) only stores the markup its features allow, but rich
text can also arrive through translations imported from PO files, the API, a
data migration or a script. Every rich text Wagtail renders passes through the
template ``wagtailcore/shared/richtext.html``, which this app overrides to run
this function: elements, attributes and URL schemes outside the lists below are
removed, and ``<script>``/``<style>`` are dropped with their content.
"""

import nh3

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4", "h5", "h6",
    "hr", "i", "img", "kbd", "li", "ol", "p", "s", "small", "strong", "sub", "sup", "ul",
}  # fmt: skip
ATTRIBUTES = {
    "*": {"lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "class"},
    "ol": {"start", "type"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitise_rich_text(html):
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
