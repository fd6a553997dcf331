"""The directory as an HSDS tabular data package: CSV files and ``datapackage.json`` in a ZIP.

The tables and their columns are the standard's own (from the vendored
compiled schema: each definition names its CSV file and the columns are
its scalar properties, in the standard's order), so tools that read HSDS
tabular data read this package. ``datapackage.json`` carries the licence
editors set under Settings > Open data licence.
"""

import csv
import io
import json
import zipfile
from functools import cache
from pathlib import Path

from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.open_data_http import open_data_view
from initiatives.open_data_settings import licence_for

from .records import HSDS_VERSION, TAXONOMIES, Directory, activate
from .views import BadRequest, language_of

SCHEMA = Path(__file__).parent / "schema" / "service_with_definitions.json"
# HSDS table (a definition of the compiled schema) -> how its rows are made.
TABLES = [
    "organization",
    "service",
    "taxonomy",
    "taxonomy_term",
    "attribute",
    "language",
    "service_area",
]


@cache
def definitions():
    """Every HSDS table's definition: the service schema itself and those it embeds."""
    schema = json.loads(SCHEMA.read_text())
    tables = dict(schema.pop("definitions"))
    tables["service"] = schema
    return tables


def columns(table):
    properties = definitions()[table]["properties"]
    return [
        name
        for name, spec in properties.items()
        if spec.get("type") not in ("array", "object") and "$ref" not in spec
    ]


def table_schema(table):
    """A Frictionless Table Schema for ``table``, from the HSDS definition."""
    definition = definitions()[table]
    fields = []
    for name in columns(table):
        spec = definition["properties"][name]
        field = {"name": name, "type": spec.get("datapackage_type") or spec.get("type", "string")}
        if spec.get("format") in ("uuid", "email", "uri"):
            field["format"] = spec["format"]
        if spec.get("title"):
            field["title"] = spec["title"]
        fields.append(field)
    return {"fields": fields, "primaryKey": "id", "missingValues": [""]}


def rows(directory):
    """{table: [row dicts]} for every public initiative, in ``directory``'s language."""
    tables = {table: [] for table in TABLES}
    tables["taxonomy"] = [directory.taxonomy(model) for model in TAXONOMIES]
    tables["taxonomy_term"] = directory.taxonomy_terms()
    pages = directory.pages([pk for _id, pk, _published in directory.choose()])
    for page in pages:
        organization = directory.organization(page, full=True)
        services = organization.pop("services")
        tables["attribute"].extend(organization.pop("attributes"))
        tables["organization"].append(organization)
        for service in services:
            tables["language"].extend(service.pop("languages"))
            tables["service_area"].extend(service.pop("service_areas"))
            tables["attribute"].extend(service.pop("attributes"))
            tables["service"].append(service)
    return tables


def csv_text(table, records):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns(table), extrasaction="ignore")
    writer.writeheader()
    for record in records:
        writer.writerow({key: value for key, value in record.items() if value is not None})
    return out.getvalue()


def descriptor(request, language):
    licence = licence_for(request)
    resources = []
    for table in TABLES:
        definition = definitions()[table]
        resources.append(
            {
                "name": table,
                "path": definition["path"],
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": table_schema(table),
            }
        )
    package = {
        "profile": "tabular-data-package",
        "name": f"survivor-led-initiatives-{language}",
        "title": _("Directory of survivor-led initiatives"),
        "description": _(
            "Survivor-led initiatives against human trafficking, as Open Referral HSDS "
            "%(version)s tabular data."
        )
        % {"version": HSDS_VERSION},
        "version": HSDS_VERSION,
        "language": language,
        "created": timezone.now().replace(microsecond=0).isoformat(),
        "homepage": request.build_absolute_uri("/"),
        "licenses": [{"title": licence.licence_title, "path": licence.licence_url}],
        "resources": resources,
    }
    if licence.attribution:
        package["attribution"] = licence.attribution
    return package


def build_zip(request, directory):
    buffer = io.BytesIO()
    tables = rows(directory)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "datapackage.json",
            json.dumps(descriptor(request, directory.language), ensure_ascii=False, indent=2),
        )
        for table in TABLES:
            archive.writestr(definitions()[table]["path"], csv_text(table, tables[table]))
    return buffer.getvalue()


@open_data_view
def download(request):
    """The ZIP for ``?lang=`` (default: the site's language), named after the language."""
    try:
        language = language_of(request)
    except BadRequest as error:
        return JsonResponse({"error": str(error)}, status=400)
    with activate(language):
        content = build_zip(request, Directory(language, request))
    response = HttpResponse(content, content_type="application/zip")
    filename = f"survivor-led-initiatives-hsds-{language}.zip"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
