"""Load the demo content from ``demo/content/*.yaml`` into the database.

``content/index.yaml`` lists the files in the order they load. Each file is a
list of sections; a section names a ``model`` (its class name, or
``app_label.Model``) and lists its ``items``, each a mapping of field names to
values. Optional: ``common`` (fields every item of the section has, unless it
says otherwise), ``parent`` (pages: where they go) and ``key`` (other objects:
the fields that find an existing one).

What is missing is created; what exists is left alone, even if it differs
from the file (editors may have changed it), so loading twice changes
nothing. The rules, one per kind of model or value:

- **Pages** go under ``parent``, a slug path from the root of the page tree
  (``home``, ``home/initiatives``), and exist when the parent has a child with
  their ``slug``. A page whose parent is the root (``parent: ""``) is a home
  page: it replaces Wagtail's placeholder page there and becomes the root of
  the default site, whose host and port come from ``WAGTAILADMIN_BASE_URL``.
  New pages are published once every page of every file exists, so that any
  page may link to any other.
- **Site settings** (e.g. ``PortalSettings``) are those of the default site;
  each field given is set if it is still empty.
- **Other objects** (snippets, groups, users, workflows) exist when an object
  has the same ``key`` (by default the model's natural key: its ``code``,
  ``slug``, ``username`` or ``name``, whichever it has first) and, for
  translatable models, the default locale. New users get no usable password.
- **Links to other objects** (foreign keys, many-to-many fields, chooser
  blocks) name them: a page by its slug path (``home/initiatives/istac``),
  anything else by its natural key in the default locale (``XK``,
  ``advisory-body``, ``Form moderators``), or by a mapping of lookup fields
  (``{codename: access_admin, content_type__app_label: wagtailadmin}``).
- **StreamFields** are written as the block JSON Wagtail stores, less the
  block ids: a list of ``{type, value}``.
- **Inline children** (form fields, related practices) are a list of
  mappings, numbered in the order written; ``preset`` instead takes the page
  type's ``preset_form_fields()``, the questions a new page of that type
  starts with in the admin.
- **Relative dates**: ``{days_from_today: 30}`` is today plus 30 days for a
  date, the current hour plus 30 days for a date and time.

Translations are not here: ``demo.catalogues`` imports them from the PO files in
``demo/translations/``.
"""

import datetime
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, Site, TranslatableMixin

CONTENT_DIR = Path(__file__).resolve().parent / "content"
NATURAL_KEYS = ("code", "slug", "username", "name")


def content_files():
    """The content files, in the order ``content/index.yaml`` gives."""
    return [CONTENT_DIR / name for name in read_yaml(CONTENT_DIR / "index.yaml")]


def read_yaml(path):
    with open(path, encoding="utf-8") as stream:
        return yaml.safe_load(stream)


def sections():
    """Every section of every content file, in loading order."""
    return [
        {**section, "file": path.name} for path in content_files() for section in read_yaml(path)
    ]


def items(model_name):
    """Every item of ``model_name`` in the content, with its section's ``common`` fields."""
    return [
        {**section.get("common", {}), **item}
        for section in sections()
        if section["model"] == model_name
        for item in section["items"]
    ]


def model_named(name):
    if "." in name:
        return apps.get_model(name)
    matches = [model for model in apps.get_models() if model.__name__ == name]
    if len(matches) != 1:
        raise LookupError(f"{len(matches)} models are called {name!r}: write app_label.{name}")
    return matches[0]


def translatable_models():
    """Translatable snippets the content defines (pages aside), in the order written."""
    found = []
    for section in sections():
        model = model_named(section["model"])
        translatable = issubclass(model, TranslatableMixin) and not issubclass(model, Page)
        if translatable and model not in found:
            found.append(model)
    return found


class Loader:
    def __init__(self):
        self.locale = Locale.get_default()
        self.created = 0
        self.existing = 0
        self.to_finish = []  # (object, fields to set once every page exists, where written)
        self.where = ""

    def load(self):
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
            Locale.objects.get_or_create(language_code=code)
        for section in sections():
            self.where = f"demo/content/{section['file']}, {section['model']}"
            with noted(self.where):
                self.load_section(section)
        for obj, fields, where in self.to_finish:
            with noted(f"{where}: {obj}"):
                for name, value in fields.items():
                    self.set_field(obj, name, value)
                if isinstance(obj, Page):
                    obj.save_revision().publish()
                else:
                    obj.save()

    def load_section(self, section):
        model = model_named(section["model"])
        for item in section["items"]:
            fields = {**section.get("common", {}), **item}
            if issubclass(model, Page):
                self.ensure_page(model, section["parent"], fields)
            elif issubclass(model, BaseSiteSetting):
                self.ensure_settings(model, fields)
            else:
                self.ensure_object(model, section.get("key"), fields)

    # Pages, settings, other objects ----------------------------------------

    def ensure_page(self, model, parent_path, fields):
        parent = self.page(parent_path)
        existing = parent.get_children().filter(slug=fields["slug"]).first()
        if existing is not None and parent.is_root() and existing.specific_class is Page:
            existing.delete()  # Wagtail's "Welcome to your new Wagtail site!" placeholder
            existing = None
        if existing is not None:
            self.existing += 1
        else:
            page = model(locale=self.locale)
            later = self.set_now(page, fields)
            parent.add_child(instance=page)
            self.to_finish.append((page, later, self.where))
            self.created += 1
        if parent.is_root():
            self.ensure_default_site(existing or page)

    def ensure_default_site(self, home):
        url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        port = url.port or (443 if url.scheme == "https" else 80)
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        if (site.root_page_id, site.hostname, site.port) != (home.pk, url.hostname, port):
            site.root_page, site.hostname, site.port = home, url.hostname, port
            site.site_name = settings.WAGTAIL_SITE_NAME
            site.save()

    def ensure_settings(self, model, fields):
        instance = model.for_site(Site.objects.get(is_default_site=True))
        empty = {
            name: value
            for name, value in fields.items()
            if not getattr(instance, model._meta.get_field(name).attname)
        }
        if empty:
            self.to_finish.append((instance, empty, self.where))

    def ensure_object(self, model, key, fields):
        key = key or natural_key(model)
        names = [key] if isinstance(key, str) else key
        lookup = {name: self.value(model._meta.get_field(name), fields[name]) for name in names}
        if issubclass(model, TranslatableMixin):
            lookup["locale"] = self.locale
        if model.objects.filter(**lookup).exists():
            self.existing += 1
            return
        instance = model(**lookup)
        many = {
            name: fields.pop(name)
            for name in list(fields)
            if model._meta.get_field(name).many_to_many
        }
        later = self.set_now(instance, fields)
        if model is get_user_model():
            instance.set_unusable_password()
        instance.save()
        for name, value in many.items():
            self.set_field(instance, name, value)
        if later:
            self.to_finish.append((instance, later, self.where))
        self.created += 1

    def set_now(self, instance, fields):
        """Set the fields that need no other page; return the others."""
        later = {}
        for name, value in fields.items():
            if needs_every_page(instance._meta.get_field(name)):
                later[name] = value
            else:
                self.set_field(instance, name, value)
        return later

    # Values ----------------------------------------------------------------

    def set_field(self, instance, name, value):
        field = instance._meta.get_field(name)
        if isinstance(field, StreamField):
            setattr(instance, name, self.stream(field.stream_block, value))
        elif field.one_to_many:
            setattr(instance, name, self.children(instance, field.related_model, value))
        elif field.many_to_many and not isinstance(field, ParentalManyToManyField):
            getattr(instance, name).set([self.find(field.related_model, v) for v in value])
        elif field.many_to_many:
            setattr(instance, name, [self.find(field.related_model, v) for v in value])
        else:
            setattr(instance, field.name, self.value(field, value))

    def value(self, field, value):
        if value is None:
            return None
        if field.is_relation:
            return self.find(field.related_model, value)
        if isinstance(value, dict) and "days_from_today" in value:
            days = datetime.timedelta(days=value["days_from_today"])
            if field.get_internal_type() == "DateTimeField":
                return timezone.now().replace(minute=0, second=0, microsecond=0) + days
            return timezone.localdate() + days
        return value

    def children(self, parent, model, value):
        if value == "preset":
            children = parent.preset_form_fields()
        else:
            children = []
            for fields in value:
                child = model()
                for name, item in fields.items():
                    self.set_field(child, name, item)
                children.append(child)
        if issubclass(model, Orderable):
            for number, child in enumerate(children):
                child.sort_order = number
        return children

    def stream(self, stream_block, data):
        """StreamField data from block JSON, with the pages and objects it names found."""
        value = stream_block.to_python(self.block_links(stream_block, data))
        # As (type, value) pairs, so Wagtail stores them as the admin would.
        return [(child.block_type, child.value) for child in value]

    def block_links(self, block, data):
        if isinstance(block, blocks.ChooserBlock) and isinstance(data, str | dict):
            return self.find(block.target_model, data).pk
        if isinstance(block, blocks.StreamBlock):
            children = block.child_blocks
            return [
                {**child, "value": self.block_links(children[child["type"]], child["value"])}
                for child in data
            ]
        if isinstance(block, blocks.StructBlock):
            return {
                name: self.block_links(block.child_blocks[name], item)
                for name, item in data.items()
            }
        if isinstance(block, blocks.ListBlock):
            return [self.block_links(block.child_block, item) for item in data]
        return data

    def find(self, model, key):
        if issubclass(model, Page) and isinstance(key, str):
            return self.page(key)
        lookup = dict(key) if isinstance(key, dict) else {natural_key(model): key}
        if issubclass(model, TranslatableMixin):
            lookup.setdefault("locale", self.locale)
        return model.objects.get(**lookup)

    def page(self, path):
        """The page at a slug path from the root, e.g. ``home/initiatives/istac``."""
        if not path:
            return Page.get_first_root_node()
        return Page.objects.get(locale=self.locale, url_path=f"/{path.strip('/')}/").specific


def natural_key(model):
    names = {field.name for field in model._meta.get_fields()}
    return next(name for name in NATURAL_KEYS if name in names)


@contextmanager
def noted(where):
    """Errors say which file and section they come from."""
    try:
        yield
    except Exception as error:
        error.add_note(f"While loading {where}")
        raise


def needs_every_page(field):
    """StreamFields, inline children and links to pages wait until every page exists."""
    if isinstance(field, StreamField) or field.one_to_many:
        return True
    return bool(field.is_relation and issubclass(field.related_model, Page))
