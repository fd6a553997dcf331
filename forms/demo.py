"""Demo content: the "Get involved" section and one form page of each kind.

Creates only what is missing, so running it again changes nothing. The
advisory-board call is clearly marked as an example.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from home.demo.pages import ensure_child_page

from .models import (
    BoardApplicationFormField,
    BoardApplicationPage,
    ConsultationCallPage,
    ConsultationFormField,
    FeedbackFormField,
    FeedbackPage,
    GetInvolvedIndexPage,
    InitiativeListingRequestPage,
)
from .models.listing import review_workflow
from .presets import board_application_fields, build_fields, feedback_fields, field

MODERATOR_GROUP = "Form moderators"
DEMO_MODERATOR = "demo-moderator"


def h3(text):
    return ("heading", {"text": text, "level": "h3"})


def p(html):
    return ("paragraph", html)


def load(context):
    group = ensure_moderators()
    index = ensure_get_involved(context)
    for spec in page_specs(group):
        page_class = spec.pop("page_class")
        slug = spec.pop("slug")
        page, created = ensure_child_page(index, page_class, slug, **spec)
        context.count(page, created)
    ensure_listing_page(context, group)


def ensure_listing_page(context, group):
    """The self-listing form at /en/initiatives/list-your-organisation/."""
    directory = context.home.get_children().filter(slug="initiatives").first()
    if directory is None:
        return
    review_workflow()
    page, created = ensure_child_page(
        directory,
        InitiativeListingRequestPage,
        "list-your-organisation",
        title="List your organisation",
        introduction=(
            "Is your organisation led by survivors of trafficking? Ask to be listed in the "
            "directory so that others can find you."
        ),
        thank_you_text="An editor will look at your request, usually within two weeks.",
        moderator_group=group,
    )
    context.count(page, created)


def ensure_moderators():
    """A moderators' group that can reach the admin, with one demo moderator in it.

    The demo moderator has no usable password: it exists so that `make run`
    shows moderators' notifications in the terminal. Sign in as the demo
    administrator to work the queue.
    """
    group, _created = Group.objects.get_or_create(name=MODERATOR_GROUP)
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(access_admin)
    User = get_user_model()
    moderator = User.objects.filter(username=DEMO_MODERATOR).first()
    if moderator is None:
        moderator = User(
            username=DEMO_MODERATOR, email="moderator@example.org", first_name="Demo moderator"
        )
        moderator.set_unusable_password()
        moderator.save()
    moderator.groups.add(group)
    return group


def ensure_get_involved(context):
    home = context.home
    existing = home.get_children().filter(slug="get-involved").specific().first()
    if existing is not None:
        context.count(existing, False)
        return existing
    index = GetInvolvedIndexPage(
        title="Get involved",
        slug="get-involved",
        locale=home.locale,
        show_in_menus=True,
        introduction=(
            "Calls to join survivor advisory boards, consultations on procedures and "
            "services, and a way to tell us anonymously how services treated you."
        ),
    )
    # Before "About", so the menu reads ... Funding, Get involved, About.
    about = home.get_children().filter(slug="about").first()
    if about is not None:
        about.add_sibling(pos="left", instance=index)
    else:
        home.add_child(instance=index)
    index.save_revision().publish()
    context.count(index, True)
    return index


def page_specs(group):
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    return [
        board_call(group, now),
        working_meeting(group, now),
        written_input(group, now),
        questionnaire(group, now),
        feedback(group),
    ]


def board_call(group, now):
    return {
        "page_class": BoardApplicationPage,
        "slug": "example-survivor-advisory-board",
        "title": "Example call: join a survivor advisory board",
        "body_name": "Survivor Advisory Board (example)",
        "is_example": True,
        "introduction": (
            "An example of how an institution can invite survivors of trafficking to join an "
            "advisory board that shapes the national response to trafficking."
        ),
        "opens_at": now - timedelta(days=1),
        "closes_at": now + timedelta(days=365),
        "moderator_group": group,
        "terms_of_reference": [
            p(
                "<p>The board advises the national anti-trafficking coordinator on how "
                "victims are identified, referred and supported, and on the laws, strategies "
                "and action plans that shape that work.</p>"
            ),
            p(
                "<ul><li>Three, five or seven members; always an odd number.</li>"
                "<li>A two-year mandate that can be renewed.</li>"
                "<li>Two meetings a year, and more on request, with the agenda sent at least "
                "five working days ahead.</li>"
                "<li>Members are volunteers; travel and accommodation costs are paid back.</li>"
                "<li>Members may leave at any time by writing to the secretariat.</li></ul>"
            ),
        ],
        "selection_criteria": [
            p(
                "<ul><li><strong>Lived experience.</strong> You have survived trafficking. "
                "We treat your motivation and your recovery with care.</li>"
                "<li><strong>Expertise.</strong> Advocacy, victim support or awareness "
                "raising; or law, criminal justice, social work, health or education; or a "
                "genuine interest in learning.</li>"
                "<li><strong>Taking part.</strong> You take part in survivor networks or "
                "initiatives, or want to.</li>"
                "<li><strong>Balance.</strong> The board aims for gender balance and, where "
                "it matters, members from different places and with different "
                "expertise.</li></ul>"
            ),
        ],
        "thank_you_text": (
            "The moderators read every application. If you are shortlisted, they will "
            "contact you within four weeks of the deadline."
        ),
        "form_fields": build_fields(BoardApplicationFormField, board_application_fields()),
    }


def contact_fields():
    return [
        field("Your name", "singleline", identifies_respondent=True),
        field(
            "Email",
            "email",
            identifies_respondent=True,
            help_text="So that we can send you a confirmation and reply to you.",
        ),
    ]


def working_meeting(group, now):
    return {
        "page_class": ConsultationCallPage,
        "slug": "working-meeting-on-referral-procedures",
        "title": "Working meeting: how the referral procedure feels from the inside",
        "introduction": (
            "A half-day working meeting with survivor-led organisations on the standard "
            "operating procedures for referring victims to services."
        ),
        "purpose": "procedures",
        "consultation_type": "working_meeting",
        "frequency": "yearly",
        "allow_anonymous": False,
        "opens_at": now - timedelta(days=1),
        "closes_at": now + timedelta(days=60),
        "moderator_group": group,
        "body": [
            p(
                "<p>We will walk through the procedure step by step and ask where it helps "
                "and where it hurts. Travel costs are covered. Tell us below if you would like "
                "to take part.</p>"
            ),
        ],
        "form_fields": build_fields(
            ConsultationFormField,
            [
                *contact_fields(),
                field(
                    "Organisation",
                    "singleline",
                    required=False,
                    identifies_respondent=True,
                    help_text="If you take part for an organisation.",
                ),
                field(
                    "What would you like the meeting to discuss?",
                    "multiline",
                    required=False,
                ),
                field(
                    "Do you need anything to take part?",
                    "multiline",
                    required=False,
                    help_text="Interpretation, childcare, a quiet room, accessible travel.",
                ),
            ],
        ),
    }


def written_input(group, now):
    return {
        "page_class": ConsultationCallPage,
        "slug": "comments-on-the-draft-shelter-standards",
        "title": "Written comments on the draft shelter standards",
        "introduction": (
            "Comment in writing on the draft minimum standards for shelters, paragraph by "
            "paragraph or as a whole."
        ),
        "purpose": "services",
        "consultation_type": "written_input",
        "frequency": "fixed",
        "schedule": "twice a year, in spring and autumn",
        "allow_anonymous": True,
        "opens_at": now - timedelta(days=1),
        "closes_at": now + timedelta(days=45),
        "moderator_group": group,
        "body": [
            p(
                "<p>The standards cover police liaison, how residents are kept informed, the "
                "conditions of interviews and the way to long-term independent housing. You "
                "may answer anonymously.</p>"
            ),
        ],
        "form_fields": build_fields(
            ConsultationFormField,
            [
                field("Your name", "singleline", identifies_respondent=True),
                field(
                    "Email",
                    "email",
                    required=False,
                    identifies_respondent=True,
                    help_text="Optional: for a confirmation and our reply.",
                ),
                field("Your comments", "multiline"),
                field(
                    "Which part of the standards do your comments concern?",
                    "checkboxes",
                    required=False,
                    choices="Police liaison\nInformation for residents\nInterviews\nHousing",
                ),
            ],
        ),
    }


def questionnaire(group, now):
    return {
        "page_class": ConsultationCallPage,
        "slug": "prevention-campaign-questionnaire",
        "title": "Questionnaire: what should the next prevention campaign say?",
        "introduction": (
            "Four short questions about the messages and the audiences of the next "
            "prevention campaign. Answers are anonymous."
        ),
        "purpose": "prevention",
        "consultation_type": "questionnaire",
        "frequency": "ad_hoc",
        "allow_anonymous": True,
        "opens_at": now - timedelta(days=1),
        "closes_at": now + timedelta(days=30),
        "moderator_group": group,
        "form_fields": build_fields(
            ConsultationFormField,
            [
                field(
                    "Who should the campaign reach first?",
                    "radio",
                    choices=(
                        "Young people looking for work abroad\nParents\nTeachers\n"
                        "Employers\nSomeone else"
                    ),
                ),
                field("What message would have helped you, or someone you know?", "multiline"),
                field(
                    "Where would people see it?",
                    "checkboxes",
                    required=False,
                    choices="Social media\nSchools\nJob centres\nTelevision or radio\nOther",
                ),
                field("Anything else?", "multiline", required=False),
            ],
        ),
    }


def feedback(group):
    return {
        "page_class": FeedbackPage,
        "slug": "tell-us-about-the-support-you-received",
        "title": "Tell us about the support you received",
        "introduction": (
            "Anonymous feedback from adults who received support as victims or survivors "
            "of trafficking."
        ),
        "moderator_group": group,
        "body": [
            p(
                "<p>This feedback is collected by the portal's team for the review of the "
                "national referral mechanism. We are not the organisation that supports you, "
                "and nothing you write changes the support you receive.</p>"
                "<ul><li>We do not ask for your name and we never share names.</li>"
                "<li>We do not collect personal data: no email, no IP address.</li>"
                "<li>Every question is optional. Skip any you like.</li>"
                "<li>You can stop at any time: just close the page.</li></ul>"
            ),
        ],
        "thank_you_text": "What you wrote will be read together with other answers.",
        "form_fields": build_fields(FeedbackFormField, feedback_fields()),
    }
