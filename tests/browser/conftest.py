"""A live portal and one headless Chromium for the whole test session.

The browser tests need Debian's Chromium (``apt-get install chromium``);
Playwright's own browser download is not used. Without Chromium they skip
with a message, except under CI (``CI=true``), where a skipped browser test
would hide a broken page, so they fail instead.
"""

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from django.db import connections
from django.test.testcases import LiveServerThread

# Playwright's sync API keeps an asyncio loop in this thread, and Django then
# refuses ORM calls from it. The loop only drives the browser; the ORM calls
# are ordinary synchronous ones, so this is safe here (and only in tests).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# What another host answers while a test runs: the network here is closed, and
# a test must never depend on it. Requests to other hosts are recorded.
NEUTRAL_PAGE = "<!DOCTYPE html><html lang=en><title>Weather</title><h1>Weather</h1></html>"

# Collects Content-Security-Policy violations the page reports. Injected
# through the DevTools protocol, so the page's own CSP does not block it.
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI} ` +
    `at ${event.sourceFile}:${event.lineNumber}`
  );
}, true);
"""


def in_ci():
    return os.environ.get("CI", "").lower() == "true"


def skip_or_fail(message):
    if in_ci():
        pytest.fail(f"{message} CI=true: browser tests may not be skipped.")
    pytest.skip(message)


def chromium_path():
    candidates = [os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium")]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def live_site(django_db_setup, django_db_blocker):
    """The portal served by a thread of this process, on the test database.

    Session-wide, so every browser test shares it. Requests go through the whole
    middleware stack, WhiteNoise included, as in production.
    """
    overrides = {
        conn.alias: conn
        for conn in connections.all()
        if conn.vendor == "sqlite" and conn.is_in_memory_db()
    }
    for conn in overrides.values():
        conn.inc_thread_sharing()
    thread = LiveServerThread("127.0.0.1", lambda app: app, overrides, port=0)
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://127.0.0.1:{thread.port}"
    thread.terminate()
    for conn in overrides.values():
        conn.dec_thread_sharing()


@pytest.fixture(autouse=True)
def _database_for_the_live_site(django_db_blocker):
    """Let the server thread reach the database while a browser test runs.

    No transaction is opened: the server thread (on PostgreSQL, another
    connection) sees the committed demo content. A test that changes data
    undoes its change itself.
    """
    with django_db_blocker.unblock():
        yield


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        skip_or_fail(
            "Chromium not found (looked at $CHROMIUM_PATH and /usr/bin/chromium): "
            "install it with 'apt-get install chromium' to run the browser tests."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageRecorder:
    """What happened while a page was open: console errors, CSP violations, other hosts."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        self.console_errors = []
        self.other_hosts = []
        page.on(
            "console",
            lambda message: message.type == "error" and self.console_errors.append(message.text),
        )
        page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def csp_violations(self):
        try:
            return self.page.evaluate("window.__cspViolations || []")
        except Exception:  # noqa: BLE001 - the page may have navigated away
            return []


@pytest.fixture
def browser_context_args():
    """Override in a test module to change the context (viewport, JavaScript...)."""
    return {}


@pytest.fixture
def context(browser, live_site, browser_context_args):
    context = browser.new_context(
        base_url=live_site,
        viewport={"width": 1280, "height": 800},
        timezone_id="Europe/Belgrade",
        **browser_context_args,
    )
    context.add_init_script(CSP_LISTENER)
    other_hosts = []

    def answer_other_host(route):
        other_hosts.append(route.request.url)
        route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)

    # A regular expression, matched in the browser driver: a Python predicate
    # would cost a round trip for every request.
    context.route(re.compile(rf"^(?!{re.escape(live_site)}/)"), answer_other_host)
    context.other_hosts = other_hosts
    yield context
    context.close()


@pytest.fixture
def page(context, live_site):
    page = context.new_page()
    page.recorder = PageRecorder(page, live_site)
    page.recorder.other_hosts = context.other_hosts
    yield page
    page.close()


def describe(value):
    return json.dumps(value, indent=2, ensure_ascii=False)
