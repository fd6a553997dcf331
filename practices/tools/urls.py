from django.urls import path

from .views import tool_answers

urlpatterns = [
    path("tool-answers/<int:page_id>/", tool_answers, name="practices_tool_answers"),
]
