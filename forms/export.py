"""Export of the fields a moderator chooses, as CSV (with a BOM) or XLSX.

Answers from every language line up: a choice is exported as it reads in the
form's source language, whatever language the applicant chose it in, and the
applicant's language has a column of its own.
"""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import FormBuilder

from forms.widgets import display_answer

# Spreadsheet programs run cells that start with these as formulas.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Excel reads a CSV file as UTF-8 only when it starts with a byte order mark;
# without it, Cyrillic and Albanian letters come out garbled.
UTF8_BOM = "\ufeff"
CHOICE_FIELD_TYPES = {"dropdown", "multiselect", "radio", "checkboxes", "self_described"}

META_COLUMNS = [
    ("reference", _("Reference"), lambda s: s.reference),
    ("submit_time", _("Sent"), lambda s: timezone.localtime(s.submit_time).isoformat()),
    ("language", _("Applicant's language"), lambda s: s.page.locale.language_code),
    ("status", _("Status"), lambda s: s.get_status_display()),
    ("assignee", _("Assignee"), lambda s: s.assignee.get_username() if s.assignee else ""),
]


def safe_cell(value):
    text = display_answer(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def field_choices(field):
    """A form field's choices, split the way Wagtail's form builder splits them."""
    return [value for value, _label in FormBuilder([]).get_formatted_field_choices(field)]


def choice_translations(versions):
    """{page id: {clean name: {choice as the applicant read it: choice in the source}}}.

    ``versions`` are the form's pages, source language first. A translated
    field shares its source field's ``translation_key``, and its choices are
    the source's choices in the same order.
    """
    if not versions:
        return {}
    source_choices = {
        field.translation_key: field_choices(field)
        for field in versions[0].get_form_fields()
        if getattr(field, "translation_key", None) and field.field_type in CHOICE_FIELD_TYPES
    }
    mapping = {}
    for page in versions[1:]:
        by_name = {}
        for field in page.get_form_fields():
            source = source_choices.get(getattr(field, "translation_key", None))
            if source is None:
                continue
            translated = field_choices(field)
            if len(translated) == len(source):
                by_name[field.clean_name] = dict(zip(translated, source, strict=True))
        mapping[page.pk] = by_name
    return mapping


def in_source_language(data, choices):
    """The answers with each choice put back into the source language; own words untouched."""
    converted = {}
    for name, value in data.items():
        names = choices.get(name)
        if names and isinstance(value, list):
            value = [names.get(item, item) for item in value]
        elif names and isinstance(value, str):
            value = names.get(value, value)
        converted[name] = value
    return converted


def export_rows(submissions, meta_columns, answer_fields, versions=()):
    """The heading row, then one row per submission, every cell safe from formula injection."""
    meta = [column for column in META_COLUMNS if column[0] in meta_columns]
    choices = choice_translations(list(versions))
    yield [str(label) for _name, label, _get in meta] + [
        str(label) for _name, label in answer_fields
    ]
    for submission in submissions:
        data = in_source_language(submission.form_data or {}, choices.get(submission.page_id, {}))
        yield [safe_cell(get(submission)) for _name, _label, get in meta] + [
            safe_cell(data.get(name)) for name, _label in answer_fields
        ]


def export_csv(submissions, meta_columns, answer_fields, versions=()):
    """The CSV text, starting with a UTF-8 byte order mark."""
    buffer = io.StringIO()
    buffer.write(UTF8_BOM)
    writer = csv.writer(buffer)
    writer.writerows(export_rows(submissions, meta_columns, answer_fields, versions))
    return buffer.getvalue()


def export_xlsx(submissions, meta_columns, answer_fields, versions=()):
    """The same rows as an Excel workbook (openpyxl, which Wagtail's own exports use)."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for row in export_rows(submissions, meta_columns, answer_fields, versions):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
