from django.conf import settings
from django.core.management.base import BaseCommand
from django.test.utils import override_settings

from forms.notifications import requeue_unsent


class Command(BaseCommand):
    help = (
        "Queue again the notification and confirmation emails of submissions that were not "
        "sent (for example because the mail server was down). Run every few minutes on the "
        "worker host."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--retry-after",
            type=int,
            default=settings.FORMS_NOTIFICATION_RETRY_AFTER,
            help="Skip submissions queued less than this many seconds ago (default: "
            "FORMS_NOTIFICATION_RETRY_AFTER).",
        )

    def handle(self, *args, retry_after, **options):
        with override_settings(FORMS_NOTIFICATION_RETRY_AFTER=retry_after):
            count = requeue_unsent()
        self.stdout.write(f"Notifications queued again for {count} submission(s).")
