from django.urls import path

from . import views

urlpatterns = [
    path("", views.two_factor, name="security_two_factor"),
]
