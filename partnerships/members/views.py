"""The members' pages: the member area, the application to join, and the directory.

None of them is a Wagtail page, and each depends on who is asking, so none is cached
(``never_cache``). Each starts from the register of the site being visited.
"""

from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from chorus.common.error_summary import problems
from chorus.plugins.panels import dashboard_panels

from ..membership import MembershipError, apply, current_membership
from ..models import Membership
from . import dashboard, notifications
from .forms import JoinForm, ListingForm
from .lookups import directory_entries, latest_membership, site_register

Status = Membership.Status

#: How many members the directory lists on a page.
DIRECTORY_PAGE_SIZE = 50

#: Memberships whose holder may choose to be listed (a lapsed member keeps their choice).
MAY_LIST = (Status.ACTIVE, Status.LAPSED)


@never_cache
@login_required
def home(request):
    """The person's membership of this site's register, and what they can do as a member."""
    register = site_register(request)
    return _home(request, register, latest_membership(register, request.user))


def _home(request, register, membership, listing_form=None):
    may_list = membership is not None and membership.status in MAY_LIST
    if may_list and listing_form is None:
        listing_form = ListingForm(instance=membership)
    # The dashboard's own "Your membership" panel would repeat this page's first section.
    panels = [
        panel
        for panel in dashboard_panels(request.user, request)
        if panel.template_name != dashboard.PANEL_TEMPLATE
    ]
    context = {
        "register": register,
        "membership": membership,
        "listing_form": listing_form if may_list else None,
        "problems": problems(listing_form) if may_list and listing_form.is_bound else [],
        "panels": panels,
        "may_apply": register.open_for_applications
        and (membership is None or membership.status not in Membership.CURRENT),
    }
    return TemplateResponse(request, "partnerships/members/home.html", context)


@never_cache
@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def join(request):
    """Apply to join this site's register; the secretary then approves or declines."""
    register = site_register(request)
    existing = current_membership(register, request.user)
    open_classes = JoinForm.open_classes(register)
    context = {"register": register, "existing": existing, "form": None, "problems": []}
    if existing is not None:
        context["refusal"] = _("You have already applied to join, or are already a member.")
    elif not register.open_for_applications:
        context["refusal"] = _("This register is not taking applications at the moment.")
    elif not open_classes.exists():
        context["refusal"] = _("No kind of membership is open to applications at the moment.")
    if "refusal" in context:
        return TemplateResponse(request, "partnerships/members/join.html", context)

    form = JoinForm(request.POST if request.method == "POST" else None, register=register)
    if form.is_bound and form.is_valid():
        try:
            membership = apply(
                register,
                request.user,
                form.cleaned_data["member_class"],
                statement=form.cleaned_data["statement"],
                language=translation.get_language(),
            )
        except MembershipError as error:
            form.add_error(None, str(error))
        else:
            transaction.on_commit(partial(notifications.applied, membership.pk))
            messages.success(
                request,
                _(
                    "Thank you: your application has been sent. The secretary will look at "
                    "it, and we will email you when it has been decided."
                ),
            )
            return redirect("members:home")
    context.update(form=form, problems=problems(form) if form.is_bound else [])
    return TemplateResponse(request, "partnerships/members/join.html", context)


@never_cache
@login_required
@require_POST
def listing(request):
    """Save the member's choice to be listed in the directory, and their note."""
    register = site_register(request)
    membership = current_membership(register, request.user)
    if membership is None or membership.status not in MAY_LIST:
        return _refused(request, register, _("Only members can choose to be in the directory."))
    form = ListingForm(request.POST, instance=membership)
    if not form.is_valid():
        return _home(request, register, membership, listing_form=form)
    # Only these two fields: a whole-row save could undo a secretary's change made meanwhile.
    Membership.objects.filter(pk=membership.pk).update(
        in_directory=form.cleaned_data["in_directory"],
        directory_note=form.cleaned_data["directory_note"],
    )
    if form.cleaned_data["in_directory"]:
        messages.success(request, _("Saved: other members can now see you in the directory."))
    else:
        messages.success(request, _("Saved: you are not listed in the directory."))
    return redirect("members:home")


@never_cache
@login_required
def directory(request):
    """Active members who chose to be listed; only active members may look."""
    register = site_register(request)
    membership = current_membership(register, request.user)
    if membership is None or not membership.is_active:
        return _refused(
            request, register, _("Only active members of the co-op can see the directory.")
        )
    page = Paginator(directory_entries(register), DIRECTORY_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"register": register, "membership": membership, "page": page}
    return TemplateResponse(request, "partnerships/members/directory.html", context)


def _refused(request, register, reason):
    context = {"register": register, "reason": reason}
    return TemplateResponse(request, "partnerships/members/refused.html", context, status=403)
