from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Everything `make run` does before serving, in one process: migrate, load the demo "
        "content, compile the translations and print the demo administrator's login."
    )

    def handle(self, *args, **options):
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_demo_content")
        call_command("compile_translations")
        call_command("demo_admin")
