"""``manage.py check_ballots``: prove every ballot's count is whole.

For every ballot that has opened (open or closed, on any site), checks that

- as many electors are marked as having voted as there are ballot papers;
- no paper of a secret ballot names its elector;
- a closed ballot, recounted from its papers with the same rules, gives exactly the
  published votes and papers per option, the winners, the turnout, the quorum and the outcome.

Prints each mismatch and exits with status 1 if there is any, so it can run from cron or CI
and raise the alarm. It reads only: nothing is changed.
"""

from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError

from plugins.voting.lifecycle import papers_for, rules_for
from plugins.voting.models import Ballot, BallotPaper
from plugins.voting.tally import count


def _published(ballot):
    return {
        line.option_id: (line.votes, line.papers, line.elected) for line in ballot.results.all()
    }


def _recount_problems(ballot):
    try:
        tally = count(rules_for(ballot), papers_for(ballot))
    except ValueError as error:  # a mark for an option the ballot does not have
        return [str(error)]
    found = []
    rounded = tally.rounded()
    recounted = {
        key: (Decimal(rounded[key]), tally.papers[key], key in tally.winners) for key in tally.votes
    }
    published = _published(ballot)
    for key in sorted(set(recounted) | set(published)):
        if recounted.get(key) != published.get(key):
            found.append(
                f"option {key}: published (votes, papers, elected) {published.get(key)}, "
                f"recount gives {recounted.get(key)}"
            )
    for name, recount in (
        ("outcome", tally.outcome),
        ("turnout", tally.turnout),
        ("quorum_met", tally.quorum_met),
    ):
        if getattr(ballot, name) != recount:
            found.append(f"{name}: published {getattr(ballot, name)!r}, recount gives {recount!r}")
    return found


def ballot_problems(ballot):
    """What is wrong with ``ballot``'s electorate, papers or published result (empty if none)."""
    found = []
    voted = ballot.electors.filter(voted=True).count()
    papers = BallotPaper.objects.filter(ballot=ballot).count()
    if voted != papers:
        found.append(f"{voted} elector(s) marked as voted, but {papers} ballot paper(s)")
    if ballot.secret:
        named = BallotPaper.objects.filter(ballot=ballot, elector__isnull=False).count()
        if named:
            found.append(f"{named} paper(s) of this secret ballot name their elector")
    if ballot.is_closed:
        found.extend(_recount_problems(ballot))
    return found


class Command(BaseCommand):
    help = (
        "Check every open and closed ballot: electors who voted match the papers, secret "
        "papers name nobody, and a recount of each closed ballot equals its published "
        "result. Exits non-zero if anything is wrong."
    )

    def handle(self, *args, **options):
        ballots = (
            Ballot.objects.filter(status__in=(Ballot.Status.OPEN, Ballot.Status.CLOSED))
            .select_related("site")
            .prefetch_related("options", "eligible_classes")
            .order_by("pk")
        )
        checked = problems = 0
        for ballot in ballots:
            checked += 1
            for problem in ballot_problems(ballot):
                problems += 1
                where = f"Ballot {ballot.pk} “{ballot}” ({ballot.site.hostname})"
                self.stdout.write(f"{where}: {problem}.")
        if problems:
            raise CommandError(f"{problems} problem(s) found in {checked} ballot(s).", returncode=1)
        self.stdout.write(self.style.SUCCESS(f"All {checked} ballots check out."))
