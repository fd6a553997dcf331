"""The portal's clock: periodic jobs in one long-running process, no host cron.

``manage.py run_scheduler`` runs each job of ``JOBS`` at its interval. Only
one scheduler acts at a time, even if two are started by accident: each
holds out for a leader lock first (a PostgreSQL advisory lock, held by its
database session, so it is released when the process or the database goes
away; on SQLite, which serves one host, an exclusive lock on a file in
VAR_DIR). A scheduler that is not the leader waits and takes over within a
tick when the leader stops. Every job is safe to run twice anyway.
"""

import fcntl
import logging
import os
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections, connection

logger = logging.getLogger(__name__)

MINUTE = 60
DAY = 24 * 60 * 60
# Any fixed 64-bit number, the same in every scheduler process.
ADVISORY_LOCK_KEY = 7_262_000_111


@dataclass(frozen=True)
class Job:
    name: str
    interval: int
    command: tuple
    # Only where tasks are kept in the database (not with the immediate backend).
    database_tasks_only: bool = False


def database_tasks():
    return settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db.")


JOBS = (
    # Editors' go-live and expiry dates.
    Job("publish_scheduled", MINUTE, ("publish_scheduled",)),
    # Notifications whose task failed or was lost (mail server down, worker killed).
    Job("requeue_form_notifications", MINUTE, ("requeue_form_notifications",)),
    # Each form's retention period.
    Job("purge_expired_submissions", DAY, ("purge_expired_submissions",)),
    # Finished task results (ids and outcomes only) after a day.
    Job(
        "prune_db_task_results",
        DAY,
        ("prune_db_task_results", "--min-age-days", "1", "--queue-name", "*"),
        database_tasks_only=True,
    ),
    # Expired admin sessions.
    Job("clearsessions", DAY, ("clearsessions",)),
)


class LeaderLock:
    """Held by at most one scheduler at a time (see the module docstring)."""

    def __init__(self):
        self._file = None
        self._session = None

    def acquire(self):
        """True if this process is the leader now (taking the lock if it is free)."""
        if connection.vendor == "postgresql":
            return self._acquire_advisory()
        return self._acquire_file()

    def _acquire_advisory(self):
        connection.ensure_connection()
        session = id(connection.connection)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_LOCK_KEY])
            held = cursor.fetchone()[0]
            if held and session == self._session:
                # Already ours on this session: keep the lock's count at one.
                cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_KEY])
        self._session = session if held else None
        return held

    def _acquire_file(self):
        if self._file is None:
            path = settings.VAR_DIR / "scheduler.lock"
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(path, "a")  # noqa: SIM115 (held for the process's life)
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                return False
            self._file = handle
        return True


class Scheduler:
    def __init__(self, jobs=JOBS, tick=MINUTE):
        self.jobs = jobs
        self.tick = tick
        self.lock = LeaderLock()
        self.last_run = {}
        self.stopping = False

    def due(self, now):
        return [
            job
            for job in self.jobs
            if now - self.last_run.get(job.name, float("-inf")) >= job.interval - 1
            and (database_tasks() or not job.database_tasks_only)
        ]

    def run_once(self, now=None):
        """Run the jobs that are due, if this process is the leader. Returns their names."""
        now = time.monotonic() if now is None else now
        close_old_connections()
        try:
            leader = self.lock.acquire()
        except Exception:
            logger.exception("Scheduler: the leader lock could not be checked (database down?).")
            return []
        if not leader:
            logger.info("Scheduler: another scheduler is active; standing by.")
            return []
        ran = []
        for job in self.due(now):
            try:
                call_command(*job.command, verbosity=0)
            except Exception:
                # Logged with its traceback; the job runs again at its next tick.
                logger.exception("Scheduler: %s failed.", job.name)
                close_old_connections()
                continue
            self.last_run[job.name] = now
            ran.append(job.name)
        return ran

    def run_forever(self):
        logger.warning("Scheduler started (pid %s), tick %s s.", os.getpid(), self.tick)
        while not self.stopping:
            started = time.monotonic()
            self.run_once(started)
            # Sleep to the next tick in small steps, so SIGTERM stops within a second.
            while not self.stopping and time.monotonic() - started < self.tick:
                time.sleep(min(1.0, self.tick))
        logger.warning("Scheduler stopped.")
