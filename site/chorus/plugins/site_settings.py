"""Per-site plugin settings, built on Wagtail's site settings, and off where the plugin is off.

A plugin names its settings model in ``PluginMeta.settings`` (``"voting.VotingSettings"``):
a ``wagtail.contrib.settings.models.BaseSiteSetting`` registered with ``register_setting``.
Wagtail's settings screen edits it; the framework then

- links to it from the admin's Plugins screen, for each site where the plugin is on
  (:func:`settings_url`);
- grants its permissions only on sites where the plugin is on, whoever asks
  (:class:`PluginSitesPolicy`), so the settings of such a site do not open, and Wagtail's
  site switcher leaves those sites out;
- hides Wagtail's Settings menu entry for it where the plugin is off for the site answering
  the admin request (:func:`hide_off_plugin_settings`), as for the plugin's other menu items.
"""

from __future__ import annotations

from functools import cached_property

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Site
from wagtail.permissions import register_permission_policy

from .enablement import is_enabled, sites_with
from .manager import installed_plugins
from .meta import PluginMeta


def settings_model(meta: PluginMeta) -> type[BaseSiteSetting] | None:
    """Return the settings model a plugin declares, or ``None`` when it has none.

    Raises ``ImproperlyConfigured`` when the name does not lead to a site setting.
    """
    if not meta.settings:
        return None
    try:
        model = apps.get_model(meta.settings)
    except (LookupError, ValueError):
        model = None
    if model is None or not issubclass(model, BaseSiteSetting):
        raise ImproperlyConfigured(
            f"Plugin {meta.name!r} declares settings={meta.settings!r}, which is not a "
            "BaseSiteSetting model ('app_label.ModelName')."
        )
    return model


def settings_url(meta: PluginMeta, site: Site) -> str:
    """Return the admin URL of ``site``'s settings for the plugin (``""`` if it has none)."""
    model = settings_model(meta)
    if model is None:
        return ""
    return reverse(
        "wagtailsettings:edit", args=[model._meta.app_label, model._meta.model_name, site.pk]
    )


def plugin_of_settings(model) -> str | None:
    """Return the name of the plugin whose settings ``model`` is, or ``None``."""
    if model is None:
        return None
    for name, meta in installed_plugins().items():
        if meta.settings and settings_model(meta) is model:
            return name
    return None


def _site_id(instance):
    return instance.pk if isinstance(instance, Site) else instance.site_id


class PluginSitesPolicy:
    """A plugin's settings permission policy that grants nothing on sites where it is off.

    It wraps the model's own policy (``model.get_permission_policy()``: Wagtail's
    ``SitePermissionPolicy``, or the plugin's), asked on first use, and narrows every
    per-site answer to the sites where the plugin is on. Everything else is the wrapped
    policy's.
    """

    def __init__(self, model, plugin: str):
        self.model = model
        self.plugin = plugin

    @cached_property
    def policy(self):
        return self.model.get_permission_policy()

    def __getattr__(self, name):
        return getattr(self.policy, name)

    def _on_ids(self):
        return [site.pk for site in sites_with(self.plugin)]

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return _site_id(instance) in self._on_ids() and (
            self.policy.user_has_any_permission_for_instance(user, actions, instance)
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def sites_user_has_any_permission_for(self, user, actions):
        sites = self.policy.sites_user_has_any_permission_for(user, actions)
        return sites.filter(pk__in=self._on_ids())

    def sites_user_has_permission_for(self, user, action):
        return self.sites_user_has_any_permission_for(user, [action])

    def instances_user_has_any_permission_for(self, user, actions):
        instances = self.policy.instances_user_has_any_permission_for(user, actions)
        return instances.filter(site_id__in=self._on_ids())

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def users_with_any_permission_for_instance(self, actions, instance):
        users = self.policy.users_with_any_permission_for_instance(actions, instance)
        return users if _site_id(instance) in self._on_ids() else users.none()

    def users_with_permission_for_instance(self, action, instance):
        return self.users_with_any_permission_for_instance([action], instance)


def guard_plugin_settings():
    """Put every declared settings model under :class:`PluginSitesPolicy` (at start-up).

    Registered for the exact class, so it wins over the policy ``register_setting``
    registers, whenever that runs.
    """
    for name, meta in installed_plugins().items():
        model = settings_model(meta)
        if model is not None:
            register_permission_policy(model, PluginSitesPolicy(model, name), exact_class=True)


def hide_off_plugin_settings(request, menu_items):
    """Drop, in place, Wagtail's Settings menu entries of plugins that are off for the site
    answering ``request`` (the signature of Wagtail's ``construct_settings_menu`` hook)."""
    site = Site.find_for_request(request)
    menu_items[:] = [
        item
        for item in menu_items
        if (plugin := plugin_of_settings(getattr(item, "model", None))) is None
        or is_enabled(plugin, site)
    ]
