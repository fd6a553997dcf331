"""Translatable taxonomies shared by initiatives, practices and funding.

Pages always point at the default-language item (wagtail-localize keeps
these choices synchronised across translations), so a filter such as
``?country=XK`` means the same thing in every language. Names are shown in
the visitor's language through :mod:`taxonomy.names`.
"""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

KOSOVO_CODE = "XK"


class TaxonomyItem(TranslatableMixin, index.Indexed, models.Model):
    """A named, translatable item with a stable key used in URLs."""

    name = models.CharField(_("name"), max_length=120, help_text=_("Shown to visitors."))

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Country(TaxonomyItem):
    code = models.CharField(
        _("ISO code"),
        max_length=2,
        validators=[RegexValidator(r"^[A-Z]{2}$", _("Two capital letters, e.g. AL or XK."))],
        help_text=_(
            "ISO 3166-1 alpha-2 code in capitals (Kosovo: XK). Used in filter addresses; "
            "the same in every language."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("code")]
    override_translatable_fields = [TranslatableField("name"), SynchronizedField("code")]

    class Meta(TaxonomyItem.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.UniqueConstraint(
                fields=["code", "locale"], name="unique_country_code_per_locale"
            )
        ]

    @property
    def is_kosovo(self):
        return self.code == KOSOVO_CODE


class InitiativeType(TaxonomyItem):
    slug = models.SlugField(
        _("slug"), max_length=60, help_text=_("Used in filter addresses, e.g. advisory-body.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    override_translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TaxonomyItem.Meta):
        verbose_name = _("initiative type")
        verbose_name_plural = _("initiative types")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_type_slug_per_locale")
        ]


class AreaOfWork(TaxonomyItem):
    slug = models.SlugField(
        _("slug"), max_length=60, help_text=_("Used in filter addresses, e.g. victim-support.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    override_translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TaxonomyItem.Meta):
        verbose_name = _("area of work")
        verbose_name_plural = _("areas of work")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_area_slug_per_locale")
        ]


class WorkingLanguage(TaxonomyItem):
    code = models.CharField(
        _("language code"),
        max_length=12,
        validators=[
            RegexValidator(r"^[a-z]{2,3}(-[a-z]{2,4})?$", _("A code such as sq, sr or cnr."))
        ],
        help_text=_("ISO 639 code in lower case, e.g. sq, sr, cnr. Used in filter addresses."),
    )

    panels = [FieldPanel("name"), FieldPanel("code")]
    override_translatable_fields = [TranslatableField("name"), SynchronizedField("code")]

    class Meta(TaxonomyItem.Meta):
        verbose_name = _("language of work")
        verbose_name_plural = _("languages of work")
        constraints = [
            models.UniqueConstraint(
                fields=["code", "locale"], name="unique_language_code_per_locale"
            )
        ]


class OhchrProvision(TaxonomyItem):
    """One of the UN OHCHR Recommended Principles (17) or Guidelines (11)."""

    PRINCIPLE = "principle"
    GUIDELINE = "guideline"
    KIND_CHOICES = [(PRINCIPLE, _("Principle")), (GUIDELINE, _("Guideline"))]

    kind = models.CharField(_("kind"), max_length=10, choices=KIND_CHOICES)
    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("Its number in the OHCHR document.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=20,
        help_text=_("Used in filter addresses, e.g. principle-3 or guideline-6."),
    )
    group = models.CharField(
        _("group"),
        max_length=120,
        blank=True,
        help_text=_("For principles: the group it belongs to, e.g. Protection and assistance."),
    )

    panels = [FieldPanel("kind"), FieldPanel("number"), FieldPanel("name"), FieldPanel("group")]
    override_translatable_fields = [
        TranslatableField("name"),
        TranslatableField("group"),
        SynchronizedField("kind"),
        SynchronizedField("number"),
        SynchronizedField("slug"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-kind", "number"]
        verbose_name = _("OHCHR principle or guideline")
        verbose_name_plural = _("OHCHR principles and guidelines")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="unique_provision_slug_per_locale"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}: {self.name}"

    def save(self, *args, **kwargs):
        self.slug = f"{self.kind}-{self.number}"
        super().save(*args, **kwargs)
