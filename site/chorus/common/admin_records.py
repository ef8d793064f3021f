"""A Wagtail ``ModelViewSet`` for records that are never deleted (grant rounds, schemes...).

Plugins that keep money, credits or votes list, add and edit such records in the admin but
must not delete them, and give their staff powers through their own per-site groups rather
than Django model permissions.
"""

from django.contrib.auth.models import Permission
from django.urls import path
from wagtail.admin.viewsets.model import ModelViewSet


class RecordViewSet(ModelViewSet):
    """Index, add, edit (and inspect, if enabled); no delete, copy, history or usage screens.

    The menu item is the plugin's own (``add_to_admin_menu`` is off), so it can hide itself
    where the plugin is off. Subclasses set ``model``, ``name``, ``url_prefix`` and views.
    """

    add_to_admin_menu = False
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    list_per_page = 50

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        view_kwargs.update(delete_url_name=None, history_url_name=None, usage_url_name=None)
        return view_kwargs

    def get_urlpatterns(self):
        patterns = [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("new/", self.add_view, name="add"),
            path("edit/<int:pk>/", self.edit_view, name="edit"),
        ]
        if self.inspect_view_enabled:
            patterns.append(path("inspect/<int:pk>/", self.inspect_view, name="inspect"))
        return patterns

    def get_permissions_to_register(self):
        # Staff get their powers from the plugin's per-site groups, not model permissions.
        return Permission.objects.none()
