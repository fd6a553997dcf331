"""The taxonomies the demo content uses, in the default language."""

from wagtail.models import Locale

from .models import AreaOfWork, Country, InitiativeType, OhchrProvision, WorkingLanguage

COUNTRIES = [
    ("AL", "Albania"),
    ("BA", "Bosnia and Herzegovina"),
    ("XK", "Kosovo"),
    ("ME", "Montenegro"),
    ("MK", "North Macedonia"),
    ("RS", "Serbia"),
    ("BG", "Bulgaria"),
    ("ES", "Spain"),
    ("NL", "Netherlands"),
    ("US", "United States"),
    ("ET", "Ethiopia"),
    ("KE", "Kenya"),
    ("RW", "Rwanda"),
    ("UG", "Uganda"),
]

INITIATIVE_TYPES = [
    ("advisory-body", "Advisory body"),
    ("network", "Network"),
    ("fund", "Fund"),
    ("service-provider", "Service provider"),
    ("advocacy-group", "Advocacy group"),
    ("other", "Other"),
]

AREAS_OF_WORK = [
    ("policy-development", "Policy development"),
    ("operational-response", "Operational response"),
    ("prevention-awareness", "Prevention and awareness"),
    ("victim-support", "Victim support"),
    ("capacity-building", "Capacity building"),
    ("funding", "Funding"),
]

WORKING_LANGUAGES = [
    ("en", "English"),
    ("sq", "Albanian"),
    ("sr", "Serbian"),
    ("bs", "Bosnian"),
    ("cnr", "Montenegrin"),
    ("mk", "Macedonian"),
    ("es", "Spanish"),
]

PRINCIPLE_GROUPS = {
    range(1, 4): "Primacy of human rights",
    range(4, 7): "Preventing trafficking",
    range(7, 12): "Protection and assistance",
    range(12, 18): "Criminalisation, punishment and redress",
}

# Short titles of our own for the seventeen principles, which the OHCHR text
# numbers but does not name.
PRINCIPLES = [
    "Human rights at the centre of all anti-trafficking work",
    "States act with due diligence",
    "Anti-trafficking measures must not harm human rights",
    "Addressing demand as a root cause",
    "Addressing what makes people vulnerable",
    "Ending public-sector complicity",
    "No punishment for acts that result from being trafficked",
    "Protection and care, not conditional on cooperation",
    "Legal assistance and protection during proceedings",
    "Child victims: their best interests come first",
    "Safe, voluntary return, with legal alternatives",
    "Trafficking and related conduct are criminal offences",
    "Effective investigation, prosecution and adjudication",
    "Trafficking is an extraditable offence",
    "Effective and proportionate sanctions",
    "Confiscated proceeds benefit victims",
    "Access to effective legal remedies",
]

GUIDELINES = [
    "Promotion and protection of human rights",
    "Identification of trafficked persons and traffickers",
    "Research, analysis, evaluation and dissemination",
    "Ensuring an adequate legal framework",
    "Ensuring an adequate law-enforcement response",
    "Protection and support for trafficked persons",
    "Preventing trafficking",
    "Special measures for child victims",
    "Access to remedies",
    "Obligations of peacekeepers, civilian police, humanitarian and diplomatic personnel",
    "Cooperation and coordination between States and regions",
]


def load(context):
    locale = Locale.get_default()
    for code, name in COUNTRIES:
        _ensure(context, Country, locale, {"code": code}, name=name)
    for slug, name in INITIATIVE_TYPES:
        _ensure(context, InitiativeType, locale, {"slug": slug}, name=name)
    for slug, name in AREAS_OF_WORK:
        _ensure(context, AreaOfWork, locale, {"slug": slug}, name=name)
    for code, name in WORKING_LANGUAGES:
        _ensure(context, WorkingLanguage, locale, {"code": code}, name=name)
    for number, name in enumerate(PRINCIPLES, start=1):
        group = next(label for numbers, label in PRINCIPLE_GROUPS.items() if number in numbers)
        _ensure(
            context,
            OhchrProvision,
            locale,
            {"kind": OhchrProvision.PRINCIPLE, "number": number},
            name=name,
            group=group,
        )
    for number, name in enumerate(GUIDELINES, start=1):
        _ensure(
            context,
            OhchrProvision,
            locale,
            {"kind": OhchrProvision.GUIDELINE, "number": number},
            name=name,
        )


def _ensure(context, model, locale, key, **defaults):
    item, created = model.objects.get_or_create(locale=locale, **key, defaults=defaults)
    context.count(item, created)
    return item
