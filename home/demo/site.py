"""The home page, the site record, the locales and the standard pages."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale, Page, Site

from core.models import PortalSettings
from home.models import HomePage, StandardPage

from .pages import ensure_child_page, root_page
from .standard_pages import HOME, STANDARD_PAGES, PageBySlug


def load(context):
    ensure_locales()
    home = ensure_home_page()
    ensure_site(home)
    pages = {}
    for spec in STANDARD_PAGES:
        page, created = ensure_child_page(
            home,
            StandardPage,
            spec["slug"],
            title=spec["title"],
            introduction=spec["introduction"],
            show_in_menus=spec["slug"] == "about",
        )
        pages[spec["slug"]] = (page, spec)
        context.count(page, created)
    for page, spec in pages.values():
        if not page.body:
            page.body = resolve_page_refs(spec["body"], home)
            page.save_revision().publish()
    ensure_settings(home, pages)
    context.home = home


def ensure_locales():
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def ensure_home_page():
    root = root_page()
    locale = Locale.get_default()
    existing = HomePage.objects.filter(depth=2, locale=locale).first()
    if existing is not None:
        return existing
    # Wagtail's first migration creates a placeholder "Welcome" page; the
    # portal's home page takes its place.
    for placeholder in root.get_children().filter(locale=locale).exact_type(Page):
        placeholder.delete()
    home = HomePage(
        title=HOME["title"],
        introduction=HOME["introduction"],
        slug="home",
        locale=locale,
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


def ensure_site(home):
    url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    port = url.port or (443 if url.scheme == "https" else 80)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True)
    if site.root_page_id != home.pk or site.hostname != url.hostname or site.port != port:
        site.hostname = url.hostname
        site.port = port
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()
    return site


def ensure_settings(home, pages):
    site = Site.objects.get(root_page=home)
    portal_settings = PortalSettings.for_site(site)
    wanted = {
        "privacy_page": pages["privacy"][0],
        "accessibility_page": pages["accessibility"][0],
        "safety_page": pages["safety"][0],
    }
    changed = False
    for field, page in wanted.items():
        if getattr(portal_settings, f"{field}_id") is None:
            setattr(portal_settings, field, page)
            changed = True
    if changed:
        portal_settings.save()


def resolve_page_refs(blocks, home):
    """Replace PageBySlug placeholders in block values with the pages themselves."""

    def resolve(value):
        if isinstance(value, PageBySlug):
            return Page.objects.descendant_of(home).get(slug=str(value))
        if isinstance(value, dict):
            return {key: resolve(item) for key, item in value.items()}
        return value

    return [(block_type, resolve(value)) for block_type, value in blocks]
