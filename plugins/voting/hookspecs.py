"""Hooks the voting plugin offers to other plugins.

The plugin manager adds this module's specs when the plugin loads (a plugin's own
``hookspecs`` module, like pytest's ``pytest_addhooks``). A plugin that listens without
declaring ``requires=("voting",)`` marks its implementation ``@hookimpl(optionalhook=True)``,
so that it still loads where voting is not installed.
"""

from __future__ import annotations

from typing import Any

from chorus.plugins import hookspec


@hookspec
def chorus_on_ballot_closed(ballot: Any) -> None:
    """React to a ballot closing, once its result is counted and published.

    ``ballot`` is the closed ``plugins.voting.models.Ballot``: ``ballot.site``,
    ``ballot.title``, ``ballot.outcome`` (``"passed"``, ``"failed"``, ``"tied"``,
    ``"chosen"``, ``"elected"``, ``"unfilled"`` or ``"no_quorum"``), ``ballot.turnout``,
    ``ballot.electorate_size`` and ``ballot.results`` (votes per option). Called once per
    ballot, after the transaction that published the result has committed, for the plugins
    that are on for the ballot's site. Return values are ignored; an exception is logged and
    does not reopen the ballot.

    Example::

        @hookimpl
        def chorus_on_ballot_closed(ballot):
            if ballot.outcome == "passed":
                Announcement.objects.create(
                    site=ballot.site, text=f"Members carried: {ballot.title}"
                )
    """
