from django.core.management.base import BaseCommand

from forms.retention import purge_expired_submissions


class Command(BaseCommand):
    help = (
        "Delete form submissions whose retention period has ended (each form page sets its "
        "own; by default 12 months after the call closes). Prints counts only. Run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        counts = purge_expired_submissions(dry_run=dry_run)
        verb = "would be deleted" if dry_run else "deleted"
        for page_id, count in sorted(counts.items()):
            self.stdout.write(f"Form page {page_id}: {count} submission(s) {verb}.")
        self.stdout.write(
            f"Expired submissions {verb}: {sum(counts.values())} from {len(counts)} form page(s)."
        )
