"""CSV export of the fields a moderator chooses."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from forms.widgets import display_answer

# Spreadsheet programs run cells that start with these as formulas.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")

META_COLUMNS = [
    ("reference", _("Reference"), lambda s: s.reference),
    ("submit_time", _("Sent"), lambda s: timezone.localtime(s.submit_time).isoformat()),
    ("language", _("Language"), lambda s: s.page.locale.language_code),
    ("status", _("Status"), lambda s: s.get_status_display()),
    ("assignee", _("Assignee"), lambda s: s.assignee.get_username() if s.assignee else ""),
]


def safe_cell(value):
    text = display_answer(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def export_csv(submissions, meta_columns, answer_fields):
    """The CSV text: chosen metadata columns, then chosen answers (name, label) pairs."""
    meta = [column for column in META_COLUMNS if column[0] in meta_columns]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    headings = [str(label) for _name, label, _get in meta]
    writer.writerow(headings + [label for _name, label in answer_fields])
    for submission in submissions:
        data = submission.form_data or {}
        writer.writerow(
            [safe_cell(get(submission)) for _name, _label, get in meta]
            + [safe_cell(data.get(name)) for name, _label in answer_fields]
        )
    return buffer.getvalue()
