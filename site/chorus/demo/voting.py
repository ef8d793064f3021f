"""The membership and voting demo: the Sharing Care co-op, its members and their ballots.

Sharing Care is a community-owned care co-op: the people who use its care (and their
carers) are user members, the care workers it employs are worker members, and friends of
the co-op may join as supporters, who do not vote. The members, their names and every
vote are invented for the demo.

The register and its member classes are always built, and voting is switched on for the
co-op. Member accounts (password ``chorus-demo``) are made only where the demo admin is
(``DEBUG`` or ``--with-admin``), and the ballots and the proposal need members, so without
people there are none. With people there are:

- a closed special resolution, voted on through the real casting code (so every paper has
  a receipt) and counted by the real close: its result and receipts are published;
- an open choice with a few votes cast, closing in ten days;
- a proposal with one of the three seconds it needs.

Everything is looked up before it is made (people by email, memberships by person,
ballots and proposals by title, votes only for electors who have not voted, the close only
while the ballot is open), so a second run changes nothing.
"""

import datetime

from django.utils import timezone

from chorus.accounts.factories import UserFactory
from chorus.demo.sections import DemoSection
from chorus.plugins import enablement
from partnerships.factories import MemberClassFactory, MemberRegisterFactory, MembershipFactory
from partnerships.models import Membership, MembershipEvent
from plugins.voting import casting, comments, lifecycle, proposals
from plugins.voting.factories import ballot_in_state
from plugins.voting.models import Ballot, Comment, Proposal, Second, VotingSettings

DEMO_PASSWORD = "chorus-demo"
SHARING_CARE = "sharing-care.localhost"
SECONDS_NEEDED = 3

REGISTER = {
    "number_prefix": "SC",
    "open_for_applications": True,
    "application_guidance": (
        "Sharing Care belongs to its members. If you use our care, or look after someone "
        "who does, you can join as a user member. If you work for us as a care worker, you "
        "can join as a worker member. Membership costs £1, once. Every member has one vote: "
        "you can vote on the co-op's rules, choose who sits on the board, and put forward "
        "ideas for other members to back. The secretary will look at your application and "
        "write to you within two weeks."
    ),
}

#: (key, name, description, open to applications, order).
CLASSES = [
    (
        "user",
        "User member",
        "People who use Sharing Care's care and support, and their family carers.",
        True,
        1,
    ),
    (
        "worker",
        "Worker member",
        "Care workers employed by Sharing Care.",
        True,
        2,
    ),
    (
        "supporter",
        "Supporter member",
        "Neighbours and friends of the co-op who want to help. Supporters take part in "
        "members' meetings but do not vote on ballots.",
        True,
        3,
    ),
]

#: (key, class, email, first name, last name, joined days ago, directory note or None).
#: A note (even empty) means the member has chosen to be listed in the members' directory.
MEMBERS = [
    (
        "dorothy",
        "user",
        "dorothy.pearce@example.org",
        "Dorothy",
        "Pearce",
        900,
        "Happy to chat with new members about what Sharing Care has meant for me.",
    ),
    ("samuel", "user", "samuel.okafor@example.org", "Samuel", "Okafor", 820, None),
    ("irene", "user", "irene.walsh@example.org", "Irene", "Walsh", 760, ""),
    (
        "kevin",
        "user",
        "kevin.doyle@example.org",
        "Kevin",
        "Doyle",
        640,
        "I care for my mum. Ask me about the carers' coffee morning.",
    ),
    ("bernadette", "user", "bernadette.hale@example.org", "Bernadette", "Hale", 410, None),
    ("rajesh", "user", "rajesh.patel@example.org", "Rajesh", "Patel", 300, None),
    ("eileen", "user", "eileen.morgan@example.org", "Eileen", "Morgan", 150, None),
    (
        "chloe",
        "worker",
        "chloe.barnes@example.org",
        "Chloe",
        "Barnes",
        880,
        "Care worker since the co-op began; on the members' council.",
    ),
    ("femi", "worker", "femi.adebayo@example.org", "Femi", "Adebayo", 700, None),
    (
        "marta",
        "worker",
        "marta.kowalska@example.org",
        "Marta",
        "Kowalska",
        530,
        "Mówię po polsku. I work mostly with members in the evenings.",
    ),
    ("hannah", "worker", "hannah.price@example.org", "Hannah", "Price", 360, None),
    ("liam", "worker", "liam.oconnor@example.org", "Liam", "O'Connor", 200, None),
    ("owen", "worker", "owen.richards@example.org", "Owen", "Richards", 40, None),
    ("ruth", "supporter", "ruth.ellison@example.org", "Ruth", "Ellison", 240, None),
]

#: Someone waiting for the secretary: (class, email, first name, last name, statement).
APPLICANT = (
    "user",
    "joseph.mwangi@example.org",
    "Joseph",
    "Mwangi",
    "Sharing Care has supported my dad since the spring and I am his main carer. I would "
    "like a say in how the co-op is run.",
)

#: The secretary: (email, first name, last name). Keeps the register in /admin/.
SECRETARY = ("coop.secretary@example.org", "Helen", "Carter")

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
    "dorothy": "for",
    "samuel": "for",
    "irene": "against",
    "kevin": "for",
    "bernadette": "abstain",
    "rajesh": "for",
    "eileen": "for",
    "chloe": "for",
    "femi": "for",
    "marta": "against",
    "hannah": "for",
    "liam": "for",
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
    "dorothy": "Tuesday afternoon",
    "kevin": "Thursday evening",
    "chloe": "Thursday evening",
    "marta": "Saturday morning",
}
#: Comments on the open ballot: (member, text, published?).
MEETING_COMMENTS = [
    (
        "kevin",
        "Evenings are the only time I can come, because I am with my mum in the day.",
        True,
    ),
    (
        "irene",
        "Could we have the meeting somewhere with a lift this time, please?",
        False,
    ),
]

PROPOSAL = {
    "proposer": "femi",
    "title": "Pay carers for travel time between visits",
    "text": (
        "At the moment care workers are paid only for the time they spend with members, not "
        "for the time it takes to get from one visit to the next. On a day with six visits "
        "that can be more than an hour without pay. I propose that Sharing Care pays worker "
        "members for travel time between visits, at the same hourly rate, from next April."
    ),
    "seconders": ["hannah"],
}


def _days_ago(days, hour=10):
    now = timezone.localtime()
    moment = now.replace(hour=hour, minute=0, second=0, microsecond=0)
    return moment - datetime.timedelta(days=days)


class VotingDemo(DemoSection):
    """Builds the membership and voting part of the demo; ``report_lines()`` says where to look."""

    def build(self):
        self.site = self.sites[SHARING_CARE]
        enablement.enable("voting", self.site)
        VotingSettings.objects.get_or_create(
            site=self.site, defaults={"seconds_needed": SECONDS_NEEDED}
        )
        self.register = MemberRegisterFactory(site=self.site, **REGISTER)
        self.classes = {
            key: MemberClassFactory(
                register=self.register,
                name=name,
                description=description,
                open_to_applications=open_to_applications,
                sort_order=order,
            )
            for key, name, description, open_to_applications, order in CLASSES
        }
        if not self.with_people:
            return
        self._people()
        voters = [self.classes["user"], self.classes["worker"]]
        self._rules_ballot(voters)
        self._meeting_ballot(voters)
        self._proposal()

    def report_lines(self):
        """Lines for seed_demo's summary: the co-op's voting pages and the demo accounts."""
        lines = [
            f"Membership and voting: Sharing Care co-op on {self.site.root_url}/plugins/voting/"
        ]
        if self.with_people:
            lines.append(
                "  sign in (password chorus-demo): members dorothy.pearce@example.org (user "
                "member) and liam.oconnor@example.org (worker member, has not voted on the "
                "open ballot); "
                "secretary (in /admin/) coop.secretary@example.org"
            )
        return lines

    # --- people ---------------------------------------------------------------------------

    def _person(self, email, first_name, last_name):
        return UserFactory(
            email=email, first_name=first_name, last_name=last_name, password=DEMO_PASSWORD
        )

    def _people(self):
        email, first_name, last_name = SECRETARY
        self.secretary = self._person(email, first_name, last_name)
        self.secretary.groups.add(self.register.secretaries)
        self.members = {}
        for key, member_class, email, first_name, last_name, days, note in MEMBERS:
            activated_at = _days_ago(days)
            membership = MembershipFactory(
                register=self.register,
                member_class=self.classes[member_class],
                user=self._person(email, first_name, last_name),
                activated_at=activated_at,
                applied_at=activated_at - datetime.timedelta(days=9),
                in_directory=note is not None,
                directory_note=note or "",
                # Marta applied in Polish, so the co-op's emails reach her in Polish.
                language="pl" if key == "marta" else "",
            )
            self._history(membership)
            self.members[key] = membership
        member_class, email, first_name, last_name, statement = APPLICANT
        self.applicant = MembershipFactory(
            register=self.register,
            member_class=self.classes[member_class],
            user=self._person(email, first_name, last_name),
            status=Membership.Status.APPLIED,
            applied_at=_days_ago(3),
            statement=statement,
        )
        self._history(self.applicant)

    def _history(self, membership):
        """The membership's events: applied, then (for members) approved by the secretary."""
        MembershipEvent.objects.get_or_create(
            membership=membership,
            status=Membership.Status.APPLIED,
            defaults={"at": membership.applied_at, "by": membership.user},
        )
        if membership.status == Membership.Status.ACTIVE:
            MembershipEvent.objects.get_or_create(
                membership=membership,
                status=Membership.Status.ACTIVE,
                defaults={"at": membership.activated_at, "by": self.secretary},
            )

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
            for number, (key, code) in enumerate(RULES_VOTES.items()):
                # Each vote at its own moment inside the week the ballot was open.
                when = ballot.opens_at + datetime.timedelta(hours=3 + 11 * number)
                self._vote(ballot, key, options[code], when)
            lifecycle.close_ballot(ballot, now=ballot.closes_at)
        self.rules_ballot = ballot

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
            for key, label in MEETING_VOTES.items():
                self._vote(ballot, key, options[label], now)
            for key, text, published in MEETING_COMMENTS:
                self._comment(ballot, key, text, published)
        self.meeting_ballot = ballot

    def _vote(self, ballot, key, option_id, when):
        """Cast the member's vote through the real casting code, unless they have voted."""
        user = self.members[key].user
        elector = casting.elector_for(ballot, user)
        if elector is not None and not elector.voted:
            casting.cast(ballot, user, [option_id], now=when)

    def _comment(self, ballot, key, text, published):
        author = self.members[key]
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
        for key in PROPOSAL["seconders"]:
            membership = self.members[key]
            if not Second.objects.filter(proposal=proposal, membership=membership).exists():
                proposals.second(proposal, membership)
        self.proposal = proposal
