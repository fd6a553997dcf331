from django.db.utils import DatabaseError

from .views import render_error_page


class DatabaseUnavailableMiddleware:
    """Answer 503, not 500, when the database cannot be reached.

    A visitor then sees a calm "try again shortly" page in their language
    with the quick exit, and load balancers know to retry elsewhere.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, DatabaseError) and _database_is_down():
            response = render_error_page(request, "503.html", 503)
            response["Retry-After"] = "60"
            return response
        return None


def _database_is_down():
    from django.db import connection

    try:
        connection.close_if_unusable_or_obsolete()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return True
    return False
