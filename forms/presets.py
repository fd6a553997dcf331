"""The questions new form pages start with.

A new advisory-board call starts with the guide's application form (Annex
3.3, based on ISTAC's), minimised: no date or place of birth (an age
confirmation instead), no signature (a typed name and date instead). A new
feedback page starts with the topics of the service-user feedback template
(Annex 6.1), all optional. Editors can add, remove and reorder them.
"""

MARRI_PARTICIPANTS = [
    "Albania",
    "Bosnia and Herzegovina",
    "Kosovo*",
    "Montenegro",
    "North Macedonia",
    "Serbia",
]

EXPERTISE_AREAS = [
    "Advocacy",
    "Support to victims and survivors",
    "Awareness raising and prevention",
    "Law or criminal justice",
    "Social work",
    "Health",
    "Education and training",
    "No professional expertise yet, a genuine interest",
]


def field(label, field_type, required=True, help_text="", choices="", **extra):
    return {
        "label": label,
        "field_type": field_type,
        "required": required,
        "help_text": help_text,
        "choices": choices,
        **extra,
    }


def board_application_fields():
    return [
        field("First name", "singleline"),
        field("Surname", "singleline"),
        field(
            "Age",
            "radio",
            help_text="Members must be at least 16. We do not ask for your date of birth.",
            choices="\n".join(
                [
                    "I am 18 or older",
                    "I am 16 or 17, and my parent or guardian approves my application",
                ]
            ),
        ),
        field("Nationality", "singleline", required=False, help_text="Optional."),
        field(
            "Email",
            "email",
            required=False,
            help_text=(
                "Optional. We use it only to write to you about this call. Use an address only "
                "you can read."
            ),
        ),
        field(
            "Phone",
            "singleline",
            required=False,
            help_text="Optional. Only if you would rather we call you.",
        ),
        field(
            "Gender",
            "self_described",
            required=False,
            help_text=(
                "Optional. Why we ask: the board aims for gender balance. Only totals are "
                "used for that."
            ),
            balance_dimension="gender",
        ),
        field(
            "Country you live in",
            "self_described",
            required=False,
            help_text=(
                "Optional. Why we ask: the board aims for members from different places. "
                "Only totals are used for that."
            ),
            choices="\n".join(MARRI_PARTICIPANTS),
            balance_dimension="country",
        ),
        field(
            "Your areas of expertise",
            "checkboxes",
            required=False,
            help_text="Optional. Tick all that apply. Used, in totals only, to balance expertise.",
            choices="\n".join(EXPERTISE_AREAS),
            balance_dimension="expertise",
        ),
        field(
            "Your work in anti-trafficking or a related field",
            "multiline",
            help_text="Paid or voluntary work, activism, training, peer support.",
        ),
        field("Why are you suited to serve as a member of the board?", "multiline"),
        field(
            "How does your personal history shape your motivation?",
            "multiline",
            help_text="Share only what you are comfortable sharing.",
        ),
        field("Anything else you would like us to know", "multiline", required=False),
        field(
            "I understand that the board offers no support services",
            "checkbox",
            help_text=(
                "The board is not an emotional-support group and does not provide support "
                "services. Members should have their own support system."
            ),
        ),
        field(
            "If I am not selected, keep me informed about the board's events by email",
            "checkbox",
            required=False,
        ),
        field(
            "I agree that my answers are processed to select the board's members",
            "checkbox",
            help_text=(
                "Only the people named to review this call see your answers, which are stored "
                "encrypted. They are deleted 12 months after the call closes, or earlier if "
                "you ask us."
            ),
        ),
        field(
            "Full name, typed, in place of a signature",
            "singleline",
        ),
        field("Date", "today", help_text="Today's date."),
    ]


FEEDBACK_TOPICS = [
    ("Identification and first contact", "How were you first contacted or identified?"),
    ("Immediate needs", "Were your most urgent needs met, and how quickly?"),
    ("Referral", "How were you referred to the services you needed?"),
    ("Accommodation and support", "What was good or could be better about where you stayed?"),
    ("Reflection period and legal aid", "Did you get time to decide, and legal help?"),
    ("Return and reintegration", "How was your return, or your life after support?"),
    ("Criminal proceedings", "If you were part of a trial, how were you treated?"),
    ("Compensation", "Were you told about compensation, and did you receive any?"),
]


def feedback_fields():
    return [
        field(topic, "multiline", required=False, help_text=question)
        for topic, question in FEEDBACK_TOPICS
    ]


def build_fields(field_model, specs):
    return [field_model(**spec) for spec in specs]
