"""What keeps a tool's answers private: they live only in one request and its response.

The answers are posted (never put in the address), read, scored and written
into the response. Nothing is stored: the tools touch no model, no session and
no cache, set no cookie, and log nothing. The response must not be kept either:
not by the browser's or a proxy's cache, not by the portal's page cache (which
skips ``no-store`` responses, and only ever stores GETs), not by a search engine.
"""

from core.base_page import never_cache


def keep_answers_out_of_error_reports(request):
    """Should anything fail while answers are in hand, the error report shows none of them.

    ``sensitive_post_parameters`` hides every posted value; ``forms_sensitive``
    is read by the portal's exception reporter filter
    (``DEFAULT_EXCEPTION_REPORTER_FILTER``), which then hides the local
    variables of every frame too.
    """
    request.sensitive_post_parameters = "__ALL__"
    request.forms_sensitive = True


def private_response(response):
    """Answers in a page: keep it out of every cache and every search index."""
    never_cache(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
