"""Finding the tools: for the home page, the good-practices index and each practice.

Which tools a language has changes only when content is published, so the
links are worked out once per content generation (as the site chrome is) and
the pages that show them pay no query for them.
"""

from dataclasses import dataclass

from wagtail.models import Page

from core.page_cache import until_content_changes
from core.visibility import visible_to_public

from .self_assessment import SelfAssessmentPage
from .transferability import PRACTICE_PARAMETER, TransferabilityChecklistPage

TOOL_MODELS = (SelfAssessmentPage, TransferabilityChecklistPage)


@dataclass(frozen=True)
class ToolLink:
    title: str
    url: str
    is_checklist: bool


def tools_in(locale_id):
    """The live, public tools in one language, in the order editors put them."""
    return until_content_changes(f"practices:tools:{locale_id}", lambda: find_tools(locale_id))


def find_tools(locale_id):
    pages = visible_to_public(Page.objects.type(*TOOL_MODELS).filter(locale_id=locale_id))
    return [
        ToolLink(page.title, page.url, isinstance(page, TransferabilityChecklistPage))
        for page in pages.order_by("path").specific()
    ]


def transferability_checklist_for(practice):
    """The checklist's address naming ``practice``, in the practice's language; or None."""
    checklist = next((tool for tool in tools_in(practice.locale_id) if tool.is_checklist), None)
    if checklist is None:
        return None
    return f"{checklist.url}?{PRACTICE_PARAMETER}={practice.pk}"
