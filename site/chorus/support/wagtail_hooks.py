"""Wagtail admin glue: the Help requests inbox and the per-site help-request settings."""

from wagtail import hooks
from wagtail.contrib.settings.registry import register_setting
from wagtail.permissions import register_permission_policy

from .admin_views import SupportRequestViewSet
from .models import SupportRequest, SupportSettings
from .permissions import support_request_policy

register_permission_policy(SupportRequest, support_request_policy)
register_setting(SupportSettings, icon="help")


@hooks.register("register_admin_viewset")
def register_support_viewset():
    return SupportRequestViewSet()
