"""Demo content for the two tools, in English; translations in home/demo/translations/.

Facts from the ICMPD guidelines (Annex 4.1, the self-assessment developed at
the 2017 Human Trafficking Leadership Academy; Annex 1.1, the assessment of
whether a practice transfers); the wording is ours. Kept as plain data so it
can move to a data file as it is.
"""

from practices.models import PracticeIndexPage, PracticePage

from .self_assessment import SelfAssessmentPage
from .transferability import TransferabilityChecklistPage

SELF_ASSESSMENT = {
    "slug": "self-assessment",
    "title": "Self-assessment: is your work survivor-informed?",
    "introduction": (
        "Fifteen statements about how a programme or project involves survivors of "
        "trafficking, in three areas. Answer them for your own work to see where it is strong "
        "and where to start. The tool was developed at the 2017 Human Trafficking Leadership "
        "Academy (NHTTAC with Coro Northern California) by a team of organisations and six "
        "survivor leaders; the guidelines include it as Annex 4.1."
    ),
    "instructions": (
        "For each statement, choose how often it is true of your programme or project. "
        "The section scores show strengths and gaps; the total, out of 30, shows how far "
        "the work is survivor-informed."
    ),
    "never_label": "Never",
    "sometimes_label": "Sometimes",
    "always_label": "Always",
    "sections": [
        {
            "title": "Meaningful input",
            "description": "Survivors shape the work, not only comment on it.",
            "items": [
                "The programme or project offers jobs to survivors.",
                "Survivors hold leadership roles in the programme or project, for example in "
                "its management or on an advisory board.",
                "Where no survivors are on the staff, survivor consultants are hired to give "
                "input.",
                "Where direct input from survivors is not available, guidance and resources "
                "developed by survivors are used.",
            ],
            "guidance_at_or_below": 4,
            "guidance": (
                "Start by giving survivors paid roles with a say in decisions. An advisory "
                "body gives survivors a standing voice in your work; a consultation mechanism "
                "brings in their views whenever you need them."
            ),
            "practices": ["p2-set-up-a-survivor-advisory-body", "o1-consultation-mechanism"],
        },
        {
            "title": "Input from a diverse survivor community",
            "description": "The survivors who take part reflect the range of people trafficked.",
            "items": [
                "Survivors' input covers the experience of both sex trafficking and labour "
                "trafficking.",
                "Survivors' input covers the experience of both nationals and foreign nationals.",
                "Survivors' input reflects different perspectives: adults, people trafficked as "
                "children, LGBTQ survivors and others.",
                "The programme or project draws on good practice from other survivor-informed "
                "fields, such as work against domestic violence.",
                "A strengths-based process decides in which areas, and how deeply, survivors "
                "take part.",
            ],
            "guidance_at_or_below": 5,
            "guidance": (
                "Reach beyond the survivors you already know. Work with survivor-led "
                "organisations and networks, ask whose experience is missing, and agree with "
                "survivors where they want to take part and how."
            ),
            "practices": [
                "p1-establish-survivors-as-stakeholders",
                "o2-areas-of-survivor-involvement-in-the-operational-response",
            ],
        },
        {
            "title": "Input in every phase",
            "description": "Survivors are involved from the first idea to the evaluation.",
            "items": [
                "Survivors' expertise is part of the initial design of the programme or project.",
                "Survivors' input is included when policies and procedures are developed.",
                "Survivors' input is included when materials are created.",
                "Survivors' expertise is drawn on throughout implementation.",
                "Survivors' expertise is part of evaluating the programme or project.",
                "There is a working process for collecting feedback from the survivors who "
                "take part.",
            ],
            "guidance_at_or_below": 6,
            "guidance": (
                "Involve survivors at every stage, not only at one. Plan a consultation for "
                "each phase, and give the people you serve a safe way to give feedback."
            ),
            "practices": [
                "o1-consultation-mechanism",
                "o3-feedback-from-service-users-and-survivors",
            ],
        },
    ],
    "bands": [
        {
            "lowest": 0,
            "highest": 10,
            "title": "Getting started",
            "text": (
                "Survivors have had little say in the work so far. The guidance under each "
                "section shows where to begin."
            ),
        },
        {
            "lowest": 11,
            "highest": 20,
            "title": "On the way",
            "text": (
                "Survivors already shape parts of the work. The sections with the lowest "
                "scores show what to build next."
            ),
        },
        {
            "lowest": 21,
            "highest": 30,
            "title": "Survivor-informed",
            "text": (
                "Survivors' input runs through the work. Keep it up, and look again at any "
                "section below its maximum."
            ),
        },
    ],
}

TRANSFERABILITY = {
    "slug": "transferability-checklist",
    "title": "Could this practice work for you?",
    "introduction": (
        "Before taking up a good practice from elsewhere, go through its relevance, its "
        "applicability and your own context, question by question. The result is a summary "
        "to print and discuss with your team. Based on Annex 1.1 of the guidelines."
    ),
    "yes_label": "Yes",
    "partly_label": "Partly",
    "no_label": "No",
    "headings": [
        {
            "title": "Relevance of the practice",
            "questions": [
                ("Problem", "Which problem is the practice meant to solve, and do you face it?"),
                ("Target groups", "Who benefits from the practice? Describe the groups."),
                ("Reach", "How far does the practice reach: how many people, and where?"),
                ("Results", "Which results could applying the practice bring?"),
            ],
        },
        {
            "title": "Applicability of the practice",
            "questions": [
                (
                    "Expertise and capacity",
                    "Which institution or organisation would put the practice into effect: a "
                    "government body (which sector), an NGO or an international organisation?",
                ),
                (
                    "Fit with strategy",
                    "Is the practice in line with that organisation's strategy and vision?",
                ),
                ("Thematic knowledge", "What knowledge of the subject does the practice need?"),
                (
                    "Financial, administrative, human and technical preconditions",
                    "What must the implementing body have: a budget and its source; staff "
                    "(new experts, or tasks for people already employed); technical equipment "
                    "(which)?",
                ),
                (
                    "Legal provisions",
                    "Does the practice need special legal provisions, and at which level: "
                    "central or local?",
                ),
            ],
        },
        {
            "title": "Context",
            "questions": [
                (
                    "Risks and how to prevent them",
                    "Which risks should be weighed before putting the practice into effect, "
                    "and what would prevent them?",
                ),
                (
                    "Political support",
                    "Are political decisions needed to set up and run the practice? Which "
                    "political circumstances could help it?",
                ),
                (
                    "Fit with your context",
                    "Does the practice fit your administrative context (the kind of "
                    "administration), your social context (norms and rules) and your political "
                    "context (the current agenda, central and local)? What could make it "
                    "succeed?",
                ),
            ],
        },
    ],
}


def load(context):
    index = PracticeIndexPage.objects.child_of(context.home).first()
    if index is None:
        return
    practices = {page.slug: page for page in PracticePage.objects.child_of(index)}
    for model, spec, fields in (
        (SelfAssessmentPage, SELF_ASSESSMENT, self_assessment_fields),
        (TransferabilityChecklistPage, TRANSFERABILITY, transferability_fields),
    ):
        existing = index.get_children().filter(slug=spec["slug"]).first()
        if existing is not None:
            context.count(existing, False)
            continue
        page = model(slug=spec["slug"], locale=index.locale, **fields(spec, practices))
        index.add_child(instance=page)
        page.save_revision().publish()
        context.count(page, True)


def self_assessment_fields(spec, practices):
    sections = [
        (
            "section",
            {
                "title": section["title"],
                "description": section["description"],
                "items": section["items"],
                "guidance_at_or_below": section["guidance_at_or_below"],
                "guidance": f"<p>{section['guidance']}</p>",
                "practices": [
                    practices[slug] for slug in section["practices"] if slug in practices
                ],
            },
        )
        for section in spec["sections"]
    ]
    bands = [("band", dict(band)) for band in spec["bands"]]
    plain = ("title", "introduction", "instructions", "never_label", "sometimes_label")
    return {
        **{name: spec[name] for name in (*plain, "always_label")},
        "sections": sections,
        "bands": bands,
    }


def transferability_fields(spec, practices):
    headings = [
        (
            "heading",
            {
                "title": heading["title"],
                "questions": [
                    {"topic": topic, "question": question}
                    for topic, question in heading["questions"]
                ],
            },
        )
        for heading in spec["headings"]
    ]
    plain = ("title", "introduction", "yes_label", "partly_label", "no_label")
    return {**{name: spec[name] for name in plain}, "headings": headings}
