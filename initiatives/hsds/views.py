"""The HSDS 3.0 API: the paths and paging of the standard's OpenAPI description.

``?lang=`` picks the language of the texts (any of the site's languages;
default: the site's default language). Lists take ``page`` (from 1),
``per_page`` (at most ``MAX_PER_PAGE``) and, for organizations and services,
``modified_after`` (an ISO 8601 date or date and time; records published on
or after it) and ``search`` (words in an initiative's name, acronym or
summary, in the language asked for). A bad parameter is a 400 with a message, never a guess.
"""

import math

from django.conf import settings
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.timezone import is_naive, make_aware
from django.utils.translation import gettext as _

from core.open_data_http import open_data_view
from taxonomy.models import AreaOfWork
from taxonomy.names import default_items

from . import ids
from .records import HSDS_VERSION, OPENAPI_URL, TAXONOMIES, Directory, activate

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500


class BadRequest(Exception):
    pass


def language_of(request):
    language = request.GET.get("lang") or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        codes = ", ".join(code for code, _name in settings.LANGUAGES)
        raise BadRequest(f"lang must be one of: {codes}")
    return language


def positive_int(request, name, default, maximum=None):
    raw = request.GET.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadRequest(f"{name} must be a whole number") from None
    if value < 1:
        raise BadRequest(f"{name} must be 1 or more")
    if maximum and value > maximum:
        raise BadRequest(f"{name} must be at most {maximum}")
    return value


def modified_after_of(request):
    raw = request.GET.get("modified_after")
    if not raw:
        return None
    moment = parse_datetime(raw.replace(" ", "+"))
    if moment is None:
        day = parse_date(raw)
        if day is None:
            raise BadRequest("modified_after must be an ISO 8601 date or date-time")
        moment = parse_datetime(f"{day.isoformat()}T00:00:00")
    return make_aware(moment) if is_naive(moment) else moment


def search_of(request):
    words = request.GET.get("search", "").strip()
    if len(words) > 200:
        raise BadRequest("search must be at most 200 characters")
    return words or None


def boolean(request, name):
    return request.GET.get(name, "").lower() in ("1", "true", "yes")


def paginated(request, entries, build):
    """The standard's ``Page`` object around ``build(slice of entries)``."""
    per_page = positive_int(request, "per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE)
    page_number = positive_int(request, "page", 1)
    total = len(entries)
    total_pages = max(1, math.ceil(total / per_page))
    start = (page_number - 1) * per_page
    contents = build(entries[start : start + per_page])
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page_number,
        "size": len(contents),
        "first_page": page_number == 1,
        "last_page": page_number >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


def hsds_view(view):
    """JSON out, bad parameters as 400, texts in the language asked for."""

    def wrapper(request, *args, **kwargs):
        try:
            language = language_of(request)
            with activate(language):
                data = view(request, Directory(language, request), *args, **kwargs)
        except BadRequest as error:
            return JsonResponse({"error": str(error)}, status=400)
        except Http404:
            return JsonResponse({"error": "not found"}, status=404)
        return JsonResponse(data, json_dumps_params={"ensure_ascii": False})

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return open_data_view(wrapper)


@hsds_view
def api_root(request, directory):
    return {
        "version": HSDS_VERSION,
        "openapi_url": OPENAPI_URL,
        "datapackage_url": request.build_absolute_uri(reverse("hsds:datapackage")),
        "title": _("Directory of survivor-led initiatives"),
    }


@hsds_view
def organization_list(request, directory):
    full = boolean(request, "full") or boolean(request, "full_service")
    entries = directory.choose(modified_after_of(request), search_of(request))

    def build(chunk):
        pages = directory.pages([pk for _id, pk, _published in chunk])
        return [directory.organization(page, full=full) for page in pages]

    return paginated(request, entries, build)


@hsds_view
def organization_detail(request, directory, pk):
    for organization_id, page_pk, _published in directory.choose():
        if organization_id == str(pk):
            return directory.organization(directory.pages([page_pk])[0], full=True)
    raise Http404


@hsds_view
def service_list(request, directory):
    full = boolean(request, "full")
    entries = directory.service_entries(modified_after_of(request), search_of(request))
    organization = request.GET.get("organization_id")
    if organization:
        chosen = {org_id: pk for org_id, pk, _published in directory.choose()}
        entries = [entry for entry in entries if entry[1] == chosen.get(organization)]
    term = request.GET.get("taxonomy_term_id")
    if term:
        areas = {ids.taxonomy_term_id(area): area.pk for area in default_items(AreaOfWork)}
        entries = [entry for entry in entries if entry[2] == areas.get(term)]
    taxonomy = request.GET.get("taxonomy_id")
    if taxonomy and taxonomy != ids.taxonomy_id(AreaOfWork):
        entries = []  # services are classified by area of work only
    areas = {area.pk: area for area in default_items(AreaOfWork)}

    def build(chunk):
        pages = {page.pk: page for page in directory.pages(sorted({pk for _i, pk, _a in chunk}))}
        return [
            directory.service(pages[page_pk], areas[area_pk], full=full)
            for _id, page_pk, area_pk in chunk
            if page_pk in pages
        ]

    return paginated(request, entries, build)


@hsds_view
def service_detail(request, directory, pk):
    areas = {area.pk: area for area in default_items(AreaOfWork)}
    for service_id, page_pk, area_pk in directory.service_entries():
        if service_id == str(pk):
            return directory.service(directory.pages([page_pk])[0], areas[area_pk], full=True)
    raise Http404


@hsds_view
def taxonomy_list(request, directory):
    return paginated(
        request, list(TAXONOMIES), lambda chunk: [directory.taxonomy(model) for model in chunk]
    )


@hsds_view
def taxonomy_detail(request, directory, pk):
    for model in TAXONOMIES:
        if ids.taxonomy_id(model) == str(pk):
            return directory.taxonomy(model)
    raise Http404


def _terms(directory, request):
    taxonomy = request.GET.get("taxonomy_id")
    models = [model for model in TAXONOMIES if not taxonomy or ids.taxonomy_id(model) == taxonomy]
    return [item for model in models for item in default_items(model)]


@hsds_view
def taxonomy_term_list(request, directory):
    items = _terms(directory, request)
    return paginated(
        request, items, lambda chunk: [directory.taxonomy_term(item, detail=True) for item in chunk]
    )


@hsds_view
def taxonomy_term_detail(request, directory, pk):
    for item in _terms(directory, request):
        if ids.taxonomy_term_id(item) == str(pk):
            return directory.taxonomy_term(item, detail=True)
    raise Http404
