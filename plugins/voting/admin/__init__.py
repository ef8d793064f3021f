"""The voting plugin's screens in the Wagtail admin, under "Voting", for co-op secretaries.

Ballots are a ``ModelViewSet`` (:mod:`.viewsets`): drafted, edited while still a draft,
then scheduled; each has an overview page with its actions, its electorate once it opens
and its result once it closes. Members' proposals, comments waiting for moderation and
each co-op's voting settings are admin views (:mod:`.views`). Who may see what comes from
:mod:`plugins.voting.permissions`: the secretaries of a co-op where voting is on see that
co-op's ballots and nothing of any other's. No screen shows a count before a ballot closes.
"""
