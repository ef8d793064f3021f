"""A ballot's rules and result in plain words, for members reading on a phone.

Kept apart from the views so the same sentences serve the ballot page, the home page and
the receipt page, and so each can be translated once.
"""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ..models import Ballot


def kind_explained(ballot):
    """What kind of vote this is and how it is decided, in one or two sentences."""
    if ballot.kind == Ballot.Kind.ORDINARY:
        return _(
            "This is an ordinary resolution: it passes if more votes are cast for it than "
            "against it. A tie means it does not pass. Abstentions are not counted as votes cast."
        )
    if ballot.kind == Ballot.Kind.SPECIAL:
        return _(
            "This is a special resolution: it passes if at least 75 in every 100 votes cast "
            "are for it. Abstentions are not counted as votes cast."
        )
    if ballot.kind == Ballot.Kind.CHOOSE_ONE:
        return _(
            "Choose one of the options. The option with the most votes is chosen. If two or "
            "more options tie for the most votes, none is chosen."
        )
    return ngettext(
        "This is an election for %(seats)d seat: you may mark %(seats)d candidate. The "
        "candidate with the most votes is elected. If candidates tie for the seat, none "
        "is elected.",
        "This is an election for %(seats)d seats: you may mark up to %(seats)d candidates. "
        "The %(seats)d candidates with the most votes are elected. Candidates who tie for "
        "the last seat are not elected if there is not room for them all.",
        ballot.seats,
    ) % {"seats": ballot.seats}


def quorum_explained(ballot):
    """How many members must vote for the result to count, or ``""`` with no quorum."""
    if ballot.quorum_kind == Ballot.Quorum.NONE:
        return _("There is no quorum: the result counts however many members vote.")
    if ballot.quorum_kind == Ballot.Quorum.COUNT or ballot.electorate_size is None:
        if ballot.quorum_kind == Ballot.Quorum.PERCENT:
            return _(
                "At least %(percent)d%% of the members who may vote must vote, or there is "
                "no decision."
            ) % {"percent": ballot.quorum_value or 0}
        return ngettext(
            "At least %(count)d member must vote, or there is no decision.",
            "At least %(count)d members must vote, or there is no decision.",
            ballot.quorum_needed(),
        ) % {"count": ballot.quorum_needed()}
    return ngettext(
        "At least %(percent)d%% of the members who may vote must vote, or there is no "
        "decision: that is %(count)d member of %(size)d.",
        "At least %(percent)d%% of the members who may vote must vote, or there is no "
        "decision: that is %(count)d members of %(size)d.",
        ballot.quorum_needed(),
    ) % {
        "percent": ballot.quorum_value or 0,
        "count": ballot.quorum_needed(),
        "size": ballot.electorate_size,
    }


def secrecy_explained(ballot):
    """Whether the ballot is secret, and what that means for the voter."""
    if ballot.secret:
        return _(
            "This is a secret ballot. Nobody, not even the secretary, can see how you voted. "
            "You get a receipt code to check your vote in the published list after it closes."
        )
    return _(
        "This is an open ballot: the record of how each member voted is kept with their "
        "name. You get a receipt code to check your vote in the published list after it closes."
    )


def change_explained(ballot):
    """Whether a vote can be changed before the ballot closes."""
    if not ballot.allow_change:
        return _("Once you have voted you cannot change your vote.")
    if ballot.secret:
        return _(
            "You can change your vote until the ballot closes, using the receipt code you "
            "were given when you voted."
        )
    return _("You can change your vote until the ballot closes.")


def voters_explained(ballot):
    """One line per member class that votes, with its weight and cap where they apply."""
    lines = []
    for eligible in ballot.eligible_classes.all():
        extras = []
        if eligible.weight != 1:
            extras.append(_("each vote counts as %(weight)s") % {"weight": number(eligible.weight)})
        if eligible.cap_percent is not None:
            extras.append(
                _("together their votes count for at most %(cap)s%% of the votes cast")
                % {"cap": number(eligible.cap_percent)}
            )
        name = eligible.member_class.name
        lines.append(f"{name}: {'; '.join(extras)}" if extras else name)
    return lines


def outcome_explained(ballot):
    """The outcome of a closed ballot in a sentence."""
    Outcome = Ballot.Outcome
    if ballot.outcome == Outcome.FAILED and not ballot.is_resolution:
        return _("Nobody voted for any option, so nothing was chosen.")
    words = {
        Outcome.PASSED: _("The resolution was carried."),
        Outcome.FAILED: _("The resolution was not carried."),
        Outcome.TIED: _("The vote was tied, so nothing was carried or chosen."),
        Outcome.CHOSEN: _("An option was chosen."),
        Outcome.ELECTED: _("Every seat was filled."),
        Outcome.SEATS_UNFILLED: _("Not every seat was filled."),
        Outcome.NO_QUORUM: _("Too few members voted to meet the quorum, so there is no decision."),
    }
    return words.get(ballot.outcome, "")


def number(value):
    """A decimal for people: ``3`` not ``3.0000``, ``2.5`` not ``2.5000``, at most 2 places."""
    value = Decimal(value).quantize(Decimal("0.01"))
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")
