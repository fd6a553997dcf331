"""The directory's first entries. Facts from the guidelines; the prose is ours."""

import datetime

from home.demo.pages import ensure_child_page
from home.demo.standard_pages import h2, p
from taxonomy.models import AreaOfWork, Country, InitiativeType, WorkingLanguage

from .models import InitiativeIndexPage, InitiativePage

REVIEWED = datetime.date(2026, 11, 2)

INDEX = {
    "title": "Initiatives",
    "slug": "initiatives",
    "introduction": (
        "Survivor-led councils, networks, funds, services and advocacy groups. Filter by "
        "country, type, area of work or language, or search by name."
    ),
}

INITIATIVES = [
    {
        "slug": "istac",
        "title": "International Survivors of Trafficking Advisory Council",
        "acronym": "ISTAC",
        "summary": (
            "A council of 21 survivors of trafficking from across the OSCE region that "
            "advises OSCE/ODIHR, and through it the OSCE participating States, on "
            "anti-trafficking law, policy and practice."
        ),
        "type": "advisory-body",
        "scope": "international",
        "countries": [],
        "languages": ["en"],
        "areas": ["policy-development", "capacity-building"],
        "year_founded": 2021,
        "leadership_statement": (
            "The council is made up entirely of survivors. Its 21 members were chosen with "
            "care for a balance of expertise, gender and geography, and they give their "
            "advice in their own right, not as case studies."
        ),
        "body": [
            h2("What the council does"),
            p(
                "<p>OSCE's Office for Democratic Institutions and Human Rights (ODIHR) set up "
                "the council in January 2021. Its members advise ODIHR, and through it the "
                "OSCE participating States, on draft and existing legislation, on policy and "
                "practice, and on how OSCE commitments on trafficking are carried out.</p>"
                "<p>They also review research and normative texts, shape ODIHR's education "
                "and capacity-building work, guide survivor leaders on tools for growing "
                "survivor networks, and promote consistent terminology about survivors.</p>"
            ),
            h2("Its mark on referral mechanisms"),
            p(
                "<p>Testimonies of council members were built into the second edition (2022) "
                "of the OSCE/ODIHR handbook on National Referral Mechanisms, the reference "
                "many governments use to organise identification and support.</p>"
            ),
        ],
        "practices": ["p2-set-up-a-survivor-advisory-body", "p3-survivor-advocacy-initiatives"],
    },
    {
        "slug": "survivor-leadership-fund",
        "title": "Survivor Leadership Fund",
        "acronym": "",
        "summary": (
            "A trust-based fund of the Freedom Fund giving unrestricted grants to "
            "organisations led by people with lived experience of trafficking, forced "
            "labour or forced marriage."
        ),
        "type": "fund",
        "scope": "regional",
        "countries": ["ET", "KE", "UG"],
        "languages": ["en"],
        "areas": ["funding", "capacity-building"],
        "year_founded": None,
        "leadership_statement": (
            "Only organisations with at least one person with lived experience of "
            "exploitation in a leadership role (director, deputy director, senior manager "
            "or head of department) can receive a grant."
        ),
        "body": [
            h2("How the grants work"),
            p(
                "<p>The fund trusts its grantees to know best. Grants are unrestricted: an "
                "organisation can spend the money on whatever it judges will build its "
                "capacity and impact, rather than on a project designed to suit a donor.</p>"
            ),
            h2("The first round"),
            p(
                "<p>The first round closed in October 2021. Organisations based in Ethiopia, "
                "Kenya or Uganda could apply for grants of USD 15,000.</p>"
            ),
        ],
        "practices": ["p3-survivor-advocacy-initiatives"],
    },
    {
        "slug": "national-survivor-network",
        "title": "National Survivor Network",
        "acronym": "NSN",
        "summary": (
            "A US network of more than 300 survivors engaged in leadership, run by the "
            "Coalition to Abolish Slavery & Trafficking (CAST), with the Los Angeles "
            "leadership programme Resilient Voices."
        ),
        "type": "network",
        "scope": "national",
        "countries": ["US"],
        "languages": ["en"],
        "areas": ["policy-development", "prevention-awareness", "capacity-building"],
        "year_founded": None,
        "leadership_statement": (
            "Members are survivors. The network offers them membership, empowerment and "
            "professional development, and its policy team and speakers bureau put "
            "survivors' expertise in front of legislators, agencies and audiences."
        ),
        "body": [
            h2("The network"),
            p(
                "<p>The network is grounded in public health, human rights and harm "
                "reduction, and works on policy, advocacy and education. Its policy team "
                "comments on federal legislation. Its Consultants and Speakers Bureau "
                "offers speeches, consultations, programme reviews, curriculum development, "
                "training and keynotes by survivors.</p>"
            ),
            h2("Resilient Voices"),
            p(
                "<p>Resilient Voices, CAST's Los Angeles survivor network, has developed "
                "regional leadership since 2004. It does not provide case management, "
                "shelter or therapy; it trains survivors in advocacy, coalition building, "
                "grassroots organising, public speaking, the justice and legislative "
                "systems, and media advocacy.</p>"
            ),
            h2("What survivors' advocacy has won"),
            p(
                "<ul><li>California Assembly Bill 22, the California Trafficking Victims "
                "Protection Act.</li>"
                "<li>SB 657, the California Transparency in Supply Chains Act (2010).</li>"
                "<li>A Green Card campaign with more than 2,500 signatures and testimony "
                "before Congress, after which survivors began receiving green cards in "
                "2009.</li></ul>"
            ),
        ],
        "practices": ["p3-survivor-advocacy-initiatives"],
    },
    {
        "slug": "footprint-to-freedom",
        "title": "Footprint to Freedom",
        "acronym": "",
        "summary": (
            "A survivor-led organisation working to break the cycle of trafficking: "
            "survivor networks in East Africa and the Netherlands, an empowerment centre "
            "in Uganda and an online survivor leadership seminar series."
        ),
        "type": "network",
        "scope": "international",
        "countries": ["UG", "RW", "KE", "NL"],
        "languages": ["en"],
        "areas": ["victim-support", "capacity-building", "prevention-awareness"],
        "year_founded": None,
        "leadership_statement": (
            "Survivors lead the organisation and its networks. The East Africa Survivors "
            "Network has an advisory board of trained survivors, and the Dutch network "
            "brings survivor leaders and professionals together as equals."
        ),
        "body": [
            h2("Aims"),
            p(
                "<p>Footprint to Freedom wants care providers to see the gaps in today's "
                "care, helps develop quality services for victims and survivors, builds "
                "survivor-led training for caregivers, and stands up for human rights. Its "
                "mission is to create opportunities for survivors to thrive, to promote "
                "survivor engagement and leadership, and to support people on the way to "
                "self-sufficiency.</p>"
            ),
            h2("Its networks and programmes"),
            p(
                "<ul><li><strong>East Africa Survivors Network</strong>: a regional network "
                "that mediates and advises on the trafficking of girls and women from East "
                "Africa to the Middle East, active in Uganda, Rwanda and Kenya.</li>"
                "<li><strong>Survivors 4 Solutions</strong>: an empowerment centre in Uganda "
                "for reintegration through vocational and life skills, employment and "
                "self-employment, education and peer mentoring.</li>"
                "<li><strong>Survivor leadership seminars</strong> online: trafficking "
                "basics, from victim to leader, self-care, project management, trauma and "
                "secondary trauma, public speaking, advocacy, law and policy, ethical "
                "storytelling, empowerment and peer mentoring.</li>"
                "<li><strong>In the Netherlands</strong>: Safe space for survivors (since "
                "2019, for undocumented African women who survived sexual exploitation), "
                "Survivors for Change, and a Survivor Walk through Dutch cities with "
                "Edith-Bernadette Solution.</li></ul>"
            ),
        ],
        "practices": [
            "o2-areas-of-survivor-involvement-in-the-operational-response",
            "the-netherlands-survivor-walk",
        ],
    },
    {
        "slug": "apramp",
        "title": "APRAMP",
        "acronym": "APRAMP",
        "summary": (
            "A Spanish organisation whose mobile unit, staffed by survivors of trafficking, "
            "finds and helps women and girls trapped in sexual exploitation."
        ),
        "type": "service-provider",
        "scope": "national",
        "countries": ["ES"],
        "languages": ["es"],
        "areas": ["operational-response", "victim-support"],
        "year_founded": None,
        "leadership_statement": (
            "The social agents on the mobile unit are survivors who were supported by "
            "APRAMP, fully recovered, and freely chose this work. They bring different "
            "backgrounds and the trust that only lived experience earns."
        ),
        "body": [
            h2("The mobile unit"),
            p(
                "<p>The unit visits possible sites of exploitation at different times of "
                "day to identify trafficking and reach women and girls who are trapped. "
                "Because the agents have been through it themselves, they recognise signs "
                "others miss and are more readily believed.</p>"
                "<p>The approach contributes to the recovery of more than 500 trafficked "
                "and exploited people a year, working with Spain's State Security Forces "
                "and the Public Prosecutor for Foreigners.</p>"
            ),
        ],
        "practices": [
            "o2-areas-of-survivor-involvement-in-the-operational-response",
            "apramp-mobile-unit",
        ],
    },
    {
        "slug": "albania-advisory-board-for-victims",
        "title": "Advisory Board for Victims and Potential Victims of Trafficking",
        "acronym": "BKVT",
        "summary": (
            "Albania's board of survivors, set up in 2019 under an agreement between the "
            "National Anti-Trafficking Coordinator and the Coalition of Anti-Trafficking "
            "Shelters, that advises on the national referral mechanism and on shelters."
        ),
        "type": "advisory-body",
        "scope": "national",
        "countries": ["AL"],
        "languages": ["sq"],
        "areas": ["policy-development", "operational-response"],
        "year_founded": 2019,
        "leadership_statement": (
            "Its members are survivors who were supported by the coalition's shelters. "
            "They elect their own chair by secret ballot and advise on the services they "
            "know from the inside."
        ),
        "body": [
            h2("How it came about"),
            p(
                "<p>The board rests on agreement no. 2931 between the National "
                "Anti-Trafficking Coordinator and the Coalition of Anti-Trafficking "
                "Shelters, and was formally set up on 30 May 2019 with three members. By "
                "2020 it had made recommendations at four meetings on Albania's referral "
                "mechanism.</p>"
            ),
            h2("What it advises on"),
            p(
                "<p>It advises four shelters on liaison with the police, communication with "
                "residents, the conditions of interviews, how efficiently investigations "
                "and trials run, and access to long-term independent housing.</p>"
            ),
            h2("Its rules"),
            p(
                "<ul><li>At least three members, always an odd number (3, 5 or 7), with a "
                "two-year mandate that can be renewed.</li>"
                "<li>Members are 16 or older; a minor needs a guardian's approval. People "
                "nominate themselves or are nominated by organisations.</li>"
                "<li>Members of the referral mechanism choose them by vote; the list of "
                "candidates is due ten working days before that meeting.</li>"
                "<li>The chair is elected by secret ballot and simple majority for one "
                "year, and can be re-elected once.</li>"
                "<li>Members are volunteers; travel and accommodation costs are "
                "reimbursed.</li>"
                "<li>The board meets twice a year or on request, with notice and an agenda "
                "at least five working days ahead; a technical secretariat keeps the "
                "minutes.</li>"
                "<li>Members sign a confidentiality declaration, follow rules on personal "
                "data, and may withdraw at any time in writing.</li></ul>"
            ),
        ],
        "practices": ["p2-set-up-a-survivor-advisory-body", "albania-advisory-board-for-victims"],
    },
    {
        "slug": "atina-advocacy-group",
        "title": "Advocacy group of women who experienced trafficking (Atina)",
        "acronym": "",
        "summary": (
            "A group of women survivors in Serbia, founded by the NGO Atina, that runs "
            "awareness campaigns in local communities and gives public lectures."
        ),
        "type": "advocacy-group",
        "scope": "national",
        "countries": ["RS"],
        "languages": ["sr"],
        "areas": ["prevention-awareness", "policy-development"],
        "year_founded": None,
        "leadership_statement": (
            "The group is made up of women who experienced trafficking. They decide the "
            "messages of their campaigns and speak in public in their own voice."
        ),
        "body": [
            p(
                "<p>In its first year the group's awareness campaigns reached 1,500 people "
                "in local communities. Its members also give public lectures, bringing "
                "first-hand knowledge of how trafficking happens to audiences who might "
                "otherwise only meet it in the news.</p>"
            ),
        ],
        "practices": ["p3-survivor-advocacy-initiatives", "serbia-survivor-advocacy-group"],
    },
    {
        "slug": "us-advisory-council-on-human-trafficking",
        "title": "United States Advisory Council on Human Trafficking",
        "acronym": "",
        "summary": (
            "Eleven survivor leaders appointed by the President for two-year terms to "
            "advise the US government's anti-trafficking policy, set up by law in 2015."
        ),
        "type": "advisory-body",
        "scope": "national",
        "countries": ["US"],
        "languages": ["en"],
        "areas": ["policy-development"],
        "year_founded": 2015,
        "leadership_statement": (
            "Every member is a survivor leader. The council works through two committees "
            "and reports publicly every year."
        ),
        "body": [
            p(
                "<p>The Justice for Victims of Trafficking Act of 29 May 2015 established the "
                "council. Its eleven members serve two-year terms, work through two "
                "committees and publish an annual report with their recommendations.</p>"
            ),
        ],
        "practices": ["p2-set-up-a-survivor-advisory-body", "united-states-advisory-council"],
    },
    {
        "slug": "pvpt-peer-support",
        "title": "PVPT peer-support programme",
        "acronym": "PVPT",
        "summary": (
            "A programme of the PVPT centre in Pristina in which survivors who have "
            "completed their rehabilitation train and support others."
        ),
        "type": "service-provider",
        "scope": "national",
        "countries": ["XK"],
        "languages": ["sq"],
        "areas": ["victim-support", "capacity-building"],
        "year_founded": None,
        "leadership_statement": (
            "Survivors who have finished their own rehabilitation become the trainers and "
            "supporters of those who are still in it."
        ),
        "body": [
            p(
                "<p>Peer trainers help other survivors with basic English, computer skills "
                "and schoolwork. Learning from someone who has walked the same road builds "
                "confidence as well as skills.</p>"
            ),
        ],
        "practices": [
            "o2-areas-of-survivor-involvement-in-the-operational-response",
            "kosovo-peer-support",
        ],
    },
]


def load(context):
    index, created = ensure_child_page(
        context.home,
        InitiativeIndexPage,
        INDEX["slug"],
        title=INDEX["title"],
        introduction=INDEX["introduction"],
        show_in_menus=True,
    )
    context.count(index, created)
    context.initiative_index = index
    for spec in INITIATIVES:
        page, created = ensure_initiative(index, spec)
        context.count(page, created)


def ensure_initiative(index, spec):
    existing = index.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing.specific, False
    page = InitiativePage(
        slug=spec["slug"],
        locale=index.locale,
        title=spec["title"],
        acronym=spec["acronym"],
        summary=spec["summary"],
        initiative_type=InitiativeType.objects.get(slug=spec["type"], locale=index.locale),
        scope=spec["scope"],
        year_founded=spec["year_founded"],
        leadership_statement=spec["leadership_statement"],
        body=spec["body"],
        last_reviewed=REVIEWED,
        verification=InitiativePage.VERIFIED,
    )
    page.countries = Country.objects.filter(code__in=spec["countries"], locale=index.locale)
    page.languages = WorkingLanguage.objects.filter(code__in=spec["languages"], locale=index.locale)
    page.areas = AreaOfWork.objects.filter(slug__in=spec["areas"], locale=index.locale)
    index.add_child(instance=page)
    page.save_revision().publish()
    return page, True
