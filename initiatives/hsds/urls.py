from django.urls import path

from . import datapackage, views

app_name = "hsds"

urlpatterns = [
    path("", views.api_root, name="root"),
    path("organizations", views.organization_list, name="organizations"),
    path("organizations/<uuid:pk>", views.organization_detail, name="organization"),
    path("services", views.service_list, name="services"),
    path("services/<uuid:pk>", views.service_detail, name="service"),
    path("taxonomies", views.taxonomy_list, name="taxonomies"),
    path("taxonomies/<uuid:pk>", views.taxonomy_detail, name="taxonomy"),
    path("taxonomy_terms", views.taxonomy_term_list, name="taxonomy_terms"),
    path("taxonomy_terms/<uuid:pk>", views.taxonomy_term_detail, name="taxonomy_term"),
    path("datapackage.zip", datapackage.download, name="datapackage"),
]
