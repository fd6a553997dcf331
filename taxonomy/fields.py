"""How pages point at taxonomy snippets."""

from django.conf import settings
from modelcluster.fields import ParentalManyToManyField


def in_default_language():
    """Taxonomy choices are made in the default language and shared by translations."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


def taxonomy_choices(model, verbose_name, help_text):
    """Any number of entries of a taxonomy, chosen on the source page.

    Translations of the page keep the same entries (the field is synchronised),
    and each language shows them under its own translated names.
    """
    return ParentalManyToManyField(
        model,
        verbose_name=verbose_name,
        blank=True,
        related_name="+",
        limit_choices_to=in_default_language,
        help_text=help_text,
    )
