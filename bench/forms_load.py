"""Many people sending the board application at the same moment.

Each simulated person opens the form page (a CSRF cookie, the CSRF token and
a one-time submission token come with it), fills it in, and waits at a
barrier; then all of them send at once. A few send the very same form a
second time at that moment, as a double click or a flaky connection does.
Afterwards the database must hold exactly one submission per person: none
lost, none duplicated (and on SQLite, no "database is locked").
"""

import re
import statistics
import threading
import time
import urllib.parse
from datetime import date
from http.client import HTTPConnection

BOARD_PATH = "/en/get-involved/example-survivor-advisory-board/"
BOARD_SLUG = "example-survivor-advisory-board"
DOUBLE_POSTS = 20
TIMEOUT = 120

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TOKEN_INPUT = re.compile(r'name="submission_token" value="([^"]+)"')


def answers(number):
    """Valid answers to the demo board call (the same questions tests/forms_support.py uses)."""
    return [
        ("first_name", "Bench"),
        ("surname", f"Person {number}"),
        ("age", "I am 18 or older"),
        ("nationality", ""),
        ("email", f"bench-{number}@example.org"),
        ("phone", ""),
        ("gender_0", ""),
        ("gender_1", "woman"),
        ("country_you_live_in_0", "Albania"),
        ("country_you_live_in_1", ""),
        ("your_areas_of_expertise", "Advocacy"),
        ("your_areas_of_expertise", "Health"),
        ("your_work_in_anti_trafficking_or_a_related_field", f"Peer support, load test {number}."),
        ("why_are_you_suited_to_serve_as_a_member_of_the_board", "I listen well."),
        ("how_does_your_personal_history_shape_your_motivation", "It keeps me going."),
        ("anything_else_you_would_like_us_to_know", ""),
        ("i_understand_that_the_board_offers_no_support_services", "on"),
        ("i_agree_that_my_answers_are_processed_to_select_the_boards_members", "on"),
        ("full_name_typed_in_place_of_a_signature", f"Bench Person {number}"),
        ("date", date.today().isoformat()),
        ("company_website", ""),
    ]


class Person:
    def __init__(self, port, number):
        self.port = port
        self.number = number
        self.body = None
        self.cookie = None
        self.results = []

    def open_form(self):
        connection = HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        try:
            connection.request("GET", BOARD_PATH)
            response = connection.getresponse()
            html = response.read().decode()
            if response.status != 200:
                raise RuntimeError(f"GET {BOARD_PATH}: {response.status}")
            # The CSRF cookie is Secure in production; over plain http on
            # loopback it is sent back by hand, as a browser would over https.
            cookies = [
                value.split(";", 1)[0]
                for name, value in response.getheaders()
                if name.lower() == "set-cookie"
            ]
        finally:
            connection.close()
        fields = [
            ("csrfmiddlewaretoken", CSRF_INPUT.search(html)[1]),
            ("submission_token", TOKEN_INPUT.search(html)[1]),
            *answers(self.number),
        ]
        self.body = urllib.parse.urlencode(fields)
        self.cookie = "; ".join(cookies)

    def send(self):
        started = time.monotonic()
        connection = HTTPConnection("127.0.0.1", self.port, timeout=TIMEOUT)
        try:
            connection.request(
                "POST",
                BOARD_PATH,
                body=self.body,
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": self.cookie,
                },
            )
            response = connection.getresponse()
            html = response.read().decode()
            ok = response.status == 200 and 'name="submission_token"' not in html
            self.results.append((ok, response.status, time.monotonic() - started))
        except OSError as error:
            self.results.append((False, repr(error), time.monotonic() - started))
        finally:
            connection.close()


def run(server, count, double_posts=DOUBLE_POSTS):
    """Send ``count`` applications at once through ``server``; return timings and failures."""
    from django.db import connection

    from forms.models import BoardApplicationPage

    page = BoardApplicationPage.objects.get(slug=BOARD_SLUG, locale__language_code="en")
    last_before = page.get_submissions().order_by("-pk").values_list("pk", flat=True).first()
    connection.close()
    people = [Person(server["port"], number) for number in range(count)]
    for person in people:
        person.open_form()
    senders = people + people[:double_posts]
    barrier = threading.Barrier(len(senders))

    def go(person):
        barrier.wait()
        person.send()

    threads = [threading.Thread(target=go, args=(person,)) for person in senders]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT + 10)
    elapsed = time.monotonic() - started
    results = [result for person in people for result in person.results]
    latencies = sorted(seconds * 1000 for _ok, _status, seconds in results)
    failures = [status for ok, status, _seconds in results if not ok]
    return {
        "last_pk_before": last_before or 0,
        "submissions": count,
        "double_posts": double_posts,
        "posts": len(results),
        "failed": len(failures),
        "failures": sorted({str(status) for status in failures})[:5],
        "seconds": round(elapsed, 2),
        "rps": round(len(results) / elapsed, 1),
        "p50_ms": round(statistics.median(latencies), 1) if latencies else 0,
        "p99_ms": round(latencies[int(len(latencies) * 0.99) - 1], 1) if latencies else 0,
    }


def verify(count, last_pk_before):
    """What the database holds afterwards: new submissions and distinct tokens among them."""
    from django.db import connection

    from forms.models import BoardApplicationPage

    page = BoardApplicationPage.objects.get(slug=BOARD_SLUG, locale__language_code="en")
    new = page.get_submissions().filter(pk__gt=last_pk_before)
    tokens = list(new.values_list("submission_token", flat=True))
    connection.close()
    return {"stored": len(tokens), "distinct_tokens": len(set(tokens)), "expected": count}
