"""Keep the pages that show grants fresh when rounds, awards and the pots' ledgers change.

The programme page lists its rounds, a round's page shows how much is left to award, the
awarded page lists the awards, and the home pages show the open rounds in panels; all are
cached (on the server and by a CDN). Saving or deleting a round, an award or a row of a
pot's ledger (every commitment, payment and release writes one, even where ``allocated``
itself is changed by a bulk ``UPDATE``), or changing an awarded application, refreshes them
through ``chorus.plugins.refresh_site_content``. Applications still in progress show on no
cached page, so they refresh nothing.
"""

from django.db.models.signals import post_delete, post_save

from chorus.plugins import refresh_site_content

from .models import Application, Award, GrantRound, PotEntry


def _refresh_round(pot):
    programme = pot.programme
    refresh_site_content(programme.get_site(), pages=[programme])


def round_changed(sender, instance, **kwargs):
    """A round's dates, amounts, budget or publication show on every grants page."""
    _refresh_round(instance)


def ledger_changed(sender, instance, **kwargs):
    """An award, payment or release changes what is left to award and who was awarded."""
    _refresh_round(instance.round)


def application_changed(sender, instance, **kwargs):
    """An awarded application's organisation, project and area show on the awarded page."""
    if Award.objects.filter(application_id=instance.pk).exists():
        _refresh_round(instance.round)


def connect():
    """Connect the receivers (called from the app's ``ready``)."""
    for model, receiver in (
        (GrantRound, round_changed),
        (Award, ledger_changed),
        (PotEntry, ledger_changed),
        (Application, application_changed),
    ):
        for signal in (post_save, post_delete):
            signal.connect(receiver, sender=model, dispatch_uid=f"grants-fresh-{model.__name__}")
