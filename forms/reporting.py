"""Error reports that never contain what a form page received.

Form pages mark their requests with ``sensitive_post_parameters = "__ALL__"``
(Django then hides every POST value in error reports) and
``forms_sensitive = True``, which this filter reads to hide the local
variables of every frame too: a traceback through a form page could
otherwise show a cleaned answer held in a variable.
"""

from django.views.debug import SafeExceptionReporterFilter

SENSITIVE_REQUEST_ATTRIBUTE = "forms_sensitive"


def mark_request_sensitive(request):
    request.sensitive_post_parameters = "__ALL__"
    setattr(request, SENSITIVE_REQUEST_ATTRIBUTE, True)


class AnswerSafeExceptionReporterFilter(SafeExceptionReporterFilter):
    def get_traceback_frame_variables(self, request, tb_frame):
        if request is not None and getattr(request, SENSITIVE_REQUEST_ATTRIBUTE, False):
            return [(name, self.cleansed_substitute) for name in tb_frame.f_locals]
        return super().get_traceback_frame_variables(request, tb_frame)
