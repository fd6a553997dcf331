"""Content changes reach every app server; uploads are served; limits are shared."""

import io
import re
import secrets
import time

from PIL import Image

from .cluster import (
    APP_SERVERS,
    FEEDBACK_FORM,
    LB,
    VAR,
    admin_session,
    apply,
    csrf_token,
    last_submission_id,
    manage_python,
    random_address,
    stored_markers,
    visitor,
)
from .conftest import new_page


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (120, 90), (30, 120, 200)).save(buffer, format="PNG")
    return buffer.getvalue()


def served_from_cache(session, url, seconds=60):
    """Whether ``url`` comes from the shared page cache within ``seconds``.

    Publishing queues a search-index update; when the worker finishes it, every
    cached page is invalidated once more, so the first entry may be dropped.
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        session.get(url, timeout=30)
        response = session.get(url, timeout=30)
        assert response.status_code == 200, url
        if response.headers.get("X-Page-Cache") == "hit":
            return True
        time.sleep(1)
    return False


def test_unpublish_on_one_server_is_a_404_on_every_server_at_once(editor):
    page = new_page(f"unpublish-{secrets.token_hex(4)}")
    anonymous = visitor()
    for base in [*APP_SERVERS, LB]:
        assert served_from_cache(anonymous, base + page["path"]), base

    admin = admin_session(APP_SERVERS[0], *editor)
    confirm = f"/admin/pages/{page['id']}/unpublish/"
    token = csrf_token(admin, APP_SERVERS[0], confirm)
    response = admin.post(
        APP_SERVERS[0] + confirm,
        data={"csrfmiddlewaretoken": token},
        headers={"Referer": APP_SERVERS[0] + confirm},
        timeout=30,
    )
    assert response.status_code == 200 and "/admin/login/" not in response.url, response.url

    for base in [APP_SERVERS[1], LB, APP_SERVERS[0]]:
        assert anonymous.get(base + page["path"], timeout=30).status_code == 404, base


def test_an_image_uploaded_in_the_admin_is_served_with_its_renditions(editor):
    admin = admin_session(APP_SERVERS[1], *editor)
    token = csrf_token(admin, APP_SERVERS[1], "/admin/images/add/")
    title = f"cluster image {secrets.token_hex(4)}"
    png = png_bytes()
    response = admin.post(
        f"{APP_SERVERS[1]}/admin/images/add/",
        data={"csrfmiddlewaretoken": token, "title": title, "collection": "1"},
        files={"file": ("cluster.png", png, "image/png")},
        headers={"Referer": f"{APP_SERVERS[1]}/admin/images/add/"},
        timeout=60,
    )
    assert response.status_code == 200, response.status_code
    urls = manage_python(
        f"""
import json
from wagtail.images import get_image_model
image = get_image_model().objects.get(title={title!r})
print(json.dumps([image.file.url, image.get_rendition("fill-80x80").url]))
"""
    )
    for url in urls:
        served = visitor().get(LB + url, timeout=30)
        assert served.status_code == 200, url
        assert served.headers["Content-Type"].startswith("image/"), url
        assert served.headers["X-Content-Type-Options"] == "nosniff"
    assert (VAR / urls[0].lstrip("/")).read_bytes() == png


def test_documents_are_never_served_straight_from_the_media_volume():
    assert visitor().get(f"{LB}/media/documents/anything.pdf", timeout=30).status_code == 404


def test_the_form_rate_limit_is_one_count_across_app_servers():
    limit = manage_python(
        "import json; from django.conf import settings; "
        "print(json.dumps(settings.FORMS_RATE_LIMIT_POSTS))"
    )
    since = last_submission_id()
    address = random_address()
    session = visitor(address)
    statuses = []
    for number in range(limit + 4):
        if number % 2:
            # nginx takes turns: an extra request shifts which server gets the post.
            session.get(f"{LB}/healthz", timeout=10)
        statuses.append(apply(session, f"limit-{secrets.token_hex(4)}")[0])
    stored = sum(stored_markers(since).values())
    # Only `limit` of the posts were stored, although nginx spread them over both servers.
    assert stored == limit, (stored, statuses)
    access_log = (VAR / "logs" / "nginx-access.log").read_text().splitlines()
    posts = [line for line in access_log[-4 * limit :] if f'"POST {FEEDBACK_FORM}"' in line]
    servers = {re.search(r"upstream=([\d.:]+)/", line).group(1) for line in posts}
    assert len(servers) == 2, servers


def test_bodies_over_the_cap_are_refused_by_the_proxy_multipart_included():
    big = b"x" * (3 * 1024 * 1024)
    response = visitor().post(LB + FEEDBACK_FORM, files={"upload": ("big.bin", big)}, timeout=30)
    assert response.status_code == 413
