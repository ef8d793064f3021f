"""The voting demo: the Sharing Care co-op's ballots and a members' proposal.

The co-op's register, member classes and members are the core demo's
(``chorus.demo.members``); this section finds them by email. Voting is switched on for the
co-op, which needs three seconds for a proposal. The ballots and the proposal need members,
who are made only where the demo admin is (``DEBUG`` or ``--with-admin``), so without people
there are none. With people there are:

- a closed special resolution, voted on through the real casting code (so every paper has
  a receipt) and counted by the real close: its result and receipts are published;
- an open choice with a few votes cast, closing in ten days;
- a proposal with one of the three seconds it needs.

Every vote is invented for the demo. Everything is looked up before it is made (ballots and
proposals by title, votes only for electors who have not voted, the close only while the
ballot is open), so a second run changes nothing.
"""

import datetime

from django.utils import timezone

from partnerships.models import MemberRegister, Membership

from . import casting, comments, lifecycle, proposals
from .factories import ballot_in_state
from .models import Ballot, Comment, Proposal, Second, VotingSettings

SHARING_CARE = "sharing-care.localhost"
#: Where voting is switched on: the co-op only.
HOSTNAMES = (SHARING_CARE,)
SECONDS_NEEDED = 3
#: The member classes that vote; supporters take part in meetings but do not vote.
VOTING_CLASSES = ["User member", "Worker member"]

RULES_BALLOT = {
    "title": "Adopt the revised rules of Sharing Care",
    "question": (
        "That Sharing Care adopts the revised rules sent to every member with the notice of "
        "this ballot. The new rules let members vote online, give user members and worker "
        "members three seats each on the board, and let members put forward proposals."
    ),
    "kind": Ballot.Kind.SPECIAL,
    "quorum_kind": Ballot.Quorum.PERCENT,
    "quorum_value": 25,
    "secret": True,
}

#: How each member voted on the rules: 9 for, 2 against, 1 abstention; Owen did not vote.
RULES_VOTES = {
    "dorothy.pearce@example.org": "for",
    "samuel.okafor@example.org": "for",
    "irene.walsh@example.org": "against",
    "kevin.doyle@example.org": "for",
    "bernadette.hale@example.org": "abstain",
    "rajesh.patel@example.org": "for",
    "eileen.morgan@example.org": "for",
    "chloe.barnes@example.org": "for",
    "femi.adebayo@example.org": "for",
    "marta.kowalska@example.org": "against",
    "hannah.price@example.org": "for",
    "liam.oconnor@example.org": "for",
}

MEETING_BALLOT = {
    "title": "Which day should the members' open meeting be on?",
    "question": (
        "Once a month members meet to hear how the co-op is doing and to talk about what "
        "should change. Which time suits you best? The time with the most votes will be used "
        "from next month."
    ),
    "kind": Ballot.Kind.CHOOSE_ONE,
    "secret": True,
}
MEETING_TIMES = ["Tuesday afternoon", "Thursday evening", "Saturday morning"]
#: Votes cast so far on the open ballot: member → option label.
MEETING_VOTES = {
    "dorothy.pearce@example.org": "Tuesday afternoon",
    "kevin.doyle@example.org": "Thursday evening",
    "chloe.barnes@example.org": "Thursday evening",
    "marta.kowalska@example.org": "Saturday morning",
}
#: Comments on the open ballot: (member, text, published?).
MEETING_COMMENTS = [
    (
        "kevin.doyle@example.org",
        "Evenings are the only time I can come, because I am with my mum in the day.",
        True,
    ),
    (
        "irene.walsh@example.org",
        "Could we have the meeting somewhere with a lift this time, please?",
        False,
    ),
]

PROPOSAL = {
    "proposer": "femi.adebayo@example.org",
    "title": "Pay carers for travel time between visits",
    "text": (
        "At the moment care workers are paid only for the time they spend with members, not "
        "for the time it takes to get from one visit to the next. On a day with six visits "
        "that can be more than an hour without pay. I propose that Sharing Care pays worker "
        "members for travel time between visits, at the same hourly rate, from next April."
    ),
    "seconders": ["hannah.price@example.org"],
}


def _days_ago(days, hour=10):
    now = timezone.localtime()
    moment = now.replace(hour=hour, minute=0, second=0, microsecond=0)
    return moment - datetime.timedelta(days=days)


def build(context):
    """Build the voting part of the demo; return the lines ``seed_demo`` prints."""
    demo = VotingDemo(context.sites[SHARING_CARE])
    demo.build()
    return demo.report_lines(with_people=context.with_people)


class VotingDemo:
    """The co-op's voting settings, and (when it has members) its ballots and proposal."""

    def __init__(self, site):
        self.site = site

    def build(self):
        VotingSettings.objects.get_or_create(
            site=self.site, defaults={"seconds_needed": SECONDS_NEEDED}
        )
        register = MemberRegister.objects.get(site=self.site)
        self.members = {
            membership.user.email: membership
            for membership in Membership.objects.filter(
                register=register, status=Membership.Status.ACTIVE
            ).select_related("user")
        }
        if not self.members:
            return
        self.secretary = register.secretaries.user_set.order_by("pk").first()
        voters = list(register.classes.filter(name__in=VOTING_CLASSES).order_by("sort_order"))
        self._rules_ballot(voters)
        self._meeting_ballot(voters)
        self._proposal()

    def report_lines(self, *, with_people):
        """Lines for seed_demo's summary: the co-op's voting pages and the demo accounts."""
        lines = [
            f"Membership and voting: Sharing Care co-op on {self.site.root_url}/plugins/voting/"
        ]
        if with_people:
            lines.append(
                "  sign in (password chorus-demo): members dorothy.pearce@example.org (user "
                "member) and liam.oconnor@example.org (worker member, has not voted on the "
                "open ballot); "
                "secretary (in /admin/) coop.secretary@example.org"
            )
        return lines

    # --- ballots --------------------------------------------------------------------------

    def _rules_ballot(self, voters):
        """The closed special resolution: voted on a fortnight ago, carried, receipts out."""
        opens_at = _days_ago(14, hour=9)
        closes_at = _days_ago(7, hour=17)
        ballot = ballot_in_state(
            "open",
            site=self.site,
            classes=voters,
            opens_at=opens_at,
            closes_at=closes_at,
            created_by=self.secretary,
            **RULES_BALLOT,
        )
        if ballot.status == Ballot.Status.OPEN:
            options = {option.code: option.pk for option in ballot.options.all()}
            for number, (email, code) in enumerate(RULES_VOTES.items()):
                # Each vote at its own moment inside the week the ballot was open.
                when = ballot.opens_at + datetime.timedelta(hours=3 + 11 * number)
                self._vote(ballot, email, options[code], when)
            lifecycle.close_ballot(ballot, now=ballot.closes_at)

    def _meeting_ballot(self, voters):
        """The open choice: a few votes cast, closing in ten days."""
        now = timezone.now()
        ballot = ballot_in_state(
            "open",
            site=self.site,
            classes=voters,
            candidates=MEETING_TIMES,
            opens_at=_days_ago(3, hour=9),
            closes_at=_days_ago(-10, hour=17),
            created_by=self.secretary,
            **MEETING_BALLOT,
        )
        if ballot.status == Ballot.Status.OPEN:
            options = {option.label: option.pk for option in ballot.options.all()}
            for email, label in MEETING_VOTES.items():
                self._vote(ballot, email, options[label], now)
            for email, text, published in MEETING_COMMENTS:
                self._comment(ballot, email, text, published)

    def _vote(self, ballot, email, option_id, when):
        """Cast the member's vote through the real casting code, unless they have voted."""
        user = self.members[email].user
        elector = casting.elector_for(ballot, user)
        if elector is not None and not elector.voted:
            casting.cast(ballot, user, [option_id], now=when)

    def _comment(self, ballot, email, text, published):
        author = self.members[email]
        if Comment.objects.filter(ballot=ballot, author=author, text=text).exists():
            return
        comment = comments.post(ballot, author, text)
        if published:
            comments.moderate(comment, self.secretary, approve=True)

    # --- proposals ------------------------------------------------------------------------

    def _proposal(self):
        """A proposal looking for seconders: one of the three it needs."""
        proposal = Proposal.objects.filter(site=self.site, title=PROPOSAL["title"]).first()
        if proposal is None:
            proposal = proposals.propose(
                self.site, self.members[PROPOSAL["proposer"]], PROPOSAL["title"], PROPOSAL["text"]
            )
        for email in PROPOSAL["seconders"]:
            membership = self.members[email]
            if not Second.objects.filter(proposal=proposal, membership=membership).exists():
                proposals.second(proposal, membership)
