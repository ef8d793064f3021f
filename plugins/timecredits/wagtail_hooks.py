"""Wagtail admin glue for time credits: the Time credits menu and its screens.

The permission policies are registered at import, before anything asks Wagtail for the
policy of a scheme or an offer (which would otherwise create a default one).
"""

from django.urls import include, path
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin import urls as admin_urls
from .admin.menu import time_credits_menu_item
from .admin.policies import offer_policy, scheme_policy
from .admin.viewsets import OfferViewSet, SchemeViewSet
from .models import Offer, Scheme

register_permission_policy(Scheme, scheme_policy)
register_permission_policy(Offer, offer_policy)


@hooks.register("register_admin_viewset")
def register_time_credits_viewsets():
    return [SchemeViewSet(), OfferViewSet()]


@hooks.register("register_admin_urls")
def register_time_credits_admin_urls():
    return [path("timecredits/", include(admin_urls, namespace="timecredits_admin"))]


@hooks.register("register_admin_menu_item")
def register_time_credits_menu_item():
    return time_credits_menu_item()
