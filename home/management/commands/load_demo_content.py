from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

# Each module gives load(context); the order follows the page tree.
DEMO_LOADERS = [
    "home.demo.site",
    "taxonomy.demo",
    "initiatives.demo",
    "practices.demo",
    "funding.demo",
    "forms.demo",
    "home.demo.menu",
    "home.demo.translations",
]


class LoadContext:
    """What loaders share: the home page, and counts for the summary."""

    def __init__(self):
        self.home = None
        self.initiative_index = None
        self.created = 0
        self.existing = 0

    def count(self, _obj, created):
        if created:
            self.created += 1
        else:
            self.existing += 1


class Command(BaseCommand):
    help = (
        "Create the portal's page tree and demo content. Safe to run again: "
        "only what is missing is created."
    )

    def handle(self, *args, **options):
        context = LoadContext()
        with transaction.atomic():
            for path in DEMO_LOADERS:
                import_module(path).load(context)
        self.stdout.write(
            f"Demo content: {context.created} created, {context.existing} already there."
        )
