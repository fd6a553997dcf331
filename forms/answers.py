"""Reading a submission's answers with the labels moderators understand."""

from forms.moderation import canonical_page
from forms.widgets import display_answer


def labelled_fields(page):
    """[(clean_name, label)] of a form, labelled in its default-language version."""
    canonical = canonical_page(page)
    return canonical.answer_labels()


def labelled_answers(submission, fields=None):
    """[(label, answer as text)] for every question, then any answer to a removed question."""
    fields = fields if fields is not None else labelled_fields(submission.page)
    data = submission.form_data or {}
    rows = [(label, display_answer(data.get(name))) for name, label in fields]
    known = {name for name, _label in fields}
    rows += [(name, display_answer(value)) for name, value in data.items() if name not in known]
    return rows
