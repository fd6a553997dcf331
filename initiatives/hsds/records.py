"""HSDS 3.0 records for the directory, in one language.

Only what visitors already see on public initiative pages goes in: the
page's texts, its taxonomy choices and the contact details the organisation
agreed to publish. Texts come from the page in the language asked for, or
from the source page where that language has no live translation, so a
harvester gets one record per initiative whatever the language.
"""

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.visibility import visible_to_public
from initiatives.models import InitiativePage
from taxonomy.models import AreaOfWork, InitiativeType
from taxonomy.names import default_items, item_by_id, localized_name

from . import ids

HSDS_VERSION = "3.0"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
TAXONOMIES = (InitiativeType, AreaOfWork)


def taxonomy_title(model):
    titles = {InitiativeType: _("Initiative types"), AreaOfWork: _("Areas of work")}
    return str(titles[model])


def taxonomy_description(model):
    descriptions = {
        InitiativeType: _("What kind of initiative a survivor-led organisation is."),
        AreaOfWork: _("What a survivor-led initiative works on."),
    }
    return str(descriptions[model])


class Directory:
    """The public initiatives as HSDS records in ``language``.

    ``choose()`` picks one page per initiative (cheap: plain columns of the
    page table); ``organizations()`` and ``services()`` turn a slice of them
    into records with a fixed number of queries.
    """

    def __init__(self, language, request=None):
        self.language = language
        self.request = request

    # Which pages -------------------------------------------------------

    def choose(self, modified_after=None, search=None):
        """``[(organization id, page pk, last published)]`` in id order, one per initiative.

        ``search``: words in the name, acronym or summary, in this language.
        """
        rows = visible_to_public(Page.objects.type(InitiativePage)).values_list(
            "pk", "translation_key", "locale__language_code", "last_published_at"
        )
        preference = {self.language: 0, settings.LANGUAGE_CODE: 1}
        chosen = {}
        for pk, key, language, published in rows:
            rank = preference.get(language, 2)
            if key not in chosen or rank < chosen[key][0]:
                chosen[key] = (rank, pk, published)
        entries = [
            (ids.stable_id("organization", key), pk, published)
            for key, (_rank, pk, published) in chosen.items()
        ]
        if modified_after is not None:
            entries = [entry for entry in entries if entry[2] and entry[2] >= modified_after]
        if search:
            matching = set(
                InitiativePage.objects.filter(pk__in=[pk for _id, pk, _p in entries])
                .filter(
                    Q(title__icontains=search)
                    | Q(acronym__icontains=search)
                    | Q(summary__icontains=search)
                )
                .values_list("pk", flat=True)
            )
            entries = [entry for entry in entries if entry[1] in matching]
        return sorted(entries)

    def pages(self, pks):
        pages = InitiativePage.objects.filter(pk__in=pks).select_related("locale")
        by_pk = {page.pk: page for page in pages}
        ordered = [by_pk[pk] for pk in pks if pk in by_pk]
        InitiativePage.prefetch_taxonomies(ordered)
        return ordered

    # Records -----------------------------------------------------------

    def url(self, page):
        return page.get_full_url(self.request)

    def name(self, item):
        return localized_name(item, self.language)

    def taxonomy(self, model):
        return {
            "id": ids.taxonomy_id(model),
            "name": taxonomy_title(model),
            "description": taxonomy_description(model),
            "version": "1",
        }

    def taxonomy_term(self, item, detail=False):
        model = type(item)
        name = self.name(item)
        record = {
            "id": ids.taxonomy_term_id(item),
            "code": item.slug,
            "name": name,
            "description": name,
            "taxonomy": taxonomy_title(model),
            "taxonomy_id": ids.taxonomy_id(model),
            "language": self.language,
        }
        if detail:
            record["taxonomy_detail"] = self.taxonomy(model)
        return record

    def taxonomy_terms(self, model=None):
        models = [model] if model else TAXONOMIES
        return [self.taxonomy_term(item) for model in models for item in default_items(model)]

    def attribute(self, link_id, link_entity, link_type, item):
        term = self.taxonomy_term(item)
        return {
            "id": ids.stable_id("attribute", link_id, term["id"]),
            "link_id": link_id,
            "link_type": link_type,
            "link_entity": link_entity,
            "taxonomy_term_id": term["id"],
            "taxonomy_term": term,
        }

    def organization(self, page, full=False):
        record = {
            "id": ids.organization_id(page),
            "name": page.title,
            "description": page.summary,
            "uri": self.url(page),
        }
        optional = {
            "alternate_name": page.acronym,
            "email": page.contact_email,
            "website": page.website,
            "year_incorporated": page.year_founded,
        }
        record.update({key: value for key, value in optional.items() if value})
        if full:
            initiative_type = item_by_id(InitiativeType, page.initiative_type_id)
            record["attributes"] = (
                [self.attribute(record["id"], "organization", "type", initiative_type)]
                if initiative_type
                else []
            )
            record["services"] = [
                self.service(page, area, full=True, with_organization=False)
                for area in self.areas(page)
            ]
        return record

    def areas(self, page):
        return sorted(page.areas.all(), key=lambda area: ids.service_id(page, area))

    def service(self, page, area, full=False, with_organization=True):
        service_id = ids.service_id(page, area)
        record = {
            "id": service_id,
            "organization_id": ids.organization_id(page),
            "name": self.name(area),
            "description": page.summary,
            "url": self.url(page),
            "status": "active",
        }
        if page.contact_email:
            record["email"] = page.contact_email
        if page.last_published_at:
            record["last_modified"] = page.last_published_at.isoformat()
        if full:
            record["languages"] = [
                {
                    "id": ids.stable_id("language", service_id, language.code),
                    "service_id": service_id,
                    "name": self.name(language),
                    "code": language.code,
                }
                for language in sorted(page.languages.all(), key=lambda item: item.code)
            ]
            record["service_areas"] = [
                {
                    "id": ids.stable_id("service_area", service_id, country.code),
                    "service_id": service_id,
                    "name": self.name(country),
                    "extent": country.code,
                    "extent_type": "text",
                }
                for country in sorted(page.countries.all(), key=lambda item: item.code)
            ]
            record["attributes"] = [self.attribute(service_id, "service", "area_of_work", area)]
        if with_organization:
            record["organization"] = self.organization(page)
        return record

    def service_entries(self, modified_after=None, search=None):
        """``[(service id, page pk, area pk)]`` in id order, one per initiative and area."""
        chosen = self.choose(modified_after, search)
        pks = [pk for _id, pk, _published in chosen]
        through = InitiativePage.areas.through.objects.filter(initiativepage_id__in=pks)
        pages = dict(InitiativePage.objects.filter(pk__in=pks).values_list("pk", "translation_key"))
        areas = {area.pk: area for area in default_items(AreaOfWork)}
        entries = []
        for page_pk, area_pk in through.values_list("initiativepage_id", "areaofwork_id"):
            area = areas.get(area_pk)
            if area is not None:
                service_id = ids.stable_id("service", pages[page_pk], area.translation_key)
                entries.append((service_id, page_pk, area_pk))
        return sorted(entries)


def activate(language):
    """Interface strings (taxonomy titles) in the record's language."""
    return translation.override(language)
