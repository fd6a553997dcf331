"""The six good practices of the guidelines and the example cases.

Facts come from the ICMPD guidelines and the OHCHR Principles and
Guidelines; the wording is ours.
"""

from home.demo.pages import ensure_child_page
from initiatives.demo import INITIATIVES
from initiatives.models import InitiativePage, InitiativeRelatedPractice
from taxonomy.models import Country, OhchrProvision

from .models import PracticeIndexPage, PracticePage

INDEX = {
    "title": "Good practices",
    "slug": "practices",
    "introduction": (
        "How institutions can bring survivors into policy development and the "
        "operational response, step by step, with templates and examples from the field."
    ),
}


def step(title, description="", checklist=()):
    return (
        "step",
        {
            "title": title,
            "description": f"<p>{description}</p>" if description else "",
            "checklist": list(checklist),
        },
    )


def template(title, items):
    return (
        "template",
        {"title": title, "content": "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"},
    )


def initiative(slug, note=""):
    return ("initiative", {"initiative": InitiativeSlug(slug), "note": note})


def inline(title, html):
    return ("inline", {"title": title, "text": html})


class InitiativeSlug(str):
    """An initiative page named by its slug, resolved when the practice is created."""


SELECTION_CRITERIA = [
    "Lived experience: the candidate is a survivor of trafficking. Motivation and stage of "
    "recovery are discussed with sensitivity.",
    "Expertise: advocacy, victim support or awareness raising; or a background in law, "
    "criminal justice, social work, health or education; or a genuine interest.",
    "Active participation in survivor networks or initiatives, or a genuine interest in "
    "taking part.",
    "Balanced representation: gender balance and, where relevant, geographic spread and a "
    "diversity of expertise.",
]

ADVISORY_FUNCTIONS = [
    "Legal and policy response: advice on evaluating and developing the referral mechanism, "
    "standard operating procedures, strategies and action plans; advocacy for policy and "
    "legislative change.",
    "Victim support: direct support in shelters and in preparing for court; fundraising and "
    "grants for reintegration.",
    "Prevention and awareness: work with the general public, vulnerable groups and the media.",
    "Capacity building: shaping the content of training and teaching it.",
]

APPLICATION_FORM = [
    "First name, surname and nationality; a phone number and an email address.",
    "Your work in anti-trafficking or related fields.",
    "Why you are suited to serve as a member of the body.",
    "How your personal history shapes your motivation.",
    "Anything else that would help us.",
    "A notice that the body is not an emotional-support group and offers no support "
    "services, so applicants should have their own support system.",
    "An opt-in to hear about the body's events by email if not selected.",
    "Date and signature (on this portal: a typed full name and the date).",
]

PRACTICES = [
    {
        "slug": "p1-establish-survivors-as-stakeholders",
        "code": "P1",
        "title": "Establish survivors as anti-trafficking stakeholders",
        "track": PracticePage.POLICY,
        "summary": (
            "Add survivors of trafficking to the official list of anti-trafficking "
            "stakeholders, so that survivor-led organisations take their seat in working "
            "groups, multidisciplinary teams and other structures of cooperation."
        ),
        "objective": (
            "Survivors' expertise and lived experience strengthen the quality, relevance and "
            "effectiveness of the response to trafficking."
        ),
        "stakeholders": (
            "The office of the National Anti-Trafficking Coordinator, the Independent "
            "Rapporteur, the main governmental and non-governmental anti-trafficking "
            "actors, survivor-led organisations and individual survivors."
        ),
        "steps": [
            step(
                "Find the documents that list anti-trafficking stakeholders",
                "Start from the texts that decide who sits at the table.",
                [
                    "The anti-trafficking law",
                    "The anti-trafficking strategy",
                    "The action plan",
                    "Government decisions that set up agencies, committees and working groups",
                    "The coordinator's documents on cooperation with other stakeholders",
                ],
            ),
            step(
                "Identify how each document can be amended",
                "The route depends on the kind of document.",
                [
                    "A legislative amendment",
                    "A policy amendment that needs the ministry",
                    "A policy amendment the coordinator's office can make",
                ],
            ),
            step("Make the amendment", "Add survivors as a category of stakeholder."),
            step(
                "Identify survivor-led organisations willing to take part",
                "Ask NGOs that support victims to help you reach survivors and their "
                "organisations.",
            ),
            step(
                "If there are none yet, set up an advisory board",
                "Where no survivor-led organisation exists, create a survivor advisory body "
                "or another form of survivor advisory group (see P2).",
            ),
        ],
        "principles": ["principle-1", "guideline-1", "guideline-3"],
        "countries": [],
    },
    {
        "slug": "p2-set-up-a-survivor-advisory-body",
        "code": "P2",
        "title": "Set up a survivor advisory body",
        "track": PracticePage.POLICY,
        "summary": (
            "Create a board or council of survivors that works with other anti-trafficking "
            "actors on prevention, victim support, prosecution, policy and legislation."
        ),
        "objective": (
            "Survivors contribute to the response to trafficking by taking part in decision-making."
        ),
        "stakeholders": (
            "The office of the National Anti-Trafficking Coordinator, the Independent "
            "Rapporteur, the main governmental and non-governmental anti-trafficking "
            "actors, survivors and representatives of survivor-led organisations."
        ),
        "steps": [
            step(
                "Identify the founding procedure",
                "The procedure depends on the level of decision needed.",
                ["A government decision", "A decision or order of the coordinator", "Other"],
            ),
            step(
                "Invite survivors into the founding process",
                "Survivors help design the body they will serve on.",
            ),
            step(
                "Define the functions, work areas, mandates and internal rules together",
                "Decide with survivors what the body does and how it works.",
                [
                    "Functions: regular input to the coordinator's work; an advisory role in "
                    "reviewing strategies, action plans and legislation",
                    "Work areas: the referral mechanism and its procedures, services for "
                    "victims, policy and law, awareness, prevention, training of professionals",
                    "Mandates: each member's role, duties and term",
                    "Internal rules: the chair and their role, ways of working, how and to "
                    "whom the body reports",
                ],
            ),
            step("Complete the founding procedure"),
            step(
                "Invite applications",
                "Publish terms of reference and selection criteria, and collect applications "
                "through a form that asks only for what the selection needs.",
            ),
        ],
        "resources": [
            template("Possible functions of an advisory body", ADVISORY_FUNCTIONS),
            template("Selection criteria for members", SELECTION_CRITERIA),
            template("Application form for members", APPLICATION_FORM),
        ],
        "principles": ["guideline-1", "guideline-3"],
        "countries": [],
    },
    {
        "slug": "p3-survivor-advocacy-initiatives",
        "code": "P3",
        "title": "Survivor advocacy initiatives",
        "track": PracticePage.POLICY,
        "summary": (
            "Design and carry out advocacy with survivors taking an active part, so that "
            "victims and their needs are visible to the people who decide."
        ),
        "objective": (
            "Advocacy is shaped and carried out more effectively, and victims' needs are more "
            "visible to its audience, because survivors are engaged."
        ),
        "stakeholders": (
            "Survivors and representatives of survivor-led organisations, advisory bodies, "
            "the coordinator's office and non-governmental anti-trafficking actors."
        ),
        "steps": [
            step(
                "Choose where advocacy is needed",
                "",
                [
                    "Legislation on trafficking and its by-laws",
                    "Action plans, strategies and programmes",
                    "Review of the referral mechanism and its procedures",
                    "Funding of services for victims",
                    "Awareness raising",
                    "Education and training",
                ],
            ),
            step(
                "Define the survivor leader's role",
                "Direct involvement means developing the action, attending meetings and "
                "working groups, commenting and advising, or giving testimony. Indirect "
                "involvement means a survivor's story used as a case study, or statistics "
                "based on survivors' experience.",
            ),
            step(
                "Choose the means",
                "",
                [
                    "A petition or open letter",
                    "Written comments and opinions",
                    "Tools and guidance",
                    "One-to-one meetings",
                    "Platforms: working groups, coalitions, networks",
                    "Testimony",
                    "Mobilising survivor groups and individuals",
                    "Work with the media",
                    "Training and workshops",
                ],
            ),
        ],
        "principles": ["principle-1", "guideline-1", "guideline-3"],
        "countries": [],
    },
    {
        "slug": "o1-consultation-mechanism",
        "code": "O1",
        "title": "A consultation mechanism with survivor-led organisations and survivors",
        "track": PracticePage.OPERATIONAL,
        "summary": (
            "Set up regular consultation between the agencies that work with victims and "
            "survivor-led organisations or individual survivors: its purpose, its form and "
            "how often it happens."
        ),
        "objective": (
            "Operational work becomes more effective and more attuned to victims and their rights."
        ),
        "stakeholders": (
            "Survivor-led organisations or individual survivors, and anti-trafficking "
            "stakeholders with operational functions."
        ),
        "steps": [
            step(
                "Decide the purpose of the consultation",
                "",
                [
                    "Whether procedures, practices and standard operating procedures are relevant",
                    "Improving services and procedures",
                    "The messages and targeting of prevention and awareness campaigns",
                ],
            ),
            step(
                "Decide the type of consultation",
                "",
                [
                    "A working meeting, for discussion and comments",
                    "Written input on a procedure or a document",
                    "A questionnaire on services or on satisfaction with the support received",
                ],
            ),
            step(
                "Decide how often to consult",
                "",
                [
                    "Yearly, within the reporting period",
                    "A fixed number agreed in advance, for example quarterly or twice a year",
                    "Ad hoc, on urgent issues and situations",
                ],
            ),
        ],
        "resources": [
            template(
                "Self-assessment of survivor-informed practice",
                [
                    "Meaningful input (4 items, up to 8 points)",
                    "From a diverse survivor community (5 items, up to 10 points)",
                    "In all phases of the work (6 items, up to 12 points)",
                    "Each item: never 0, sometimes 1, always 2; 30 points in all",
                ],
            ),
        ],
        "principles": ["guideline-3", "guideline-6"],
        "countries": [],
    },
    {
        "slug": "o2-areas-of-survivor-involvement-in-the-operational-response",
        "code": "O2",
        "title": "Areas of survivor involvement in the operational response",
        "track": PracticePage.OPERATIONAL,
        "summary": (
            "Where survivors can take part as advisers or as stakeholders in their own right "
            "across the referral mechanism: identification, immediate support, return, "
            "reintegration, training and awareness."
        ),
        "objective": (
            "More effective ways to reach possible and actual victims, and more capacity to "
            "support them: procedures, services and professionals."
        ),
        "stakeholders": (
            "Survivor-led organisations or individual survivors, and anti-trafficking "
            "stakeholders with operational functions."
        ),
        "steps": [
            step(
                "Choose the area, the form and the way survivors are involved",
                "",
                [
                    "Identification: first contact and outreach",
                    "Immediate support: feedback on services, survivors in working groups, "
                    "direct contact during shelter stays and criminal proceedings",
                    "Return: feedback on the return experience, co-design of the return procedure",
                    "Reintegration: feedback, advocacy and fundraising for long-term support, "
                    "peer groups",
                    "Capacity building: training professionals who work with victims",
                    "Awareness and education: sessions, talks with children and groups at "
                    "risk, theatre by survivor groups",
                ],
            ),
            step(
                "Design the action together with survivors",
                "Discuss it with survivors and draft the procedure, service, training or "
                "campaign together.",
            ),
        ],
        "principles": ["guideline-2", "guideline-6", "guideline-7", "principle-8", "principle-11"],
        "countries": [],
    },
    {
        "slug": "o3-feedback-from-service-users-and-survivors",
        "code": "O3",
        "title": "Feedback from service users and survivors",
        "track": PracticePage.OPERATIONAL,
        "summary": (
            "Ask the people who used the referral mechanism's services what worked and what "
            "did not, safely and without collecting personal data that is not needed."
        ),
        "objective": (
            "Adequate, victim-centred services and support, and policy documents and "
            "research informed by survivors."
        ),
        "stakeholders": (
            "The coordinator's office, non-governmental service providers and the people who "
            "used the referral mechanism's services."
        ),
        "steps": [
            step(
                "Decide why you are asking, and choose the best way to ask",
                "Reasons include reviewing the referral mechanism, a new action plan or "
                "strategy, reporting, and research.",
                ["A personal interview", "A focus group", "Written feedback"],
            ),
            step("Prepare the questions", "Follow the stages the person went through."),
            step(
                "Store the answers lawfully and safely",
                "Keep the data under the law in force and your own rules. Avoid collecting "
                "personal data unless it is essential, and code interviews and written "
                "answers. The interviewer must not be the organisation that supports the "
                "person.",
            ),
        ],
        "resources": [
            template(
                "Feedback template for adult service users",
                [
                    "An introduction: who is asking and why, that no names are shared and no "
                    "personal data collected, that any question can be skipped and the "
                    "conversation stopped at any time",
                    "Identification and first contact",
                    "Immediate needs",
                    "Referral",
                    "Accommodation and support",
                    "Reflection period and legal aid",
                    "Return and reintegration",
                    "Criminal proceedings",
                    "Compensation",
                ],
            ),
        ],
        "principles": ["guideline-3", "guideline-6"],
        "countries": [],
    },
]

EXAMPLES = [
    {
        "slug": "albania-advisory-board-for-victims",
        "title": "Albania: the Advisory Board for Victims of Trafficking",
        "track": PracticePage.POLICY,
        "summary": (
            "How Albania's coordinator and its coalition of shelters set up a board of "
            "survivors with written rules, and what it advises on."
        ),
        "objective": (
            "Give survivors an active role in decisions on prevention and protection, and "
            "lasting coordination between state institutions and civil society."
        ),
        "stakeholders": (
            "The National Anti-Trafficking Coordinator, the Coalition of Anti-Trafficking "
            "Shelters, and survivors supported by its member shelters."
        ),
        "examples": [
            initiative(
                "albania-advisory-board-for-victims",
                "Set up on 30 May 2019 with three members; by 2020 it had made "
                "recommendations at four meetings on the referral mechanism.",
            )
        ],
        "principles": ["guideline-3", "guideline-6"],
        "countries": ["AL"],
    },
    {
        "slug": "serbia-survivor-advocacy-group",
        "title": "Serbia: an advocacy group of women who experienced trafficking",
        "track": PracticePage.POLICY,
        "summary": (
            "A survivor advocacy group founded by the NGO Atina that takes part in "
            "consultations and reached 1,500 people in its first year."
        ),
        "objective": "Make survivors' voices heard in awareness raising and in policy.",
        "stakeholders": "Women survivors, the NGO Atina, and the referral mechanism's actors.",
        "examples": [initiative("atina-advocacy-group")],
        "principles": ["guideline-7", "guideline-3"],
        "countries": ["RS"],
    },
    {
        "slug": "united-states-advisory-council",
        "title": "United States: a survivor advisory council set up by law",
        "track": PracticePage.POLICY,
        "summary": (
            "Eleven survivor leaders advise federal anti-trafficking policy through two "
            "committees and an annual report."
        ),
        "objective": "Give survivors a formal, lasting platform to advise government.",
        "stakeholders": "Survivor leaders and the federal agencies they advise.",
        "examples": [initiative("us-advisory-council-on-human-trafficking")],
        "principles": ["guideline-1", "guideline-3"],
        "countries": ["US"],
    },
    {
        "slug": "kosovo-peer-support",
        "title": "Kosovo*: peer support for survivors",
        "track": PracticePage.OPERATIONAL,
        "summary": (
            "At the PVPT centre in Pristina, survivors who completed rehabilitation train and "
            "support others who are still in it."
        ),
        "objective": "Build survivors' confidence and skills through peers.",
        "stakeholders": "The PVPT centre and the survivors it accommodates.",
        "examples": [initiative("pvpt-peer-support")],
        "principles": ["guideline-6", "principle-8"],
        "countries": ["XK"],
    },
    {
        "slug": "bulgaria-referral-mechanism-evaluation",
        "title": "Bulgaria: survivors' views in evaluating the referral mechanism",
        "track": PracticePage.OPERATIONAL,
        "summary": (
            "In 2016-2017 an evaluation of Bulgaria's national referral mechanism interviewed "
            "ten survivors and gathered eight case studies from NGOs."
        ),
        "objective": "Learn from the people who went through the referral mechanism.",
        "stakeholders": (
            "ICMPD's anti-trafficking programme, Animus Association/La Strada Bulgaria, the "
            "national anti-trafficking commission, and survivors who used the services."
        ),
        "examples": [
            inline(
                "The evaluation",
                "<p>ICMPD evaluated how the Bulgarian referral mechanism worked in "
                "2016-2017, with Animus Association/La Strada Bulgaria. Ten survivors who had "
                "used long-term reintegration services, or had already left the support "
                "system, were interviewed along the stages of referral: whether procedures "
                "were followed, how useful they were, what helped most and least, and what "
                "should change. Eight case studies from NGOs added other angles.</p>",
            )
        ],
        "principles": ["guideline-3", "guideline-2"],
        "countries": ["BG"],
    },
    {
        "slug": "apramp-mobile-unit",
        "title": "Spain: APRAMP's survivor-staffed mobile unit",
        "track": PracticePage.OPERATIONAL,
        "summary": (
            "Survivors of trafficking, working as social agents, reach women and girls in "
            "sexual exploitation where they are."
        ),
        "objective": "Identify victims earlier and win their trust.",
        "stakeholders": (
            "APRAMP, its survivor social agents, Spain's State Security Forces and the "
            "Public Prosecutor for Foreigners."
        ),
        "examples": [initiative("apramp")],
        "principles": ["guideline-2", "guideline-6"],
        "countries": ["ES"],
    },
    {
        "slug": "the-netherlands-survivor-walk",
        "title": "The Netherlands: a survivor walk through Dutch cities",
        "track": PracticePage.OPERATIONAL,
        "summary": (
            "An awareness tour through Dutch cities led by survivors, organised by "
            "Footprint to Freedom's network with Edith-Bernadette Solution."
        ),
        "objective": "Raise public awareness of trafficking through survivors' own voices.",
        "stakeholders": "Footprint to Freedom's Dutch network and Edith-Bernadette Solution.",
        "examples": [initiative("footprint-to-freedom")],
        "principles": ["guideline-7"],
        "countries": ["NL"],
    },
]


def load(context):
    index, created = ensure_child_page(
        context.home,
        PracticeIndexPage,
        INDEX["slug"],
        title=INDEX["title"],
        introduction=INDEX["introduction"],
        show_in_menus=True,
    )
    context.count(index, created)
    for spec in PRACTICES + EXAMPLES:
        page, created = ensure_practice(index, context.initiative_index, spec)
        context.count(page, created)
    link_initiatives_to_practices(context.initiative_index, index)


def ensure_practice(index, initiative_index, spec):
    existing = index.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing.specific, False
    page = PracticePage(
        slug=spec["slug"],
        locale=index.locale,
        title=spec["title"],
        code=spec.get("code"),
        track=spec["track"],
        summary=spec["summary"],
        objective=spec["objective"],
        stakeholders=spec["stakeholders"],
        steps=spec.get("steps", []),
        resources=spec.get("resources", []),
        examples=resolve_initiatives(spec.get("examples", []), initiative_index),
    )
    page.countries = Country.objects.filter(code__in=spec["countries"], locale=index.locale)
    page.principles = OhchrProvision.objects.filter(
        slug__in=spec["principles"], locale=index.locale
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def resolve_initiatives(blocks, initiative_index):
    resolved = []
    for block_type, value in blocks:
        if block_type == "initiative":
            slug = str(value["initiative"])
            value = {
                **value,
                "initiative": InitiativePage.objects.child_of(initiative_index).get(slug=slug),
            }
        resolved.append((block_type, value))
    return resolved


def link_initiatives_to_practices(initiative_index, practice_index):
    """Give each demo initiative its related practices, once."""
    practices = {page.slug: page for page in PracticePage.objects.child_of(practice_index)}
    for spec in INITIATIVES:
        page = InitiativePage.objects.child_of(initiative_index).filter(slug=spec["slug"]).first()
        if page is None or page.related_practices.exists():
            continue
        for order, slug in enumerate(spec["practices"]):
            if slug in practices:
                page.related_practices.add(
                    InitiativeRelatedPractice(practice=practices[slug], sort_order=order)
                )
        page.save_revision().publish()
