"""Hooks the grants plugin offers to other plugins.

The plugin manager adds this module's specs when the plugin loads (a plugin's own
``hookspecs`` module, like pytest's ``pytest_addhooks``). A plugin that listens without
declaring ``requires=("grants",)`` marks its implementation ``@hookimpl(optionalhook=True)``,
so that it still loads where grants is not installed.
"""

from __future__ import annotations

from typing import Any

from chorus.plugins import hookspec


@hookspec
def chorus_on_grant_awarded(award: Any) -> None:
    """React to a grant being awarded (a panel approved an amount for an application).

    ``award`` is the new ``plugins.grants.models.Award``: ``award.amount`` (a ``Decimal``
    in pounds), ``award.application`` (the organisation's name, org-id and project title)
    and ``award.site`` (the Wagtail Site of the programme). Called once per award, after
    the transaction that recorded it has committed, for the plugins that are on for the
    award's site. Return values are ignored; an exception is logged and does not undo
    the award.

    Example::

        @hookimpl
        def chorus_on_grant_awarded(award):
            Announcement.objects.create(
                site=award.site,
                text=f"{award.application.organisation_name} received £{award.amount}",
            )
    """
