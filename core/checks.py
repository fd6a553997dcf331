"""The portal's editorial rules as Django system checks, over every model Wagtail knows.

They read Wagtail's registries (page types, snippets, site settings), so a new
model is checked the moment it exists; no list to keep by hand. They run with
``manage.py check`` (``make test`` fails on any of them) and at every start.

- ``core.E001`` every field an editor fills in has help text;
- ``core.E002`` every page type has its template;
- ``core.E003`` every page type is a :class:`core.base_page.BasePage` and leaves
  ``serve`` and ``edit_handler`` to it (cache headers and tabs applied once);
- ``core.E004`` every form type is moderated: its moderators are shown on the
  edit form (read-only where naming them is a privilege of its own) and its
  responses are never cached;
- ``core.E005`` every snippet is translatable.
"""

from pathlib import Path

from django.conf import settings
from django.core import checks
from django.db import models
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from wagtail.models import Page, TranslatableMixin, get_page_models

from .base_page import BasePage

# Fields Wagtail or the translation machinery fill in, not the editor.
PAGE_BASE_FIELDS = frozenset(field.name for field in Page._meta.get_fields())
MANAGED_FIELDS = frozenset({"locale", "translation_key", "site", "slug", "kind"})
MODERATOR_FIELDS = ("moderator_group", "moderator_users")


def is_project_model(model):
    """Whether the model belongs to one of the portal's own apps (not Wagtail's or a package's)."""
    path = Path(model._meta.app_config.path).resolve()
    return path.is_relative_to(Path(settings.BASE_DIR)) and "site-packages" not in path.parts


def project_page_models():
    return [model for model in get_page_models() if is_project_model(model)]


def project_snippet_models():
    from wagtail.snippets.models import get_snippet_models

    return [model for model in get_snippet_models() if is_project_model(model)]


def project_setting_models():
    from wagtail.contrib.settings.registry import registry

    return [model for model in registry if is_project_model(model)]


def fields_without_help_text(model):
    base = PAGE_BASE_FIELDS if issubclass(model, Page) else frozenset()
    return [
        field.name
        for field in model._meta.get_fields()
        if isinstance(field, models.Field)
        and field.editable
        and not field.auto_created
        and field.name not in base
        and field.name not in MANAGED_FIELDS
        and not field.help_text
    ]


def check_help_text(models_to_check):
    return [
        checks.Error(
            f"{model.__name__}.{name} has no help text.",
            hint="Say what the field is for and what good content looks like.",
            obj=model,
            id="core.E001",
        )
        for model in models_to_check
        for name in fields_without_help_text(model)
    ]


def check_templates(page_models):
    errors = []
    for model in page_models:
        try:
            get_template(model.template)
        except TemplateDoesNotExist:
            errors.append(
                checks.Error(
                    f"{model.__name__} has no template {model.template}.",
                    obj=model,
                    id="core.E002",
                )
            )
    return errors


def check_base_page(page_models):
    errors = []
    for model in page_models:
        problem = None
        if not issubclass(model, BasePage):
            problem = "does not inherit core.base_page.BasePage"
        elif model.serve is not BasePage.serve:
            problem = "overrides serve(); override serve_page() so BasePage's headers apply"
        elif "edit_handler" in vars(model) or any(
            "edit_handler" in vars(base) for base in model.__mro__[1:] if base is not BasePage
        ):
            problem = "declares an edit_handler; declare panels and extra_tabs instead"
        if problem:
            errors.append(checks.Error(f"{model.__name__} {problem}.", obj=model, id="core.E003"))
    return errors


def panel_field_names(panel):
    """The fields a (bound) panel and its children show, editable or read-only."""
    names = {panel.field_name} if getattr(panel, "field_name", None) else set()
    for child in getattr(panel, "children", ()):
        names |= panel_field_names(child)
    return names


def check_forms_moderated(page_models):
    from wagtail.contrib.forms.models import FormMixin

    errors = []
    for model in page_models:
        if not issubclass(model, FormMixin):
            continue
        shown = panel_field_names(model.get_edit_handler())
        missing = [name for name in MODERATOR_FIELDS if name not in shown]
        if missing or not getattr(model, "private_responses", False):
            errors.append(
                checks.Error(
                    f"{model.__name__} is a form type without moderation "
                    f"(moderator fields not on its edit form: {missing}; "
                    f"private_responses={getattr(model, 'private_responses', None)}).",
                    hint="Inherit forms.models.ModeratedFormPage.",
                    obj=model,
                    id="core.E004",
                )
            )
    return errors


def check_snippets_translatable(snippet_models):
    return [
        checks.Error(
            f"{model.__name__} is a snippet that cannot be translated.",
            hint="Inherit wagtail.models.TranslatableMixin.",
            obj=model,
            id="core.E005",
        )
        for model in snippet_models
        if not issubclass(model, TranslatableMixin)
    ]


@checks.register(checks.Tags.models)
def editorial_rules(app_configs=None, **kwargs):
    pages = project_page_models()
    snippets = project_snippet_models()
    return [
        *check_help_text([*pages, *snippets, *project_setting_models()]),
        *check_templates(pages),
        *check_base_page(pages),
        *check_forms_moderated(pages),
        *check_snippets_translatable(snippets),
    ]
