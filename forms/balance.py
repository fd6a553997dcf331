"""The balance view of a board call: who is shortlisted and accepted, in aggregate.

The selection criteria ask for gender balance and, where relevant,
geographic spread and diverse expertise. This counts the answers to the
questions marked "counts towards balance by" among shortlisted and accepted
applicants, across every language of the call. Choices answered in a
translation are counted under the default-language choice in the same
position, so "Shqipëri" and "Albania" are one country.
"""

from collections import Counter

from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import _split_by_newline_or_comma

from forms.models import SubmissionStatus
from forms.widgets import PREFER_NOT_TO_SAY

BALANCE_STATUSES = [SubmissionStatus.SHORTLISTED, SubmissionStatus.ACCEPTED]
NOT_STATED = _("Not stated")


def _choices(field):
    return _split_by_newline_or_comma(field.choices) if field.choices.strip() else []


def choice_translations(versions, dimension):
    """{translated choice: default-language choice} for one balance question."""
    canonical_fields = versions[0].balance_fields()
    canonical = canonical_fields.get(dimension)
    if canonical is None:
        return None, {}
    canonical_choices = _choices(canonical)
    mapping = {}
    for version in versions:
        field = version.balance_fields().get(dimension)
        if field is None:
            continue
        for position, choice in enumerate(_choices(field)):
            if position < len(canonical_choices):
                mapping[choice] = canonical_choices[position]
    return canonical, mapping


def normalise(value, mapping):
    if value in (None, "", []):
        return [str(NOT_STATED)]
    if value == PREFER_NOT_TO_SAY:
        return [str(_("Prefer not to say"))]
    values = value if isinstance(value, list) else [value]
    # Own words are counted as written, ignoring case and spaces around them.
    return [mapping.get(item, str(item).strip()) for item in values]


def balance_counts(versions, submissions):
    """{dimension: {"question": label, "rows": [(answer, shortlisted, accepted, total)]}}."""
    result = {}
    submissions = list(submissions)
    for dimension, dimension_label in [
        ("gender", _("Gender")),
        ("country", _("Country")),
        ("expertise", _("Expertise")),
    ]:
        field, mapping = choice_translations(versions, dimension)
        if field is None:
            continue
        counters = {status: Counter() for status in BALANCE_STATUSES}
        display = {}
        for submission in submissions:
            for answer in normalise((submission.form_data or {}).get(field.clean_name), mapping):
                key = answer.casefold()
                display.setdefault(key, answer)
                counters[submission.status][key] += 1
        keys = sorted(display, key=lambda key: (-sum(c[key] for c in counters.values()), key))
        rows = [
            (
                display[key],
                counters[SubmissionStatus.SHORTLISTED][key],
                counters[SubmissionStatus.ACCEPTED][key],
                sum(c[key] for c in counters.values()),
            )
            for key in keys
        ]
        result[dimension] = {"label": dimension_label, "question": field.label, "rows": rows}
    return result
