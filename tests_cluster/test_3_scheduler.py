"""The scheduler publishes scheduled pages, nobody acting (last: its minute passes meanwhile)."""

import time

from .cluster import LB, visitor, wait_until


def test_a_page_scheduled_to_go_live_is_live_within_two_minutes(scheduled_page):
    # Scheduled 5 s after the session started, before the other scenarios.
    deadline = scheduled_page["scheduled_at"] + 5 + 120
    live = wait_until(
        lambda: visitor().get(LB + scheduled_page["path"], timeout=30).status_code == 200,
        timeout=max(1, deadline - time.time()),
        interval=2,
    )
    assert live
