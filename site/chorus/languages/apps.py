"""The languages app: installs language-aware page addresses when Django starts."""

from django.apps import AppConfig


class LanguagesConfig(AppConfig):
    name = "chorus.languages"
    label = "chorus_languages"
    verbose_name = "Chorus languages"

    def ready(self):
        from . import addresses

        addresses.install()
