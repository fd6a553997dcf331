"""Crashes and outages: app server, worker, Redis, PostgreSQL."""

import re
import secrets
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests

from .cluster import (
    APP_SERVERS,
    LB,
    VAR,
    apply,
    kill,
    last_submission_id,
    manage_python,
    respawn,
    stored_markers,
    visitor,
    wait_until,
)

APPLICANTS = 200


def test_kill_9_of_an_app_server_during_200_applications_loses_none(tmp_path):
    since = last_submission_id()
    run = secrets.token_hex(3)
    killed_at = []
    outcomes = {}
    finished = threading.Semaphore(0)

    def applicant(number):
        marker = f"kill-{run}-{number}"
        started = time.monotonic()
        try:
            status, reference = apply(visitor(), marker)
        except requests.RequestException:
            status, reference = None, None
        outcomes[marker] = (started, status, reference)
        finished.release()

    with ThreadPoolExecutor(max_workers=16) as pool:
        for number in range(APPLICANTS):
            pool.submit(applicant, number)
        for _ in range(APPLICANTS // 4):
            finished.acquire()
        kill("app-8081")
        killed_at.append(time.monotonic())

    accepted = {marker for marker, (_, _, reference) in outcomes.items() if reference}
    stored = stored_markers(since)
    applied = {
        marker: count for marker, count in stored.items() if marker.startswith(f"kill-{run}-")
    }
    # Every application the portal confirmed is stored, and nothing is stored twice.
    assert accepted <= set(applied), sorted(accepted - set(applied))[:5]
    assert set(applied.values()) == {1}, {m: c for m, c in applied.items() if c != 1}
    # The load balancer routed around the dead server: everyone who came a
    # second after the kill was served.
    late = [m for m, (started, _, _) in outcomes.items() if started > killed_at[0] + 1]
    assert late, "the kill came too late to test routing around it"
    assert all(outcomes[m][2] for m in late), [outcomes[m][1] for m in late if not outcomes[m][2]]
    assert len(accepted) >= APPLICANTS - 16  # at most the requests in flight at the kill

    respawn("app-8081")
    assert requests.get(f"{APP_SERVERS[0]}/healthz", timeout=10).status_code == 200


def notified(since):
    return manage_python(
        f"""
import json
from forms.models import ModeratedSubmission
from forms.moderation import moderators_of
rows = []
for s in ModeratedSubmission.objects.filter(pk__gt={since}).select_related("page"):
    rows.append([s.pk, s.reference, bool(s.moderators_notified_at),
                 len([m for m in moderators_of(s.page) if m.email])])
print(json.dumps(rows))
"""
    )


def mails_naming(reference):
    return sum(
        len(re.findall(re.escape(reference), path.read_text(errors="replace")))
        for path in (VAR / "mail").glob("*.log")
    )


def test_worker_killed_and_restarted_loses_no_notification_and_sends_none_twice():
    since = last_submission_id()
    kill("worker")
    references = [apply(visitor(), f"worker-{secrets.token_hex(3)}")[1] for _ in range(6)]
    assert all(references)
    before = set((VAR / "mail").glob("*.log"))
    respawn("worker")
    # Killed again as soon as it has sent the first of them: mid-queue.
    assert wait_until(lambda: set((VAR / "mail").glob("*.log")) - before, timeout=60, interval=0.1)
    kill("worker")
    respawn("worker")

    def all_notified():
        rows = notified(since)
        return rows if rows and all(row[2] for row in rows) else None

    # A task the dead worker had taken is queued again by the scheduler after
    # FORMS_NOTIFICATION_RETRY_AFTER (30 s in the cluster) at its next minute.
    rows = wait_until(all_notified, timeout=150, interval=5)
    assert rows, notified(since)
    for _pk, reference, _done, moderators in rows:
        # One message per moderator; the reference appears once in each subject and body.
        assert moderators >= 1
        assert mails_naming(reference) == 2 * moderators, reference


def test_without_redis_pages_render_as_misses_and_forms_still_store():
    kill("redis")
    try:
        since = last_submission_id()
        session = visitor()
        for path in ["/en/", "/en/initiatives/", "/sq/"]:
            response = session.get(LB + path, timeout=30)
            assert response.status_code == 200, path
            assert response.headers.get("X-Page-Cache") != "hit"
        marker = f"no-redis-{secrets.token_hex(3)}"
        status, reference = apply(session, marker)
        assert reference, status
        assert stored_markers(since).get(marker) == 1
        health = requests.get(f"{LB}/healthz", timeout=10)
        assert health.status_code == 200
        assert health.json()["cache"] == "down" and health.json()["status"] == "degraded"
    finally:
        respawn("redis")
    assert requests.get(f"{LB}/healthz", timeout=10).json()["cache"] == "ok"


def test_without_postgresql_a_503_with_the_quick_exit_and_back_within_seconds():
    kill("postgres")
    try:
        # Not in the page cache: a search nobody made before.
        page = visitor().get(f"{LB}/en/search/?q={secrets.token_hex(4)}", timeout=30)
        assert page.status_code == 503
        assert 'id="quick-exit"' in page.text
        health = requests.get(f"{LB}/healthz", timeout=10)
        assert health.status_code == 503
        assert health.json()["database"] == "down"
    finally:
        respawn("postgres")
    restarted = time.monotonic()
    back = wait_until(
        lambda: (
            requests.get(f"{LB}/healthz", timeout=10).status_code == 200
            and visitor().get(f"{LB}/en/search/?q={secrets.token_hex(4)}", timeout=30).status_code
            == 200
        ),
        timeout=30,
        interval=0.5,
    )
    assert back and time.monotonic() - restarted < 10
