"""The "Choice or own words" question, and the renderer that finds its template.

Used for the self-described gender and country questions of board
applications: the person picks one of the editor's choices, writes their own
answer, or says they prefer not to say. Only one of the three is kept.
"""

from functools import cached_property
from pathlib import Path

import django.forms
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_lazy as _

PREFER_NOT_TO_SAY = "prefer_not_to_say"
OWN_WORDS_MAX_LENGTH = 100


class PortalFormRenderer(DjangoTemplates):
    """Django's default form renderer, plus the project's ``templates/`` folder.

    The portal's widget templates live with its other templates
    (``templates/forms/widgets/``) instead of inside an app.
    """

    @cached_property
    def engine(self):
        dirs = [*settings.TEMPLATES[0]["DIRS"], Path(django.forms.__file__).parent / "templates"]
        return self.backend({"APP_DIRS": True, "DIRS": dirs, "NAME": "portalforms", "OPTIONS": {}})


class SelfDescribedWidget(forms.MultiWidget):
    template_name = "forms/widgets/self_described.html"
    use_fieldset = True

    def __init__(self, choices, attrs=None):
        self.has_editor_choices = bool(choices)
        all_choices = [*choices, (PREFER_NOT_TO_SAY, _("Prefer not to say"))]
        super().__init__([forms.RadioSelect(choices=all_choices), forms.TextInput], attrs)

    def decompress(self, value):
        if not value:
            return ["", ""]
        choices = {str(key) for key, _label in self.widgets[0].choices}
        return [value, ""] if value in choices else ["", value]

    def first_input_suffix(self):
        """The input shown first: the first choice, or the own-words box when there is none."""
        return "0_0" if self.has_editor_choices else "1"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["has_editor_choices"] = self.has_editor_choices
        context["widget"]["prefer_not_value"] = PREFER_NOT_TO_SAY
        return context


class SelfDescribedField(forms.MultiValueField):
    """One answer: a choice, the person's own words, or "prefer not to say"."""

    def __init__(self, choices, **kwargs):
        kwargs.pop("max_length", None)
        all_choices = [*choices, (PREFER_NOT_TO_SAY, _("Prefer not to say"))]
        fields = [
            forms.ChoiceField(choices=all_choices, required=False),
            forms.CharField(required=False, max_length=OWN_WORDS_MAX_LENGTH),
        ]
        super().__init__(
            fields=fields,
            widget=SelfDescribedWidget(choices),
            require_all_fields=False,
            **kwargs,
        )

    def compress(self, data_list):
        if not data_list:
            return ""
        choice, own_words = data_list[0] or "", (data_list[1] or "").strip()
        if choice and own_words:
            raise ValidationError(
                _("Choose one of the options or write your own answer, not both."),
                code="both",
            )
        return own_words or choice


def display_answer(value):
    """An answer as a moderator reads it."""
    if value == PREFER_NOT_TO_SAY:
        return str(_("Prefer not to say"))
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return str(_("Yes")) if value else str(_("No"))
    if value is None:
        return ""
    return str(value)
