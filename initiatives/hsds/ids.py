"""Stable HSDS ids: the same for a record in every language and on every harvest.

Each id is a UUID 5 of this portal's namespace and what the record stands
for (an initiative's or taxonomy item's translation key, which every
translation shares), so a harvester sees an update, never a new record,
when a page is edited or translated.
"""

import uuid

NAMESPACE = uuid.UUID("2f0a6c1e-6b4e-5a51-9d0c-6f70656e6461")


def stable_id(kind, *keys):
    """A UUID string for the record of ``kind`` identified by ``keys``."""
    return str(uuid.uuid5(NAMESPACE, ":".join([kind, *(str(key) for key in keys)])))


def organization_id(initiative):
    return stable_id("organization", initiative.translation_key)


def service_id(initiative, area):
    return stable_id("service", initiative.translation_key, area.translation_key)


def taxonomy_id(model):
    return stable_id("taxonomy", model._meta.label_lower)


def taxonomy_term_id(item):
    return stable_id("taxonomy_term", type(item)._meta.label_lower, item.translation_key)
