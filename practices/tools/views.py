"""Where the tools' forms are posted.

A tool's answers are posted here rather than to the page's own address
because of CSRF: Django checks the token against a cookie before Wagtail even
finds the page, and the tools must set no cookie (so a visitor's browser keeps
no trace of having used them). Exempting this one view is safe: it stores
nothing, changes nothing and sends nothing anywhere; a forged post could only
make a visitor's own browser show a result the forger cannot read. The view
serves only live, public tool pages in the language of the address.
"""

from django.http import Http404
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from .pages import TOOL_MODELS


@csrf_exempt
@require_POST
def tool_answers(request, page_id):
    page = (
        Page.objects.live()
        .public()
        .type(*TOOL_MODELS)
        .filter(pk=page_id, locale__language_code=get_language())
        .specific()
        .first()
    )
    if page is None:
        raise Http404
    return page.serve(request)
