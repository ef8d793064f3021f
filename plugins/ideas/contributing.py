"""What a person does on a board: suggest, support, comment and report.

Each function takes a :class:`~.identity.Participant` who is already known (signed in, or
confirmed by an email link). On a pre-moderated board ideas and comments wait for a
moderator; on a post-moderated one they are public at once. Supporting twice, even at the
same moment from two tabs, stores one support: the database's unique constraint decides.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from chorus.plugins import refresh_site_content

from .announcing import announce_later, thing_site
from .models import Comment, Idea, Report, Support, Visibility


def _visibility(board):
    return Visibility.PENDING if board.pre_moderated else Visibility.PUBLISHED


def _published(thing):
    """After making ``thing`` public: tell listeners and refresh the board's cached pages."""
    announce_later(thing)
    idea = getattr(thing, "idea", None) or thing
    refresh_site_content(thing_site(thing), pages=[idea.board])


def suggest(board, who, *, title, description):
    """Store ``who``'s idea on ``board``; return it (public at once when post-moderated)."""
    visibility = _visibility(board)
    with transaction.atomic():
        idea = Idea.objects.create(
            board=board,
            title=title.strip(),
            description=description.strip(),
            author_email=who.email,
            author_name=who.name,
            author_user=who.user if who.user is not None and who.user.pk else None,
            language=who.language,
            visibility=visibility,
            published_at=timezone.now() if visibility == Visibility.PUBLISHED else None,
        )
        if idea.is_public:
            _published(idea)
    return idea


def support(idea, who, *, hear_about_progress=False):
    """Record ``who``'s support for ``idea`` (and whether they asked to hear about its
    progress); return ``True`` if it is new, ``False`` if they supported it already (a
    fresh "tell me" is still kept)."""
    try:
        with transaction.atomic():
            Support.objects.create(
                idea=idea,
                email=who.email,
                user=who.user if who.user is not None and who.user.pk else None,
                language=who.language,
                hear_about_progress=hear_about_progress,
            )
    except IntegrityError:
        if hear_about_progress:
            Support.objects.filter(idea=idea, email__iexact=who.email).update(
                hear_about_progress=True
            )
        return False
    # No refresh of cached pages: a click must not empty every page's cache. The board's
    # counts may lag by the page-cache lifetime; the idea's own page is never cached.
    return True


def comment(idea, who, *, text):
    """Store ``who``'s comment on ``idea``; return it."""
    visibility = _visibility(idea.board)
    with transaction.atomic():
        note = Comment.objects.create(
            idea=idea,
            text=text.strip(),
            author_email=who.email,
            author_name=who.name,
            author_user=who.user if who.user is not None and who.user.pk else None,
            language=who.language,
            visibility=visibility,
            published_at=timezone.now() if visibility == Visibility.PUBLISHED else None,
        )
        if note.is_public:
            _published(note)
    return note


def report(thing, *, reason, email=""):
    """Report ``thing`` (an idea or a comment) to the moderators; return the report."""
    target = {"comment": thing} if isinstance(thing, Comment) else {"idea": thing}
    return Report.objects.create(reason=reason.strip(), email=email, **target)


def publish(thing):
    """Make ``thing`` public now (a moderator approved or restored it)."""
    first_time = thing.published_at is None
    thing.visibility = Visibility.PUBLISHED
    thing.published_at = thing.published_at or timezone.now()
    thing.save(update_fields=["visibility", "published_at"])
    if first_time:
        _published(thing)
    else:
        idea = getattr(thing, "idea", None) or thing
        refresh_site_content(thing_site(thing), pages=[idea.board])
