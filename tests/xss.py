"""Script payloads, and the check that a rendered page neither runs nor reflects them.

Use ``PAYLOADS`` for every field an editor or a visitor can write, and
``assert_not_reflected`` on every page or admin view that shows it. For a form
page: post each payload in each field, then check the confirmation, the error
state and the moderators' views with ``assert_not_reflected``.
"""

import json

from django.core.files.images import ImageFile
from wagtail.images.models import Image

from home.models import StandardPage

SCRIPT = '<script>alert("xss-script")</script>'
ATTRIBUTE = '"><img src=x onerror=alert("xss-attr")>'
JAVASCRIPT_URL = 'javascript:alert("xss-url")'
PAYLOADS = [SCRIPT, ATTRIBUTE]

# What must never appear in a page's HTML once a payload went in.
DANGEROUS = ["<script>alert", "<img src=x onerror", 'href="javascript:', "href='javascript:"]


def assert_not_reflected(html):
    for marker in DANGEROUS:
        assert marker not in html, f"{marker!r} reached the page unescaped"


def text_with_payloads(label):
    return f"{label} {SCRIPT} {ATTRIBUTE}"


def tiny_png():
    # A 1x1 transparent PNG.
    from base64 import b64decode
    from io import BytesIO

    data = b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
    )
    return ImageFile(BytesIO(data), name="pixel.png")


def rich_text_from_the_editor(text, link_url):
    """What Draftail would send for a paragraph typed with ``text`` and a link to ``link_url``."""
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    from core.blocks import BODY_RICH_TEXT_FEATURES

    contentstate = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "text": text + " link",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": len(text) + 1, "length": 4, "key": 0}],
                "data": {},
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": link_url}}},
    }
    converter = ContentstateConverter(features=BODY_RICH_TEXT_FEATURES)
    return converter.to_database_format(json.dumps(contentstate))


def make_xss_page(parent, slug="xss-check"):
    """A published standard page with a payload in every field an editor can write."""
    image = Image.objects.create(title=text_with_payloads("image title"), file=tiny_png())
    page = StandardPage(
        title=text_with_payloads("Title"),
        slug=slug,
        seo_title=text_with_payloads("SEO title"),
        search_description=text_with_payloads("Search description"),
        introduction=text_with_payloads("Introduction"),
        body=[
            ("heading", {"text": text_with_payloads("Heading"), "level": "h2"}),
            # Through the editor: Draftail's converter keeps only allowed markup.
            ("paragraph", rich_text_from_the_editor(text_with_payloads("Typed"), JAVASCRIPT_URL)),
            # Not through the editor (an import, a script): raw markup in the database.
            # (A raw <img> inside <p> is left out: Wagtail 8's HTML-to-editor converter
            # fails on it with "Unmatched tags", so the edit view could not open.)
            (
                "paragraph",
                f"<p>Imported {SCRIPT}</p><p><a href='{JAVASCRIPT_URL}' onclick='x()'>x</a></p>",
            ),
            (
                "quote",
                {"quote": text_with_payloads("Quote"), "attribution": text_with_payloads("By")},
            ),
            (
                "call_to_action",
                {
                    "heading": text_with_payloads("CTA"),
                    "text": text_with_payloads("CTA text"),
                    "link_text": text_with_payloads("CTA link"),
                    "page": parent,
                    "url": "",
                },
            ),
            ("image", {"image": image, "caption": text_with_payloads("Caption")}),
        ],
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, image
