import signal

from django.core.management.base import BaseCommand

from operations.scheduler import Scheduler


class Command(BaseCommand):
    help = (
        "Run the portal's periodic jobs until stopped: publish_scheduled and the notification "
        "re-queue every minute; the retention purge, task-result pruning and expired sessions "
        "daily. Safe to start twice: only one scheduler acts at a time."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--tick", type=int, default=60, help="Seconds between checks (default: 60)."
        )
        parser.add_argument(
            "--once", action="store_true", help="Run the due jobs once and exit (for tests)."
        )

    def handle(self, *args, tick, once, **options):
        scheduler = Scheduler(tick=tick)
        if once:
            ran = scheduler.run_once()
            self.stdout.write("Ran: " + (", ".join(ran) if ran else "nothing (not the leader)"))
            return

        def stop(_signum, _frame):
            scheduler.stopping = True

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        scheduler.run_forever()
