"""The public views under ``/plugins/ideas/``: an idea, and the forms to take part.

Boards themselves are Wagtail pages. These views are never cached (they hold CSRF tokens and
per-person state). Every form has a robot trap and a rate limit per client address; people
who are not signed in confirm by an emailed link, whose page has the button that acts.
"""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from chorus.accounts.throttling import client_address
from chorus.common.error_summary import problems
from chorus.common.form_fields import unchecked_copy
from chorus.common.ids import id_or_none
from chorus.common.rate_limits import RateLimit
from chorus.common.site_urls import request_site

from . import contributing, verifying
from .forms import CommentForm, ConfirmForm, IdeaForm, ReportForm, SupportForm
from .identity import Participant
from .models import Comment, Decision, Idea, IdeaBoardPage, PendingAction, Visibility

#: The session key of the address a link was sent to, for the "check your email" page.
SENT_TO = "chorus_ideas_sent_to"
LOG_PER_PAGE = 50


def posts():
    """Forms (and trapped robots' posts) one client address may send an hour."""
    return RateLimit("ideas:post", limit=settings.CHORUS_IDEAS_POSTS_PER_HOUR, seconds=3600)


def links():
    """Links one email address may be sent an hour, so nobody's inbox can be flooded."""
    return RateLimit("ideas:links", limit=5, seconds=3600)


def _boards(request):
    site = request_site(request)
    return IdeaBoardPage.objects.live().descendant_of(site.root_page, inclusive=True)


def _board(request, board_id):
    board = _boards(request).filter(pk=id_or_none(board_id)).select_related("topic").first()
    if board is None:
        raise Http404
    return board


def _idea(request, idea_id):
    """The public idea ``idea_id`` on a live board of this site, or 404."""
    idea = (
        Idea.objects.filter(
            pk=id_or_none(idea_id), board__in=_boards(request), visibility=Visibility.PUBLISHED
        )
        .select_related("board")
        .first()
    )
    if idea is None:
        raise Http404
    return idea


def _data(request):
    """What a form was sent, or ``None`` for a GET (a POST with nothing in it is still sent)."""
    return request.POST if request.method == "POST" else None


def _signed_in(request):
    return request.user.is_authenticated


def _language():
    return translation.get_language() or settings.LANGUAGE_CODE


def _throttled(request, template, context):
    form = unchecked_copy(context["form"], leave_out=("website",))
    context.update(
        form=form,
        problems=[],
        page_has_errors=True,
        throttled=_(
            "We have had many messages from your connection in the last hour, so we have not "
            "taken this one. Please try again later: what you typed is still below."
        ),
    )
    return render(request, template, context, status=429)


def _handle(request, form, template, context, act):
    """The shared journey of every form: trap, rate limit, checks, then ``act(form)``,
    which returns the response."""
    context = {**context, "form": form}
    if form.is_bound:
        address = client_address(request) or "unknown"
        limit = posts()
        if limit.exceeded(address):
            return _throttled(request, template, context)
        limit.note(address)
        if form.is_spam():
            return redirect("ideas:check_email")
        if form.is_valid():
            if "email" in form.cleaned_data:
                email = form.cleaned_data["email"].strip().lower()
                if links().exceeded(email):
                    form.add_error(
                        "email",
                        _(
                            "We have sent several links to this address in the last hour. "
                            "Please use one of them, or try again later."
                        ),
                    )
                    return render(request, template, {**context, "problems": problems(form)})
                links().note(email)
            return act(form)
    context["problems"] = problems(form)
    return render(request, template, context)


def _by_email(request, kind, *, board, form, answers, idea=None):
    verifying.start(
        kind,
        board=board,
        idea=idea,
        email=form.cleaned_data["email"],
        answers={**answers, "name": form.cleaned_data.get("name", "").strip()},
        language=_language(),
    )
    request.session[SENT_TO] = form.cleaned_data["email"]
    return redirect("ideas:check_email")


def _after_contribution(request, thing, board):
    if thing.is_public:
        messages.success(request, _("Thank you: it is now on the board."))
    else:
        messages.success(
            request,
            _("Thank you. A moderator will check it against the house rules before it appears."),
        )
    if isinstance(thing, Idea) and thing.is_public:
        return redirect("ideas:idea", thing.pk)
    if isinstance(thing, Comment):
        return redirect("ideas:idea", thing.idea_id)
    return redirect(board.get_url(request) or "/")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def suggest(request, board_id):
    """Suggest an idea on a board that is open for ideas."""
    board = _board(request, board_id)
    if not board.accepting_ideas:
        raise Http404
    form = IdeaForm(_data(request), signed_in=_signed_in(request))

    def act(form):
        data = form.cleaned_data
        if _signed_in(request):
            idea = contributing.suggest(
                board,
                Participant.signed_in(request.user, data["name"]),
                title=data["title"],
                description=data["description"],
            )
            return _after_contribution(request, idea, board)
        return _by_email(
            request,
            PendingAction.Kind.SUGGEST,
            board=board,
            form=form,
            answers={"title": data["title"], "description": data["description"]},
        )

    return _handle(request, form, "ideas/suggest.html", {"board": board}, act)


@never_cache
@require_http_methods(["GET", "HEAD"])
def idea(request, idea_id):
    """One idea: its status and reason, supports, comments and the forms to take part."""
    idea = _idea(request, idea_id)
    comments = idea.comments.filter(visibility=Visibility.PUBLISHED)
    supported = (
        _signed_in(request) and idea.supports.filter(email__iexact=request.user.email).exists()
    )
    context = {
        "idea": idea,
        "board": idea.board,
        "comments": comments,
        "support_count": idea.supports.count(),
        "supported": supported,
        # Two forms on one page: their fields need ids of their own.
        "support_form": SupportForm(signed_in=_signed_in(request), auto_id="support_%s"),
        "comment_form": CommentForm(signed_in=_signed_in(request), auto_id="comment_%s"),
        "history": idea.status_changes.all(),
    }
    return render(request, "ideas/idea.html", context)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def support(request, idea_id):
    """Support an idea, once per person."""
    idea = _idea(request, idea_id)
    form = SupportForm(_data(request), signed_in=_signed_in(request))

    def act(form):
        if _signed_in(request):
            keep_posted = form.cleaned_data.get("hear_about_progress", False)
            if contributing.support(
                idea, Participant.signed_in(request.user), hear_about_progress=keep_posted
            ):
                messages.success(request, _("Thank you for supporting this idea."))
            else:
                messages.info(request, _("You already support this idea."))
            return redirect("ideas:idea", idea.pk)
        return _by_email(
            request,
            PendingAction.Kind.SUPPORT,
            board=idea.board,
            form=form,
            answers={"hear_about_progress": form.cleaned_data.get("hear_about_progress", False)},
            idea=idea,
        )

    return _handle(request, form, "ideas/support.html", {"idea": idea, "board": idea.board}, act)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def comment(request, idea_id):
    """Comment on an idea."""
    idea = _idea(request, idea_id)
    form = CommentForm(_data(request), signed_in=_signed_in(request))

    def act(form):
        text = form.cleaned_data["text"]
        if _signed_in(request):
            who = Participant.signed_in(request.user, form.cleaned_data["name"])
            note = contributing.comment(idea, who, text=text)
            return _after_contribution(request, note, idea.board)
        return _by_email(
            request,
            PendingAction.Kind.COMMENT,
            board=idea.board,
            form=form,
            answers={"text": text},
            idea=idea,
        )

    return _handle(request, form, "ideas/comment.html", {"idea": idea, "board": idea.board}, act)


def _report(request, thing, idea):
    form = ReportForm(_data(request))

    def act(form):
        email = request.user.email.lower() if _signed_in(request) else ""
        contributing.report(thing, reason=form.cleaned_data["reason"], email=email)
        messages.success(request, _("Thank you for telling us. A moderator will look at it soon."))
        return redirect("ideas:idea", idea.pk)

    context = {"idea": idea, "board": idea.board, "thing": thing}
    return _handle(request, form, "ideas/report.html", context, act)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def report_idea(request, idea_id):
    """Report an idea that breaks the house rules."""
    idea = _idea(request, idea_id)
    return _report(request, idea, idea)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def report_comment(request, comment_id):
    """Report a comment that breaks the house rules."""
    note = (
        Comment.objects.filter(
            pk=id_or_none(comment_id),
            visibility=Visibility.PUBLISHED,
            idea__visibility=Visibility.PUBLISHED,
            idea__board__in=_boards(request),
        )
        .select_related("idea__board")
        .first()
    )
    if note is None:
        raise Http404
    return _report(request, note, note.idea)


@never_cache
def check_email(request):
    """After a form from someone not signed in: the link is on its way."""
    return render(request, "ideas/check_email.html", {"email": request.session.get(SENT_TO)})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """The page an emailed link opens: what will happen, and the button that does it."""
    pending = verifying.find(token)
    site_boards = _boards(request)
    if pending is not None and not site_boards.filter(pk=pending.board_id).exists():
        pending = None
    usable = pending is not None and pending.confirmed_at is None and not pending.expired
    form = ConfirmForm(_data(request))

    def act(form):
        result = verifying.confirm(pending) if usable else None
        if result is None:
            return render(request, "ideas/confirm.html", {"form": form, "usable": False})
        if pending.kind == PendingAction.Kind.SUPPORT:
            if result:
                messages.success(request, _("Thank you for supporting this idea."))
            else:
                messages.info(request, _("You already support this idea."))
            return redirect("ideas:idea", pending.idea_id)
        return _after_contribution(request, result, pending.board)

    context = {"pending": pending, "usable": usable}
    return _handle(request, form, "ideas/confirm.html", context, act)


@require_http_methods(["GET", "HEAD"])
def moderation_log(request, board_id):
    """A board's public moderation log: every decision and its reason, nobody's name."""
    board = _board(request, board_id)
    decisions = Decision.objects.filter(board=board).select_related("idea")
    page_obj = Paginator(decisions, LOG_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "ideas/moderation_log.html",
        {"board": board, "page_obj": page_obj, "decisions": page_obj.object_list},
    )
