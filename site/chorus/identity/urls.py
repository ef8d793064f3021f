"""The identity app's URL: the brand stylesheet (outside the language prefixes)."""

from django.urls import path

from . import views

urlpatterns = [path("brand.css", views.brand_css, name="identity_brand_css")]
