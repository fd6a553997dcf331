"""The models of the forms app, one module per concept."""

from .base import FormState, ModeratedFormPage
from .board import BoardApplicationFormField, BoardApplicationPage
from .consultation import ConsultationCallPage, ConsultationFormField
from .feedback import FeedbackFormField, FeedbackPage
from .fields import PortalFormField
from .index import GetInvolvedIndexPage
from .listing import DirectoryReviewTask, InitiativeListingRequestPage, ListingRequest
from .submissions import ModeratedSubmission, SubmissionNote, SubmissionStatus

__all__ = [
    "BoardApplicationFormField",
    "BoardApplicationPage",
    "ConsultationCallPage",
    "ConsultationFormField",
    "DirectoryReviewTask",
    "FeedbackFormField",
    "FeedbackPage",
    "FormState",
    "GetInvolvedIndexPage",
    "InitiativeListingRequestPage",
    "ListingRequest",
    "ModeratedFormPage",
    "ModeratedSubmission",
    "PortalFormField",
    "SubmissionNote",
    "SubmissionStatus",
]
