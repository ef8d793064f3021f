"""The voting plugin's app and metadata."""

from django.utils.translation import gettext_lazy as _

from chorus.plugins import PluginAppConfig, PluginMeta


class VotingConfig(PluginAppConfig):
    """Ballots members can trust, members' proposals and comments, switched on per site."""

    name = "plugins.voting"
    label = "voting"
    verbose_name = _("Voting")
    default_auto_field = "django.db.models.BigAutoField"
    chorus_plugin = PluginMeta(
        name="voting",
        verbose_name=_("Voting"),
        description=_(
            "Members vote on resolutions, choices and elections, one member one vote, with "
            "secret ballots and receipts every voter can check. Members propose motions, "
            "second them and comment on open ballots."
        ),
        version="1.0.0",
        requires_chorus=">=0.1,<0.2",
        settings="voting.VotingSettings",
    )

    def ready(self):
        # The "Have your say" panel follows the ballots (see ``freshness``).
        from . import freshness

        freshness.connect()
