from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import AreaOfWork, Country, InitiativeType, OhchrProvision, WorkingLanguage


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "site"
    list_display = ["name", "code", "locale"]
    search_fields = ["name"]


class InitiativeTypeViewSet(SnippetViewSet):
    model = InitiativeType
    icon = "tag"
    list_display = ["name", "slug", "locale"]


class AreaOfWorkViewSet(SnippetViewSet):
    model = AreaOfWork
    icon = "tag"
    list_display = ["name", "slug", "locale"]


class WorkingLanguageViewSet(SnippetViewSet):
    model = WorkingLanguage
    icon = "globe"
    list_display = ["name", "code", "locale"]


class OhchrProvisionViewSet(SnippetViewSet):
    model = OhchrProvision
    icon = "doc-full"
    list_display = ["__str__", "locale"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomies")
    menu_icon = "tag"
    menu_order = 300
    items = (
        CountryViewSet,
        InitiativeTypeViewSet,
        AreaOfWorkViewSet,
        WorkingLanguageViewSet,
        OhchrProvisionViewSet,
    )


register_snippet(TaxonomyViewSetGroup)
