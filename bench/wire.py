"""A page's first visit on the wire: compressed HTML plus its render-blocking CSS.

The budget is what fits in the first round trip of a new connection (TCP's
initial window of ten segments, about 14 kB): on a slow mobile network each
further round trip delays the first render by hundreds of milliseconds.
Counted are the bodies of the HTML and of every stylesheet that blocks
rendering (``<link rel="stylesheet">`` without a non-screen ``media``), each
compressed as a compressing server sends it; images, deferred scripts and
stylesheets that do not block rendering come later and are not counted.

Used by ``make bench`` (through the servers it measures) and by
``tests/test_light_pages.py`` (pages rendered in every language).
"""

import gzip
from html.parser import HTMLParser

try:  # whitenoise[brotli] installs it; browsers prefer it where offered
    import brotli
except ImportError:  # pragma: no cover - optional
    brotli = None

FIRST_VISIT_BUDGET = 14 * 1024
# What a compressing proxy would use for HTML made per request: gzip level 6
# (Django's GZipMiddleware and the usual nginx setting), Brotli quality 6
# (ngx_brotli's default). Static files are compressed ahead of time, harder.
GZIP_LEVEL = 6
BROTLI_QUALITY = 6
# media values that still block rendering on a phone's screen.
BLOCKING_MEDIA = {"", "all", "screen"}


class _Stylesheets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.blocking = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").lower().split()
        media = (attrs.get("media") or "").strip().lower()
        if tag == "link" and "stylesheet" in rel and attrs.get("href") and media in BLOCKING_MEDIA:
            self.blocking.append(attrs["href"])


def blocking_stylesheets(html):
    """The hrefs of the stylesheets that block the first render, in document order."""
    parser = _Stylesheets()
    parser.feed(html.decode() if isinstance(html, bytes) else html)
    return parser.blocking


def encodings():
    return ["gzip", "br"] if brotli else ["gzip"]


def compress(data, encoding):
    if encoding == "gzip":
        return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
    if encoding == "br":
        return brotli.compress(data, quality=BROTLI_QUALITY)
    raise ValueError(encoding)


def first_visit(html, stylesheets, encoding):
    """Bytes of ``html`` and the ``stylesheets`` (raw bytes each), compressed."""
    return sum(len(compress(body, encoding)) for body in [html, *stylesheets])


def decompress(data, encoding):
    if encoding == "gzip":
        return gzip.decompress(data)
    if encoding == "br":
        return brotli.decompress(data)
    raise ValueError(encoding)
