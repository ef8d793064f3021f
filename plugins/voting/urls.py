"""The voting pages, mounted at ``/plugins/voting/`` (namespace ``voting``).

Ballot pages and published receipts are public; voting is for a ballot's electors;
comments and proposals are for the co-op's members and secretaries.
"""

from django.urls import path

from .views import ballots, proposals, receipts

urlpatterns = [
    path("", ballots.have_your_say, name="home"),
    path("ballots/<int:ballot_id>/", ballots.ballot_page, name="ballot"),
    path("ballots/<int:ballot_id>/vote/", ballots.vote, name="vote"),
    path("ballots/<int:ballot_id>/comments/", ballots.comment, name="comment"),
    path("ballots/<int:ballot_id>/receipts/", receipts.receipts, name="receipts"),
    path("ballots/<int:ballot_id>/receipts.json", receipts.receipts_json, name="receipts_json"),
    path("ballots/<int:ballot_id>/receipts.csv", receipts.receipts_csv, name="receipts_csv"),
    path("ballots/<int:ballot_id>/check/", receipts.check_receipt, name="check_receipt"),
    path("proposals/", proposals.proposal_list, name="proposals"),
    path("proposals/new/", proposals.propose, name="propose"),
    path("proposals/<int:proposal_id>/", proposals.proposal_page, name="proposal"),
    path("proposals/<int:proposal_id>/second/", proposals.second, name="second"),
    path("proposals/<int:proposal_id>/withdraw/", proposals.withdraw, name="withdraw"),
]
