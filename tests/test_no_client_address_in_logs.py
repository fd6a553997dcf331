"""No client address in any log: gunicorn started as the Dockerfile starts it.

The README promises that addresses are never stored. gunicorn's default
access log records the address of every request (every form post, with its
time and path), and its error log names it on a malformed request.
"""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parent.parent
PORT = 8088  # loopback only, in the cluster's range
CLIENT = "127.0.0.77"  # the source address of every request below
FORWARDED = "203.0.113.77"  # what a proxy would say the client is


def run(command, env):
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return result


def request(raw):
    with socket.create_connection(("127.0.0.1", PORT), timeout=30, source_address=(CLIENT, 0)) as s:
        s.sendall(raw)
        chunks = []
        while chunk := s.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks).decode(errors="replace")


def http(method, path, body="", cookie=""):
    headers = [
        f"{method} {path} HTTP/1.1",
        "Host: 127.0.0.1",
        "Connection: close",
        "X-Forwarded-Proto: https",
        f"X-Forwarded-For: {FORWARDED}",
        "Referer: https://127.0.0.1/admin/login/",
    ]
    if cookie:
        headers.append(f"Cookie: {cookie}")
    if body:
        headers += [
            "Content-Type: application/x-www-form-urlencoded",
            f"Content-Length: {len(body)}",
        ]
    return request(("\r\n".join(headers) + "\r\n\r\n" + body).encode())


@pytest.fixture
def gunicorn(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "x" * 50,
        "FORMS_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "CACHE_URL": "db://",
        "PORTAL_VAR_DIR": str(tmp_path),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "STATIC_ROOT": str(tmp_path / "static"),
        "ALLOWED_HOSTS": "127.0.0.1",
        "FORMS_CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR",
        "LOG_LEVEL": "INFO",
        "GUNICORN_BIND": f"127.0.0.1:{PORT}",
        "GUNICORN_WORKERS": "1",
    }
    env.pop("DEBUG", None)
    (tmp_path / "media").mkdir()
    run([sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"], env)
    run([sys.executable, "manage.py", "createcachetable"], env)
    # As the Dockerfile's build does: production pages need the static manifest.
    run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"], env)
    log = tmp_path / "gunicorn.log"
    with log.open("w") as output:
        # The Dockerfile's CMD.
        process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "-c",
                "gunicorn.conf.py",
                "portal.wsgi:application",
            ],  # fmt: skip
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                try:
                    if " 200 " in http("GET", "/healthz").splitlines()[0] + " ":
                        break
                except OSError:
                    time.sleep(0.5)
            yield log
        finally:
            process.terminate()
            process.wait(timeout=60)


def test_gunicorn_logs_no_client_address(gunicorn):
    page = http("GET", "/admin/login/")
    assert page.startswith("HTTP/1.1 200"), page[:300]
    csrf_cookie = re.search(r"csrftoken=([^;]+)", page).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    # A form post (a failed sign-in, which django-axes records), a page, a bad request.
    answer = http(
        "POST",
        "/admin/login/",
        body=f"csrfmiddlewaretoken={token}&username=someone&password=wrong-password",
        cookie=f"csrftoken={csrf_cookie}",
    )
    assert answer.startswith("HTTP/1.1 200"), answer[:200]
    http("GET", "/en/no-such-page/")
    request(b"NOT A REQUEST\r\n\r\n")
    time.sleep(1)

    logs = gunicorn.read_text()
    assert '"POST /admin/login/" 200' in logs, logs  # the access log is on and was written
    assert "Invalid request" in logs, logs  # so was the error log
    assert CLIENT not in logs
    assert FORWARDED not in logs
