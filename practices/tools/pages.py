"""Finding the tools: for the home page, the good-practices index and each practice."""

from wagtail.models import Page

from home.visibility import visible_to_public

from .self_assessment import SelfAssessmentPage
from .transferability import TransferabilityChecklistPage

TOOL_MODELS = (SelfAssessmentPage, TransferabilityChecklistPage)


def tools_in(locale_id):
    """The live, public tools in one language, in the order editors put them."""
    pages = Page.objects.type(*TOOL_MODELS).filter(locale_id=locale_id)
    return list(visible_to_public(pages).order_by("path").specific())


def transferability_checklist_for(practice):
    """The checklist's address naming ``practice``, in the practice's language; or None."""
    checklist = next(
        (
            page
            for page in tools_in(practice.locale_id)
            if isinstance(page, TransferabilityChecklistPage)
        ),
        None,
    )
    return checklist.url_for_practice(practice) if checklist else None
