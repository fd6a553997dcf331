"""A cap on the size of every request body, multipart included.

``DATA_UPLOAD_MAX_MEMORY_SIZE`` counts only what Django reads into memory:
file parts of a multipart post are streamed to disk and escape it, so a
10 MB file in a public form was accepted and stored. This middleware looks
at ``Content-Length`` before anything reads the body and answers 413; a
body sent without a length (chunked) is read through a stream that stops at
the cap. Public pages get ``REQUEST_BODY_MAX_BYTES``; the admin, where
editors upload images and documents, ``ADMIN_REQUEST_BODY_MAX_BYTES``. The
proxy in front applies the same limits (see the README).
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponse
from django.template import loader
from django.utils import translation


class CappedStream:
    """A file-like body that refuses to yield more than ``limit`` bytes."""

    def __init__(self, stream, limit):
        self.stream = stream
        self.remaining = limit

    def read(self, size=-1):
        if size is None or size < 0:
            size = self.remaining + 1
        data = self.stream.read(min(size, self.remaining + 1))
        self.remaining -= len(data)
        if self.remaining < 0:
            raise RequestDataTooBig("The request body is larger than the portal accepts.")
        return data

    def readline(self, size=-1):
        data = self.stream.readline(
            self.remaining + 1 if size is None or size < 0 else min(size, self.remaining + 1)
        )
        self.remaining -= len(data)
        if self.remaining < 0:
            raise RequestDataTooBig("The request body is larger than the portal accepts.")
        return data


def limit_for(path):
    admin_prefix = "/" + settings.SECURITY_ADMIN_PATH.strip("/") + "/"
    if path.startswith(admin_prefix):
        return settings.ADMIN_REQUEST_BODY_MAX_BYTES
    return settings.REQUEST_BODY_MAX_BYTES


def too_large(request):
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        body = loader.get_template("413.html").render({"quick_exit_url": quick_exit_url()})
    response = HttpResponse(body, status=413)
    response["Cache-Control"] = "no-store"
    response["Connection"] = "close"
    return response


def quick_exit_url():
    # The default: this answer must not wait for the database.
    from core.models import DEFAULT_QUICK_EXIT_URL

    return DEFAULT_QUICK_EXIT_URL


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = limit_for(request.path_info)
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            return too_large(request)
        if not length and "wsgi.input" in request.META and request.method not in ("GET", "HEAD"):
            request._stream = CappedStream(request._stream, limit)
        try:
            return self.get_response(request)
        except RequestDataTooBig:
            return too_large(request)
